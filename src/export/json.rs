//! The whole session or programme record as JSON for other tools, with the
//! same field names as the RON file (documented in the README), minus the
//! private notes, and without participants' contacts unless asked.

use crate::store::Loaded;

pub fn render(loaded: &Loaded, include_contacts: bool) -> anyhow::Result<String> {
    let mut value = match loaded {
        Loaded::Session(s) => serde_json::json!({ "kind": "session", "session": s }),
        Loaded::Program(p) => serde_json::json!({ "kind": "programme", "programme": p }),
    };
    if let Some(session) = value.get_mut("session").and_then(|s| s.as_object_mut()) {
        session.remove("private_notes");
        // Which journal entries the file holds is bookkeeping, not data.
        session.remove("journals");
    }
    if !include_contacts {
        for record in ["session", "programme"] {
            let people = value.get_mut(record).and_then(|r| r.get_mut("participants"));
            for person in people.and_then(|p| p.as_array_mut()).into_iter().flatten() {
                if let Some(person) = person.as_object_mut() {
                    person.remove("contact");
                }
            }
        }
    }
    let mut text = escape_invisible(&serde_json::to_string_pretty(&value)?);
    text.push('\n');
    Ok(text)
}

/// serde_json escapes only below U+0020; DEL, C1 controls (U+009B is a
/// one-byte CSI) and bidi overrides would still reach a terminal or
/// reorder text in an editor, so they are written as `\uXXXX` too. They
/// can only occur inside strings, where the escape means the same.
fn escape_invisible(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if u32::from(c) >= 0x7F && crate::text::is_unsafe(c) {
            out.push_str(&format!("\\u{:04X}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c1_controls_and_bidi_overrides_are_escaped_and_the_json_stays_valid() {
        let raw = "a\u{9b}31m\u{90}x\u{9c}\u{202e}b\u{7f}\u{2066}\u{61c}ң";
        let json = escape_invisible(&serde_json::to_string(&raw).unwrap());
        assert!(!json.chars().any(|c| u32::from(c) >= 0x7F && crate::text::is_unsafe(c)), "{json}");
        assert!(json.contains("\\u009B") && json.contains("\\u202E"), "{json}");
        assert_eq!(serde_json::from_str::<String>(&json).unwrap(), raw);
    }
}
