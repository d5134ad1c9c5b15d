//! The `?` overlay, generated from the key table that input handling uses.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Wrap};

use super::{layout, theme};
use crate::app::keymap::Scope;
use crate::app::model::{Model, Pane};
use crate::i18n::t;

/// Keys inside forms and the filter line (handled by the form itself).
pub const FORM_KEYS: [(&str, &str); 6] = [
    ("Tab / ↓", "help-form-next"),
    ("Shift-Tab / ↑", "help-form-prev"),
    ("← / →", "help-form-choose"),
    ("Space", "help-form-toggle"),
    ("Enter", "help-form-save"),
    ("Esc", "help-form-cancel"),
];

pub fn lines(model: &Model) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let sections = [
        (Scope::Global, t("help-section-global")),
        (Scope::Pane(Pane::Agenda), t(Pane::Agenda.title_id())),
        (Scope::Pane(Pane::Participants), t(Pane::Participants.title_id())),
        (Scope::Pane(Pane::Needs), t(Pane::Needs.title_id())),
        (Scope::Pane(Pane::Actions), t(Pane::Actions.title_id())),
        (Scope::Pane(Pane::Proposals), t(Pane::Proposals.title_id())),
    ];
    for (scope, title) in sections {
        // A pane whose keys all work everywhere has no section of its own.
        if !model.keymap.bindings.iter().any(|b| b.scope == scope) {
            continue;
        }
        lines.push(Line::styled(title, theme::group()));
        for binding in model.keymap.bindings.iter().filter(|b| b.scope == scope) {
            let keys = binding.keys.iter().map(|k| k.label()).collect::<Vec<_>>().join(" / ");
            lines.push(Line::from(vec![
                Span::styled(format!("  {keys:<16}"), theme::title()),
                Span::raw(t(binding.help)),
            ]));
        }
        lines.push(Line::from(""));
    }
    // The capture prefixes come from the parser's own table.
    lines.push(Line::styled(t("help-section-capture"), theme::group()));
    for (prefix, kind) in crate::capture::CaptureKind::PREFIXES {
        // The Cyrillic letter on the same key works as the prefix too.
        let twin = prefix.chars().next().and_then(crate::layout_keys::cyrillic_twin);
        let prefix = twin.map_or_else(|| prefix.to_owned(), |c| format!("{prefix} / {c}"));
        lines.push(Line::from(vec![
            Span::styled(format!("  : {prefix:<14}"), theme::title()),
            Span::raw(t(kind.help_id())),
        ]));
    }
    lines.push(Line::from(vec![
        Span::styled(format!("  {:<16}", "#… @…  Tab"), theme::title()),
        Span::raw(t("help-capture-tags")),
    ]));
    lines.push(Line::from(vec![
        Span::styled(format!("  {:<16}", "↑ / ↓"), theme::title()),
        Span::raw(t("help-capture-recall")),
    ]));
    lines.push(Line::from(""));
    lines.push(Line::styled(t("help-section-form"), theme::group()));
    for (keys, help) in FORM_KEYS {
        lines.push(Line::from(vec![
            Span::styled(format!("  {keys:<16}"), theme::title()),
            Span::raw(t(help)),
        ]));
    }
    lines
}

fn help_rect(area: Rect) -> Rect {
    layout::centered(area, 96, area.height.saturating_sub(2).max(3))
}

/// Rows `line` takes when word-wrapped to `width` columns, greedily as the
/// paragraph wraps it.
fn wrapped_rows(line: &Line, width: usize) -> usize {
    use unicode_width::UnicodeWidthStr;
    let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    let width = width.max(1);
    let (mut rows, mut used) = (1, 0);
    for word in text.split_inclusive(' ') {
        let w = word.trim_end().width();
        if used > 0 && used + w > width {
            rows += 1;
            used = 0;
        }
        used += word.width();
        while used > width {
            rows += 1;
            used -= width;
        }
    }
    rows
}

/// The furthest the help can scroll on this screen: its last line at the
/// bottom of the box.
pub fn max_scroll(model: &Model) -> u16 {
    let rect = help_rect(model.screen);
    let (width, height) = (rect.width.saturating_sub(2), rect.height.saturating_sub(2));
    let rows: usize = lines(model).iter().map(|l| wrapped_rows(l, usize::from(width))).sum();
    u16::try_from(rows.saturating_sub(usize::from(height))).unwrap_or(u16::MAX)
}

pub fn render(model: &Model, frame: &mut Frame, area: Rect, scroll: u16) {
    let rect = help_rect(area);
    frame.render_widget(Clear, rect);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(theme::border_focused())
        .title(Line::styled(format!(" {} ", t("help-title")), theme::title()))
        .title_bottom(Line::styled(format!(" {} ", t("help-close")), theme::dim()));
    let paragraph = Paragraph::new(lines(model)).wrap(Wrap { trim: false });
    frame.render_widget(paragraph.block(block).scroll((scroll, 0)), rect);
}
