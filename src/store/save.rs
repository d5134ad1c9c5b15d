use std::fmt;

use ron::ser::PrettyConfig;
use serde::Serialize;

fn config(escape: bool) -> PrettyConfig {
    PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .struct_names(true)
        .separate_tuple_members(false)
        .escape_strings(escape)
}

/// Serializes to the canonical file text: pretty, four-space indent, struct
/// names, `\n` line ends, Cyrillic written as itself (only control and
/// invisible characters, quotes and backslashes are escaped). Same value,
/// same bytes: the model holds only ordered collections.
///
/// Escaping every character costs most of the time on a large session, so
/// the text is first written without escaping while the string values are
/// watched; if none holds a character that escaping would change, that text
/// is byte-identical to the escaped one and is used as it is.
pub fn to_ron<T: Serialize>(value: &T) -> Result<String, ron::Error> {
    let options = ron::Options::default();
    let mut watched = Watched { out: String::new(), in_string: false, needs_escaping: false };
    options.to_writer_pretty(&mut watched, value, config(false))?;
    let mut text = if watched.needs_escaping {
        options.to_string_pretty(value, config(true))?
    } else {
        watched.out
    };
    text.push('\n');
    Ok(text)
}

/// Whether escaping changes `c`.
fn escaped(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_control() || matches!(c, '"' | '\'' | '\\');
    }
    // Common letters and punctuation are printable and never escaped; the
    // lookup for the rest is slow.
    let common = matches!(c, '\u{A0}'..='\u{2FF}' | '\u{400}'..='\u{482}' | '\u{48A}'..='\u{52F}' | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}');
    !common && c.escape_debug().nth(1).is_some()
}

/// A writer that notices string values needing escaping. ron writes a
/// string as the quote character, the value in one piece, the quote
/// character; nothing else is written as a lone quote.
struct Watched {
    out: String,
    in_string: bool,
    needs_escaping: bool,
}

impl fmt::Write for Watched {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        if self.in_string && !self.needs_escaping && s.chars().any(escaped) {
            self.needs_escaping = true;
        }
        self.out.push_str(s);
        Ok(())
    }

    fn write_char(&mut self, c: char) -> fmt::Result {
        if c == '"' {
            self.in_string = !self.in_string;
        } else if self.in_string && escaped(c) {
            self.needs_escaping = true;
        }
        self.out.push(c);
        Ok(())
    }
}
