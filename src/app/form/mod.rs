//! Forms to add and edit entities: text fields, numbers, dates, pick lists.

mod entities;

pub use entities::{FormKind, open, submit};

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::text_input::TextInput;
use crate::i18n::t;
use crate::model::{Date, Id, Session};

/// Every field a form can have, by name: forms are read and focused by
/// these, never by position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldId {
    Title,
    Presenter,
    PlannedMinutes,
    Status,
    Notes,
    Name,
    Organisation,
    Group,
    Settlement,
    Present,
    Gender,
    AgeBand,
    Contact,
    Detail,
    Category,
    RaisedBy,
    Votes,
    What,
    LinkedNeeds,
    Responsible,
    Partners,
    Deadline,
    Funding,
    Indicator,
    Text,
    Kind,
    Author,
    AgendaItem,
    Need,
    City,
    Date,
    Place,
    Organiser,
    Facilitator,
    Secretary,
    ProtocolNumber,
    Programme,
}

impl FieldId {
    /// Message id of the field's label.
    pub fn label(self) -> &'static str {
        match self {
            FieldId::Title => "field-title",
            FieldId::Presenter => "field-presenter",
            FieldId::PlannedMinutes => "field-planned-minutes",
            FieldId::Status => "field-status",
            FieldId::Notes => "field-notes",
            FieldId::Name => "field-name",
            FieldId::Organisation => "field-organisation",
            FieldId::Group => "field-group",
            FieldId::Settlement => "field-settlement",
            FieldId::Present => "field-present",
            FieldId::Gender => "field-gender",
            FieldId::AgeBand => "field-age-band",
            FieldId::Contact => "field-contact",
            FieldId::Detail => "field-detail",
            FieldId::Category => "field-category",
            FieldId::RaisedBy => "field-raised-by",
            FieldId::Votes => "field-votes",
            FieldId::What => "field-what",
            FieldId::LinkedNeeds => "field-linked-needs",
            FieldId::Responsible => "field-responsible",
            FieldId::Partners => "field-partners",
            FieldId::Deadline => "field-deadline",
            FieldId::Funding => "field-funding",
            FieldId::Indicator => "field-indicator",
            FieldId::Text => "field-text",
            FieldId::Kind => "field-kind",
            FieldId::Author => "field-author",
            FieldId::AgendaItem => "field-agenda-item",
            FieldId::Need => "field-need",
            FieldId::City => "field-city",
            FieldId::Date => "field-date",
            FieldId::Place => "field-place",
            FieldId::Organiser => "field-organiser",
            FieldId::Facilitator => "field-facilitator",
            FieldId::Secretary => "field-secretary",
            FieldId::ProtocolNumber => "field-protocol-number",
            FieldId::Programme => "field-programme",
        }
    }
}

#[derive(Debug, Clone)]
pub enum FieldValue {
    Text(TextInput),
    /// A whole number.
    Number(TextInput),
    /// A date as 2027-03-31 or 31.03.2027; empty if the field is optional.
    Date(TextInput),
    /// One of a list. `ids` is parallel to `labels` for lists of entities
    /// (empty for enum lists, where the index is the value). With `new_entry`
    /// the last option is "new…" and typing names the new entity.
    Choice {
        labels: Vec<String>,
        ids: Vec<Option<Id>>,
        selected: usize,
        new_entry: Option<TextInput>,
    },
    /// Any number of a list (linked needs).
    Multi {
        labels: Vec<String>,
        ids: Vec<Id>,
        chosen: Vec<bool>,
        cursor: usize,
    },
    Toggle(bool),
}

#[derive(Debug, Clone)]
pub struct Field {
    pub id: FieldId,
    pub value: FieldValue,
    pub required: bool,
}

