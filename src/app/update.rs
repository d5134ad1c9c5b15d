//! `update(model, msg, now)`: the only place the model changes. No I/O and
//! no clock reads: saving, reloading, drafts, recovery copies and quitting
//! are `Effect`s the edge performs, reporting back with messages such as
//! `Msg::Saved` or `Msg::SaveFailed`.

use ratatui::crossterm::event::{KeyCode, KeyEvent, MouseButton, MouseEventKind};

use super::action::Action;
use super::capture_line::{CaptureLine, Feedback};
use super::edit;
use super::effect::Effect;
use super::form::{self, FieldId, FormKind, FormOutcome};
use super::history::Step;
use super::keymap::{PROJECTOR_GLOBALS, Scope, normalize_key};
use super::layout;
use super::model::{Mode, Model, Pane};
use super::msg::Msg;
use super::rows::{self, Row};
use super::text_input::TextInput;
use crate::i18n::{t, targs};
use crate::model::{AgendaStatus, Change, Entity, EntityKind, Id, Timestamp};

/// Effects, in the order they were asked for.
type Effects = Vec<Effect>;

/// Applies `msg` to the model and returns what the edge must do about it.
pub fn update(model: &mut Model, msg: Msg, now: Timestamp) -> Vec<Effect> {
    let mut fx = Effects::new();
    model.now = now;
    match msg {
        Msg::Key(key) => on_key(model, &key, now, &mut fx),
        Msg::Paste(text) => on_paste(model, &text, &mut fx),
        Msg::Mouse(mouse) => {
            if mouse.kind == MouseEventKind::Down(MouseButton::Left)
                && matches!(model.mode, Mode::Normal)
            {
                click(model, mouse.column, mouse.row);
            }
        }
        Msg::Resize(width, height) => {
            model.screen = ratatui::layout::Rect::new(0, 0, width, height)
        }
        Msg::Tick => {}
        Msg::Interrupt => on_interrupt(model, now, &mut fx),
        Msg::Notice(text) => model.notice = Some(text),
        Msg::Saved { revision } => {
            model.save.saved_revision = model.save.saved_revision.max(revision);
            model.save.saved_at = Some(now);
            model.save.error = None;
        }
        // Revision 0 is a reload (Ctrl-l) that failed: nothing was lost,
        // but the user must see why the file did not load.
        Msg::SaveFailed { revision: 0, error } => {
            model.notice = Some(targs("notice-reload-failed", &[("error", error.into())]));
        }
        Msg::SaveFailed { revision, error } => {
            if revision > model.save.saved_revision {
                model.save.error = Some(error);
            }
        }
        Msg::Diverted { revision, kept_in } => {
            // Our data is on disk, in the conflict copy.
            model.save.saved_revision = model.save.saved_revision.max(revision);
            model.save.saved_at = Some(now);
            model.save.error = None;
            model.save.diverted_to = Some(kept_in);
        }
        Msg::ReloadFailed { error } => {
            model.notice =
                Some(crate::i18n::targs("notice-reload-failed", &[("error", error.into())]));
        }
        Msg::SnapshotWritten => model.save.snapshot_error = None,
        Msg::SnapshotFailed { error } => model.save.snapshot_error = Some(error),
        Msg::LostLock { revision, holder, kept_in } => {
            model.save.saved_revision = model.save.saved_revision.max(revision);
            model.save.saved_at = Some(now);
            model.save.diverted_to = Some(kept_in);
            model.read_only = Some(holder);
        }
        Msg::Shared(view) => on_shared(model, *view, now, &mut fx),
        Msg::Followed(session) => {
            model.session = *session;
            model.rebuild_rows();
        }
        Msg::Reloaded(session) => {
            model.session = *session;
            model.history = super::history::History::default();
            model.save.diverted_to = None;
            model.save.error = None;
            model.save.saved_revision = model.save.revision;
            model.notice = Some(t("notice-reloaded"));
            model.rebuild_rows();
        }
        Msg::ReadOnly { holder } => model.read_only = Some(holder),
        Msg::OfferDraft(draft) => model.mode = Mode::OfferDraft(draft),
        Msg::OfferRecovery(session) => model.mode = Mode::OfferRecovery(session),
        Msg::QuitBlocked => model.mode = Mode::ConfirmQuit,
    }
    fx
}

