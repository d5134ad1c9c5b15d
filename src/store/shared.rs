//! Several editors on one session, with no server: each editor appends only
//! to its own journal, `.NAME.journal.<writer>`, and every reader replays
//! all the journals over the file in one order, the hybrid logical clock's.
//! So every screen shows the same session whatever order the journals
//! arrived in (a file-sync tool copies them whole, late, and more than once),
//! and nothing is ever appended to one file by two processes.
//!
//! Format 3, one line each:
//!
//! ```text
//! kenesh-journal 3 writer=<ULID> session=<ULID> host=<user@host> folder=<hash> name=<the rest of the line>
//! (seq:1,at:"2026-11-19T10:02:11+06:00",clock:(1763524931123,0),seen:[...],places:[...],changes:[...])
//! ```
//!
//! Replay rules (see [`replay`]): entries the file already holds (its
//! `journals.folded`) are skipped, so replay is idempotent; the rest are
//! applied in clock order, so it does not depend on arrival order. An entity
//! keeps its newest version (last writer wins by `updated`), a delete leaves
//! a tombstone that an older edit does not undo, votes are counted, and an
//! inserted entity goes after the neighbour its writer saw. Two people
//! editing one entity at once is a conflict: the later wins and the other
//! is told, with their version kept to take back.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, Seek, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::safe_fs::{self, Links, MAX_FILE_BYTES, Sidecar};
use crate::model::{Change, Entity, EntityKind, Id, Place, Session, Timestamp, Version};

pub mod origin;

pub use origin::{Origin, QUIET_FOR, may_tidy, user_at_host, writer_is_gone};

const HEADER: &str = "kenesh-journal 3 ";

/// A hybrid logical clock: wall-clock milliseconds, and a counter for
/// edits within one millisecond or behind a clock that was already ahead.
/// Never goes back, and is always later than every edit its writer saw.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Hlc {
    pub millis: i64,
    pub count: u32,
}

impl Hlc {
    /// The clock of a new edit made at wall-clock `now_ms`.
    pub fn next(self, now_ms: i64) -> Hlc {
        if now_ms > self.millis {
            Hlc { millis: now_ms, count: 0 }
        } else {
            Hlc { millis: self.millis, count: self.count.saturating_add(1) }
        }
    }
}

/// One edit of one writer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// Position in its writer's journal, from 1.
    pub seq: u64,
    /// When, to the second (what people are told).
    #[serde(with = "crate::model::time::stamp")]
    pub at: Timestamp,
    /// When, in the order every reader applies edits in.
    pub clock: Hlc,
    /// The last entry of each other writer this writer had seen: what
    /// tells an edit made after another from one made at the same time.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub seen: Vec<(Id, u64)>,
    /// Where the entities this edit inserted sit: after which neighbour.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<(Id, Place)>,
    pub changes: Vec<Change>,
    /// The writer quit and kept this journal (a synced folder): it is
    /// gone, whatever its lock says.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub left: bool,
}

impl Entry {
    fn saw(&self, writer: Id) -> u64 {
        self.seen.iter().find(|(w, _)| *w == writer).map_or(0, |(_, seq)| *seq)
    }

    fn place_of(&self, id: Id) -> Option<Place> {
        self.places.iter().find(|(x, _)| *x == id).map(|(_, place)| *place)
    }

    /// Whether this entry does more than say its writer is there.
    pub fn is_edit(&self) -> bool {
        !self.changes.is_empty()
    }
}

/// One writer's journal as read from disk.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WriterJournal {
    pub path: PathBuf,
    pub writer: Option<Id>,
    pub session: Option<Id>,
    pub host: String,
    /// The folder it was written in ([`origin::folder_id`]); `None` in a
    /// journal from before this was recorded.
    pub folder: Option<String>,
    pub name: String,
    /// When the file last changed (on disk), if known.
    pub modified: Option<std::time::SystemTime>,
    pub entries: Vec<Entry>,
    /// 1-based numbers of lines that could not be read (a torn last line,
    /// a crash in the middle of a write, is not one of them).
    pub bad_lines: Vec<usize>,
}

impl WriterJournal {
    pub fn last_seq(&self) -> u64 {
        self.entries.last().map_or(0, |e| e.seq)
    }

    /// The last entry that changed something (what a fold must hold).
    pub fn last_edit_seq(&self) -> u64 {
        self.entries.iter().rev().find(|e| e.is_edit()).map_or(0, |e| e.seq)
    }

