//! Edits as pure functions: (session, what, now) → changes. `update`
//! applies them and records their inverses for undo.

use crate::capture::{Capture, CaptureKind, TagMatch, match_tag};
use crate::model::{
    Action, ActionStatus, AgendaItem, AgendaStatus, Change, Entity, EntityKind, Event, EventKind,
    Id, Need, NeedStatus, Participant, PrivateNote, Proposal, ProposalKind, Run, Session,
    Settlement, SpeakerTurn, StakeholderGroup, Timestamp,
};

fn put(entity: Entity) -> Change {
    Change::Put { entity, index: 0 }
}

fn event(kind: EventKind, now: Timestamp) -> Change {
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

/// What a capture line made: the changes, the main entity and the pane it
/// belongs in.
pub struct Captured {
    pub changes: Vec<Change>,
    pub entity: Option<(Id, super::model::Pane)>,
    /// A short description for the capture line's feedback.
    pub summary: String,
    /// Names made from tags: (is a settlement, name), for the feedback.
    pub created: Vec<(bool, String)>,
}

/// Why a capture line was not taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaptureRefusal {
    /// A message id, without arguments.
    Message(&'static str),
    /// The `index`-th settlement (or person) tag only starts these names.
    Unresolved { settlement: bool, index: usize, tag: String, candidates: Vec<String> },
    /// A tag of one letter that matches nothing.
    TooShort { tag: String },
    /// `+ Name` where someone of that name is already listed.
    Duplicate { name: String },
}

/// Finds or makes the names the tags of one kind stand for. A tag that is
/// only the start of names, or one letter, refuses the whole line.
fn resolve_tags(
    tags: &[String],
    names: &[&str],
    settlement: bool,
) -> Result<Vec<Result<usize, String>>, CaptureRefusal> {
    let mut found = Vec::new();
    for (index, tag) in tags.iter().enumerate() {
        match match_tag(tag, names.iter().copied()) {
            TagMatch::Exact(name) => {
                found.push(Ok(names.iter().position(|n| *n == name).expect("from names")))
            }
            TagMatch::New => found.push(Err(tag.clone())),
            TagMatch::TooShort => return Err(CaptureRefusal::TooShort { tag: tag.clone() }),
            TagMatch::Unresolved(candidates) => {
                let candidates = candidates.into_iter().map(str::to_owned).collect();
                return Err(CaptureRefusal::Unresolved {
                    settlement,
                    index,
                    tag: tag.clone(),
                    candidates,
                });
            }
        }
    }
    Ok(found)
}

/// Turns a parsed capture line into changes. Tags name an existing
/// settlement or participant exactly, or create one when nothing is like
/// them; anything else is refused so the line can be resolved. Everything
/// records the running agenda item and the time.
pub fn capture(
    session: &Session,
    line: &Capture,
    now: Timestamp,
    allow_duplicate: bool,
) -> Result<Captured, CaptureRefusal> {
    use super::model::Pane;
    let mut changes = Vec::new();
    let mut created = Vec::new();
    let active = session.active_item().map(|a| a.id);
    if line.kind == CaptureKind::Queue && active.is_none() {
        return Err(CaptureRefusal::Message("capture-error-no-active-item"));
    }
    let settlement_names: Vec<&str> = session.settlements.iter().map(|s| s.name.as_str()).collect();
    let person_names: Vec<&str> = session.participants.iter().map(|p| p.name.as_str()).collect();
    let settlement_tags = resolve_tags(&line.settlements, &settlement_names, true)?;
    let person_tags = resolve_tags(&line.people, &person_names, false)?;
    if line.kind == CaptureKind::Participant
        && !line.text.is_empty()
        && !allow_duplicate
        && let TagMatch::Exact(name) = match_tag(&line.text, person_names.iter().copied())
    {
        return Err(CaptureRefusal::Duplicate { name: name.to_owned() });
    }
    let mut settlements: Vec<Id> = Vec::new();
    let mut created_settlements: Vec<Settlement> = Vec::new();
    for tag in settlement_tags {
        let id = match tag {
            Ok(i) => session.settlements[i].id,
            Err(name) => match created_settlements
                .iter()
                .find(|s| s.name.to_lowercase() == name.to_lowercase())
            {
                Some(s) => s.id,
                None => {
                    let s = Settlement::new(name.clone(), now);
                    let id = s.id;
                    created.push((true, name));
                    created_settlements.push(s);
                    id
                }
            },
        };
        settlements.push(id);
    }
    let first_settlement = settlements.first().copied();
    for s in created_settlements {
        changes.push(Change::Put { entity: Entity::Settlement(s), index: usize::MAX });
    }
    let mut people: Vec<Id> = Vec::new();
    let mut names_of_people: Vec<String> = Vec::new();
    for tag in person_tags {
        match tag {
            Ok(i) => {
                let p = &session.participants[i];
                people.push(p.id);
                names_of_people.push(p.name.clone());
            }
            Err(name) => {
                let group = if line.kind == CaptureKind::Participant && first_settlement.is_some() {
                    StakeholderGroup::CommunityLeader
                } else {
                    StakeholderGroup::Other
                };
                let mut p = Participant::new(name.clone(), group, now);
                p.present = true;
                if line.kind == CaptureKind::Participant {
                    p.settlement = first_settlement;
                }
                people.push(p.id);
                names_of_people.push(p.name.clone());
                created.push((false, name));
                changes.push(Change::Put { entity: Entity::Participant(p), index: usize::MAX });
            }
        }
    }
    let author = people.first().copied();
    let proposal = |kind| Proposal {
        id: Id::new(),
        updated: now,
        kind,
        text: line.text.clone(),
        author,
        time: now,
        agenda_item: active,
        need: None,
    };
    let (entity, pane, what): (Option<Entity>, Pane, &str) = match line.kind {
        CaptureKind::Need => {
            let mut need = Need::new(line.text.clone(), now);
            need.settlement = first_settlement;
            need.raised_by = author;
            (Some(Entity::Need(need)), Pane::Needs, "need")
        }
        CaptureKind::Action => {
            let mut action = Action::new(line.text.clone(), now);
            action.responsible = names_of_people.join(", ");
            (Some(Entity::Action(action)), Pane::Actions, "action")
        }
        CaptureKind::Proposal => {
            (Some(Entity::Proposal(proposal(ProposalKind::Proposal))), Pane::Proposals, "proposal")
        }
        CaptureKind::Decision => {
            (Some(Entity::Proposal(proposal(ProposalKind::Decision))), Pane::Proposals, "decision")
        }
        CaptureKind::ParkingLot => (
            Some(Entity::Proposal(proposal(ProposalKind::ParkingLot))),
            Pane::Proposals,
            "parking-lot",
        ),
        CaptureKind::PrivateNote => (
            Some(Entity::PrivateNote(PrivateNote {
                id: Id::new(),
                updated: now,
                text: line.text.clone(),
                agenda_item: active,
            })),
            Pane::Proposals,
            "private-note",
        ),
        CaptureKind::Participant if !line.text.is_empty() => {
            let group = if first_settlement.is_some() {
                StakeholderGroup::CommunityLeader
            } else {
                StakeholderGroup::Other
            };
            let mut p = Participant::new(line.text.clone(), group, now);
            p.present = true;
            p.settlement = first_settlement;
            (Some(Entity::Participant(p)), Pane::Participants, "participant")
        }
        CaptureKind::Participant => {
            // `+ @Name`: the person exists now (found or created); mark present.
            for id in &people {
                if let Some(p) = session.participant(*id).filter(|p| !p.present) {
                    let mut p = p.clone();
                    p.present = true;
                    p.updated = now;
                    changes.push(put(Entity::Participant(p)));
                }
            }
            (None, Pane::Participants, "participant")
        }
        CaptureKind::Queue => {
            let item = active.expect("checked above");
            for person in &people {
                changes.extend(queue_speaker(session, item, *person, now));
            }
            (None, Pane::Agenda, "queue")
        }
    };
    let main =
        entity.as_ref().map(|e| (e.id(), pane)).or_else(|| people.first().map(|p| (*p, pane)));
    if let Some(entity) = entity {
        let id = entity.id();
        changes.push(Change::Put { entity, index: usize::MAX });
        changes.push(event(
            EventKind::Captured { entity: id, what: what.into(), agenda_item: active },
            now,
        ));
    }
    let mut summary = line.text.clone();
    let tags: Vec<String> = settlements
        .iter()
        .filter_map(|id| {
            session.settlement(*id).map(|s| s.name.clone()).or_else(|| {
                changes.iter().find_map(|c| match c {
                    Change::Put { entity: Entity::Settlement(s), .. } if s.id == *id => {
                        Some(s.name.clone())
                    }
                    _ => None,
                })
            })
        })
        .chain(names_of_people)
        .collect();
    if !tags.is_empty() {
        summary = format!("{summary} ({})", tags.join(", ")).trim().to_owned();
    }
    Ok(Captured { changes, entity: main, summary, created })
}
