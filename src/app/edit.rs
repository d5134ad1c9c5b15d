//! Edits as pure functions: (session, what, now) → changes. `update`
//! applies them and records their inverses for undo.

use crate::model::{
    ActionStatus, AgendaItem, AgendaStatus, Change, Entity, EntityKind, Event, EventKind, Id,
    NeedStatus, Run, Session, Timestamp,
};

fn put(entity: Entity) -> Change {
    Change::Put { entity, index: 0 }
}

fn event(kind: EventKind, now: Timestamp) -> Change {
    Change::Put { entity: Entity::Event(Event::new(kind, now)), index: usize::MAX }
}

/// Closes the open run of an active item and marks it done.
fn stop(item: &AgendaItem, now: Timestamp) -> Vec<Change> {
    let mut stopped = item.clone();
    if let Some(run) = stopped.runs.last_mut().filter(|r| r.end.is_none()) {
        run.end = Some(now.max(run.start));
    }
    stopped.status = AgendaStatus::Done;
    stopped.updated = now;
    vec![put(Entity::AgendaItem(stopped)), event(EventKind::AgendaStopped { item: item.id }, now)]
}

/// Starts `item` (a new run), stopping whatever item was active: one item
/// is active at a time.
fn start(session: &Session, item: &AgendaItem, now: Timestamp) -> Vec<Change> {
    let mut changes = Vec::new();
    if let Some(active) = session.active_item().filter(|a| a.id != item.id) {
        changes.extend(stop(active, now));
    }
    let mut started = item.clone();
    started.runs.push(Run { start: now, end: None });
    started.status = AgendaStatus::Active;
    started.updated = now;
    changes.push(put(Entity::AgendaItem(started)));
    changes.push(event(EventKind::AgendaStarted { item: item.id }, now));
    changes
}

/// `s`: start the selected item, or stop it if it is running.
pub fn start_stop(session: &Session, item: Id, now: Timestamp) -> Vec<Change> {
    let Some(item) = session.agenda_item(item) else { return Vec::new() };
    if item.status == AgendaStatus::Active { stop(item, now) } else { start(session, item, now) }
}

/// `n`: end the active item and start the next pending one after it (or the
/// first pending item when none is active).
pub fn next_item(session: &Session, now: Timestamp) -> Vec<Change> {
    let active_at = session.agenda.iter().position(|a| a.status == AgendaStatus::Active);
    let from = active_at.map_or(0, |i| i + 1);
    let next = session.agenda[from.min(session.agenda.len())..]
        .iter()
        .find(|a| a.status == AgendaStatus::Pending);
    match (active_at, next) {
        (_, Some(next)) => start(session, next, now),
        (Some(i), None) => stop(&session.agenda[i], now),
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
            let mut changes = stop(edited, now);
            if let Change::Put { entity: Entity::AgendaItem(item), .. } = &mut changes[0] {
                item.status = after;
            }
            changes
        }
        _ => Vec::new(),
    }
}

pub fn vote(session: &Session, need: Id, delta: i32, now: Timestamp) -> Vec<Change> {
    let Some(need) = session.need(need) else { return Vec::new() };
    let votes = need.votes.saturating_add_signed(delta);
    if votes == need.votes {
        return Vec::new();
    }
    let mut voted = need.clone();
    voted.votes = votes;
    voted.updated = now;
    vec![put(Entity::Need(voted))]
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
