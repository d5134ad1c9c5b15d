//! The note-taker's line: `n Нет освещения #Ак-Жар @Асанова` and friends.
//!
//! A line is a prefix, text, and tags. `#settlement` and `@person` tags can
//! stand anywhere; a tag is `#` or `@` at the start of a word, so the `#` in
//! `https://x.kg/#map` is text. `№` (where `#` sits on ЙЦУКЕН) is `#`, and
//! a prefix may be typed on the same key in a Cyrillic layout (`т` = `n`). A name with spaces is written with `_`
//! (`@Асанова_Айгуль`), which is how completion writes it, so a completed
//! line parses back to the same names.

/// What a line captures, told by its first word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaptureKind {
    Need,
    Action,
    Proposal,
    Decision,
    ParkingLot,
    Participant,
    PrivateNote,
    /// Put `@person` in the speaker queue of the running item.
    Queue,
}

impl CaptureKind {
    /// The prefixes, as typed and as listed in the help.
    pub const PREFIXES: [(&'static str, CaptureKind); 8] = [
        ("n", CaptureKind::Need),
        ("a", CaptureKind::Action),
        ("p", CaptureKind::Proposal),
        ("d", CaptureKind::Decision),
        ("l", CaptureKind::ParkingLot),
        ("+", CaptureKind::Participant),
        ("!", CaptureKind::PrivateNote),
        ("q", CaptureKind::Queue),
    ];

    pub fn help_id(self) -> &'static str {
        match self {
            CaptureKind::Need => "capture-need",
            CaptureKind::Action => "capture-action",
            CaptureKind::Proposal => "capture-proposal",
            CaptureKind::Decision => "capture-decision",
            CaptureKind::ParkingLot => "capture-parking-lot",
            CaptureKind::Participant => "capture-participant",
            CaptureKind::PrivateNote => "capture-private-note",
            CaptureKind::Queue => "capture-queue",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Capture {
    pub kind: CaptureKind,
    /// The words that are not prefix or tags, single-spaced.
    pub text: String,
    /// `#` tags, `_` read as a space, in order.
    pub settlements: Vec<String>,
    /// `@` tags, `_` read as a space, in order.
    pub people: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaptureError {
    Empty,
    /// The line starts with a word that is not a prefix.
    NoPrefix,
    /// A prefix with nothing to capture.
    NothingToCapture,
    /// The line starts with a bare `в`, which is also the Russian word
    /// "in": a sentence like "в школе нет воды" must not become a decision.
    AmbiguousDecision,
}

impl CaptureError {
    pub fn message_id(self) -> &'static str {
        match self {
            CaptureError::Empty => "capture-error-empty",
            CaptureError::NoPrefix => "capture-error-no-prefix",
            CaptureError::NothingToCapture => "capture-error-nothing",
            CaptureError::AmbiguousDecision => "capture-error-ambiguous-v",
        }
    }
}

/// A tag's name as written in a line: spaces become `_`.
pub fn tag_text(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join("_")
}

fn tag_name(raw: &str) -> String {
    raw.replace('_', " ").trim().to_owned()
}

/// The Cyrillic decision prefix, which is also the Russian word "in".
const AMBIGUOUS_PREFIX: &str = "в";

/// The kind a first word stands for: a prefix as listed, or the Cyrillic
/// letter on the same key (`т` for `n`, `ф` for `a`, `й` for `q`), either
/// optionally followed by a colon (`в:`, `n:`).
fn prefix_kind(first: &str) -> Option<CaptureKind> {
    let first = first.strip_suffix(':').filter(|f| !f.is_empty()).unwrap_or(first);
    let mut chars = first.chars();
    let latin = match (chars.next(), chars.next()) {
        (Some(c), None) => crate::layout_keys::canonical(c).to_string(),
        _ => return None,
    };
    CaptureKind::PREFIXES.iter().find(|(prefix, _)| *prefix == latin).map(|(_, kind)| *kind)
}

/// Whether `c` starts a settlement tag: `#`, or `№` on its key in ЙЦУКЕН.
pub fn is_settlement_sigil(c: char) -> bool {
    c == '#' || c == '№'
}

/// The name after a settlement sigil. A number is not a name: `школа
/// №47`, `дом №5:` and `#3` are text, so a school number never creates a
/// settlement "47" (a place with a number is tagged with its words,
/// `#12_мкр`).
fn strip_settlement_sigil(word: &str) -> Option<&str> {
    let name = word.strip_prefix('#').or_else(|| word.strip_prefix('№'))?;
    let is_number = name
        .trim_end_matches(|c: char| c.is_ascii_punctuation())
        .chars()
        .all(|c| c.is_ascii_digit());
    (!is_number).then_some(name)
}

pub fn parse(line: &str) -> Result<Capture, CaptureError> {
    let mut words = line.split_whitespace();
    let first = words.next().ok_or(CaptureError::Empty)?;
    // A bare `в` is refused rather than guessed: the line keeps its text
    // and the message says to write `в:` (or `d`) for a decision.
    if first == AMBIGUOUS_PREFIX {
        return Err(CaptureError::AmbiguousDecision);
    }
    let kind = prefix_kind(first).ok_or(CaptureError::NoPrefix)?;
    let mut text = Vec::new();
    let mut settlements = Vec::new();
    let mut people = Vec::new();
    for word in words {
        if let Some(raw) = strip_settlement_sigil(word).filter(|r| !r.is_empty()) {
            settlements.push(tag_name(raw));
        } else if let Some(raw) = word.strip_prefix('@').filter(|r| !r.is_empty()) {
            people.push(tag_name(raw));
        } else {
            text.push(word);
        }
    }
    let capture = Capture { kind, text: text.join(" "), settlements, people };
    let has_content = match kind {
        CaptureKind::Queue => !capture.people.is_empty(),
        // `+ @Name` adds a person by tag alone.
        CaptureKind::Participant => !capture.text.is_empty() || !capture.people.is_empty(),
        _ => !capture.text.is_empty(),
    };
    if has_content { Ok(capture) } else { Err(CaptureError::NothingToCapture) }
}

/// Lowercase without hyphens, spaces and underscores, with ё read as е, so
/// `акж` finds "Ак-Жар", `асанова_а` finds "Асанова Айгуль" and `семен`
/// finds "Семён".
fn squash(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '-' | ' ' | '_' | '.'))
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ё' { 'е' } else { c })
        .collect()
}

/// Whether two names are the same name, as tags and duplicate checks
/// read them (case, hyphens, spaces, `_` and ё/е aside).
pub fn same_name(a: &str, b: &str) -> bool {
    squash(a) == squash(b)
}

/// Names that a partly typed tag could mean: the whole name or any of its
/// words starts with it, ignoring case, hyphens and spaces.
pub fn candidates<'a>(typed: &str, names: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let query = squash(typed);
    let mut found: Vec<&str> = names
        .into_iter()
        .filter(|name| {
            squash(name).starts_with(&query)
                || name.split([' ', '-']).any(|word| squash(word).starts_with(&query))
        })
        .collect();
    found.sort_by_key(|name| (!squash(name).starts_with(&query), name.to_lowercase()));
    found.dedup();
    found
}

