//! Views: everything drawn, from `&Model` only. One module per pane and
//! per overlay.

pub mod actions;
pub mod agenda;
pub mod capture;
pub mod dashboard;
pub mod detail;
pub mod form;
pub mod format;
pub mod help;
pub use crate::app::layout;
pub mod needs;
pub mod pane;
pub mod participants;
pub mod projector;
pub mod proposals;
pub mod sanitize;
pub mod speakers;
pub mod status_bar;
pub mod theme;
pub mod wrap;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Wrap};

use crate::app::model::{Mode, Model, Pane};
use crate::i18n::{t, targs};
use layout::Screen;

/// Draws the whole editor.
pub fn render(model: &Model, frame: &mut Frame) {
    let area = frame.area();
    if let Some(state) = &model.projector {
        let input = projector::ProjectorInput {
            session: &model.session,
            now: model.now,
            turn_limit: model.turn_limit,
            state,
            notice: model.save.error.as_deref(),
        };
        projector::render(&input, frame);
        match &model.mode {
            Mode::Help { scroll } => help::render(model, frame, area, *scroll),
            Mode::ConfirmQuit => render_confirm_quit(model, frame, area),
            _ => {}
        }
        return;
    }
    match layout::screen(area, model.focus) {
        Screen::TooSmall => {
            let text = targs(
                "too-small",
                &[("width", layout::MIN_WIDTH.into()), ("height", layout::MIN_HEIGHT.into())],
            );
            frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
            return;
        }
        Screen::Wide { panes, detail, status } => {
            for (pane, rect) in panes {
                render_pane(model, frame, pane, rect);
            }
            detail::render(model, frame, detail);
            status_bar::render(model, frame, status);
        }
        Screen::Narrow { tabs, pane: (pane, rect), detail, status } => {
            render_tabs(model, frame, tabs);
            render_pane(model, frame, pane, rect);
            detail::render(model, frame, detail);
            status_bar::render(model, frame, status);
        }
    }
    match &model.mode {
        Mode::Help { scroll } => help::render(model, frame, area, *scroll),
        Mode::Form(form) => form::render(form, frame, area),
        Mode::ConfirmQuit => render_confirm_quit(model, frame, area),
        Mode::Capture(line) => capture::render(model, line, frame, area),
        Mode::OfferDraft(draft) => render_offer_draft(model, draft, frame, area),
        Mode::OfferRecovery(recovered) => render_offer_recovery(model, recovered, frame, area),
        Mode::Normal | Mode::Filter(_) => {}
    }
}

fn render_pane(model: &Model, frame: &mut Frame, pane: Pane, rect: Rect) {
    match pane {
        Pane::Agenda => agenda::render(model, frame, rect),
        Pane::Participants => participants::render(model, frame, rect),
        Pane::Needs => needs::render(model, frame, rect),
        Pane::Actions => actions::render(model, frame, rect),
        Pane::Proposals => proposals::render(model, frame, rect),
    }
}

fn render_tabs(model: &Model, frame: &mut Frame, rect: Rect) {
    let mut spans = Vec::new();
    for pane in Pane::ALL {
        let label = format!(" {} {} ", pane.index() + 1, t(pane.title_id()));
        let style = if pane == model.focus {
            theme::border_focused().add_modifier(ratatui::style::Modifier::REVERSED)
        } else {
            theme::dim()
        };
        spans.push(Span::styled(label, style));
        spans.push(Span::raw(" "));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), rect);
}

fn render_confirm_quit(model: &Model, frame: &mut Frame, area: Rect) {
    let rect = layout::centered(area, 64, 7);
    frame.render_widget(Clear, rect);
    // Only the rewrite of the file failed: the edits are safe in the journal.
    let journal_only = model.save.error.is_none() && model.save.snapshot_error.is_some();
    let error = model.save.error.clone().or(model.save.snapshot_error.clone()).unwrap_or_default();
    let title = if journal_only { t("quit-file-behind") } else { t("quit-unsaved") };
    let text = vec![
        Line::styled(title, theme::title()),
        Line::from(sanitize::safe(&error).into_owned()),
        Line::from(""),
        Line::from(t("quit-confirm")),
    ];
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(theme::overrun());
    frame.render_widget(Paragraph::new(text).block(block).wrap(Wrap { trim: true }), rect);
}

/// The key that takes an offer back, as the key table has it.
fn take_key(model: &Model) -> String {
    use crate::app::{action::Action, keymap::Scope};
    model.keymap.label_in(Scope::Offer, Action::Confirm)
}

fn render_offer_draft(
    model: &Model,
    draft: &crate::app::draft::Draft,
    frame: &mut Frame,
    area: Rect,
) {
    let rect = layout::centered(area, 72, 7);
    frame.render_widget(Clear, rect);
    let text = vec![
        Line::styled(
            targs("draft-found", &[("time", format::hm(draft.saved).into())]),
            theme::title(),
        ),
        Line::from(sanitize::safe(&draft.preview()).into_owned()),
        Line::from(""),
        Line::from(targs("draft-choice", &[("key", take_key(model).into())])),
    ];
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(theme::border_focused());
    frame.render_widget(Paragraph::new(text).block(block).wrap(Wrap { trim: true }), rect);
}

fn render_offer_recovery(
    model: &Model,
    recovered: &crate::model::Session,
    frame: &mut Frame,
    area: Rect,
) {
    let rect = layout::centered(area, 72, 7);
    frame.render_widget(Clear, rect);
    let text = vec![
        Line::styled(
            targs("recovery-found", &[("time", format::clock(recovered.updated).into())]),
            theme::title(),
        ),
        Line::from(""),
        Line::from(targs("recovery-choice", &[("key", take_key(model).into())])),
    ];
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(theme::warning());
    frame.render_widget(Paragraph::new(text).block(block).wrap(Wrap { trim: true }), rect);
}
