//! The editor's state: the session plus everything about the screen that
//! is not drawing (focus, selection, mode, history, save state).

use ratatui::layout::Rect;

use super::draft::{Draft, Reopened};
use super::form::Form;
use super::history::History;
use super::keymap::KeyMap;
use super::rows::{self, Row};
use crate::model::{Id, Session, Timestamp};

pub use super::pane::{NeedGrouping, Pane};

/// Per-pane view state. `rows` is derived from the session and the filter,
/// rebuilt by `update` after every change, so drawing a frame never sorts.
#[derive(Debug, Clone, Default)]
pub struct PaneState {
    pub rows: Vec<Row>,
    pub selected: usize,
    pub filter: String,
}

impl PaneState {
    /// The id of the selected entity, if the selection is on an entity row.
    pub fn selected_id(&self) -> Option<Id> {
        match self.rows.get(self.selected) {
            Some(Row::Item { id, .. }) => Some(*id),
            _ => None,
        }
    }
}

/// What has the keyboard.
#[derive(Debug, Clone)]
pub enum Mode {
    Normal,
    Help {
        scroll: u16,
    },
    Form(Box<Form>),
    /// Typing a filter for the focused pane.
    Filter(super::text_input::TextInput),
    /// The note-taker's one-line capture at the bottom.
    Capture(Box<super::capture_line::CaptureLine>),
    /// `q` while changes are not on disk.
    ConfirmQuit,
    /// At start: a draft from an interrupted session, offered back.
    OfferDraft(Box<Draft>),
    /// At start: the session as it was in memory when kenesh last stopped
    /// without saving it, offered back.
    OfferRecovery(Box<Session>),
}

/// Whether the file on disk holds what the screen shows (what is waiting
/// to be written is the saver's business, not the model's).
#[derive(Debug, Clone, Default)]
pub struct SaveState {
    /// Bumped by every change to the session.
    pub revision: u64,
    /// The revision the file on disk holds.
    pub saved_revision: u64,
    pub saved_at: Option<Timestamp>,
    pub error: Option<String>,
    /// Rewriting the file from the journal failed (the edits are safe in the
    /// journal, but the file itself is behind).
    pub snapshot_error: Option<String>,
    /// After another program changed the file: where our saves go instead.
    pub diverted_to: Option<String>,
}

impl SaveState {
    pub fn is_dirty(&self) -> bool {
        self.revision != self.saved_revision
    }
}

/// Totals the views show, recomputed with the rows after each change so a
/// frame never walks a whole collection.
#[derive(Debug, Clone, Default)]
pub struct Totals {
    pub planned_minutes: u64,
    /// Planned minutes of items not yet started.
    pub pending_minutes: u64,
    pub active_item: Option<usize>,
    pub present: usize,
    /// Present participants per stakeholder group, in `StakeholderGroup::ALL` order.
    pub present_by_group: [usize; 9],
    /// Seconds spoken in finished turns, per group and per participant
    /// (same order as `session.participants`). The running turn is added
    /// when drawing, from the clock.
    pub spoken_by_group: [i64; 9],
    pub spoken_by_person: Vec<i64>,
    /// The turn being spoken now, under the active item.
    pub speaking: Option<usize>,
    /// Queued turns of the active item, in order.
    pub queue: Vec<usize>,
    /// Each need's status as the dashboard and the exports show it: an
    /// open need whose actions are all done shows as addressed.
    pub need_status: std::collections::HashMap<Id, crate::model::NeedStatus>,
}

pub use crate::model::group_index;

impl Totals {
    /// The status `need` shows (derived from its actions).
    pub fn need_status(&self, need: &crate::model::Need) -> crate::model::NeedStatus {
        self.need_status.get(&need.id).copied().unwrap_or(need.status)
    }

    pub fn of(session: &Session) -> Totals {
        use crate::model::AgendaStatus;
        let mut totals = Totals::default();
        for (i, item) in session.agenda.iter().enumerate() {
            totals.planned_minutes += u64::from(item.planned_minutes);
            match item.status {
                AgendaStatus::Pending => totals.pending_minutes += u64::from(item.planned_minutes),
                AgendaStatus::Active => totals.active_item = Some(i),
                _ => {}
            }
        }
        for p in session.participants.iter().filter(|p| p.present) {
            totals.present += 1;
            totals.present_by_group[group_index(p.group)] += 1;
        }
        let spoken = crate::model::speaking_time(&session.participants, &session.speaker_turns);
        (totals.spoken_by_person, totals.spoken_by_group) = (spoken.by_person, spoken.by_group);
        totals.need_status = session.need_statuses();
        let active = totals.active_item.map(|i| session.agenda[i].id);
        for (i, turn) in session.speaker_turns.iter().enumerate() {
            if turn.is_speaking() {
                totals.speaking = Some(i);
            } else if turn.is_queued() && Some(turn.agenda_item) == active {
                totals.queue.push(i);
            }
        }
        totals
    }
}

