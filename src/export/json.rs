//! The whole session or programme record as JSON for other tools, with the
//! same field names as the RON file (documented in the README), minus the
//! private notes.

use crate::store::Loaded;

pub fn render(loaded: &Loaded) -> anyhow::Result<String> {
    let mut value = match loaded {
        Loaded::Session(s) => serde_json::json!({ "kind": "session", "session": s }),
        Loaded::Program(p) => serde_json::json!({ "kind": "programme", "programme": p }),
    };
    if let Some(session) = value.get_mut("session").and_then(|s| s.as_object_mut()) {
        session.remove("private_notes");
    }
    let mut text = serde_json::to_string_pretty(&value)?;
    text.push('\n');
    Ok(text)
}
