use std::fs::{File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use serde::Serialize;

use super::{LoadError, Loaded, parse_bytes, to_ron, write_atomic, write_new};

/// What a version of the file on disk looks like, to notice another
/// program changing it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Fingerprint {
    len: u64,
    modified: Option<SystemTime>,
    hash: u64,
}

use super::journal::{Journal, hash_of};

fn fingerprint(path: &Path, bytes: &[u8]) -> Fingerprint {
    let meta = std::fs::metadata(path).ok();
    Fingerprint {
        len: bytes.len() as u64,
        modified: meta.and_then(|m| m.modified().ok()),
        hash: hash_of(bytes),
    }
}

/// Why a save did not write the file.
#[derive(Debug)]
pub enum SaveError {
    Io(io::Error),
    /// Another program changed the file since we loaded or saved it. Our
    /// version went to `kept_in` instead; the file was not touched.
    ChangedOutside {
        path: PathBuf,
        kept_in: PathBuf,
    },
}

impl From<io::Error> for SaveError {
    fn from(e: io::Error) -> Self {
        SaveError::Io(e)
    }
}

impl std::error::Error for SaveError {}

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SaveError::Io(e) => write!(f, "{e}"),
            SaveError::ChangedOutside { path, kept_in } => write!(
                f,
                "{}",
                crate::i18n::targs(
                    "save-changed-outside",
                    &[
                        ("file", path.display().to_string().into()),
                        ("kept", kept_in.display().to_string().into())
                    ]
                )
            ),
        }
    }
}

/// The right to write one file. Only a successful load or the creation of a
/// new file hands one out, so a file that failed to load is never written.
/// It also remembers what the file looked like, so a change made by
/// another program is never overwritten.
#[derive(Debug)]
pub struct SessionFile {
    path: PathBuf,
    seen: Option<Fingerprint>,
    lock: Option<File>,
    /// Set after the file changed outside: our saves go here instead.
    diverted_to: Option<PathBuf>,
    journal: Journal,
}

/// The lock file of a session file: `.NAME.lock` beside it. A lock on the
/// data file itself would not survive the atomic rename of a save.
pub fn lock_path(path: &Path) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    path.with_file_name(format!(".{name}.lock"))
}

impl SessionFile {
    /// Loads `path`; on success returns the content and the right to save it.
    pub fn open(path: &Path) -> Result<(SessionFile, Loaded), LoadError> {
        let bytes = std::fs::read(path)
            .map_err(|source| LoadError::Io { path: path.to_owned(), source })?;
        let mut loaded = parse_bytes(path, &bytes)?;
        if let Loaded::Session(session) = &mut loaded {
            super::journal::replay(path, &bytes, session);
        }
        let seen = Some(fingerprint(path, &bytes));
        let journal = Journal::new(path);
        Ok((
            SessionFile { path: path.to_owned(), seen, lock: None, diverted_to: None, journal },
            loaded,
        ))
    }

