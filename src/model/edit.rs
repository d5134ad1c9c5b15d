//! Edits as pure functions: (session, what, now) → changes. The editor's
//! `update` applies them and records their inverses for undo; the capture
//! line's edits (`app::edit`) build on them.

use crate::model::{
    Action, ActionStatus, AgendaItem, AgendaStatus, Change, Entity, EntityKind, Event, EventKind,
    Id, NeedStatus, ProposalKind, Run, Session, SpeakerTurn, Timestamp,
};

/// A change that puts `entity` first (or replaces it where it is).
pub fn put(entity: Entity) -> Change {
    Change::Put { entity, index: 0 }
}

/// A change that records an event at `now`.
pub fn event(kind: EventKind, now: Timestamp) -> Change {
    Change::Put { entity: Entity::Event(Event::new(kind, now)), index: usize::MAX }
}

/// Closes the open run of an active item and marks it done. Whoever is
/// speaking in it stops now: a turn never runs past its item.
fn stop(session: &Session, item: &AgendaItem, now: Timestamp) -> Vec<Change> {
    let mut stopped = item.clone();
    if let Some(run) = stopped.runs.last_mut().filter(|r| r.end.is_none()) {
        run.end = Some(now.max(run.start));
    }
    stopped.status = AgendaStatus::Done;
    stopped.updated = now;
    let mut changes = vec![
        put(Entity::AgendaItem(stopped)),
        event(EventKind::AgendaStopped { item: item.id }, now),
    ];
    if session.speaker_turns.iter().any(|t| t.agenda_item == item.id && t.is_speaking()) {
        changes.extend(end_turn(session, now));
    }
    changes
}

/// Starts `item` (a new run), stopping whatever item was active: one item
/// is active at a time. Speakers still queued from earlier items move to
/// this one, so nobody is stranded in an item that ended.
fn start(session: &Session, item: &AgendaItem, now: Timestamp) -> Vec<Change> {
    let mut changes = Vec::new();
    if let Some(active) = session.active_item().filter(|a| a.id != item.id) {
        changes.extend(stop(session, active, now));
    }
    let mut started = item.clone();
    started.runs.push(Run { start: now, end: None });
    started.status = AgendaStatus::Active;
    started.updated = now;
    changes.push(put(Entity::AgendaItem(started)));
    changes.push(event(EventKind::AgendaStarted { item: item.id }, now));
    for turn in session.speaker_turns.iter().filter(|t| t.agenda_item != item.id && t.is_queued()) {
        let mut carried = turn.clone();
        carried.agenda_item = item.id;
        carried.updated = now;
        changes.push(put(Entity::SpeakerTurn(carried)));
    }
    changes
}

/// How many queued speakers `changes` carry over to another item.
pub fn carried_speakers(changes: &[Change]) -> usize {
    changes
        .iter()
        .filter(
            |c| matches!(c, Change::Put { entity: Entity::SpeakerTurn(t), .. } if t.is_queued()),
        )
        .count()
}

/// `s`: start the selected item, or stop it if it is running.
pub fn start_stop(session: &Session, item: Id, now: Timestamp) -> Vec<Change> {
    let Some(item) = session.agenda_item(item) else { return Vec::new() };
    if item.status == AgendaStatus::Active {
        stop(session, item, now)
    } else {
        start(session, item, now)
    }
}

/// `n`: end the active item and start the next pending one after it, or
/// else the first pending one anywhere in the agenda.
pub fn next_item(session: &Session, now: Timestamp) -> Vec<Change> {
    let active_at = session.agenda.iter().position(|a| a.status == AgendaStatus::Active);
    let from = active_at.map_or(0, |i| i + 1);
    let pending = |a: &&AgendaItem| a.status == AgendaStatus::Pending;
    let next = session.agenda[from.min(session.agenda.len())..]
        .iter()
        .find(pending)
        .or_else(|| session.agenda.iter().find(pending));
    match (active_at, next) {
        (_, Some(next)) => start(session, next, now),
        (Some(i), None) => stop(session, &session.agenda[i], now),
        (None, None) => Vec::new(),
    }
}