/// The name a tag stands for among `names`: an exact match (ignoring case,
/// hyphens, spaces), else the only name it is the start of.
pub fn resolve<'a>(tag: &str, names: impl IntoIterator<Item = &'a str> + Clone) -> Option<&'a str> {
    let wanted = squash(tag);
    if let Some(exact) = names.clone().into_iter().find(|n| squash(n) == wanted) {
        return Some(exact);
    }
    let mut starts = names.into_iter().filter(|n| squash(n).starts_with(&wanted));
    let first = starts.next()?;
    starts.next().is_none().then_some(first)
}

/// What a tag means among known names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TagMatch<'a> {
    /// Exactly one of the names, ignoring case, hyphens and spaces.
    Exact(&'a str),
    /// Not a name, but the start of these: the user must pick one.
    Unresolved(Vec<&'a str>),
    /// Nothing like it: a new name may be made from it.
    New,
    /// Nothing like it, and too short (one letter) to be a name.
    TooShort,
}

/// How a tag is read for capture: an exact name wins; a tag that only
/// starts names is never taken as one of them nor as a new name, so a
/// short or ambiguous tag creates no junk.
pub fn match_tag<'a>(tag: &str, names: impl IntoIterator<Item = &'a str> + Clone) -> TagMatch<'a> {
    let wanted = squash(tag);
    if let Some(exact) = names.clone().into_iter().find(|n| squash(n) == wanted) {
        return TagMatch::Exact(exact);
    }
    let found = candidates(tag, names);
    if !found.is_empty() {
        TagMatch::Unresolved(found)
    } else if wanted.chars().count() < 2 {
        TagMatch::TooShort
    } else {
        TagMatch::New
    }
}