/// Another editor's edits: the session as every journal makes it now.
/// Two items started at once on two laptops: one was stopped; that is
/// recorded as an edit (not ours to undo), so it holds.
fn on_shared(model: &mut Model, view: crate::store::SharedView, now: Timestamp, fx: &mut Effects) {
    let settled = super::together::integrate(model, view);
    if !settled.is_empty() {
        changed(model, now, settled, fx);
    }
}

/// A key, by what has the keyboard.
fn on_key(model: &mut Model, key: &KeyEvent, now: Timestamp, fx: &mut Effects) {
    let key = &normalize_key(key);
    // Any key dismisses a one-off notice.
    model.notice = None;
    match &model.mode {
        Mode::Normal if model.projector.is_some() => projector_key(model, key, now, fx),
        Mode::Normal => match model.keymap.action_for(key, model.focus) {
            Some(action) => {
                if action != Action::Undo {
                    model.undo_armed = false;
                }
                act(model, action, now, fx)
            }
            None => hint_where_key_works(model, key),
        },
        Mode::Help { scroll } => {
            let scroll = *scroll;
            help_key(model, scroll, key);
        }
        Mode::Form(_) => form_key(model, key, now, fx),
        Mode::Filter(_) => filter_key(model, key),
        Mode::Capture(_) => capture_key(model, key, now, fx),
        Mode::OfferDraft(_) | Mode::OfferRecovery(_) => offer_key(model, key, now, fx),
        Mode::ConfirmQuit => match model.keymap.lookup(Scope::Confirm, key) {
            Some(Action::Confirm) => {
                fx.push(Effect::Quit { keep_recovery: true });
            }
            _ => model.mode = Mode::Normal,
        },
    }
}

/// Scrolling the help stops with the last line at the bottom, wherever
/// the screen size puts it.
fn help_key(model: &mut Model, scroll: u16, key: &KeyEvent) {
    let end = super::help::max_scroll(model);
    let scroll = match model.keymap.lookup(Scope::Help, key) {
        Some(Action::Close) => {
            model.mode = Mode::Normal;
            return;
        }
        Some(Action::Down) => scroll.saturating_add(1).min(end),
        Some(Action::Up) => scroll.saturating_sub(1),
        Some(Action::PageDown) => scroll.saturating_add(10).min(end),
        Some(Action::PageUp) => scroll.saturating_sub(10),
        Some(Action::Last) => end,
        Some(Action::First) => 0,
        _ => scroll,
    };
    model.mode = Mode::Help { scroll };
}

fn form_key(model: &mut Model, key: &KeyEvent, now: Timestamp, fx: &mut Effects) {
    let action = model.keymap.lookup(Scope::Form, key);
    let Mode::Form(form) = &mut model.mode else { return };
    match form.handle_key(action, key) {
        FormOutcome::Stay => {}
        FormOutcome::Cancel => model.mode = Mode::Normal,
        FormOutcome::Submit => submit_form(model, now, fx),
    }
    fx.push(Effect::SyncDraft);
}

fn filter_key(model: &mut Model, key: &KeyEvent) {
    let action = model.keymap.lookup(Scope::Filter, key);
    let Mode::Filter(input) = &mut model.mode else { return };
    match action {
        Some(Action::Submit) => {}
        Some(Action::Close) => *input = TextInput::default(),
        _ => {
            input.handle_key(key);
        }
    }
    let text = input.value().to_owned();
    if matches!(action, Some(Action::Submit | Action::Close)) {
        model.mode = Mode::Normal;
    }
    set_filter(model, text);
}

