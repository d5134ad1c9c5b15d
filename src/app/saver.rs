//! Saving at the edge: writes the session through the store's atomic save,
//! paces retries after a failure, keeps the draft file, and reloads the file
//! when asked.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::msg::Msg;
use crate::model::{Session, Timestamp};
use crate::store::{Loaded, SaveError, SessionFile};

/// How long to wait before trying again after a failed save.
const RETRY_AFTER: Duration = Duration::from_secs(1);

/// How often journaled edits are folded into the file itself. Readers
/// replay the journal, so this only bounds the journal's length (and the
/// pause a rewrite of a very large session costs).
const SNAPSHOT_EVERY: Duration = Duration::from_secs(3);

pub struct Saver {
    file: SessionFile,
    failed_at: Option<Timestamp>,
    snapshot_at: Option<Timestamp>,
    draft_path: PathBuf,
    draft_on_disk: bool,
}

impl Saver {
    pub fn new(file: SessionFile) -> Saver {
        let draft_path = super::draft::path_for(file.path());
        let draft_on_disk = draft_path.exists();
        Saver { file, failed_at: None, snapshot_at: None, draft_path, draft_on_disk }
    }

    pub fn path(&self) -> &Path {
        self.file.path()
    }

    /// Writes what is being typed to the draft file, or removes the file
    /// when nothing is. A failure here is not worth interrupting anyone:
    /// the session itself is saved separately.
    pub fn sync_draft(&mut self, draft: Option<&super::draft::Draft>) {
        match draft {
            Some(draft) => {
                if let Ok(text) = crate::store::to_ron(draft)
                    && crate::store::write_atomic(&self.draft_path, text.as_bytes()).is_ok()
                {
                    self.draft_on_disk = true;
                }
            }
            None if self.draft_on_disk && std::fs::remove_file(&self.draft_path).is_ok() => {
                self.draft_on_disk = false;
            }
            None => {}
        }
    }

    /// False while waiting to retry a failed save.
    pub fn ready(&self, now: Timestamp) -> bool {
        self.retry_in(now).is_zero()
    }

    pub fn retry_in(&self, now: Timestamp) -> Duration {
        let Some(failed) = self.failed_at else { return Duration::ZERO };
        let waited = (now - failed).to_std().unwrap_or(Duration::ZERO);
        RETRY_AFTER.saturating_sub(waited)
    }

    /// Makes the model's unsaved changes durable: appended to the journal
    /// (milliseconds, whatever the size of the session) when possible, else
    /// by rewriting the whole file.
    pub fn persist(&mut self, model: &mut super::Model, now: Timestamp) -> Msg {
        let revision = model.save.revision;
        if !model.needs_snapshot
            && !model.pending.is_empty()
            && self.file.append(&model.pending).is_ok()
        {
            model.pending.clear();
            self.failed_at = None;
            self.snapshot_at.get_or_insert(now);
            return Msg::Saved { revision };
        }
        // A full rewrite holds everything; until one succeeds, no edit may
        // go to the journal (it would miss the ones before it).
        model.pending.clear();
        model.needs_snapshot = true;
        let msg = self.save(&model.session, revision, now);
        if matches!(msg, Msg::Saved { .. } | Msg::Diverted { .. }) {
            model.needs_snapshot = false;
            self.snapshot_at = None;
        }
        msg
    }

    /// Whether journaled edits should be folded into the file now.
    pub fn snapshot_due(&self, now: Timestamp) -> bool {
        self.file.has_journal_entries()
            && self
                .snapshot_at
                .is_none_or(|at| (now - at).to_std().unwrap_or(Duration::ZERO) >= SNAPSHOT_EVERY)
    }

    /// Folds the journal into the file. The edits are durable already, so a
    /// failure only means trying again later; a change made outside is
    /// reported like any save.
    pub fn snapshot(&mut self, session: &Session, revision: u64, now: Timestamp) -> Option<Msg> {
        self.snapshot_at = Some(now);
        match self.file.save(session) {
            Ok(()) => None,
            Err(SaveError::ChangedOutside { kept_in, .. }) => {
                Some(Msg::Diverted { revision, kept_in: kept_in.display().to_string() })
            }
            Err(_) => None,
        }
    }

    /// Whether edits wait in the journal (to fold in before quitting).
    pub fn has_journal_entries(&self) -> bool {
        self.file.has_journal_entries()
    }

    /// Saves `session` as `revision` and says how it went.
    pub fn save(&mut self, session: &Session, revision: u64, now: Timestamp) -> Msg {
        match self.file.save(session) {
            Ok(()) => {
                self.failed_at = None;
                match self.file.diverted_to() {
                    Some(kept_in) => {
                        Msg::Diverted { revision, kept_in: kept_in.display().to_string() }
                    }
                    None => Msg::Saved { revision },
                }
            }
            Err(SaveError::ChangedOutside { kept_in, .. }) => {
                Msg::Diverted { revision, kept_in: kept_in.display().to_string() }
            }
            Err(e) => {
                self.failed_at = Some(now);
                Msg::SaveFailed { revision, error: e.to_string() }
            }
        }
    }

    /// Loads the file as it is on disk now (after another program changed it).
    pub fn reload(&mut self) -> Msg {
        match self.file.reload() {
            Ok(Loaded::Session(session)) => Msg::Reloaded(Box::new(session)),
            Ok(Loaded::Program(_)) => {
                Msg::SaveFailed { revision: 0, error: crate::i18n::t("present-not-a-session") }
            }
            Err(e) => Msg::SaveFailed { revision: 0, error: e.to_string() },
        }
    }

    /// Forgets a recovery file once the user has decided about it.
    pub fn remove_recovery(&self) {
        for path in super::recovery::paths_for(self.file.path()) {
            let _ = std::fs::remove_file(path);
        }
    }
}
