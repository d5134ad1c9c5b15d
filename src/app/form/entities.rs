//! One form per kind of entity: which fields it has, and how the filled-in
//! form becomes changes to the session.

use super::{ChoiceId, Field, FieldError, FieldId as F, FieldValue, Form};
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
    id: F,
    all: &[T],
    value: Option<T>,
    name: impl Fn(T) -> String,
) -> Field {
    let mut labels = vec!["—".to_owned()];
    labels.extend(all.iter().map(|x| name(*x)));
    let selected = value.map_or(0, |v| position(all, &v) + 1);
    Field::choice(id, labels, selected)
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
        id: F::Settlement,
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
    id: F,
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
        id,
        value: FieldValue::Choice { labels, ids, selected, new_entry: None },
        required: false,
    }
}

fn participant_field(id: F, session: &Session, value: Option<Id>) -> Field {
    entity_field(id, session.participants.iter().map(|p| (p.id, p.name.as_str())), value)
}

fn agenda_field(session: &Session, value: Option<Id>) -> Field {
    entity_field(F::AgendaItem, session.agenda.iter().map(|a| (a.id, a.title.as_str())), value)
}

fn need_field(session: &Session, value: Option<Id>) -> Field {
    entity_field(F::Need, session.needs.iter().map(|n| (n.id, n.title.as_str())), value)
}

/// The id picked in an entity pick list (no "new…" entry there).
fn picked(form: &Form, field: F) -> Result<Option<Id>, FieldError> {
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
        id: F::LinkedNeeds,
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
        FormKind::Agenda(item) => open_agenda(item, session),
        FormKind::Participant(person) => open_participant(person, session),
        FormKind::Need(need) => open_need(need, session),
        FormKind::Action(action) => open_action(action, session),
        FormKind::Proposal(proposal) => open_proposal(proposal, session),
        FormKind::Note(note) => open_note(note, session),
        FormKind::Settlement(settlement) => open_settlement(settlement),
        FormKind::Session => open_session(session),
    };
    let mut form = Form { kind, title, fields, focused: 0, error: None, confirmed_name: None };
    form.focus(0);
    form
}

fn open_agenda(item: &Option<AgendaItem>, session: &Session) -> (&'static str, Vec<Field>) {
    let new = AgendaItem::new("", 15, session.updated);
    let a = item.as_ref().unwrap_or(&new);
    let statuses = AGENDA_STATUSES.iter().map(|s| labels::agenda_status(*s)).collect();
    (
        if item.is_some() { "form-edit-agenda" } else { "form-add-agenda" },
        vec![
            Field::text(F::Title, &a.title).required(),
            Field::text(F::Presenter, &a.presenter),
            Field::number(F::PlannedMinutes, a.planned_minutes),
            Field::choice(F::Status, statuses, position(&AGENDA_STATUSES, &a.status)),
            Field::text(F::Notes, &a.notes),
        ],
    )
}

fn open_participant(person: &Option<Participant>, session: &Session) -> (&'static str, Vec<Field>) {
    let new = Participant::new("", StakeholderGroup::CommunityLeader, session.updated);
    let p = person.as_ref().unwrap_or(&new);
    let offered = groups_offered(p.group);
    let groups = offered.iter().map(|g| labels::group(*g)).collect();
    (
        if person.is_some() { "form-edit-participant" } else { "form-add-participant" },
        vec![
            Field::text(F::Name, &p.name).required(),
            Field::text(F::Organisation, &p.organisation),
            Field::choice(F::Group, groups, position(&StakeholderGroup::ALL, &p.group)),
            settlement_field(session, p.settlement),
            Field::toggle(F::Present, person.is_none() || p.present),
            optional_choice(F::Gender, &Gender::ALL, p.gender, labels::gender),
            optional_choice(F::AgeBand, &AgeBand::ALL, p.age_band, labels::age_band),
            Field::text(F::Contact, &p.contact),
        ],
    )
}

