//! The minutes as a neutral document (headings, paragraphs, lists,
//! tables), built once and rendered by the Markdown, HTML and DOCX exports.

use super::clean;
use super::report::Report;
use super::times;
use crate::i18n::{t, targs};
use crate::labels;
use crate::model::{AgeBand, AgendaStatus, Gender, ProposalKind, StakeholderGroup};

pub enum Block {
    Heading(u8, String),
    Paragraph(String),
    Bullets(Vec<String>),
    /// A list numbered 1, 2, 3 … (restarting for every list).
    Numbered(Vec<String>),
    Table {
        kind: TableKind,
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    /// Everything after this is the action plan, which is too wide for a
    /// portrait page: DOCX starts a landscape section, HTML a landscape page.
    Landscape,
    /// The organisation's letterhead, atop the document.
    Letterhead(super::letterhead::Letterhead),
}

/// The configured letterhead, if it shows anything.
pub(super) fn letterhead(r: &Report) -> Option<Block> {
    let letterhead = r.letterhead.as_ref().filter(|l| !l.is_empty())?;
    Some(Block::Letterhead(super::letterhead::Letterhead {
        organisation: clean(&letterhead.organisation),
        support: clean(&letterhead.support),
        logo: letterhead.logo.clone(),
    }))
}

/// Which table a block is; tables of one kind share their column widths.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TableKind {
    Participants,
    Proposals,
    Groups,
    /// The sign-in sheet: tall rows with room to sign.
    SignIn,
    Agenda,
    Speaking,
    Needs,
    Actions,
    /// The donor tables (`super::donor`), each with columns of its own.
    Donor(u8),
}

/// Every table of one kind together: its header, all its rows, and
/// whether it is in the landscape part.
pub struct TablesOfKind<'a> {
    pub kind: TableKind,
    pub landscape: bool,
    pub header: &'a [String],
    pub rows: Vec<&'a [String]>,
}

pub fn tables_by_kind(blocks: &[Block]) -> Vec<TablesOfKind<'_>> {
    let mut landscape = false;
    let mut gathered: Vec<TablesOfKind> = Vec::new();
    for block in blocks {
        match block {
            Block::Landscape => landscape = true,
            Block::Table { kind, header, rows } => {
                let slot = match gathered.iter().position(|g| g.kind == *kind) {
                    Some(i) => i,
                    None => {
                        let rows = Vec::new();
                        gathered.push(TablesOfKind { kind: *kind, landscape, header, rows });
                        gathered.len() - 1
                    }
                };
                gathered[slot].rows.extend(rows.iter().map(Vec::as_slice));
            }
            _ => {}
        }
    }
    gathered
}

fn date_text(date: Option<crate::model::Date>) -> String {
    date.map(|d| d.format("%d.%m.%Y").to_string()).unwrap_or_default()
}

pub fn minutes(r: &Report) -> Vec<Block> {
    let mut doc: Vec<Block> = letterhead(r).into_iter().collect();
    doc.push(Block::Heading(1, clean(r.title)));
    let mut header = Vec::new();
    for (label, value) in [
        ("export-date", r.date.map(crate::i18n::long_date).unwrap_or_default()),
        ("export-place", clean(r.place)),
        ("export-organiser", clean(r.organiser)),
        ("export-facilitator", clean(r.facilitator)),
    ] {
        if !value.is_empty() {
            header.push(format!("{}: {value}", t(label)));
        }
    }
    if !header.is_empty() {
        doc.push(Block::Bullets(header));
    }
    attendance(r, &mut doc);
    participant_list(r, &mut doc);
    if !r.agenda.is_empty() {
        agenda(r, &mut doc);
        speaking(r, &mut doc);
    }
    needs(r, &mut doc);
    proposals(r, &mut doc);
    if let Some(table) = proposal_table(r, ProposalKind::ParkingLot) {
        doc.push(Block::Heading(2, t("export-parking-lot")));
        doc.push(table);
    }
    doc.push(Block::Landscape);
    doc.push(Block::Heading(2, t("export-action-plan")));
    doc.push(action_table(r));
    signatures(r, &mut doc);
    doc
}

/// Blank rows for people who come without an invitation.
const WALK_IN_ROWS: usize = 10;

