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
    let mut text = serde_json::to_string_pretty(&value)?;
    text.push('\n');
    Ok(text)
}
