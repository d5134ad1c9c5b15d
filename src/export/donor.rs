//! Donor tables of a session or a programme record (`export --document
//! donor`): participation per session and overall, gender × age band ×
//! stakeholder group, speaking time by group and by gender, needs by
//! settlement with and without an action, and actions by status. Built
//! from the programme record (a session is first made a one-session
//! record), so a session and a record give the same tables.

use std::collections::{BTreeMap, BTreeSet};

use super::clean;
use super::minutes::{Block, TableKind};
use crate::i18n::{t, targs};
use crate::labels;
use crate::model::{
    ActionStatus, AgeBand, Date, Gender, Id, Participant, Program, StakeholderGroup,
};
use crate::store::Loaded;

/// One donor table: its heading, header and rows (cells as text; numbers
/// are plain digits so the workbook can write them as numbers).
pub struct DonorTable {
    pub heading: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// Shares of `total` proportional to `values`, as whole numbers that add
/// up to `total` exactly (largest remainder: the parts with the largest
/// fractions get the units left over; ties go to the earlier part).
pub fn largest_remainder(values: &[u64], total: u64) -> Vec<u64> {
    let sum: u64 = values.iter().sum();
    if sum == 0 {
        return vec![0; values.len()];
    }
    let exact: Vec<(u64, u64)> = values
        .iter()
        .map(|v| {
            let scaled = u128::from(*v) * u128::from(total);
            let whole = (scaled / u128::from(sum)) as u64;
            let remainder = (scaled % u128::from(sum)) as u64;
            (whole, remainder)
        })
        .collect();
    let mut shares: Vec<u64> = exact.iter().map(|(w, _)| *w).collect();
    let left = total - shares.iter().sum::<u64>();
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(exact[i].1), i));
    for &i in order.iter().take(left as usize) {
        shares[i] += 1;
    }
    shares
}

/// The record the tables are made from.
fn record_of(loaded: &Loaded) -> Program {
    match loaded {
        Loaded::Session(s) => crate::merge::program_of(s),
        Loaded::Program(p) => p.clone(),
    }
}

fn count(n: usize) -> String {
    n.to_string()
}

/// Present people per session, then participations and unique people.
fn participation(p: &Program) -> DonorTable {
    let mut rows = Vec::new();
    let mut unique: BTreeSet<Id> = BTreeSet::new();
    let mut total = 0;
    for s in &p.sessions {
        let present: Vec<Id> = p
            .attendance
            .iter()
            .filter(|a| a.session == s.id && a.present)
            .map(|a| a.participant)
            .collect();
        total += present.len();
        unique.extend(present.iter().copied());
        rows.push(vec![
            s.date.format("%d.%m.%Y").to_string(),
            clean(&s.title),
            count(present.len()),
        ]);
    }
    rows.push(vec![String::new(), t("donor-participations"), count(total)]);
    rows.push(vec![String::new(), t("donor-unique"), count(unique.len())]);
    DonorTable {
        heading: t("donor-participation"),
        header: vec![t("export-date"), t("donor-session"), t("export-present")],
        rows,
    }
}

/// People present at least once.
fn attendees(p: &Program) -> Vec<&Participant> {
    let present: BTreeSet<Id> =
        p.attendance.iter().filter(|a| a.present).map(|a| a.participant).collect();
    p.participants.iter().filter(|x| present.contains(&x.id)).collect()
}

fn gender_name(g: Option<Gender>) -> String {
    g.map_or_else(|| t("export-not-given"), labels::gender)
}

