//! The configuration file: `config.ron` in the platform config folder
//! (`~/.config/kenesh/config.ron` on Linux). Every field is optional; an
//! invalid file is reported with line and column and the defaults are used.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::model::StakeholderGroup;
use crate::ui::projector::ThemeName;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// "en", "ru" or "ky" (else LC_ALL / LC_MESSAGES / LANG decide).
    pub language: Option<String>,
    pub theme: Option<ThemeName>,
    /// Where `kenesh` and `kenesh new` look for sessions.
    pub sessions_folder: Option<PathBuf>,
    /// Need categories offered besides the built-in ones.
    pub need_categories: Vec<String>,
    /// Stakeholder groups offered in the participant form, in this order
    /// (empty: all of them).
    pub stakeholder_groups: Vec<StakeholderGroup>,
    /// Longest planned speaking turn (default 180 seconds).
    pub speaking_limit_seconds: Option<u32>,
    /// Rotate the projector's slides every this many seconds (0: by hand).
    pub projector_rotation_seconds: Option<u32>,
    /// Key overrides, patched over the compiled key table.
    pub keys: Vec<KeyOverride>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyOverride {
    /// An action name as listed by `kenesh config --default` (the key
    /// table, `app::keymap`, reads these).
    pub action: String,
    /// Keys such as "x", "Ctrl-s", "F5", "Space", "Enter"; a Cyrillic
    /// letter ("т", "Ctrl-к") is the key it sits on.
    pub keys: Vec<String>,
}

impl Config {
    /// The key overrides as (action name, keys), for the key table.
    pub fn key_overrides(&self) -> impl Iterator<Item = (&str, &[String])> {
        self.keys.iter().map(|o| (o.action.as_str(), o.keys.as_slice()))
    }
}

/// Where the configuration file is.
pub fn path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "kenesh").map(|d| d.config_dir().join("config.ron"))
}

/// Reads a config file. A missing file is the defaults; a broken one is
/// the defaults plus a message naming file, line and column.
pub fn read(path: &Path) -> (Config, Option<String>) {
    let Ok(text) = std::fs::read_to_string(path) else { return (Config::default(), None) };
    match ron::Options::default().from_str::<Config>(&text) {
        Ok(config) => (config, None),
        Err(e) => {
            let at = crate::store::skip_whitespace(
                &text,
                crate::store::Position { line: e.span.start.line, col: e.span.start.col },
            );
            (
                Config::default(),
                Some(crate::i18n::targs(
                    "config-invalid",
                    &[
                        ("file", path.display().to_string().into()),
                        ("line", at.line.into()),
                        ("col", at.col.into()),
                        ("error", e.code.to_string().into()),
                    ],
                )),
            )
        }
    }
}

static CURRENT: OnceLock<Config> = OnceLock::new();

/// Makes `config` the one the program uses; the first call wins.
pub fn install(config: Config) {
    let _ = CURRENT.set(config);
}

static PROBLEM: OnceLock<String> = OnceLock::new();

/// Remembers why the configuration file was not used, for the editor to
/// show on screen (stderr is hidden behind the alternate screen).
pub fn install_problem(problem: String) {
    let _ = PROBLEM.set(problem);
}

/// Why the configuration file was not used, if it was broken.
pub fn problem() -> Option<&'static str> {
    PROBLEM.get().map(String::as_str)
}

/// The configuration in use (the defaults until `install`).
pub fn current() -> &'static Config {
    CURRENT.get_or_init(Config::default)
}

/// A commented default configuration, for `kenesh config --default`,
/// listing the action names keys can be bound to.
pub fn default_text(action_names: &[&str]) -> String {
    format!(
        r#"// kenesh configuration. Every field is optional; delete what you do not need.
#![enable(implicit_some)]
Config(
    // "en", "ru" or "ky". Without it: --lang, then LC_ALL / LC_MESSAGES / LANG.
    language: "ru",
    // Projector colours: Dark, Light (bright rooms) or HighContrast.
    theme: Dark,
    // Where `kenesh` and `kenesh new` keep sessions (default ./sessions or the data folder).
    // sessions_folder: "/home/user/kenesh/sessions",
    // Need categories offered besides the built-in ones.
    need_categories: ["Парковки", "Озеленение"],
    // Stakeholder groups in the participant form, in this order (empty: all).
    // CityHall, LocalGovernment, MunicipalService, StateBody, InternationalDonor,
    // CivilSociety, Expert, CommunityLeader, Other
    stakeholder_groups: [],
    // Longest planned speaking turn, seconds.
    speaking_limit_seconds: 180,
    // Rotate projector slides every N seconds (0: only by hand).
    projector_rotation_seconds: 0,
    // Key overrides, patched over the built-in key table (the ? help shows the result).
    // A key may be written in either layout: "т" is the n key, "Ctrl-к" is Ctrl-r.
    // Actions: {}
    keys: [
        // (action: "vote-up", keys: ["+", "Ctrl-Up"]),
    ],
)
"#,
        action_names.join(", ")
    )
}
