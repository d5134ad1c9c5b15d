//! Drafts: a half-typed capture line or an open form, kept in a small file
//! beside the session on every key, so a crash or `kill -9` loses no words.
//! The next start offers the draft back.

use serde::{Deserialize, Serialize};

use super::capture_line::CaptureLine;
use super::form::{self, FieldValue, Form, FormKind};
use super::text_input::TextInput;
use crate::model::{Id, Session, Timestamp};

/// Which form a draft belongs to: the kind and the entity being edited
/// (`None` for a new one).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum FormRef {
    Agenda(Option<Id>),
    Participant(Option<Id>),
    Need(Option<Id>),
    Action(Option<Id>),
    Proposal(Option<Id>),
    Note(Option<Id>),
    Settlement(Id),
    Session,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum FieldDraft {
    Text(String),
    Choice { selected: usize, new_entry: String },
    Multi(Vec<bool>),
    Toggle(bool),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum DraftKind {
    Capture(String),
    Form { form: FormRef, fields: Vec<FieldDraft>, focused: usize },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    pub format: u32,
    /// The session the draft was typed in; a draft of another file is ignored.
    pub session: Id,
    pub saved: Timestamp,
    pub kind: DraftKind,
}

const DRAFT_FORMAT: u32 = 1;

fn form_ref(kind: &FormKind) -> FormRef {
    match kind {
        FormKind::Agenda(x) => FormRef::Agenda(x.as_ref().map(|x| x.id)),
        FormKind::Participant(x) => FormRef::Participant(x.as_ref().map(|x| x.id)),
        FormKind::Need(x) => FormRef::Need(x.as_ref().map(|x| x.id)),
        FormKind::Action(x) => FormRef::Action(x.as_ref().map(|x| x.id)),
        FormKind::Proposal(x) => FormRef::Proposal(x.as_ref().map(|x| x.id)),
        FormKind::Note(x) => FormRef::Note(x.as_ref().map(|x| x.id)),
        FormKind::Settlement(x) => FormRef::Settlement(x.id),
        FormKind::Session => FormRef::Session,
    }
}

/// The form kind for a draft, if the entity it edited still exists.
fn form_kind(form: &FormRef, s: &Session) -> Option<FormKind> {
    fn find<T: Clone>(list: &[T], id: Option<Id>, id_of: impl Fn(&T) -> Id) -> Option<Option<T>> {
        match id {
            None => Some(None),
            Some(id) => list.iter().find(|x| id_of(x) == id).cloned().map(Some),
        }
    }
    Some(match form {
        FormRef::Agenda(id) => FormKind::Agenda(find(&s.agenda, *id, |x| x.id)?),
        FormRef::Participant(id) => FormKind::Participant(find(&s.participants, *id, |x| x.id)?),
        FormRef::Need(id) => FormKind::Need(find(&s.needs, *id, |x| x.id)?),
        FormRef::Action(id) => FormKind::Action(find(&s.actions, *id, |x| x.id)?),
        FormRef::Proposal(id) => FormKind::Proposal(find(&s.proposals, *id, |x| x.id)?),
        FormRef::Note(id) => FormKind::Note(find(&s.private_notes, *id, |x| x.id)?),
        FormRef::Settlement(id) => FormKind::Settlement(s.settlement(*id)?.clone()),
        FormRef::Session => FormKind::Session,
    })
}

fn field_draft(value: &FieldValue) -> FieldDraft {
    match value {
        FieldValue::Text(i) | FieldValue::Number(i) | FieldValue::Date(i) => {
            FieldDraft::Text(i.value().to_owned())
        }
        FieldValue::Choice { selected, new_entry, .. } => FieldDraft::Choice {
            selected: *selected,
            new_entry: new_entry.as_ref().map(|e| e.value().to_owned()).unwrap_or_default(),
        },
        FieldValue::Multi { chosen, .. } => FieldDraft::Multi(chosen.clone()),
        FieldValue::Toggle(on) => FieldDraft::Toggle(*on),
    }
}

fn restore_field(value: &mut FieldValue, draft: &FieldDraft) {
    match (value, draft) {
        (
            FieldValue::Text(i) | FieldValue::Number(i) | FieldValue::Date(i),
            FieldDraft::Text(t),
        ) => {
            *i = TextInput::new(t);
        }
        (
            FieldValue::Choice { labels, selected, new_entry, .. },
            FieldDraft::Choice { selected: s, new_entry: text },
        ) => {
            *selected = (*s).min(labels.len().saturating_sub(1));
            if let Some(entry) = new_entry {
                *entry = TextInput::new(text);
            }
        }
        (FieldValue::Multi { chosen, .. }, FieldDraft::Multi(saved))
            if saved.len() == chosen.len() =>
        {
            chosen.clone_from(saved);
        }
        (FieldValue::Toggle(on), FieldDraft::Toggle(saved)) => *on = *saved,
        _ => {}
    }
}

/// What a draft reopens as.
pub enum Reopened {
    Capture(Box<CaptureLine>),
    Form(Box<Form>),
}

impl Draft {
    /// A draft of the capture line's text.
    pub fn of_capture(session: Id, text: &str, now: Timestamp) -> Draft {
        Draft {
            format: DRAFT_FORMAT,
            session,
            saved: now,
            kind: DraftKind::Capture(text.to_owned()),
        }
    }

    /// A draft of an open form, field by field.
    pub fn of_form(session: Id, form: &Form, now: Timestamp) -> Draft {
        let kind = DraftKind::Form {
            form: form_ref(&form.kind),
            fields: form.fields.iter().map(|f| field_draft(&f.value)).collect(),
            focused: form.focused,
        };
        Draft { format: DRAFT_FORMAT, session, saved: now, kind }
    }

    /// The capture line or the form as it was (`None` if the entity the
    /// form edited is gone).
    pub fn reopen(&self, session: &Session) -> Option<Reopened> {
        match &self.kind {
            DraftKind::Capture(text) => Some(Reopened::Capture(Box::new(CaptureLine::new(text)))),
            DraftKind::Form { form: form_ref, fields, focused } => {
                let kind = form_kind(form_ref, session)?;
                let mut form: Form = form::open(kind, session);
                for (field, draft) in form.fields.iter_mut().zip(fields) {
                    restore_field(&mut field.value, draft);
                }
                form.focused = (*focused).min(form.fields.len().saturating_sub(1));
                Some(Reopened::Form(Box::new(form)))
            }
        }
    }

    /// A one-line description for the offer.
    pub fn preview(&self) -> String {
        match &self.kind {
            DraftKind::Capture(text) => format!(": {text}"),
            DraftKind::Form { fields, .. } => fields
                .iter()
                .find_map(|f| match f {
                    FieldDraft::Text(t) if !t.is_empty() => Some(t.clone()),
                    _ => None,
                })
                .unwrap_or_default(),
        }
    }
}

/// The draft file of a session file: `.NAME.draft.ron` beside it.
pub fn path_for(session_path: &std::path::Path) -> std::path::PathBuf {
    crate::store::Sidecars::of(session_path).draft()
}

/// The longest draft read back: a form or a line, never more.
const MAX_DRAFT_BYTES: u64 = 16 * 1024 * 1024;

/// Reads a draft file; anything unreadable, not a regular file, or for
/// another session is ignored (a draft is a convenience, never a reason not
/// to open).
pub fn read(path: &std::path::Path, session: Id) -> Option<Draft> {
    use crate::store::safe_fs::{Links, read_regular};
    let bytes = read_regular(path, Links::Refuse, MAX_DRAFT_BYTES).ok()?;
    let draft: Draft = ron::from_str(std::str::from_utf8(&bytes).ok()?).ok()?;
    (draft.format == DRAFT_FORMAT && draft.session == session).then_some(draft)
}
