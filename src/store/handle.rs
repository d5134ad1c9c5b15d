//! [`SessionFile`]: the one owner of a session on disk. It reads the file
//! and its journal, holds the writer's lock, appends to the journal, writes
//! snapshots (also from a background thread) and conflict copies, and
//! notices when another program changed or deleted the file.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::SystemTime;

use serde::Serialize;

use super::journal::{self, Replayed, hash_of};
use super::safe_fs::{self, Links, MAX_FILE_BYTES, Sidecar};
use super::shared::origin::hostname;
use super::shared::{self, Origin, OwnJournal, WriterJournal};
use super::sidecar::Sidecars;
use super::{LoadError, Loaded, parse_bytes, to_ron, write_new};
use crate::model::{Change, Id, Session, Timestamp};

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
    read_shared(path).map(|(loaded, replayed, _, _)| (loaded, replayed))
}

/// Reads the file, its old single journal and every writer's journal.
/// The writers' journals are read before the file: a writer that quits
/// removes its journal only after the file holds it, so whichever file we
/// then see, nothing is missed.
fn read_shared(
    path: &Path,
) -> Result<(Loaded, Replayed, Vec<WriterJournal>, shared::Replay), LoadError> {
    let journals =
        shared::read_journals(path).map_err(|(path, source)| LoadError::Io { path, source })?;
    let bytes = read_file(path)?;
    let mut loaded = parse_bytes(path, &bytes)?;
    let mut replayed = Replayed::default();
    let mut shared_replay = shared::Replay::default();
    if let Loaded::Session(session) = &mut loaded {
        replayed = replay_journal(path, &bytes, session)?;
        shared_replay = shared::replay(session, &journals);
    }
    Ok((loaded, replayed, journals, shared_replay))
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

/// The state a background compaction shares with the editor.
#[derive(Debug)]
struct Shared {
    seen: Option<Fingerprint>,
    /// What the file last seen says it holds of each writer's journal: a
    /// file whose record grew was folded by another editor, not changed
    /// by some other program.
    seen_folded: BTreeMap<Id, u64>,
    /// Set after the file changed outside: our saves go here instead.
    diverted_to: Option<PathBuf>,
    /// This editor's own journal, once it writes.
    own: Option<OwnJournal>,
    /// The last entry of each writer that the editor's session holds.
    view: BTreeMap<Id, u64>,
}

impl Shared {
    fn own_folded(&self) -> u64 {
        let own = self.own.as_ref().map(OwnJournal::writer);
        own.and_then(|w| self.seen_folded.get(&w)).copied().unwrap_or(0)
    }

    /// What a whole-file save holds: everything the view holds, and all
    /// of our own journal.
    fn folded_for_save(&self) -> BTreeMap<Id, u64> {
        let mut folded = self.seen_folded.clone();
        let own = self.own.as_ref().map(|o| (o.writer(), o.last_seq()));
        for (writer, seq) in self.view.iter().map(|(w, s)| (*w, *s)).chain(own) {
            let at = folded.entry(writer).or_insert(0);
            *at = (*at).max(seq);
        }
        folded.retain(|_, seq| *seq > 0);
        folded
    }
}

/// Who else edits the session, from their journals.
#[derive(Debug, Clone, PartialEq)]
pub struct Presence {
    pub writer: Id,
    /// The name from their configuration, else user@host.
    pub who: String,
    /// When they last changed something (or joined).
    pub last_acted: Option<Timestamp>,
}

/// The session as every writer's journal now says, for the editor.
#[derive(Debug, Clone, PartialEq)]
pub struct SharedView {
    pub session: Session,
    /// Edits of ours that lost to someone else's made at the same time.
    pub conflicts: Vec<shared::Conflict>,
    pub others: Vec<Presence>,
    /// Shared controls the replay had to settle (two items started at
    /// once): for the editor to record, so the settling holds.
    pub settled: Vec<Change>,
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
    session_id: Option<Id>,
    /// Sizes and times of the file and the journals when last read.
    stamps: Vec<(PathBuf, u64, Option<SystemTime>)>,
    /// Writers' journals found at open (a crashed writer's is folded in).
    journals_at_open: Vec<WriterJournal>,
    /// The newest edit known at open: our first edit is later.
    newest_at_open: shared::Hlc,
    /// This machine and folder, to tell our journals from synced copies.
    here: Origin,
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

/// Sizes and times of the file and every journal beside it: what tells
/// whether anything needs reading again.
fn stamps_of(path: &Path) -> Vec<(PathBuf, u64, Option<SystemTime>)> {
    let mut paths = shared::journal_paths(path);
    paths.push(path.to_owned());
    paths.push(journal::path_for(path));
    paths
        .into_iter()
        .filter_map(|p| {
            let meta = std::fs::symlink_metadata(&p).ok()?;
            Some((p, meta.len(), meta.modified().ok()))
        })
        .collect()
}

impl SessionFile {
    fn with(path: &Path, seen: Option<Fingerprint>) -> SessionFile {
        let shared = Shared {
            seen,
            seen_folded: BTreeMap::new(),
            diverted_to: None,
            own: None,
            view: BTreeMap::new(),
        };
        SessionFile {
            path: path.to_owned(),
            sidecars: Sidecars::of(path),
            shared: Arc::new(Mutex::new(shared)),
            lock: None,
            replayed: Replayed::default(),
            file_bytes_at_open: None,
            session_id: None,
            stamps: Vec::new(),
            journals_at_open: Vec::new(),
            newest_at_open: shared::Hlc::default(),
            here: Origin::here(path),
        }
    }

    /// Loads `path` (with every journal); on success returns the content
    /// and the right to save it.
    pub fn open(path: &Path) -> Result<(SessionFile, Loaded), LoadError> {
        let stamps = stamps_of(path);
        let (loaded, replayed, journals, shared_replay) = read_shared(path)?;
        let bytes = read_file(path)?;
        let mut file = SessionFile::with(path, Some(fingerprint(path, &bytes)));
        file.stamps = stamps;
        if let Loaded::Session(session) = &loaded {
            file.session_id = Some(session.id);
            let mut shared = file.shared();
            shared.seen_folded = session.journals.folded.clone();
            shared.view = shared_replay.seen.clone();
        }
        file.replayed = replayed;
        file.journals_at_open = journals;
        file.newest_at_open = shared_replay.newest;
        file.file_bytes_at_open = Some(bytes);
        Ok((file, loaded))
    }

    /// Creates a new file holding `value`; fails if `path` already exists.
    pub fn create<T: Serialize>(path: &Path, value: &T) -> io::Result<SessionFile> {
        let text = to_ron(value).map_err(io::Error::other)?;
        write_new(path, text.as_bytes())?;
        let mut file = SessionFile::with(path, Some(fingerprint(path, text.as_bytes())));
        if let Ok(Loaded::Session(session)) = parse_bytes(path, text.as_bytes()) {
            file.session_id = Some(session.id);
        }
        file.stamps = stamps_of(path);
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

    /// Takes the file for this process alone (a repair, an import): `Err`
    /// names who holds it (pid, host, since when) or why it cannot be
    /// taken; the lock goes away when its process dies, even by `kill -9`.
    /// Editors do not hold it: they `join` as one writer among several and
    /// take it only for the moment of folding journals into the file.
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

    /// Joins the writers of this session: from now on our edits go to our
    /// own journal, `.NAME.journal.<writer>`, named `name` for the others.
    /// Refused only while something holds the file alone (an import), or
    /// when the file has several names.
    pub fn join(&mut self, name: &str) -> Result<(), LockError> {
        if let Some(refused) = self.hard_links() {
            return Err(refused);
        }
        let path = self.sidecars.lock();
        let mut held = None;
        // Another editor folding journals holds the lock for milliseconds.
        for _ in 0..50 {
            let mut file = safe_fs::open_sidecar(&path, Sidecar::Keep)?;
            if safe_fs::try_lock(&file) {
                held = None;
                break;
            }
            let mut holder = String::new();
            let _ = file.read_to_string(&mut holder);
            held = Some(LockHolder::parse(&holder));
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        if let Some(holder) = held {
            return Err(LockError::Held(holder));
        }
        let session = self.session_id.unwrap_or_default();
        let here = &self.here;
        let who = if name.trim().is_empty() { here.host.clone() } else { name.trim().to_owned() };
        let mut own = OwnJournal::new(&self.path, session, here, &who);
        own.start()?;
        own.observe(self.newest_at_open);
        self.shared().own = Some(own);
        Ok(())
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
    /// A writer's journal deleted under it (a sync tool) is written again.
    pub fn lock_intact(&mut self) -> Result<(), LockError> {
        if let Some(own) = self.shared().own.as_mut() {
            own.start()?;
        }
        #[cfg(unix)]
        if let Some(held) = &self.lock {
            let path = self.sidecars.lock();
            match std::fs::symlink_metadata(&path) {
                Ok(meta) if safe_fs::identity(&meta) == held.identity => return Ok(()),
                Ok(_) | Err(_) => {
                    self.lock = None;
                    return self.lock();
                }
            }
        }
        Ok(())
    }

    /// Whether this process holds the file alone.
    pub fn is_locked(&self) -> bool {
        self.lock.is_some()
    }

    /// Whether this process writes the session (alone, or as one of several).
    pub fn is_writer(&self) -> bool {
        self.lock.is_some() || self.shared().own.is_some()
    }

    /// Folds into the file what was found at open: the old single journal
    /// of a crash, and the journals of writers on this machine that are
    /// gone. Edits that no longer apply go to a conflict copy; a journal
    /// with unreadable lines is kept aside.
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
        let here = &self.here;
        // In a synced folder the journals stay (see `leave`).
        let tidy = shared::may_tidy(&self.journals_at_open, here);
        let gone: Vec<WriterJournal> = std::mem::take(&mut self.journals_at_open)
            .into_iter()
            .filter(|j| shared::writer_is_gone(j, here))
            .collect();
        // What a gone writer did that lost to a newer version in the file
        // goes to a conflict copy, as the old journal's rejects do.
        let gone_ids: Vec<Id> = gone.iter().filter_map(|j| j.writer).collect();
        let lost: Vec<Change> = shared::replay(&mut self.base_at_open(session), &gone)
            .conflicts
            .into_iter()
            .filter(|c| gone_ids.contains(&c.loser))
            .map(|c| Change::Put { entity: c.theirs, index: usize::MAX })
            .collect();
        if !lost.is_empty() {
            let mut ours = session.clone();
            folded.rejected += lost.len();
            ours.apply_all(lost);
            let copy = self.sidecars.conflict(&stamp);
            let text = to_ron(&ours).map_err(io::Error::other)?;
            super::atomic::write_sidecar_atomic(&copy, text.as_bytes())?;
            folded.conflict_copy = Some(copy);
        }
        let unfolded = |j: &WriterJournal| {
            let folded = j.writer.and_then(|w| session.journals.folded.get(&w)).copied();
            j.entries.iter().filter(|e| e.is_edit() && e.seq > folded.unwrap_or(0)).count()
        };
        let gone_edits: usize = gone.iter().map(unfolded).sum();
        folded.applied += gone_edits.saturating_sub(folded.rejected);
        if replayed.applied > 0 || gone_edits > 0 {
            self.save_session(session).map_err(|e| match e {
                SaveError::Io(e) => e,
                other => io::Error::other(other.to_string()),
            })?;
        }
        for journal in gone {
            if journal.bad_lines.is_empty() {
                if tidy {
                    let _ = std::fs::remove_file(&journal.path);
                }
            } else if !tidy {
                // Moving it aside would be carried as a deletion to the
                // other folder: it stays, and is named as it is.
                folded.bad_lines.extend(&journal.bad_lines);
                folded.damaged_copy = Some(journal.path.clone());
            } else {
                let damaged = self.sidecars.damaged_journal(&stamp);
                std::fs::rename(&journal.path, &damaged)?;
                folded.bad_lines.extend(&journal.bad_lines);
                folded.damaged_copy = Some(damaged);
            }
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

    /// Whether journals of writers on this machine that are gone (quit
    /// uncleanly, crashed) wait to be folded in.
    pub fn has_gone_writers(&self) -> bool {
        let here = &self.here;
        self.journals_at_open.iter().any(|j| shared::writer_is_gone(j, here))
    }

    /// The file as read at open, before any journal (to tell which
    /// journaled edits lost); `session` if it cannot be read again.
    fn base_at_open(&self, session: &Session) -> Session {
        let parsed = self.file_bytes_at_open.as_ref().and_then(|b| parse_bytes(&self.path, b).ok());
        match parsed {
            Some(Loaded::Session(base)) => base,
            _ => session.clone(),
        }
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

    /// Atomically replaces the file with `session`, recording that it holds
    /// every journaled edit the session shows (so nobody replays them again).
    pub fn save_session(&mut self, session: &Session) -> Result<(), SaveError> {
        let mut whole = session.clone();
        whole.journals.folded = self.shared().folded_for_save();
        self.save(&whole)
    }

    /// Atomically replaces the file with already serialized text, unless
    /// another program changed it: then the text goes to
    /// `FILE.conflict-<time>.ron` beside it, and so do later saves, until
    /// `reload`.
    pub fn save_text(&mut self, text: &str) -> Result<(), SaveError> {
        let mut shared = self.shared.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(kept_in) = &shared.diverted_to {
            super::atomic::write_sidecar_atomic(kept_in, text.as_bytes())?;
            return Ok(());
        }
        if let Some(deleted) = outside_change(&self.path, &mut shared) {
            return Err(divert(&self.path, &self.sidecars, &mut shared, text, deleted));
        }
        super::atomic::write_atomic(&self.path, text.as_bytes())?;
        shared.seen = Some(fingerprint(&self.path, text.as_bytes()));
        if let Ok(Loaded::Session(s)) = parse_bytes(&self.path, text.as_bytes()) {
            shared.seen_folded = s.journals.folded;
        }
        Ok(())
    }

    /// Appends one edit to our journal (durable when this returns). Not
    /// possible after the file changed outside: then only a full save
    /// (to the conflict copy) keeps the data.
    pub fn append(&mut self, at: Timestamp, changes: &[Change]) -> Result<(), SaveError> {
        self.append_placed(at, changes, None)
    }

    /// [`append`](Self::append), recording where each entity the edit put
    /// sits in `session` (after the edit), so an insertion lands after the
    /// same neighbour on every screen.
    pub fn append_placed(
        &mut self,
        at: Timestamp,
        changes: &[Change],
        session: Option<&Session>,
    ) -> Result<(), SaveError> {
        let places = session.map(|s| places_of(s, changes)).unwrap_or_default();
        let session_id = self.session_id.unwrap_or_default();
        let (path, here) = (self.path.clone(), self.here.clone());
        let mut shared = self.shared();
        // Our journal does not depend on the file: another editor's fold, a
        // sync tool's half-copied file or a `git pull` under us changes
        // nothing here (a fold or save notices a change made outside).
        if shared.diverted_to.is_some() {
            return Err(SaveError::Io(io::Error::other("no journal: a full save is needed")));
        }
        let seen: Vec<(Id, u64)> = shared.view.iter().map(|(w, s)| (*w, *s)).collect();
        let own =
            shared.own.get_or_insert_with(|| OwnJournal::new(&path, session_id, &here, &here.host));
        let writer = own.writer();
        let seen = seen.into_iter().filter(|(w, _)| *w != writer).collect();
        let seq = own.append(at, seen, places, changes)?;
        shared.view.insert(writer, seq);
        Ok(())
    }

    /// Who we are among the writers, once we write.
    pub fn writer(&self) -> Option<Id> {
        self.shared().own.as_ref().map(OwnJournal::writer)
    }

    /// Whether other writers were at work when we opened the file.
    pub fn others_writing(&self) -> bool {
        let here = &self.here;
        let own = self.writer();
        self.journals_at_open
            .iter()
            .any(|j| j.writer.is_some() && j.writer != own && !shared::writer_is_gone(j, here))
    }

    /// Drafts left by writers that are gone (and the single-writer draft):
    /// the ones to offer back. A draft of a writer still at work (here, or
    /// on another laptop of a synced folder) is theirs.
    pub fn orphan_drafts(&self) -> Vec<PathBuf> {
        let here = &self.here;
        let live = |writer: Id| {
            self.journals_at_open
                .iter()
                .any(|j| j.writer == Some(writer) && !shared::writer_is_gone(j, here))
        };
        self.sidecars
            .drafts()
            .into_iter()
            .filter(|(writer, path)| path.exists() && !writer.is_some_and(live))
            .map(|(_, path)| path)
            .collect()
    }

    /// Our journal, once we write one.
    pub fn journal_path(&self) -> Option<PathBuf> {
        self.shared().own.as_ref().map(|own| own.path().to_owned())
    }

    /// Whether our edits are in our journal and not yet in the file.
    pub fn has_journal_entries(&self) -> bool {
        let shared = self.shared();
        shared.own.as_ref().is_some_and(|own| own.last_edit_seq() > shared.own_folded())
    }

    /// Folding every journal into the file, on a background thread; the
    /// editor's `session` is only used if the file changed outside (then
    /// it goes to a conflict copy, as a save would).
    pub fn snapshot_job(&self, session: Session) -> SnapshotJob {
        SnapshotJob {
            path: self.path.clone(),
            sidecars: self.sidecars.clone(),
            shared: Arc::clone(&self.shared),
            session,
            alone: self.lock.is_some(),
            here: self.here.clone(),
        }
    }

    /// After a snapshot was written (kept for the editor's bookkeeping).
    pub fn finish_snapshot(&mut self, _done: &SnapshotDone) -> io::Result<()> {
        Ok(())
    }

    /// On quit, after the last fold: our journal goes if the file holds
    /// all of it and no other folder syncs with this one (another folder
    /// may still fold the file without it, and a sync tool may keep that
    /// file). Else it stays, saying that we left.
    pub fn leave(&mut self, now: Timestamp) {
        if self.shared().own.as_ref().is_none_or(OwnJournal::has_left) {
            return;
        }
        // A journal we cannot read (a link, a FIFO): do not remove ours.
        let tidy = shared::read_journals(&self.path)
            .is_ok_and(|journals| shared::may_tidy(&journals, &self.here));
        let mut shared = self.shared();
        let folded = shared.own_folded();
        let Some(own) = shared.own.as_mut() else { return };
        if tidy && own.remove_if_folded(folded) {
            shared.own = None;
        } else {
            let _ = own.say_left(now);
        }
    }

    /// Re-reads the file (after it changed outside); saves go to it again.
    pub fn reload(&mut self) -> Result<Loaded, LoadError> {
        let (loaded, _, _, replay) = read_shared(&self.path)?;
        let bytes = read_file(&self.path)?;
        let mut shared = self.shared();
        shared.seen = Some(fingerprint(&self.path, &bytes));
        if let Loaded::Session(session) = &loaded {
            shared.seen_folded = session.journals.folded.clone();
        }
        shared.view = replay.seen;
        shared.diverted_to = None;
        Ok(loaded)
    }

    /// Reads the file and the journals again if any of them changed: the
    /// session as all writers' edits now make it, with our conflicts and
    /// who else is writing. `None` when nothing changed (or the file
    /// cannot be read just now: the last good view stays).
    pub fn refresh(&mut self) -> Option<SharedView> {
        // A journal of ours deleted under us (a sync tool carrying a
        // deletion) is written again whole before anything else.
        if let Some(own) = self.shared().own.as_mut() {
            let _ = own.start();
        }
        let stamps = stamps_of(&self.path);
        if stamps == self.stamps {
            return None;
        }
        let (Loaded::Session(session), _, journals, replay) = read_shared(&self.path).ok()? else {
            return None;
        };
        self.stamps = stamps;
        let here = &self.here;
        let mut shared = self.shared();
        let own = shared.own.as_ref().map(OwnJournal::writer);
        if let Some(own) = shared.own.as_mut() {
            own.observe(replay.newest);
        }
        shared.view = replay.seen.clone();
        let others = journals
            .iter()
            .filter(|j| j.writer.is_some() && j.writer != own)
            .filter(|j| j.session == Some(session.id) && !shared::writer_is_gone(j, here))
            .map(|j| Presence {
                writer: j.writer.unwrap_or_default(),
                who: j.who(),
                last_acted: j.last_edit().or_else(|| modified_at(&j.path)),
            })
            .collect();
        let conflicts = replay.conflicts.into_iter().filter(|c| Some(c.loser) == own).collect();
        Some(SharedView { session, conflicts, others, settled: replay.settled })
    }
}

/// Where each entity `changes` put sits in `session`.
fn places_of(session: &Session, changes: &[Change]) -> Vec<(Id, crate::model::Place)> {
    changes
        .iter()
        .filter_map(|c| match c {
            Change::Put { entity, .. } => {
                session.place_of(entity.kind(), entity.id()).map(|p| (entity.id(), p))
            }
            _ => None,
        })
        .collect()
}

fn modified_at(path: &Path) -> Option<Timestamp> {
    let modified = std::fs::metadata(path).ok()?.modified().ok()?;
    Some(chrono::DateTime::<chrono::Local>::from(modified).fixed_offset())
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
    SaveError::ChangedOutside { path: path.to_owned(), kept_in, deleted }
}

/// Whether the file on disk is not what we last loaded or saved: `Some(true)`
/// if it is gone, `Some(false)` if its content differs. Size and time
/// first; the content decides when they differ. A file another editor
/// folded journals into (its record of what it holds only grew) is not a
/// change outside: it becomes the version we know.
fn outside_change(path: &Path, shared: &mut Shared) -> Option<bool> {
    let seen = shared.seen?;
    let Ok(meta) = std::fs::metadata(path) else { return Some(true) };
    if meta.len() == seen.len && meta.modified().ok() == seen.modified {
        return None;
    }
    let Ok(bytes) = safe_fs::read_regular(path, Links::Follow, MAX_FILE_BYTES) else {
        return Some(false);
    };
    if hash_of(&bytes) == seen.hash {
        return None;
    }
    match parse_bytes(path, &bytes) {
        // Folded by another editor (here, or in a synced copy of the folder):
        // its record of what it holds changed. It becomes the version we know.
        Ok(Loaded::Session(session)) if session.journals.folded != shared.seen_folded => {
            shared.seen = Some(fingerprint(path, &bytes));
            shared.seen_folded = session.journals.folded.clone();
            None
        }
        Ok(_) => Some(false),
        // Half written (a sync tool copying it in): not a change yet; the
        // next look sees the whole file.
        Err(_) => None,
    }
}

/// Folding the journals into the file, off the UI thread.
pub struct SnapshotJob {
    path: PathBuf,
    sidecars: Sidecars,
    shared: Arc<Mutex<Shared>>,
    session: Session,
    /// This process holds the file alone (the fold lock is ours already).
    alone: bool,
    here: Origin,
}

/// How a snapshot ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SnapshotDone {
    /// The file now holds every journal entry there was, ours up to `upto`.
    Replaced { hash: u64, upto: u64 },
    /// Nothing to fold, or another editor was folding: try later.
    Unchanged,
    /// The file had changed outside: the snapshot went to `kept_in`.
    Diverted { kept_in: PathBuf, deleted: bool },
}

impl SnapshotJob {
    /// Takes the short fold lock, reads the file and every journal, and
    /// writes the file holding all of them. Another writer's journal is
    /// never changed; the journal of a writer on this machine that is gone
    /// is removed once the file holds it.
    pub fn write(self) -> Result<SnapshotDone, SaveError> {
        let lock = if self.alone { None } else { Some(fold_lock(&self.sidecars)?) };
        if matches!(lock, Some(None)) {
            return Ok(SnapshotDone::Unchanged);
        }
        let (loaded, _, journals, _) = match read_shared(&self.path) {
            Ok(read) => read,
            // Half written (a sync tool copying it in): fold at the next turn.
            Err(LoadError::Syntax { .. }) => return Ok(SnapshotDone::Unchanged),
            Err(e) => return Err(SaveError::Io(io::Error::other(e.to_string()))),
        };
        let mut shared = self.shared.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let text = to_ron(&self.session).map_err(io::Error::other)?;
        if let Some(kept_in) = shared.diverted_to.clone() {
            super::atomic::write_sidecar_atomic(&kept_in, text.as_bytes())?;
            return Ok(SnapshotDone::Diverted { kept_in, deleted: false });
        }
        if let Some(deleted) = outside_change(&self.path, &mut shared) {
            return match divert(&self.path, &self.sidecars, &mut shared, &text, deleted) {
                SaveError::ChangedOutside { kept_in, deleted, .. } => {
                    Ok(SnapshotDone::Diverted { kept_in, deleted })
                }
                other => Err(other),
            };
        }
        let Loaded::Session(mut session) = loaded else {
            return Ok(SnapshotDone::Unchanged);
        };
        if !shared::mark_folded(&mut session, &journals) {
            return Ok(SnapshotDone::Unchanged);
        }
        let text = to_ron(&session).map_err(io::Error::other)?;
        super::atomic::write_atomic(&self.path, text.as_bytes())?;
        shared.seen = Some(fingerprint(&self.path, text.as_bytes()));
        shared.seen_folded = session.journals.folded.clone();
        let own = shared.own.as_ref().map(OwnJournal::writer);
        if shared::may_tidy(&journals, &self.here) {
            for journal in &journals {
                let folded = journal.writer.and_then(|w| session.journals.folded.get(&w));
                let all_in = folded.is_some_and(|f| *f >= journal.last_edit_seq());
                if journal.writer != own && all_in && shared::writer_is_gone(journal, &self.here) {
                    let _ = std::fs::remove_file(&journal.path);
                }
            }
        }
        drop(lock);
        Ok(SnapshotDone::Replaced { hash: hash_of(text.as_bytes()), upto: shared.own_folded() })
    }
}

/// The fold lock (`.NAME.lock`), taken without waiting: `None` when
/// another editor is folding right now.
fn fold_lock(sidecars: &Sidecars) -> io::Result<Option<File>> {
    let file = safe_fs::open_sidecar(&sidecars.lock(), Sidecar::Keep)?;
    Ok(safe_fs::try_lock(&file).then_some(file))
}
