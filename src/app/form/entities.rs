//! One form per kind of entity: which fields it has, and how the filled-in
//! form becomes changes to the session.

use super::{ChoiceId, Field, FieldValue, Form};
use crate::labels;
use crate::model::{
    Action, ActionStatus, AgeBand, AgendaItem, AgendaStatus, Change, Entity, Gender, Header, Id,
    Need, NeedCategory, NeedStatus, Participant, PrivateNote, Proposal, ProposalKind, Session,
    Settlement, StakeholderGroup, Timestamp,
};

/// Which entity a form adds or edits. `None` inside means "add".
#[derive(Debug, Clone)]
pub enum FormKind {
    Agenda(Option<AgendaItem>),
    Participant(Option<Participant>),
    Need(Option<Need>),
    Action(Option<Action>),
    Proposal(Option<Proposal>),
    Note(Option<PrivateNote>),
    Settlement(Settlement),
    Session,
}

const AGENDA_STATUSES: [AgendaStatus; 4] =
    [AgendaStatus::Pending, AgendaStatus::Active, AgendaStatus::Done, AgendaStatus::Skipped];

fn position<T: PartialEq>(all: &[T], value: &T) -> usize {
    all.iter().position(|x| x == value).unwrap_or(0)
}

/// A pick list with "—" first for an optional enum.
fn optional_choice<T: PartialEq + Copy>(
    label: &'static str,
    all: &[T],
    value: Option<T>,
    name: impl Fn(T) -> String,
) -> Field {
    let mut labels = vec!["—".to_owned()];
    labels.extend(all.iter().map(|x| name(*x)));
    let selected = value.map_or(0, |v| position(all, &v) + 1);
    Field::choice(label, labels, selected)
}

/// Settlements to pick from, "—" first and "new…" last.
fn settlement_field(session: &Session, value: Option<Id>) -> Field {
    let mut labels = vec!["—".to_owned()];
    let mut ids = vec![None];
    for s in &session.settlements {
        labels.push(s.name.clone());
        ids.push(Some(s.id));
    }
    labels.push(crate::i18n::t("form-new-settlement"));
    let selected = value.and_then(|v| ids.iter().position(|x| *x == Some(v))).unwrap_or(0);
    Field {
        label: "field-settlement",
        value: FieldValue::Choice {
            labels,
            ids,
            selected,
            new_entry: Some(super::TextInput::default()),
        },
        required: false,
    }
}

/// A pick list of entities, "—" first.
fn entity_field<'a>(
    label: &'static str,
    entities: impl Iterator<Item = (Id, &'a str)>,
    value: Option<Id>,
) -> Field {
    let mut labels = vec!["—".to_owned()];
    let mut ids = vec![None];
    for (id, name) in entities {
        labels.push(name.to_owned());
        ids.push(Some(id));
    }
    let selected = value.and_then(|v| ids.iter().position(|x| *x == Some(v))).unwrap_or(0);
    Field {
        label,
        value: FieldValue::Choice { labels, ids, selected, new_entry: None },
        required: false,
    }
}

fn participant_field(label: &'static str, session: &Session, value: Option<Id>) -> Field {
    entity_field(label, session.participants.iter().map(|p| (p.id, p.name.as_str())), value)
}

fn agenda_field(session: &Session, value: Option<Id>) -> Field {
    entity_field(
        "field-agenda-item",
        session.agenda.iter().map(|a| (a.id, a.title.as_str())),
        value,
    )
}

fn need_field(session: &Session, value: Option<Id>) -> Field {
    entity_field("field-need", session.needs.iter().map(|n| (n.id, n.title.as_str())), value)
}

/// The id picked in an entity pick list (no "new…" entry there).
fn picked(form: &Form, field: usize) -> Result<Option<Id>, (usize, String)> {
    Ok(match form.choice_id(field)? {
        ChoiceId::Existing(id) => Some(id),
        _ => None,
    })
}

fn needs_field(session: &Session, chosen: &[Id]) -> Field {
    let labels = session
        .needs
        .iter()
        .map(|n| {
            let place = session.settlement_name(n.settlement);
            if place.is_empty() { n.title.clone() } else { format!("{} ({place})", n.title) }
        })
        .collect();
    let ids: Vec<Id> = session.needs.iter().map(|n| n.id).collect();
    let chosen = ids.iter().map(|id| chosen.contains(id)).collect();
    Field {
        label: "field-linked-needs",
        value: FieldValue::Multi { labels, ids, chosen, cursor: 0 },
        required: false,
    }
}

