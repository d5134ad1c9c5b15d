//! A one-line text field: tui-input does the grapheme-aware editing; this
//! maps keys to its requests and keeps pasted text on one line.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_input::{Input, InputRequest};

#[derive(Debug, Clone, Default)]
pub struct TextInput {
    input: Input,
    /// The whole value is selected, as on entering a spreadsheet cell:
    /// typing or pasting replaces it, a movement key keeps it for editing.
    selected: bool,
}

impl TextInput {
    pub fn new(value: &str) -> TextInput {
        TextInput { input: Input::new(value.to_owned()), selected: false }
    }

    pub fn value(&self) -> &str {
        self.input.value()
    }

    /// Selects the whole value (if there is one), so what is typed next
    /// replaces it.
    pub fn select_all(&mut self) {
        self.selected = !self.input.value().is_empty();
    }

    pub fn is_selected(&self) -> bool {
        self.selected
    }

    /// Cursor position in display columns (wide characters count twice).
    pub fn visual_cursor(&self) -> usize {
        self.input.visual_cursor()
    }

    /// How many columns to scroll so the cursor fits in `width`.
    pub fn visual_scroll(&self, width: usize) -> usize {
        self.input.visual_scroll(width)
    }

    /// Applies an editing key; returns false for keys that are not editing
    /// (Enter, Esc, Tab, arrows up/down), which the caller handles.
    pub fn handle_key(&mut self, key: &KeyEvent) -> bool {
        use InputRequest::*;
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        if std::mem::take(&mut self.selected) {
            match key.code {
                KeyCode::Char(_) if !ctrl && !alt => self.input = Input::default(),
                KeyCode::Backspace | KeyCode::Delete => {
                    self.input = Input::default();
                    return true;
                }
                _ => {}
            }
        }
        let request = match key.code {
            KeyCode::Char('w') if ctrl => DeletePrevWord,
            KeyCode::Char('u') if ctrl => DeleteLine,
            KeyCode::Char('k') if ctrl => DeleteTillEnd,
            KeyCode::Char('a') if ctrl => GoToStart,
            KeyCode::Char('e') if ctrl => GoToEnd,
            KeyCode::Char('b') if alt => GoToPrevWord,
            KeyCode::Char('f') if alt => GoToNextWord,
            KeyCode::Char('d') if alt => DeleteNextWord,
            KeyCode::Char(_) if ctrl || alt => return false,
            KeyCode::Char(c) => InsertChar(c),
            KeyCode::Backspace if ctrl || alt => DeletePrevWord,
            KeyCode::Backspace => DeletePrevChar,
            KeyCode::Delete if ctrl || alt => DeleteNextWord,
            KeyCode::Delete => DeleteNextChar,
            KeyCode::Left if ctrl || alt => GoToPrevWord,
            KeyCode::Left => GoToPrevChar,
            KeyCode::Right if ctrl || alt => GoToNextWord,
            KeyCode::Right => GoToNextChar,
            KeyCode::Home => GoToStart,
            KeyCode::End => GoToEnd,
            _ => return false,
        };
        self.input.handle(request);
        true
    }

    /// Inserts pasted text at the cursor, in one step (linear in the
    /// text's length). Line breaks become spaces and other control
    /// characters are dropped: a paste is text, never keys. The field
    /// never grows past [`MAX_CHARS`]; returns true when the paste was cut.
    pub fn paste(&mut self, text: &str) -> bool {
        if std::mem::take(&mut self.selected) {
            self.input = Input::default();
        }
        let value = self.input.value();
        let room = MAX_CHARS.saturating_sub(value.chars().count());
        let (clean, cut) = one_line(text, room);
        let cursor = self.input.cursor();
        let byte = value.char_indices().nth(cursor).map_or(value.len(), |(i, _)| i);
        let mut joined = String::with_capacity(value.len() + clean.len());
        joined.push_str(&value[..byte]);
        joined.push_str(&clean);
        joined.push_str(&value[byte..]);
        let added = clean.chars().count();
        self.input = Input::new(joined).with_cursor(cursor + added);
        cut
    }
}

/// The longest text a field takes, in characters (about four pages):
/// longer pastes are cut with a notice.
pub const MAX_CHARS: usize = 10_000;

/// `text` as one line of at most `room` characters: a run of line breaks
/// becomes one space, a tab a space, other unsafe characters are dropped.
/// Also says whether anything had to be left out for lack of room.
fn one_line(text: &str, room: usize) -> (String, bool) {
    let mut out = String::with_capacity(text.len().min(room * 4));
    let mut count = 0;
    let mut last_was_break = false;
    for c in text.chars() {
        let is_break = c == '\n' || c == '\r';
        let kept = match c {
            _ if is_break && last_was_break => None,
            '\n' | '\r' | '\t' => Some(' '),
            c if crate::text::is_unsafe(c) => None,
            c => Some(c),
        };
        last_was_break = is_break;
        let Some(c) = kept else { continue };
        if count == room {
            return (out, true);
        }
        out.push(c);
        count += 1;
    }
    (out, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn backspace_removes_a_whole_grapheme() {
        let mut input = TextInput::new("Ак-Жар 👩‍👩‍👧");
        input.handle_key(&key(KeyCode::Backspace, KeyModifiers::NONE));
        assert_eq!(input.value(), "Ак-Жар ");
        input.handle_key(&key(KeyCode::Char('ң'), KeyModifiers::NONE));
        assert_eq!(input.value(), "Ак-Жар ң");
    }

    #[test]
    fn word_delete_and_home() {
        let mut input = TextInput::new("нет света на улице");
        input.handle_key(&key(KeyCode::Char('w'), KeyModifiers::CONTROL));
        assert_eq!(input.value(), "нет света на ");
        input.handle_key(&key(KeyCode::Home, KeyModifiers::NONE));
        input.handle_key(&key(KeyCode::Char('Н'), KeyModifiers::NONE));
        assert_eq!(input.value(), "Ннет света на ");
    }

    #[test]
    fn paste_keeps_one_line_and_drops_escape_sequences() {
        let mut input = TextInput::new("");
        input.paste("строка 1\r\nq\n\u{1b}[31mкрасный\u{7}");
        assert_eq!(input.value(), "строка 1 q [31mкрасный");
    }

    #[test]
    fn paste_goes_in_at_the_cursor() {
        let mut input = TextInput::new("ңү");
        input.handle_key(&key(KeyCode::Left, KeyModifiers::NONE));
        assert!(!input.paste("ө\n\nx"));
        assert_eq!(input.value(), "ңө xү");
        input.handle_key(&key(KeyCode::Char('z'), KeyModifiers::NONE));
        assert_eq!(input.value(), "ңө xzү", "the cursor is after the pasted text");
    }

    #[test]
    fn a_paste_past_the_limit_is_cut_to_the_limit() {
        let mut input = TextInput::new("ab");
        assert!(input.paste(&"ө".repeat(MAX_CHARS)));
        assert_eq!(input.value().chars().count(), MAX_CHARS);
        assert!(input.paste("x"), "a full field takes nothing more");
        assert_eq!(input.value().chars().count(), MAX_CHARS);
    }

    #[test]
    fn wide_characters_move_the_cursor_two_columns() {
        let input = TextInput::new("中文");
        assert_eq!(input.visual_cursor(), 4);
    }
}
