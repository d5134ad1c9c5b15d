//! What every pane shares: the bordered block with its number and title,
//! and the visible page of rows.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders};

use super::{layout, theme};
use crate::app::model::{Model, Pane};
use crate::i18n::t;

pub fn block(model: &Model, pane: Pane, extra: String) -> Block<'static> {
    let focused = model.focus == pane;
    let filter = &model.pane(pane).filter;
    let mut title = vec![
        Span::styled(format!(" {} ", pane.index() + 1), theme::dim()),
        Span::styled(format!("{} ", t(pane.title_id())), theme::title()),
    ];
    if !extra.is_empty() {
        title.push(Span::styled(format!("{extra} "), theme::dim()));
    }
    if !filter.is_empty() {
        title.push(Span::styled(format!("/{} ", super::sanitize::safe(filter)), theme::warning()));
    }
    Block::new()
        .borders(Borders::ALL)
        .border_type(if focused { BorderType::Thick } else { BorderType::Rounded })
        .border_style(if focused { theme::border_focused() } else { theme::border() })
        .title(Line::from(title))
}

/// The range of rows on screen for a pane drawn in `rect`.
pub fn visible_range(model: &Model, pane: Pane, rect: Rect) -> std::ops::Range<usize> {
    let state = model.pane(pane);
    let height = usize::from(layout::list_area(rect, pane).height);
    let start = layout::page_offset(state.selected, height).min(state.rows.len());
    start..(start + height).min(state.rows.len())
}

/// `text` cut or padded to exactly `width` display columns.
pub fn fit(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.extend(std::iter::repeat_n(' ', width - used));
    out
}