impl Field {
    /// Message id of the label.
    pub fn label(&self) -> &'static str {
        self.id.label()
    }

    pub fn text(id: FieldId, value: &str) -> Field {
        Field { id, value: FieldValue::Text(TextInput::new(value)), required: false }
    }

    pub fn required(mut self) -> Field {
        self.required = true;
        self
    }

    pub fn number(id: FieldId, value: u32) -> Field {
        Field { id, value: FieldValue::Number(TextInput::new(&value.to_string())), required: true }
    }

    pub fn date(id: FieldId, value: Option<Date>) -> Field {
        let text = value.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default();
        Field { id, value: FieldValue::Date(TextInput::new(&text)), required: false }
    }

    pub fn choice(id: FieldId, labels: Vec<String>, selected: usize) -> Field {
        Field {
            id,
            value: FieldValue::Choice { labels, ids: Vec::new(), selected, new_entry: None },
            required: false,
        }
    }

    pub fn toggle(id: FieldId, value: bool) -> Field {
        Field { id, value: FieldValue::Toggle(value), required: false }
    }

    /// Does the field take typed text right now (for paste)?
    fn text_input(&mut self) -> Option<&mut TextInput> {
        match &mut self.value {
            FieldValue::Text(i) | FieldValue::Number(i) | FieldValue::Date(i) => Some(i),
            FieldValue::Choice { labels, selected, new_entry: Some(i), .. }
                if *selected + 1 == labels.len() =>
            {
                Some(i)
            }
            _ => None,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Form {
    pub kind: FormKind,
    /// Message id of the form's title.
    pub title: &'static str,
    pub fields: Vec<Field>,
    pub focused: usize,
    /// A validation message and the field it is about.
    pub error: Option<(FieldId, String)>,
    /// A participant name the user was told already exists: submitting
    /// it again adds the person anyway.
    pub confirmed_name: Option<String>,
}

/// What a key did to a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormOutcome {
    Stay,
    Submit,
    Cancel,
}

impl Form {
    /// A key, with the action the key table's form scope gives it. Field
    /// actions reach the field as their default key (a rebound `→` still
    /// chooses); an unbound key is typing.
    pub fn handle_key(&mut self, action: Option<Action>, key: &KeyEvent) -> FormOutcome {
        let field_key = |code| KeyEvent::new(code, KeyModifiers::NONE);
        match action {
            Some(Action::Close) => return FormOutcome::Cancel,
            Some(Action::Submit) => return FormOutcome::Submit,
            Some(Action::FocusPrev) => self.focus_by(-1),
            Some(Action::FocusNext) => self.focus_by(1),
            Some(Action::ChoosePrev) => self.edit_focused(&field_key(KeyCode::Left)),
            Some(Action::ChooseNext) => self.edit_focused(&field_key(KeyCode::Right)),
            Some(Action::Toggle) => self.edit_focused(&field_key(KeyCode::Char(' '))),
            Some(Action::First) => self.edit_focused(&field_key(KeyCode::Home)),
            Some(Action::Last) => self.edit_focused(&field_key(KeyCode::End)),
            _ => self.edit_focused(key),
        }
        FormOutcome::Stay
    }

    /// Pastes into the focused text field; true when the paste was cut.
    pub fn paste(&mut self, text: &str) -> bool {
        self.fields
            .get_mut(self.focused)
            .and_then(Field::text_input)
            .is_some_and(|input| input.paste(text))
    }

    fn focus_by(&mut self, step: isize) {
        let n = self.fields.len() as isize;
        self.focus((self.focused as isize + step).rem_euclid(n) as usize);
    }

    /// Where the field `id` is in the form, if it has it.
    pub fn index_of(&self, id: FieldId) -> Option<usize> {
        self.fields.iter().position(|f| f.id == id)
    }

    /// Focuses the field `id` (if the form has it) with its value selected.
    pub fn focus_field(&mut self, id: FieldId) {
        if let Some(i) = self.fields.iter().position(|f| f.id == id) {
            self.focus(i);
        }
    }

    /// Focuses field `i` with its value selected: typing replaces a
    /// default or an existing value, `End` or an arrow edits it.
    fn focus(&mut self, i: usize) {
        self.focused = i.min(self.fields.len().saturating_sub(1));
        if let Some(field) = self.fields.get_mut(self.focused)
            && let FieldValue::Text(input) | FieldValue::Number(input) | FieldValue::Date(input) =
                &mut field.value
        {
            input.select_all();
        }
    }

    fn edit_focused(&mut self, key: &KeyEvent) {
        let Some(field) = self.fields.get_mut(self.focused) else { return };
        // An empty "new…" entry lets ←/→/Space go on cycling the pick list.
        let empty_new_entry = matches!(&field.value, FieldValue::Choice { .. })
            && field.text_input().is_some_and(|i| i.value().is_empty())
            && matches!(key.code, KeyCode::Left | KeyCode::Right | KeyCode::Char(' '));
        if let Some(input) = field.text_input().filter(|_| !empty_new_entry)
            && input.handle_key(key)
        {
            return;
        }
        match &mut field.value {
            FieldValue::Choice { labels, selected, .. } => {
                let n = labels.len().max(1);
                match key.code {
                    KeyCode::Right | KeyCode::Char(' ') => *selected = (*selected + 1) % n,
                    KeyCode::Left => *selected = (*selected + n - 1) % n,
                    KeyCode::Home => *selected = 0,
                    KeyCode::End => *selected = n - 1,
                    KeyCode::Char(c) => {
                        if let Some(i) = jump_to_letter(labels, *selected, c) {
                            *selected = i;
                        }
                    }
                    _ => {}
                }
            }
            FieldValue::Multi { labels, chosen, cursor, .. } => {
                let n = labels.len();
                if n == 0 {
                    return;
                }
                match key.code {
                    KeyCode::Right => *cursor = (*cursor + 1) % n,
                    KeyCode::Left => *cursor = (*cursor + n - 1) % n,
                    KeyCode::Char(' ') => chosen[*cursor] = !chosen[*cursor],
                    _ => {}
                }
            }
            FieldValue::Toggle(value) => {
                if matches!(key.code, KeyCode::Char(' ') | KeyCode::Left | KeyCode::Right) {
                    *value = !*value;
                }
            }
            FieldValue::Text(_) | FieldValue::Number(_) | FieldValue::Date(_) => {}
        }
    }

    // Readers used by `submit`, by field name; each returns the value or
    // the message to show. A form without the field reads as empty.

    fn value(&self, id: FieldId) -> Option<&Field> {
        self.fields.iter().find(|f| f.id == id)
    }

    pub fn text(&self, id: FieldId) -> Result<String, FieldError> {
        let Some(field) = self.value(id) else { return Ok(String::new()) };
        let value = match &field.value {
            FieldValue::Text(input) => input.value().trim().to_owned(),
            _ => String::new(),
        };
        if field.required && value.is_empty() {
            return Err((id, t("form-required")));
        }
        Ok(value)
    }

    pub fn number(&self, id: FieldId, max: u32) -> Result<u32, FieldError> {
        let typed = match self.value(id).map(|f| &f.value) {
            Some(FieldValue::Number(input)) => input.value().trim(),
            _ => "",
        };
        typed
            .parse::<u32>()
            .ok()
            .filter(|n| *n <= max)
            .ok_or_else(|| (id, crate::i18n::targs("form-bad-number", &[("max", max.into())])))
    }

    pub fn date(&self, id: FieldId) -> Result<Option<Date>, FieldError> {
        let Some(field) = self.value(id) else { return Ok(None) };
        let text = match &field.value {
            FieldValue::Date(input) => input.value().trim(),
            _ => "",
        };
        if text.is_empty() {
            return if field.required { Err((id, t("form-required"))) } else { Ok(None) };
        }
        crate::format::parse_date(text).map(Some).ok_or_else(|| (id, date_problem(text)))
    }

    /// The index chosen in a pick list.
    pub fn choice(&self, id: FieldId) -> usize {
        match self.value(id).map(|f| &f.value) {
            Some(FieldValue::Choice { selected, .. }) => *selected,
            _ => 0,
        }
    }

    /// The id chosen in a pick list of entities, or the typed name of a new one.
    pub fn choice_id(&self, id: FieldId) -> Result<ChoiceId, FieldError> {
        let Some(FieldValue::Choice { labels, ids, selected, new_entry }) =
            self.value(id).map(|f| &f.value)
        else {
            return Ok(ChoiceId::None);
        };
        if let Some(entry) = new_entry.as_ref().filter(|_| *selected + 1 == labels.len()) {
            let name = entry.value().trim();
            if name.is_empty() {
                return Err((id, t("form-required")));
            }
            return Ok(ChoiceId::New(name.to_owned()));
        }
        Ok(ids.get(*selected).copied().flatten().map_or(ChoiceId::None, ChoiceId::Existing))
    }

    pub fn multi(&self, id: FieldId) -> Vec<Id> {
        match self.value(id).map(|f| &f.value) {
            Some(FieldValue::Multi { ids, chosen, .. }) => {
                ids.iter().zip(chosen).filter(|(_, c)| **c).map(|(id, _)| *id).collect()
            }
            _ => Vec::new(),
        }
    }

    pub fn toggle(&self, id: FieldId) -> bool {
        matches!(self.value(id).map(|f| &f.value), Some(FieldValue::Toggle(true)))
    }
}

/// A field that is wrong, and the message to show under it.
pub type FieldError = (FieldId, String);

/// Why `text` is not a date, as precisely as can be told: a month past 12
/// or a day the month does not have (31.02.2027), else the accepted forms.
fn date_problem(text: &str) -> String {
    let numbers = |parts: Vec<&str>| -> Option<Vec<u32>> {
        (parts.len() == 3).then(|| parts.iter().map(|p| p.parse().ok()).collect()).flatten()
    };
    let ymd = if text.contains('.') {
        numbers(text.split('.').collect()).map(|n| (n[2], n[1], n[0]))
    } else {
        numbers(text.split('-').collect()).map(|n| (n[0], n[1], n[2]))
    };
    let Some((year, month, day)) = ymd.filter(|(y, _, d)| *y >= 1000 && *d >= 1) else {
        return t("form-bad-date");
    };
    if !(1..=12).contains(&month) {
        return crate::i18n::targs("form-bad-month", &[("month", month.into())]);
    }
    let first = chrono::NaiveDate::from_ymd_opt(year as i32, month, 1);
    let next = if month == 12 {
        chrono::NaiveDate::from_ymd_opt(year as i32 + 1, 1, 1)
    } else {
        chrono::NaiveDate::from_ymd_opt(year as i32, month + 1, 1)
    };
    match (first, next) {
        (Some(first), Some(next)) if day > (next - first).num_days() as u32 => crate::i18n::targs(
            "form-bad-day",
            &[
                ("date", format!("{day:02}.{month:02}.{year}").into()),
                ("month", format!("{month:02}.{year}").into()),
                ("days", (next - first).num_days().into()),
            ],
        ),
        _ => t("form-bad-date"),
    }
}

/// The listed participant whose name the participant form's name field
/// repeats (another person than the one edited), if any.
pub fn duplicate_participant<'a>(form: &Form, session: &'a Session) -> Option<&'a str> {
    let FormKind::Participant(person) = &form.kind else { return None };
    let FieldValue::Text(input) = &form.value(FieldId::Name)?.value else { return None };
    let name = input.value().trim();
    let own = person.as_ref().map(|p| p.id);
    session
        .participants
        .iter()
        .find(|p| Some(p.id) != own && !name.is_empty() && crate::capture::same_name(&p.name, name))
        .map(|p| p.name.as_str())
}

