//! Human names of the model's enums, through the message catalogue.

use crate::i18n::t;
use crate::model::{
    ActionStatus, AgeBand, AgendaStatus, Gender, NeedCategory, NeedStatus, ProposalKind,
    StakeholderGroup,
};

pub fn group(g: StakeholderGroup) -> String {
    t(match g {
        StakeholderGroup::CityHall => "group-city-hall",
        StakeholderGroup::LocalGovernment => "group-local-government",
        StakeholderGroup::MunicipalService => "group-municipal-service",
        StakeholderGroup::StateBody => "group-state-body",
        StakeholderGroup::InternationalDonor => "group-donor",
        StakeholderGroup::CivilSociety => "group-civil-society",
        StakeholderGroup::Expert => "group-expert",
        StakeholderGroup::CommunityLeader => "group-community-leader",
        StakeholderGroup::Other => "group-other",
    })
}

pub fn category(c: &NeedCategory) -> String {
    match c {
        NeedCategory::Roads => t("category-roads"),
        NeedCategory::Water => t("category-water"),
        NeedCategory::Lighting => t("category-lighting"),
        NeedCategory::Schools => t("category-schools"),
        NeedCategory::Health => t("category-health"),
        NeedCategory::WasteEcology => t("category-waste-ecology"),
        NeedCategory::Transport => t("category-transport"),
        NeedCategory::Governance => t("category-governance"),
        NeedCategory::Social => t("category-social"),
        NeedCategory::Other => t("category-other"),
        NeedCategory::Custom(name) => name.clone(),
    }
}

pub fn need_status(s: NeedStatus) -> String {
    t(match s {
        NeedStatus::Open => "need-open",
        NeedStatus::Addressed => "need-addressed",
        NeedStatus::Parked => "need-parked",
    })
}

pub fn action_status(s: ActionStatus) -> String {
    t(match s {
        ActionStatus::Proposed => "action-proposed",
        ActionStatus::Agreed => "action-agreed",
        ActionStatus::InProgress => "action-in-progress",
        ActionStatus::Done => "action-done",
        ActionStatus::Dropped => "action-dropped",
    })
}

pub fn agenda_status(s: AgendaStatus) -> String {
    t(match s {
        AgendaStatus::Pending => "agenda-pending",
        AgendaStatus::Active => "agenda-active",
        AgendaStatus::Done => "agenda-done",
        AgendaStatus::Skipped => "agenda-skipped",
    })
}

pub fn gender(g: Gender) -> String {
    t(match g {
        Gender::Female => "gender-female",
        Gender::Male => "gender-male",
        Gender::Other => "gender-other",
    })
}

pub fn age_band(a: AgeBand) -> String {
    t(match a {
        AgeBand::Under18 => "age-under-18",
        AgeBand::From18To29 => "age-18-29",
        AgeBand::From30To44 => "age-30-44",
        AgeBand::From45To59 => "age-45-59",
        AgeBand::From60 => "age-60",
    })
}

pub fn proposal_kind(k: ProposalKind) -> String {
    t(match k {
        ProposalKind::Proposal => "kind-proposal",
        ProposalKind::Decision => "kind-decision",
        ProposalKind::ParkingLot => "kind-parking-lot",
    })
}

/// A short group name for narrow columns.
pub fn group_short(g: StakeholderGroup) -> String {
    t(match g {
        StakeholderGroup::CityHall => "group-short-city-hall",
        StakeholderGroup::LocalGovernment => "group-short-local-government",
        StakeholderGroup::MunicipalService => "group-short-municipal-service",
        StakeholderGroup::StateBody => "group-short-state-body",
        StakeholderGroup::InternationalDonor => "group-short-donor",
        StakeholderGroup::CivilSociety => "group-short-civil-society",
        StakeholderGroup::Expert => "group-short-expert",
        StakeholderGroup::CommunityLeader => "group-short-community-leader",
        StakeholderGroup::Other => "group-short-other",
    })
}
