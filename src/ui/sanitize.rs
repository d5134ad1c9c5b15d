//! Text from files and users never reaches the terminal raw: control
//! characters, escape sequences and bidirectional overrides are replaced
//! before anything is drawn.

use std::borrow::Cow;

/// Characters that could move the cursor, change colours, ring the bell,
/// talk to the clipboard (OSC 52) or reorder text on screen.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() // C0, DEL and C1 (including 0x9B, the one-byte CSI)
        || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        || matches!(c, '\u{FFF9}'..='\u{FFFB}')
}

/// `text` with every unsafe character shown as a visible placeholder; line
/// breaks and tabs become spaces (a row is one line).
pub fn safe(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                '\n' | '\r' | '\t' => ' ',
                c if is_unsafe(c) => '\u{FFFD}',
                c => c,
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_bidi_become_placeholders() {
        let shown = safe("a\u{1b}[2Jb\u{7}c\u{9b}31m\u{202e}d\u{1b}]52;c;aGk=\u{7}");
        assert!(!shown.chars().any(|c| c.is_control()));
        assert!(!shown.contains('\u{202e}'));
        assert!(shown.starts_with("a\u{FFFD}[2Jb"));
    }

    #[test]
    fn ordinary_text_is_not_copied() {
        assert!(matches!(safe("Ак-Жар ң ө ү 😀"), Cow::Borrowed(_)));
    }
}