fn open_need(need: &Option<Need>, session: &Session) -> (&'static str, Vec<Field>) {
    let new = Need::new("", session.updated);
    let n = need.as_ref().unwrap_or(&new);
    let all = categories(session);
    let cats = all.iter().map(labels::category).collect();
    let statuses = NeedStatus::ALL.iter().map(|s| labels::need_status(*s)).collect();
    let mut votes = Field::number(F::Votes, n.votes);
    votes.required = false;
    (
        if need.is_some() { "form-edit-need" } else { "form-add-need" },
        vec![
            Field::text(F::Title, &n.title).required(),
            Field::text(F::Detail, &n.detail),
            settlement_field(session, n.settlement),
            Field::choice(F::Category, cats, position(&all, &n.category)),
            participant_field(F::RaisedBy, session, n.raised_by),
            votes,
            Field::choice(F::Status, statuses, position(&NeedStatus::ALL, &n.status)),
        ],
    )
}

fn open_action(action: &Option<Action>, session: &Session) -> (&'static str, Vec<Field>) {
    let new = Action::new("", session.updated);
    let a = action.as_ref().unwrap_or(&new);
    let statuses = ActionStatus::ALL.iter().map(|s| labels::action_status(*s)).collect();
    (
        if action.is_some() { "form-edit-action" } else { "form-add-action" },
        vec![
            Field::text(F::What, &a.what).required(),
            needs_field(session, &a.needs),
            Field::text(F::Responsible, &a.responsible),
            Field::text(F::Partners, &a.partners),
            Field::date(F::Deadline, a.deadline),
            Field::text(F::Funding, &a.funding),
            Field::text(F::Indicator, &a.indicator),
            Field::choice(F::Status, statuses, position(&ActionStatus::ALL, &a.status)),
            Field::text(F::Notes, &a.notes),
        ],
    )
}

fn open_proposal(proposal: &Option<Proposal>, session: &Session) -> (&'static str, Vec<Field>) {
    let kinds = ProposalKind::ALL.iter().map(|k| labels::proposal_kind(*k)).collect();
    let (text, kind, author, item, need) = match proposal {
        Some(p) => (p.text.as_str(), p.kind, p.author, p.agenda_item, p.need),
        None => ("", ProposalKind::Proposal, None, session.active_item().map(|a| a.id), None),
    };
    (
        if proposal.is_some() { "form-edit-proposal" } else { "form-add-proposal" },
        vec![
            Field::text(F::Text, text).required(),
            Field::choice(F::Kind, kinds, position(&ProposalKind::ALL, &kind)),
            participant_field(F::Author, session, author),
            agenda_field(session, item),
            need_field(session, need),
        ],
    )
}

fn open_note(note: &Option<PrivateNote>, session: &Session) -> (&'static str, Vec<Field>) {
    let (text, item) = match note {
        Some(n) => (n.text.as_str(), n.agenda_item),
        None => ("", session.active_item().map(|a| a.id)),
    };
    (
        if note.is_some() { "form-edit-note" } else { "form-add-note" },
        vec![Field::text(F::Text, text).required(), agenda_field(session, item)],
    )
}

fn open_settlement(settlement: &Settlement) -> (&'static str, Vec<Field>) {
    (
        "form-edit-settlement",
        vec![
            Field::text(F::Name, &settlement.name).required(),
            Field::text(F::City, &settlement.city),
        ],
    )
}

fn open_session(session: &Session) -> (&'static str, Vec<Field>) {
    let mut date = Field::date(F::Date, Some(session.date));
    date.required = true;
    (
        "form-edit-session",
        vec![
            Field::text(F::Title, &session.title).required(),
            date,
            Field::text(F::Place, &session.place),
            Field::text(F::Organiser, &session.organiser),
            Field::text(F::Facilitator, &session.facilitator),
            Field::text(F::Secretary, &session.secretary),
            Field::text(F::Programme, &session.programme),
            Field::text(F::ProtocolNumber, &session.number),
        ],
    )
}

