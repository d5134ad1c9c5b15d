use serde::{Deserialize, Serialize};

use super::{Action, ActionStatus, Date, Id, Need, Participant, Proposal, Settlement, Timestamp};

/// All sessions of a programme merged into one record (`program.ron`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Program {
    pub format: u32,
    pub id: Id,
    pub updated: Timestamp,
    pub title: String,
    #[serde(default)]
    pub programme: String,
    #[serde(default)]
    pub sessions: Vec<SessionRef>,
    #[serde(default)]
    pub settlements: Vec<Settlement>,
    #[serde(default)]
    pub participants: Vec<Participant>,
    #[serde(default)]
    pub needs: Vec<ProgramNeed>,
    #[serde(default)]
    pub actions: Vec<ProgramAction>,
    /// Parking-lot items still waiting for a meeting to take them up.
    #[serde(default)]
    pub parking_lot: Vec<Proposal>,
    #[serde(default)]
    pub conflicts: Vec<Conflict>,
}

/// A session that was merged into the record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionRef {
    pub id: Id,
    pub updated: Timestamp,
    pub title: String,
    pub date: Date,
    #[serde(default)]
    pub place: String,
}

/// A session in which a need was raised, with the votes it got there.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NeedRaise {
    pub session: Id,
    pub votes: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgramNeed {
    pub need: Need,
    #[serde(default)]
    pub raised: Vec<NeedRaise>,
}

/// A status an action had as of a session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionHistoryEntry {
    pub date: Date,
    pub session: Id,
    pub status: ActionStatus,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgramAction {
    pub action: Action,
    /// The session where the action was first agreed.
    pub session: Id,
    #[serde(default)]
    pub history: Vec<ActionHistoryEntry>,
}

/// Two sources disagreed and the record kept one value; the other is kept
/// here so nothing is lost.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    pub entity: Id,
    pub field: String,
    pub kept: String,
    pub other: String,
    #[serde(default)]
    pub session: Option<Id>,
}