/// Built-in categories, then configured ones, then any the session uses.
fn categories(session: &Session) -> Vec<NeedCategory> {
    let mut all = NeedCategory::BUILT_IN.to_vec();
    for name in &crate::config::current().need_categories {
        let custom = NeedCategory::Custom(name.clone());
        if !all.contains(&custom) {
            all.push(custom);
        }
    }
    for n in &session.needs {
        if !all.contains(&n.category) {
            all.push(n.category.clone());
        }
    }
    all
}

/// Builds the form for `kind`, filled from the entity being edited.
pub fn open(kind: FormKind, session: &Session) -> Form {
    let (title, fields) = match &kind {
        FormKind::Agenda(item) => {
            let new = AgendaItem::new("", 15, session.updated);
            let a = item.as_ref().unwrap_or(&new);
            let statuses = AGENDA_STATUSES.iter().map(|s| labels::agenda_status(*s)).collect();
            (
                if item.is_some() { "form-edit-agenda" } else { "form-add-agenda" },
                vec![
                    Field::text("field-title", &a.title).required(),
                    Field::text("field-presenter", &a.presenter),
                    Field::number("field-planned-minutes", a.planned_minutes),
                    Field::choice("field-status", statuses, position(&AGENDA_STATUSES, &a.status)),
                    Field::text("field-notes", &a.notes),
                ],
            )
        }
        FormKind::Participant(person) => {
            let new = Participant::new("", StakeholderGroup::CommunityLeader, session.updated);
            let p = person.as_ref().unwrap_or(&new);
            let offered = groups_offered(p.group);
            let groups = offered.iter().map(|g| labels::group(*g)).collect();
            (
                if person.is_some() { "form-edit-participant" } else { "form-add-participant" },
                vec![
                    Field::text("field-name", &p.name).required(),
                    Field::text("field-organisation", &p.organisation),
                    Field::choice(
                        "field-group",
                        groups,
                        position(&StakeholderGroup::ALL, &p.group),
                    ),
                    settlement_field(session, p.settlement),
                    Field::toggle("field-present", person.is_none() || p.present),
                    optional_choice("field-gender", &Gender::ALL, p.gender, labels::gender),
                    optional_choice("field-age-band", &AgeBand::ALL, p.age_band, labels::age_band),
                    Field::text("field-contact", &p.contact),
                ],
            )
        }
        FormKind::Need(need) => {
            let new = Need::new("", session.updated);
            let n = need.as_ref().unwrap_or(&new);
            let all = categories(session);
            let cats = all.iter().map(labels::category).collect();
            let statuses = NeedStatus::ALL.iter().map(|s| labels::need_status(*s)).collect();
            let mut votes = Field::number("field-votes", n.votes);
            votes.required = false;
            (
                if need.is_some() { "form-edit-need" } else { "form-add-need" },
                vec![
                    Field::text("field-title", &n.title).required(),
                    Field::text("field-detail", &n.detail),
                    settlement_field(session, n.settlement),
                    Field::choice("field-category", cats, position(&all, &n.category)),
                    participant_field("field-raised-by", session, n.raised_by),
                    votes,
                    Field::choice("field-status", statuses, position(&NeedStatus::ALL, &n.status)),
                ],
            )
        }
        FormKind::Action(action) => {
            let new = Action::new("", session.updated);
            let a = action.as_ref().unwrap_or(&new);
            let statuses = ActionStatus::ALL.iter().map(|s| labels::action_status(*s)).collect();
            (
                if action.is_some() { "form-edit-action" } else { "form-add-action" },
                vec![
                    Field::text("field-what", &a.what).required(),
                    needs_field(session, &a.needs),
                    Field::text("field-responsible", &a.responsible),
                    Field::text("field-partners", &a.partners),
                    Field::date("field-deadline", a.deadline),
                    Field::text("field-funding", &a.funding),
                    Field::text("field-indicator", &a.indicator),
                    Field::choice(
                        "field-status",
                        statuses,
                        position(&ActionStatus::ALL, &a.status),
                    ),
                    Field::text("field-notes", &a.notes),
                ],
            )
        }
        FormKind::Proposal(proposal) => {
            let kinds = ProposalKind::ALL.iter().map(|k| labels::proposal_kind(*k)).collect();
            let (text, kind, author, item, need) = match proposal {
                Some(p) => (p.text.as_str(), p.kind, p.author, p.agenda_item, p.need),
                None => {
                    ("", ProposalKind::Proposal, None, session.active_item().map(|a| a.id), None)
                }
            };
            (
                if proposal.is_some() { "form-edit-proposal" } else { "form-add-proposal" },
                vec![
                    Field::text("field-text", text).required(),
                    Field::choice("field-kind", kinds, position(&ProposalKind::ALL, &kind)),
                    participant_field("field-author", session, author),
                    agenda_field(session, item),
                    need_field(session, need),
                ],
            )
        }
        FormKind::Note(note) => {
            let (text, item) = match note {
                Some(n) => (n.text.as_str(), n.agenda_item),
                None => ("", session.active_item().map(|a| a.id)),
            };
            (
                if note.is_some() { "form-edit-note" } else { "form-add-note" },
                vec![Field::text("field-text", text).required(), agenda_field(session, item)],
            )
        }
        FormKind::Settlement(settlement) => (
            "form-edit-settlement",
            vec![
                Field::text("field-name", &settlement.name).required(),
                Field::text("field-city", &settlement.city),
            ],
        ),
        FormKind::Session => {
            let mut date = Field::date("field-date", Some(session.date));
            date.required = true;
            (
                "form-edit-session",
                vec![
                    Field::text("field-title", &session.title).required(),
                    date,
                    Field::text("field-place", &session.place),
                    Field::text("field-organiser", &session.organiser),
                    Field::text("field-facilitator", &session.facilitator),
                    Field::text("field-secretary", &session.secretary),
                    Field::text("field-programme", &session.programme),
                    Field::text("field-protocol-number", &session.number),
                ],
            )
        }
    };
    let mut form = Form { kind, title, fields, focused: 0, error: None, confirmed_name: None };
    form.focus(0);
    form
}