    /// Creates a new file holding `value`; fails if `path` already exists.
    pub fn create<T: Serialize>(path: &Path, value: &T) -> io::Result<SessionFile> {
        let text = to_ron(value).map_err(io::Error::other)?;
        write_new(path, text.as_bytes())?;
        let seen = Some(fingerprint(path, text.as_bytes()));
        Ok(SessionFile {
            path: path.to_owned(),
            seen,
            lock: None,
            diverted_to: None,
            journal: Journal::new(path),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Takes the one-writer lock. `Err` names who holds it (pid, host,
    /// since when); the lock goes away when its process dies, even by
    /// `kill -9`.
    pub fn lock(&mut self) -> Result<(), String> {
        let path = lock_path(&self.path);
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(|e| e.to_string())?;
        match file.try_lock() {
            Ok(()) => {
                let holder = crate::i18n::targs(
                    "lock-holder",
                    &[
                        ("pid", std::process::id().to_string().into()),
                        ("host", hostname().into()),
                        ("time", chrono::Local::now().format("%H:%M:%S").to_string().into()),
                    ],
                );
                let _ = file.set_len(0).and_then(|()| file.write_all(holder.as_bytes()));
                self.lock = Some(file);
                Ok(())
            }
            Err(_) => {
                let mut holder = String::new();
                let _ = file.read_to_string(&mut holder);
                Err(holder.trim().to_owned())
            }
        }
    }

    /// Where saves go now: the file, or the conflict copy after the file was
    /// changed outside.
    pub fn diverted_to(&self) -> Option<&Path> {
        self.diverted_to.as_deref()
    }

    /// Atomically replaces the file with `value`.
    pub fn save<T: Serialize>(&mut self, value: &T) -> Result<(), SaveError> {
        let text = to_ron(value).map_err(io::Error::other)?;
        self.save_text(&text)
    }

    /// Atomically replaces the file with already serialized text, unless
    /// another program changed it: then the text goes to
    /// `FILE.conflict-<time>.ron` beside it, and so do later saves, until
    /// `reloaded`.
    pub fn save_text(&mut self, text: &str) -> Result<(), SaveError> {
        if let Some(kept_in) = &self.diverted_to {
            write_atomic(kept_in, text.as_bytes())?;
            return Ok(());
        }
        if self.changed_outside() {
            let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
            let stem =
                self.path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            let kept_in = self.path.with_file_name(format!("{stem}.conflict-{stamp}.ron"));
            write_atomic(&kept_in, text.as_bytes())?;
            self.diverted_to = Some(kept_in.clone());
            // Everything journaled is in the conflict copy now.
            self.journal.clear();
            return Err(SaveError::ChangedOutside { path: self.path.clone(), kept_in });
        }
        write_atomic(&self.path, text.as_bytes())?;
        self.seen = Some(fingerprint(&self.path, text.as_bytes()));
        // The file now holds every journaled edit.
        self.journal.clear();
        Ok(())
    }

    /// Appends one edit to the journal (durable when this returns). Not
    /// possible after the file changed outside: then only a full save
    /// (to the conflict copy) keeps the data.
    pub fn append(&mut self, changes: &[crate::model::Change]) -> Result<(), SaveError> {
        // A journal continues the file as we last saw it; if another program
        // changed the file, only a full save (to the conflict copy) is safe.
        match (&self.diverted_to, self.seen) {
            (None, Some(seen)) if !self.changed_outside() => {
                Ok(self.journal.append(seen.hash, changes)?)
            }
            _ => Err(SaveError::Io(io::Error::other("no journal: a full save is needed"))),
        }
    }

    /// Whether edits are in the journal and not yet in the file.
    pub fn has_journal_entries(&self) -> bool {
        self.journal.has_entries()
    }

    /// Re-reads the file (after it changed outside); saves go to it again.
    pub fn reload(&mut self) -> Result<Loaded, LoadError> {
        let bytes = std::fs::read(&self.path)
            .map_err(|source| LoadError::Io { path: self.path.clone(), source })?;
        let loaded = parse_bytes(&self.path, &bytes)?;
        self.seen = Some(fingerprint(&self.path, &bytes));
        self.diverted_to = None;
        self.journal.clear();
        Ok(loaded)
    }

    /// Whether the file on disk is not what we last loaded or saved. Size
    /// and time first; the content hash decides when they differ.
    fn changed_outside(&self) -> bool {
        let Some(seen) = self.seen else { return false };
        let Ok(meta) = std::fs::metadata(&self.path) else {
            // Deleted or moved away: writing it again loses nothing.
            return false;
        };
        if meta.len() == seen.len && meta.modified().ok() == seen.modified {
            return false;
        }
        match std::fs::read(&self.path) {
            Ok(bytes) => hash_of(&bytes) != seen.hash,
            Err(_) => true,
        }
    }
}

fn hostname() -> String {
    std::fs::read_to_string("/etc/hostname")
        .map(|h| h.trim().to_owned())
        .ok()
        .filter(|h| !h.is_empty())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .unwrap_or_else(|| crate::i18n::t("lock-this-computer"))
}
