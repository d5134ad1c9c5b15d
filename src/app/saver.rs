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

pub struct Saver {
    file: SessionFile,
    failed_at: Option<Timestamp>,
    draft_path: PathBuf,
    draft_on_disk: bool,
}

impl Saver {
    pub fn new(file: SessionFile) -> Saver {
        let draft_path = super::draft::path_for(file.path());
        let draft_on_disk = draft_path.exists();
        Saver { file, failed_at: None, draft_path, draft_on_disk }
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
