//! The next meeting starts from the last: settlements, people, open needs,
//! parking-lot items and every action not done or dropped, with the same
//! ids, so what the next meeting changes merges back onto them.

use crate::model::{AgendaItem, NeedStatus, Program, ProposalKind, Session, Timestamp};

/// Minutes planned for reviewing the previous plan.
const REVIEW_MINUTES: u32 = 20;

pub fn carry_over(program: &Program, session: &mut Session, now: Timestamp) {
    session.programme.clone_from(&program.programme);
    session.settlements = program.settlements.clone();
    session.participants = program
        .participants
        .iter()
        .cloned()
        .map(|mut p| {
            // Presence is per meeting; nobody is here yet.
            p.present = false;
            p
        })
        .collect();
    // Entities are carried over unchanged (same ids, same versions), so a
    // meeting that changes nothing merges back as "unchanged".
    session.actions =
        program.actions.iter().map(|a| a.action.clone()).filter(|a| a.status.is_open()).collect();
    session.proposals =
        program.proposals.iter().filter(|p| p.kind == ProposalKind::ParkingLot).cloned().collect();
    // Open needs, and any need a carried action or item still points at.
    let linked: Vec<_> = session
        .actions
        .iter()
        .flat_map(|a| a.needs.iter().copied())
        .chain(session.proposals.iter().filter_map(|p| p.need))
        .collect();
    session.needs = program
        .needs
        .iter()
        .map(|n| n.need.clone())
        .filter(|n| n.status == NeedStatus::Open || linked.contains(&n.id))
        .collect();
    let mut review = AgendaItem::new(crate::i18n::t("review-previous-plan"), REVIEW_MINUTES, now);
    review.notes = crate::i18n::targs("review-notes", &[("count", session.actions.len().into())]);
    session.agenda.push(review);
}
