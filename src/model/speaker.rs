use chrono::TimeDelta;
use serde::{Deserialize, Serialize};

use super::{Id, Timestamp};

/// A participant's request to speak under one agenda item, and the turn
/// itself once it starts. Queued: `started` is empty; speaking: `started`
/// set, `ended` empty; done: both set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpeakerTurn {
    pub id: Id,
    #[serde(with = "crate::model::time::stamp")]
    pub updated: Timestamp,
    pub agenda_item: Id,
    pub participant: Id,
    #[serde(with = "crate::model::time::stamp")]
    pub requested: Timestamp,
    #[serde(default, with = "crate::model::time::opt_stamp")]
    pub started: Option<Timestamp>,
    #[serde(default, with = "crate::model::time::opt_stamp")]
    pub ended: Option<Timestamp>,
}

impl SpeakerTurn {
    /// Speaking time up to `now` (zero while still queued).
    pub fn duration(&self, now: Timestamp) -> TimeDelta {
        match self.started {
            Some(start) => (self.ended.unwrap_or(now) - start).max(TimeDelta::zero()),
            None => TimeDelta::zero(),
        }
    }

    pub fn is_speaking(&self) -> bool {
        self.started.is_some() && self.ended.is_none()
    }

    pub fn is_queued(&self) -> bool {
        self.started.is_none()
    }
}
