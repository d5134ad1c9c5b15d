//! Text fitted to a width without cutting a word: shared by the status
//! bar, the capture line, forms, the detail panel and the projector.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// `text` in lines of at most `width` columns, broken between words (a
/// word longer than a line is broken where it must be).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let needed = if line.is_empty() { word.width() } else { line.width() + 1 + word.width() };
        if needed <= width {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        for c in word.chars() {
            if line.width() + c.width().unwrap_or(0) > width && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            line.push(c);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// A hint of " · "-separated phrases shortened to `width` columns by
/// dropping whole phrases from its end, so it is never cut mid-word (a
/// first phrase wider than `width` is wrapped by the caller's widget).
pub fn shorten_phrases(hint: &str, width: usize) -> String {
    let mut phrases: Vec<&str> = hint.split(" · ").collect();
    while phrases.len() > 1 && phrases.join(" · ").width() > width {
        phrases.pop();
    }
    phrases.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_breaks_between_words_and_splits_only_overlong_ones() {
        assert_eq!(wrap("Ctrl-l loads the file", 12), ["Ctrl-l loads", "the file"]);
        assert_eq!(wrap("ңөүңөү ab", 4), ["ңөүң", "өү", "ab"]);
        assert!(wrap("   ", 10).is_empty());
    }

    #[test]
    fn a_hint_too_wide_loses_whole_phrases_from_its_end() {
        let hint = "Enter сохранить · Esc отмена · Tab следующее поле";
        assert_eq!(shorten_phrases(hint, 80), hint);
        assert_eq!(shorten_phrases(hint, 35), "Enter сохранить · Esc отмена");
        assert_eq!(shorten_phrases(hint, 5), "Enter сохранить");
    }
}
