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
    let block = pane::block(model, Pane::Participants, String::new());
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
        Some(
            Row::new(vec![
                Line::from(if p.present { "✓" } else { "·" }),
                Line::from(safe(&p.name).into_owned()),
                Line::from(labels::group_short(p.group)),
                Line::from(safe(model.session.settlement_name(p.settlement)).into_owned()),
                Line::from(safe(&p.organisation).into_owned()),
            ])
            .style(style),
        )
    });
    let header = Row::new(vec![
        String::new(),
        t("col-name"),
        t("col-group"),
        t("col-settlement"),
        t("col-organisation"),
    ])
    .style(theme::header());
    let table = Table::new(
        rows,
        [
            Constraint::Length(1),
            Constraint::Fill(3),
            Constraint::Length(10),
            Constraint::Fill(2),
            Constraint::Fill(3),
        ],
    )
    .header(header)
    .column_spacing(1);
    frame.render_widget(table, table_area);
}
