//! A form as a centred pop-up: label, value, and the validation message
//! under the field it is about.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph};

use super::sanitize::safe;
use super::{layout, theme};
use crate::app::form::{FieldValue, Form};
use crate::i18n::t;

const LABEL_WIDTH: usize = 20;

pub fn render(form: &Form, frame: &mut Frame, area: Rect) {
    // A long validation message wraps under its field, so the form grows.
    let error_rows = form.error.as_ref().map_or(0, |(_, message)| {
        let value_width = usize::from(area.width.min(90)).saturating_sub(LABEL_WIDTH + 4);
        error_lines(message, value_width).len().saturating_sub(1) as u16
    });
    let height = form.fields.len() as u16 + 5 + error_rows;
    let rect = layout::centered(area, 90, height);
    frame.render_widget(Clear, rect);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(theme::border_focused())
        .title(Line::styled(format!(" {} ", t(form.title)), theme::title()))
        .title_bottom(Line::styled(
            format!(
                " {} ",
                super::wrap::shorten_phrases(
                    &t("form-hint"),
                    usize::from(rect.width).saturating_sub(4)
                )
            ),
            theme::dim(),
        ));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let value_width = usize::from(inner.width).saturating_sub(LABEL_WIDTH + 2);
    let mut lines = Vec::new();
    let mut cursor = None;
    for (i, field) in form.fields.iter().enumerate() {
        let focused = i == form.focused;
        let label = format!("{}{}", t(field.label()), if field.required { " *" } else { "" });
        let label = format!("{label:>LABEL_WIDTH$}  ");
        let label_style = if focused { theme::border_focused() } else { theme::dim() };
        let (value, cursor_column) = value_text(&field.value, focused, value_width);
        if let Some(column) = cursor_column {
            cursor = Some((lines.len(), LABEL_WIDTH + 2 + column));
        }
        let selected = match &field.value {
            FieldValue::Text(i) | FieldValue::Number(i) | FieldValue::Date(i) => i.is_selected(),
            _ => false,
        };
        let value_style = if focused && selected {
            // Selected as a whole: what is typed replaces it.
            Style::new().add_modifier(ratatui::style::Modifier::REVERSED)
        } else if focused {
            Style::new().add_modifier(ratatui::style::Modifier::BOLD)
        } else {
            Style::new()
        };
        lines.push(Line::from(vec![
            Span::styled(label, label_style),
            Span::styled(value, value_style),
        ]));
        if let Some((_, message)) = form.error.as_ref().filter(|(f, _)| *f == field.id) {
            lines.extend(error_lines(message, value_width));
        }
    }
    frame.render_widget(
        Paragraph::new(lines),
        Rect { y: inner.y + 1, height: inner.height.saturating_sub(1), ..inner },
    );
    if let Some((line, column)) = cursor {
        let x = inner.x + column as u16;
        let y = inner.y + 1 + line as u16;
        if x < inner.right() && y < inner.bottom() {
            frame.set_cursor_position((x, y));
        }
    }
}

/// What a field shows and, for a focused text field, where the cursor is.
fn value_text(value: &FieldValue, focused: bool, width: usize) -> (String, Option<usize>) {
    match value {
        FieldValue::Text(input) | FieldValue::Number(input) | FieldValue::Date(input) => {
            let scroll = input.visual_scroll(width.max(1));
            let shown: String = super::capture::skip_columns(&safe(input.value()), scroll);
            let hint =
                if matches!(value, FieldValue::Date(_)) && input.value().is_empty() && focused {
                    t("form-date-hint")
                } else {
                    String::new()
                };
            (format!("{shown}{hint}"), focused.then(|| input.visual_cursor() - scroll))
        }
        FieldValue::Choice { labels, selected, new_entry, .. } => {
            let is_new = new_entry.is_some() && *selected + 1 == labels.len();
            let label = labels.get(*selected).map_or("", String::as_str);
            match new_entry.as_ref().filter(|_| is_new) {
                Some(entry) => {
                    let text = format!("‹ {label} › ");
                    let column = text.chars().count() + entry.visual_cursor();
                    (format!("{text}{}", safe(entry.value())), focused.then_some(column))
                }
                None if focused => (format!("‹ {} ›", safe(label)), None),
                None => (safe(label).into_owned(), None),
            }
        }
        FieldValue::Multi { labels, chosen, cursor, .. } => {
            let count = chosen.iter().filter(|c| **c).count();
            if labels.is_empty() {
                return (t("form-nothing-to-link"), None);
            }
            if focused {
                let mark = if chosen[*cursor] { "[x]" } else { "[ ]" };
                (format!("‹ {mark} {} › ({count}/{})", safe(&labels[*cursor]), labels.len()), None)
            } else {
                let names: Vec<&str> = labels
                    .iter()
                    .zip(chosen)
                    .filter(|(_, c)| **c)
                    .map(|(l, _)| l.as_str())
                    .collect();
                (
                    if names.is_empty() {
                        "—".to_owned()
                    } else {
                        safe(&names.join("; ")).into_owned()
                    },
                    None,
                )
            }
        }
        FieldValue::Toggle(on) => (
            format!("[{}] {}", if *on { "x" } else { " " }, t(if *on { "yes" } else { "no" })),
            None,
        ),
    }
}

/// A validation message under the value column, wrapped between words.
fn error_lines(message: &str, value_width: usize) -> Vec<Line<'static>> {
    super::wrap::wrap(&format!("⚠ {}", safe(message)), value_width.max(1))
        .into_iter()
        .map(|text| {
            Line::from(vec![
                Span::raw(" ".repeat(LABEL_WIDTH + 2)),
                Span::styled(text, theme::overrun()),
            ])
        })
        .collect()
}
