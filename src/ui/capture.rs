//! The capture line: one input line at the bottom, above the status bar,
//! with tag candidates or the last capture's result above it. The panes
//! stay visible behind it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::sanitize::safe;
use super::theme;
use crate::app::capture_line::{CaptureLine, Feedback};
use crate::app::model::Model;
use crate::i18n::t;

pub fn render(model: &Model, line: &CaptureLine, frame: &mut Frame, area: Rect) {
    if area.height < 3 || area.width < 4 {
        return;
    }
    let input_row = Rect { x: area.x, y: area.bottom() - 2, width: area.width, height: 1 };
    let info_row = Rect { y: input_row.y - 1, ..input_row };
    frame.render_widget(Clear, info_row);
    frame.render_widget(Clear, input_row);

    // Why the last Enter was refused stays in front of any completion hint.
    let error = match &line.feedback {
        Some(Feedback::Error(text)) => Some(text.as_str()),
        _ => None,
    };
    let info = match (&line.completion, line.live_candidates(&model.session)) {
        (Some(c), _) => candidates_line(
            error,
            c.candidates.iter().map(String::as_str),
            c.applied.then_some(c.shown),
            c.numbered,
        ),
        (None, found) if !found.is_empty() => {
            candidates_line(error, found.into_iter(), None, false)
        }
        _ => match &line.feedback {
            Some(Feedback::Captured(text)) => {
                Line::styled(format!(" ✓ {}", safe(text)), theme::ok())
            }
            Some(Feedback::Error(text)) => {
                Line::styled(format!(" ⚠ {}", safe(text)), theme::overrun())
            }
            None => Line::styled(format!(" {}", t("capture-hint")), theme::dim()),
        },
    };
    frame.render_widget(Paragraph::new(info).style(theme::status_bar()), info_row);

    let prompt = " : ";
    let width = usize::from(area.width).saturating_sub(prompt.len() + 1).max(1);
    let scroll = line.input.visual_scroll(width);
    let shown: String = skip_columns(&safe(line.input.value()), scroll);
    frame.render_widget(
        Paragraph::new(Line::from(vec![Span::styled(prompt, theme::title()), Span::raw(shown)])),
        input_row,
    );
    let x = input_row.x as usize + prompt.len() + line.input.visual_cursor().saturating_sub(scroll);
    frame.set_cursor_position(((x as u16).min(input_row.right() - 1), input_row.y));
}

fn candidates_line<'a>(
    error: Option<&str>,
    names: impl Iterator<Item = &'a str>,
    shown: Option<usize>,
    numbered: bool,
) -> Line<'static> {
    let mut spans = Vec::new();
    if let Some(error) = error {
        spans.push(Span::styled(format!(" ⚠ {} ", safe(error)), theme::overrun()));
    }
    spans.push(Span::raw(" Tab: "));
    for (i, name) in names.take(9).enumerate() {
        let style = if Some(i) == shown { theme::selected() } else { theme::title() };
        // After a refused Enter, a digit picks: the numbers are the keys.
        if numbered && i < 9 {
            spans.push(Span::raw(format!("{} ", i + 1)));
        }
        spans.push(Span::styled(safe(name).into_owned(), style));
        spans.push(Span::raw("  "));
    }
    Line::from(spans)
}

/// `text` without its first `columns` display columns.
pub fn skip_columns(text: &str, columns: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    let mut skipped = 0;
    text.chars()
        .skip_while(|c| {
            if skipped >= columns {
                return false;
            }
            skipped += c.width().unwrap_or(0);
            true
        })
        .collect()
}
