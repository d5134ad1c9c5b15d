//! The speaker block under the agenda: who speaks and for how long against
//! the per-turn limit, who is waiting, and speaking time per stakeholder
//! group as bars, so the room sees whether every side was heard.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::sanitize::safe;
use super::{format, theme};
use crate::app::model::{Model, group_index};
use crate::i18n::t;
use crate::labels;
use crate::model::StakeholderGroup;

/// Style for a turn that has run `elapsed` of `limit` seconds: warning from
/// 80%, overrun from 100%.
pub fn turn_style(elapsed: i64, limit: i64) -> Style {
    theme::timer(elapsed, limit)
}

/// Seconds spoken per group, including the turn running now.
pub fn spoken_by_group(model: &Model) -> [i64; 9] {
    let mut spoken = model.totals.spoken_by_group;
    if let Some(turn) = model.totals.speaking.and_then(|i| model.session.speaker_turns.get(i))
        && let Some(person) = model.session.participant(turn.participant)
    {
        spoken[group_index(person.group)] += turn.duration(model.now).num_seconds();
    }
    spoken
}

pub fn speaker_line(model: &Model) -> Line<'static> {
    let s = &model.session;
    match model.totals.speaking.and_then(|i| s.speaker_turns.get(i)) {
        Some(turn) => {
            let elapsed = turn.duration(model.now).num_seconds();
            let mut spans = vec![
                Span::styled(format!("{} ", t("speaking")), theme::dim()),
                Span::styled(
                    safe(s.participant_name(Some(turn.participant))).into_owned(),
                    theme::title(),
                ),
                Span::styled(
                    format!(
                        "  {} / {}",
                        format::duration(chrono::TimeDelta::seconds(elapsed)),
                        format::duration(chrono::TimeDelta::seconds(model.turn_limit))
                    ),
                    turn_style(elapsed, model.turn_limit),
                ),
            ];
            if elapsed >= model.turn_limit {
                spans.push(Span::styled(format!(" {}", t("over")), theme::overrun()));
            }
            Line::from(spans)
        }
        None => Line::styled(t("nobody-speaking"), theme::dim()),
    }
}

/// A hint that fits `width` columns whole, or else its first complete
/// phrase (the part before a parenthesis): never cut mid-word.
pub fn fit_hint(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    if text.width() <= width {
        return text.to_owned();
    }
    match text.split_once(" (") {
        Some((phrase, _)) if phrase.width() <= width => phrase.to_owned(),
        _ => text.to_owned(),
    }
}

/// A one-span dim hint line, shortened to `width` as [`fit_hint`] does.
fn hint_line(line: Line<'static>, width: u16) -> Line<'static> {
    match line.spans.as_slice() {
        [only] if line.spans.len() == 1 => {
            let text = fit_hint(&only.content, usize::from(width));
            Line::styled(text, only.style.patch(line.style))
        }
        _ => line,
    }
}

/// The names queued under the running item, in order, sanitised.
fn queued_names(model: &Model) -> Vec<String> {
    let s = &model.session;
    model
        .totals
        .queue
        .iter()
        .filter_map(|i| s.speaker_turns.get(*i))
        .map(|turn| safe(s.participant_name(Some(turn.participant))).into_owned())
        .collect()
}

pub fn queue_line(model: &Model) -> Line<'static> {
    let names: Vec<String> = queued_names(model)
        .iter()
        .enumerate()
        .map(|(n, name)| format!("{}. {name}", n + 1))
        .collect();
    if names.is_empty() {
        Line::styled(t("queue-empty"), theme::dim())
    } else {
        Line::from(vec![
            Span::styled(format!("{} ", t("queue")), theme::dim()),
            Span::raw(names.join("  ")),
        ])
    }
}

/// Bars of speaking time per group, two groups a line.
fn bar_lines(model: &Model, width: u16, lines: u16) -> Vec<Line<'static>> {
    let spoken = spoken_by_group(model);
    let max = spoken.iter().copied().max().unwrap_or(0).max(1);
    let column = usize::from(width / 2);
    let label_width = 10;
    let time_width = 6;
    let bar_width = column.saturating_sub(label_width + time_width + 2);
    let cells: Vec<Vec<Span<'static>>> = StakeholderGroup::ALL
        .iter()
        .zip(spoken)
        .filter(|(_, seconds)| *seconds > 0)
        .map(|(group, seconds)| {
            let eighths = (seconds as usize * bar_width * 8) / max as usize;
            let mut bar = "█".repeat(eighths / 8);
            if !eighths.is_multiple_of(8) {
                bar.push([' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'][eighths % 8]);
            }
            let label: String = labels::group_short(*group).chars().take(label_width).collect();
            vec![
                Span::styled(format!("{label:<label_width$} "), theme::dim()),
                Span::styled(format!("{bar:<bar_width$}"), theme::active()),
                Span::raw(format!(" {:>5}", format::duration(chrono::TimeDelta::seconds(seconds)))),
                Span::raw(" "),
            ]
        })
        .collect();
    cells
        .chunks(2)
        .take(usize::from(lines))
        .map(|pair| Line::from(pair.iter().flatten().cloned().collect::<Vec<_>>()))
        .collect()
}

/// The queue one person a line, in at most `rows` lines: the last says how
/// many more wait when not all fit.
fn queue_rows(model: &Model, rows: usize) -> Vec<Line<'static>> {
    let names = queued_names(model);
    let label = t("queue");
    let indent = " ".repeat(unicode_width::UnicodeWidthStr::width(label.as_str()) + 1);
    let shown = if names.len() > rows { rows.saturating_sub(1) } else { names.len() };
    let mut lines: Vec<Line<'static>> = names
        .iter()
        .take(shown)
        .enumerate()
        .map(|(n, name)| {
            let lead = if n == 0 { format!("{label} ") } else { indent.clone() };
            Line::from(vec![
                Span::styled(lead, theme::dim()),
                Span::raw(format!("{}. {name}", n + 1)),
            ])
        })
        .collect();
    if shown < names.len() {
        let more = crate::i18n::targs("queue-more", &[("count", (names.len() - shown).into())]);
        let lead = if shown == 0 { format!("{label} ") } else { indent };
        lines.push(Line::from(vec![Span::styled(lead, theme::dim()), Span::raw(more)]));
    }
    lines
}

pub fn render(model: &Model, frame: &mut Frame, area: Rect) {
    if area.height == 0 {
        return;
    }
    let mut lines = vec![hint_line(speaker_line(model), area.width)];
    // With room, the queue is one person a line (up to half the footer);
    // the bars by group take what is left.
    let queued = model.totals.queue.len();
    if area.height > 2 && queued > 1 {
        let room = usize::from(area.height - 1) / 2 + 1;
        lines.extend(queue_rows(model, queued.min(room)));
    } else {
        lines.push(hint_line(queue_line(model), area.width));
    }
    let used = lines.len() as u16;
    if area.height > used + 1 {
        lines.push(Line::styled(t("speaking-time-by-group"), theme::header()));
        lines.extend(bar_lines(model, area.width, area.height - used - 1));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_hint_that_does_not_fit_keeps_its_first_whole_phrase() {
        let hint = "Nobody is speaking (t gives the floor to the next in the queue)";
        assert_eq!(super::fit_hint(hint, 80), hint);
        assert_eq!(super::fit_hint(hint, 40), "Nobody is speaking");
    }
}
