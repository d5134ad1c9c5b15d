//! Slide "needs": the open needs with most votes, settlement by settlement.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{ProjectorInput, Theme};
use crate::i18n::t;
use crate::model::{Id, Need, NeedStatus};
use crate::ui::sanitize::safe;

pub fn render(input: &ProjectorInput, theme: &Theme, frame: &mut Frame, area: Rect) {
    let s = input.session;
    let mut open: Vec<&Need> = s.needs.iter().filter(|n| n.status == NeedStatus::Open).collect();
    open.sort_by(|a, b| b.votes.cmp(&a.votes).then(a.title.cmp(&b.title)));
    // Settlements in the order of their best need.
    let mut order: Vec<Option<Id>> = Vec::new();
    for n in &open {
        if !order.contains(&n.settlement) {
            order.push(n.settlement);
        }
    }
    // Needs with no settlement come after every named place.
    order.sort_by_key(Option::is_none);
    let per_settlement = if area.height >= 30 { 3 } else { 2 };
    let mut entries = Vec::new();
    for settlement in order {
        let name = s.settlement_name(settlement);
        let name = if name.is_empty() { t("no-settlement") } else { safe(name).into_owned() };
        let mut entry = vec![Line::styled(name, theme.title())];
        for n in open.iter().filter(|n| n.settlement == settlement).take(per_settlement) {
            // A long need wraps under its own text, not under the votes.
            let votes = format!("  ▲{:<4}", n.votes);
            let indent = votes.chars().count();
            let text_width = usize::from(area.width).saturating_sub(indent).max(8);
            let wrapped = crate::ui::wrap::wrap(&safe(&n.title), text_width);
            for (i, text) in wrapped.into_iter().enumerate() {
                let lead = if i == 0 {
                    Span::styled(votes.clone(), theme.accent())
                } else {
                    Span::raw(" ".repeat(indent))
                };
                entry.push(Line::from(vec![lead, Span::styled(text, theme.base())]));
            }
        }
        entries.push(entry);
    }
    let mut lines = vec![Line::styled(t("projector-needs-title"), theme.accent()), Line::from("")];
    let (fitted, hidden) = super::fit::fit(entries, area.width, area.height.saturating_sub(2));
    lines.extend(fitted);
    if hidden > 0 {
        lines.push(Line::styled(
            crate::i18n::targs("projector-more-places", &[("count", hidden.into())]),
            theme.dim(),
        ));
    }
    frame.render_widget(
        Paragraph::new(lines).style(theme.base()).wrap(ratatui::widgets::Wrap { trim: false }),
        area,
    );
}
