//! The journal: every committed change appended to `.FILE.journal` and
//! fsync'd, a few hundred bytes whatever the size of the session, so a
//! change is durable in milliseconds. The whole file is rewritten (a
//! snapshot) now and then, after which the journal is removed. Every reader
//! replays the journal over the file it belongs to.
//!
//! The first line names the file version the journal continues (a hash of
//! its bytes); a journal for another version is ignored. Each further line
//! is one edit (a list of changes) in compact RON; a torn last line (a
//! crash in the middle of a write) is ignored.

use std::fs::{File, OpenOptions};
use std::hash::{Hash, Hasher};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::model::{Change, Session};

const HEADER: &str = "kenesh-journal 1 base=";

pub fn path_for(path: &Path) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    path.with_file_name(format!(".{name}.journal"))
}

pub fn hash_of(bytes: &[u8]) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut hasher);
    hasher.finish()
}

/// Applies the journal of `path` to `session`, if it continues `file_bytes`.
/// Returns how many edits were replayed.
pub fn replay(path: &Path, file_bytes: &[u8], session: &mut Session) -> usize {
    let Ok(text) = std::fs::read_to_string(path_for(path)) else { return 0 };
    let mut lines = text.split_inclusive('\n');
    let expected = format!("{HEADER}{:016x}\n", hash_of(file_bytes));
    if lines.next() != Some(expected.as_str()) {
        return 0;
    }
    let mut replayed = 0;
    for line in lines {
        // Only whole lines: the last one may be torn by a crash.
        let Some(line) = line.strip_suffix('\n') else { break };
        let Ok(changes) = ron::from_str::<Vec<Change>>(line) else { break };
        session.apply_all(changes);
        replayed += 1;
    }
    replayed
}

/// The open journal of one file (the writer holds the file's lock).
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    file: Option<File>,
}

impl Journal {
    pub fn new(session_path: &Path) -> Journal {
        Journal { path: path_for(session_path), file: None }
    }

    /// Whether edits are waiting in the journal for a snapshot.
    pub fn has_entries(&self) -> bool {
        self.file.is_some()
    }

    /// Appends one edit and makes it durable. `base` is the hash of the
    /// file the journal continues (written when the journal starts).
    pub fn append(&mut self, base: u64, changes: &[Change]) -> io::Result<()> {
        let mut line = ron::to_string(changes).map_err(io::Error::other)?;
        line.push('\n');
        if self.file.is_none() {
            let mut file =
                OpenOptions::new().write(true).create(true).truncate(true).open(&self.path)?;
            file.write_all(format!("{HEADER}{base:016x}\n").as_bytes())?;
            file.sync_all()?;
            if let Some(folder) = self.path.parent().filter(|p| !p.as_os_str().is_empty()) {
                File::open(folder)?.sync_all()?;
            }
            self.file = Some(file);
        }
        let file = self.file.as_mut().expect("opened above");
        file.write_all(line.as_bytes())?;
        file.sync_data()
    }

    /// After a snapshot: the file holds everything, the journal goes.
    pub fn clear(&mut self) {
        self.file = None;
        let _ = std::fs::remove_file(&self.path);
    }
}
