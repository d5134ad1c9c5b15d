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
}

impl Saver {
    pub fn new(file: SessionFile) -> Saver {
        Saver { file, failed_at: None }
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
