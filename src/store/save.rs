use ron::ser::PrettyConfig;
use serde::Serialize;

/// Serializes to the canonical file text: pretty, four-space indent, struct
/// names, `\n` line ends, Cyrillic written as itself (only control and
/// invisible characters are escaped). Same value, same bytes: the model
/// holds only ordered collections.
pub fn to_ron<T: Serialize>(value: &T) -> Result<String, ron::Error> {
    let config = PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .struct_names(true)
        .separate_tuple_members(false)
        .escape_strings(true);
    let mut text = ron::Options::default().to_string_pretty(value, config)?;
    text.push('\n');
    Ok(text)
}
