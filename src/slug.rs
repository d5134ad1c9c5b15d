//! File names from meeting titles: ASCII transliteration of Russian and
//! Kyrgyz, safe on every platform.

/// Latin spelling of one Cyrillic letter (lower case), or `None` if `c` is
/// not a Cyrillic letter we know.
fn transliterate(c: char) -> Option<&'static str> {
    Some(match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'е' => "e",
        'ё' => "yo",
        'ж' => "zh",
        'з' => "z",
        'и' => "i",
        'й' => "i",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' | 'ь' => "",
        'ы' => "y",
        'э' => "e",
        'ю' => "yu",
        'я' => "ya",
        // Kyrgyz
        'ң' => "ng",
        'ө' => "o",
        'ү' => "u",
        // Kazakh/Uzbek letters that turn up in names
        'ә' => "a",
        'ғ' => "g",
        'қ' => "k",
        'ұ' => "u",
        'һ' => "h",
        'і' => "i",
        'ў' => "u",
        _ => return None,
    })
}

/// Names Windows refuses whatever the extension.
const RESERVED: [&str; 22] = [
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

const MAX_LEN: usize = 60;

/// A lowercase ASCII slug: letters, digits and single hyphens. Never empty,
/// never a path, never a reserved device name.
/// "Круглый стол в Оше" → "kruglyi-stol-v-oshe".
pub fn slugify(title: &str) -> String {
    let mut slug = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if let Some(latin) = transliterate(c) {
            slug.push_str(latin);
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let mut slug: String = slug.trim_matches('-').to_owned();
    if slug.len() > MAX_LEN {
        slug.truncate(MAX_LEN);
        slug = slug.trim_end_matches('-').to_owned();
    }
    if slug.is_empty() {
        return "session".to_owned();
    }
    if RESERVED.contains(&slug.as_str()) {
        slug.push_str("-session");
    }
    slug
}

#[cfg(test)]
mod tests {
    use super::slugify;

    #[test]
    fn russian_and_kyrgyz_titles_transliterate() {
        assert_eq!(slugify("Круглый стол в Оше"), "kruglyi-stol-v-oshe");
        assert_eq!(
            slugify("Жаңы конуштар: Ак-Жар, Үч-Коңур"),
            "zhangy-konushtar-ak-zhar-uch-kongur"
        );
        assert_eq!(slugify("Өнүгүү"), "onuguu");
        assert_eq!(slugify("Roundtable 2026"), "roundtable-2026");
    }

    #[test]
    fn unsafe_titles_become_safe_names() {
        assert_eq!(slugify("../x"), "x");
        assert_eq!(slugify("../../etc/passwd"), "etc-passwd");
        assert_eq!(slugify(""), "session");
        assert_eq!(slugify("   "), "session");
        assert_eq!(slugify("…!!"), "session");
        assert_eq!(slugify("CON"), "con-session");
        assert_eq!(slugify("nul"), "nul-session");
        assert_eq!(slugify("a\0b\\c/d"), "a-b-c-d");
    }

    #[test]
    fn long_titles_are_cut_without_a_trailing_hyphen() {
        let slug = slugify(&"слово ".repeat(40));
        assert!(slug.len() <= 60, "{slug}");
        assert!(!slug.ends_with('-'));
    }
}
