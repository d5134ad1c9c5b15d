//! `kenesh import SESSION registration.xlsx|.csv [--dry-run]`: adds the
//! participants of a registration list. All or nothing: a row with a
//! problem stops the import (every such row is listed); people already in
//! the session are reported and skipped. The session is written through
//! its lock, so an open editor is never overwritten.

mod table;

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, bail};

use crate::i18n::{t, targs};
use crate::model::{
    AgeBand, Gender, Participant, Session, Settlement, StakeholderGroup, Timestamp,
};
use crate::store::{Loaded, SessionFile};
use crate::text::say;

pub use table::read_table;

/// A participant field a registration column can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Name,
    Organisation,
    Gender,
    Age,
    Phone,
    Email,
    Settlement,
    Group,
}

impl Field {
    const ALL: [Field; 8] = [
        Field::Name,
        Field::Organisation,
        Field::Gender,
        Field::Age,
        Field::Phone,
        Field::Email,
        Field::Settlement,
        Field::Group,
    ];

    /// Headers it is known by, normalised (see [`normalise`]), in Russian,
    /// Kyrgyz and English. A header matches one of them or starts with it.
    fn headers(self) -> &'static [&'static str] {
        match self {
            Field::Name => &[
                "фио",
                "ф и о",
                "фамилия имя",
                "фамилия и имя",
                "имя фамилия",
                "участник",
                "аты жөнү",
                "толук аты",
                "name",
                "full name",
                "participant",
            ],
            Field::Organisation => &[
                "организация",
                "место работы",
                "уюм",
                "мекеме",
                "иштеген жери",
                "organisation",
                "organization",
            ],
            Field::Gender => &["пол", "жынысы", "жыныс", "gender", "sex"],
            Field::Age => &["возраст", "возрастная группа", "жашы", "жаш курагы", "курагы", "age"],
            Field::Phone => &["телефон", "тел", "номер телефона", "моб", "phone", "mobile"],
            Field::Email => {
                &["эл почта", "электронная почта", "e mail", "email", "почта", "эл дарек"]
            }
            Field::Settlement => {
                &["жилмассив", "жилой массив", "новостройка", "конуш", "жаңы конуш", "settlement"]
            }
            Field::Group => {
                &["группа", "категория", "топ", "тобу", "категориясы", "group", "category"]
            }
        }
    }

    fn label_id(self) -> &'static str {
        match self {
            Field::Name => "import-field-name",
            Field::Organisation => "import-field-organisation",
            Field::Gender => "import-field-gender",
            Field::Age => "import-field-age",
            Field::Phone => "import-field-phone",
            Field::Email => "import-field-email",
            Field::Settlement => "import-field-settlement",
            Field::Group => "import-field-group",
        }
    }
}

