//! [`SessionFile`]: the one owner of a session on disk. It reads the file
//! and its journal, holds the writer's lock, appends to the journal, writes
//! snapshots (also from a background thread) and conflict copies, and
//! notices when another program changed or deleted the file.

use std::fs::File;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::SystemTime;

use serde::Serialize;

use super::journal::{self, Journal, Replayed, hash_of};
use super::safe_fs::{self, Links, MAX_FILE_BYTES, Sidecar};
use super::sidecar::Sidecars;
use super::{LoadError, Loaded, parse_bytes, to_ron, write_new};
use crate::model::{Change, Session, Timestamp};

/// What a version of the file on disk looks like, to notice another
/// program changing it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Fingerprint {
    len: u64,
    modified: Option<SystemTime>,
    hash: u64,
}

fn fingerprint(path: &Path, bytes: &[u8]) -> Fingerprint {
    let meta = std::fs::metadata(path).ok();
    Fingerprint {
        len: bytes.len() as u64,
        modified: meta.and_then(|m| m.modified().ok()),
        hash: hash_of(bytes),
    }
}

/// Why a save did not write the file (no `source`: the I/O error is its
/// whole message).
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    Io(io::Error),
    /// Another program changed (or deleted) the file since we loaded or
    /// saved it. Our version went to `kept_in` instead; the file was not touched.
    ChangedOutside {
        path: PathBuf,
        kept_in: PathBuf,
        deleted: bool,
    },
}

impl From<io::Error> for SaveError {
    fn from(e: io::Error) -> Self {
        SaveError::Io(e)
    }
}

/// Why the one-writer lock was not taken (or was lost): data, put into
/// words where it is shown (`crate::file_messages`).
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Another process holds the lock.
    Held(LockHolder),
    /// The file has several names (hard links): an atomic save would
    /// separate them.
    HardLinks {
        path: PathBuf,
        count: u64,
    },
    Io(#[from] io::Error),
}

/// Who holds a lock, as its lock file says. The file holds one
/// language-neutral line, `pid=… host=… since=HH:MM:SS`, so a reader in
/// any language can put it into words; a line in another shape (an older
/// kenesh wrote a sentence) is kept whole in `raw`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LockHolder {
    pub pid: Option<u32>,
    /// `None` when the writer did not know its host name.
    pub host: Option<String>,
    pub since: Option<String>,
    pub raw: String,
}

impl LockHolder {
    /// The line this process writes into the lock file it takes.
    fn line_for_this_process(since: &str) -> String {
        let mut line = format!("pid={}", std::process::id());
        if let Some(host) = hostname() {
            // Host names have no spaces; keep the line parseable regardless.
            line.push_str(&format!(" host={}", host.replace(char::is_whitespace, "_")));
        }
        line.push_str(&format!(" since={since}"));
        line
    }

    /// Reads the line of a lock file.
    pub fn parse(text: &str) -> LockHolder {
        let raw = text.trim().to_owned();
        let mut holder = LockHolder { pid: None, host: None, since: None, raw: raw.clone() };
        for word in raw.split_whitespace() {
            match word.split_once('=') {
                Some(("pid", v)) => holder.pid = v.parse().ok(),
                Some(("host", v)) => holder.host = Some(v.to_owned()),
                Some(("since", v)) => holder.since = Some(v.to_owned()),
                _ => return LockHolder { pid: None, host: None, since: None, raw },
            }
        }
        holder
    }
}

/// Reads and parses a session or programme file (only a regular file, at
/// most [`super::MAX_FILE_BYTES`]). A session's journal (edits not yet in
/// the file) is replayed over it.
pub fn load_file(path: &Path) -> Result<Loaded, LoadError> {
    read(path).map(|(loaded, _)| loaded)
}

/// Reads a session or programme file the way every reader does: only a
/// regular file, bounded, with the session's journal replayed over it.
pub fn read(path: &Path) -> Result<(Loaded, Replayed), LoadError> {
    let bytes = read_file(path)?;
    let mut loaded = parse_bytes(path, &bytes)?;
    let mut replayed = Replayed::default();
    if let Loaded::Session(session) = &mut loaded {
        replayed = replay_journal(path, &bytes, session)?;
    }
    Ok((loaded, replayed))
}

