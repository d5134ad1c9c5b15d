use serde::{Deserialize, Serialize};

use super::{Id, Timestamp};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ProposalKind {
    Proposal,
    Decision,
    ParkingLot,
}

impl ProposalKind {
    pub const ALL: [ProposalKind; 3] =
        [ProposalKind::Proposal, ProposalKind::Decision, ProposalKind::ParkingLot];
}

/// A line captured live: what was proposed or decided, by whom, when, and
/// under which agenda item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Proposal {
    pub id: Id,
    #[serde(with = "crate::model::time::stamp")]
    pub updated: Timestamp,
    pub kind: ProposalKind,
    pub text: String,
    #[serde(default)]
    pub author: Option<Id>,
    #[serde(with = "crate::model::time::stamp")]
    pub time: Timestamp,
    #[serde(default)]
    pub agenda_item: Option<Id>,
    #[serde(default)]
    pub need: Option<Id>,
}

/// The facilitator's own note. Never shown in the projector view or in any
/// export meant for others.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrivateNote {
    pub id: Id,
    #[serde(with = "crate::model::time::stamp")]
    pub updated: Timestamp,
    pub text: String,
    #[serde(default)]
    pub agenda_item: Option<Id>,
}