/// The byte spans of the tags in `line` as `parse` reads them, with
/// whether each is a settlement tag, in order.
pub fn tag_spans(line: &str) -> Vec<(bool, usize, usize)> {
    let base = line.as_ptr() as usize;
    line.split_whitespace()
        .skip(1)
        .filter_map(|word| {
            let start = word.as_ptr() as usize - base;
            let end = start + word.len();
            if strip_settlement_sigil(word).is_some_and(|r| !r.is_empty()) {
                Some((true, start, end))
            } else if word.strip_prefix('@').is_some_and(|r| !r.is_empty()) {
                Some((false, start, end))
            } else {
                None
            }
        })
        .collect()
}

/// The tag being typed at the end of `line`, if any: its sigil (`#`, `№`
/// or `@`), its text, and the byte offset where it starts.
pub fn tag_at_end(line: &str) -> Option<(char, &str, usize)> {
    let (start, word) = word_at_end(line);
    let sigil = word.chars().next().filter(|c| is_settlement_sigil(*c) || *c == '@')?;
    Some((sigil, &word[sigil.len_utf8()..], start))
}

/// The last word of `line` and the byte offset where it starts.
pub fn word_at_end(line: &str) -> (usize, &str) {
    let start = line.rfind(char::is_whitespace).map_or(0, |i| i + 1);
    (start, &line[start..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(line: &str) -> Capture {
        parse(line).unwrap_or_else(|e| panic!("{line}: {e:?}"))
    }

    #[test]
    fn a_need_with_settlement_and_author() {
        let c = ok("n Нет освещения на ул. Ленина #Ак-Жар @Асанова");
        assert_eq!(c.kind, CaptureKind::Need);
        assert_eq!(c.text, "Нет освещения на ул. Ленина");
        assert_eq!(c.settlements, ["Ак-Жар"]);
        assert_eq!(c.people, ["Асанова"]);
    }

    #[test]
    fn tags_at_start_middle_and_end() {
        let c = ok("p #Адилет провести встречу @Ким_Ольга с жителями #Ак-Жар");
        assert_eq!(c.text, "провести встречу с жителями");
        assert_eq!(c.settlements, ["Адилет", "Ак-Жар"]);
        assert_eq!(c.people, ["Ким Ольга"], "underscore is a space");
    }

    #[test]
    fn kyrgyz_letters_and_every_prefix() {
        for (prefix, kind) in CaptureKind::PREFIXES {
            let line = match kind {
                CaptureKind::Queue => format!("{prefix} @Үсөнова"),
                _ => format!("{prefix} Жаңы көчө үчүн жарык"),
            };
            assert_eq!(ok(&line).kind, kind, "{line}");
        }
        assert_eq!(ok("d Жаңы көчө #Ала-Тоо-3").text, "Жаңы көчө");
    }

    #[test]
    fn a_line_with_only_a_tag() {
        assert_eq!(parse("n #Ак-Жар"), Err(CaptureError::NothingToCapture));
        assert_eq!(ok("+ @Иванов_Иван").people, ["Иванов Иван"]);
        assert_eq!(ok("q @Эсенов").people, ["Эсенов"]);
        assert_eq!(parse("q без тега"), Err(CaptureError::NothingToCapture));
    }

    #[test]
    fn empty_lines_and_missing_prefixes() {
        assert_eq!(parse(""), Err(CaptureError::Empty));
        assert_eq!(parse("   "), Err(CaptureError::Empty));
        assert_eq!(parse("Нет света"), Err(CaptureError::NoPrefix));
        assert_eq!(parse("n"), Err(CaptureError::NothingToCapture));
        assert_eq!(parse("a   "), Err(CaptureError::NothingToCapture));
    }

    #[test]
    fn a_hash_inside_a_url_is_text() {
        let c = ok("p карта https://map.kg/#ak-zhar и почта info@araket.kg");
        assert_eq!(c.text, "карта https://map.kg/#ak-zhar и почта info@araket.kg");
        assert!(c.settlements.is_empty() && c.people.is_empty());
    }

    #[test]
    fn lone_sigils_are_text() {
        assert_eq!(ok("p вопрос # 5 и @").text, "вопрос # 5 и @");
    }

    #[test]
    fn completion_is_case_insensitive_and_cyrillic_aware() {
        let places = ["Ак-Жар", "Адилет", "Ак-Ордо-2", "Ала-Тоо-3"];
        assert_eq!(candidates("акж", places), ["Ак-Жар"]);
        assert_eq!(candidates("АК", places), ["Ак-Жар", "Ак-Ордо-2"]);
        let people = ["Асанова Айгуль", "Абдыкадырова Гульмира", "Эсенов Улан"];
        assert_eq!(candidates("асан", people), ["Асанова Айгуль"]);
        assert_eq!(candidates("улан", people), ["Эсенов Улан"], "any word of the name");
        assert_eq!(candidates("Асанова_Ай", people), ["Асанова Айгуль"]);
    }

    #[test]
    fn a_completed_tag_parses_back_to_the_name() {
        let line =
            format!("n Нет воды #{} @{}", tag_text("Новый посёлок"), tag_text("Асанова Айгуль"));
        let c = ok(&line);
        assert_eq!(c.settlements, ["Новый посёлок"]);
        assert_eq!(c.people, ["Асанова Айгуль"]);
    }

    #[test]
    fn resolve_prefers_exact_then_unique_prefix() {
        let people = ["Асанова Айгуль", "Асанов Бакыт"];
        assert_eq!(resolve("асанова айгуль", people), Some("Асанова Айгуль"));
        assert_eq!(resolve("Асанова", people), Some("Асанова Айгуль"));
        assert_eq!(resolve("Асан", people), None, "ambiguous");
        assert_eq!(resolve("ак-жар", ["Ак-Жар"]), Some("Ак-Жар"));
    }

    #[test]
    fn cyrillic_prefixes_are_the_latin_ones_on_the_same_key() {
        let pairs = [
            ("т", CaptureKind::Need),
            ("ф", CaptureKind::Action),
            ("з", CaptureKind::Proposal),
            ("в:", CaptureKind::Decision),
            ("д", CaptureKind::ParkingLot),
            ("й", CaptureKind::Queue),
        ];
        for (prefix, kind) in pairs {
            let line = match kind {
                CaptureKind::Queue => format!("{prefix} @Үсөнова"),
                _ => format!("{prefix} Жаңы көчө үчүн жарык"),
            };
            assert_eq!(ok(&line).kind, kind, "{line}");
        }
        assert_eq!(parse("нет света"), Err(CaptureError::NoPrefix), "a word is not a prefix");
        assert_eq!(parse("Т свет"), Err(CaptureError::NoPrefix), "N is not a prefix either");
    }

    #[test]
    fn a_bare_v_is_the_russian_word_not_a_decision() {
        assert_eq!(parse("в школе №5 нет воды"), Err(CaptureError::AmbiguousDecision));
        assert_eq!(parse("в"), Err(CaptureError::AmbiguousDecision));
        let decision = ok("в: Провести встречу в Оше");
        assert_eq!(
            (decision.kind, decision.text.as_str()),
            (CaptureKind::Decision, "Провести встречу в Оше")
        );
        assert_eq!(ok("d в школе отремонтировать крышу").text, "в школе отремонтировать крышу");
        assert_eq!(ok("т: в школе нет воды").kind, CaptureKind::Need, "every prefix takes a colon");
        assert_eq!(ok("т в школе нет воды").text, "в школе нет воды");
        assert_eq!(parse(": свет"), Err(CaptureError::NoPrefix), "a colon alone is no prefix");
    }

    #[test]
    fn a_number_after_a_sign_is_text_not_a_settlement() {
        let c = ok("т Школа №47: течёт крыша, кабинет #5");
        assert_eq!(c.text, "Школа №47: течёт крыша, кабинет #5");
        assert!(c.settlements.is_empty());
        assert_eq!(ok("т Свет #12_мкр").settlements, ["12 мкр"], "a numbered place with words");
        assert_eq!(tag_spans("т Школа №47 и №Ак").len(), 1, "only №Ак is a tag");
    }

    #[test]
    fn numero_sign_is_a_settlement_tag() {
        let c = ok("т Тест №Адилет @Турдубаева");
        assert_eq!(c.text, "Тест");
        assert_eq!(c.settlements, ["Адилет"]);
        assert_eq!(c.people, ["Турдубаева"]);
        assert_eq!(ok("з дом № 5").text, "дом № 5", "a lone № is text");
        assert_eq!(tag_at_end("т свет №ак"), Some(('№', "ак", 12)));
    }

    #[test]
    fn yo_and_ye_are_one_letter_for_completion() {
        let people = ["Семёнов Пётр", "Алёна Ким"];
        assert_eq!(candidates("семен", people), ["Семёнов Пётр"]);
        assert_eq!(candidates("ПЕТР", people), ["Семёнов Пётр"]);
        assert_eq!(candidates("але", people), ["Алёна Ким"]);
        assert_eq!(resolve("семенов_петр", people), Some("Семёнов Пётр"));
    }

    #[test]
    fn the_tag_being_typed() {
        assert_eq!(tag_at_end("n свет #акж"), Some(('#', "акж", 11)), "byte offset");
        assert_eq!(tag_at_end("n свет @"), Some(('@', "", 11)));
        assert_eq!(tag_at_end("n свет"), None);
    }

    #[test]
    fn a_tag_that_only_starts_names_is_unresolved_and_one_letter_is_never_a_name() {
        let people = ["Асанова Айгуль", "Асанов Бакыт", "Ким Ольга"];
        assert_eq!(match_tag("асанова_айгуль", people), TagMatch::Exact("Асанова Айгуль"));
        assert_eq!(
            match_tag("Асан", people),
            TagMatch::Unresolved(vec!["Асанов Бакыт", "Асанова Айгуль"])
        );
        assert_eq!(match_tag("Ким", people), TagMatch::Unresolved(vec!["Ким Ольга"]), "a prefix");
        assert_eq!(match_tag("Ю", people), TagMatch::TooShort);
        assert_eq!(match_tag("Юсупов", people), TagMatch::New);
    }

    #[test]
    fn tag_spans_are_the_tags_parse_reads() {
        let line = "т свет №Ак @Ким_О и @ почта@x.kg";
        let spans = tag_spans(line);
        let texts: Vec<(bool, &str)> = spans.iter().map(|(s, a, b)| (*s, &line[*a..*b])).collect();
        assert_eq!(texts, [(true, "№Ак"), (false, "@Ким_О")]);
    }
}