/// Unique attendees by group and gender (rows) and age band (columns).
fn cross_tab(p: &Program) -> DonorTable {
    let people = attendees(p);
    let bands: Vec<Option<AgeBand>> =
        AgeBand::ALL.iter().copied().map(Some).chain(std::iter::once(None)).collect();
    let genders: Vec<Option<Gender>> =
        Gender::ALL.iter().copied().map(Some).chain(std::iter::once(None)).collect();
    let mut rows = Vec::new();
    for group in StakeholderGroup::ALL {
        for gender in &genders {
            let here: Vec<&&Participant> =
                people.iter().filter(|x| x.group == group && x.gender == *gender).collect();
            if here.is_empty() {
                continue;
            }
            let mut row = vec![labels::group(group), gender_name(*gender)];
            row.extend(
                bands.iter().map(|b| count(here.iter().filter(|x| x.age_band == *b).count())),
            );
            row.push(count(here.len()));
            rows.push(row);
        }
    }
    let mut total = vec![t("donor-total"), String::new()];
    total.extend(bands.iter().map(|b| count(people.iter().filter(|x| x.age_band == *b).count())));
    total.push(count(people.len()));
    rows.push(total);
    let mut header = vec![t("col-group"), t("donor-gender")];
    header.extend(bands.iter().map(|b| b.map_or_else(|| t("export-not-given"), labels::age_band)));
    header.push(t("donor-total"));
    DonorTable { heading: t("donor-cross-tab"), header, rows }
}

/// Seconds spoken per participant over every session of the record.
fn seconds_by_person(p: &Program) -> BTreeMap<Id, u64> {
    let mut seconds: BTreeMap<Id, u64> = BTreeMap::new();
    for s in &p.sessions {
        for x in &s.speaking {
            *seconds.entry(x.participant).or_default() += x.seconds;
        }
    }
    seconds
}

/// Minutes and % per label, both adding up exactly to their totals.
fn speaking_table(heading: String, first: String, parts: Vec<(String, u64)>) -> DonorTable {
    let parts: Vec<(String, u64)> = parts.into_iter().filter(|(_, s)| *s > 0).collect();
    let seconds: Vec<u64> = parts.iter().map(|(_, s)| *s).collect();
    let all: u64 = seconds.iter().sum();
    let total_minutes = (all + 30) / 60;
    let minutes = largest_remainder(&seconds, total_minutes);
    let percent = largest_remainder(&seconds, 100);
    let mut rows: Vec<Vec<String>> = parts
        .iter()
        .zip(minutes.iter().zip(&percent))
        .map(|((label, _), (m, pc))| vec![label.clone(), m.to_string(), format!("{pc}%")])
        .collect();
    let total_percent = if all == 0 { 0 } else { 100 };
    rows.push(vec![t("donor-total"), total_minutes.to_string(), format!("{total_percent}%")]);
    DonorTable { heading, header: vec![first, t("donor-minutes"), t("export-share")], rows }
}

fn speaking_by(p: &Program) -> [DonorTable; 2] {
    let seconds = seconds_by_person(p);
    let person = |id: &Id| p.participants.iter().find(|x| x.id == *id);
    let mut by_group: Vec<(String, u64)> =
        StakeholderGroup::ALL.iter().map(|g| (labels::group(*g), 0)).collect();
    let genders: Vec<Option<Gender>> =
        Gender::ALL.iter().copied().map(Some).chain(std::iter::once(None)).collect();
    let mut by_gender: Vec<(String, u64)> = genders.iter().map(|g| (gender_name(*g), 0)).collect();
    for (id, s) in &seconds {
        let Some(x) = person(id) else { continue };
        if let Some(i) = StakeholderGroup::ALL.iter().position(|g| *g == x.group) {
            by_group[i].1 += s;
        }
        if let Some(i) = genders.iter().position(|g| *g == x.gender) {
            by_gender[i].1 += s;
        }
    }
    [
        speaking_table(t("donor-speaking-group"), t("col-group"), by_group),
        speaking_table(t("donor-speaking-gender"), t("donor-gender"), by_gender),
    ]
}

/// Needs that at least one action serves.
fn needs_with_action(p: &Program) -> BTreeSet<Id> {
    p.actions.iter().flat_map(|a| a.action.needs.iter().copied()).collect()
}

