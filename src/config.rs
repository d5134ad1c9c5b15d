//! The configuration file: `config.ron` in the platform config folder
//! (`~/.config/kenesh/config.ron` on Linux). Every field is optional; an
//! invalid file is reported with line and column and the defaults are used.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::app::projector::ThemeName;
use crate::model::StakeholderGroup;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// "en", "ru" or "ky" (else LC_ALL / LC_MESSAGES / LANG decide).
    pub language: Option<String>,
    /// How other editors of the same session see this one (else user@host).
    pub name: Option<String>,
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
    /// The letterhead atop the minutes, the protocol and the sign-in sheet.
    pub letterhead: Option<Letterhead>,
}

/// The organisation's letterhead on exported documents.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Letterhead {
    /// The organisation's name, the first line of every document.
    pub organisation: String,
    /// A PNG or JPEG file (a relative path is relative to the config file's
    /// folder); a missing or unreadable one is reported and left out.
    pub logo: Option<PathBuf>,
    /// A line under the name, such as "при поддержке GFA и SDC".
    pub support: String,
}

impl Letterhead {
    /// The letterhead for the exports, with the logo read and checked.
    /// A logo that cannot be used gives a message naming its file, and the
    /// letterhead without it.
    pub fn load(
        &self,
        config_folder: Option<&Path>,
    ) -> (crate::export::Letterhead, Option<String>) {
        let mut letterhead = crate::export::Letterhead {
            organisation: self.organisation.clone(),
            support: self.support.clone(),
            logo: None,
        };
        let Some(logo) = &self.logo else { return (letterhead, None) };
        let path = match config_folder {
            Some(folder) if logo.is_relative() => folder.join(logo),
            _ => logo.clone(),
        };
        let file = path.display().to_string();
        let problem = match std::fs::read(&path) {
            Err(e) => crate::i18n::targs(
                "letterhead-logo-unreadable",
                &[("file", file.into()), ("error", e.to_string().into())],
            ),
            Ok(bytes) => match crate::export::Logo::from_bytes(bytes) {
                Ok(logo) => {
                    letterhead.logo = Some(logo);
                    return (letterhead, None);
                }
                Err(crate::export::LogoProblem::NotAnImage) => {
                    crate::i18n::targs("letterhead-logo-not-image", &[("file", file.into())])
                }
            },
        };
        (letterhead, Some(problem))
    }
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
    // How other editors of the same session see you (default: user@host).
    // name: "Асанова Айгуль",
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
    // The letterhead atop the minutes, the protocol and the sign-in sheet:
    // the organisation, an optional PNG or JPEG logo (relative to this folder)
    // and a support line.
    // letterhead: (
    //     organisation: "Городской центр развития",
    //     logo: "logo.png",
    //     support: "при поддержке GFA и SDC",
    // ),
)
"#,
        action_names.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_relative_logo_is_read_beside_the_config_file_and_an_empty_one_is_no_logo() {
        let dir = tempfile::tempdir().unwrap();
        let png = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/logo.png"));
        std::fs::write(dir.path().join("logo.png"), png.unwrap()).unwrap();
        let configured = Letterhead {
            organisation: "ЦРГ".into(),
            logo: Some("logo.png".into()),
            support: "при поддержке GFA и SDC".into(),
        };
        let (letterhead, problem) = configured.load(Some(dir.path()));
        assert_eq!(problem, None);
        let logo = letterhead.logo.expect("the logo beside config.ron");
        assert_eq!((logo.width, logo.height), (240, 80));
        let (letterhead, problem) = configured.load(Some(&dir.path().join("elsewhere")));
        assert!(letterhead.logo.is_none() && letterhead.organisation == "ЦРГ");
        assert!(problem.unwrap().contains("elsewhere"), "the message names the path it tried");
        let text = "Config(letterhead: Some((organisation: \"ЦРГ\")))";
        let config: Config = ron::Options::default().from_str(text).unwrap();
        assert_eq!(
            config.letterhead.unwrap().load(None),
            (crate::export::Letterhead { organisation: "ЦРГ".into(), ..Default::default() }, None)
        );
    }
}
