//! The proposals view: proposals, decisions, parking-lot items and the
//! facilitator's private notes, grouped by the agenda item they were said
//! under. Private notes are marked and never leave the editor.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Row, Table};

use super::sanitize::safe;
use super::{format, pane, theme};
use crate::app::model::{Model, Pane};
use crate::app::rows::Row as PaneRow;
use crate::i18n::t;
use crate::model::ProposalKind;

/// The kind's one-letter badge in the interface language ("Р" for
/// решение), so a Russian screen shows no Latin letters for kinds.
fn badge(kind: ProposalKind) -> String {
    t(match kind {
        ProposalKind::Proposal => "kind-badge-proposal",
        ProposalKind::Decision => "kind-badge-decision",
        ProposalKind::ParkingLot => "kind-badge-parking-lot",
    })
}

pub fn render(model: &Model, frame: &mut Frame, rect: Rect) {
    // The key hint in the title loses whole phrases, not a word's tail.
    let room =
        usize::from(rect.width).saturating_sub(t(Pane::Proposals.title_id()).chars().count() + 10);
    let keys = super::wrap::shorten_phrases(&t("proposals-keys"), room);
    let block = pane::block(model, Pane::Proposals, keys);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let state = model.pane(Pane::Proposals);
    let range = pane::visible_range(model, Pane::Proposals, rect);
    let first = range.start;
    let s = &model.session;
    let rows = state.rows[range].iter().enumerate().map(|(offset, row)| {
        let selected = first + offset == state.selected;
        let style = |base: Style| if selected { theme::selected() } else { base };
        match row {
            PaneRow::Group { label, count, .. } => Row::new(vec![
                Line::from(""),
                Line::from(""),
                Line::from(format!("({count}) {}", safe(label))),
            ])
            .style(theme::group()),
            PaneRow::Item { index, .. } => {
                let Some(p) = s.proposals.get(*index) else { return Row::new(Vec::<Line>::new()) };
                let promoted = s.actions.iter().any(|a| a.origin == Some(p.id));
                let mut extra = Vec::new();
                if let Some(need) = p.need.and_then(|id| s.need(id)) {
                    extra.push(format!("→ {}", need.title));
                }
                if promoted {
                    extra.push(t("proposal-promoted"));
                }
                let base =
                    if p.kind == ProposalKind::Decision { theme::title() } else { Style::new() };
                Row::new(vec![
                    Line::from(format::hm(p.time)),
                    Line::from(format!("[{}]", badge(p.kind))),
                    Line::from(safe(&p.text).into_owned()),
                    Line::from(safe(s.participant_name(p.author)).into_owned()),
                    Line::from(safe(&extra.join(" · ")).into_owned()),
                ])
                .style(style(base))
            }
            PaneRow::Note { index, .. } => {
                let Some(n) = s.private_notes.get(*index) else {
                    return Row::new(Vec::<Line>::new());
                };
                Row::new(vec![
                    Line::from(format::hm(n.updated)),
                    Line::from("[!]"),
                    Line::from(safe(&n.text).into_owned()),
                    Line::from(t("private-note")),
                    Line::from(""),
                ])
                .style(style(theme::warning()))
            }
        }
    });
    let header = Row::new(vec![
        t("col-time"),
        t("col-kind"),
        t("col-text"),
        t("col-author"),
        t("col-links"),
    ])
    .style(theme::header());
    let widths = [
        Constraint::Length(5),
        Constraint::Length(4),
        Constraint::Fill(4),
        Constraint::Fill(1),
        Constraint::Fill(2),
    ];
    frame.render_widget(Table::new(rows, widths).header(header).column_spacing(1), inner);
}