fn capture_key(model: &mut Model, key: &KeyEvent, now: Timestamp, fx: &mut Effects) {
    let Mode::Capture(line) = &mut model.mode else { return };
    // Every key changes what a crash would lose: the draft file follows.
    fx.push(Effect::SyncDraft);
    let digit = match key.code {
        KeyCode::Char(c) => c.to_digit(10),
        _ => None,
    };
    if digit.is_some_and(|d| line.pick(d as usize)) {
        line.feedback = None;
        return;
    }
    let action = model.keymap.lookup(Scope::Capture, key);
    let Mode::Capture(line) = &mut model.mode else { return };
    if action != Some(Action::Complete) {
        line.completion = None;
    }
    match action {
        Some(Action::Close) => model.mode = Mode::Normal,
        Some(Action::Submit) => commit_capture(model, now, fx),
        Some(Action::Complete) => line.complete(&model.session),
        Some(Action::Up) => line.recall(&model.capture_history, -1),
        Some(Action::Down) => line.recall(&model.capture_history, 1),
        _ => {
            if line.input.handle_key(key) {
                line.feedback = None;
            }
        }
    }
}

/// At start: Enter (`offer.confirm`) takes the offered draft or recovery
/// copy, any other key declines it.
fn offer_key(model: &mut Model, key: &KeyEvent, now: Timestamp, fx: &mut Effects) {
    let take = model.keymap.lookup(Scope::Offer, key) == Some(Action::Confirm);
    match std::mem::replace(&mut model.mode, Mode::Normal) {
        Mode::OfferDraft(draft) => {
            if take {
                model.mode = Mode::reopen(&draft, &model.session);
            }
            // Either way the draft file now follows the screen.
            fx.push(Effect::SyncDraft);
        }
        Mode::OfferRecovery(recovered) => {
            if take {
                model.session = *recovered;
                // The recovered content is not on disk yet: write it whole.
                changed(model, now, Vec::new(), fx);
                fx.push(Effect::Rewrite);
            }
            fx.push(Effect::ForgetRecovery);
        }
        other => model.mode = other,
    }
}

fn on_paste(model: &mut Model, text: &str, fx: &mut Effects) {
    let cut = match &mut model.mode {
        Mode::Form(form) => {
            fx.push(Effect::SyncDraft);
            form.paste(text)
        }
        Mode::Capture(line) => {
            fx.push(Effect::SyncDraft);
            line.input.paste(text)
        }
        Mode::Filter(input) => {
            let cut = input.paste(text);
            let text = input.value().to_owned();
            set_filter(model, text);
            cut
        }
        // A paste in the normal mode is text, not commands: ignore it and
        // say where it can go.
        _ => {
            model.notice = Some(t("notice-paste-ignored"));
            false
        }
    };
    if cut {
        let limit = super::text_input::MAX_CHARS;
        model.notice = Some(targs("notice-paste-cut", &[("limit", limit.into())]));
    }
}

/// Ctrl-C or Ctrl-\ says how to quit; a second one within two seconds
/// quits as `q` does (saving on the way out). The clock has whole seconds,
/// so "within two" means a gap of up to 2–3 s.
fn on_interrupt(model: &mut Model, now: Timestamp, fx: &mut Effects) {
    let again = model.interrupted_at.is_some_and(|at| now - at <= chrono::TimeDelta::seconds(2));
    if again {
        model.interrupted_at = None;
        act(model, Action::Quit, now, fx);
    } else {
        model.interrupted_at = Some(now);
        model.notice = Some(t("notice-interrupt"));
    }
}

/// Filters the focused pane and rebuilds its rows.
fn set_filter(model: &mut Model, text: String) {
    let focus = model.focus;
    model.pane_mut(focus).filter = text;
    model.rebuild_rows();
}

/// Runs a normal-mode action, by scope: moving around, the screen and the
/// file, the meeting's clock and queue, and edits of the selected row.
fn act(model: &mut Model, action: Action, now: Timestamp, fx: &mut Effects) {
    if move_around(model, action) || act_on_screen(model, action, now, fx) {
        return;
    }
    if writes(action) && refuse_read_only(model) {
        return;
    }
    if !run_meeting(model, action, now, fx) {
        edit_selected(model, action, now, fx);
    }
}

/// Actions that would change the session (refused in a read-only editor
/// before anything opens).
fn writes(action: Action) -> bool {
    matches!(
        action,
        Action::Add
            | Action::Edit
            | Action::EditSession
            | Action::EditSettlement
            | Action::Capture
            | Action::LinkNeed
    )
}