fn read_file(path: &Path) -> Result<Vec<u8>, LoadError> {
    safe_fs::read_regular(path, Links::Follow, MAX_FILE_BYTES)
        .map_err(|source| LoadError::Io { path: path.to_owned(), source })
}

/// Replays the journal beside `path`, if there is one. A journal that is
/// not a regular file (a link, a FIFO) is an error naming it.
fn replay_journal(path: &Path, bytes: &[u8], session: &mut Session) -> Result<Replayed, LoadError> {
    let journal_path = journal::path_for(path);
    let journal_bytes = match safe_fs::read_regular(&journal_path, Links::Refuse, MAX_FILE_BYTES) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Replayed::default()),
        Err(source) => return Err(LoadError::Io { path: journal_path, source }),
    };
    Ok(journal::replay(&journal::parse(&journal_bytes), bytes, session))
}

/// What the editor's open found and did with a journal left behind.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Folded {
    /// Edits from the journal now in the file.
    pub applied: usize,
    /// Edits that did not apply (the file changed after they were
    /// journaled): kept in this conflict copy.
    pub rejected: usize,
    pub conflict_copy: Option<PathBuf>,
    /// Unreadable lines (or a journal of another session): it was kept here.
    pub bad_lines: Vec<usize>,
    pub other_session: bool,
    pub damaged_copy: Option<PathBuf>,
}

/// The state a background snapshot shares with the editor.
#[derive(Debug)]
struct Shared {
    seen: Option<Fingerprint>,
    /// Set after the file changed outside: our saves go here instead.
    diverted_to: Option<PathBuf>,
    journal: Journal,
}

/// The right to write one file. Only a successful load or the creation of a
/// new file hands one out, so a file that failed to load is never written.
#[derive(Debug)]
pub struct SessionFile {
    path: PathBuf,
    sidecars: Sidecars,
    shared: Arc<Mutex<Shared>>,
    lock: Option<HeldLock>,
    /// What the journal replay at open found (folded in by `fold_journal`).
    replayed: Replayed,
    file_bytes_at_open: Option<Vec<u8>>,
}

#[derive(Debug)]
struct HeldLock {
    // Held open for as long as we write: closing it releases the lock.
    _file: File,
    #[cfg(unix)]
    identity: (u64, u64),
}

/// The lock file of a session file: `.NAME.lock` beside it.
pub fn lock_path(path: &Path) -> PathBuf {
    Sidecars::of(path).lock()
}

impl SessionFile {
    fn with(path: &Path, seen: Option<Fingerprint>) -> SessionFile {
        let shared = Shared { seen, diverted_to: None, journal: Journal::new(path) };
        SessionFile {
            path: path.to_owned(),
            sidecars: Sidecars::of(path),
            shared: Arc::new(Mutex::new(shared)),
            lock: None,
            replayed: Replayed::default(),
            file_bytes_at_open: None,
        }
    }

    /// Loads `path` (with its journal); on success returns the content and
    /// the right to save it.
    pub fn open(path: &Path) -> Result<(SessionFile, Loaded), LoadError> {
        let bytes = read_file(path)?;
        let mut loaded = parse_bytes(path, &bytes)?;
        let mut file = SessionFile::with(path, Some(fingerprint(path, &bytes)));
        if let Loaded::Session(session) = &mut loaded {
            file.replayed = replay_journal(path, &bytes, session)?;
            file.shared().journal.set_session(session.id);
        }
        file.file_bytes_at_open = Some(bytes);
        Ok((file, loaded))
    }

