//! The one physical-layout table: for every key of the main block, what it
//! types in the Latin (US), Russian ЙЦУКЕН and Kyrgyz Cyrillic layouts,
//! unshifted and shifted. Single-key commands and capture prefixes look a
//! typed character up here, so `т` (where `n` sits) does what `n` does.
//!
//! Russian is the Windows layout as xkeyboard-config `symbols/ru(winkeys)`
//! defines it (`№` on Shift-3, `"` on Shift-2, `.` `,` right of `ю`).
//! Kyrgyz is xkeyboard-config `symbols/kg` "basic" ("KyrgyzWin"): it
//! includes `ru(winkeys)` and adds a third level (AltGr) on three keys:
//! `<AD03>` у → ү, `<AD06>` н → ң, `<AC07>` о → ө (uppercase on Shift-AltGr).
//! Windows' Kyrgyz Cyrillic layout (KBDKYR) puts ү ң ө on the same keys.
//! Source: https://gitlab.freedesktop.org/xkeyboard-config/xkeyboard-config,
//! files `symbols/kg` and `symbols/ru`.

/// A keyboard layout our users type in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Latin,
    Russian,
    Kyrgyz,
}

impl Layout {
    pub const CYRILLIC: [Layout; 2] = [Layout::Russian, Layout::Kyrgyz];
}

/// One physical key: its (unshifted, shifted) character in each layout.
/// `kyrgyz_altgr` is the AltGr level the Kyrgyz layout adds; elsewhere
/// Kyrgyz types what Russian types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhysicalKey {
    pub latin: (char, char),
    pub russian: (char, char),
    pub kyrgyz_altgr: Option<(char, char)>,
}

const fn key(latin: (char, char), russian: (char, char)) -> PhysicalKey {
    PhysicalKey { latin, russian, kyrgyz_altgr: None }
}

const fn kg(latin: (char, char), russian: (char, char), altgr: (char, char)) -> PhysicalKey {
    PhysicalKey { latin, russian, kyrgyz_altgr: Some(altgr) }
}

/// Row by row, left to right (xkb names `<TLDE>`, `<AE01>`…, `<AD01>`…,
/// `<AC01>`…, `<AB01>`…).
pub const KEYS: [PhysicalKey; 47] = [
    key(('`', '~'), ('ё', 'Ё')),
    key(('1', '!'), ('1', '!')),
    key(('2', '@'), ('2', '"')),
    key(('3', '#'), ('3', '№')),
    key(('4', '$'), ('4', ';')),
    key(('5', '%'), ('5', '%')),
    key(('6', '^'), ('6', ':')),
    key(('7', '&'), ('7', '?')),
    key(('8', '*'), ('8', '*')),
    key(('9', '('), ('9', '(')),
    key(('0', ')'), ('0', ')')),
    key(('-', '_'), ('-', '_')),
    key(('=', '+'), ('=', '+')),
    key(('q', 'Q'), ('й', 'Й')),
    key(('w', 'W'), ('ц', 'Ц')),
    kg(('e', 'E'), ('у', 'У'), ('ү', 'Ү')),
    key(('r', 'R'), ('к', 'К')),
    key(('t', 'T'), ('е', 'Е')),
    kg(('y', 'Y'), ('н', 'Н'), ('ң', 'Ң')),
    key(('u', 'U'), ('г', 'Г')),
    key(('i', 'I'), ('ш', 'Ш')),
    key(('o', 'O'), ('щ', 'Щ')),
    key(('p', 'P'), ('з', 'З')),
    key(('[', '{'), ('х', 'Х')),
    key((']', '}'), ('ъ', 'Ъ')),
    key(('\\', '|'), ('\\', '/')),
    key(('a', 'A'), ('ф', 'Ф')),
    key(('s', 'S'), ('ы', 'Ы')),
    key(('d', 'D'), ('в', 'В')),
    key(('f', 'F'), ('а', 'А')),
    key(('g', 'G'), ('п', 'П')),
    key(('h', 'H'), ('р', 'Р')),
    kg(('j', 'J'), ('о', 'О'), ('ө', 'Ө')),
    key(('k', 'K'), ('л', 'Л')),
    key(('l', 'L'), ('д', 'Д')),
    key((';', ':'), ('ж', 'Ж')),
    key(('\'', '"'), ('э', 'Э')),
    key(('z', 'Z'), ('я', 'Я')),
    key(('x', 'X'), ('ч', 'Ч')),
    key(('c', 'C'), ('с', 'С')),
    key(('v', 'V'), ('м', 'М')),
    key(('b', 'B'), ('и', 'И')),
    key(('n', 'N'), ('т', 'Т')),
    key(('m', 'M'), ('ь', 'Ь')),
    key((',', '<'), ('б', 'Б')),
    key(('.', '>'), ('ю', 'Ю')),
    key(('/', '?'), ('.', ',')),
];