/// Focus and selection. True if `action` was one of them.
fn move_around(model: &mut Model, action: Action) -> bool {
    let focus = model.focus;
    match action {
        Action::FocusNext => model.focus = focus.next(),
        Action::FocusPrev => model.focus = focus.prev(),
        Action::Focus(pane) => model.focus = pane,
        Action::Up => move_selection(model, -1, 1),
        Action::Down => move_selection(model, 1, 1),
        Action::PageUp => move_selection(model, -1, page(model)),
        Action::PageDown => move_selection(model, 1, page(model)),
        Action::First => move_selection(model, -1, usize::MAX),
        Action::Last => move_selection(model, 1, usize::MAX),
        Action::ToggleGrouping => {
            model.need_grouping = match model.need_grouping {
                super::model::NeedGrouping::Settlement => super::model::NeedGrouping::Category,
                super::model::NeedGrouping::Category => super::model::NeedGrouping::Settlement,
            };
            model.rebuild_rows();
        }
        _ => return false,
    }
    true
}

/// Modes, views, quitting and reloading. True if `action` was one of them.
fn act_on_screen(model: &mut Model, action: Action, now: Timestamp, fx: &mut Effects) -> bool {
    match action {
        Action::Help => model.mode = Mode::Help { scroll: 0 },
        Action::Filter => {
            let current = model.pane(model.focus).filter.clone();
            model.mode = Mode::Filter(TextInput::new(&current));
        }
        Action::Quit => {
            // Unsaved changes that are only waiting for the next save are
            // saved on the way out (the edge asks if that fails); a save that
            // is already failing asks now.
            if model.save.is_dirty() && model.save.error.is_some() {
                model.mode = Mode::ConfirmQuit;
            } else {
                fx.push(Effect::Quit { keep_recovery: false });
            }
        }
        Action::Reload => {
            if model.save.diverted_to.is_some() || model.read_only.is_some() {
                fx.push(Effect::Reload);
            } else {
                model.notice = Some(t("notice-nothing-to-reload"));
            }
        }
        Action::ToggleProjector => {
            model.projector = match model.projector {
                Some(_) => None,
                None => Some(crate::ui::projector::ProjectorState {
                    theme: model.projector_theme,
                    ..Default::default()
                }),
            };
        }
        Action::Undo | Action::Redo if refuse_read_only(model) => {}
        Action::Undo | Action::Redo => undo_redo(model, action == Action::Undo, now, fx),
        Action::TakeMine if refuse_read_only(model) => {}
        Action::TakeMine => {
            let mine = super::together::take_mine(model);
            commit(model, mine, now, fx);
        }
        _ => return false,
    }
    true
}

/// Undo or redo one step. Undoing is a new edit too: it must win over what
/// it undoes when the session is merged.
fn undo_redo(model: &mut Model, undo: bool, now: Timestamp, fx: &mut Effects) {
    let step = if undo { model.history.take_undo() } else { model.history.take_redo() };
    let Some(step) = step else {
        let id = if undo { "notice-nothing-to-undo" } else { "notice-nothing-to-redo" };
        model.notice = Some(t(id));
        return;
    };
    // Another editor changed it since our edit: ask (u again) first.
    if undo && !model.undo_armed && step.changed_since(&model.session) {
        model.history.push_undo(step);
        model.undo_armed = true;
        model.notice = Some(t("notice-undo-changed-since"));
        return;
    }
    model.undo_armed = false;
    let mut changes = step.changes;
    model.session.stamp(&mut changes, now);
    let inverse = model.session.apply_all(changes.clone());
    let inverse = Step::new(inverse, &model.session);
    if undo {
        model.history.push_redo(inverse);
    } else {
        model.history.push_undo(inverse);
    }
    changed(model, now, changes, fx);
}

