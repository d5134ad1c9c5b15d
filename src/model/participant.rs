use serde::{Deserialize, Serialize};

use super::{Id, Timestamp};

/// Who a participant speaks for. Donor reports and the speaking-time bars
/// are broken down by this.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum StakeholderGroup {
    CityHall,
    LocalGovernment,
    MunicipalService,
    StateBody,
    InternationalDonor,
    CivilSociety,
    Expert,
    CommunityLeader,
    Other,
}

impl StakeholderGroup {
    pub const ALL: [StakeholderGroup; 9] = [
        StakeholderGroup::CityHall,
        StakeholderGroup::LocalGovernment,
        StakeholderGroup::MunicipalService,
        StakeholderGroup::StateBody,
        StakeholderGroup::InternationalDonor,
        StakeholderGroup::CivilSociety,
        StakeholderGroup::Expert,
        StakeholderGroup::CommunityLeader,
        StakeholderGroup::Other,
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Gender {
    Female,
    Male,
    Other,
}

impl Gender {
    pub const ALL: [Gender; 3] = [Gender::Female, Gender::Male, Gender::Other];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum AgeBand {
    Under18,
    From18To29,
    From30To44,
    From45To59,
    From60,
}

impl AgeBand {
    pub const ALL: [AgeBand; 5] = [
        AgeBand::Under18,
        AgeBand::From18To29,
        AgeBand::From30To44,
        AgeBand::From45To59,
        AgeBand::From60,
    ];
}

/// A new settlement (новостройка) or district the meeting talks about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settlement {
    pub id: Id,
    #[serde(with = "crate::model::time::stamp")]
    pub updated: Timestamp,
    pub name: String,
    /// City the settlement belongs to (Бишкек, Ош), if known.
    #[serde(default)]
    pub city: String,
}

impl Settlement {
    pub fn new(name: impl Into<String>, now: Timestamp) -> Self {
        Settlement { id: super::new_id(), updated: now, name: name.into(), city: String::new() }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Participant {
    pub id: Id,
    #[serde(with = "crate::model::time::stamp")]
    pub updated: Timestamp,
    pub name: String,
    #[serde(default)]
    pub organisation: String,
    pub group: StakeholderGroup,
    #[serde(default)]
    pub settlement: Option<Id>,
    #[serde(default)]
    pub present: bool,
    #[serde(default)]
    pub gender: Option<Gender>,
    #[serde(default)]
    pub age_band: Option<AgeBand>,
    #[serde(default)]
    pub contact: String,
}

impl Participant {
    pub fn new(name: impl Into<String>, group: StakeholderGroup, now: Timestamp) -> Self {
        Participant {
            id: super::new_id(),
            updated: now,
            name: name.into(),
            organisation: String::new(),
            group,
            settlement: None,
            present: false,
            gender: None,
            age_band: None,
            contact: String::new(),
        }
    }
}
