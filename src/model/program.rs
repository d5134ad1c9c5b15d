use serde::{Deserialize, Serialize};

use super::{
    Action, ActionStatus, AgendaStatus, Date, Id, Need, Participant, Proposal, ProposalKind,
    Settlement, Timestamp,
};

/// All sessions of a programme merged into one record (`program.ron`).
///
/// Every collection is kept sorted by id (sessions by date, then id), and
/// merging is a join: the same inputs in any order or grouping give the
/// same record, byte for byte. See `crate::merge`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Program {
    pub format: u32,
    pub id: Id,
    #[serde(with = "crate::model::time::stamp")]
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
    /// Who was present at which session (presence is per meeting, so it is
    /// kept here rather than on the participant).
    #[serde(default)]
    pub attendance: Vec<Attendance>,
    /// Proposals, decisions and parking-lot items of every session.
    #[serde(default)]
    pub proposals: Vec<Proposal>,
    /// Values that lost to a newer version of the same entity: kept so
    /// nothing a session said is lost.
    #[serde(default)]
    pub conflicts: Vec<Conflict>,
    /// Settlements or people that are probably the same but have different
    /// ids. Reported, never merged silently.
    #[serde(default)]
    pub likely_duplicates: Vec<LikelyDuplicate>,
}

impl Program {
    /// Parking-lot items still waiting for a meeting to take them up.
    pub fn parking_lot(&self) -> impl Iterator<Item = &Proposal> {
        self.proposals.iter().filter(|p| p.kind == ProposalKind::ParkingLot)
    }
}

/// A session that was merged into the record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionRef {
    pub id: Id,
    #[serde(with = "crate::model::time::stamp")]
    pub updated: Timestamp,
    pub title: String,
    #[serde(with = "crate::model::time::date")]
    pub date: Date,
    #[serde(default)]
    pub place: String,
    /// Organiser and facilitator, so the next meeting (`new --from`) starts
    /// with them; left out of the file when empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub organiser: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub facilitator: String,
    /// The session's agenda as it ran (newest version of the session wins).
    #[serde(default)]
    pub agenda: Vec<AgendaRecord>,
    /// Speaking time per participant, from the session's speaker turns.
    #[serde(default)]
    pub speaking: Vec<Speaking>,
}

/// One agenda item of a session: enough for programme tables without
/// opening the session file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgendaRecord {
    pub item: Id,
    pub title: String,
    pub planned_minutes: u32,
    /// Time the item actually ran, in whole seconds.
    pub actual_seconds: u64,
    pub status: AgendaStatus,
}

/// How long one participant spoke in one session (all turns, in seconds).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Speaking {
    pub participant: Id,
    pub seconds: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attendance {
    pub session: Id,
    pub participant: Id,
    pub present: bool,
}

/// A session in which a need was raised, with the votes it got there.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NeedRaise {
    pub session: Id,
    pub votes: u32,
    /// When the need last changed in that session (the newer version wins).
    #[serde(with = "crate::model::time::stamp")]
    pub updated: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgramNeed {
    pub need: Need,
    #[serde(default)]
    pub raised: Vec<NeedRaise>,
}

/// The status an action had in a session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionHistoryEntry {
    #[serde(with = "crate::model::time::date")]
    pub date: Date,
    pub session: Id,
    pub status: ActionStatus,
    #[serde(with = "crate::model::time::stamp")]
    pub updated: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgramAction {
    pub action: Action,
    /// Its status session by session, oldest first.
    #[serde(default)]
    pub history: Vec<ActionHistoryEntry>,
    /// Progress recorded between meetings (`kenesh status`), oldest first.
    #[serde(default)]
    pub progress: Vec<ProgressEntry>,
}

/// A status recorded between meetings: dated, with an optional note, and
/// never tied to a session (so no session's record is rewritten).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgressEntry {
    #[serde(with = "crate::model::time::date")]
    pub date: Date,
    pub status: ActionStatus,
    #[serde(default)]
    pub note: String,
    /// When it was recorded (two updates of one day stay two entries).
    #[serde(with = "crate::model::time::stamp")]
    pub recorded: Timestamp,
}

/// A value of one field of an entity that lost to another version.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    pub entity: Id,
    pub field: String,
    /// The losing value, as JSON.
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LikelyDuplicate {
    /// "settlement" or "participant".
    pub kind: String,
    pub ids: Vec<Id>,
    pub names: Vec<String>,
}

impl Program {
    /// [`effective_status`](super::need::effective_status) of every need of the record, by id.
    pub fn need_statuses(&self) -> std::collections::HashMap<super::Id, super::NeedStatus> {
        super::need::effective_statuses(
            self.needs.iter().map(|n| &n.need),
            self.actions.iter().map(|a| &a.action),
        )
    }
}

impl ProgramNeed {
    /// The sessions to show as having raised the need: the first, and any
    /// later one that voted on it. A follow-up meeting carries the need with
    /// no votes, and that is not raising it again.
    pub fn raises_shown(&self) -> impl Iterator<Item = &super::NeedRaise> {
        self.raised.iter().enumerate().filter(|(i, r)| *i == 0 || r.votes > 0).map(|(_, r)| r)
    }
}