/// Applies a status picked in the agenda form through start/stop, so the
/// one-active-item rule and the event log hold.
pub fn agenda_status_change(
    session: &Session,
    edited: &AgendaItem,
    before: AgendaStatus,
    now: Timestamp,
) -> Vec<Change> {
    match (before, edited.status) {
        (AgendaStatus::Active, AgendaStatus::Active) => Vec::new(),
        (_, AgendaStatus::Active) => start(session, edited, now),
        (AgendaStatus::Active, after) => {
            let mut changes = stop(session, edited, now);
            if let Change::Put { entity: Entity::AgendaItem(item), .. } = &mut changes[0] {
                item.status = after;
            }
            changes
        }
        _ => Vec::new(),
    }
}

/// Counted, not overwritten: a vote cast at the same moment on another
/// laptop adds to this one.
pub fn vote(session: &Session, need: Id, delta: i32) -> Vec<Change> {
    let Some(need) = session.need(need) else { return Vec::new() };
    if need.votes.saturating_add_signed(delta) == need.votes {
        return Vec::new();
    }
    vec![Change::Vote { need: need.id, delta }]
}

pub fn toggle_present(session: &Session, person: Id, now: Timestamp) -> Vec<Change> {
    let Some(person) = session.participant(person) else { return Vec::new() };
    let mut p = person.clone();
    p.present = !p.present;
    p.updated = now;
    vec![put(Entity::Participant(p))]
}

pub fn cycle_need_status(session: &Session, need: Id, now: Timestamp) -> Vec<Change> {
    let Some(need) = session.need(need) else { return Vec::new() };
    let mut n = need.clone();
    let i = NeedStatus::ALL.iter().position(|s| *s == n.status).unwrap_or(0);
    n.status = NeedStatus::ALL[(i + 1) % NeedStatus::ALL.len()];
    n.updated = now;
    vec![put(Entity::Need(n))]
}

pub fn cycle_action_status(session: &Session, action: Id, now: Timestamp) -> Vec<Change> {
    let Some(action) = session.actions.iter().find(|a| a.id == action) else { return Vec::new() };
    let mut a = action.clone();
    a.status = ActionStatus::next(a.status);
    a.updated = now;
    vec![put(Entity::Action(a))]
}

/// Deletes an entity and clears references to it, so nothing points at
/// nothing. One undo brings all of it back.
pub fn delete(session: &Session, kind: EntityKind, id: Id, now: Timestamp) -> Vec<Change> {
    let mut changes = Vec::new();
    match kind {
        EntityKind::Participant => {
            for n in session.needs.iter().filter(|n| n.raised_by == Some(id)) {
                let mut n = n.clone();
                n.raised_by = None;
                n.updated = now;
                changes.push(put(Entity::Need(n)));
            }
            for p in session.proposals.iter().filter(|p| p.author == Some(id)) {
                let mut p = p.clone();
                p.author = None;
                p.updated = now;
                changes.push(put(Entity::Proposal(p)));
            }
            for t in session.speaker_turns.iter().filter(|t| t.participant == id) {
                changes.push(Change::Remove { kind: EntityKind::SpeakerTurn, id: t.id });
            }
        }
        EntityKind::Need => {
            for a in session.actions.iter().filter(|a| a.needs.contains(&id)) {
                let mut a = a.clone();
                a.needs.retain(|n| *n != id);
                a.updated = now;
                changes.push(put(Entity::Action(a)));
            }
            for p in session.proposals.iter().filter(|p| p.need == Some(id)) {
                let mut p = p.clone();
                p.need = None;
                p.updated = now;
                changes.push(put(Entity::Proposal(p)));
            }
        }
        EntityKind::AgendaItem => {
            for p in session.proposals.iter().filter(|p| p.agenda_item == Some(id)) {
                let mut p = p.clone();
                p.agenda_item = None;
                p.updated = now;
                changes.push(put(Entity::Proposal(p)));
            }
            for t in session.speaker_turns.iter().filter(|t| t.agenda_item == id) {
                changes.push(Change::Remove { kind: EntityKind::SpeakerTurn, id: t.id });
            }
        }
        _ => {}
    }
    changes.push(Change::Remove { kind, id });
    changes
}

