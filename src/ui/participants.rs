//! The participant list: who is here, for whom they speak, from where.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Row, Table};

use super::sanitize::safe;
use super::{pane, theme};
use crate::app::model::{Model, Pane};
use crate::app::rows::Row as PaneRow;
use crate::i18n::{t, targs};
use crate::labels;
use crate::model::StakeholderGroup;

pub fn render(model: &Model, frame: &mut Frame, rect: Rect) {
    let count = targs("participants-count", &[("count", model.session.participants.len().into())]);
    let block = pane::block(model, Pane::Participants, count);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    if inner.height == 0 {
        return;
    }
    let totals = &model.totals;
    let mut summary = targs(
        "participants-present",
        &[("present", totals.present.into()), ("total", model.session.participants.len().into())],
    );
    for (group, count) in StakeholderGroup::ALL.iter().zip(totals.present_by_group) {
        if count > 0 {
            summary.push_str(&format!(" · {} {count}", labels::group_short(*group)));
        }
    }
    frame.render_widget(
        Paragraph::new(Line::styled(summary, theme::dim())),
        Rect { height: 1, ..inner },
    );
    let table_area = Rect { y: inner.y + 1, height: inner.height - 1, ..inner };
    let state = model.pane(Pane::Participants);
    let range = pane::visible_range(model, Pane::Participants, rect);
    let first = range.start;
    let focused = model.focus == Pane::Participants;
    // The organisation only when there is room for it beside a full name.
    let compact = table_area.width < 56;
    let rows = state.rows[range].iter().enumerate().filter_map(|(offset, row)| {
        let PaneRow::Item { index, .. } = row else { return None };
        let p = model.session.participants.get(*index)?;
        let style = if focused && first + offset == state.selected {
            theme::selected()
        } else if p.present {
            ratatui::style::Style::new()
        } else {
            theme::dim()
        };
        let settlement = safe(model.session.settlement_name(p.settlement)).into_owned();
        let mark = Line::from(if p.present { "✓" } else { "·" });
        let name = Line::from(safe(&p.name).into_owned());
        let cells = if compact {
            // One column for "who they speak for": the settlement if any.
            let who = if settlement.is_empty() { labels::group_short(p.group) } else { settlement };
            vec![mark, name, Line::from(who)]
        } else {
            vec![
                mark,
                name,
                Line::from(labels::group_short(p.group)),
                Line::from(settlement),
                Line::from(safe(&p.organisation).into_owned()),
            ]
        };
        Some(Row::new(cells).style(style))
    });
    let (header, widths) = columns(compact);
    let table =
        Table::new(rows, widths).header(Row::new(header).style(theme::header())).column_spacing(1);
    frame.render_widget(table, table_area);
}

/// The header and widths of the participants table: name and who they
/// speak for on a narrow pane, every column on a wide one.
fn columns(compact: bool) -> (Vec<String>, Vec<Constraint>) {
    if compact {
        (
            vec![String::new(), t("col-name"), t("col-from")],
            vec![Constraint::Length(1), Constraint::Fill(1), Constraint::Length(11)],
        )
    } else {
        (
            vec![
                String::new(),
                t("col-name"),
                t("col-group"),
                t("col-settlement"),
                t("col-organisation"),
            ],
            vec![
                Constraint::Length(1),
                Constraint::Fill(3),
                Constraint::Length(10),
                Constraint::Length(11),
                Constraint::Fill(3),
            ],
        )
    }
}
