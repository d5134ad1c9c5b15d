//! Slide "now": the running item in large type with a big-digit timer,
//! the current speaker, what comes next and when the meeting will end.

use chrono::TimeDelta;
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use tui_big_text::{BigText, PixelSize};

use super::{ProjectorInput, Theme, clock_text};
use crate::i18n::{t, targs};
use crate::model::{AgendaItem, AgendaStatus, Timestamp};
use crate::ui::sanitize::safe;

/// When the meeting ends if everything left takes its planned time.
pub fn projected_end(items: &[AgendaItem], now: Timestamp) -> Timestamp {
    let remaining: TimeDelta = items
        .iter()
        .map(|a| match a.status {
            AgendaStatus::Pending => a.planned(),
            AgendaStatus::Active => (a.planned() - a.elapsed(now)).max(TimeDelta::zero()),
            _ => TimeDelta::zero(),
        })
        .sum();
    now + remaining
}

/// Big digits sized to fit: full (8 rows), half height (4 rows) or
/// quadrant (4 rows, half width).
fn big_digits(text: &str, width: u16, height: u16) -> Option<(PixelSize, u16, u16)> {
    let glyphs = text.chars().count() as u16;
    [(PixelSize::Full, 8, 8), (PixelSize::HalfHeight, 8, 4), (PixelSize::Quadrant, 4, 4)]
        .into_iter()
        .map(|(size, w, h)| (size, glyphs * w, h))
        .find(|(_, w, h)| *w <= width && *h <= height)
}

/// Centred lines stacked down the slide from `y`; a line that does not
/// fit above the bottom is left out.
struct Column<'t> {
    area: Rect,
    y: u16,
    theme: &'t Theme,
}

impl Column<'_> {
    fn bottom(&self) -> u16 {
        self.area.bottom()
    }

    fn line(&mut self, frame: &mut Frame, content: Line<'static>, rows: u16) {
        if self.y + rows <= self.bottom() {
            let rect = Rect { y: self.y, height: rows, ..self.area };
            frame.render_widget(
                Paragraph::new(content)
                    .style(self.theme.base())
                    .wrap(Wrap { trim: true })
                    .alignment(Alignment::Center),
                rect,
            );
            self.y += rows;
        }
    }
}

pub fn render(input: &ProjectorInput, theme: &Theme, frame: &mut Frame, area: Rect) {
    let session = input.session;
    let active = session.agenda.iter().position(|a| a.status == AgendaStatus::Active);
    let mut column = Column { area, y: area.y, theme };
    let title_rows = if area.height >= 24 { 3 } else { 2 };
    let Some(index) = active else {
        render_idle(input, &mut column, frame, title_rows);
        return;
    };
    let item = &session.agenda[index];
    // On a tall screen the block of title, timer and speaker sits a third
    // of the way down instead of hugging the top.
    let block_height = title_rows + 1 + 8 + 2 + 3 + 4;
    if area.height > block_height + 8 {
        column.y += (area.height - block_height - 4) / 3;
    }
    let title = Line::styled(safe(&item.title).into_owned(), theme.title());
    column.line(frame, title, title_rows);
    if !item.presenter.is_empty() && area.height >= 16 {
        column.line(frame, Line::styled(safe(&item.presenter).into_owned(), theme.dim()), 1);
    }
    column.y += u16::from(area.height >= 20);
    render_timer(item, input.now, &mut column, frame);
    column.y += u16::from(area.height >= 20);
    render_speaker(input, item, &mut column, frame);
    render_next(input, index, &column, frame);
}

/// Nothing running: say what comes next, or that the agenda is done.
fn render_idle(
    input: &ProjectorInput,
    column: &mut Column<'_>,
    frame: &mut Frame,
    title_rows: u16,
) {
    let session = input.session;
    let theme = column.theme;
    let next = session.agenda.iter().find(|a| a.status == AgendaStatus::Pending);
    // Before the first item starts, the room is welcomed.
    if session.agenda.iter().all(|a| a.runs.is_empty()) {
        column.line(frame, Line::styled(t("welcome"), theme.accent()), 2);
    }
    let text = match next {
        Some(item) => {
            targs("projector-next-up", &[("title", safe(&item.title).into_owned().into())])
        }
        // An empty agenda has not started; it is not finished.
        None if session.agenda.is_empty() => t("projector-not-started"),
        None => t("projector-agenda-done"),
    };
    column.line(frame, Line::styled(text, theme.title()), title_rows);
    let end = projected_end(&session.agenda, input.now).format("%H:%M").to_string();
    column.line(
        frame,
        Line::styled(targs("projector-end", &[("time", end.into())]), theme.dim()),
        1,
    );
}

