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

/// The status a need shows: its own, except that an open need whose linked
/// actions are all done (dropped ones aside, at least one done) counts as
/// addressed. Derived, never stored: reopening an action reopens the need,
/// and no session file is rewritten behind the meeting's back.
pub fn effective_status<'a>(
    need: &Need,
    actions: impl IntoIterator<Item = &'a super::Action>,
) -> NeedStatus {
    derive(
        need.status,
        actions.into_iter().filter(|a| a.needs.contains(&need.id)).map(|a| a.status),
    )
}

/// [`effective_status`] of many needs at once, in one pass over the actions.
pub fn effective_statuses<'a>(
    needs: impl IntoIterator<Item = &'a Need>,
    actions: impl IntoIterator<Item = &'a super::Action>,
) -> std::collections::HashMap<Id, NeedStatus> {
    let mut linked: std::collections::HashMap<Id, Vec<super::ActionStatus>> =
        std::collections::HashMap::new();
    for action in actions {
        for need in &action.needs {
            linked.entry(*need).or_default().push(action.status);
        }
    }
    needs
        .into_iter()
        .map(|n| {
            let statuses = linked.get(&n.id).map_or(&[][..], Vec::as_slice);
            (n.id, derive(n.status, statuses.iter().copied()))
        })
        .collect()
}

/// The rule itself, from a need's own status and its linked actions' statuses.
fn derive(own: NeedStatus, linked: impl Iterator<Item = super::ActionStatus>) -> NeedStatus {
    use super::ActionStatus;
    if own != NeedStatus::Open {
        return own;
    }
    let mut done = false;
    for status in linked {
        match status {
            ActionStatus::Done => done = true,
            ActionStatus::Dropped => {}
            _ => return NeedStatus::Open,
        }
    }
    if done { NeedStatus::Addressed } else { NeedStatus::Open }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Action, ActionStatus};

    fn now() -> Timestamp {
        chrono::DateTime::parse_from_rfc3339("2026-11-19T10:00:00+06:00").unwrap()
    }

    fn action(need: &Need, status: ActionStatus) -> Action {
        let mut a = Action::new("fix", now());
        a.needs.push(need.id);
        a.status = status;
        a
    }

    #[test]
    fn a_need_is_addressed_once_every_linked_action_is_done() {
        let need = Need::new("road", now());
        let unrelated = Action::new("other", now());
        assert_eq!(effective_status(&need, [&unrelated]), NeedStatus::Open, "no action: open");
        let done = action(&need, ActionStatus::Done);
        let agreed = action(&need, ActionStatus::Agreed);
        let dropped = action(&need, ActionStatus::Dropped);
        assert_eq!(effective_status(&need, [&done, &unrelated]), NeedStatus::Addressed);
        assert_eq!(effective_status(&need, [&done, &dropped]), NeedStatus::Addressed);
        assert_eq!(effective_status(&need, [&done, &agreed]), NeedStatus::Open, "one still open");
        assert_eq!(effective_status(&need, [&dropped]), NeedStatus::Open, "dropped is not done");
        let mut parked = need.clone();
        parked.status = NeedStatus::Parked;
        parked.id = crate::model::new_id();
        assert_eq!(effective_status(&parked, [&done]), NeedStatus::Parked, "a decision stands");
        let all = effective_statuses([&need, &parked], [&done, &dropped, &unrelated]);
        assert_eq!(all[&need.id], NeedStatus::Addressed, "the batch applies the same rule");
        assert_eq!(all[&parked.id], NeedStatus::Parked);
    }
}
