//! The journal: every committed change appended to `.FILE.journal` and
//! fsync'd, a few hundred bytes whatever the size of the session, so a
//! change is durable in milliseconds. The whole file is rewritten (a
//! snapshot) now and then; the journal then keeps only what came after.
//!
//! Format 2, one line each, read as bytes:
//!
//! ```text
//! kenesh-journal 2 writer=<ULID> session=<ULID> base=<xxh3-64 of the file's bytes, hex>
//! (seq:1,at:"2026-11-19T10:02:11+06:00",changes:[...])
//! kenesh-base <hash> after=<seq>
//! ```
//!
//! The header names the session and the version of the file the journal
//! continues (a journal beside another session's file is never applied). A
//! `kenesh-base` line says that the file with that hash holds every entry
//! up to `after`: it is written just before a snapshot replaces the file, so
//! whichever of the two files a reader sees, it finds where to start.
//!
//! Reading is forgiving and loses nothing it can keep: a torn last line (a
//! crash in the middle of a write, at any byte) is ignored; a bad line in the
//! middle is reported and skipped, the lines after it still count; a journal
//! for another version of the file (a crash, then `git pull`) is applied
//! entity by entity, newest `updated` wins, and what does not apply is
//! reported so the editor can keep it in a conflict copy.
//!
//! Format 1 (kenesh 0.1) had `kenesh-journal 1 base=<DefaultHasher hex>`
//! and bare change lists. It is still read: the base is compared with the
//! std hasher of that release (SipHash-1-3 with zero keys), and when that
//! does not match it is treated as a journal for another version.

use std::fs::File;
use std::io::{self, Seek, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::model::{Change, Id, Session, Timestamp};

const HEADER_V2: &str = "kenesh-journal 2 ";
const HEADER_V1: &str = "kenesh-journal 1 base=";
const BASE_MARK: &str = "kenesh-base ";

/// The hash that ties a journal to one version of the file: xxh3-64, an
/// algorithm fixed by its specification (not by the Rust release).
pub fn hash_of(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

/// The journal path of a session file.
pub fn path_for(path: &Path) -> std::path::PathBuf {
    super::sidecar::Sidecars::of(path).journal()
}

/// One edit as journaled.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// Position in this writer's journal, from 1.
    pub seq: u64,
    /// When the edit was made (the editor's hybrid clock).
    #[serde(with = "crate::model::time::stamp")]
    pub at: Timestamp,
    pub changes: Vec<Change>,
}

/// A journal as read from disk.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parsed {
    /// Who wrote it (format 2).
    pub writer: Option<Id>,
    /// The session it belongs to (format 2).
    pub session: Option<Id>,
    /// Versions of the file and the entries each holds: the header
    /// (`after` 0), then every snapshot marker.
    pub bases: Vec<Base>,
    pub entries: Vec<Entry>,
    /// 1-based line numbers that could not be read (not counting a torn last line).
    pub bad_lines: Vec<usize>,
    /// Bytes at the end that never became a whole line.
    pub torn_tail: usize,
    /// Format 1: base compared by the old std hash.
    legacy: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Base {
    pub hash: u64,
    pub after: u64,
}

/// Reads journal bytes. Never fails: what cannot be read is counted.
pub fn parse(bytes: &[u8]) -> Parsed {
    let mut parsed = Parsed::default();
    let mut lines = bytes.split_inclusive(|&b| b == b'\n').enumerate();
    let Some((_, first)) = lines.next() else { return parsed };
    let Some(first) = first.strip_suffix(b"\n").and_then(|l| std::str::from_utf8(l).ok()) else {
        // Not even a whole header: nothing was ever journaled.
        parsed.torn_tail = first.len();
        return parsed;
    };
    if let Some(rest) = first.strip_prefix(HEADER_V2) {
        for word in rest.split(' ') {
            if let Some(id) = word.strip_prefix("writer=") {
                parsed.writer = id.parse().ok();
            } else if let Some(id) = word.strip_prefix("session=") {
                parsed.session = id.parse().ok();
            } else if let Some(hash) = word.strip_prefix("base=")
                && let Ok(hash) = u64::from_str_radix(hash, 16)
            {
                parsed.bases.push(Base { hash, after: 0 });
            }
        }
    } else if let Some(hash) = first.strip_prefix(HEADER_V1) {
        parsed.legacy = true;
        if let Ok(hash) = u64::from_str_radix(hash.trim(), 16) {
            parsed.bases.push(Base { hash, after: 0 });
        }
    } else {
        parsed.bad_lines.push(1);
    }
    let mut legacy_seq = 0;
    for (index, line) in lines {
        let Some(line) = line.strip_suffix(b"\n") else {
            parsed.torn_tail = line.len();
            break;
        };
        let line_number = index + 1;
        let Ok(text) = std::str::from_utf8(line) else {
            parsed.bad_lines.push(line_number);
            continue;
        };
        if let Some(base) = text.strip_prefix(BASE_MARK).and_then(parse_base) {
            parsed.bases.push(base);
            continue;
        }
        let entry = if parsed.legacy {
            legacy_seq += 1;
            ron::from_str::<Vec<Change>>(text).ok().map(|changes| Entry {
                seq: legacy_seq,
                at: Timestamp::MIN_UTC.fixed_offset(),
                changes,
            })
        } else {
            ron::from_str::<Entry>(text).ok()
        };
        match entry {
            Some(entry) => parsed.entries.push(entry),
            None => parsed.bad_lines.push(line_number),
        }
    }
    parsed
}

fn parse_base(text: &str) -> Option<Base> {
    let (hash, after) = text.split_once(" after=")?;
    Some(Base { hash: u64::from_str_radix(hash, 16).ok()?, after: after.parse().ok()? })
}

/// The hash format 1 journals used: std's `DefaultHasher`. Its algorithm
/// is not promised to stay the same across Rust releases; when it changed,
/// the base no longer matches and the journal is applied as one for
/// another version of the file (entity by entity, nothing dropped).
fn legacy_hash(bytes: &[u8]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut hasher);
    hasher.finish()
}