/// Puts `person` in the speaker queue of `item`.
pub fn queue_speaker(session: &Session, item: Id, person: Id, now: Timestamp) -> Vec<Change> {
    let already = session
        .speaker_turns
        .iter()
        .any(|t| t.agenda_item == item && t.participant == person && t.ended.is_none());
    if already {
        return Vec::new();
    }
    let turn = SpeakerTurn {
        id: Id::new(),
        updated: now,
        agenda_item: item,
        participant: person,
        requested: now,
        started: None,
        ended: None,
    };
    vec![Change::Put { entity: Entity::SpeakerTurn(turn), index: usize::MAX }]
}

/// Takes `person` out of the queue of whatever item they wait in.
pub fn unqueue_speaker(session: &Session, person: Id) -> Vec<Change> {
    session
        .speaker_turns
        .iter()
        .filter(|t| t.participant == person && t.is_queued())
        .map(|t| Change::Remove { kind: EntityKind::SpeakerTurn, id: t.id })
        .collect()
}

/// Empties the speaker queue (every turn not yet started).
pub fn drop_queue(session: &Session) -> Vec<Change> {
    session
        .speaker_turns
        .iter()
        .filter(|t| t.is_queued())
        .map(|t| Change::Remove { kind: EntityKind::SpeakerTurn, id: t.id })
        .collect()
}

/// Moves `person` one place earlier (`up`) or later in their queue, by
/// changing places with the neighbouring queued turn of the same item.
pub fn move_in_queue(session: &Session, person: Id, up: bool, now: Timestamp) -> Vec<Change> {
    let turns = &session.speaker_turns;
    let Some(at) = turns.iter().position(|t| t.participant == person && t.is_queued()) else {
        return Vec::new();
    };
    let item = turns[at].agenda_item;
    let same_queue = |i: &usize| turns[*i].agenda_item == item && turns[*i].is_queued();
    let neighbour =
        if up { (0..at).rev().find(same_queue) } else { (at + 1..turns.len()).find(same_queue) };
    let Some(neighbour) = neighbour else { return Vec::new() };
    let mut moved = turns[at].clone();
    moved.updated = now;
    vec![
        Change::Remove { kind: EntityKind::SpeakerTurn, id: moved.id },
        Change::Put { entity: Entity::SpeakerTurn(moved), index: neighbour },
    ]
}

/// Ends whoever is speaking.
pub fn end_turn(session: &Session, now: Timestamp) -> Vec<Change> {
    let Some(turn) = session.speaker_turns.iter().find(|t| t.is_speaking()) else {
        return Vec::new();
    };
    let mut ended = turn.clone();
    ended.ended = Some(now.max(turn.started.unwrap_or(now)));
    ended.updated = now;
    vec![
        put(Entity::SpeakerTurn(ended)),
        event(EventKind::TurnEnded { turn: turn.id, participant: turn.participant }, now),
    ]
}

/// Ends the current turn and gives the floor to the first in the queue of
/// the running item.
pub fn next_speaker(session: &Session, now: Timestamp) -> Vec<Change> {
    let mut changes = end_turn(session, now);
    let Some(active) = session.active_item() else { return changes };
    if let Some(turn) =
        session.speaker_turns.iter().find(|t| t.agenda_item == active.id && t.is_queued())
    {
        let mut started = turn.clone();
        started.started = Some(now);
        started.updated = now;
        changes.push(put(Entity::SpeakerTurn(started)));
        changes.push(event(
            EventKind::TurnStarted { turn: turn.id, participant: turn.participant },
            now,
        ));
    }
    changes
}

