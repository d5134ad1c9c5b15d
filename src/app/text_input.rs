//! A one-line text field: tui-input does the grapheme-aware editing; this
//! maps keys to its requests and keeps pasted text on one line.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_input::{Input, InputRequest};

#[derive(Debug, Clone, Default)]
pub struct TextInput {
    input: Input,
}

impl TextInput {
    pub fn new(value: &str) -> TextInput {
        TextInput { input: Input::new(value.to_owned()) }
    }

    pub fn value(&self) -> &str {
        self.input.value()
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

    /// Inserts pasted text at the cursor. Line breaks become spaces and
    /// other control characters are dropped: a paste is text, never keys.
    pub fn paste(&mut self, text: &str) {
        let mut last_was_break = false;
        for c in text.chars() {
            if c == '\n' || c == '\r' {
                if !last_was_break {
                    self.input.handle(InputRequest::InsertChar(' '));
                }
                last_was_break = true;
                continue;
            }
            last_was_break = false;
            if c == '\t' {
                self.input.handle(InputRequest::InsertChar(' '));
            } else if !crate::ui::sanitize::is_unsafe(c) {
                self.input.handle(InputRequest::InsertChar(c));
            }
        }
    }
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
    fn wide_characters_move_the_cursor_two_columns() {
        let input = TextInput::new("中文");
        assert_eq!(input.visual_cursor(), 4);
    }
}