/// What a pick list of entities holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChoiceId {
    None,
    Existing(Id),
    New(String),
}

/// Type a letter to jump to the next option starting with it. A letter no
/// option starts with is tried on the same key in the other layouts, so
/// `т` finds "No" in an English form and `n` finds "Нет" in a Russian one.
fn jump_to_letter(labels: &[String], selected: usize, typed: char) -> Option<usize> {
    let n = labels.len().max(1);
    let latin = crate::layout_keys::canonical(typed);
    let mut letters = vec![typed, latin];
    letters.extend(crate::layout_keys::cyrillic_twin(latin));
    letters.into_iter().find_map(|c| {
        let c = c.to_lowercase().to_string();
        (1..=n)
            .map(|k| (selected + k) % n)
            .find(|&i| labels.get(i).is_some_and(|l| l.to_lowercase().starts_with(&c)))
    })
}

#[cfg(test)]
mod tests {
    use super::jump_to_letter;

    #[test]
    fn a_pick_list_letter_is_tried_on_the_same_key_in_the_other_layout() {
        let english: Vec<String> = ["Open", "Addressed", "Parked"].map(String::from).to_vec();
        assert_eq!(jump_to_letter(&english, 0, 'з'), Some(2), "з sits on p");
        assert_eq!(jump_to_letter(&english, 0, 'a'), Some(1));
        let russian: Vec<String> = ["Открыта", "Решена", "Отложена"].map(String::from).to_vec();
        assert_eq!(jump_to_letter(&russian, 0, 'р'), Some(1), "the letter itself first");
        assert_eq!(jump_to_letter(&russian, 0, 'h'), Some(1), "h sits on р");
        assert_eq!(jump_to_letter(&russian, 0, 'о'), Some(2), "the next one starting with о");
        assert_eq!(jump_to_letter(&russian, 0, 'я'), None);
    }
}
