//! The projector: what the room reads from 5–10 metres. Three slides —
//! now (agenda, timer, speaker), needs, action plan — drawn from a session
//! and the time alone. Private notes are never read here.

mod actions;
mod fit;
mod needs;
mod now;
pub mod theme;

use chrono::TimeDelta;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};

pub use crate::app::projector::{ProjectorState, Slide};
use crate::i18n::t;
use crate::model::{Session, Timestamp};
pub use theme::{Theme, ThemeName};

/// What a projector frame is drawn from.
pub struct ProjectorInput<'a> {
    pub session: &'a Session,
    pub now: Timestamp,
    pub turn_limit: i64,
    pub state: &'a ProjectorState,
    /// A small notice in the corner (e.g. "file unreadable, showing the
    /// last good state").
    pub notice: Option<&'a str>,
}

pub fn render(input: &ProjectorInput, frame: &mut Frame) {
    let area = frame.area();
    let theme = Theme::of(input.state.theme);
    frame.render_widget(Block::new().style(theme.base()), area);
    if area.width < 20 || area.height < 6 {
        let text = crate::i18n::targs("too-small", &[("width", 20.into()), ("height", 6.into())]);
        frame.render_widget(
            Paragraph::new(text).style(theme.base()).wrap(Wrap { trim: true }),
            area,
        );
        return;
    }
    let margin = if area.width >= 100 { 2 } else { 1 };
    let inner =
        Rect { x: area.x + margin, y: area.y, width: area.width - 2 * margin, height: area.height };
    let slide = input.state.slide_at(input.now);
    // A long title's second line takes the blank row under the header, so
    // the slide keeps its room (and the timer its size).
    header(input, &theme, slide, frame, Rect { height: 2, ..inner });
    let body = Rect { y: inner.y + 2, height: inner.height.saturating_sub(3), ..inner };
    match slide {
        Slide::Now => now::render(input, &theme, frame, body),
        Slide::Needs => needs::render(input, &theme, frame, body),
        Slide::Actions => actions::render(input, &theme, frame, body),
    }
    footer(input, &theme, frame, Rect { y: inner.bottom() - 1, height: 1, ..inner });
}

/// Session title on the left, the clock and slide dots on the right. A
/// title longer than its room goes on in the second row.
fn header(input: &ProjectorInput, theme: &Theme, slide: Slide, frame: &mut Frame, rect: Rect) {
    let dots: String = Slide::ALL.iter().map(|s| if *s == slide { "● " } else { "○ " }).collect();
    let right = format!(
        "{} {}  {} {}",
        t(slide.title_id()),
        dots.trim_end(),
        crate::i18n::long_date(input.now.date_naive()),
        input.now.format("%H:%M")
    );
    let width = right.chars().count() as u16;
    let title_width = rect.width.saturating_sub(width + 2);
    let title = crate::ui::sanitize::safe(&input.session.title).into_owned();
    let (first, rest) = split_at_width(&title, usize::from(title_width));
    frame.render_widget(
        Paragraph::new(Line::styled(first, theme.title())),
        Rect { width: title_width, height: 1, ..rect },
    );
    frame.render_widget(
        Paragraph::new(Line::styled(right, theme.dim())).right_aligned(),
        Rect { x: rect.x + title_width, width: rect.width - title_width, height: 1, ..rect },
    );
    // The rest of a long title takes the whole second row.
    if rest.is_empty() || rect.height < 2 {
        return;
    }
    frame.render_widget(
        Paragraph::new(Line::styled(rest, theme.title())),
        Rect { y: rect.y + 1, height: 1, ..rect },
    );
}

/// `text` cut at a word boundary into what fits in `width` columns and the
/// rest (a single word longer than `width` is cut inside the word).
fn split_at_width(text: &str, width: usize) -> (String, String) {
    use unicode_width::UnicodeWidthStr;
    if text.width() <= width {
        return (text.to_owned(), String::new());
    }
    let mut first = String::new();
    let mut words = text.split(' ').peekable();
    while let Some(word) = words.peek() {
        let gap = usize::from(!first.is_empty());
        if first.width() + gap + word.width() > width {
            break;
        }
        if gap == 1 {
            first.push(' ');
        }
        first.push_str(word);
        words.next();
    }
    let rest: Vec<&str> = words.collect();
    (first, rest.join(" "))
}

/// The notice, right-aligned at the bottom; a notice longer than the row
/// wraps upwards between words (over the slide's last rows) rather than
/// being cut.
fn footer(input: &ProjectorInput, theme: &Theme, frame: &mut Frame, rect: Rect) {
    let Some(notice) = input.notice else { return };
    let text = format!("⚠ {}", crate::ui::sanitize::safe(notice));
    let lines = crate::ui::wrap::wrap(&text, usize::from(rect.width).max(1));
    let height = (lines.len() as u16).min(frame.area().height / 3).max(1);
    let top = rect.bottom().saturating_sub(height);
    let area = Rect { y: top, height: rect.bottom() - top, ..rect };
    let style = theme.base().fg(theme.warn);
    let lines: Vec<Line> = lines.into_iter().map(|l| Line::styled(l, style)).collect();
    frame.render_widget(Block::new().style(theme.base()), area);
    frame.render_widget(Paragraph::new(lines).right_aligned(), area);
}

/// `m:ss`, or `h:mm:ss` from an hour on.
pub fn clock_text(d: TimeDelta) -> String {
    crate::ui::format::duration(d)
}

/// Before the file was ever read: a calm waiting screen.
pub fn render_waiting(frame: &mut Frame, state: &ProjectorState, message: &str) {
    let area = frame.area();
    let theme = Theme::of(state.theme);
    frame.render_widget(Block::new().style(theme.base()), area);
    let rect = Rect { y: area.y + area.height / 2, height: area.height.min(3), ..area };
    frame.render_widget(
        Paragraph::new(crate::ui::sanitize::safe(message).into_owned())
            .style(theme.dim())
            .alignment(ratatui::layout::Alignment::Center)
            .wrap(Wrap { trim: true }),
        rect,
    );
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_long_title_splits_between_words() {
        let (first, rest) = super::split_at_width("Круглый стол «Аракет»: взаимодействие", 24);
        assert_eq!((first.as_str(), rest.as_str()), ("Круглый стол «Аракет»:", "взаимодействие"));
        let (first, rest) = super::split_at_width("Коротко", 24);
        assert_eq!((first.as_str(), rest.as_str()), ("Коротко", ""));
    }
}
