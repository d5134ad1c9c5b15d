//! Statistics the editor and the exports both show, computed here once.

use std::collections::HashMap;

use super::{Id, Participant, SpeakerTurn, StakeholderGroup, Timestamp};

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
    speaking_time_until(participants, turns, None)
}

/// As [`speaking_time`], but a running turn counts up to `now` when it is
/// given (an export made while someone speaks shows their time so far).
pub fn speaking_time_until(
    participants: &[Participant],
    turns: &[SpeakerTurn],
    now: Option<Timestamp>,
) -> SpeakingTime {
    let mut index: HashMap<Id, usize> = HashMap::with_capacity(participants.len());
    for (i, p) in participants.iter().enumerate() {
        index.entry(p.id).or_insert(i);
    }
    let mut time = SpeakingTime { by_person: vec![0; participants.len()], by_group: [0; 9] };
    for turn in turns {
        let (Some(start), Some(end)) = (turn.started, turn.ended.or(now)) else { continue };
        let Some(&person) = index.get(&turn.participant) else { continue };
        let seconds = (end - start).num_seconds().max(0);
        time.by_person[person] += seconds;
        time.by_group[group_index(participants[person].group)] += seconds;
    }
    time
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Id;

    fn at(minute: u32, second: u32) -> Timestamp {
        chrono::DateTime::parse_from_rfc3339(&format!(
            "2026-11-19T10:{minute:02}:{second:02}+06:00"
        ))
        .unwrap()
    }

    fn turn(person: Id, started: Timestamp, ended: Option<Timestamp>) -> SpeakerTurn {
        SpeakerTurn {
            id: Id::new(),
            updated: started,
            agenda_item: Id::new(),
            participant: person,
            requested: started,
            started: Some(started),
            ended,
        }
    }

    #[test]
    fn a_running_turn_counts_up_to_now_only_when_now_is_given() {
        let p = Participant::new("Асанова Айгуль", StakeholderGroup::CommunityLeader, at(0, 0));
        let turns = [turn(p.id, at(1, 0), Some(at(2, 30))), turn(p.id, at(5, 0), None)];
        let people = [p];
        assert_eq!(speaking_time(&people, &turns).by_person, [90]);
        assert_eq!(speaking_time_until(&people, &turns, Some(at(6, 15))).by_person, [90 + 75]);
        let group = group_index(StakeholderGroup::CommunityLeader);
        assert_eq!(speaking_time_until(&people, &turns, Some(at(6, 15))).by_group[group], 165);
    }
}