impl PhysicalKey {
    /// What the key types in `layout`: unshifted and shifted, plus the
    /// Kyrgyz AltGr level.
    pub fn chars(&self, layout: Layout) -> Vec<char> {
        match (layout, self.kyrgyz_altgr) {
            (Layout::Latin, _) => vec![self.latin.0, self.latin.1],
            (Layout::Russian, _) | (Layout::Kyrgyz, None) => vec![self.russian.0, self.russian.1],
            (Layout::Kyrgyz, Some((small, capital))) => {
                vec![self.russian.0, self.russian.1, small, capital]
            }
        }
    }

    /// The character at the same key and Shift level in `layout` as
    /// `latin` is in the Latin layout. (The Kyrgyz AltGr letters are a
    /// level of their own; `chars` lists them.)
    pub fn same_level(&self, latin: char, layout: Layout) -> Option<char> {
        let (small, capital) = match layout {
            Layout::Latin => self.latin,
            Layout::Russian | Layout::Kyrgyz => self.russian,
        };
        if latin == self.latin.0 {
            Some(small)
        } else if latin == self.latin.1 {
            Some(capital)
        } else {
            None
        }
    }
}

/// The character a command key is known by: a character the Latin layout
/// types is itself (so `:` and `?` typed on a Russian keyboard, where they
/// sit elsewhere, are still `:` and `?`); a Cyrillic character is the Latin
/// one on the same key and level (`т` → `n`, `Ы` → `S`, `ү` → `e`,
/// `№` → `#`). The Latin layout types only ASCII, the Cyrillic ones ASCII
/// punctuation besides their letters, so ASCII is always itself.
pub fn canonical(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    KEYS.iter()
        .find_map(|k| {
            let (small, capital) = k.russian;
            let (altgr_small, altgr_capital) = k.kyrgyz_altgr.unwrap_or((small, capital));
            if c == small || c == altgr_small {
                Some(k.latin.0)
            } else if c == capital || c == altgr_capital {
                Some(k.latin.1)
            } else {
                None
            }
        })
        .unwrap_or(c)
}

/// The physical key that types `latin` in the Latin layout.
pub fn physical(latin: char) -> Option<&'static PhysicalKey> {
    KEYS.iter().find(|k| k.latin.0 == latin || k.latin.1 == latin)
}

/// The Cyrillic character on the same key and level as `latin`, if that is
/// a different, non-ASCII character (`n` → `т`, `:` → `Ж`, `1` → none).
pub fn cyrillic_twin(latin: char) -> Option<char> {
    physical(latin).and_then(|k| k.same_level(latin, Layout::Russian)).filter(|c| !c.is_ascii())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_issue_examples_are_on_their_keys() {
        let pairs = [
            ('т', 'n'),
            ('е', 't'),
            ('г', 'u'),
            ('ф', 'a'),
            ('ы', 's'),
            ('з', 'p'),
            ('й', 'q'),
            ('ч', 'x'),
            ('к', 'r'),
            ('с', 'c'),
            ('в', 'd'),
            ('у', 'e'),
            ('о', 'j'),
            ('л', 'k'),
        ];
        for (cyrillic, latin) in pairs {
            assert_eq!(canonical(cyrillic), latin, "{cyrillic}");
            assert_eq!(cyrillic_twin(latin), Some(cyrillic), "{latin}");
        }
    }

    #[test]
    fn shifted_and_kyrgyz_letters_keep_their_level() {
        assert_eq!(canonical('Ы'), 'S');
        assert_eq!(canonical('Ж'), ':');
        assert_eq!(canonical('№'), '#');
        assert_eq!(canonical('ү'), 'e');
        assert_eq!(canonical('Ң'), 'Y');
        assert_eq!(canonical('ө'), 'j');
    }

    #[test]
    fn characters_the_latin_layout_types_stay_themselves() {
        // `:` and `?` are Shift-6 and Shift-7 on ЙЦУКЕН: still `:` and `?`.
        for c in [':', '?', '"', '.', ',', '/', '+', '-', '=', '1', ' ', 'n', 'é'] {
            assert_eq!(canonical(c), c);
        }
    }

    #[test]
    fn the_latin_layout_types_only_ascii() {
        assert!(KEYS.iter().all(|k| k.latin.0.is_ascii() && k.latin.1.is_ascii()));
    }

    #[test]
    fn every_cyrillic_letter_of_both_alphabets_is_on_one_key() {
        let russian = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя";
        let kyrgyz_extra = "ңөү";
        for c in russian.chars().chain(kyrgyz_extra.chars()) {
            for c in [c, c.to_uppercase().next().unwrap()] {
                let on_keys = KEYS.iter().filter(|k| {
                    k.chars(Layout::Kyrgyz).contains(&c) || k.chars(Layout::Russian).contains(&c)
                });
                assert_eq!(on_keys.count(), 1, "{c}");
                assert!(canonical(c).is_ascii(), "{c}");
            }
        }
    }
}
