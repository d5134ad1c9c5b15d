use serde::{Deserialize, Serialize};

use super::{Id, Timestamp};

/// What kind of need. The built-in list covers the seed meeting; `Custom`
/// holds a category configured by the programme.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum NeedCategory {
    Roads,
    Water,
    Lighting,
    Schools,
    Health,
    WasteEcology,
    Transport,
    Governance,
    Social,
    Other,
    Custom(String),
}

impl NeedCategory {
    pub const BUILT_IN: [NeedCategory; 10] = [
        NeedCategory::Roads,
        NeedCategory::Water,
        NeedCategory::Lighting,
        NeedCategory::Schools,
        NeedCategory::Health,
        NeedCategory::WasteEcology,
        NeedCategory::Transport,
        NeedCategory::Governance,
        NeedCategory::Social,
        NeedCategory::Other,
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum NeedStatus {
    Open,
    Addressed,
    Parked,
}

impl NeedStatus {
    pub const ALL: [NeedStatus; 3] = [NeedStatus::Open, NeedStatus::Addressed, NeedStatus::Parked];
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Need {
    pub id: Id,
    #[serde(with = "crate::model::time::stamp")]
    pub updated: Timestamp,
    pub title: String,
    #[serde(default)]
    pub detail: String,
    #[serde(default)]
    pub settlement: Option<Id>,
    pub category: NeedCategory,
    #[serde(default)]
    pub raised_by: Option<Id>,
    #[serde(default)]
    pub votes: u32,
    pub status: NeedStatus,
}

impl Need {
    pub fn new(title: impl Into<String>, now: Timestamp) -> Self {
        Need {
            id: super::new_id(),
            updated: now,
            title: title.into(),
            detail: String::new(),
            settlement: None,
            category: NeedCategory::Other,
            raised_by: None,
            votes: 0,
            status: NeedStatus::Open,
        }
    }
}
