//! The needs board: grouped by settlement or category, most votes first.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Row, Table};

use super::sanitize::safe;
use super::{pane, theme};
use crate::app::model::{Model, NeedGrouping, Pane};
use crate::app::rows::Row as PaneRow;
use crate::i18n::t;
use crate::labels;
use crate::model::NeedStatus;

pub fn render(model: &Model, frame: &mut Frame, rect: Rect) {
    let grouping = match model.need_grouping {
        NeedGrouping::Settlement => t("needs-by-settlement"),
        NeedGrouping::Category => t("needs-by-category"),
    };
    let block = pane::block(model, Pane::Needs, grouping);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let state = model.pane(Pane::Needs);
    let range = pane::visible_range(model, Pane::Needs, rect);
    let first = range.start;
    let focused = model.focus == Pane::Needs;
    let rows = state.rows[range].iter().enumerate().filter_map(|(offset, row)| match row {
        PaneRow::Group { label, count } => Some(
            Row::new(vec![
                Line::from(""),
                Line::from(format!("{} ({count})", safe(label))),
                Line::from(""),
            ])
            .style(theme::group()),
        ),
        PaneRow::Item { index, .. } => {
            let n = model.session.needs.get(*index)?;
            let other = match model.need_grouping {
                NeedGrouping::Settlement => labels::category(&n.category),
                NeedGrouping::Category => model.session.settlement_name(n.settlement).to_owned(),
            };
            let status = match n.status {
                NeedStatus::Open => String::new(),
                s => labels::need_status(s),
            };
            let style = if focused && first + offset == state.selected {
                theme::selected()
            } else if n.status == NeedStatus::Open {
                Style::new()
            } else {
                theme::dim()
            };
            Some(
                Row::new(vec![
                    Line::from(format!("▲{}", n.votes)),
                    Line::from(safe(&n.title).into_owned()),
                    Line::from(format!("{} {status}", safe(&other))),
                ])
                .style(style),
            )
        }
        PaneRow::Note { .. } => None,
    });
    let header =
        Row::new(vec![t("col-votes"), t("col-need"), t("col-details")]).style(theme::header());
    let table = Table::new(rows, [Constraint::Length(5), Constraint::Fill(2), Constraint::Fill(1)])
        .header(header)
        .column_spacing(1);
    frame.render_widget(table, inner);
}
