use chrono::TimeDelta;
use serde::{Deserialize, Serialize};

use super::{Id, Timestamp};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum AgendaStatus {
    Pending,
    Active,
    Done,
    Skipped,
}

/// One stretch of time an agenda item was running. An item that is stopped
/// and resumed has several; the last one is open while the item is active.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Run {
    #[serde(with = "crate::model::time::stamp")]
    pub start: Timestamp,
    #[serde(default, with = "crate::model::time::opt_stamp")]
    pub end: Option<Timestamp>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgendaItem {
    pub id: Id,
    #[serde(with = "crate::model::time::stamp")]
    pub updated: Timestamp,
    pub title: String,
    #[serde(default)]
    pub presenter: String,
    pub planned_minutes: u32,
    pub status: AgendaStatus,
    /// Wall-clock runs: elapsed time is computed from these, never counted
    /// in ticks, so a timer survives a restart of the program.
    #[serde(default)]
    pub runs: Vec<Run>,
    #[serde(default)]
    pub notes: String,
}

impl AgendaItem {
    pub fn new(title: impl Into<String>, planned_minutes: u32, now: Timestamp) -> Self {
        AgendaItem {
            id: super::new_id(),
            updated: now,
            title: title.into(),
            presenter: String::new(),
            planned_minutes,
            status: AgendaStatus::Pending,
            runs: Vec::new(),
            notes: String::new(),
        }
    }

    /// Time spent on this item up to `now` (open runs count up to `now`).
    pub fn elapsed(&self, now: Timestamp) -> TimeDelta {
        self.runs.iter().map(|r| (r.end.unwrap_or(now) - r.start).max(TimeDelta::zero())).sum()
    }

    pub fn planned(&self) -> TimeDelta {
        TimeDelta::minutes(i64::from(self.planned_minutes))
    }

    /// When the item first started.
    pub fn actual_start(&self) -> Option<Timestamp> {
        self.runs.first().map(|r| r.start)
    }

    /// When the item last ended, if it is not running.
    pub fn actual_end(&self) -> Option<Timestamp> {
        self.runs.last().and_then(|r| r.end)
    }

    pub fn is_overrun(&self, now: Timestamp) -> bool {
        self.elapsed(now) > self.planned()
    }
}