    /// Whether its writer quit and said so.
    pub fn has_left(&self) -> bool {
        self.entries.last().is_some_and(|e| e.left)
    }

    /// When its writer last changed something.
    pub fn last_edit(&self) -> Option<Timestamp> {
        self.entries.iter().rev().find(|e| e.is_edit()).map(|e| e.at)
    }

    /// Who wrote it, for people: the configured name, else user@host.
    pub fn who(&self) -> String {
        if self.name.is_empty() { self.host.clone() } else { self.name.clone() }
    }
}

/// The header line of a journal.
pub fn header(writer: Id, session: Id, origin: &Origin, name: &str) -> String {
    let host = origin.host.replace(char::is_whitespace, "_");
    let folder = &origin.folder;
    let name = name.replace(['\n', '\r'], " ");
    format!("{HEADER}writer={writer} session={session} host={host} folder={folder} name={name}\n")
}

/// Reads journal bytes. Never fails: what cannot be read is counted.
pub fn parse(path: &Path, bytes: &[u8]) -> WriterJournal {
    let mut journal = WriterJournal { path: path.to_owned(), ..WriterJournal::default() };
    let mut lines = bytes.split_inclusive(|&b| b == b'\n').enumerate();
    let Some((_, first)) = lines.next() else { return journal };
    let Some(first) = first.strip_suffix(b"\n").and_then(|l| std::str::from_utf8(l).ok()) else {
        return journal;
    };
    let Some(rest) = first.strip_prefix(HEADER) else {
        journal.bad_lines.push(1);
        return journal;
    };
    let (words, name) = rest.split_once("name=").unwrap_or((rest, ""));
    journal.name = name.trim().to_owned();
    for word in words.split_whitespace() {
        match word.split_once('=') {
            Some(("writer", id)) => journal.writer = id.parse().ok(),
            Some(("session", id)) => journal.session = id.parse().ok(),
            Some(("host", host)) => journal.host = host.to_owned(),
            Some(("folder", folder)) => journal.folder = Some(folder.to_owned()),
            _ => {}
        }
    }
    for (index, line) in lines {
        // A line without its newline is a write cut short: not an edit.
        let Some(line) = line.strip_suffix(b"\n") else { break };
        match std::str::from_utf8(line).ok().and_then(|t| ron::from_str::<Entry>(t).ok()) {
            Some(entry) => journal.entries.push(entry),
            None => journal.bad_lines.push(index + 1),
        }
    }
    journal
}

/// The journal of writer `writer` beside `session`.
pub fn path_for(session: &Path, writer: Id) -> PathBuf {
    let name = session.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    session.with_file_name(format!(".{name}.journal.{writer}"))
}

/// Every writer's journal beside `session`, by path (sorted).
pub fn journal_paths(session: &Path) -> Vec<PathBuf> {
    let name = session.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let prefix = format!(".{name}.journal.");
    let folder = super::sidecar::folder_of(session);
    let Ok(entries) = std::fs::read_dir(folder) else { return Vec::new() };
    let mut paths: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| {
            let file = e.file_name();
            let file = file.to_string_lossy();
            file.strip_prefix(&prefix).is_some_and(|id| id.len() == 26 && id.parse::<Id>().is_ok())
        })
        .map(|e| session.with_file_name(e.file_name()))
        .collect();
    paths.sort();
    paths
}

/// Reads every writer's journal beside `session`. A journal that is not a
/// regular file (a link, a FIFO) is an error naming it; one that vanished
/// meanwhile (its writer quit) is simply not there.
pub fn read_journals(session: &Path) -> Result<Vec<WriterJournal>, (PathBuf, io::Error)> {
    let mut journals = Vec::new();
    for path in journal_paths(session) {
        match safe_fs::read_regular(&path, Links::Refuse, MAX_FILE_BYTES) {
            Ok(bytes) => {
                let mut journal = parse(&path, &bytes);
                journal.modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
                journals.push(journal);
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err((path, e)),
        }
    }
    Ok(journals)
}

/// Someone else's edit that won over one of ours made at the same time.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    /// Whose edit lost (it is theirs to take back).
    pub loser: Id,
    /// Their version, as they wrote it.
    pub theirs: Entity,
    /// Whose edit won: `None` when the file itself held the newer version
    /// (changed outside, or folded in before this edit arrived).
    pub winner: Option<Id>,
    /// When the winning edit was made.
    pub at: Timestamp,
}

