//! The next meeting starts from the last: settlements, people, open needs,
//! parking-lot items and every action not done or dropped, with the same
//! ids, so what the next meeting changes merges back onto them.

use crate::model::{AgendaItem, NeedStatus, Program, ProposalKind, Session, Timestamp};

/// Minutes planned for reviewing the previous plan.
const REVIEW_MINUTES: u32 = 20;

/// Where and by whom the last meeting was held, carried to the next.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hosts {
    pub place: String,
    pub organiser: String,
    pub facilitator: String,
}

impl Hosts {
    /// The latest session's place, organiser and facilitator in a record.
    pub fn of_program(program: &Program) -> Hosts {
        program.sessions.iter().max_by_key(|s| (s.date, s.id)).map_or_else(Hosts::default, |s| {
            Hosts {
                place: s.place.clone(),
                organiser: s.organiser.clone(),
                facilitator: s.facilitator.clone(),
            }
        })
    }

    pub fn of_session(session: &Session) -> Hosts {
        Hosts {
            place: session.place.clone(),
            organiser: session.organiser.clone(),
            facilitator: session.facilitator.clone(),
        }
    }
}

/// Fills `session` from the record. The review item's title and notes are
/// in `lang`.
pub fn carry_over(
    program: &Program,
    hosts: &Hosts,
    lang: crate::i18n::Lang,
    session: &mut Session,
    now: Timestamp,
) {
    session.programme.clone_from(&program.programme);
    session.place.clone_from(&hosts.place);
    session.organiser.clone_from(&hosts.organiser);
    session.facilitator.clone_from(&hosts.facilitator);
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
    // Open needs (as shown: a need whose actions are all done is addressed),
    // and any need a carried action or item still points at.
    let linked: Vec<_> = session
        .actions
        .iter()
        .flat_map(|a| a.needs.iter().copied())
        .chain(session.proposals.iter().filter_map(|p| p.need))
        .collect();
    let statuses = program.need_statuses();
    session.needs = program
        .needs
        .iter()
        .map(|n| n.need.clone())
        .filter(|n| statuses.get(&n.id) == Some(&NeedStatus::Open) || linked.contains(&n.id))
        .map(|mut n| {
            // Votes are per meeting: the earlier ones stay in the record's
            // history, and counting them again here would double them.
            n.votes = 0;
            n
        })
        .collect();
    let title = crate::i18n::targs_in(lang, "review-previous-plan", &[]);
    let mut review = AgendaItem::new(title, REVIEW_MINUTES, now);
    let count = session.actions.len();
    review.notes = crate::i18n::targs_in(lang, "review-notes", &[("count", count.into())]);
    session.agenda.push(review);
}
