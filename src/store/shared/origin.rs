//! Where a journal was written (which machine, which folder), and so
//! whether this editor can tell that its writer is gone, and whether
//! journals may be removed at all.
//!
//! A journal written in this folder on this machine is judged by its lock:
//! a live writer holds it. A journal written elsewhere (another laptop, or
//! another folder a sync tool copies it from) is a copy; its lock says
//! nothing, so its writer is gone only once its journal says it left, or
//! after a day without a change (for who is shown as present; such a
//! journal is never removed for it).
//!
//! Journals are removed only in a folder no other folder syncs with: there
//! another folder may fold the file without an edit whose journal we
//! removed, and the sync tool may keep that file over ours. Once a copy
//! from another folder has arrived, journals beside that file stay.

use std::path::Path;
use std::time::{Duration, SystemTime};

use super::WriterJournal;
use crate::store::safe_fs::{self, Links};

/// A copied journal untouched this long: its writer is no longer shown as
/// present (it crashed, or its laptop is away).
pub const QUIET_FOR: Duration = Duration::from_secs(24 * 60 * 60);

/// This editor's machine and folder, as journal headers record them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// user@host.
    pub host: String,
    /// A hash of this installation's id and the folder's full path: two
    /// laptops set up alike (same host and user names, Syncthing's default
    /// `~/Sync`) still differ.
    pub folder: String,
}

impl Origin {
    /// The origin of an editor of the session file at `path`.
    pub fn here(path: &Path) -> Origin {
        Origin { host: user_at_host(), folder: folder_id(path) }
    }

    /// Whether `journal` was written here (not a copy from elsewhere). A
    /// journal from before folders were recorded is judged by host alone.
    pub fn wrote(&self, journal: &WriterJournal) -> bool {
        machine(&journal.host) == machine(&self.host)
            && journal.folder.as_ref().is_none_or(|f| *f == self.folder)
    }
}

fn machine(user_at_host: &str) -> &str {
    user_at_host.split('@').next_back().unwrap_or(user_at_host)
}

/// The folder of the session file at `path` on this installation, as a
/// short stable word: a fixed-algorithm hash of both.
pub fn folder_id(path: &Path) -> String {
    let folder = crate::store::sidecar::folder_of(path);
    let full = std::fs::canonicalize(folder).unwrap_or_else(|_| folder.to_owned());
    let words = format!("{}\n{}", installation_id(), full.to_string_lossy());
    let hash = crate::store::journal::hash_of(words.as_bytes());
    format!("{hash:016x}")
}

/// A random id made once per installation (in the data folder); empty if
/// it cannot be kept there (then host and path tell folders apart).
fn installation_id() -> String {
    static ID: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    ID.get_or_init(|| {
        let Some(dirs) = directories::ProjectDirs::from("", "", "kenesh") else {
            return String::new();
        };
        let path = dirs.data_local_dir().join("installation-id");
        let read = || {
            let text = std::fs::read_to_string(&path).ok()?;
            let id = text.trim();
            id.parse::<crate::model::Id>().is_ok().then(|| id.to_owned())
        };
        if let Some(id) = read() {
            return id;
        }
        let id = crate::model::Id::new().to_string();
        let _ = std::fs::create_dir_all(dirs.data_local_dir());
        // Two kenesh starting at once: the first one's id is kept.
        let _ = crate::store::write_new(&path, id.as_bytes());
        read().unwrap_or_default()
    })
    .clone()
}

/// Whether the writer of `journal` is gone: it said it left; or, written
/// here, its lock is free; or, a copy from elsewhere, it has not changed
/// for a day.
pub fn writer_is_gone(journal: &WriterJournal, here: &Origin) -> bool {
    if journal.has_left() {
        return true;
    }
    if here.wrote(journal) {
        let Ok(file) = safe_fs::open_regular(&journal.path, Links::Refuse) else { return false };
        return safe_fs::try_lock(&file);
    }
    quiet(journal)
}

fn quiet(journal: &WriterJournal) -> bool {
    let modified =
        journal.modified.or_else(|| std::fs::metadata(&journal.path).ok()?.modified().ok());
    modified
        .and_then(|m| SystemTime::now().duration_since(m).ok())
        .is_some_and(|age| age >= QUIET_FOR)
}

/// Whether journals beside the file may be removed: every one was written
/// in this folder (no sync tool carries them elsewhere).
pub fn may_tidy(journals: &[WriterJournal], here: &Origin) -> bool {
    journals.iter().all(|j| here.wrote(j))
}

/// user@host: how a writer without a configured name is shown.
pub fn user_at_host() -> String {
    let user = std::env::var("USER").or_else(|_| std::env::var("USERNAME")).unwrap_or_default();
    let host = hostname().unwrap_or_default();
    match (user.is_empty(), host.is_empty()) {
        (false, false) => format!("{user}@{host}"),
        (true, false) => host,
        (false, true) => user,
        (true, true) => "kenesh".to_owned(),
    }
}

/// This machine's name, if it can be told.
pub fn hostname() -> Option<String> {
    std::fs::read_to_string("/etc/hostname")
        .map(|h| h.trim().to_owned())
        .ok()
        .filter(|h| !h.is_empty())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .filter(|h| !h.is_empty())
}