/// Resolves a settlement pick: an existing id, none, or a new settlement
/// (whose creation is added to `changes`).
fn settlement_of(
    form: &Form,
    field: usize,
    session: &Session,
    now: Timestamp,
    changes: &mut Vec<Change>,
) -> Result<Option<Id>, (usize, String)> {
    Ok(match form.choice_id(field)? {
        ChoiceId::None => None,
        ChoiceId::Existing(id) => Some(id),
        ChoiceId::New(name) => {
            // Typing the name of a settlement that exists picks it.
            if let Some(s) =
                session.settlements.iter().find(|s| s.name.to_lowercase() == name.to_lowercase())
            {
                return Ok(Some(s.id));
            }
            let settlement = Settlement::new(name, now);
            let id = settlement.id;
            changes.push(Change::Put {
                entity: Entity::Settlement(settlement),
                index: session.settlements.len(),
            });
            Some(id)
        }
    })
}

/// The stakeholder groups the participant form offers: the configured
/// ones in their order (all if none), always including `current`.
fn groups_offered(current: StakeholderGroup) -> Vec<StakeholderGroup> {
    let configured = &crate::config::current().stakeholder_groups;
    let mut groups =
        if configured.is_empty() { StakeholderGroup::ALL.to_vec() } else { configured.clone() };
    if !groups.contains(&current) {
        groups.push(current);
    }
    groups
}

fn optional_enum<T: Copy>(all: &[T], selected: usize) -> Option<T> {
    selected.checked_sub(1).and_then(|i| all.get(i).copied())
}

