//! The action plan: what, who, by when, status, linked needs, funding,
//! indicator. Overdue rows are marked with "!" as well as colour.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Row, Table};

use super::sanitize::safe;
use super::{pane, theme};
use crate::app::model::{Model, Pane};
use crate::app::rows::Row as PaneRow;
use crate::i18n::t;
use crate::labels;
use crate::model::ActionStatus;

pub fn render(model: &Model, frame: &mut Frame, rect: Rect) {
    let block = pane::block(model, Pane::Actions, String::new());
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let state = model.pane(Pane::Actions);
    let range = pane::visible_range(model, Pane::Actions, rect);
    let first = range.start;
    let focused = model.focus == Pane::Actions;
    let today = model.now.date_naive();
    // Fewer columns on a narrow screen, so the action itself stays readable.
    let columns = match inner.width {
        0..90 => 4,
        90..130 => 5,
        _ => 7,
    };
    let rows = state.rows[range].iter().enumerate().filter_map(|(offset, row)| {
        let PaneRow::Item { index, .. } = row else { return None };
        let a = model.session.actions.get(*index)?;
        let overdue = a.is_overdue(today);
        let deadline = match a.deadline {
            Some(d) if overdue => {
                Line::from(Span::styled(format!("!{}", d.format("%d.%m.%Y")), theme::overrun()))
            }
            Some(d) => Line::from(d.format("%d.%m.%Y").to_string()),
            None => Line::from("—"),
        };
        let needs = a
            .needs
            .iter()
            .filter_map(|id| model.session.need(*id))
            .map(|n| n.title.as_str())
            .collect::<Vec<_>>()
            .join("; ");
        let style = if focused && first + offset == state.selected {
            theme::selected()
        } else if matches!(a.status, ActionStatus::Done | ActionStatus::Dropped) {
            theme::dim()
        } else {
            Style::new()
        };
        let mut cells = vec![
            Line::from(safe(&a.what).into_owned()),
            Line::from(safe(&a.responsible).into_owned()),
            deadline,
            Line::from(labels::action_status(a.status)),
            Line::from(safe(&needs).into_owned()),
            Line::from(safe(&a.funding).into_owned()),
            Line::from(safe(&a.indicator).into_owned()),
        ];
        cells.truncate(columns);
        Some(Row::new(cells).style(style))
    });
    let mut header = vec![
        t("col-action"),
        t("col-responsible"),
        t("col-deadline"),
        t("col-status"),
        t("col-needs"),
        t("col-funding"),
        t("col-indicator"),
    ];
    header.truncate(columns);
    let mut widths = vec![
        Constraint::Fill(4),
        Constraint::Fill(2),
        Constraint::Length(11),
        Constraint::Length(11),
        Constraint::Fill(2),
        Constraint::Fill(2),
        Constraint::Fill(2),
    ];
    widths.truncate(columns);
    let table =
        Table::new(rows, widths).header(Row::new(header).style(theme::header())).column_spacing(1);
    frame.render_widget(table, inner);
}
