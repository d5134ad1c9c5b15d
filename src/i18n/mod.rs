//! The message catalogue. Every user-facing string comes from here, looked
//! up by id in a Fluent file (`src/i18n/<lang>.ftl`), so adding a language
//! touches no view code and Russian plurals follow CLDR rules
//! ("1 голос / 3 голоса / 11 голосов").
//!
//! English and Russian are complete; Kyrgyz covers the projector and the
//! main labels and falls back to Russian, then English, for the rest.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// A language the interface speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Ru,
    Ky,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Ru, Lang::Ky];

    pub fn source(self) -> &'static str {
        match self {
            Lang::En => include_str!("en.ftl"),
            Lang::Ru => include_str!("ru.ftl"),
            Lang::Ky => include_str!("ky.ftl"),
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
            Lang::Ky => "ky",
        }
    }

    /// The languages to look a message up in, in order.
    fn chain(self) -> &'static [Lang] {
        match self {
            Lang::En => &[Lang::En],
            Lang::Ru => &[Lang::Ru, Lang::En],
            Lang::Ky => &[Lang::Ky, Lang::Ru, Lang::En],
        }
    }

    /// A language from a tag such as `ru`, `ru_RU.UTF-8` or `ky-KG`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['_', '-', '.', '@']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "ru" => Some(Lang::Ru),
            "ky" | "kir" => Some(Lang::Ky),
            _ => None,
        }
    }

    /// `--lang`, then the config file, then LC_ALL / LC_MESSAGES / LANG,
    /// then English. An empty or unknown value is skipped.
    pub fn choose(
        cli: Option<&str>,
        config: Option<&str>,
        env: impl Fn(&str) -> Option<String>,
    ) -> Lang {
        cli.and_then(Lang::from_tag)
            .or_else(|| config.and_then(Lang::from_tag))
            .or_else(|| {
                ["LC_ALL", "LC_MESSAGES", "LANG"]
                    .iter()
                    .filter_map(|name| env(name).filter(|v| !v.is_empty()))
                    .find_map(|v| Lang::from_tag(&v))
            })
            .unwrap_or(Lang::En)
    }
}

type Bundle = FluentBundle<FluentResource>;

struct Catalogue {
    lang: Lang,
    bundles: Vec<Bundle>,
}

static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();

pub fn bundle_for(lang: Lang) -> Bundle {
    let resource = FluentResource::try_new(lang.source().to_owned())
        .unwrap_or_else(|(_, errors)| panic!("message catalogue {lang:?} has errors: {errors:?}"));
    let id: LanguageIdentifier = lang.code().parse().expect("valid language id");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Unicode isolation marks would reach the terminal as invisible characters.
    bundle.set_use_isolating(false);
    bundle.add_resource(resource).unwrap_or_else(|errors| {
        panic!("message catalogue {lang:?} has duplicate ids: {errors:?}")
    });
    bundle
}

fn build(lang: Lang) -> Catalogue {
    Catalogue { lang, bundles: lang.chain().iter().map(|l| bundle_for(*l)).collect() }
}

/// Chooses the interface language; the first call wins.
pub fn init(lang: Lang) {
    let _ = CATALOGUE.set(build(lang));
}

fn catalogue() -> &'static Catalogue {
    CATALOGUE.get_or_init(|| build(Lang::En))
}

/// The language in use.
pub fn lang() -> Lang {
    catalogue().lang
}

/// The message `id`, without arguments.
pub fn t(id: &str) -> String {
    targs(id, &[])
}

/// The message `id` with named arguments (numbers pick the plural form).
pub fn targs(id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, value.clone());
    }
    for bundle in &catalogue().bundles {
        if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            return bundle.format_pattern(pattern, Some(&fluent_args), &mut errors).into_owned();
        }
    }
    // A missing id is a bug the catalogue test catches; show the id rather
    // than nothing so the screen stays usable.
    id.to_owned()
}

/// The message `id` in `lang`, whatever the interface speaks (a document
/// written for a meeting in another language than the terminal's).
pub fn targs_in(lang: Lang, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    if lang == self::lang() {
        return targs(id, args);
    }
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, value.clone());
    }
    for bundle in lang.chain().iter().map(|l| bundle_for(*l)) {
        if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            return bundle.format_pattern(pattern, Some(&fluent_args), &mut errors).into_owned();
        }
    }
    id.to_owned()
}

/// The language text is written in, as far as its letters tell: Kyrgyz
/// letters (ң, ө, ү), else Cyrillic, else none.
pub fn language_of_text<'a>(texts: impl IntoIterator<Item = &'a str>) -> Option<Lang> {
    let mut cyrillic = false;
    for text in texts {
        for c in text.chars() {
            if matches!(c, 'ң' | 'ө' | 'ү' | 'Ң' | 'Ө' | 'Ү') {
                return Some(Lang::Ky);
            }
            cyrillic |= ('\u{0400}'..='\u{04FF}').contains(&c);
        }
    }
    cyrillic.then_some(Lang::Ru)
}

/// A date written out for the language: "26 ноября 2026 г.".
pub fn long_date(date: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    targs(
        "long-date",
        &[
            ("day", date.day().to_string().into()),
            ("month", t(&format!("month-{}", date.month())).into()),
            ("year", date.year().to_string().into()),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_comes_from_flag_then_config_then_environment() {
        let env = |vars: &'static [(&'static str, &'static str)]| {
            move |name: &str| vars.iter().find(|(k, _)| *k == name).map(|(_, v)| (*v).to_owned())
        };
        assert_eq!(Lang::choose(Some("ru"), Some("en"), env(&[])), Lang::Ru);
        assert_eq!(Lang::choose(None, Some("ky"), env(&[("LANG", "ru_RU.UTF-8")])), Lang::Ky);
        assert_eq!(Lang::choose(None, None, env(&[("LANG", "ru_RU.UTF-8")])), Lang::Ru);
        assert_eq!(
            Lang::choose(
                None,
                None,
                env(&[("LC_ALL", ""), ("LC_MESSAGES", "ky_KG"), ("LANG", "ru_RU")])
            ),
            Lang::Ky
        );
        assert_eq!(Lang::choose(None, None, env(&[("LANG", "de_DE.UTF-8")])), Lang::En);
        assert_eq!(Lang::choose(Some("xx"), None, env(&[])), Lang::En);
    }
}