/// Turns a filled-in form into changes, or says which field is wrong.
/// `insert_at` is where a new entity goes in its collection.
pub fn submit(
    form: &Form,
    session: &Session,
    now: Timestamp,
    insert_at: usize,
) -> Result<Vec<Change>, (usize, String)> {
    let mut changes = Vec::new();
    let put = |entity: Entity, existing: bool, len: usize| Change::Put {
        entity,
        index: if existing { 0 } else { insert_at.min(len) },
    };
    match &form.kind {
        FormKind::Agenda(item) => {
            let mut a = item.clone().unwrap_or_else(|| AgendaItem::new("", 0, now));
            a.title = form.text(0)?;
            a.presenter = form.text(1)?;
            a.planned_minutes = form.number(2, 24 * 60)?;
            a.status = AGENDA_STATUSES[form.choice(3)];
            a.notes = form.text(4)?;
            a.updated = now;
            changes.push(put(Entity::AgendaItem(a), item.is_some(), session.agenda.len()));
        }
        FormKind::Participant(person) => {
            let mut p = person
                .clone()
                .unwrap_or_else(|| Participant::new("", StakeholderGroup::Other, now));
            p.name = form.text(0)?;
            p.organisation = form.text(1)?;
            let current = person.as_ref().map_or(StakeholderGroup::CommunityLeader, |x| x.group);
            p.group = groups_offered(current)[form.choice(2)];
            p.settlement = settlement_of(form, 3, session, now, &mut changes)?;
            p.present = form.toggle(4);
            p.gender = optional_enum(&Gender::ALL, form.choice(5));
            p.age_band = optional_enum(&AgeBand::ALL, form.choice(6));
            p.contact = form.text(7)?;
            p.updated = now;
            changes.push(put(Entity::Participant(p), person.is_some(), session.participants.len()));
        }
        FormKind::Need(need) => {
            let mut n = need.clone().unwrap_or_else(|| Need::new("", now));
            n.title = form.text(0)?;
            n.detail = form.text(1)?;
            n.settlement = settlement_of(form, 2, session, now, &mut changes)?;
            n.category = categories(session)[form.choice(3)].clone();
            n.raised_by = picked(form, 4)?;
            n.votes = form.number(5, 100_000)?;
            n.status = NeedStatus::ALL[form.choice(6)];
            n.updated = now;
            changes.push(put(Entity::Need(n), need.is_some(), session.needs.len()));
        }
        FormKind::Action(action) => {
            let mut a = action.clone().unwrap_or_else(|| Action::new("", now));
            a.what = form.text(0)?;
            a.needs = form.multi(1);
            a.responsible = form.text(2)?;
            a.partners = form.text(3)?;
            a.deadline = form.date(4)?;
            a.funding = form.text(5)?;
            a.indicator = form.text(6)?;
            a.status = ActionStatus::ALL[form.choice(7)];
            a.notes = form.text(8)?;
            a.updated = now;
            changes.push(put(Entity::Action(a), action.is_some(), session.actions.len()));
        }
        FormKind::Proposal(proposal) => {
            let mut p = proposal.clone().unwrap_or_else(|| Proposal {
                id: Id::new(),
                updated: now,
                kind: ProposalKind::Proposal,
                text: String::new(),
                author: None,
                time: now,
                agenda_item: None,
                need: None,
            });
            p.text = form.text(0)?;
            p.kind = ProposalKind::ALL[form.choice(1)];
            p.author = picked(form, 2)?;
            p.agenda_item = picked(form, 3)?;
            p.need = picked(form, 4)?;
            p.updated = now;
            changes.push(put(Entity::Proposal(p), proposal.is_some(), session.proposals.len()));
        }
        FormKind::Note(note) => {
            let mut n = note.clone().unwrap_or_else(|| PrivateNote {
                id: Id::new(),
                updated: now,
                text: String::new(),
                agenda_item: None,
            });
            n.text = form.text(0)?;
            n.agenda_item = picked(form, 1)?;
            n.updated = now;
            changes.push(put(Entity::PrivateNote(n), note.is_some(), session.private_notes.len()));
        }
        FormKind::Settlement(settlement) => {
            let mut x = settlement.clone();
            x.name = form.text(0)?;
            x.city = form.text(1)?;
            x.updated = now;
            changes.push(put(Entity::Settlement(x), true, session.settlements.len()));
        }
        FormKind::Session => {
            let date = form.date(1)?.unwrap_or(session.date);
            changes.push(Change::Header(Header {
                title: form.text(0)?,
                date,
                place: form.text(2)?,
                organiser: form.text(3)?,
                facilitator: form.text(4)?,
                secretary: form.text(5)?,
                programme: form.text(6)?,
                number: form.text(7)?,
            }));
        }
    }
    Ok(changes)
}