/// What replaying a journal did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Replayed {
    /// Entries applied.
    pub applied: usize,
    /// The journal belongs to another session (copied or renamed beside
    /// this file): nothing of it was applied.
    pub other_session: bool,
    /// The journal continued another version of the file.
    pub other_version: bool,
    /// Entries (or parts of them) that did not apply because the file holds
    /// a newer version of what they change. Applied in order over the file,
    /// they give "our" version, for a conflict copy.
    pub rejected: Vec<Entry>,
    pub bad_lines: Vec<usize>,
    pub torn_tail: usize,
}

impl Replayed {
    /// Whether there was a journal with anything in it.
    pub fn found_anything(&self) -> bool {
        self.applied > 0
            || !self.rejected.is_empty()
            || !self.bad_lines.is_empty()
            || self.other_session
    }
}

/// Applies a parsed journal to `session`, loaded from `file_bytes`.
pub fn replay(parsed: &Parsed, file_bytes: &[u8], session: &mut Session) -> Replayed {
    let mut result = Replayed {
        bad_lines: parsed.bad_lines.clone(),
        torn_tail: parsed.torn_tail,
        ..Replayed::default()
    };
    if parsed.session.is_some_and(|id| id != session.id) {
        result.other_session = true;
        return result;
    }
    let hash = if parsed.legacy { legacy_hash(file_bytes) } else { hash_of(file_bytes) };
    // The newest version of the file this journal knows of that is the
    // file on disk: replay what came after it, in order.
    if let Some(base) = parsed.bases.iter().rev().find(|b| b.hash == hash) {
        for entry in parsed.entries.iter().filter(|e| e.seq > base.after) {
            apply_counted(session, entry.changes.clone());
            result.applied += 1;
        }
        return result;
    }
    if parsed.entries.is_empty() {
        return result;
    }
    // Another version: the file was replaced after these edits were
    // journaled. Only what no snapshot of ours holds is replayed, each
    // change only where the file has nothing newer.
    result.other_version = true;
    let after = parsed.bases.iter().map(|b| b.after).max().unwrap_or(0);
    let file_updated = session.updated;
    for entry in parsed.entries.iter().filter(|e| e.seq > after) {
        let mut rejected = Vec::new();
        for change in &entry.changes {
            if applies(session, change, entry.at, file_updated) {
                apply_counted(session, vec![change.clone()]);
            } else {
                rejected.push(change.clone());
            }
        }
        if rejected.is_empty() {
            result.applied += 1;
        } else {
            result.rejected.push(Entry { changes: rejected, ..entry.clone() });
        }
    }
    result
}

/// Whether a journaled change still applies to a file changed outside:
/// it does unless the file holds a newer version of what it changes.
fn applies(session: &Session, change: &Change, at: Timestamp, file_updated: Timestamp) -> bool {
    match change {
        Change::Put { entity, .. } => {
            session.version_of(entity.kind(), entity.id()).is_none_or(|v| v <= entity.updated())
        }
        Change::Remove { kind, id } => session.version_of(*kind, *id).is_none_or(|v| v <= at),
        Change::Header(_) => at >= file_updated,
        Change::Touched(_) | Change::Vote { .. } => true,
    }
}

/// Applies every rejected entry as it was meant: "our" version of the
/// session, for the conflict copy.
pub fn force(session: &mut Session, rejected: &[Entry]) {
    for entry in rejected {
        apply_counted(session, entry.changes.clone());
    }
}

/// Format 1 and 2 journals changed votes with a `Put` of the need; a `Put`
/// now keeps a need's votes, so those become counted votes first.
fn apply_counted(session: &mut Session, mut changes: Vec<Change>) {
    session.count_votes(&mut changes);
    session.apply_all(changes);
}