/// Resolves a settlement pick: an existing id, none, or a new settlement
/// (whose creation is added to `changes`).
fn settlement_of(
    form: &Form,
    field: F,
    session: &Session,
    now: Timestamp,
    changes: &mut Vec<Change>,
) -> Result<Option<Id>, FieldError> {
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
) -> Result<Vec<Change>, FieldError> {
    let mut changes = Vec::new();
    let put = |entity: Entity, existing: bool, len: usize| Change::Put {
        entity,
        index: if existing { 0 } else { insert_at.min(len) },
    };
    match &form.kind {
        FormKind::Agenda(item) => submit_agenda(form, item, session, now, &put, &mut changes)?,
        FormKind::Participant(person) => {
            submit_participant(form, person, session, now, &put, &mut changes)?
        }
        FormKind::Need(need) => submit_need(form, need, session, now, &put, &mut changes)?,
        FormKind::Action(action) => submit_action(form, action, session, now, &put, &mut changes)?,
        FormKind::Proposal(proposal) => {
            submit_proposal(form, proposal, session, now, &put, &mut changes)?
        }
        FormKind::Note(note) => submit_note(form, note, session, now, &put, &mut changes)?,
        FormKind::Settlement(settlement) => {
            submit_settlement(form, settlement, session, now, &put, &mut changes)?
        }
        FormKind::Session => submit_session(form, session, now, &put, &mut changes)?,
    }
    Ok(changes)
}

/// Makes the change that puts an entity in place: an edited one where it
/// is, a new one at the insertion point.
type Put<'a> = dyn Fn(Entity, bool, usize) -> Change + 'a;

fn submit_agenda(
    form: &Form,
    item: &Option<AgendaItem>,
    session: &Session,
    now: Timestamp,
    put: &Put<'_>,
    changes: &mut Vec<Change>,
) -> Result<(), FieldError> {
    let mut a = item.clone().unwrap_or_else(|| AgendaItem::new("", 0, now));
    a.title = form.text(F::Title)?;
    a.presenter = form.text(F::Presenter)?;
    a.planned_minutes = form.number(F::PlannedMinutes, 24 * 60)?;
    a.status = AGENDA_STATUSES[form.choice(F::Status)];
    a.notes = form.text(F::Notes)?;
    a.updated = now;
    changes.push(put(Entity::AgendaItem(a), item.is_some(), session.agenda.len()));
    Ok(())
}

fn submit_participant(
    form: &Form,
    person: &Option<Participant>,
    session: &Session,
    now: Timestamp,
    put: &Put<'_>,
    changes: &mut Vec<Change>,
) -> Result<(), FieldError> {
    let mut p =
        person.clone().unwrap_or_else(|| Participant::new("", StakeholderGroup::Other, now));
    p.name = form.text(F::Name)?;
    p.organisation = form.text(F::Organisation)?;
    let current = person.as_ref().map_or(StakeholderGroup::CommunityLeader, |x| x.group);
    p.group = groups_offered(current)[form.choice(F::Group)];
    p.settlement = settlement_of(form, F::Settlement, session, now, changes)?;
    p.present = form.toggle(F::Present);
    p.gender = optional_enum(&Gender::ALL, form.choice(F::Gender));
    p.age_band = optional_enum(&AgeBand::ALL, form.choice(F::AgeBand));
    p.contact = form.text(F::Contact)?;
    p.updated = now;
    changes.push(put(Entity::Participant(p), person.is_some(), session.participants.len()));
    Ok(())
}

