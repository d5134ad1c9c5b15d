//! The README's table of mode keys is the key table: every binding of the
//! form, capture line, help, quit question, projector, dashboard and
//! present scopes appears there with its keys and configuration name, and
//! the README lists nothing the table does not have.

use kenesh::app::keymap::{KeyMap, Scope, action_name};
use kenesh::i18n::{Lang, targs_in};

const START: &str = "<!-- keys:modes (tests/readme_keys.rs) -->";
const END: &str = "<!-- /keys:modes -->";

/// The block as the key table spells it.
fn expected() -> String {
    let map = KeyMap::default();
    let mut rows = vec![
        "| mode | keys | override name | what it does |".to_owned(),
        "|---|---|---|---|".to_owned(),
    ];
    for scope in Scope::ALL {
        let Some(scope_name) = scope.config_name() else { continue };
        for binding in map.bindings.iter().filter(|b| b.scope == scope) {
            let keys: Vec<String> =
                binding.keys.iter().map(|k| format!("`{}`", k.label())).collect();
            let name = action_name(binding.action)
                .map_or_else(|| "—".to_owned(), |a| format!("`{scope_name}.{a}`"));
            let help = targs_in(Lang::En, binding.help, &[]);
            rows.push(format!("| {scope_name} | {} | {name} | {help} |", keys.join(", ")));
        }
    }
    rows.join("\n")
}

#[test]
fn the_readme_mode_key_table_is_the_key_table() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme.find(START).expect("the README has the mode keys block") + START.len();
    let end = readme[start..].find(END).expect("the block ends") + start;
    let block = readme[start..end].trim();
    let expected = expected();
    assert!(
        block == expected,
        "README's mode keys differ from the key table; the table says:\n{expected}"
    );
}
