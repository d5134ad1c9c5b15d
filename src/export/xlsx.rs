//! One Excel workbook (rust_xlsxwriter) with the tables programme staff
//! work on: Actions, Attendance, Needs and Speaking time. Each sheet has a
//! frozen header row in the interface language, an autofilter, column
//! widths fitted to the content, and dates and durations as real Excel
//! values (so they sort and filter), never as text.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatAlign, Workbook, Worksheet};

use super::clean;
use super::report::Report;
use crate::i18n::{Lang, t};
use crate::labels;
use crate::model::{ActionHistoryEntry, Date, Id, StakeholderGroup, Timestamp};
use crate::store::Loaded;

/// A column never grows past this many characters; longer text wraps.
const WIDEST: usize = 36;

pub enum Cell {
    Text(String),
    Number(f64),
    Date(Date),
    DateTime(Timestamp),
    /// Seconds, shown as `[h]:mm:ss`.
    Duration(i64),
    Empty,
}

pub struct Sheet {
    pub name: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

fn text(value: &str) -> Cell {
    let value = clean(value);
    if value.is_empty() { Cell::Empty } else { Cell::Text(value) }
}

fn headers(ids: &[&str]) -> Vec<String> {
    ids.iter().map(|id| t(id)).collect()
}

fn history_text(history: &[ActionHistoryEntry]) -> String {
    history
        .iter()
        .map(|h| format!("{} {}", h.date.format("%d.%m.%Y"), labels::action_status(h.status)))
        .collect::<Vec<_>>()
        .join("; ")
}

fn actions(loaded: &Loaded, r: &Report, today: Date) -> Sheet {
    let history = |id: Id| match loaded {
        Loaded::Program(p) => p.actions.iter().find(|a| a.action.id == id).map(|a| &a.history[..]),
        Loaded::Session(_) => None,
    };
    let rows = r
        .actions
        .iter()
        .map(|a| {
            let (settlements, cities) = r.places(&a.needs);
            vec![
                Cell::Text(a.id.to_string()),
                text(&a.what),
                text(&settlements),
                text(&cities),
                text(&a.responsible),
                text(&a.partners),
                a.deadline.map_or(Cell::Empty, Cell::Date),
                Cell::Text(labels::action_status(a.status)),
                Cell::Text(t(if a.is_overdue(today) { "yes" } else { "no" })),
                text(&a.funding),
                text(&a.indicator),
                text(&match loaded {
                    Loaded::Program(_) => r.history_of(a.id).to_owned(),
                    Loaded::Session(_) => history(a.id).map(history_text).unwrap_or_default(),
                }),
                Cell::DateTime(a.updated),
            ]
            .into_iter()
            .chain(r.is_program.then(|| text(&r.meeting_of_action(a.id))))
            .collect()
        })
        .collect();
    let mut header = headers(&[
        "export-id",
        "col-action",
        "col-settlement",
        "export-city",
        "col-responsible",
        "field-partners",
        "col-deadline",
        "col-status",
        "export-overdue",
        "col-funding",
        "col-indicator",
        "export-history",
        "export-last-update",
    ]);
    if r.is_program {
        header.push(t("export-session"));
    }
    Sheet { name: t("xlsx-sheet-actions"), header, rows }
}

fn attendance(loaded: &Loaded, r: &Report) -> Sheet {
    let person = |p: &crate::model::Participant, session: &str, date: Date, present: bool| {
        vec![
            text(session),
            Cell::Date(date),
            text(&p.name),
            text(&p.organisation),
            Cell::Text(labels::group(p.group)),
            text(r.settlement_name(p.settlement)),
            Cell::Text(t(if present { "yes" } else { "no" })),
            p.gender.map_or(Cell::Empty, |g| Cell::Text(labels::gender(g))),
            p.age_band.map_or(Cell::Empty, |a| Cell::Text(labels::age_band(a))),
        ]
    };
    let rows = match loaded {
        Loaded::Session(s) => {
            s.participants.iter().map(|p| person(p, &s.title, s.date, p.present)).collect()
        }
        Loaded::Program(p) => p
            .attendance
            .iter()
            .filter_map(|a| {
                let session = p.sessions.iter().find(|s| s.id == a.session)?;
                let who = p.participants.iter().find(|x| x.id == a.participant)?;
                Some(person(who, &session.title, session.date, a.present))
            })
            .collect(),
    };
    Sheet {
        name: t("xlsx-sheet-attendance"),
        header: headers(&[
            "export-session",
            "export-date",
            "col-name",
            "col-organisation",
            "col-group",
            "col-settlement",
            "export-present",
            "field-gender",
            "field-age-band",
        ]),
        rows,
    }
}

fn needs(r: &Report) -> Sheet {
    let rows = r
        .needs_by_settlement()
        .into_iter()
        .flat_map(|(place, needs)| needs.into_iter().map(move |n| (place, n)))
        .map(|(place, n)| {
            let city = r
                .settlements
                .iter()
                .find(|s| Some(s.id) == n.settlement)
                .map_or("", |s| s.city.as_str());
            let linked: Vec<String> = r
                .actions
                .iter()
                .filter(|a| a.needs.contains(&n.id))
                .map(|a| clean(&a.what))
                .collect();
            vec![
                text(place),
                text(city),
                text(&n.title),
                text(&n.detail),
                Cell::Text(labels::category(&n.category)),
                Cell::Number(f64::from(n.votes)),
                Cell::Text(labels::need_status(r.need_status(n))),
                text(r.person_name(n.raised_by)),
                text(&linked.join("; ")),
            ]
        })
        .collect();
    Sheet {
        name: t("xlsx-sheet-needs"),
        header: headers(&[
            "col-settlement",
            "export-city",
            "col-need",
            "field-detail",
            "field-category",
            "col-votes",
            "col-status",
            "field-raised-by",
            "export-linked-actions",
        ]),
        rows,
    }
}

/// Speaking time per participant (most first), then one row per group.
fn speaking(r: &Report) -> Sheet {
    let mut seconds: Vec<(Id, i64)> = Vec::new();
    for turn in r.turns {
        let (Some(start), Some(end)) = (turn.started, turn.ended) else { continue };
        let spoken = (end - start).num_seconds().max(0);
        match seconds.iter_mut().find(|(id, _)| *id == turn.participant) {
            Some((_, s)) => *s += spoken,
            None => seconds.push((turn.participant, spoken)),
        }
    }
    seconds.sort_by_key(|(_, s)| std::cmp::Reverse(*s));
    // Whole percents that add up to 100, as the minutes show them.
    let share = |percent: u32| f64::from(percent) / 100.0;
    let person_shares = super::shares(&seconds.iter().map(|(_, s)| *s).collect::<Vec<_>>());
    let mut rows: Vec<Vec<Cell>> = seconds
        .iter()
        .zip(person_shares)
        .filter_map(|((id, s), percent)| {
            let p = r.participants.iter().find(|p| p.id == *id)?;
            Some(vec![
                text(&p.name),
                Cell::Text(labels::group(p.group)),
                Cell::Duration(*s),
                Cell::Number(share(percent)),
            ])
        })
        .collect();
    let by_group = r.speaking_by_group();
    let group_shares = super::shares(&by_group);
    for ((group, s), percent) in StakeholderGroup::ALL.iter().zip(by_group).zip(group_shares) {
        if s > 0 {
            rows.push(vec![
                Cell::Text(t("xlsx-all-of-group")),
                Cell::Text(labels::group(*group)),
                Cell::Duration(s),
                Cell::Number(share(percent)),
            ]);
        }
    }
    Sheet {
        name: t("xlsx-sheet-speaking"),
        header: headers(&["col-name", "col-group", "export-time", "export-share"]),
        rows,
    }
}

/// The workbook's sheets, as data (the tests and the writer share them).
pub fn sheets(loaded: &Loaded, r: &Report, today: Date) -> Vec<Sheet> {
    let mut all = vec![actions(loaded, r, today), attendance(loaded, r), needs(r), speaking(r)];
    if let Loaded::Program(p) = loaded {
        all.push(history_sheet(p, r));
    }
    all
}

fn width_of(cell: &Cell) -> usize {
    match cell {
        Cell::Text(s) => unicode_width::UnicodeWidthStr::width(s.as_str()),
        Cell::Number(_) | Cell::Duration(_) => 8,
        Cell::Date(_) => 10,
        Cell::DateTime(_) => 16,
        Cell::Empty => 0,
    }
}

struct Formats {
    header: Format,
    wrap: Format,
    date: Format,
    datetime: Format,
    duration: Format,
    share: Format,
}

fn formats() -> Formats {
    let (date, datetime) = match crate::i18n::lang() {
        Lang::En => ("yyyy-mm-dd", "yyyy-mm-dd hh:mm"),
        Lang::Ru | Lang::Ky => ("dd.mm.yyyy", "dd.mm.yyyy hh:mm"),
    };
    let top = Format::new().set_align(FormatAlign::Top);
    Formats {
        header: Format::new().set_bold().set_text_wrap().set_background_color("E8EAF0"),
        wrap: top.clone().set_text_wrap(),
        date: top.clone().set_num_format(date),
        datetime: top.clone().set_num_format(datetime),
        duration: top.clone().set_num_format("[h]:mm:ss"),
        share: top.set_num_format("0%"),
    }
}

fn write_sheet(ws: &mut Worksheet, sheet: &Sheet, f: &Formats) -> anyhow::Result<()> {
    ws.set_name(&sheet.name)?;
    for (c, h) in sheet.header.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, h, &f.header)?;
    }
    for (i, row) in sheet.rows.iter().enumerate() {
        let r = i as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            match cell {
                Cell::Text(s) => ws.write_string_with_format(r, c, s, &f.wrap)?,
                Cell::Number(n) if sheet.header[usize::from(c)] == t("export-share") => {
                    ws.write_number_with_format(r, c, *n, &f.share)?
                }
                Cell::Number(n) => ws.write_number(r, c, *n)?,
                Cell::Date(d) => ws.write_datetime_with_format(r, c, d, &f.date)?,
                Cell::DateTime(ts) => {
                    ws.write_datetime_with_format(r, c, ts.naive_local(), &f.datetime)?
                }
                Cell::Duration(s) => {
                    let days = *s as f64 / 86_400.0;
                    ws.write_number_with_format(r, c, days, &f.duration)?
                }
                Cell::Empty => ws,
            };
        }
    }
    let mut widths = Vec::with_capacity(sheet.header.len());
    for c in 0..sheet.header.len() {
        let header_word =
            sheet.header[c].split_whitespace().map(|w| w.chars().count()).max().unwrap_or(0);
        let content = sheet.rows.iter().map(|row| width_of(&row[c])).max().unwrap_or(0);
        let chars = header_word.max(content).clamp(6, WIDEST);
        ws.set_column_width(c as u16, chars as f64 + 2.0)?;
        widths.push(chars);
    }
    // Rows as tall as their wrapped text: not every reader grows them.
    let lines = |cells: &mut dyn Iterator<Item = (usize, usize)>| {
        cells.map(|(chars, width)| chars.div_ceil(width.max(1))).max().unwrap_or(1).max(1)
    };
    let header_lines =
        lines(&mut sheet.header.iter().zip(&widths).map(|(h, w)| (h.chars().count(), *w)));
    ws.set_row_height(0, 15.0 * header_lines as f64)?;
    for (i, row) in sheet.rows.iter().enumerate() {
        let n = lines(&mut row.iter().zip(&widths).map(|(cell, w)| (width_of(cell), *w)));
        if n > 1 {
            ws.set_row_height(i as u32 + 1, 15.0 * n as f64)?;
        }
    }
    ws.set_freeze_panes(1, 0)?;
    // Printed: landscape A4, one page wide, the header row on every page,
    // page numbers at the foot.
    ws.set_paper_size(9).set_landscape().set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(0, 0)?;
    ws.set_footer("&R&P / &N");
    let last_col = sheet.header.len().saturating_sub(1) as u16;
    ws.autofilter(0, 0, sheet.rows.len() as u32, last_col)?;
    Ok(())
}

