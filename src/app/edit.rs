//! The capture line's edits: a parsed line (`crate::capture`) becomes
//! changes, built from the pure edits in `crate::model::edit`, which are
//! re-exported here for `update`.

use super::model::Pane;
use crate::capture::{Capture, CaptureKind, TagMatch, match_tag};
use crate::model::{
    Action, Change, Entity, EventKind, Id, Need, Participant, PrivateNote, Proposal, ProposalKind,
    Session, Settlement, StakeholderGroup, Timestamp,
};

pub use crate::model::edit::*;

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
    let settlements = tagged_settlements(session, settlement_tags, now, &mut changes, &mut created);
    let first_settlement = settlements.first().copied();
    let (people, names_of_people) = tagged_people(
        session,
        person_tags,
        line.kind,
        first_settlement,
        now,
        &mut changes,
        &mut created,
    );
    let tagged = Tagged { active, first_settlement, people: &people, names: &names_of_people };
    let (entity, pane, what) = captured_entity(session, line, &tagged, now, &mut changes);
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
    let summary = capture_summary(session, &line.text, &settlements, names_of_people, &changes);
    Ok(Captured { changes, entity: main, summary, created })
}

/// What a capture line's tags resolved to, for making its entity.
struct Tagged<'a> {
    active: Option<Id>,
    first_settlement: Option<Id>,
    people: &'a [Id],
    names: &'a [String],
}

/// The settlements a line names: existing ones, or new ones put first in
/// `changes` (a name typed twice makes one settlement).
fn tagged_settlements(
    session: &Session,
    tags: Vec<Result<usize, String>>,
    now: Timestamp,
    changes: &mut Vec<Change>,
    created: &mut Vec<(bool, String)>,
) -> Vec<Id> {
    let mut settlements: Vec<Id> = Vec::new();
    let mut created_settlements: Vec<Settlement> = Vec::new();
    for tag in tags {
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
    for s in created_settlements {
        changes.push(Change::Put { entity: Entity::Settlement(s), index: usize::MAX });
    }
    settlements
}

/// The people a line names (ids and names): existing ones, or new ones,
/// present, put in `changes`.
fn tagged_people(
    session: &Session,
    tags: Vec<Result<usize, String>>,
    kind: CaptureKind,
    first_settlement: Option<Id>,
    now: Timestamp,
    changes: &mut Vec<Change>,
    created: &mut Vec<(bool, String)>,
) -> (Vec<Id>, Vec<String>) {
    let mut people: Vec<Id> = Vec::new();
    let mut names_of_people: Vec<String> = Vec::new();
    for tag in tags {
        match tag {
            Ok(i) => {
                let p = &session.participants[i];
                people.push(p.id);
                names_of_people.push(p.name.clone());
            }
            Err(name) => {
                let group = new_person_group(
                    kind == CaptureKind::Participant && first_settlement.is_some(),
                );
                let mut p = Participant::new(name.clone(), group, now);
                p.present = true;
                if kind == CaptureKind::Participant {
                    p.settlement = first_settlement;
                }
                people.push(p.id);
                names_of_people.push(p.name.clone());
                created.push((false, name));
                changes.push(Change::Put { entity: Entity::Participant(p), index: usize::MAX });
            }
        }
    }
    (people, names_of_people)
}

/// The entity a line records (if any), the pane that shows it and its
/// kind's name in the event log. Lines that only touch people (`+ @Name`,
/// queueing) add their changes here instead.
fn captured_entity(
    session: &Session,
    line: &Capture,
    tagged: &Tagged<'_>,
    now: Timestamp,
    changes: &mut Vec<Change>,
) -> (Option<Entity>, Pane, &'static str) {
    let author = tagged.people.first().copied();
    let proposal = |kind| {
        let p = Proposal {
            id: Id::new(),
            updated: now,
            kind,
            text: line.text.clone(),
            author,
            time: now,
            agenda_item: tagged.active,
            need: None,
        };
        Some(Entity::Proposal(p))
    };
    match line.kind {
        CaptureKind::Need => {
            let mut need = Need::new(line.text.clone(), now);
            need.settlement = tagged.first_settlement;
            need.raised_by = author;
            (Some(Entity::Need(need)), Pane::Needs, "need")
        }
        CaptureKind::Action => {
            let mut action = Action::new(line.text.clone(), now);
            action.responsible = tagged.names.join(", ");
            (Some(Entity::Action(action)), Pane::Actions, "action")
        }
        CaptureKind::Proposal => (proposal(ProposalKind::Proposal), Pane::Proposals, "proposal"),
        CaptureKind::Decision => (proposal(ProposalKind::Decision), Pane::Proposals, "decision"),
        CaptureKind::ParkingLot => {
            (proposal(ProposalKind::ParkingLot), Pane::Proposals, "parking-lot")
        }
        CaptureKind::PrivateNote => (
            Some(Entity::PrivateNote(PrivateNote {
                id: Id::new(),
                updated: now,
                text: line.text.clone(),
                agenda_item: tagged.active,
            })),
            Pane::Proposals,
            "private-note",
        ),
        CaptureKind::Participant if !line.text.is_empty() => {
            let group = new_person_group(tagged.first_settlement.is_some());
            let mut p = Participant::new(line.text.clone(), group, now);
            p.present = true;
            p.settlement = tagged.first_settlement;
            (Some(Entity::Participant(p)), Pane::Participants, "participant")
        }
        CaptureKind::Participant => {
            // `+ @Name`: the person exists now (found or created); mark present.
            for id in tagged.people {
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
            let item = tagged.active.expect("checked by capture");
            for person in tagged.people {
                changes.extend(queue_speaker(session, item, *person, now));
            }
            (None, Pane::Agenda, "queue")
        }
    }
}

/// Someone captured with a settlement speaks for it; anyone else is
/// "other" until the group is set.
fn new_person_group(for_a_settlement: bool) -> StakeholderGroup {
    if for_a_settlement { StakeholderGroup::CommunityLeader } else { StakeholderGroup::Other }
}

/// The line's text with the names it tagged, for the status line.
fn capture_summary(
    session: &Session,
    text: &str,
    settlements: &[Id],
    names_of_people: Vec<String>,
    changes: &[Change],
) -> String {
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
    if tags.is_empty() {
        return text.to_owned();
    }
    format!("{text} ({})", tags.join(", ")).trim().to_owned()
}
