//! The bottom line: session, clock, the running item, and whether the
//! screen's content is on disk. The right part always fits; the title
//! takes what is left. Problems and notices too long for the line are
//! wrapped above it.

use super::wrap::wrap;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::sanitize::safe;
use super::{agenda, format, theme};
use crate::app::model::{Mode, Model};
use crate::i18n::{t, targs};

pub fn render(model: &Model, frame: &mut Frame, rect: Rect) {
    if let Mode::Filter(input) = &model.mode {
        render_filter(input, frame, rect);
        return;
    }
    let mut right = vec![Span::raw(format!(
        " {} · {} ",
        model.session.date.format("%d.%m.%Y"),
        format::clock(model.now)
    ))];
    if let Some(item) = model.totals.active_item.and_then(|i| model.session.agenda.get(i)) {
        let (time, over) = agenda::timing(item, model.now);
        right.push(Span::styled(format!("· ▶ {time} "), agenda::item_timer(item, model.now)));
        if let Some(over) = over {
            right.push(Span::styled(format!("{over} {} ", t("over")), theme::overrun()));
        }
    }
    // Problems and notices are messages: on the bar when they fit whole,
    // else wrapped above it, never cut mid-word.
    let mut messages = Vec::new();
    match save_state(model) {
        (state, false) => right.push(state),
        (alert, true) => messages.push(alert),
    }
    if let Some(notice) = &model.notice {
        messages.push(Span::styled(format!(" {} ", safe(notice)), theme::warning()));
    }
    let hint = Span::styled(format!(" {} ", t("status-hint")), theme::dim());
    let messages_width: usize = messages.iter().map(Span::width).sum();
    let bar_width = Line::from(right.clone()).width() + hint.width();
    if bar_width + messages_width <= usize::from(rect.width) {
        right.extend(messages);
    } else {
        // The capture line takes the rows above the bar.
        let below = match &model.mode {
            Mode::Capture(line) => super::capture::height(model, line, rect.width),
            _ => 0,
        };
        render_messages(&messages, frame, rect, below);
    }
    right.push(hint);
    let right = Line::from(right);
    let right_width = (right.width() as u16).min(rect.width);
    let [left_area, right_area] =
        Layout::horizontal([Constraint::Min(0), Constraint::Length(right_width)]).areas(rect);
    // Who else writes comes first: a long title gives way to it.
    let mut left = presence(model);
    left.push(Span::styled(format!(" {}", safe(&model.session.title)), theme::title()));
    frame.render_widget(Paragraph::new(Line::from(left)), left_area);
    frame.render_widget(Paragraph::new(right), right_area);
}

/// How long without an edit before another writer is shown as idle.
const IDLE_AFTER_SECONDS: i64 = 60;

/// The other editors of this session: name and the time of their last
/// edit, or "idle" after a minute without one.
fn presence(model: &Model) -> Vec<Span<'static>> {
    if model.others.is_empty() {
        return Vec::new();
    }
    let people: Vec<String> = model
        .others
        .iter()
        .map(|p| {
            let who = safe(&p.who).into_owned();
            match p.last_acted {
                Some(at) if (model.now - at).num_seconds() <= IDLE_AFTER_SECONDS => targs(
                    "presence-active",
                    &[("who", who.into()), ("time", format::clock(at).into())],
                ),
                _ => targs("presence-idle", &[("who", who.into())]),
            }
        })
        .collect();
    vec![Span::styled(format!(" ✎ {} ·", people.join(", ")), theme::dim())]
}

/// Messages too long for the bar, word-wrapped just above it (over the
/// bottom of the panes; `below` rows higher when something else is drawn
/// there) in their own style. With too little room the first lines are
/// kept.
fn render_messages(messages: &[Span], frame: &mut Frame, bar: Rect, below: u16) {
    let width = usize::from(bar.width).saturating_sub(2).max(1);
    let lines: Vec<Line> = messages
        .iter()
        .flat_map(|message| {
            wrap(message.content.trim(), width)
                .into_iter()
                .map(|text| Line::styled(format!(" {text} "), message.style))
        })
        .collect();
    let bottom = bar.y.saturating_sub(below);
    let height = (lines.len() as u16).min(bottom.saturating_sub(frame.area().y));
    if height == 0 {
        return;
    }
    let area = Rect::new(bar.x, bottom - height, bar.width, height);
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines), area);
}

fn render_filter(input: &crate::app::text_input::TextInput, frame: &mut Frame, rect: Rect) {
    let label = format!(" {}: ", t("filter-prompt"));
    let label_width = label.chars().count();
    let width = usize::from(rect.width).saturating_sub(label_width + 1);
    let scroll = input.visual_scroll(width.max(1));
    let line = Line::from(vec![
        Span::styled(label, theme::title()),
        Span::raw(safe(input.value()).into_owned()),
    ]);
    frame.render_widget(Paragraph::new(line), rect);
    let x = rect.x as usize + label_width + input.visual_cursor().saturating_sub(scroll);
    let x = (x as u16).min(rect.right().saturating_sub(1));
    frame.set_cursor_position((x, rect.y));
}

/// What the bar says about saving, and whether it is an alert (a problem
/// the user must see whole) rather than the usual short state.
fn save_state(model: &Model) -> (Span<'static>, bool) {
    let state = short_save_state(model);
    let alert =
        model.read_only.is_some() || model.save.diverted_to.is_some() || model.save.error.is_some();
    (state, alert)
}

fn short_save_state(model: &Model) -> Span<'static> {
    let save = &model.save;
    if let Some(holder) = &model.read_only {
        return Span::styled(
            format!(
                " {} ",
                targs("status-read-only", &[("holder", safe(holder).into_owned().into())])
            ),
            theme::error(),
        );
    }
    if let Some(kept_in) = &save.diverted_to {
        return Span::styled(
            format!(
                " {} ",
                targs("status-diverted", &[("file", safe(kept_in).into_owned().into())])
            ),
            theme::error(),
        );
    }
    if save.error.is_none()
        && let Some(error) = &save.snapshot_error
    {
        return Span::styled(
            format!(
                " {} ",
                targs("status-snapshot-failed", &[("error", safe(error).into_owned().into())])
            ),
            theme::error(),
        );
    }
    if let Some(error) = &save.error {
        return Span::styled(
            format!(" {} ", targs("save-failed", &[("error", safe(error).into_owned().into())])),
            theme::error(),
        );
    }
    if save.is_dirty() {
        return Span::styled(format!("· {} ", t("save-pending")), theme::warning());
    }
    match save.saved_at {
        Some(at) => Span::styled(
            format!("· {} ", targs("saved-at", &[("time", format::clock(at).into())])),
            theme::ok(),
        ),
        None => Span::styled(format!("· {} ", t("save-unchanged")), theme::dim()),
    }
}