/// Lower case, ё as е, every run of punctuation and spaces one space.
pub fn normalise(text: &str) -> String {
    let mut out = String::new();
    for c in text.to_lowercase().chars() {
        let c = if c == 'ё' { 'е' } else { c };
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out.trim_end().to_owned()
}

/// The field a header names, if any.
pub fn field_of(header: &str) -> Option<Field> {
    let h = normalise(header);
    Field::ALL.into_iter().find(|f| {
        f.headers().iter().any(|a| h == *a || h.strip_prefix(a).is_some_and(|r| r.starts_with(' ')))
    })
}

/// Which column fills which field (the first column for each field).
pub type Mapping = Vec<(usize, Field)>;

/// The header row (the first of the first ten rows naming a name column)
/// and its mapping.
pub fn find_header(rows: &[Vec<String>]) -> Option<(usize, Mapping)> {
    rows.iter().take(10).enumerate().find_map(|(i, row)| {
        let mut mapping: Mapping = Vec::new();
        for (column, header) in row.iter().enumerate() {
            if let Some(field) = field_of(header)
                && !mapping.iter().any(|(_, f)| *f == field)
            {
                mapping.push((column, field));
            }
        }
        mapping.iter().any(|(_, f)| *f == Field::Name).then_some((i, mapping))
    })
}

pub fn gender(value: &str) -> Option<Gender> {
    match normalise(value).as_str() {
        "ж" | "жен" | "женский" | "женщина" | "аял" | "кыз" | "f" | "female" | "woman" => {
            Some(Gender::Female)
        }
        "м" | "муж" | "мужской" | "мужчина" | "эркек" | "m" | "male" | "man" => {
            Some(Gender::Male)
        }
        "другое" | "другой" | "башка" | "other" => Some(Gender::Other),
        _ => None,
    }
}

fn band_of_age(years: u32) -> AgeBand {
    match years {
        0..18 => AgeBand::Under18,
        18..30 => AgeBand::From18To29,
        30..45 => AgeBand::From30To44,
        45..60 => AgeBand::From45To59,
        _ => AgeBand::From60,
    }
}

/// An age band from "18–29", "60+", "до 18", "35" (years) or a band's name.
pub fn age_band(value: &str) -> Option<AgeBand> {
    let text = normalise(value);
    if let Some(band) =
        AgeBand::ALL.into_iter().find(|b| normalise(&crate::labels::age_band(*b)) == text)
    {
        return Some(band);
    }
    let numbers: Vec<u32> =
        text.split(|c: char| !c.is_ascii_digit()).filter_map(|n| n.parse().ok()).collect();
    let under = ["до", "under", "младше", "чейин"].iter().any(|w| text.split(' ').any(|x| x == *w))
        || value.trim_start().starts_with('<');
    match numbers[..] {
        [n] if under => Some(band_of_age(n.saturating_sub(1))),
        [n] if n < 120 => Some(band_of_age(n)),
        // A range must lie inside one band.
        [low, high] if low <= high && band_of_age(low) == band_of_age(high) => {
            Some(band_of_age(low))
        }
        _ => None,
    }
}

/// A stakeholder group from its name in any of the three languages or a
/// word that gives it away ("мэрия", "ОО", "эксперт").
pub fn group(value: &str) -> Option<StakeholderGroup> {
    use StakeholderGroup as G;
    let text = normalise(value);
    if let Some(g) = G::ALL.into_iter().find(|g| normalise(&crate::labels::group(*g)) == text) {
        return Some(g);
    }
    const WORDS: [(&str, StakeholderGroup); 17] = [
        ("мэри", G::CityHall),
        ("city hall", G::CityHall),
        ("омсу", G::LocalGovernment),
        ("local gov", G::LocalGovernment),
        ("айыл окмот", G::LocalGovernment),
        ("муницип", G::MunicipalService),
        ("municipal", G::MunicipalService),
        ("госорган", G::StateBody),
        ("государ", G::StateBody),
        ("state", G::StateBody),
        ("донор", G::InternationalDonor),
        ("donor", G::InternationalDonor),
        ("нко", G::CivilSociety),
        ("гражданск", G::CivilSociety),
        ("civil", G::CivilSociety),
        ("эксперт", G::Expert),
        ("лидер", G::CommunityLeader),
    ];
    WORDS.iter().find(|(w, _)| text.contains(w)).map(|(_, g)| *g).or(match text.as_str() {
        "expert" | "адис" => Some(G::Expert),
        "community leader" | "активист" => Some(G::CommunityLeader),
        "другое" | "other" | "башка" => Some(G::Other),
        _ => None,
    })
}

/// What the import would do.
#[derive(Debug, Default)]
pub struct Plan {
    pub added: Vec<Participant>,
    pub new_settlements: Vec<Settlement>,
    /// (row number, name in the file, name already listed).
    pub duplicates: Vec<(usize, String, String)>,
    /// (row number, what is wrong).
    pub problems: Vec<(usize, String)>,
}

/// Reads every row after the header into participants for `session`.
/// Row numbers are the spreadsheet's (1 = first row).
pub fn plan(
    session: &Session,
    rows: &[Vec<String>],
    header: usize,
    mapping: &Mapping,
    now: Timestamp,
) -> Plan {
    let mut plan = Plan::default();
    for (index, row) in rows.iter().enumerate().skip(header + 1) {
        let number = index + 1;
        let cell = |field: Field| {
            mapping
                .iter()
                .find(|(_, f)| *f == field)
                .and_then(|(column, _)| row.get(*column))
                .map_or("", |v| v.trim())
        };
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        match person(session, &plan, &cell, now) {
            Err(problems) => plan.problems.extend(problems.into_iter().map(|p| (number, p))),
            Ok(Err(listed)) => {
                let name = cell(Field::Name).split_whitespace().collect::<Vec<_>>().join(" ");
                plan.duplicates.push((number, name, listed));
            }
            Ok(Ok((person, settlement))) => {
                plan.new_settlements.extend(settlement);
                plan.added.push(person);
            }
        }
    }
    plan
}

type Person = (Participant, Option<Settlement>);

/// One row as a participant (and a settlement to add), or the name of the
/// person it repeats, or what is wrong with it.
fn person<'r>(
    session: &Session,
    plan: &Plan,
    cell: &dyn Fn(Field) -> &'r str,
    now: Timestamp,
) -> Result<Result<Person, String>, Vec<String>> {
    let mut problems = Vec::new();
    let name = cell(Field::Name).split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        problems.push(t("import-no-name"));
    }
    let mut bad = |field: Field, value: &str, hint: &str| {
        problems.push(targs(
            "import-bad-value",
            &[
                ("field", t(field.label_id()).into()),
                ("value", value.to_owned().into()),
                ("hint", t(hint).into()),
            ],
        ))
    };
    let (g, a, s) = (cell(Field::Gender), cell(Field::Age), cell(Field::Group));
    let gender_value = gender(g);
    if !g.is_empty() && gender_value.is_none() {
        bad(Field::Gender, g, "import-hint-gender");
    }
    let age_value = age_band(a);
    if !a.is_empty() && age_value.is_none() {
        bad(Field::Age, a, "import-hint-age");
    }
    let group_value = group(s);
    if !s.is_empty() && group_value.is_none() {
        bad(Field::Group, s, "import-hint-group");
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let listed = session
        .participants
        .iter()
        .chain(&plan.added)
        .find(|p| crate::capture::same_name(&p.name, &name));
    if let Some(listed) = listed {
        return Ok(Err(listed.name.clone()));
    }
    let mut p = Participant::new(name, group_value.unwrap_or(StakeholderGroup::Other), now);
    p.organisation = cell(Field::Organisation).to_owned();
    p.gender = gender_value;
    p.age_band = age_value;
    let contact: Vec<&str> =
        [cell(Field::Phone), cell(Field::Email)].into_iter().filter(|c| !c.is_empty()).collect();
    p.contact = contact.join(", ");
    let place = cell(Field::Settlement);
    let mut new_settlement = None;
    if !place.is_empty() {
        let known = session
            .settlements
            .iter()
            .chain(&plan.new_settlements)
            .find(|s| crate::capture::same_name(&s.name, place));
        p.settlement = Some(match known {
            Some(s) => s.id,
            None => {
                let s = Settlement::new(place, now);
                let id = s.id;
                new_settlement = Some(s);
                id
            }
        });
    }
    Ok(Ok((p, new_settlement)))
}