/// The journal this process writes (it holds the file's lock).
#[derive(Debug)]
pub struct Journal {
    path: std::path::PathBuf,
    writer: Id,
    /// The session this journal continues, named in its header.
    session: Option<Id>,
    file: Option<File>,
    /// Length of the journal up to its last whole line.
    good_len: u64,
    next_seq: u64,
    /// Entries since the last snapshot (kept to rewrite the journal
    /// without the ones a snapshot holds).
    unfolded: Vec<(u64, String)>,
    /// A failed append could not be cut back: no further appends until a
    /// full rewrite of the file starts a new journal.
    broken: bool,
}

impl Journal {
    pub fn new(session_path: &Path) -> Journal {
        Journal {
            path: path_for(session_path),
            writer: Id::new(),
            session: None,
            file: None,
            good_len: 0,
            next_seq: 1,
            unfolded: Vec::new(),
            broken: false,
        }
    }

    /// Whether edits in the journal wait for a snapshot.
    pub fn has_entries(&self) -> bool {
        !self.unfolded.is_empty()
    }

    /// The sequence number of the last entry appended.
    pub fn last_seq(&self) -> u64 {
        self.next_seq - 1
    }

    pub fn is_broken(&self) -> bool {
        self.broken
    }

    /// Names the session in the header of the journal when it starts.
    pub fn set_session(&mut self, session: Id) {
        self.session = Some(session);
    }

    fn header(&self, base: u64) -> String {
        let session = self.session.map(|id| format!("session={id} ")).unwrap_or_default();
        format!("{HEADER_V2}writer={} {session}base={base:016x}\n", self.writer)
    }

    /// Appends one edit and makes it durable. `base` is the hash of the
    /// file the journal continues (written when the journal starts).
    pub fn append(&mut self, base: u64, at: Timestamp, changes: &[Change]) -> io::Result<()> {
        if self.broken {
            return Err(io::Error::other("journal needs a full save first"));
        }
        let entry = Entry { seq: self.next_seq, at, changes: changes.to_vec() };
        let mut line = ron::to_string(&entry).map_err(io::Error::other)?;
        line.push('\n');
        if self.file.is_none() {
            // A journal left by someone else is never emptied: creating ours
            // fails and the caller saves the whole file instead.
            let mut file = super::safe_fs::open_sidecar(&self.path, super::safe_fs::Sidecar::New)?;
            let header = self.header(base);
            file.write_all(header.as_bytes())?;
            file.sync_all()?;
            super::atomic::sync_folder(super::sidecar::folder_of(&self.path))?;
            self.good_len = header.len() as u64;
            self.file = Some(file);
        }
        let file = self.file.as_mut().expect("opened above");
        let written = file.write_all(line.as_bytes()).and_then(|()| file.sync_data());
        if let Err(e) = written {
            // Cut the torn line off, so the next append starts on a clean
            // line; if even that fails, stop journaling.
            let cut = file
                .set_len(self.good_len)
                .and_then(|()| file.seek(io::SeekFrom::Start(self.good_len)).map(drop));
            if cut.is_err() {
                self.broken = true;
            }
            return Err(e);
        }
        self.good_len += line.len() as u64;
        self.unfolded.push((self.next_seq, line));
        self.next_seq += 1;
        Ok(())
    }

    /// Records, before a snapshot replaces the file, that the file with
    /// `hash` holds every entry up to `after`.
    pub fn mark_base(&mut self, hash: u64, after: u64) -> io::Result<()> {
        let Some(file) = self.file.as_mut() else { return Ok(()) };
        let line = format!("{BASE_MARK}{hash:016x} after={after}\n");
        file.write_all(line.as_bytes())?;
        file.sync_data()?;
        self.good_len += line.len() as u64;
        Ok(())
    }

    /// After a snapshot holding every entry up to `after` replaced the file
    /// (whose bytes hash to `base`): the journal keeps only later entries,
    /// or goes away when there are none.
    pub fn folded(&mut self, base: u64, after: u64) -> io::Result<()> {
        self.unfolded.retain(|(seq, _)| *seq > after);
        if self.unfolded.is_empty() {
            self.remove();
            return Ok(());
        }
        let mut text = self.header(base);
        for (_, line) in &self.unfolded {
            text.push_str(line);
        }
        super::atomic::write_sidecar_atomic(&self.path, text.as_bytes())?;
        self.file = Some(super::safe_fs::open_sidecar(&self.path, super::safe_fs::Sidecar::Keep)?);
        let file = self.file.as_mut().expect("just opened");
        self.good_len = file.seek(io::SeekFrom::End(0))?;
        Ok(())
    }

    /// After a full save: the file holds everything, the journal goes.
    pub fn clear(&mut self) {
        self.unfolded.clear();
        self.broken = false;
        self.remove();
    }

    fn remove(&mut self) {
        // Only a journal this process started is ours to remove.
        if self.file.take().is_some() {
            let _ = std::fs::remove_file(&self.path);
        }
        self.good_len = 0;
    }
}

#[cfg(test)]
mod tests;