/// What a replay did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Replay {
    /// Entries applied (not already in the file).
    pub applied: usize,
    pub conflicts: Vec<Conflict>,
    /// The newest clock among all entries: a writer's next edit is later.
    pub newest: Hlc,
    /// The last entry of each writer present: what the next edit has seen.
    pub seen: BTreeMap<Id, u64>,
    /// What settling the shared controls changed (two items started at
    /// once: one stops): for an editor to record as an edit.
    pub settled: Vec<Change>,
}

/// Whether two versions of an entity say the same (apart from when).
fn same_content(a: &Entity, b: &Entity) -> bool {
    let (mut a, mut b) = (a.clone(), b.clone());
    let at = a.updated();
    b.set_updated(at);
    if let (Entity::Need(a), Entity::Need(b)) = (&mut a, &mut b) {
        b.votes = a.votes;
    }
    a == b
}

fn entity_of(session: &Session, kind: EntityKind, id: Id) -> Option<Entity> {
    match kind {
        EntityKind::Settlement => session.settlement(id).cloned().map(Entity::Settlement),
        EntityKind::Participant => session.participant(id).cloned().map(Entity::Participant),
        EntityKind::AgendaItem => session.agenda_item(id).cloned().map(Entity::AgendaItem),
        EntityKind::SpeakerTurn => {
            session.speaker_turns.iter().find(|x| x.id == id).cloned().map(Entity::SpeakerTurn)
        }
        EntityKind::Need => session.need(id).cloned().map(Entity::Need),
        EntityKind::Proposal => {
            session.proposals.iter().find(|x| x.id == id).cloned().map(Entity::Proposal)
        }
        EntityKind::Action => {
            session.actions.iter().find(|x| x.id == id).cloned().map(Entity::Action)
        }
        EntityKind::PrivateNote => {
            session.private_notes.iter().find(|x| x.id == id).cloned().map(Entity::PrivateNote)
        }
        EntityKind::Event => session.events.iter().find(|x| x.id == id).cloned().map(Entity::Event),
    }
}

/// Applies every journal entry `session` (the file) does not hold yet, in
/// clock order. The result depends only on the file and the set of entries:
/// not on the order the journals arrived in, nor on seeing one twice, nor
/// on when someone folded them into the file (the file keeps the version
/// of each entity, so a late edit is judged as it would have been).
pub fn replay(session: &mut Session, journals: &[WriterJournal]) -> Replay {
    let mut result = Replay::default();
    // The next edit must be later than every version the file holds too
    // (their journals may be gone, or not delivered here yet).
    let known = &session.journals;
    let in_file = known.versions.values().chain(known.removed.values()).chain(&known.header);
    for version in in_file {
        result.newest = result.newest.max(Hlc { millis: version.millis, count: version.count });
    }
    let mut order: BTreeMap<(Hlc, Id, u64), &Entry> = BTreeMap::new();
    for journal in journals {
        let Some(writer) = journal.writer else { continue };
        if journal.session.is_some_and(|id| id != session.id) {
            continue;
        }
        let folded = session.journals.folded.get(&writer).copied().unwrap_or(0);
        for entry in &journal.entries {
            result.newest = result.newest.max(entry.clock);
            let last = result.seen.entry(writer).or_insert(0);
            *last = (*last).max(entry.seq);
            if entry.seq > folded {
                order.insert((entry.clock, writer, entry.seq), entry);
            }
        }
    }
    for ((_, writer, _), entry) in order {
        let version = Version {
            millis: entry.clock.millis,
            count: entry.clock.count,
            writer,
            seq: entry.seq,
        };
        for change in &entry.changes {
            apply_one(session, version, entry, change, &mut result.conflicts);
        }
        result.applied += 1;
    }
    result.settled = crate::model::edit::settle_controls(session);
    result
}

/// When a version was made, for people.
fn made_at(version: &Version, fallback: Timestamp) -> Timestamp {
    chrono::DateTime::from_timestamp_millis(version.millis)
        .map_or(fallback, |t| t.with_timezone(fallback.offset()))
}