/// The agenda clock and the speaker queue, from any pane. True if
/// `action` was one of them.
fn run_meeting(model: &mut Model, action: Action, now: Timestamp, fx: &mut Effects) -> bool {
    let focus = model.focus;
    let selected = model.pane(focus).selected_id();
    match action {
        Action::StartStop => {
            // Outside the agenda, `s` stops the running item, or starts the
            // one selected in the agenda.
            let target = if focus == Pane::Agenda {
                selected
            } else {
                model.session.active_item().map(|a| a.id).or(model.pane(Pane::Agenda).selected_id())
            };
            if let Some(id) = target {
                let changes = edit::start_stop(&model.session, id, now);
                commit_agenda(model, changes, now, fx);
            }
        }
        Action::NextItem => {
            let changes = edit::next_item(&model.session, now);
            commit_agenda(model, changes, now, fx);
            if let Some(active) = model.session.active_item().map(|a| a.id) {
                select(model, Pane::Agenda, active);
            }
        }
        Action::Unqueue | Action::QueueUp | Action::QueueDown => {
            if let Some(person) = selected {
                let changes = match action {
                    Action::Unqueue => edit::unqueue_speaker(&model.session, person),
                    _ => {
                        edit::move_in_queue(&model.session, person, action == Action::QueueUp, now)
                    }
                };
                if changes.is_empty() {
                    model.notice = Some(t("notice-not-queued"));
                }
                commit(model, changes, now, fx);
            }
        }
        Action::QueueSpeaker => match (model.session.active_item().map(|a| a.id), selected) {
            (Some(item), Some(person)) => {
                let changes = edit::queue_speaker(&model.session, item, person, now);
                commit(model, changes, now, fx);
            }
            (None, _) => model.notice = Some(t("notice-no-active-item")),
            _ => {}
        },
        _ => return run_turns(model, action, now, fx),
    }
    true
}

/// Turns and the queue as a whole. True if `action` was one of them.
fn run_turns(model: &mut Model, action: Action, now: Timestamp, fx: &mut Effects) -> bool {
    match action {
        Action::DropQueue => {
            let changes = edit::drop_queue(&model.session);
            let id = if changes.is_empty() { "notice-queue-empty" } else { "notice-queue-dropped" };
            model.notice = Some(t(id));
            commit(model, changes, now, fx);
        }
        Action::NextSpeaker => {
            if model.session.active_item().is_none() {
                model.notice = Some(t("notice-no-active-item"));
            }
            let changes = edit::next_speaker(&model.session, now);
            commit(model, changes, now, fx);
        }
        Action::EndTurn => {
            let changes = edit::end_turn(&model.session, now);
            commit(model, changes, now, fx);
        }
        _ => return false,
    }
    true
}

/// Forms and edits of the focused pane's selected row.
fn edit_selected(model: &mut Model, action: Action, now: Timestamp, fx: &mut Effects) {
    let focus = model.focus;
    let selected = model.pane(focus).selected_id();
    match action {
        Action::Add => open_form(model, add_form(focus)),
        Action::EditSession => open_form(model, FormKind::Session),
        Action::Capture => {
            model.mode = Mode::Capture(Box::default());
            fx.push(Effect::SyncDraft);
        }
        Action::EditSettlement => edit_settlement(model, selected),
        _ => {
            let Some(id) = selected else { return };
            edit_row(model, action, id, now, fx);
        }
    }
}

/// An action on the selected entity `id` of the focused pane.
fn edit_row(model: &mut Model, action: Action, id: Id, now: Timestamp, fx: &mut Effects) {
    let focus = model.focus;
    let changes = match action {
        Action::Edit | Action::LinkNeed => {
            let Some(kind) = edit_form(model, focus, id) else { return };
            let link = action == Action::LinkNeed;
            if link && !matches!(kind, FormKind::Proposal(_)) {
                return;
            }
            open_form(model, kind);
            if let (true, Mode::Form(form)) = (link, &mut model.mode) {
                form.focus_field(FieldId::Need);
            }
            return;
        }
        Action::Delete => {
            let kind = entity_kind(model, focus, id);
            let changes = edit::delete(&model.session, kind, id, now);
            commit(model, changes, now, fx);
            model.notice = Some(t("notice-deleted"));
            return;
        }
        Action::Promote => return promote(model, id, now, fx),
        Action::VoteUp | Action::VoteDown => {
            let delta = if action == Action::VoteUp { 1 } else { -1 };
            edit::vote(&model.session, id, delta)
        }
        Action::TogglePresent => edit::toggle_present(&model.session, id, now),
        Action::CycleStatus => match focus {
            Pane::Needs => edit::cycle_need_status(&model.session, id, now),
            Pane::Actions => edit::cycle_action_status(&model.session, id, now),
            Pane::Proposals => edit::cycle_proposal_kind(&model.session, id, now),
            _ => Vec::new(),
        },
        _ => return,
    };
    commit(model, changes, now, fx);
}