/// The sign-in sheet (лист регистрации) to print before the meeting: the
/// invited participants, then blank rows for walk-ins, each with room for
/// a signature. Landscape, so every column has room to write in.
pub fn sign_in(r: &Report) -> Vec<Block> {
    let mut doc = vec![Block::Landscape];
    doc.extend(letterhead(r));
    doc.push(Block::Heading(1, t("export-sign-in")));
    let mut header = vec![clean(r.title)];
    if let Some(date) = r.date {
        header.push(crate::i18n::long_date(date));
    }
    if !r.place.is_empty() {
        header.push(clean(r.place));
    }
    doc.push(Block::Paragraph(header.join(" · ")));
    // Room to write: non-breaking spaces widen a column but never wrap.
    let room = |chars: usize| "\u{a0}".repeat(chars);
    let mut rows: Vec<Vec<String>> = r
        .participants
        .iter()
        .enumerate()
        .map(|(i, p)| {
            vec![
                (i + 1).to_string(),
                clean(&p.name),
                clean(&p.organisation),
                clean(r.settlement_name(p.settlement)),
                p.gender.map(labels::gender).unwrap_or_default(),
                p.age_band.map(labels::age_band).unwrap_or_default(),
                clean(&p.contact),
                room(24),
            ]
        })
        .collect();
    let first_blank = rows.len() + 1;
    rows.extend((0..WALK_IN_ROWS).map(|i| {
        let mut row = vec![(first_blank + i).to_string(), room(28), room(24), room(14)];
        row.extend([String::new(), String::new(), room(16), room(24)]);
        row
    }));
    doc.push(Block::Table {
        kind: TableKind::SignIn,
        header: [
            "export-no",
            "col-name",
            "col-organisation",
            "col-settlement",
            "field-gender",
            "field-age-band",
            "export-phone",
            "export-signature",
        ]
        .iter()
        .map(|id| t(id))
        .collect(),
        rows,
    });
    doc
}

/// Lines to sign for the organiser and the facilitator.
fn signatures(r: &Report, doc: &mut Vec<Block>) {
    let mut lines = Vec::new();
    for (label, name) in [("export-organiser", r.organiser), ("export-facilitator", r.facilitator)]
    {
        if !name.is_empty() {
            lines.push(format!("{}: ____________________ {}", t(label), clean(name)));
        }
    }
    if !lines.is_empty() {
        doc.push(Block::Heading(2, t("export-signatures")));
        doc.extend(lines.into_iter().map(Block::Paragraph));
    }
}

fn attendance(r: &Report, doc: &mut Vec<Block>) {
    doc.push(Block::Heading(2, t("export-attendance")));
    doc.push(Block::Paragraph(targs(
        "export-present-of",
        &[("present", r.present().count().into()), ("total", r.participants.len().into())],
    )));
    let rows = r
        .group_counts()
        .into_iter()
        .map(|(g, present, all)| vec![labels::group(g), present.to_string(), all.to_string()])
        .collect();
    doc.push(Block::Table {
        kind: TableKind::Groups,
        header: vec![t("export-group"), t("export-present"), t("export-invited")],
        rows,
    });
    let by = |values: Vec<(String, usize)>| -> String {
        values
            .into_iter()
            .filter(|(_, n)| *n > 0)
            .map(|(l, n)| format!("{l} {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let gender = by(Gender::ALL
        .iter()
        .map(|g| (labels::gender(*g), r.present().filter(|p| p.gender == Some(*g)).count()))
        .chain(std::iter::once((
            t("export-not-given"),
            r.present().filter(|p| p.gender.is_none()).count(),
        )))
        .collect());
    let age = by(AgeBand::ALL
        .iter()
        .map(|a| (labels::age_band(*a), r.present().filter(|p| p.age_band == Some(*a)).count()))
        .chain(std::iter::once((
            t("export-not-given"),
            r.present().filter(|p| p.age_band.is_none()).count(),
        )))
        .collect());
    doc.push(Block::Bullets(vec![
        format!("{}: {gender}", t("export-by-gender")),
        format!("{}: {age}", t("export-by-age")),
    ]));
}

fn agenda(r: &Report, doc: &mut Vec<Block>) {
    doc.push(Block::Heading(2, t("export-agenda")));
    doc.push(agenda_table(r));
    let notes: Vec<String> = r
        .agenda
        .iter()
        .enumerate()
        .filter(|(_, a)| !a.notes.trim().is_empty())
        .map(|(i, a)| format!("{}. {}: {}", i + 1, clean(&a.title), clean(&a.notes)))
        .collect();
    if !notes.is_empty() {
        doc.push(Block::Heading(3, t("export-agenda-notes")));
        doc.push(Block::Bullets(notes));
    }
}

/// The agenda with planned and actual times, the overrun and the status.
pub(super) fn agenda_table(r: &Report) -> Block {
    let rows = r
        .agenda
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let start = a.actual_start().map(|t| t.format("%H:%M").to_string()).unwrap_or_default();
            let end = match a.status {
                AgendaStatus::Active => t("agenda-active"),
                _ => a.actual_end().map(|t| t.format("%H:%M").to_string()).unwrap_or_default(),
            };
            let spent = r.spent(a);
            let over = if spent > a.planned() {
                format!("+{}", times::minutes(spent - a.planned()))
            } else {
                String::new()
            };
            vec![
                (i + 1).to_string(),
                clean(&a.title),
                clean(&a.presenter),
                times::minutes(a.planned()),
                start,
                end,
                if a.runs.is_empty() { String::new() } else { times::minutes(spent) },
                over,
                labels::agenda_status(a.status),
            ]
        })
        .collect();
    Block::Table {
        kind: TableKind::Agenda,
        header: [
            "export-no",
            "export-item",
            "export-presenter",
            "export-planned",
            "export-start",
            "export-end",
            "export-spent",
            "export-overrun",
            "export-status",
        ]
        .iter()
        .map(|id| t(id))
        .collect(),
        rows,
    }
}

