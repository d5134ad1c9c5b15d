//! Statistics the editor and the exports both show, computed here once.

use std::collections::HashMap;

use super::{Id, Participant, SpeakerTurn, StakeholderGroup};

/// Position of a group in `StakeholderGroup::ALL`.
pub fn group_index(group: StakeholderGroup) -> usize {
    StakeholderGroup::ALL.iter().position(|g| *g == group).unwrap_or(8)
}

/// Seconds spoken in finished turns.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpeakingTime {
    /// Per participant, in the order of the participants given.
    pub by_person: Vec<i64>,
    /// Per stakeholder group, in `StakeholderGroup::ALL` order.
    pub by_group: [i64; 9],
}

/// Speaking time of finished turns (queued and running turns count
/// nothing); a turn whose speaker is not among `participants` is left out.
pub fn speaking_time(participants: &[Participant], turns: &[SpeakerTurn]) -> SpeakingTime {
    let mut index: HashMap<Id, usize> = HashMap::with_capacity(participants.len());
    for (i, p) in participants.iter().enumerate() {
        index.entry(p.id).or_insert(i);
    }
    let mut time = SpeakingTime { by_person: vec![0; participants.len()], by_group: [0; 9] };
    for turn in turns {
        let (Some(start), Some(end)) = (turn.started, turn.ended) else { continue };
        let Some(&person) = index.get(&turn.participant) else { continue };
        let seconds = (end - start).num_seconds().max(0);
        time.by_person[person] += seconds;
        time.by_group[group_index(participants[person].group)] += seconds;
    }
    time
}
