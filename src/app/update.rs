//! `update(model, msg, now)`: the only place the model changes. No I/O and
//! no clock reads; saving happens at the edge, which reports back with
//! `Msg::Saved` or `Msg::SaveFailed`.

use ratatui::crossterm::event::{KeyCode, KeyEvent, MouseButton, MouseEventKind};

use super::action::Action;
use super::capture_line::{CaptureLine, Feedback};
use super::edit;
use super::form::{self, FormKind, FormOutcome};
use super::keymap::{latin_code, normalize_key};
use super::layout;
use super::model::{Mode, Model, Pane};
use super::msg::Msg;
use super::rows::{self, Row};
use super::text_input::TextInput;
use crate::i18n::{t, targs};
use crate::model::{AgendaStatus, Change, Entity, EntityKind, Id, Timestamp};

pub fn update(model: &mut Model, msg: Msg, now: Timestamp) {
    model.now = now;
    match msg {
        Msg::Key(key) => on_key(model, &key, now),
        Msg::Paste(text) => on_paste(model, &text),
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
        Msg::Interrupt => on_interrupt(model, now),
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
            model.pending.clear();
        }
        Msg::Followed(session) => {
            model.session = *session;
            model.rebuild_rows();
        }
        Msg::Reloaded(session) => {
            model.session = *session;
            model.pending.clear();
            model.needs_snapshot = false;
            model.history = super::history::History::default();
            model.save.diverted_to = None;
            model.save.error = None;
            model.save.saved_revision = model.save.revision;
            model.notice = Some(t("notice-reloaded"));
            model.rebuild_rows();
        }
    }
}

fn on_key(model: &mut Model, key: &KeyEvent, now: Timestamp) {
    let key = &normalize_key(key);
    // Any key dismisses a one-off notice.
    model.notice = None;
    match &mut model.mode {
        Mode::Normal if model.projector.is_some() => projector_key(model, key, now),
        Mode::Normal => match model.keymap.action_for(key, model.focus) {
            Some(action) => act(model, action, now),
            None => hint_where_key_works(model, key),
        },
        Mode::Help { .. } => {
            // Scrolling stops with the last line at the bottom, wherever the
            // screen size puts it.
            let end = crate::ui::help::max_scroll(model);
            let Mode::Help { scroll } = &mut model.mode else { unreachable!() };
            match latin_code(key.code) {
                KeyCode::Esc | KeyCode::Char('q') | KeyCode::Char('?') | KeyCode::F(1) => {
                    model.mode = Mode::Normal;
                }
                KeyCode::Down | KeyCode::Char('j') => *scroll = scroll.saturating_add(1).min(end),
                KeyCode::Up | KeyCode::Char('k') => *scroll = scroll.saturating_sub(1),
                KeyCode::PageDown => *scroll = scroll.saturating_add(10).min(end),
                KeyCode::PageUp => *scroll = scroll.saturating_sub(10),
                KeyCode::End | KeyCode::Char('G') => *scroll = end,
                KeyCode::Home | KeyCode::Char('g') => *scroll = 0,
                _ => {}
            }
        }
        Mode::Form(form) => {
            match form.handle_key(key) {
                FormOutcome::Stay => {}
                FormOutcome::Cancel => model.mode = Mode::Normal,
                FormOutcome::Submit => submit_form(model, now),
            }
            model.draft_revision += 1;
        }
        Mode::Filter(input) => {
            match key.code {
                KeyCode::Enter => {}
                KeyCode::Esc => *input = TextInput::default(),
                _ => {
                    input.handle_key(key);
                }
            }
            let text = input.value().to_owned();
            if matches!(key.code, KeyCode::Enter | KeyCode::Esc) {
                model.mode = Mode::Normal;
            }
            set_filter(model, text);
        }
        Mode::Capture(line) => {
            let digit = match key.code {
                KeyCode::Char(c) => c.to_digit(10),
                _ => None,
            };
            if digit.is_some_and(|d| line.pick(d as usize)) {
                line.feedback = None;
                model.draft_revision += 1;
                return;
            }
            if key.code != KeyCode::Tab {
                line.completion = None;
            }
            match key.code {
                KeyCode::Esc => model.mode = Mode::Normal,
                KeyCode::Enter => commit_capture(model, now),
                KeyCode::Tab => line.complete(&model.session),
                KeyCode::Up => line.recall(&model.capture_history, -1),
                KeyCode::Down => line.recall(&model.capture_history, 1),
                _ => {
                    if line.input.handle_key(key) {
                        line.feedback = None;
                    }
                }
            }
            model.draft_revision += 1;
        }
        Mode::OfferDraft(draft) => {
            let draft = draft.clone();
            model.mode = Mode::Normal;
            if key.code == KeyCode::Enter {
                draft.restore(model);
            }
            // Either way the draft file now follows the screen.
            model.draft_revision += 1;
        }
        Mode::OfferRecovery(recovered) => {
            if key.code == KeyCode::Enter {
                model.session = (**recovered).clone();
                // The recovered content is not on disk yet: write it whole.
                changed(model, now);
                model.needs_snapshot = true;
            }
            model.mode = Mode::Normal;
            model.recovery_resolved = true;
        }
        Mode::ConfirmQuit => match latin_code(key.code) {
            KeyCode::Char('y') | KeyCode::Char('Y') => {
                model.quit_with_recovery = true;
                model.quit = true;
            }
            _ => model.mode = Mode::Normal,
        },
    }
}