fn speaking(r: &Report, doc: &mut Vec<Block>) {
    if let Some(table) = speaking_by_group_table(r) {
        doc.push(Block::Heading(2, t("export-speaking")));
        doc.push(table);
    }
}

/// Speaking time per stakeholder group with whole-percent shares that add
/// up to 100; nothing when nobody finished a turn.
pub(super) fn speaking_by_group_table(r: &Report) -> Option<Block> {
    let seconds = r.speaking_by_group();
    let groups = StakeholderGroup::ALL.iter().map(|g| labels::group(*g));
    speaking_table(groups.zip(seconds).collect(), t("export-group"))
}

/// Speaking time per participant (those who spoke), shares adding up to 100.
pub(super) fn speaking_by_person_table(r: &Report) -> Option<Block> {
    let names = r.participants.iter().map(|p| clean(&p.name));
    speaking_table(names.zip(r.speaking_by_person()).collect(), t("col-name"))
}

fn speaking_table(seconds: Vec<(String, i64)>, first_column: String) -> Option<Block> {
    let parts: Vec<i64> = seconds.iter().map(|(_, s)| *s).collect();
    if parts.iter().all(|s| *s <= 0) {
        return None;
    }
    let rows = seconds
        .into_iter()
        .zip(times::shares(&parts))
        .filter(|((_, s), _)| *s > 0)
        .map(|((label, s), share)| {
            vec![label, times::seconds(chrono::TimeDelta::seconds(s)), format!("{share}%")]
        })
        .collect();
    Some(Block::Table {
        kind: TableKind::Speaking,
        header: vec![first_column, t("export-time"), t("export-share")],
        rows,
    })
}

pub(super) fn needs(r: &Report, doc: &mut Vec<Block>) {
    doc.push(Block::Heading(2, t("export-needs")));
    for (settlement, needs) in r.needs_by_settlement() {
        // The city too: a programme spans Bishkek and Osh (issue 19).
        let city = needs.first().map_or("", |n| r.settlement_city(n.settlement));
        let name = match (settlement.is_empty(), city.is_empty()) {
            (true, _) => t("no-settlement"),
            (false, true) => clean(settlement),
            (false, false) => format!("{} ({})", clean(settlement), clean(city)),
        };
        doc.push(Block::Heading(3, name));
        let rows = needs
            .iter()
            .map(|n| {
                let mut row = vec![
                    n.votes.to_string(),
                    clean(&n.title),
                    clean(&n.detail),
                    labels::category(&n.category),
                    labels::need_status(r.need_status(n)),
                    clean(r.person_name(n.raised_by)),
                ];
                if r.is_program {
                    let sessions = r
                        .sessions_of_need
                        .iter()
                        .find(|(id, _)| *id == n.id)
                        .map(|(_, s)| s.join("; "));
                    row.push(clean(&sessions.unwrap_or_default()));
                }
                row
            })
            .collect();
        let mut header = vec![
            t("col-votes"),
            t("col-need"),
            t("field-detail"),
            t("field-category"),
            t("col-status"),
            t("field-raised-by"),
        ];
        if r.is_program {
            header.push(t("export-raised-in"));
        }
        doc.push(Block::Table { kind: TableKind::Needs, header, rows });
    }
}