/// What kind of entity a row of `pane` is.
fn entity_kind(model: &Model, pane: Pane, id: Id) -> EntityKind {
    match pane {
        Pane::Agenda => EntityKind::AgendaItem,
        Pane::Participants => EntityKind::Participant,
        Pane::Needs => EntityKind::Need,
        Pane::Actions => EntityKind::Action,
        Pane::Proposals if model.session.private_notes.iter().any(|n| n.id == id) => {
            EntityKind::PrivateNote
        }
        Pane::Proposals => EntityKind::Proposal,
    }
}

/// `E`: the form of the selected participant's or need's settlement.
fn edit_settlement(model: &mut Model, selected: Option<Id>) {
    let settlement = selected.and_then(|id| match model.focus {
        Pane::Participants => model.session.participant(id).and_then(|p| p.settlement),
        Pane::Needs => model.session.need(id).and_then(|n| n.settlement),
        _ => None,
    });
    match settlement.and_then(|id| model.session.settlement(id)).cloned() {
        Some(s) => open_form(model, FormKind::Settlement(s)),
        None => model.notice = Some(t("notice-no-settlement")),
    }
}

/// `A`: the selected proposal becomes an action, whose form opens next.
fn promote(model: &mut Model, id: Id, now: Timestamp, fx: &mut Effects) {
    let changes = edit::promote(&model.session, id, now);
    if changes.is_empty() {
        model.notice = Some(t("notice-already-promoted"));
    } else {
        commit(model, changes, now, fx);
        model.notice = Some(t("notice-promoted"));
        ask_responsible(model, id);
    }
}

/// A key bound only in other panes: say where it works instead of
/// ignoring it.
fn hint_where_key_works(model: &mut Model, key: &KeyEvent) {
    let panes = model.keymap.panes_for(key, model.focus);
    if panes.is_empty() {
        return;
    }
    let names: Vec<String> = panes.iter().map(|p| t(p.title_id())).collect();
    let key = match key.code {
        KeyCode::Char(' ') => "Space".to_owned(),
        KeyCode::Char(c) => c.to_string(),
        other => format!("{other:?}"),
    };
    model.notice = Some(targs(
        "notice-key-elsewhere",
        &[("key", key.into()), ("panes", names.join(", ").into())],
    ));
}

/// Commits a start, stop or next item, saying when queued speakers moved
/// to the item that now runs.
fn commit_agenda(model: &mut Model, changes: Vec<Change>, now: Timestamp, fx: &mut Effects) {
    let carried = edit::carried_speakers(&changes);
    commit(model, changes, now, fx);
    if carried > 0 {
        let title = model.session.active_item().map(|a| a.title.clone()).unwrap_or_default();
        model.notice = Some(targs(
            "notice-queue-carried",
            &[("count", carried.into()), ("item", title.into())],
        ));
    }
}

/// After `A`: the new action's form, on Responsible, which promotion
/// leaves empty because the proposal's author rarely does the work.
fn ask_responsible(model: &mut Model, proposal: Id) {
    let Some(action) = model.session.actions.iter().find(|a| a.origin == Some(proposal)) else {
        return;
    };
    open_form(model, FormKind::Action(Some(action.clone())));
    if let Mode::Form(form) = &mut model.mode {
        form.focus_field(FieldId::Responsible);
    }
}

/// Keys while the projector is shown: slides and themes, plus what the
/// facilitator needs without leaving it (next item, speakers, quit).
fn projector_key(model: &mut Model, key: &KeyEvent, now: Timestamp, fx: &mut Effects) {
    if let Some(action) = model.keymap.lookup(Scope::Projector, key) {
        match action {
            Action::Close => model.projector = None,
            _ => {
                if let Some(projector) = &mut model.projector {
                    projector.handle(action, now);
                }
            }
        }
        return;
    }
    match model.keymap.action_for(key, Pane::Agenda) {
        Some(Action::ToggleProjector) => model.projector = None,
        Some(action) if PROJECTOR_GLOBALS.contains(&action) => act(model, action, now, fx),
        _ => {}
    }
}

