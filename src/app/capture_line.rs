//! The capture line's own state: the text, recall of earlier lines, and
//! Tab completion of `#settlement` and `@person` tags.

use super::text_input::TextInput;
use crate::capture::{candidates, is_settlement_sigil, tag_at_end, tag_text, word_at_end};
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
    /// A `+ Name` line refused because the name exists: Enter on the same
    /// line again adds the person anyway.
    pub confirm_duplicate: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Feedback {
    Captured(String),
    Error(String),
}

#[derive(Debug, Clone)]
pub struct Completion {
    pub start: usize,
    /// Where the replaced tag ends: text after it is kept.
    pub end: usize,
    pub sigil: char,
    pub candidates: Vec<String>,
    pub shown: usize,
    /// Offered because Enter found the tag unresolved: the candidates are
    /// numbered, a digit picks one, and the first Tab takes the first.
    pub numbered: bool,
    /// Whether `shown` is already written into the line.
    pub applied: bool,
}

/// Known names for a sigil: settlements for `#` and `№`, people for `@`.
pub fn names(session: &Session, sigil: char) -> Vec<&str> {
    if is_settlement_sigil(sigil) {
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
    /// candidate if Tab was just pressed. A bare word after the prefix
    /// becomes a person tag (or, if no person matches, a settlement tag), so
    /// tags need no `@`, which ЙЦУКЕН cannot type.
    pub fn complete(&mut self, session: &Session) {
        match &mut self.completion {
            Some(c) if c.applied => c.shown = (c.shown + 1) % c.candidates.len(),
            Some(_) => {}
            None => {
                let Some(completion) = self.start_completion(session) else { return };
                self.completion = Some(completion);
            }
        }
        self.write_shown();
    }

    /// Offers the names an unresolved tag at `start..end` could mean.
    pub fn offer(&mut self, start: usize, end: usize, sigil: char, candidates: Vec<String>) {
        if candidates.is_empty() {
            return;
        }
        self.completion = Some(Completion {
            start,
            end,
            sigil,
            candidates,
            shown: 0,
            numbered: true,
            applied: false,
        });
    }

    /// A digit after a refused line: picks that numbered candidate. False
    /// if no such candidate is offered (the digit is then typed).
    pub fn pick(&mut self, number: usize) -> bool {
        match &mut self.completion {
            Some(c) if c.numbered && (1..=c.candidates.len()).contains(&number) => {
                c.shown = number - 1;
            }
            _ => return false,
        }
        self.write_shown();
        self.completion = None;
        true
    }

    /// Writes the shown candidate in place of the tag, keeping the rest.
    fn write_shown(&mut self) {
        let Some(c) = &mut self.completion else { return };
        let value = self.input.value();
        let mut line = value[..c.start].to_owned();
        line.push(c.sigil);
        line.push_str(&tag_text(&c.candidates[c.shown]));
        let new_end = line.len();
        line.push_str(&value[c.end.min(value.len())..]);
        c.end = new_end;
        c.applied = true;
        self.input = TextInput::new(&line);
    }

    fn start_completion(&self, session: &Session) -> Option<Completion> {
        let line = self.input.value();
        let found = |typed: &str, sigil: char| -> Vec<String> {
            candidates(typed, names(session, sigil)).into_iter().map(str::to_owned).collect()
        };
        let (start, sigil, candidates) = match tag_at_end(line) {
            Some((sigil, typed, start)) => (start, sigil, found(typed, sigil)),
            None => {
                let (start, word) = word_at_end(line);
                // The first word is the prefix, not a name.
                if start == 0 || word.is_empty() {
                    return None;
                }
                let people = found(word, '@');
                if people.is_empty() {
                    (start, '#', found(word, '#'))
                } else {
                    (start, '@', people)
                }
            }
        };
        let end = line.len();
        (!candidates.is_empty()).then_some(Completion {
            start,
            end,
            sigil,
            candidates,
            shown: 0,
            numbered: false,
            applied: false,
        })
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
