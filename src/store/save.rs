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
/// Escaping every string costs most of the time on a large session, so the
/// text is first written without escaping; when no string needed it (no
/// raw string, no character that escaping would change), that text is
/// byte-identical to the escaped one and is used as it is.
pub fn to_ron<T: Serialize>(value: &T) -> Result<String, ron::Error> {
    let options = ron::Options::default();
    let mut text = options.to_string_pretty(value, config(false))?;
    if needs_escaping(&text) {
        text = options.to_string_pretty(value, config(true))?;
    }
    text.push('\n');
    Ok(text)
}

/// Whether unescaped output differs from escaped output: a raw string was
/// used (a quote or backslash), or a character that escaping changes.
fn needs_escaping(text: &str) -> bool {
    text.contains("r\"") || text.contains("r#")
        || text.chars().any(|c| {
            if c.is_ascii() {
                // Structure uses `"` and `\n`; anything else escaping would
                // change (control characters, `'`, `\`) sends us the slow way.
                !(c == '"' || c == '\n' || (c.is_ascii_graphic() && c != '\'' && c != '\\') || c == ' ')
            } else {
                // Common letters and punctuation are printable and never
                // escaped; look the rest up (the lookup is slow).
                let common = matches!(c, '\u{A0}'..='\u{2FF}' | '\u{400}'..='\u{482}' | '\u{48A}'..='\u{52F}' | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}');
                !common && c.escape_debug().nth(1).is_some()
            }
        })
}