fn apply_one(
    session: &mut Session,
    version: Version,
    entry: &Entry,
    change: &Change,
    conflicts: &mut Vec<Conflict>,
) {
    let journals = &session.journals;
    match change {
        Change::Put { entity, .. } => {
            let (kind, id) = (entity.kind(), entity.id());
            let current = entity_of(session, kind, id);
            let held = journals.versions.get(&id).copied();
            let deleted = journals.removed.get(&id).copied();
            // A later edit (or delete) of it is already in: this one lost.
            // Whoever made it must be told, unless it said the same.
            if let Some(newer) = held.filter(|h| h.order() > version.order()) {
                if current.as_ref().is_some_and(|c| !same_content(c, entity)) {
                    let at = made_at(&newer, entry.at);
                    let winner = Some(newer.writer).filter(|w| *w != version.writer);
                    conflicts.push(Conflict {
                        loser: version.writer,
                        theirs: entity.clone(),
                        winner,
                        at,
                    });
                }
                return;
            }
            // Never edited through a journal: the file's own version (a
            // `git pull`, an edit by hand) wins if it is dated after this edit
            // was made.
            if held.is_none()
                && let Some(current) = current.as_ref().filter(|c| c.updated() > entry.at)
            {
                if !same_content(current, entity) {
                    let at = current.updated();
                    conflicts.push(Conflict {
                        loser: version.writer,
                        theirs: entity.clone(),
                        winner: None,
                        at,
                    });
                }
                return;
            }
            if let Some(newer) = deleted.filter(|d| d.order() > version.order()) {
                let at = made_at(&newer, entry.at);
                let winner = Some(newer.writer).filter(|w| *w != version.writer);
                conflicts.push(Conflict {
                    loser: version.writer,
                    theirs: entity.clone(),
                    winner,
                    at,
                });
                return;
            }
            // We overwrite someone's version made without seeing ours.
            if let (Some(held), Some(current)) = (held, &current)
                && held.writer != version.writer
                && entry.saw(held.writer) < held.seq
                && !same_content(current, entity)
            {
                conflicts.push(Conflict {
                    loser: held.writer,
                    theirs: current.clone(),
                    winner: Some(version.writer),
                    at: entry.at,
                });
            }
            session.apply_placed(change.clone(), entry.place_of(id));
            session.journals.versions.insert(id, version);
            session.journals.removed.remove(&id);
        }
        Change::Remove { id, .. } => {
            // A later edit of it stands: the delete came too early.
            if journals.versions.get(id).is_some_and(|h| h.order() > version.order()) {
                return;
            }
            session.apply(change.clone());
            session.journals.versions.remove(id);
            let tomb = session.journals.removed.entry(*id).or_insert(version);
            if version.order() > tomb.order() {
                *tomb = version;
            }
        }
        Change::Header(_) => {
            if journals.header.is_some_and(|h| h.order() > version.order()) {
                return;
            }
            session.apply(change.clone());
            session.journals.header = Some(version);
        }
        Change::Touched(at) => session.updated = session.updated.max(*at),
        Change::Vote { .. } => {
            session.apply(change.clone());
        }
    }
}

/// Every writer's edits present, folded into `session` (a replay of the
/// file): the file's `journals.folded` says so afterwards.
pub fn mark_folded(session: &mut Session, journals: &[WriterJournal]) -> bool {
    let mut changed = false;
    for journal in journals {
        let (Some(writer), last) = (journal.writer, journal.last_seq()) else { continue };
        if journal.session.is_some_and(|id| id != session.id) || last == 0 {
            continue;
        }
        let folded = session.journals.folded.entry(writer).or_insert(0);
        if last > *folded {
            *folded = last;
            changed = true;
        }
    }
    changed
}

/// The journal this process writes. Created when the editor opens (so the
/// others see who is there) and locked while it runs, so another editor on
/// this machine can tell a live writer from one that crashed.
#[derive(Debug)]
pub struct OwnJournal {
    path: PathBuf,
    writer: Id,
    header: String,
    file: Option<File>,
    #[cfg(unix)]
    identity: Option<(u64, u64)>,
    next_seq: u64,
    /// The last entry that changed something (not a "left" entry).
    last_edit: u64,
    /// We said we left (on quit): not twice.
    left: bool,
    clock: Hlc,
    /// Every line written, to write the journal again if a sync tool or a
    /// person deleted it while we run.
    lines: Vec<String>,
}

impl OwnJournal {
    pub fn new(session_path: &Path, session: Id, origin: &Origin, name: &str) -> OwnJournal {
        let writer = Id::new();
        OwnJournal {
            path: path_for(session_path, writer),
            writer,
            header: header(writer, session, origin, name),
            file: None,
            #[cfg(unix)]
            identity: None,
            next_seq: 1,
            last_edit: 0,
            left: false,
            clock: Hlc::default(),
            lines: Vec::new(),
        }
    }

