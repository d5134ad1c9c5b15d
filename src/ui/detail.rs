//! The selected row's full text, above the status bar: a long need,
//! action, proposal, participant or agenda title is cut in its column, so
//! it is shown here whole, word-wrapped and sanitised, with the row's other
//! fields after it. Text longer than the reserved lines grows the panel
//! upwards over the panes (at most a third of the screen); only beyond
//! that is it shortened, at a word, with "…".

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::sanitize::safe;
use super::wrap::wrap;
use super::{format, theme};
use crate::app::model::{Model, Pane};
use crate::app::rows::Row;
use crate::i18n::t;
use crate::labels;
use crate::model::Session;

/// What the panel says about a row: its full text, and "Label: value"
/// facts joined on a line of their own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detail {
    pub text: String,
    pub facts: Vec<String>,
}

/// The detail of the focused pane's selected row, if it is an entity.
pub fn selected(model: &Model) -> Option<Detail> {
    let state = model.pane(model.focus);
    let s = &model.session;
    match state.rows.get(state.selected)? {
        Row::Group { .. } => None,
        Row::Note { index, .. } => {
            let note = s.private_notes.get(*index)?;
            Some(Detail { text: note.text.clone(), facts: vec![t("private-note")] })
        }
        Row::Item { index, .. } => match model.focus {
            Pane::Agenda => agenda(s, *index),
            Pane::Participants => participant(s, *index),
            Pane::Needs => need(s, *index),
            Pane::Actions => action(s, *index),
            Pane::Proposals => proposal(s, *index),
        },
    }
}

/// "Label: value", or nothing for an empty value.
fn fact(label_id: &str, value: &str) -> Option<String> {
    let value = value.trim();
    (!value.is_empty()).then(|| format!("{}: {value}", t(label_id)))
}

fn agenda(s: &Session, index: usize) -> Option<Detail> {
    let item = s.agenda.get(index)?;
    let facts = [
        fact("col-presenter", &item.presenter),
        fact("col-time", &format::minutes(u64::from(item.planned_minutes))),
        fact("col-status", &labels::agenda_status(item.status)),
    ];
    let mut text = item.title.clone();
    if !item.notes.trim().is_empty() {
        text = format!("{text} — {}", item.notes.trim());
    }
    Some(Detail { text, facts: facts.into_iter().flatten().collect() })
}

fn participant(s: &Session, index: usize) -> Option<Detail> {
    let p = s.participants.get(index)?;
    let facts = [
        fact("col-organisation", &p.organisation),
        fact("col-group", &labels::group(p.group)),
        fact("col-settlement", s.settlement_name(p.settlement)),
    ];
    Some(Detail { text: p.name.clone(), facts: facts.into_iter().flatten().collect() })
}

fn need(s: &Session, index: usize) -> Option<Detail> {
    let n = s.needs.get(index)?;
    let mut text = n.title.clone();
    if !n.detail.trim().is_empty() {
        text = format!("{text} — {}", n.detail.trim());
    }
    let facts = [
        fact("col-votes", &n.votes.to_string()),
        fact("col-settlement", s.settlement_name(n.settlement)),
        fact("field-category", &labels::category(&n.category)),
        fact("col-status", &labels::need_status(crate::model::effective_status(n, &s.actions))),
        fact("col-author", s.participant_name(n.raised_by)),
    ];
    Some(Detail { text, facts: facts.into_iter().flatten().collect() })
}

fn action(s: &Session, index: usize) -> Option<Detail> {
    let a = s.actions.get(index)?;
    let deadline = a.deadline.map(|d| d.format("%d.%m.%Y").to_string()).unwrap_or_default();
    let needs: Vec<&str> =
        a.needs.iter().filter_map(|id| s.need(*id)).map(|n| n.title.as_str()).collect();
    let facts = [
        fact("col-responsible", &a.responsible),
        fact("col-deadline", &deadline),
        fact("col-status", &labels::action_status(a.status)),
        fact("col-needs", &needs.join("; ")),
        fact("field-partners", &a.partners),
        fact("col-funding", &a.funding),
        fact("col-indicator", &a.indicator),
        fact("field-notes", &a.notes),
    ];
    Some(Detail { text: a.what.clone(), facts: facts.into_iter().flatten().collect() })
}

