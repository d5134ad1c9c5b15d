//! The needs board: grouped by settlement or category, most votes first.
//! Group headings span the whole pane, so "Ак-Жар — 2 потребности · 25
//! голосов" is never cut to fit a column.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::pane::fit;
use super::sanitize::safe;
use super::{pane, theme};
use crate::app::model::{Model, NeedGrouping, Pane};
use crate::app::rows::Row as PaneRow;
use crate::i18n::{t, targs};
use crate::labels;
use crate::model::NeedStatus;

const VOTES: usize = 5;

/// The votes column: wide enough for its header ("Голоса"), never cut.
fn votes_width() -> usize {
    unicode_width::UnicodeWidthStr::width(t("col-votes").as_str()).max(VOTES)
}

pub fn render(model: &Model, frame: &mut Frame, rect: Rect) {
    let grouping = match model.need_grouping {
        NeedGrouping::Settlement => t("needs-by-settlement"),
        NeedGrouping::Category => t("needs-by-category"),
    };
    let block = pane::block(model, Pane::Needs, grouping);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let width = usize::from(inner.width);
    let votes = votes_width();
    let details = (width / 4).clamp(8, 24).min(width.saturating_sub(votes + 2));
    let need = width.saturating_sub(votes + details + 2);
    // The last column shows what the grouping does not: named for it.
    let other_column = match model.need_grouping {
        NeedGrouping::Settlement => t("field-category"),
        NeedGrouping::Category => t("col-settlement"),
    };
    let state = model.pane(Pane::Needs);
    let range = pane::visible_range(model, Pane::Needs, rect);
    let first = range.start;
    let focused = model.focus == Pane::Needs;
    let mut lines = vec![Line::styled(
        format!(
            "{} {} {}",
            fit(&t("col-votes"), votes),
            fit(&t("col-need"), need),
            fit(&other_column, details)
        ),
        theme::header(),
    )];
    for (offset, row) in state.rows[range].iter().enumerate() {
        match row {
            PaneRow::Group { label, count, votes } => {
                let heading = targs(
                    "needs-group",
                    &[
                        ("name", safe(label).into_owned().into()),
                        ("count", (*count).into()),
                        ("votes", (*votes).into()),
                    ],
                );
                // Too long for the pane: the vote count goes, not half a word.
                let heading = super::wrap::shorten_phrases(&heading, width);
                lines.push(Line::styled(fit(&heading, width), theme::group()));
            }
            PaneRow::Item { index, .. } => {
                let Some(n) = model.session.needs.get(*index) else { continue };
                let other = match model.need_grouping {
                    NeedGrouping::Settlement => labels::category(&n.category),
                    NeedGrouping::Category => {
                        model.session.settlement_name(n.settlement).to_owned()
                    }
                };
                let shown = model.totals.need_status(n);
                let status = match shown {
                    NeedStatus::Open => String::new(),
                    s => format!(" {}", labels::need_status(s)),
                };
                let style = if focused && first + offset == state.selected {
                    theme::selected()
                } else if shown == NeedStatus::Open {
                    Style::new()
                } else {
                    theme::dim()
                };
                lines.push(Line::from(vec![Span::styled(
                    format!(
                        "{} {} {}",
                        fit(&format!("▲{}", n.votes), votes),
                        fit(&safe(&n.title), need),
                        fit(&format!("{}{status}", safe(&other)), details)
                    ),
                    style,
                )]));
            }
            PaneRow::Note { .. } => {}
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
