//! Who is responsible for an action, as organisations: the "By responsible"
//! view groups actions by the lead organisation, written any way
//! ("Мэрия г. Ош", "мэрия г. Ош", "Осмонова Нургуль, мэрия г. Ош",
//! "Мэрия г. Ош (Осмонова Н.)"), and lists the co-responsible bodies.

use super::Action;

/// A body's name as a comparison key: lower case, one space between words,
/// one kind of quotes, no trailing punctuation.
pub fn body_key(name: &str) -> String {
    let unified: String = name
        .chars()
        .map(|c| match c {
            '"' | '“' | '”' | '„' => '«',
            _ => c,
        })
        .collect::<String>()
        .to_lowercase();
    let words: Vec<&str> = unified.split_whitespace().collect();
    words.join(" ").trim_end_matches(['.', ',', ';', ':']).to_owned()
}

/// Whether a part looks like a person's name ("Осмонова Нургуль",
/// "Ковалёв С."): two or three capitalised words of letters, no quotes and
/// no all-capital abbreviations (МЧС, ТУ, МП).
fn looks_like_person(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    (2..=3).contains(&words.len())
        && words.iter().all(|w| {
            let mut chars = w.trim_end_matches('.').chars();
            let first = chars.next();
            let rest: Vec<char> = chars.collect();
            first.is_some_and(char::is_uppercase)
                && rest.iter().all(|c| c.is_lowercase() || *c == '-')
        })
}

/// The comma-separated parts of a field, with parenthesised contact
/// persons removed.
fn parts(field: &str) -> Vec<String> {
    let mut text = String::new();
    let mut depth = 0usize;
    for c in field.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => text.push(c),
            _ => {}
        }
    }
    text.split([',', ';'])
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

/// The lead organisation of an action and its co-responsible bodies (the
/// other responsible organisations, then the partners), each once.
pub fn bodies(action: &Action) -> (Option<String>, Vec<String>) {
    let responsible = parts(&action.responsible);
    let organisations: Vec<&String> =
        responsible.iter().filter(|p| !looks_like_person(p)).collect();
    // Only people named: the first person leads.
    let lead = organisations.first().copied().or(responsible.first()).cloned();
    let lead_key = lead.as_deref().map(body_key);
    let mut co: Vec<String> = Vec::new();
    let others = organisations.into_iter().skip(1).cloned();
    for part in others.chain(parts(&action.partners).into_iter().filter(|p| !looks_like_person(p)))
    {
        let key = body_key(&part);
        if Some(&key) != lead_key.as_ref() && !co.iter().any(|c| body_key(c) == key) {
            co.push(part);
        }
    }
    (lead, co)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn action(responsible: &str, partners: &str) -> Action {
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-19T10:00:00+06:00").unwrap();
        let mut a = Action::new("x", now);
        a.responsible = responsible.into();
        a.partners = partners.into();
        a
    }

    #[test]
    fn the_lead_is_the_whole_organisation_not_the_person_or_first_word() {
        let lead = |r: &str| bodies(&action(r, "")).0.map(|l| body_key(&l));
        let osh = Some("мэрия г. ош".to_owned());
        assert_eq!(lead("Осмонова Нургуль, мэрия г. Ош"), osh);
        assert_eq!(lead("Мэрия г. Ош, МЧС КР"), osh);
        assert_eq!(lead("Мэрия  г. Ош (Осмонова Н.)"), osh);
        assert_eq!(lead("МП «Ошводоканал» (Юсупова З.)"), Some("мп «ошводоканал»".to_owned()));
        assert_eq!(lead("Сатыбалдиева Динара"), Some("сатыбалдиева динара".to_owned()));
        assert_eq!(lead(""), None);
    }

    #[test]
    fn co_responsible_bodies_come_from_responsible_and_partners_once() {
        let (_, co) = bodies(&action("Мэрия г. Ош, МЧС КР", "Сатыбалдиева Динара, мэрия г. Ош"));
        assert_eq!(co, vec!["МЧС КР".to_owned()], "the lead and people are not partners");
        let (_, co) = bodies(&action(
            "Мэрия г. Бишкек, МП «Бишкекзеленхоз»",
            "ТУ «Ала-Тоо», сообщество Ак-Жар",
        ));
        assert_eq!(co, ["МП «Бишкекзеленхоз»", "ТУ «Ала-Тоо»", "сообщество Ак-Жар"]);
    }
}
