//! Saving at the edge: writes the session through the store's atomic save
//! and paces retries after a failure.

use std::time::Duration;

use crate::model::{Session, Timestamp};
use crate::store::SessionFile;

/// How long to wait before trying again after a failed save.
const RETRY_AFTER: Duration = Duration::from_secs(1);

pub struct Saver {
    file: SessionFile,
    failed_at: Option<Timestamp>,
    draft_path: std::path::PathBuf,
    draft_on_disk: bool,
}

impl Saver {
    pub fn new(file: SessionFile) -> Saver {
        let draft_path = super::draft::path_for(file.path());
        let draft_on_disk = draft_path.exists();
        Saver { file, failed_at: None, draft_path, draft_on_disk }
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

    pub fn path(&self) -> &std::path::Path {
        self.file.path()
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

    pub fn save(&mut self, session: &Session, now: Timestamp) -> Result<(), String> {
        match self.file.save(session) {
            Ok(()) => {
                self.failed_at = None;
                Ok(())
            }
            Err(e) => {
                self.failed_at = Some(now);
                Err(e.to_string())
            }
        }
    }
}
