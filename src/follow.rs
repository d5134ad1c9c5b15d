//! Following a session file as another program saves it: the folder is
//! watched (an atomic save replaces the file, so a watch on the file itself
//! would go silent after the first rename), with polling as a fallback for
//! shared folders and SSH mounts where events do not arrive. A file that is
//! missing, half written or unreadable never replaces the last good state.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant, SystemTime};

use crate::model::Session;
use crate::store::Loaded;

/// How often the file is looked at even without a watch event.
pub const POLL_EVERY: Duration = Duration::from_millis(500);

/// What identifies one version of the file on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    #[cfg(unix)]
    inode: u64,
}

fn stamp(path: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(path).ok()?;
    Some(Stamp {
        len: meta.len(),
        modified: meta.modified().ok(),
        #[cfg(unix)]
        inode: std::os::unix::fs::MetadataExt::ino(&meta),
    })
}

/// Why the view is not showing the file as it is now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Trouble {
    Missing,
    Unreadable(String),
}

pub struct Follower {
    path: PathBuf,
    session: Option<Session>,
    trouble: Option<Trouble>,
    seen: Option<(Stamp, Vec<Option<Stamp>>)>,
    last_look: Option<Instant>,
    events: Option<Receiver<()>>,
    // Kept alive for as long as we follow.
    _watcher: Option<notify::RecommendedWatcher>,
}

impl Follower {
    pub fn new(path: &Path) -> Follower {
        let (watcher, events) = match watch_folder(path) {
            Some((w, rx)) => (Some(w), Some(rx)),
            None => (None, None),
        };
        let mut follower = Follower {
            path: path.to_owned(),
            session: None,
            trouble: None,
            seen: None,
            last_look: None,
            events,
            _watcher: watcher,
        };
        follower.look();
        follower
    }

    /// The last session that loaded completely.
    pub fn session(&self) -> Option<&Session> {
        self.session.as_ref()
    }

    pub fn trouble(&self) -> Option<&Trouble> {
        self.trouble.as_ref()
    }

    /// Whether the folder is watched (else only polled).
    pub fn is_watching(&self) -> bool {
        self._watcher.is_some()
    }

    /// Looks at the file if a watch event came or the poll interval passed.
    /// Returns true if what should be shown changed.
    pub fn refresh(&mut self) -> bool {
        let mut due = self.last_look.is_none_or(|t| t.elapsed() >= POLL_EVERY);
        if let Some(rx) = &self.events {
            while rx.try_recv().is_ok() {
                due = true;
            }
        }
        if due { self.look() } else { false }
    }

    /// Reads the file if it changed (or the last read failed).
    fn look(&mut self) -> bool {
        self.last_look = Some(Instant::now());
        let Some(now) = stamp(&self.path) else {
            let changed = self.trouble != Some(Trouble::Missing);
            self.trouble = Some(Trouble::Missing);
            self.seen = None;
            return changed;
        };
        // The editors' journals hold edits not yet in the file.
        let mut journals = crate::store::shared::journal_paths(&self.path);
        journals.push(crate::store::journal::path_for(&self.path));
        let journal: Vec<Option<Stamp>> = journals.iter().map(|p| stamp(p)).collect();
        if self.seen.as_ref().is_some_and(|(s, j)| *s == now && *j == journal)
            && self.trouble.is_none()
        {
            return false;
        }
        self.seen = Some((now, journal));
        match crate::store::read(&self.path) {
            Ok((Loaded::Session(session), _)) => {
                let changed = self.session.as_ref() != Some(&session) || self.trouble.is_some();
                self.session = Some(session);
                self.trouble = None;
                changed
            }
            Ok((Loaded::Program(_), _)) => {
                self.set_trouble(Trouble::Unreadable(crate::i18n::t("present-not-a-session")))
            }
            Err(e) => self.set_trouble(Trouble::Unreadable(e.to_string())),
        }
    }

    fn set_trouble(&mut self, trouble: Trouble) -> bool {
        let changed = self.trouble.as_ref() != Some(&trouble);
        self.trouble = Some(trouble);
        changed
    }

    /// How long the caller may sleep before calling `refresh` again.
    pub fn wait_hint(&self) -> Duration {
        if self.events.is_some() { Duration::from_millis(100) } else { Duration::from_millis(250) }
    }
}

/// Watches the file's folder; every event there is a hint to look again.
fn watch_folder(path: &Path) -> Option<(notify::RecommendedWatcher, Receiver<()>)> {
    use notify::Watcher;
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let (tx, rx) = channel();
    let mut watcher = notify::recommended_watcher(move |_event| {
        let _ = tx.send(());
    })
    .ok()?;
    watcher.watch(&folder, notify::RecursiveMode::NonRecursive).ok()?;
    Some((watcher, rx))
}