/// Needs per settlement (city, then settlement name), with and without an
/// action; then every need no action serves.
fn needs(p: &Program) -> [DonorTable; 2] {
    let served = needs_with_action(p);
    let place = |id: Option<Id>| {
        id.and_then(|id| p.settlements.iter().find(|s| s.id == id))
            .map_or((String::new(), String::new()), |s| (clean(&s.city), clean(&s.name)))
    };
    let mut by_place: BTreeMap<(String, String), (usize, usize)> = BTreeMap::new();
    let mut unserved = Vec::new();
    for n in &p.needs {
        let key = place(n.need.settlement);
        let slot = by_place.entry(key.clone()).or_default();
        slot.0 += 1;
        if served.contains(&n.need.id) {
            slot.1 += 1;
        } else {
            unserved.push(vec![key.0, key.1, clean(&n.need.title)]);
        }
    }
    unserved.sort();
    let mut rows: Vec<Vec<String>> = by_place
        .iter()
        .map(|((city, name), (all, with))| {
            vec![city.clone(), name.clone(), count(*all), count(*with), count(all - with)]
        })
        .collect();
    let all = p.needs.len();
    let with = p.needs.iter().filter(|n| served.contains(&n.need.id)).count();
    rows.push(vec![t("donor-total"), String::new(), count(all), count(with), count(all - with)]);
    [
        DonorTable {
            heading: t("donor-needs"),
            header: vec![
                t("export-city"),
                t("col-settlement"),
                t("col-needs"),
                t("donor-with-action"),
                t("donor-without-action"),
            ],
            rows,
        },
        DonorTable {
            heading: targs("donor-needs-without", &[("count", unserved.len().into())]),
            header: vec![t("export-city"), t("col-settlement"), t("col-need")],
            rows: unserved,
        },
    ]
}

/// Actions per status, with how many of them are overdue on `today`.
fn actions(p: &Program, today: Date) -> DonorTable {
    let mut rows: Vec<Vec<String>> = ActionStatus::ALL
        .iter()
        .map(|status| {
            let here: Vec<_> = p.actions.iter().filter(|a| a.action.status == *status).collect();
            let overdue = here.iter().filter(|a| a.action.is_overdue(today)).count();
            vec![labels::action_status(*status), count(here.len()), count(overdue)]
        })
        .collect();
    let overdue = p.actions.iter().filter(|a| a.action.is_overdue(today)).count();
    rows.push(vec![t("donor-total"), count(p.actions.len()), count(overdue)]);
    DonorTable {
        heading: targs("donor-actions", &[("date", today.format("%d.%m.%Y").to_string().into())]),
        header: vec![t("col-status"), t("donor-count"), t("export-overdue")],
        rows,
    }
}

/// Every donor table, in the order the document shows them.
pub fn tables(loaded: &Loaded, today: Date) -> Vec<DonorTable> {
    let p = record_of(loaded);
    let [by_group, by_gender] = speaking_by(&p);
    let [needs, unserved] = needs(&p);
    vec![participation(&p), cross_tab(&p), by_group, by_gender, needs, unserved, actions(&p, today)]
}

/// The donor tables as a document for the Markdown, HTML and DOCX writers.
pub fn blocks(loaded: &Loaded, title: &str, today: Date) -> Vec<Block> {
    let mut out = vec![Block::Heading(1, targs("donor-title", &[("title", clean(title).into())]))];
    for (i, table) in tables(loaded, today).into_iter().enumerate() {
        out.push(Block::Heading(2, table.heading));
        let kind = TableKind::Donor(u8::try_from(i).unwrap_or(u8::MAX));
        out.push(Block::Table { kind, header: table.header, rows: table.rows });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::largest_remainder;

    #[test]
    fn shares_add_up_to_the_total_with_the_largest_fractions_rounded_up() {
        assert_eq!(largest_remainder(&[1, 1, 1], 100), vec![34, 33, 33]);
        assert_eq!(largest_remainder(&[2, 1], 100), vec![67, 33]);
        assert_eq!(largest_remainder(&[0, 0], 100), vec![0, 0]);
        assert_eq!(largest_remainder(&[50, 30, 20], 7), vec![4, 2, 1]);
        let shares = largest_remainder(&[7, 11, 13, 17, 19], 100);
        assert_eq!(shares.iter().sum::<u64>(), 100);
    }
}
