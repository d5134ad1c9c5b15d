//! The capture line's own state: the text, recall of earlier lines, and
//! Tab completion of `#settlement` and `@person` tags.

use super::text_input::TextInput;
use crate::capture::{candidates, tag_at_end, tag_text};
use crate::model::Session;

#[derive(Debug, Clone, Default)]
pub struct CaptureLine {
    pub input: TextInput,
    /// Which history line Up/Down is showing (index from the oldest).
    pub recall: Option<usize>,
    /// Cycling through completions: where the tag starts, the sigil, the
    /// candidates and which one is shown.
    pub completion: Option<Completion>,
    /// What the last Enter did, or why it did nothing (translated).
    pub feedback: Option<Feedback>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Feedback {
    Captured(String),
    Error(String),
}

#[derive(Debug, Clone)]
pub struct Completion {
    pub start: usize,
    pub sigil: char,
    pub candidates: Vec<String>,
    pub shown: usize,
}

/// Known names for a sigil: settlements for `#`, people for `@`.
pub fn names(session: &Session, sigil: char) -> Vec<&str> {
    if sigil == '#' {
        session.settlements.iter().map(|s| s.name.as_str()).collect()
    } else {
        session.participants.iter().map(|p| p.name.as_str()).collect()
    }
}

impl CaptureLine {
    pub fn new(text: &str) -> CaptureLine {
        CaptureLine { input: TextInput::new(text), ..CaptureLine::default() }
    }

    /// The candidates for the tag at the end of the line, for display.
    pub fn live_candidates<'a>(&self, session: &'a Session) -> Vec<&'a str> {
        match tag_at_end(self.input.value()) {
            Some((sigil, typed, _)) if !typed.is_empty() => {
                candidates(typed, names(session, sigil))
            }
            _ => Vec::new(),
        }
    }

    /// Tab: complete the tag at the end of the line, or show the next
    /// candidate if Tab was just pressed.
    pub fn complete(&mut self, session: &Session) {
        if let Some(c) = &mut self.completion {
            c.shown = (c.shown + 1) % c.candidates.len();
        } else {
            let Some((sigil, typed, start)) = tag_at_end(self.input.value()) else { return };
            let found: Vec<String> =
                candidates(typed, names(session, sigil)).into_iter().map(str::to_owned).collect();
            if found.is_empty() {
                return;
            }
            self.completion = Some(Completion { start, sigil, candidates: found, shown: 0 });
        }
        let Some(c) = &self.completion else { return };
        let mut line = self.input.value()[..c.start].to_owned();
        line.push(c.sigil);
        line.push_str(&tag_text(&c.candidates[c.shown]));
        self.input = TextInput::new(&line);
    }

    /// Up/Down through earlier lines; past the newest is an empty line.
    pub fn recall(&mut self, history: &[String], step: isize) {
        if history.is_empty() {
            return;
        }
        let last = history.len() as isize;
        let current = self.recall.map_or(last, |i| i as isize);
        let next = (current + step).clamp(0, last);
        self.recall = (next < last).then_some(next as usize);
        let text = self.recall.map_or("", |i| history[i].as_str());
        self.input = TextInput::new(text);
        self.completion = None;
    }
}
