//! Slide "action plan": the agreed actions (and those under way) with who
//! is responsible and by when.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{ProjectorInput, Theme};
use crate::i18n::{t, targs};
use crate::model::ActionStatus;
use crate::ui::sanitize::safe;

pub fn render(input: &ProjectorInput, theme: &Theme, frame: &mut Frame, area: Rect) {
    let s = input.session;
    let agreed = s
        .actions
        .iter()
        .filter(|a| matches!(a.status, ActionStatus::Agreed | ActionStatus::InProgress));
    let mut entries = Vec::new();
    let today = input.now.date_naive();
    for (i, a) in agreed.enumerate() {
        let what = Line::from(vec![
            Span::styled(format!("{:>2}. ", i + 1), theme.dim()),
            Span::styled(safe(&a.what).into_owned(), theme.title()),
        ]);
        let deadline =
            a.deadline.map_or_else(|| "—".to_owned(), |d| d.format("%d.%m.%Y").to_string());
        let mut who = vec![
            Span::raw("    "),
            Span::styled(safe(&a.responsible).into_owned(), theme.base()),
            // Word order is the language's: "до 28.02" but "28.02 чейин".
            Span::styled(
                format!("  · {}", targs("projector-due", &[("date", deadline.into())])),
                theme.dim(),
            ),
        ];
        if a.is_overdue(today) {
            who.push(Span::styled(format!("  ⚠ {}", t("overdue")), theme.base().fg(theme.over)));
        }
        entries.push(vec![what, Line::from(who)]);
    }
    let mut lines =
        vec![Line::styled(t("projector-actions-title"), theme.accent()), Line::from("")];
    if entries.is_empty() {
        lines.push(Line::styled(t("projector-no-actions"), theme.dim()));
    }
    let (fitted, hidden) = super::fit::fit(entries, area.width, area.height.saturating_sub(2));
    lines.extend(fitted);
    if hidden > 0 {
        lines.push(Line::styled(
            crate::i18n::targs("projector-more", &[("count", hidden.into())]),
            theme.dim(),
        ));
    }
    frame.render_widget(
        Paragraph::new(lines).style(theme.base()).wrap(ratatui::widgets::Wrap { trim: false }),
        area,
    );
}
