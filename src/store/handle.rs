use std::io;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{LoadError, Loaded, load_file, to_ron, write_atomic, write_new};

/// The right to write one file. Only a successful load or the creation of a
/// new file hands one out, so a file that failed to load is never written.
#[derive(Debug)]
pub struct SessionFile {
    path: PathBuf,
}

impl SessionFile {
    /// Loads `path`; on success returns the content and the right to save it.
    pub fn open(path: &Path) -> Result<(SessionFile, Loaded), LoadError> {
        let loaded = load_file(path)?;
        Ok((SessionFile { path: path.to_owned() }, loaded))
    }

    /// Creates a new file holding `value`; fails if `path` already exists.
    pub fn create<T: Serialize>(path: &Path, value: &T) -> io::Result<SessionFile> {
        let text = to_ron(value).map_err(io::Error::other)?;
        write_new(path, text.as_bytes())?;
        Ok(SessionFile { path: path.to_owned() })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Atomically replaces the file with `value`.
    pub fn save<T: Serialize>(&mut self, value: &T) -> io::Result<()> {
        let text = to_ron(value).map_err(io::Error::other)?;
        self.save_text(&text)
    }

    /// Atomically replaces the file with already serialized text.
    pub fn save_text(&mut self, text: &str) -> io::Result<()> {
        write_atomic(&self.path, text.as_bytes())
    }
}