    pub fn writer(&self) -> Id {
        self.writer
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn last_seq(&self) -> u64 {
        self.next_seq - 1
    }

    pub fn has_left(&self) -> bool {
        self.left
    }

    /// The last of our entries that changed something.
    pub fn last_edit_seq(&self) -> u64 {
        self.last_edit
    }

    /// The clock moves past everything seen in others' journals.
    pub fn observe(&mut self, newest: Hlc) {
        self.clock = self.clock.max(newest);
    }

    /// Creates (or, if it vanished, writes again) the journal and locks it.
    pub fn start(&mut self) -> io::Result<()> {
        if self.file.is_some() && self.intact() {
            return Ok(());
        }
        let mut file = safe_fs::open_sidecar(&self.path, Sidecar::Truncate)?;
        let mut text = self.header.clone();
        for line in &self.lines {
            text.push_str(line);
        }
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        super::atomic::sync_folder(super::sidecar::folder_of(&self.path))?;
        let _ = safe_fs::try_lock(&file);
        #[cfg(unix)]
        {
            self.identity = Some(safe_fs::identity(&file.metadata()?));
        }
        self.file = Some(file);
        Ok(())
    }

    /// Whether the journal at our path is still the file we write.
    fn intact(&self) -> bool {
        #[cfg(unix)]
        {
            std::fs::symlink_metadata(&self.path)
                .is_ok_and(|m| Some(safe_fs::identity(&m)) == self.identity)
        }
        #[cfg(not(unix))]
        {
            self.path.exists()
        }
    }

    /// Appends one edit and makes it durable; returns its sequence number.
    pub fn append(
        &mut self,
        at: Timestamp,
        seen: Vec<(Id, u64)>,
        places: Vec<(Id, Place)>,
        changes: &[Change],
    ) -> io::Result<u64> {
        let entry = self.next_entry(at, seen, places, changes.to_vec());
        self.write_entry(entry)
    }

    /// On quit, when the journal has to stay (a synced folder): a last
    /// entry saying its writer left, so no one shows them as present.
    pub fn say_left(&mut self, at: Timestamp) -> io::Result<u64> {
        self.left = true;
        let mut entry = self.next_entry(at, Vec::new(), Vec::new(), Vec::new());
        entry.left = true;
        self.write_entry(entry)
    }

    fn next_entry(
        &mut self,
        at: Timestamp,
        seen: Vec<(Id, u64)>,
        places: Vec<(Id, Place)>,
        changes: Vec<Change>,
    ) -> Entry {
        // The wall clock to the millisecond orders edits made within one
        // second on two laptops; `at` (to the second) is what people see.
        let wall = chrono::Utc::now().timestamp_millis().max(at_millis(at));
        self.clock = self.clock.next(wall);
        Entry {
            seq: self.next_seq,
            at: at_second(at),
            clock: self.clock,
            seen,
            places,
            changes,
            left: false,
        }
    }

    fn write_entry(&mut self, entry: Entry) -> io::Result<u64> {
        self.start()?;
        let mut line = ron::to_string(&entry).map_err(io::Error::other)?;
        line.push('\n');
        let file = self.file.as_mut().expect("started above");
        let end = file.seek(io::SeekFrom::End(0))?;
        if let Err(e) = file.write_all(line.as_bytes()).and_then(|()| file.sync_data()) {
            // Cut a torn line off, so the next append starts on a clean line.
            let _ = file.set_len(end);
            return Err(e);
        }
        self.lines.push(line);
        self.next_seq += 1;
        if entry.is_edit() {
            self.last_edit = entry.seq;
        }
        Ok(entry.seq)
    }

    /// Removes the journal once the file holds all of it (on quit).
    pub fn remove_if_folded(&mut self, folded: u64) -> bool {
        if folded < self.last_seq() {
            return false;
        }
        self.file = None;
        std::fs::remove_file(&self.path).is_ok() || !self.path.exists()
    }
}

/// Milliseconds since 1970 of a time (the hybrid clock's unit).
pub fn at_millis(at: Timestamp) -> i64 {
    at.timestamp_millis()
}

fn at_second(at: Timestamp) -> Timestamp {
    use chrono::Timelike;
    at.with_nanosecond(0).unwrap_or(at)
}

#[cfg(test)]
mod tests;