pub fn cycle_proposal_kind(session: &Session, proposal: Id, now: Timestamp) -> Vec<Change> {
    let Some(p) = session.proposals.iter().find(|p| p.id == proposal) else { return Vec::new() };
    let mut p = p.clone();
    let i = ProposalKind::ALL.iter().position(|k| *k == p.kind).unwrap_or(0);
    p.kind = ProposalKind::ALL[(i + 1) % ProposalKind::ALL.len()];
    p.updated = now;
    vec![put(Entity::Proposal(p))]
}

/// A proposal becomes an action that remembers where it came from (and
/// the need it was linked to). A decision becomes an agreed action.
pub fn promote(session: &Session, proposal: Id, now: Timestamp) -> Vec<Change> {
    let Some(p) = session.proposals.iter().find(|p| p.id == proposal) else { return Vec::new() };
    if session.actions.iter().any(|a| a.origin == Some(p.id)) {
        return Vec::new();
    }
    let mut action = Action::new(p.text.clone(), now);
    action.origin = Some(p.id);
    action.needs = p.need.into_iter().collect();
    // The author rarely carries out the action: Responsible is left for
    // the note-taker to fill in.
    action.status = if p.kind == ProposalKind::Decision {
        ActionStatus::Agreed
    } else {
        ActionStatus::Proposed
    };
    let id = action.id;
    vec![
        Change::Put { entity: Entity::Action(action), index: usize::MAX },
        event(
            EventKind::Captured { entity: id, what: "action".into(), agenda_item: p.agenda_item },
            now,
        ),
    ]
}

/// After edits from several laptops met: one agenda item runs at a time,
/// one person speaks, and only in the running item. When two were started
/// at once, the one started last (on a tie, the larger id) goes on; the
/// other stops when it started. Returns what it changed, as changes, for
/// an editor to record: the settling then holds whatever comes later.
pub fn settle_controls(session: &mut Session) -> Vec<Change> {
    let mut settled = Vec::new();
    let open_start = |a: &AgendaItem| a.runs.last().filter(|r| r.end.is_none()).map(|r| r.start);
    let winner = session
        .agenda
        .iter()
        .filter(|a| a.status == AgendaStatus::Active)
        .max_by_key(|a| (open_start(a), a.id))
        .map(|a| (a.id, open_start(a)));
    for item in session.agenda.iter_mut() {
        let Some((winner, started)) = winner else { break };
        if item.id == winner || item.status != AgendaStatus::Active {
            continue;
        }
        if let Some(run) = item.runs.last_mut().filter(|r| r.end.is_none()) {
            run.end = Some(started.unwrap_or(run.start).max(run.start));
        }
        item.status = AgendaStatus::Done;
        settled.push(put(Entity::AgendaItem(item.clone())));
    }
    let running = winner.map(|(id, _)| id);
    let ended_at = |session: &Session, item: Id| {
        session.agenda_item(item).and_then(|a| a.runs.last()).and_then(|r| r.end)
    };
    let speaking = session
        .speaker_turns
        .iter()
        .filter(|t| t.is_speaking() && Some(t.agenda_item) == running)
        .max_by_key(|t| (t.started, t.id))
        .map(|t| (t.id, t.started));
    let mut ends = Vec::new();
    for turn in session.speaker_turns.iter().filter(|t| t.is_speaking()) {
        let end = match speaking {
            _ if Some(turn.agenda_item) != running => ended_at(session, turn.agenda_item),
            Some((winner, started)) if winner != turn.id => started,
            _ => continue,
        };
        ends.push((turn.id, end.unwrap_or(turn.updated).max(turn.started.unwrap_or(turn.updated))));
    }
    for (id, end) in ends {
        if let Some(turn) = session.speaker_turns.iter_mut().find(|t| t.id == id) {
            turn.ended = Some(end);
            settled.push(put(Entity::SpeakerTurn(turn.clone())));
        }
    }
    settled
}