/// Three minutes a turn unless configured otherwise.
pub const DEFAULT_TURN_LIMIT: i64 = 180;

/// Everything `update` changes and views draw.
#[derive(Debug, Clone)]
pub struct Model {
    pub session: Session,
    pub file_name: String,
    pub focus: Pane,
    pub panes: [PaneState; 5],
    pub need_grouping: NeedGrouping,
    pub totals: Totals,
    pub mode: Mode,
    pub history: History,
    pub save: SaveState,
    pub keymap: KeyMap,
    /// The terminal's size, so mouse clicks map to panes and rows the same
    /// way the views lay them out.
    pub screen: Rect,
    pub now: Timestamp,
    /// A one-line notice for the status bar (message already translated).
    pub notice: Option<String>,
    /// The projector view of this session, when shown (`p`).
    pub projector: Option<crate::app::projector::ProjectorState>,
    /// The theme the projector starts with.
    pub projector_theme: crate::app::projector::ThemeName,
    /// Longest planned speaking turn, in seconds (warning colours from 80%).
    pub turn_limit: i64,
    /// Lines typed in the capture line, oldest first (Up/Down recall them).
    pub capture_history: Vec<String>,
    /// Why this editor may not write (another kenesh holds the file).
    pub read_only: Option<String>,
    /// Who else writes this session (from their journals).
    pub others: Vec<crate::store::Presence>,
    /// Our edits that lost to someone else's made at the same moment, the
    /// newest last: `U` takes the newest back.
    pub conflicts: Vec<crate::store::Conflict>,
    /// `u` was pressed on an edit someone else changed since: the next
    /// `u` undoes it anyway.
    pub undo_armed: bool,
    /// When Ctrl-C was last pressed (a second one within 2 s quits).
    pub interrupted_at: Option<Timestamp>,
}

impl Model {
    pub fn new(session: Session, file_name: String, now: Timestamp) -> Model {
        let mut model = Model {
            session,
            file_name,
            focus: Pane::Agenda,
            panes: Default::default(),
            need_grouping: NeedGrouping::Settlement,
            totals: Totals::default(),
            mode: Mode::Normal,
            history: History::default(),
            save: SaveState::default(),
            keymap: KeyMap::default(),
            screen: Rect::new(0, 0, 120, 40),
            now,
            notice: None,
            turn_limit: DEFAULT_TURN_LIMIT,
            projector: None,
            projector_theme: crate::app::projector::ThemeName::Dark,
            capture_history: Vec::new(),
            read_only: None,
            others: Vec::new(),
            conflicts: Vec::new(),
            undo_armed: false,
            interrupted_at: None,
        };
        model.rebuild_rows();
        model
    }

    pub fn pane(&self, pane: Pane) -> &PaneState {
        &self.panes[pane.index()]
    }

    pub fn pane_mut(&mut self, pane: Pane) -> &mut PaneState {
        &mut self.panes[pane.index()]
    }

    /// Recomputes every pane's rows and keeps each selection on the same
    /// entity where it still exists.
    pub fn rebuild_rows(&mut self) {
        self.totals = Totals::of(&self.session);
        for pane in Pane::ALL {
            let previous = self.pane(pane).selected_id();
            let rows =
                rows::build(&self.session, pane, &self.pane(pane).filter, self.need_grouping);
            let state = self.pane_mut(pane);
            let old_index = state.selected;
            state.rows = rows;
            state.selected = previous
                .and_then(|id| state.rows.iter().position(|r| r.id() == Some(id)))
                .unwrap_or_else(|| rows::nearest_item(&state.rows, old_index));
        }
    }
}

impl Model {
    /// What is being typed right now, if anything worth keeping as a draft.
    pub fn draft(&self, now: Timestamp) -> Option<Draft> {
        match &self.mode {
            Mode::OfferDraft(draft) => Some((**draft).clone()),
            Mode::Capture(line) if !line.input.value().trim().is_empty() => {
                Some(Draft::of_capture(self.session.id, line.input.value(), now))
            }
            Mode::Form(form) => Some(Draft::of_form(self.session.id, form, now)),
            _ => None,
        }
    }
}

impl Mode {
    /// The capture line or the form a draft holds (the normal mode if the
    /// entity the form edited is gone).
    pub fn reopen(draft: &Draft, session: &Session) -> Mode {
        match draft.reopen(session) {
            Some(Reopened::Capture(line)) => Mode::Capture(line),
            Some(Reopened::Form(form)) => Mode::Form(form),
            None => Mode::Normal,
        }
    }
}