pub fn render(loaded: &Loaded, report: &Report, today: Date) -> anyhow::Result<Vec<u8>> {
    let mut workbook = Workbook::new();
    let mut properties = DocProperties::new().set_title(clean(report.title));
    if !report.organiser.is_empty() {
        properties = properties.set_author(clean(report.organiser));
    }
    if let Some(date) = report.date {
        let created = ExcelDateTime::from_ymd(
            date.format("%Y").to_string().parse()?,
            date.format("%m").to_string().parse()?,
            date.format("%d").to_string().parse()?,
        )?;
        properties = properties.set_creation_datetime(&created);
    }
    workbook.set_properties(&properties);
    let f = formats();
    for sheet in sheets(loaded, report, today) {
        write_sheet(workbook.add_worksheet(), &sheet, &f)?;
    }
    Ok(workbook.save_to_buffer()?)
}

/// The donor tables (`super::donor`) as a workbook, one sheet per table;
/// counts are numbers, so they sum and filter in Excel.
pub fn donor_workbook(
    report: &Report,
    tables: Vec<super::donor::DonorTable>,
) -> anyhow::Result<Vec<u8>> {
    let mut workbook = Workbook::new();
    workbook.set_properties(&DocProperties::new().set_title(clean(report.title)));
    let f = formats();
    let mut used: Vec<String> = Vec::new();
    for (i, table) in tables.into_iter().enumerate() {
        // Excel sheet names: at most 31 characters, unique, no []:*?/\ .
        let base: String =
            table.heading.chars().filter(|c| !"[]:*?/\\".contains(*c)).take(27).collect();
        let name = if used.contains(&base) { format!("{} {}", base, i + 1) } else { base };
        used.push(name.clone());
        let cell = |value: String| match value.parse::<f64>() {
            Ok(n) if !value.is_empty() => Cell::Number(n),
            _ => match value.strip_suffix('%').and_then(|v| v.parse::<f64>().ok()) {
                Some(pc) => Cell::Number(pc / 100.0),
                None => text(&value),
            },
        };
        let rows = table.rows.into_iter().map(|r| r.into_iter().map(cell).collect()).collect();
        let sheet = Sheet { name, header: table.header, rows };
        write_sheet(workbook.add_worksheet(), &sheet, &f)?;
    }
    Ok(workbook.save_to_buffer()?)
}

/// A programme record's History sheet: one row per meeting status or
/// progress entry of every action shown, numbered as in the action plan.
fn history_sheet(p: &crate::model::Program, r: &Report) -> Sheet {
    let mut rows = Vec::new();
    for (number, shown) in r.actions.iter().enumerate() {
        let Some(a) = p.actions.iter().find(|a| a.action.id == shown.id) else { continue };
        for e in super::history::entries(p, a) {
            rows.push(vec![
                Cell::Number((number + 1) as f64),
                text(&a.action.what),
                Cell::Date(e.date),
                text(&e.meeting),
                Cell::Text(labels::action_status(e.status)),
                text(&e.note),
            ]);
        }
    }
    Sheet {
        name: t("export-history"),
        header: headers(&[
            "export-no",
            "col-action",
            "export-date",
            "donor-session",
            "col-status",
            "history-note",
        ]),
        rows,
    }
}
