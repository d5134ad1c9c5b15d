//! CSV tables for spreadsheets: UTF-8 with a byte order mark (so Excel
//! shows Cyrillic), RFC 4180 quoting, CRLF, and cells that a spreadsheet
//! would run as formulas neutralised (OWASP CSV injection).

use super::report::Report;
use super::{Table, clean};
use crate::i18n::t;
use crate::labels;

/// A cell starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`,
/// which spreadsheets show as text.
pub fn neutralise(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_owned(),
    }
}

fn rows(report: &Report, table: Table) -> (Vec<String>, Vec<Vec<String>>) {
    let header = |ids: &[&str]| ids.iter().map(|id| t(id)).collect::<Vec<_>>();
    match table {
        Table::Actions => (
            header(&[
                "export-no",
                "export-id",
                "col-action",
                "col-settlement",
                "export-city",
                "col-responsible",
                "field-partners",
                "col-deadline",
                "col-status",
                "col-needs",
                "col-funding",
                "col-indicator",
                "field-notes",
                "export-last-update",
            ])
            .into_iter()
            .chain(report.is_program.then(|| t("export-session")))
            .collect(),
            report
                .actions
                .iter()
                .enumerate()
                .map(|(i, a)| {
                    let (settlements, cities) = report.places(&a.needs);
                    vec![
                        (i + 1).to_string(),
                        a.id.to_string(),
                        clean(&a.what),
                        clean(&settlements),
                        clean(&cities),
                        clean(&a.responsible),
                        clean(&a.partners),
                        a.deadline.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default(),
                        labels::action_status(a.status),
                        clean(&report.linked_needs(a).join("; ")),
                        clean(&a.funding),
                        clean(&a.indicator),
                        clean(&a.notes),
                        a.updated.format("%Y-%m-%d %H:%M").to_string(),
                    ]
                    .into_iter()
                    .chain(report.is_program.then(|| clean(&report.meeting_of_action(a.id))))
                    .collect()
                })
                .collect(),
        ),
        Table::Attendance => (
            header(&[
                "col-name",
                "col-organisation",
                "col-group",
                "col-settlement",
                "export-present",
                "field-gender",
                "field-age-band",
            ]),
            report
                .participants
                .iter()
                .map(|p| {
                    vec![
                        clean(&p.name),
                        clean(&p.organisation),
                        labels::group(p.group),
                        clean(report.settlement_name(p.settlement)),
                        t(if p.present { "yes" } else { "no" }),
                        p.gender.map(labels::gender).unwrap_or_default(),
                        p.age_band.map(labels::age_band).unwrap_or_default(),
                    ]
                })
                .collect(),
        ),
        Table::Needs => (
            header(&[
                "col-settlement",
                "col-need",
                "field-detail",
                "field-category",
                "col-votes",
                "col-status",
                "field-raised-by",
            ]),
            report
                .needs_by_settlement()
                .into_iter()
                .flat_map(|(place, needs)| needs.into_iter().map(move |n| (place, n)))
                .map(|(place, n)| {
                    vec![
                        clean(place),
                        clean(&n.title),
                        clean(&n.detail),
                        labels::category(&n.category),
                        n.votes.to_string(),
                        labels::need_status(report.need_status(n)),
                        clean(report.person_name(n.raised_by)),
                    ]
                })
                .collect(),
        ),
    }
}

pub fn render(report: &Report, table: Table, delimiter: u8) -> anyhow::Result<Vec<u8>> {
    let (header, rows) = rows(report, table);
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut writer = csv::WriterBuilder::new()
            .delimiter(delimiter)
            .terminator(csv::Terminator::CRLF)
            .quote_style(csv::QuoteStyle::Necessary)
            .from_writer(&mut out);
        writer.write_record(&header)?;
        for row in rows {
            writer.write_record(row.iter().map(|c| neutralise(c)))?;
        }
        writer.flush()?;
    }
    Ok(out)
}