/// Enter in the capture line: parse, apply, keep the line open for the next.
/// A refused line stays as typed, with what to do about it.
fn commit_capture(model: &mut Model, now: Timestamp, fx: &mut Effects) {
    let Mode::Capture(line) = &mut model.mode else { return };
    let text = line.input.value().to_owned();
    let allow_duplicate = line.confirm_duplicate.as_deref() == Some(text.as_str());
    line.confirm_duplicate = None;
    let parsed = match crate::capture::parse(&text) {
        Ok(parsed) => parsed,
        Err(e) => {
            line.feedback = Some(Feedback::Error(t(e.message_id())));
            return;
        }
    };
    let captured = match edit::capture(&model.session, &parsed, now, allow_duplicate) {
        Ok(captured) => captured,
        Err(refusal) => {
            refuse_capture(line, &text, refusal);
            return;
        }
    };
    let kind = crate::i18n::t(parsed.kind.help_id());
    let mut summary = format!("{kind}: {}", captured.summary);
    for (settlement, name) in &captured.created {
        let id = if *settlement { "capture-new-settlement" } else { "capture-new-participant" };
        summary.push_str(" · ");
        summary.push_str(&targs(id, &[("name", name.clone().into())]));
    }
    line.feedback = Some(Feedback::Captured(summary));
    line.input = TextInput::default();
    line.recall = None;
    if model.capture_history.last() != Some(&text) {
        model.capture_history.push(text);
    }
    commit(model, captured.changes, now, fx);
    if let Some((id, pane)) = captured.entity {
        select(model, pane, id);
    }
}

fn refuse_capture(line: &mut CaptureLine, text: &str, refusal: edit::CaptureRefusal) {
    use edit::CaptureRefusal as R;
    let message = match refusal {
        R::Message(id) => t(id),
        R::TooShort { tag } => targs("capture-error-tag-too-short", &[("tag", tag.into())]),
        R::Duplicate { name } => {
            line.confirm_duplicate = Some(text.to_owned());
            targs("capture-error-duplicate", &[("name", name.into())])
        }
        R::Unresolved { settlement, index, tag, candidates } => {
            let span = crate::capture::tag_spans(text)
                .into_iter()
                .filter(|(is_settlement, _, _)| *is_settlement == settlement)
                .nth(index);
            if let Some((_, start, end)) = span {
                let sigil = if settlement { '#' } else { '@' };
                line.offer(start, end, sigil, candidates);
            }
            targs("capture-error-unresolved", &[("tag", tag.into())])
        }
    };
    line.feedback = Some(Feedback::Error(message));
}

fn add_form(pane: Pane) -> FormKind {
    match pane {
        Pane::Agenda => FormKind::Agenda(None),
        Pane::Participants => FormKind::Participant(None),
        Pane::Needs => FormKind::Need(None),
        Pane::Actions => FormKind::Action(None),
        Pane::Proposals => FormKind::Proposal(None),
    }
}

fn edit_form(model: &Model, pane: Pane, id: Id) -> Option<FormKind> {
    let s = &model.session;
    Some(match pane {
        Pane::Agenda => FormKind::Agenda(Some(s.agenda_item(id)?.clone())),
        Pane::Participants => FormKind::Participant(Some(s.participant(id)?.clone())),
        Pane::Needs => FormKind::Need(Some(s.need(id)?.clone())),
        Pane::Actions => FormKind::Action(Some(s.actions.iter().find(|a| a.id == id)?.clone())),
        Pane::Proposals => match s.proposals.iter().find(|p| p.id == id) {
            Some(p) => FormKind::Proposal(Some(p.clone())),
            None => FormKind::Note(Some(s.private_notes.iter().find(|n| n.id == id)?.clone())),
        },
    })
}

fn open_form(model: &mut Model, kind: FormKind) {
    model.mode = Mode::Form(Box::new(form::open(kind, &model.session)));
}

