use serde::{Deserialize, Serialize};

use super::{Id, Timestamp};

/// What happened. Externally tagged so the file reads `AgendaStarted(...)`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum EventKind {
    AgendaStarted {
        item: Id,
    },
    AgendaStopped {
        item: Id,
    },
    AgendaSkipped {
        item: Id,
    },
    TurnStarted {
        turn: Id,
        participant: Id,
    },
    TurnEnded {
        turn: Id,
        participant: Id,
    },
    /// Something was captured (need, proposal, action, participant...),
    /// with the agenda item that was running.
    Captured {
        entity: Id,
        what: String,
        #[serde(default)]
        agenda_item: Option<Id>,
    },
}

/// One timestamped line of the meeting's log, so a meeting can be replayed
/// and reported afterwards.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: Id,
    #[serde(with = "crate::model::time::stamp")]
    pub updated: Timestamp,
    #[serde(with = "crate::model::time::stamp")]
    pub at: Timestamp,
    pub kind: EventKind,
}

impl Event {
    pub fn new(kind: EventKind, at: Timestamp) -> Self {
        Event { id: super::new_id(), updated: at, at, kind }
    }
}
