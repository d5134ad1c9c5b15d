//! The agenda pane: items with status, elapsed against planned time, and
//! the projected end of the meeting.

use chrono::TimeDelta;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Row, Table};

use super::sanitize::safe;
use super::{format, pane, theme};
use crate::app::model::{Model, Pane};
use crate::app::rows::Row as PaneRow;
use crate::i18n::{t, targs};

use crate::model::{AgendaItem, AgendaStatus, Timestamp};

/// When the meeting will end if the active item runs to plan and every
/// pending item takes its planned time: now + what remains.
pub fn projected_end(model: &Model) -> Timestamp {
    let remaining_active = model
        .totals
        .active_item
        .and_then(|i| model.session.agenda.get(i))
        .map_or(TimeDelta::zero(), |a| (a.planned() - a.elapsed(model.now)).max(TimeDelta::zero()));
    let pending = TimeDelta::minutes(i64::try_from(model.totals.pending_minutes).unwrap_or(0));
    model.now + remaining_active + pending
}

fn symbol(status: AgendaStatus) -> &'static str {
    match status {
        AgendaStatus::Pending => "·",
        AgendaStatus::Active => "▶",
        AgendaStatus::Done => "✓",
        AgendaStatus::Skipped => "⤼",
    }
}

/// "12:05 / 15′", with "+2:10" when over the plan.
pub fn timing(item: &AgendaItem, now: Timestamp) -> (String, Option<String>) {
    let elapsed = item.elapsed(now);
    let planned = format::minutes(u64::from(item.planned_minutes));
    let shown = if item.runs.is_empty() {
        planned
    } else {
        format!("{} / {planned}", format::duration(elapsed))
    };
    let over = (elapsed > item.planned())
        .then(|| format!("+{}", format::duration(elapsed - item.planned())));
    (shown, over)
}

/// The colour stage of an item's timer: its elapsed time against its plan.
pub fn item_timer(item: &AgendaItem, now: Timestamp) -> ratatui::style::Style {
    theme::timer(item.elapsed(now).num_seconds(), item.planned().num_seconds())
}

pub fn render(model: &Model, frame: &mut Frame, rect: Rect) {
    let extra = targs(
        "agenda-summary",
        &[
            ("planned", format::minutes(model.totals.planned_minutes).into()),
            ("end", format::hm(projected_end(model)).into()),
        ],
    );
    let block = pane::block(model, Pane::Agenda, String::new());
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    if inner.height == 0 {
        return;
    }
    frame.render_widget(
        Paragraph::new(Line::styled(extra, theme::dim())),
        Rect { height: 1, ..inner },
    );
    let footer = super::layout::speaker_lines(inner.height);
    let table_area = Rect { y: inner.y + 1, height: inner.height - 1 - footer, ..inner };
    if footer > 0 {
        let speakers = Rect { y: inner.bottom() - footer, height: footer, ..inner };
        super::speakers::render(model, frame, speakers);
    }
    let state = model.pane(Pane::Agenda);
    let focused = model.focus == Pane::Agenda;
    let time_width = time_width(model, rect);
    let with_presenter = table_area.width >= 70;
    let visible = pane::visible_range(model, Pane::Agenda, rect);
    let first = visible.start;
    let rows = state.rows[visible].iter().enumerate().filter_map(|(offset, row)| {
        let PaneRow::Item { index, .. } = row else { return None };
        let item = model.session.agenda.get(*index)?;
        let highlighted = focused && first + offset == state.selected;
        Some(item_row(item, model.now, highlighted, with_presenter))
    });
    let (header, widths) = columns(with_presenter, time_width);
    let table =
        Table::new(rows, widths).header(Row::new(header).style(theme::header())).column_spacing(1);
    frame.render_widget(table, table_area);
}

/// The time column is as wide as the widest time shown, so titles get the
/// rest of the pane.
fn time_width(model: &Model, rect: Rect) -> u16 {
    model.pane(Pane::Agenda).rows[pane::visible_range(model, Pane::Agenda, rect)]
        .iter()
        .filter_map(|row| match row {
            PaneRow::Item { index, .. } => model.session.agenda.get(*index),
            _ => None,
        })
        .map(|item| {
            let (time, over) = timing(item, model.now);
            let over = over.map_or(0, |o| o.chars().count() + 1);
            time.chars().count() + over
        })
        .chain([t("col-time").chars().count()])
        .max()
        .unwrap_or(0) as u16
}

/// One agenda item's row: status symbol, title, presenter (on a wide
/// pane) and time, styled by its status or as the selection.
fn item_row(
    item: &AgendaItem,
    now: Timestamp,
    highlighted: bool,
    with_presenter: bool,
) -> Row<'static> {
    let (time, over) = timing(item, now);
    let base = match item.status {
        AgendaStatus::Active => theme::active(),
        AgendaStatus::Done | AgendaStatus::Skipped => theme::dim(),
        AgendaStatus::Pending => ratatui::style::Style::new(),
    };
    // The running item's timer takes the projector's colour stages.
    let time = match item.status {
        AgendaStatus::Active => Span::styled(time, item_timer(item, now)),
        _ => Span::raw(time),
    };
    let mut time_spans = vec![time];
    if let Some(over) = over {
        time_spans.push(Span::styled(format!(" {over}"), theme::overrun()));
    }
    let style = if highlighted { theme::selected() } else { base };
    let mut cells =
        vec![Line::from(symbol(item.status)), Line::from(safe(&item.title).into_owned())];
    if with_presenter {
        cells.push(Line::styled(safe(&item.presenter).into_owned(), theme::dim()));
    }
    cells.push(Line::from(time_spans));
    Row::new(cells).style(style)
}

/// The header and widths of the agenda table.
fn columns(with_presenter: bool, time_width: u16) -> (Vec<String>, Vec<Constraint>) {
    if with_presenter {
        (
            vec![String::new(), t("col-item"), t("col-presenter"), t("col-time")],
            vec![
                Constraint::Length(1),
                Constraint::Fill(3),
                Constraint::Fill(1),
                Constraint::Length(time_width),
            ],
        )
    } else {
        (
            vec![String::new(), t("col-item"), t("col-time")],
            vec![Constraint::Length(1), Constraint::Fill(1), Constraint::Length(time_width)],
        )
    }
}
