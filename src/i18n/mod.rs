//! The message catalogue. Every user-facing string comes from here, looked
//! up by id in a Fluent file (`src/i18n/<lang>.ftl`), so adding a language
//! touches no view code and Russian plurals follow CLDR rules.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// A language the interface speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
}

impl Lang {
    fn source(self) -> &'static str {
        match self {
            Lang::En => include_str!("en.ftl"),
        }
    }

    fn id(self) -> LanguageIdentifier {
        match self {
            Lang::En => "en".parse().expect("valid language id"),
        }
    }
}

type Bundle = FluentBundle<FluentResource>;

static BUNDLE: OnceLock<Bundle> = OnceLock::new();

fn build(lang: Lang) -> Bundle {
    let resource = FluentResource::try_new(lang.source().to_owned())
        .unwrap_or_else(|(_, errors)| panic!("message catalogue {lang:?} has errors: {errors:?}"));
    let mut bundle = FluentBundle::new_concurrent(vec![lang.id()]);
    // Unicode isolation marks would reach the terminal as invisible characters.
    bundle.set_use_isolating(false);
    bundle.add_resource(resource).unwrap_or_else(|errors| {
        panic!("message catalogue {lang:?} has duplicate ids: {errors:?}")
    });
    bundle
}

/// Chooses the interface language; the first call wins.
pub fn init(lang: Lang) {
    let _ = BUNDLE.set(build(lang));
}

fn bundle() -> &'static Bundle {
    BUNDLE.get_or_init(|| build(Lang::En))
}

/// The message `id`, without arguments.
pub fn t(id: &str) -> String {
    targs(id, &[])
}

/// The message `id` with named arguments (numbers pick the plural form).
pub fn targs(id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    let bundle = bundle();
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        // A missing id is a bug the catalogue test catches; show the id
        // rather than nothing so the screen stays usable.
        return id.to_owned();
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, value.clone());
    }
    let mut errors = Vec::new();
    bundle.format_pattern(pattern, Some(&fluent_args), &mut errors).into_owned()
}

/// True if the catalogue holds `id` (for tests).
pub fn has(id: &str) -> bool {
    bundle().has_message(id)
}