fn submit_need(
    form: &Form,
    need: &Option<Need>,
    session: &Session,
    now: Timestamp,
    put: &Put<'_>,
    changes: &mut Vec<Change>,
) -> Result<(), FieldError> {
    let mut n = need.clone().unwrap_or_else(|| Need::new("", now));
    n.title = form.text(F::Title)?;
    n.detail = form.text(F::Detail)?;
    n.settlement = settlement_of(form, F::Settlement, session, now, changes)?;
    n.category = categories(session)[form.choice(F::Category)].clone();
    n.raised_by = picked(form, F::RaisedBy)?;
    n.votes = form.number(F::Votes, 100_000)?;
    n.status = NeedStatus::ALL[form.choice(F::Status)];
    n.updated = now;
    changes.push(put(Entity::Need(n), need.is_some(), session.needs.len()));
    Ok(())
}

fn submit_action(
    form: &Form,
    action: &Option<Action>,
    session: &Session,
    now: Timestamp,
    put: &Put<'_>,
    changes: &mut Vec<Change>,
) -> Result<(), FieldError> {
    let mut a = action.clone().unwrap_or_else(|| Action::new("", now));
    a.what = form.text(F::What)?;
    a.needs = form.multi(F::LinkedNeeds);
    a.responsible = form.text(F::Responsible)?;
    a.partners = form.text(F::Partners)?;
    a.deadline = form.date(F::Deadline)?;
    a.funding = form.text(F::Funding)?;
    a.indicator = form.text(F::Indicator)?;
    a.status = ActionStatus::ALL[form.choice(F::Status)];
    a.notes = form.text(F::Notes)?;
    a.updated = now;
    changes.push(put(Entity::Action(a), action.is_some(), session.actions.len()));
    Ok(())
}

fn submit_proposal(
    form: &Form,
    proposal: &Option<Proposal>,
    session: &Session,
    now: Timestamp,
    put: &Put<'_>,
    changes: &mut Vec<Change>,
) -> Result<(), FieldError> {
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
    p.text = form.text(F::Text)?;
    p.kind = ProposalKind::ALL[form.choice(F::Kind)];
    p.author = picked(form, F::Author)?;
    p.agenda_item = picked(form, F::AgendaItem)?;
    p.need = picked(form, F::Need)?;
    p.updated = now;
    changes.push(put(Entity::Proposal(p), proposal.is_some(), session.proposals.len()));
    Ok(())
}

fn submit_note(
    form: &Form,
    note: &Option<PrivateNote>,
    session: &Session,
    now: Timestamp,
    put: &Put<'_>,
    changes: &mut Vec<Change>,
) -> Result<(), FieldError> {
    let mut n = note.clone().unwrap_or_else(|| PrivateNote {
        id: Id::new(),
        updated: now,
        text: String::new(),
        agenda_item: None,
    });
    n.text = form.text(F::Text)?;
    n.agenda_item = picked(form, F::AgendaItem)?;
    n.updated = now;
    changes.push(put(Entity::PrivateNote(n), note.is_some(), session.private_notes.len()));
    Ok(())
}

fn submit_settlement(
    form: &Form,
    settlement: &Settlement,
    session: &Session,
    now: Timestamp,
    put: &Put<'_>,
    changes: &mut Vec<Change>,
) -> Result<(), FieldError> {
    let mut x = settlement.clone();
    x.name = form.text(F::Name)?;
    x.city = form.text(F::City)?;
    x.updated = now;
    changes.push(put(Entity::Settlement(x), true, session.settlements.len()));
    Ok(())
}

fn submit_session(
    form: &Form,
    session: &Session,
    _now: Timestamp,
    _put: &Put<'_>,
    changes: &mut Vec<Change>,
) -> Result<(), FieldError> {
    let date = form.date(F::Date)?.unwrap_or(session.date);
    changes.push(Change::Header(Header {
        title: form.text(F::Title)?,
        date,
        place: form.text(F::Place)?,
        organiser: form.text(F::Organiser)?,
        facilitator: form.text(F::Facilitator)?,
        secretary: form.text(F::Secretary)?,
        programme: form.text(F::Programme)?,
        number: form.text(F::ProtocolNumber)?,
    }));
    Ok(())
}