pub(super) fn participant_list(r: &Report, doc: &mut Vec<Block>) {
    if r.participants.is_empty() {
        return;
    }
    doc.push(Block::Heading(2, t("export-participant-list")));
    let rows = r
        .participants
        .iter()
        .enumerate()
        .map(|(i, p)| {
            vec![
                (i + 1).to_string(),
                clean(&p.name),
                clean(&p.organisation),
                labels::group(p.group),
                clean(r.settlement_name(p.settlement)),
                t(if p.present { "yes" } else { "no" }),
            ]
        })
        .collect();
    doc.push(Block::Table {
        kind: TableKind::Participants,
        header: [
            "export-no",
            "col-name",
            "col-organisation",
            "col-group",
            "col-settlement",
            "export-present",
        ]
        .iter()
        .map(|id| t(id))
        .collect(),
        rows,
    });
}

/// Decisions, proposals or the parking lot, numbered, the author in a
/// column of its own (and, in a programme record, the meeting).
pub(super) fn proposal_table(r: &Report, kind: ProposalKind) -> Option<Block> {
    let rows: Vec<Vec<String>> = r
        .proposals_of(kind)
        .enumerate()
        .map(|(i, p)| {
            let mut row = vec![
                (i + 1).to_string(),
                clean(&p.text),
                clean(r.person_name(p.author)),
                p.need.and_then(|id| r.need_title(id)).map(clean).unwrap_or_default(),
            ];
            if r.is_program {
                row.push(r.meeting_of(p));
            }
            row
        })
        .collect();
    if rows.is_empty() {
        return None;
    }
    let mut header: Vec<String> =
        ["export-no", "col-text", "col-author", "field-need"].iter().map(|id| t(id)).collect();
    if r.is_program {
        header.push(t("export-session"));
    }
    Some(Block::Table { kind: TableKind::Proposals, header, rows })
}

fn proposals(r: &Report, doc: &mut Vec<Block>) {
    for (kind, heading) in
        [(ProposalKind::Decision, "export-decisions"), (ProposalKind::Proposal, "export-proposals")]
    {
        if let Some(table) = proposal_table(r, kind) {
            doc.push(Block::Heading(2, t(heading)));
            doc.push(table);
        }
    }
}

/// The action plan, one row per action; a programme record's has a
/// history column (meetings' statuses and progress between them).
pub fn action_table(r: &Report) -> Block {
    let mut table = action_table_without_history(r);
    if r.is_program
        && let Block::Table { header, rows, .. } = &mut table
    {
        header.push(t("export-history"));
        for (row, a) in rows.iter_mut().zip(&r.actions) {
            row.push(r.history_of(a.id).to_owned());
        }
    }
    table
}

fn action_table_without_history(r: &Report) -> Block {
    let rows = r
        .actions
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let mut row = vec![
                (i + 1).to_string(),
                clean(&a.what),
                clean(&a.responsible),
                clean(&a.partners),
                date_text(a.deadline),
                labels::action_status(a.status),
                clean(&r.linked_needs(a).join("; ")),
                clean(&a.funding),
                clean(&a.indicator),
            ];
            if r.is_program {
                row.push(clean(&r.meeting_of_action(a.id)));
            }
            row
        })
        .collect();
    let mut header: Vec<String> = [
        "export-no",
        "col-action",
        "col-responsible",
        "field-partners",
        "col-deadline",
        "col-status",
        "col-needs",
        "col-funding",
        "col-indicator",
    ]
    .iter()
    .map(|id| t(id))
    .collect();
    if r.is_program {
        header.push(t("export-session"));
    }
    Block::Table { kind: TableKind::Actions, header, rows }
}