    /// Creates a new file holding `value`; fails if `path` already exists.
    pub fn create<T: Serialize>(path: &Path, value: &T) -> io::Result<SessionFile> {
        let text = to_ron(value).map_err(io::Error::other)?;
        write_new(path, text.as_bytes())?;
        let file = SessionFile::with(path, Some(fingerprint(path, text.as_bytes())));
        if let Ok(Loaded::Session(session)) = parse_bytes(path, text.as_bytes()) {
            file.shared().journal.set_session(session.id);
        }
        Ok(file)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn sidecars(&self) -> &Sidecars {
        &self.sidecars
    }

    /// What the journal replay at open found.
    pub fn replayed(&self) -> &Replayed {
        &self.replayed
    }

    fn shared(&self) -> MutexGuard<'_, Shared> {
        // A panicking snapshot thread leaves nothing half-done in `Shared`.
        self.shared.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Takes the one-writer lock. `Err` names who holds it (pid, host,
    /// since when) or why it cannot be taken; the lock goes away when its
    /// process dies, even by `kill -9`.
    pub fn lock(&mut self) -> Result<(), LockError> {
        if self.lock.is_some() {
            return Ok(());
        }
        if let Some(refused) = self.hard_links() {
            return Err(refused);
        }
        let path = self.sidecars.lock();
        let mut file = safe_fs::open_sidecar(&path, Sidecar::Keep)?;
        if !safe_fs::try_lock(&file) {
            let mut holder = String::new();
            let _ = file.read_to_string(&mut holder);
            return Err(LockError::Held(LockHolder::parse(&holder)));
        }
        let since = chrono::Local::now().format("%H:%M:%S").to_string();
        let holder = LockHolder::line_for_this_process(&since);
        let _ = file.set_len(0).and_then(|()| file.write_all(holder.as_bytes()));
        #[cfg(unix)]
        let identity = safe_fs::identity(&file.metadata()?);
        self.lock = Some(HeldLock {
            _file: file,
            #[cfg(unix)]
            identity,
        });
        // Someone may have replaced the lock file between our open and lock.
        self.lock_intact()
    }

    /// A file with several names (hard links) would be split by an atomic
    /// save: the other names would keep the old content.
    fn hard_links(&self) -> Option<LockError> {
        let meta = std::fs::metadata(&self.path).ok()?;
        let count = safe_fs::link_count(&meta);
        (count > 1).then(|| LockError::HardLinks { path: self.path.clone(), count })
    }

    /// Whether the lock file we hold is still the one at its path. If it
    /// was deleted, it is made and taken again; if another kenesh made a
    /// new one meanwhile, we are no longer the writer: `Err` says who is.
    pub fn lock_intact(&mut self) -> Result<(), LockError> {
        #[cfg(unix)]
        if let Some(held) = &self.lock {
            let path = self.sidecars.lock();
            match std::fs::symlink_metadata(&path) {
                Ok(meta) if safe_fs::identity(&meta) == held.identity => return Ok(()),
                Ok(_) => {
                    self.lock = None;
                    return self.lock();
                }
                Err(_) => {
                    self.lock = None;
                    return self.lock();
                }
            }
        }
        Ok(())
    }

    /// Whether this process holds the writer's lock.
    pub fn is_locked(&self) -> bool {
        self.lock.is_some()
    }

    /// Folds a journal found at open into the file, now that we hold the
    /// lock: the file becomes the whole truth. Edits that no longer apply
    /// go to a conflict copy; a journal with unreadable lines is kept aside.
    pub fn fold_journal(&mut self, session: &Session, now: Timestamp) -> io::Result<Folded> {
        let replayed = std::mem::take(&mut self.replayed);
        let mut folded = Folded {
            applied: replayed.applied,
            rejected: replayed.rejected.len(),
            bad_lines: replayed.bad_lines.clone(),
            other_session: replayed.other_session,
            ..Folded::default()
        };
        let journal_path = self.sidecars.journal();
        let stamp = now.format("%Y%m%d-%H%M%S").to_string();
        if !replayed.rejected.is_empty() {
            let mut ours = session.clone();
            journal::force(&mut ours, &replayed.rejected);
            let copy = self.sidecars.conflict(&stamp);
            let text = to_ron(&ours).map_err(io::Error::other)?;
            super::atomic::write_sidecar_atomic(&copy, text.as_bytes())?;
            folded.conflict_copy = Some(copy);
        }
        if replayed.applied > 0 {
            self.save(session).map_err(|e| match e {
                SaveError::Io(e) => e,
                other => io::Error::other(other.to_string()),
            })?;
        }
        if !replayed.bad_lines.is_empty() || replayed.other_session {
            let damaged = self.sidecars.damaged_journal(&stamp);
            std::fs::rename(&journal_path, &damaged)?;
            folded.damaged_copy = Some(damaged);
        } else if std::fs::symlink_metadata(&journal_path).is_ok() {
            std::fs::remove_file(&journal_path)?;
        }
        self.file_bytes_at_open = None;
        Ok(folded)
    }

    /// Where saves go now: the file, or the conflict copy after the file was
    /// changed outside.
    pub fn diverted_to(&self) -> Option<PathBuf> {
        self.shared().diverted_to.clone()
    }

    /// Atomically replaces the file with `value`.
    pub fn save<T: Serialize>(&mut self, value: &T) -> Result<(), SaveError> {
        let text = to_ron(value).map_err(io::Error::other)?;
        self.save_text(&text)
    }

    /// Atomically replaces the file with already serialized text, unless
    /// another program changed it: then the text goes to
    /// `FILE.conflict-<time>.ron` beside it, and so do later saves, until
    /// `reload`.
    pub fn save_text(&mut self, text: &str) -> Result<(), SaveError> {
        let mut shared = self.shared.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(kept_in) = &shared.diverted_to {
            super::atomic::write_sidecar_atomic(kept_in, text.as_bytes())?;
            shared.journal.clear();
            return Ok(());
        }
        if let Some(deleted) = changed_outside(&self.path, shared.seen) {
            return Err(divert(&self.path, &self.sidecars, &mut shared, text, deleted));
        }
        super::atomic::write_atomic(&self.path, text.as_bytes())?;
        shared.seen = Some(fingerprint(&self.path, text.as_bytes()));
        // The file now holds every journaled edit.
        shared.journal.clear();
        Ok(())
    }

    /// Appends one edit to the journal (durable when this returns). Not
    /// possible after the file changed outside: then only a full save
    /// (to the conflict copy) keeps the data.
    pub fn append(&mut self, at: Timestamp, changes: &[Change]) -> Result<(), SaveError> {
        let mut shared = self.shared();
        match (&shared.diverted_to, shared.seen) {
            (None, Some(seen)) if changed_outside(&self.path, Some(seen)).is_none() => {
                Ok(shared.journal.append(seen.hash, at, changes)?)
            }
            _ => Err(SaveError::Io(io::Error::other("no journal: a full save is needed"))),
        }
    }

    /// Whether edits are in the journal and not yet in the file.
    pub fn has_journal_entries(&self) -> bool {
        self.shared().journal.has_entries()
    }

    /// A snapshot of `session` that a background thread can write while
    /// the editor goes on journaling.
    pub fn snapshot_job(&self, session: Session) -> SnapshotJob {
        let upto = self.shared().journal.last_seq();
        SnapshotJob {
            path: self.path.clone(),
            sidecars: self.sidecars.clone(),
            shared: Arc::clone(&self.shared),
            session,
            upto,
        }
    }

    /// After a snapshot was written: the journal keeps only later edits.
    pub fn finish_snapshot(&mut self, done: &SnapshotDone) -> io::Result<()> {
        let mut shared = self.shared();
        match done {
            SnapshotDone::Replaced { hash, upto } => shared.journal.folded(*hash, *upto),
            // Everything journaled is in the conflict copy now; later edits
            // are saved there whole.
            SnapshotDone::Diverted { .. } => {
                shared.journal.clear();
                Ok(())
            }
        }
    }

    /// Re-reads the file (after it changed outside); saves go to it again.
    pub fn reload(&mut self) -> Result<Loaded, LoadError> {
        let bytes = read_file(&self.path)?;
        let mut loaded = parse_bytes(&self.path, &bytes)?;
        if !self.is_locked()
            && let Loaded::Session(session) = &mut loaded
        {
            // A reader shows the writer's journaled edits too.
            replay_journal(&self.path, &bytes, session)?;
        }
        let mut shared = self.shared();
        shared.seen = Some(fingerprint(&self.path, &bytes));
        shared.diverted_to = None;
        shared.journal.clear();
        Ok(loaded)
    }
}

/// Our version goes to a conflict copy beside the file, and so will every
/// later save until a reload.
fn divert(
    path: &Path,
    sidecars: &Sidecars,
    shared: &mut Shared,
    text: &str,
    deleted: bool,
) -> SaveError {
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    let kept_in = sidecars.conflict(&stamp.to_string());
    if let Err(e) = super::atomic::write_sidecar_atomic(&kept_in, text.as_bytes()) {
        return SaveError::Io(e);
    }
    shared.diverted_to = Some(kept_in.clone());
    // Everything journaled is in the conflict copy now.
    shared.journal.clear();
    SaveError::ChangedOutside { path: path.to_owned(), kept_in, deleted }
}

/// Whether the file on disk is not what we last loaded or saved: `Some(true)`
/// if it is gone, `Some(false)` if its content differs. Size and time
/// first; the content hash decides when they differ.
fn changed_outside(path: &Path, seen: Option<Fingerprint>) -> Option<bool> {
    let seen = seen?;
    let Ok(meta) = std::fs::metadata(path) else { return Some(true) };
    if meta.len() == seen.len && meta.modified().ok() == seen.modified {
        return None;
    }
    match safe_fs::read_regular(path, Links::Follow, MAX_FILE_BYTES) {
        Ok(bytes) if hash_of(&bytes) == seen.hash => None,
        _ => Some(false),
    }
}

/// A snapshot to write off the UI thread.
pub struct SnapshotJob {
    path: PathBuf,
    sidecars: Sidecars,
    shared: Arc<Mutex<Shared>>,
    session: Session,
    upto: u64,
}

/// How a snapshot ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SnapshotDone {
    /// The file now holds every journal entry up to `upto`.
    Replaced { hash: u64, upto: u64 },
    /// The file had changed outside: the snapshot went to `kept_in`.
    Diverted { kept_in: PathBuf, deleted: bool },
}

impl SnapshotJob {
    /// Serializes and writes the snapshot. The slow part (serializing,
    /// writing and syncing the temporary file) runs without holding the
    /// shared state, so journal appends go on meanwhile.
    pub fn write(self) -> Result<SnapshotDone, SaveError> {
        let text = to_ron(&self.session).map_err(io::Error::other)?;
        let hash = hash_of(text.as_bytes());
        let temp = super::atomic::write_temp(&self.path, text.as_bytes())?;
        let mut shared = self.shared.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(kept_in) = shared.diverted_to.clone() {
            let _ = std::fs::remove_file(&temp);
            super::atomic::write_sidecar_atomic(&kept_in, text.as_bytes())?;
            return Ok(SnapshotDone::Diverted { kept_in, deleted: false });
        }
        if let Some(deleted) = changed_outside(&self.path, shared.seen) {
            let _ = std::fs::remove_file(&temp);
            return match divert(&self.path, &self.sidecars, &mut shared, &text, deleted) {
                SaveError::ChangedOutside { kept_in, deleted, .. } => {
                    Ok(SnapshotDone::Diverted { kept_in, deleted })
                }
                other => Err(other),
            };
        }
        // Readers find where to start whichever file they see.
        if let Err(e) = shared.journal.mark_base(hash, self.upto) {
            let _ = std::fs::remove_file(&temp);
            return Err(e.into());
        }
        super::atomic::rename_into_place(&temp, &self.path)?;
        shared.seen = Some(fingerprint(&self.path, text.as_bytes()));
        Ok(SnapshotDone::Replaced { hash, upto: self.upto })
    }
}

fn hostname() -> Option<String> {
    std::fs::read_to_string("/etc/hostname")
        .map(|h| h.trim().to_owned())
        .ok()
        .filter(|h| !h.is_empty())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .filter(|h| !h.is_empty())
}