/// The timer: elapsed in big digits, planned beside it in words.
fn render_timer(item: &AgendaItem, now: Timestamp, column: &mut Column<'_>, frame: &mut Frame) {
    let theme = column.theme;
    let area = column.area;
    let bottom = column.bottom();
    let elapsed = item.elapsed(now);
    let planned = item.planned();
    let style = theme.timer(elapsed.num_seconds(), planned.num_seconds());
    let digits = clock_text(elapsed);
    let reserve = 6.min(bottom.saturating_sub(column.y));
    if let Some((size, _, rows)) =
        big_digits(&digits, area.width, bottom.saturating_sub(column.y + reserve))
    {
        let big = BigText::builder()
            .pixel_size(size)
            .style(style)
            .lines(vec![Line::from(digits.clone())])
            .centered()
            .build();
        frame.render_widget(big, Rect { y: column.y, height: rows, ..area });
        column.y += rows;
    } else {
        column.line(frame, Line::styled(digits.clone(), style), 1);
    }
    let mut timer_words = vec![Span::styled(
        targs("projector-of-planned", &[("planned", clock_text(planned).into())]),
        theme.dim(),
    )];
    if elapsed > planned {
        timer_words.push(Span::styled(
            format!("  ⚠ +{} {}", clock_text(elapsed - planned), t("over")),
            theme.base().fg(theme.over).add_modifier(ratatui::style::Modifier::BOLD),
        ));
    } else if elapsed.num_seconds() * 5 >= planned.num_seconds() * 4 {
        timer_words.push(Span::styled(
            format!(
                "  ◔ {}",
                targs("projector-left", &[("left", clock_text(planned - elapsed).into())])
            ),
            theme.base().fg(theme.warn),
        ));
    }
    column.line(frame, Line::from(timer_words), 1);
}

/// The speaker and the queue.
fn render_speaker(
    input: &ProjectorInput,
    item: &AgendaItem,
    column: &mut Column<'_>,
    frame: &mut Frame,
) {
    let session = input.session;
    let theme = column.theme;
    let now = input.now;
    if let Some(turn) =
        session.speaker_turns.iter().find(|t| t.is_speaking() && t.agenda_item == item.id)
    {
        let spoken = turn.duration(now);
        let mut spans = vec![
            Span::styled(format!("{} ", t("speaking")), theme.dim()),
            Span::styled(
                safe(session.participant_name(Some(turn.participant))).into_owned(),
                theme.title(),
            ),
            Span::styled(
                format!(
                    "  {} / {}",
                    clock_text(spoken),
                    clock_text(TimeDelta::seconds(input.turn_limit))
                ),
                theme.timer(spoken.num_seconds(), input.turn_limit),
            ),
        ];
        if spoken.num_seconds() >= input.turn_limit {
            spans.push(Span::styled(format!(" ⚠ {}", t("over")), theme.base().fg(theme.over)));
        }
        column.line(frame, Line::from(spans), 1);
    }
    let queue: Vec<String> = session
        .speaker_turns
        .iter()
        .filter(|t| t.agenda_item == item.id && t.is_queued())
        .map(|t| safe(session.participant_name(Some(t.participant))).into_owned())
        .collect();
    if !queue.is_empty() {
        let text = format!("{} {}", t("queue"), queue.join(" · "));
        column.line(frame, Line::styled(text, theme.dim()), 1);
    }
}

/// What comes next, and when it all ends, at the foot of the slide.
fn render_next(input: &ProjectorInput, index: usize, column: &Column<'_>, frame: &mut Frame) {
    let session = input.session;
    let theme = column.theme;
    let area = column.area;
    let (y, bottom) = (column.y, column.bottom());
    let next: Vec<String> = session.agenda[index + 1..]
        .iter()
        .filter(|a| a.status == AgendaStatus::Pending)
        .take(if area.height >= 30 { 3 } else { 1 })
        .map(|a| {
            format!(
                "{} ({})",
                safe(&a.title),
                crate::ui::format::minutes(u64::from(a.planned_minutes))
            )
        })
        .collect();
    let end = projected_end(&session.agenda, input.now).format("%H:%M").to_string();
    if bottom > y {
        let mut lines: Vec<Line> = next
            .iter()
            .map(|n| {
                Line::from(vec![
                    Span::styled(format!("{} ", t("projector-then")), theme.dim()),
                    Span::styled(n.clone(), theme.base()),
                ])
            })
            .collect();
        lines.push(Line::styled(targs("projector-end", &[("time", end.into())]), theme.accent()));
        let rows = (lines.len() as u16).min(bottom - y);
        let rect = Rect { y: bottom - rows, height: rows, ..area };
        frame.render_widget(
            Paragraph::new(lines).style(theme.base()).alignment(Alignment::Center),
            rect,
        );
    }
}
