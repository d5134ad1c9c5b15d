//! Text from files and users never reaches a terminal raw: control
//! characters, escape sequences and bidirectional overrides are replaced
//! before anything is drawn on the screen or printed to stdout/stderr.
//! Below export and ui so both, and the commands, use the same rules.

use std::borrow::Cow;
use std::io::{self, Write};

/// Characters that could move the cursor, change colours, ring the bell,
/// talk to the clipboard (OSC 52) or reorder text on screen.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() // C0, DEL and C1 (including 0x9B, the one-byte CSI)
        || is_bidi_control(c)
        || matches!(c, '\u{FFF9}'..='\u{FFFB}')
}

/// Marks, embeddings, overrides and isolates that reorder displayed text.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// `text` with every unsafe character shown as a visible placeholder; line
/// breaks and tabs become spaces (a row is one line).
pub fn safe(text: &str) -> Cow<'_, str> {
    replace_unsafe(text, false)
}

/// Like [`safe`] but keeps line breaks and tabs, for printed messages
/// that may span several lines (a carriage return is still replaced: it
/// could overwrite what was printed before it).
pub fn safe_lines(text: &str) -> Cow<'_, str> {
    replace_unsafe(text, true)
}

fn replace_unsafe(text: &str, keep_lines: bool) -> Cow<'_, str> {
    let kept = |c: char| keep_lines && matches!(c, '\n' | '\t');
    if !text.chars().any(|c| is_unsafe(c) && !kept(c)) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                c if kept(c) => c,
                '\n' | '\r' | '\t' => ' ',
                c if is_unsafe(c) => '\u{FFFD}',
                c => c,
            })
            .collect(),
    )
}

/// Writes `message` and a line break, sanitized: the one way the command
/// line prints to stdout and stderr.
pub fn print_line(out: &mut impl Write, message: &str) -> io::Result<()> {
    writeln!(out, "{}", safe_lines(message))
}

/// Prints a line to stderr through the sanitizer; a closed stderr is not an
/// error worth failing over.
pub fn say(message: &str) {
    let _ = print_line(&mut io::stderr().lock(), message);
}

/// Prints a line to stdout through the sanitizer.
pub fn show(message: &str) {
    let _ = print_line(&mut io::stdout().lock(), message);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_bidi_become_placeholders() {
        let shown = safe("a\u{1b}[2Jb\u{7}c\u{9b}31m\u{202e}d\u{1b}]52;c;aGk=\u{7}\u{61c}");
        assert!(!shown.chars().any(|c| c.is_control()));
        assert!(!shown.chars().any(is_bidi_control));
        assert!(shown.starts_with("a\u{FFFD}[2Jb"));
    }

    #[test]
    fn ordinary_text_is_not_copied() {
        assert!(matches!(safe("Ак-Жар ң ө ү 😀"), Cow::Borrowed(_)));
        assert!(matches!(safe_lines("строка 1\n\tстрока 2"), Cow::Borrowed(_)));
    }

    #[test]
    fn printed_lines_keep_breaks_but_not_escapes_or_carriage_returns() {
        let mut out = Vec::new();
        print_line(&mut out, "a\u{1b}]52;c;aGk=\u{7}\nb\rc\u{202e}").unwrap();
        let printed = String::from_utf8(out).unwrap();
        assert_eq!(printed, "a\u{FFFD}]52;c;aGk=\u{FFFD}\nb\u{20}c\u{FFFD}\n");
    }
}