fn print_mapping(header: &[String], mapping: &Mapping) {
    say(&t("import-mapping"));
    for (column, header_text) in header.iter().enumerate() {
        if header_text.trim().is_empty() {
            continue;
        }
        let target = mapping
            .iter()
            .find(|(c, _)| *c == column)
            .map_or_else(|| t("import-ignored"), |(_, f)| t(f.label_id()));
        say(&format!("  {} «{}» → {target}", table::column_letter(column), header_text.trim()));
    }
}

pub fn run(
    session_path: &Path,
    registration: &Path,
    dry_run: bool,
    now: Timestamp,
) -> Result<ExitCode> {
    let rows = read_table(registration)?;
    let file_name = registration.display().to_string();
    let Some((header, mapping)) = find_header(&rows) else {
        bail!(targs("import-no-header", &[("file", file_name.into())]));
    };
    print_mapping(&rows[header], &mapping);
    let (mut file, loaded) = SessionFile::open(session_path)?;
    let Loaded::Session(mut session) = loaded else {
        bail!(targs(
            "import-not-a-session",
            &[("file", session_path.display().to_string().into())]
        ));
    };
    let plan = plan(&session, &rows, header, &mapping, now);
    for (row, name, listed) in &plan.duplicates {
        say(&targs(
            "import-duplicate",
            &[
                ("row", (*row).into()),
                ("name", name.clone().into()),
                ("listed", listed.clone().into()),
            ],
        ));
    }
    for (row, problem) in &plan.problems {
        eprintln!(
            "{}",
            targs("import-problem", &[("row", (*row).into()), ("problem", problem.clone().into())])
        );
    }
    if !plan.problems.is_empty() {
        eprintln!("{}", targs("import-nothing-added", &[("count", plan.problems.len().into())]));
        return Ok(ExitCode::FAILURE);
    }
    let count = plan.added.len();
    if dry_run {
        say(&targs(
            "import-would-add",
            &[("count", count.into()), ("settlements", plan.new_settlements.len().into())],
        ));
        return Ok(ExitCode::SUCCESS);
    }
    if count == 0 {
        say(&targs("import-would-add", &[("count", 0.into()), ("settlements", 0.into())]));
        return Ok(ExitCode::SUCCESS);
    }
    if let Err(holder) = file.lock() {
        bail!(targs(
            "import-locked",
            &[
                ("file", session_path.display().to_string().into()),
                ("holder", holder.to_string().into())
            ]
        ));
    }
    if file.replayed().found_anything() {
        bail!(targs("import-journal", &[("file", session_path.display().to_string().into())]));
    }
    session.settlements.extend(plan.new_settlements.iter().cloned());
    session.participants.extend(plan.added);
    session.updated = now.max(session.updated);
    file.save(&session)?;
    say(&targs(
        "import-added",
        &[
            ("count", count.into()),
            ("settlements", plan.new_settlements.len().into()),
            ("file", session_path.display().to_string().into()),
        ],
    ));
    Ok(ExitCode::SUCCESS)
}
