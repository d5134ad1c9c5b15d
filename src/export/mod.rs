//! Exports of a session or programme record for the people who must act
//! on it: minutes (Markdown, HTML, DOCX), tables (CSV, XLSX), deadlines
//! (iCalendar) and everything for other tools (JSON). Private notes never
//! appear in any of them.

mod columns;
mod csv_table;
mod docx;
pub mod donor;
pub mod history;
mod html;
mod ics;
mod json;
mod letterhead;
mod markdown;
mod minutes;
mod protocol;
mod report;
mod times;
pub mod xlsx;

pub use letterhead::{ImageKind, Letterhead, Logo, LogoProblem};
pub use report::{Filters, Report};
pub use times::shares;

use crate::store::Loaded;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Csv,
    Html,
    Docx,
    Xlsx,
    Ics,
    Json,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Csv => "csv",
            Format::Html => "html",
            Format::Docx => "docx",
            Format::Xlsx => "xlsx",
            Format::Ics => "ics",
            Format::Json => "json",
        }
    }

    /// Whether the output is text (and may go to standard output).
    pub fn is_text(self) -> bool {
        !matches!(self, Format::Docx | Format::Xlsx)
    }
}

/// Which table a CSV export holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Table {
    #[default]
    Actions,
    Attendance,
    Needs,
}

/// Renders `loaded` in `format`. `table` only matters for CSV.
pub fn export(
    loaded: &Loaded,
    format: Format,
    table: Table,
    filters: &Filters,
) -> anyhow::Result<Vec<u8>> {
    let report = Report::new(loaded, filters);
    if filters.donor {
        return donor_document(loaded, &report, format, filters);
    }
    let blocks = || {
        let protocol_language =
            matches!(crate::i18n::lang(), crate::i18n::Lang::Ru | crate::i18n::Lang::Ky);
        if filters.sign_in {
            minutes::sign_in(&report)
        } else if protocol_language && !report.is_program {
            protocol::protocol(&report)
        } else {
            minutes::minutes(&report)
        }
    };
    if filters.sign_in && !matches!(format, Format::Markdown | Format::Html | Format::Docx) {
        anyhow::bail!(crate::i18n::t("export-sign-in-formats"));
    }
    Ok(match format {
        Format::Markdown => markdown::render(blocks()).into_bytes(),
        Format::Csv => {
            let default = match crate::i18n::lang() {
                crate::i18n::Lang::En => b',',
                crate::i18n::Lang::Ru | crate::i18n::Lang::Ky => b';',
            };
            csv_table::render(&report, table, filters.delimiter.unwrap_or(default))?
        }
        Format::Html => html::render(&report, blocks()).into_bytes(),
        Format::Docx => docx::render(&report, &blocks())?,
        Format::Xlsx => {
            let today = filters.today.or(report.date).unwrap_or_default();
            xlsx::render(loaded, &report, today)?
        }
        Format::Ics => ics::render(&report, filters.calendar_events).into_bytes(),
        Format::Json => json::render(loaded, filters.include_contacts)?.into_bytes(),
    })
}

/// Text safe for any export: no control characters (line breaks become
/// spaces) and no bidirectional overrides.
pub fn clean(text: &str) -> String {
    crate::text::safe(text).replace('\u{FFFD}', "")
}

/// The donor tables (`--document donor`) in `format`, judged on
/// `filters.today` (the record's last meeting date by default).
fn donor_document(
    loaded: &Loaded,
    report: &Report,
    format: Format,
    filters: &Filters,
) -> anyhow::Result<Vec<u8>> {
    let today = filters.today.or(report.date).unwrap_or_default();
    let blocks = || donor::blocks(loaded, report.title, today);
    Ok(match format {
        Format::Markdown => markdown::render(blocks()).into_bytes(),
        Format::Html => html::render(report, blocks()).into_bytes(),
        Format::Docx => docx::render(report, &blocks())?,
        Format::Xlsx => xlsx::donor_workbook(report, donor::tables(loaded, today))?,
        _ => anyhow::bail!(crate::i18n::t("donor-formats")),
    })
}