fn proposal(s: &Session, index: usize) -> Option<Detail> {
    let p = s.proposals.get(index)?;
    let need = p.need.and_then(|id| s.need(id)).map_or("", |n| n.title.as_str());
    let facts = [
        fact("col-kind", &labels::proposal_kind(p.kind)),
        fact("col-author", s.participant_name(p.author)),
        fact("col-need", need),
    ];
    Some(Detail { text: p.text.clone(), facts: facts.into_iter().flatten().collect() })
}

/// The panel's lines at `width` columns: the text wrapped, then the facts
/// wrapped (both sanitised), at most `max` lines; text beyond is shortened
/// at a word with "…".
pub fn lines(detail: &Detail, width: usize, max: usize) -> Vec<Line<'static>> {
    let width = width.saturating_sub(2).max(1);
    let mut out: Vec<Line> = wrap(&safe(&detail.text), width)
        .into_iter()
        .map(|l| Line::styled(format!(" {l}"), theme::title()))
        .collect();
    let facts = safe(&detail.facts.join(" · ")).into_owned();
    out.extend(
        wrap(&facts, width).into_iter().map(|l| Line::styled(format!(" {l}"), theme::dim())),
    );
    if out.len() > max {
        out.truncate(max);
        if let Some(last) = out.last_mut() {
            let style = last.style;
            let text = ellipsis(&last.to_string(), width + 1);
            *last = Line::styled(text, style);
        }
    }
    out
}

/// `line` with "…" at its end, dropping whole words until it fits `width`.
fn ellipsis(line: &str, width: usize) -> String {
    let mut words: Vec<&str> = line.split(' ').collect();
    loop {
        let candidate = format!("{}…", words.join(" "));
        if candidate.width() <= width || words.len() <= 1 {
            return candidate;
        }
        words.pop();
    }
}

/// Draws the panel into `rect`, growing it upwards when the text needs it.
pub fn render(model: &Model, frame: &mut Frame, rect: Rect) {
    let Some(detail) = selected(model) else { return };
    let max = usize::from((frame.area().height / 3).max(rect.height));
    let lines = lines(&detail, usize::from(rect.width), max);
    let height = (lines.len() as u16).max(rect.height);
    let top = rect.bottom().saturating_sub(height).max(frame.area().y);
    let area = Rect { y: top, height: rect.bottom() - top, ..rect };
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines), area);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detail(text: &str) -> Detail {
        Detail { text: text.into(), facts: vec!["Votes: 3".into()] }
    }

    #[test]
    fn long_text_wraps_between_words_and_keeps_every_word() {
        let text = "Нет освещения на улице Ленина от школы №5 до рынка, дети идут в темноте";
        let shown: Vec<String> =
            lines(&detail(text), 30, 10).iter().map(|l| l.to_string()).collect();
        assert!(shown.len() > 2);
        assert!(shown.iter().all(|l| l.width() <= 30));
        let words: Vec<&str> = shown.iter().flat_map(|l| l.split_whitespace()).collect();
        assert_eq!(words.join(" "), format!("{text} Votes: 3"));
    }

    #[test]
    fn beyond_the_limit_the_last_line_ends_at_a_word_with_an_ellipsis() {
        let text = "один два три четыре пять шесть семь восемь девять десять";
        let shown: Vec<String> =
            lines(&detail(text), 14, 2).iter().map(|l| l.to_string()).collect();
        assert_eq!(shown.len(), 2);
        assert!(shown[1].ends_with('…'), "{shown:?}");
        assert!(shown[1].width() <= 14);
        let last_word = shown[1].trim_end_matches('…').split(' ').next_back().unwrap();
        assert!(text.split(' ').any(|w| w == last_word), "cut mid-word: {shown:?}");
    }

    #[test]
    fn control_characters_never_reach_the_screen() {
        let shown: Vec<String> =
            lines(&detail("a\u{1b}[31mb\u{202e}c"), 40, 3).iter().map(|l| l.to_string()).collect();
        assert!(shown.iter().all(|l| !l.contains('\u{1b}') && !l.contains('\u{202e}')));
    }
}
