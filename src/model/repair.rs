//! Repairing a session that `check` rejects, so it can be edited again:
//! an id used twice gets a fresh one for every entity after the first, and
//! a reference that points at nothing is cleared. The editor only does this
//! when the user asks, after keeping a copy of the file as it was.

use std::collections::HashSet;

use super::{Id, Session};

/// What a repair changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Repaired {
    pub fresh_ids: usize,
    pub cleared_references: usize,
    pub removed_turns: usize,
}

impl Session {
    pub fn repair(&mut self) -> Repaired {
        let mut repaired = Repaired::default();
        let mut seen: HashSet<Id> = HashSet::from([self.id]);
        let mut fresh = |id: &mut Id| {
            if !seen.insert(*id) {
                *id = Id::new();
                seen.insert(*id);
                repaired.fresh_ids += 1;
            }
        };
        self.settlements.iter_mut().for_each(|x| fresh(&mut x.id));
        self.participants.iter_mut().for_each(|x| fresh(&mut x.id));
        self.agenda.iter_mut().for_each(|x| fresh(&mut x.id));
        self.speaker_turns.iter_mut().for_each(|x| fresh(&mut x.id));
        self.needs.iter_mut().for_each(|x| fresh(&mut x.id));
        self.proposals.iter_mut().for_each(|x| fresh(&mut x.id));
        self.actions.iter_mut().for_each(|x| fresh(&mut x.id));
        self.private_notes.iter_mut().for_each(|x| fresh(&mut x.id));
        self.events.iter_mut().for_each(|x| fresh(&mut x.id));
        self.clear_dangling(&mut repaired);
        repaired
    }

    fn clear_dangling(&mut self, repaired: &mut Repaired) {
        let settlements: HashSet<Id> = self.settlements.iter().map(|x| x.id).collect();
        let people: HashSet<Id> = self.participants.iter().map(|x| x.id).collect();
        let items: HashSet<Id> = self.agenda.iter().map(|x| x.id).collect();
        let needs: HashSet<Id> = self.needs.iter().map(|x| x.id).collect();
        let mut clear = |reference: &mut Option<Id>, known: &HashSet<Id>| {
            if reference.is_some_and(|id| !known.contains(&id)) {
                *reference = None;
                repaired.cleared_references += 1;
            }
        };
        for p in &mut self.participants {
            clear(&mut p.settlement, &settlements);
        }
        for n in &mut self.needs {
            clear(&mut n.settlement, &settlements);
            clear(&mut n.raised_by, &people);
        }
        for pr in &mut self.proposals {
            clear(&mut pr.author, &people);
            clear(&mut pr.need, &needs);
            // A carried-over parking-lot item keeps the item of its meeting.
            if pr.kind != super::ProposalKind::ParkingLot {
                clear(&mut pr.agenda_item, &items);
            }
        }
        for a in &mut self.actions {
            let before = a.needs.len();
            a.needs.retain(|n| needs.contains(n));
            repaired.cleared_references += before - a.needs.len();
        }
        let before = self.speaker_turns.len();
        self.speaker_turns
            .retain(|t| people.contains(&t.participant) && items.contains(&t.agenda_item));
        repaired.removed_turns = before - self.speaker_turns.len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Need, now};

    #[test]
    fn a_repaired_session_has_no_problems_left() {
        let mut s =
            Session::new("t", chrono::NaiveDate::from_ymd_opt(2026, 11, 19).unwrap(), now());
        let need = Need::new("a", now());
        let mut twin = Need::new("b", now());
        twin.id = need.id;
        twin.settlement = Some(Id::new());
        s.needs = vec![need.clone(), twin];
        assert!(!s.duplicate_ids().is_empty() && !s.dangling_references().is_empty());
        let repaired = s.repair();
        assert_eq!(repaired, Repaired { fresh_ids: 1, cleared_references: 1, removed_turns: 0 });
        assert!(s.duplicate_ids().is_empty() && s.dangling_references().is_empty());
        assert_eq!(s.needs[0].id, need.id, "the first keeps its id, references to it stay");
    }
}
