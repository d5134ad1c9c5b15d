use serde::{Deserialize, Serialize};

use super::{Date, Id, Timestamp};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ActionStatus {
    Proposed,
    Agreed,
    InProgress,
    Done,
    Dropped,
}

impl ActionStatus {
    pub const ALL: [ActionStatus; 5] = [
        ActionStatus::Proposed,
        ActionStatus::Agreed,
        ActionStatus::InProgress,
        ActionStatus::Done,
        ActionStatus::Dropped,
    ];

    /// The next status in the usual life of an action (used by the cycle key).
    pub fn next(self) -> ActionStatus {
        let i = Self::ALL.iter().position(|s| *s == self).unwrap_or(0);
        Self::ALL[(i + 1) % Self::ALL.len()]
    }

    /// Still something someone must do.
    pub fn is_open(self) -> bool {
        !matches!(self, ActionStatus::Done | ActionStatus::Dropped)
    }
}

/// A row of the joint action plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    pub id: Id,
    #[serde(with = "crate::model::time::stamp")]
    pub updated: Timestamp,
    pub what: String,
    #[serde(default)]
    pub needs: Vec<Id>,
    #[serde(default)]
    pub responsible: String,
    #[serde(default)]
    pub partners: String,
    #[serde(default, with = "crate::model::time::opt_date")]
    pub deadline: Option<Date>,
    #[serde(default)]
    pub funding: String,
    #[serde(default)]
    pub indicator: String,
    pub status: ActionStatus,
    #[serde(default)]
    pub notes: String,
    /// The proposal this action was promoted from, if any.
    #[serde(default)]
    pub origin: Option<Id>,
}

impl Action {
    pub fn new(what: impl Into<String>, now: Timestamp) -> Self {
        Action {
            id: super::new_id(),
            updated: now,
            what: what.into(),
            needs: Vec::new(),
            responsible: String::new(),
            partners: String::new(),
            deadline: None,
            funding: String::new(),
            indicator: String::new(),
            status: ActionStatus::Proposed,
            notes: String::new(),
            origin: None,
        }
    }

    /// Open and past its deadline on `today`.
    pub fn is_overdue(&self, today: Date) -> bool {
        self.status.is_open() && self.deadline.is_some_and(|d| d < today)
    }
}
