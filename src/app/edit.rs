//! The capture line's edits: a parsed line (`crate::capture`) becomes
//! changes, built from the pure edits in `crate::model::edit`, which are
//! re-exported here for `update`.

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
