//! The capture line: one input line at the bottom, above the status bar,
//! with tag candidates or the last capture's result above it (wrapped to
//! as many rows as it needs). The panes stay visible behind it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::sanitize::safe;
use super::theme;
use super::wrap::wrap;
use crate::app::capture_line::{CaptureLine, Feedback};
use crate::app::model::Model;
use crate::i18n::t;

pub fn render(model: &Model, line: &CaptureLine, frame: &mut Frame, area: Rect) {
    if area.height < 3 || area.width < 4 {
        return;
    }
    let input_row = Rect { x: area.x, y: area.bottom() - 2, width: area.width, height: 1 };
    let info = info_lines(model, line, usize::from(area.width));
    let info_height = (info.len() as u16).clamp(1, input_row.y - area.y);
    let info_area = Rect { y: input_row.y - info_height, height: info_height, ..input_row };
    frame.render_widget(Clear, info_area);
    frame.render_widget(Clear, input_row);
    frame.render_widget(Paragraph::new(info).style(theme::status_bar()), info_area);

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

/// How many rows the capture line takes above the status bar at `width`
/// columns: its wrapped info lines and the input row.
pub fn height(model: &Model, line: &CaptureLine, width: u16) -> u16 {
    info_lines(model, line, usize::from(width)).len() as u16 + 1
}

/// The rows above the input: why the last Enter was refused (in front of
/// any completion hint), the candidates, the last capture's result, or the
/// prefix hint. Messages wrap between words, never cut mid-word.
fn info_lines(model: &Model, line: &CaptureLine, width: usize) -> Vec<Line<'static>> {
    let error = match &line.feedback {
        Some(Feedback::Error(text)) => Some(text.as_str()),
        _ => None,
    };
    let message = |marker: &str, text: &str, style| -> Vec<Line<'static>> {
        wrap(&format!("{marker}{}", safe(text)), width.saturating_sub(2).max(1))
            .into_iter()
            .map(|l| Line::styled(format!(" {l}"), style))
            .collect()
    };
    let candidates = match (&line.completion, line.live_candidates(&model.session)) {
        (Some(c), _) => Some(candidates_line(
            c.candidates.iter().map(String::as_str),
            c.applied.then_some(c.shown),
            c.numbered,
        )),
        (None, found) if !found.is_empty() => Some(candidates_line(found.into_iter(), None, false)),
        _ => None,
    };
    let mut lines = error.map_or_else(Vec::new, |e| message("⚠ ", e, theme::overrun()));
    match candidates {
        Some(candidates) => lines.push(candidates),
        None if error.is_some() => {}
        None => lines.extend(match &line.feedback {
            Some(Feedback::Captured(text)) => message("✓ ", text, theme::ok()),
            _ => message("", &t("capture-hint"), theme::dim()),
        }),
    }
    lines
}

fn candidates_line<'a>(
    names: impl Iterator<Item = &'a str>,
    shown: Option<usize>,
    numbered: bool,
) -> Line<'static> {
    let mut spans = vec![Span::raw(" Tab: ")];
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