fn on_paste(model: &mut Model, text: &str) {
    let cut = match &mut model.mode {
        Mode::Form(form) => {
            model.draft_revision += 1;
            form.paste(text)
        }
        Mode::Capture(line) => {
            model.draft_revision += 1;
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
fn on_interrupt(model: &mut Model, now: Timestamp) {
    let again = model.interrupted_at.is_some_and(|at| now - at <= chrono::TimeDelta::seconds(2));
    if again {
        model.interrupted_at = None;
        act(model, Action::Quit, now);
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

fn act(model: &mut Model, action: Action, now: Timestamp) {
    let focus = model.focus;
    let selected = model.pane(focus).selected_id();
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
        Action::Help => model.mode = Mode::Help { scroll: 0 },
        Action::Filter => {
            let current = model.pane(focus).filter.clone();
            model.mode = Mode::Filter(TextInput::new(&current));
        }
        Action::Quit => {
            // Unsaved changes that are only waiting for the next save are
            // saved on the way out (the edge asks if that fails); a save that
            // is already failing asks now.
            if model.save.is_dirty() && model.save.error.is_some() {
                model.mode = Mode::ConfirmQuit;
            } else {
                model.quit = true;
            }
        }
        Action::Undo | Action::Redo if refuse_read_only(model) => {}
        Action::Undo => match model.history.take_undo() {
            Some(mut step) => {
                // Undoing is a new edit too: it must win over what it undoes
                // when the session is merged.
                model.session.stamp(&mut step, now);
                model.pending.extend(step.iter().cloned());
                let redo = model.session.apply_all(step);
                model.history.push_redo(redo);
                changed(model, now);
            }
            None => model.notice = Some(t("notice-nothing-to-undo")),
        },
        Action::Redo => match model.history.take_redo() {
            Some(mut step) => {
                model.session.stamp(&mut step, now);
                model.pending.extend(step.iter().cloned());
                let undo = model.session.apply_all(step);
                model.history.push_undo(undo);
                changed(model, now);
            }
            None => model.notice = Some(t("notice-nothing-to-redo")),
        },
        Action::Add
        | Action::Edit
        | Action::EditSession
        | Action::EditSettlement
        | Action::Capture
        | Action::LinkNeed
            if refuse_read_only(model) => {}
        Action::Add => open_form(model, add_form(focus)),
        Action::Edit => {
            if let Some(kind) = selected.and_then(|id| edit_form(model, focus, id)) {
                open_form(model, kind);
            }
        }
        Action::EditSession => open_form(model, FormKind::Session),
        Action::Delete => {
            if let Some(id) = selected {
                let kind = match focus {
                    Pane::Agenda => EntityKind::AgendaItem,
                    Pane::Participants => EntityKind::Participant,
                    Pane::Needs => EntityKind::Need,
                    Pane::Actions => EntityKind::Action,
                    Pane::Proposals if model.session.private_notes.iter().any(|n| n.id == id) => {
                        EntityKind::PrivateNote
                    }
                    Pane::Proposals => EntityKind::Proposal,
                };
                let changes = edit::delete(&model.session, kind, id, now);
                commit(model, changes, now);
                model.notice = Some(t("notice-deleted"));
            }
        }
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
                commit_agenda(model, changes, now);
            }
        }
        Action::NextItem => {
            let changes = edit::next_item(&model.session, now);
            commit_agenda(model, changes, now);
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
                commit(model, changes, now);
            }
        }
        Action::DropQueue => {
            let changes = edit::drop_queue(&model.session);
            if changes.is_empty() {
                model.notice = Some(t("notice-queue-empty"));
            } else {
                model.notice = Some(t("notice-queue-dropped"));
            }
            commit(model, changes, now);
        }
        Action::VoteUp | Action::VoteDown => {
            if let Some(id) = selected {
                let delta = if action == Action::VoteUp { 1 } else { -1 };
                let changes = edit::vote(&model.session, id, delta, now);
                commit(model, changes, now);
            }
        }
        Action::TogglePresent => {
            if let Some(id) = selected {
                let changes = edit::toggle_present(&model.session, id, now);
                commit(model, changes, now);
            }
        }
        Action::ToggleGrouping => {
            model.need_grouping = match model.need_grouping {
                super::model::NeedGrouping::Settlement => super::model::NeedGrouping::Category,
                super::model::NeedGrouping::Category => super::model::NeedGrouping::Settlement,
            };
            model.rebuild_rows();
        }
        Action::CycleStatus => {
            if let Some(id) = selected {
                let changes = match focus {
                    Pane::Needs => edit::cycle_need_status(&model.session, id, now),
                    Pane::Actions => edit::cycle_action_status(&model.session, id, now),
                    Pane::Proposals => edit::cycle_proposal_kind(&model.session, id, now),
                    _ => Vec::new(),
                };
                commit(model, changes, now);
            }
        }
        Action::EditSettlement => {
            let settlement = selected.and_then(|id| match focus {
                Pane::Participants => model.session.participant(id).and_then(|p| p.settlement),
                Pane::Needs => model.session.need(id).and_then(|n| n.settlement),
                _ => None,
            });
            match settlement.and_then(|id| model.session.settlement(id)).cloned() {
                Some(s) => open_form(model, FormKind::Settlement(s)),
                None => model.notice = Some(t("notice-no-settlement")),
            }
        }
        Action::Reload => {
            if model.save.diverted_to.is_some() || model.read_only.is_some() {
                model.reload_requested = true;
            } else {
                model.notice = Some(t("notice-nothing-to-reload"));
            }
        }
        Action::ToggleProjector => {
            model.projector = match model.projector {
                Some(_) => None,
                None => Some(crate::app::projector::ProjectorState {
                    theme: model.projector_theme,
                    ..Default::default()
                }),
            };
        }
        Action::Capture => {
            model.mode = Mode::Capture(Box::default());
            model.draft_revision += 1;
        }
        Action::QueueSpeaker => match (model.session.active_item().map(|a| a.id), selected) {
            (Some(item), Some(person)) => {
                let changes = edit::queue_speaker(&model.session, item, person, now);
                commit(model, changes, now);
            }
            (None, _) => model.notice = Some(t("notice-no-active-item")),
            _ => {}
        },
        Action::NextSpeaker => {
            if model.session.active_item().is_none() {
                model.notice = Some(t("notice-no-active-item"));
            }
            let changes = edit::next_speaker(&model.session, now);
            commit(model, changes, now);
        }
        Action::EndTurn => {
            let changes = edit::end_turn(&model.session, now);
            commit(model, changes, now);
        }
        Action::Promote => {
            if let Some(id) = selected {
                let changes = edit::promote(&model.session, id, now);
                if changes.is_empty() {
                    model.notice = Some(t("notice-already-promoted"));
                } else {
                    commit(model, changes, now);
                    model.notice = Some(t("notice-promoted"));
                    ask_responsible(model, id);
                }
            }
        }
        Action::LinkNeed => {
            if let Some(FormKind::Proposal(p)) = selected.and_then(|id| edit_form(model, focus, id))
            {
                open_form(model, FormKind::Proposal(p));
                if let Mode::Form(form) = &mut model.mode {
                    form.focus(4);
                }
            }
        }
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
fn commit_agenda(model: &mut Model, changes: Vec<Change>, now: Timestamp) {
    let carried = edit::carried_speakers(&changes);
    commit(model, changes, now);
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
        let responsible = form.fields.iter().position(|f| f.label == "field-responsible");
        form.focus(responsible.unwrap_or(0));
    }
}

/// Keys while the projector is shown: slides and themes, plus what the
/// facilitator needs without leaving it (next item, speakers, quit).
fn projector_key(model: &mut Model, key: &KeyEvent, now: Timestamp) {
    let action = model.keymap.action_for(key, Pane::Agenda);
    match action {
        Some(Action::ToggleProjector) => model.projector = None,
        Some(
            a @ (Action::NextItem
            | Action::StartStop
            | Action::NextSpeaker
            | Action::EndTurn
            | Action::Quit
            | Action::Help),
        ) => {
            act(model, a, now);
        }
        _ if key.code == KeyCode::Esc => model.projector = None,
        _ => {
            if let Some(projector) = &mut model.projector {
                projector.handle_key(latin_code(key.code), now);
            }
        }
    }
}

/// Enter in the capture line: parse, apply, keep the line open for the next.
/// A refused line stays as typed, with what to do about it.
fn commit_capture(model: &mut Model, now: Timestamp) {
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
    commit(model, captured.changes, now);
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

fn submit_form(model: &mut Model, now: Timestamp) {
    let Mode::Form(form) = &mut model.mode else { return };
    // A name already listed is asked about once; the same name again adds.
    if let Some(existing) = form::duplicate_participant(form, &model.session) {
        let typed = existing.to_owned();
        if form.confirmed_name.as_deref() != Some(typed.as_str()) {
            form.confirmed_name = Some(typed.clone());
            form.focused = 0;
            form.error = Some((0, targs("form-duplicate-name", &[("name", typed.into())])));
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
            form.focus(field);
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
            commit(model, changes, now);
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
fn commit(model: &mut Model, mut changes: Vec<Change>, now: Timestamp) {
    if changes.is_empty() {
        return;
    }
    if refuse_read_only(model) {
        return;
    }
    model.session.stamp(&mut changes, now);
    model.pending.extend(changes.iter().cloned());
    let inverse = model.session.apply_all(changes);
    model.history.record(inverse);
    changed(model, now);
}

fn changed(model: &mut Model, now: Timestamp) {
    model.pending.push(Change::Touched(now));
    model.session.updated = now;
    model.save.revision += 1;
    model.rebuild_rows();
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