fn submit_form(model: &mut Model, now: Timestamp, fx: &mut Effects) {
    let Mode::Form(form) = &mut model.mode else { return };
    // A name already listed is asked about once; the same name again adds.
    if let Some(existing) = form::duplicate_participant(form, &model.session) {
        let typed = existing.to_owned();
        if form.confirmed_name.as_deref() != Some(typed.as_str()) {
            form.confirmed_name = Some(typed.clone());
            form.focused = form.index_of(FieldId::Name).unwrap_or(0);
            let message = targs("form-duplicate-name", &[("name", typed.into())]);
            form.error = Some((FieldId::Name, message));
            return;
        }
    }
    // New entities go after the selected row, where the note-taker is looking.
    let insert_at = model.panes[model.focus.index()]
        .rows
        .get(model.panes[model.focus.index()].selected)
        .and_then(|r| match r {
            Row::Item { index, .. } => Some(index + 1),
            Row::Group { .. } | Row::Note { .. } => None,
        })
        .unwrap_or(usize::MAX);
    match form::submit(form, &model.session, now, insert_at) {
        Err((field, message)) => {
            form.focus_field(field);
            form.error = Some((field, message));
        }
        Ok(mut changes) => {
            let new_id = changes.iter().rev().find_map(|c| match c {
                Change::Put { entity, .. } => Some(entity.id()),
                _ => None,
            });
            // A status picked in the agenda form goes through start/stop so
            // only one item is active and the event log records it.
            if let FormKind::Agenda(before) = &form.kind
                && let Some(Change::Put { entity: Entity::AgendaItem(edited), .. }) = changes.last()
            {
                let before = before.as_ref().map_or(AgendaStatus::Pending, |b| b.status);
                let extra = edit::agenda_status_change(&model.session, edited, before, now);
                changes.extend(extra);
            }
            model.mode = Mode::Normal;
            commit(model, changes, now, fx);
            if let Some(id) = new_id {
                let focus = model.focus;
                select(model, focus, id);
            }
        }
    }
}

/// True (with a notice) if another kenesh holds the file.
fn refuse_read_only(model: &mut Model) -> bool {
    let Some(holder) = &model.read_only else { return false };
    model.notice =
        Some(crate::i18n::targs("notice-read-only-refused", &[("holder", holder.clone().into())]));
    true
}

/// Applies an edit, records it for undo and marks the session unsaved.
fn commit(model: &mut Model, mut changes: Vec<Change>, now: Timestamp, fx: &mut Effects) {
    if changes.is_empty() {
        return;
    }
    if refuse_read_only(model) {
        return;
    }
    model.session.count_votes(&mut changes);
    model.session.stamp(&mut changes, now);
    let inverse = model.session.apply_all(changes.clone());
    let step = Step::new(inverse, &model.session);
    model.history.record(step);
    changed(model, now, changes, fx);
}

/// After `applied` changed the session: a new revision to save, with the
/// changes for the journal.
fn changed(model: &mut Model, now: Timestamp, mut applied: Vec<Change>, fx: &mut Effects) {
    applied.push(Change::Touched(now));
    model.session.updated = now;
    model.save.revision += 1;
    model.rebuild_rows();
    fx.push(Effect::Save(applied));
}

fn select(model: &mut Model, pane: Pane, id: Id) {
    let state = model.pane_mut(pane);
    if let Some(i) = state.rows.iter().position(|r| r.id() == Some(id)) {
        state.selected = i;
    }
}

fn page(model: &Model) -> usize {
    layout::list_height(model.screen, model.focus, model.focus).max(1)
}

fn move_selection(model: &mut Model, step: isize, count: usize) {
    let state = model.pane_mut(model.focus);
    state.selected = rows::step_item(&state.rows, state.selected, step, count);
}

/// A left click focuses the pane under the mouse and selects the row.
fn click(model: &mut Model, x: u16, y: u16) {
    let Some((pane, row)) = layout::hit(model.screen, model.focus, x, y) else { return };
    model.focus = pane;
    let height = layout::list_height(model.screen, model.focus, pane);
    let state = model.pane_mut(pane);
    if let Some(row) = row {
        let index = layout::page_offset(state.selected, height) + row;
        if state.rows.get(index).is_some_and(Row::is_selectable) {
            state.selected = index;
        }
    }
}
