//! The XLSX workbook read back the way another program would (calamine):
//! every cell of every sheet, dates and durations as real values, from a
//! session and from a programme record; and LibreOffice opens it.

mod common;

use std::io::Cursor;
use std::path::Path;
use std::process::Command;

use calamine::{Data, DataType, Reader, Xlsx};
use kenesh::export::{Filters, Format, Table, export};
use kenesh::labels;
use kenesh::model::{Date, Program, Session};
use kenesh::store::Loaded;

fn workbook(loaded: &Loaded, today: Option<Date>) -> Xlsx<Cursor<Vec<u8>>> {
    let filters = Filters { today, ..Filters::default() };
    let bytes = export(loaded, Format::Xlsx, Table::Actions, &filters).unwrap();
    calamine::open_workbook_from_rs(Cursor::new(bytes)).expect("an XLSX calamine reads")
}

/// A cell as text: dates as `YYYY-MM-DD`, date-times with the minute,
/// durations (fractions of a day) as seconds.
fn shown(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) => format!("{f}"),
        Data::Int(i) => i.to_string(),
        Data::DateTime(d) if d.as_f64() < 1.0 => format!("{}s", (d.as_f64() * 86_400.0).round()),
        Data::DateTime(_) => {
            let dt = cell.as_datetime().unwrap();
            if dt.time() == chrono::NaiveTime::MIN {
                dt.date().to_string()
            } else {
                dt.format("%Y-%m-%d %H:%M").to_string()
            }
        }
        other => panic!("unexpected cell {other:?}"),
    }
}

fn rows(book: &mut Xlsx<Cursor<Vec<u8>>>, sheet: &str) -> Vec<Vec<String>> {
    let range = book.worksheet_range(sheet).unwrap_or_else(|e| panic!("sheet {sheet}: {e}"));
    range.rows().map(|r| r.iter().map(shown).collect()).collect()
}

fn strings(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|s| s.to_string()).collect()
}

fn settlement_of(s: &Session, id: Option<kenesh::model::Id>) -> (String, String) {
    s.settlements
        .iter()
        .find(|x| Some(x.id) == id)
        .map_or((String::new(), String::new()), |x| (x.name.clone(), x.city.clone()))
}

#[test]
fn every_cell_of_the_session_workbook() {
    let session = common::load_session(&common::bishkek_example());
    let today = Date::from_ymd_opt(2027, 4, 1).unwrap();
    let mut book = workbook(&Loaded::Session(session.clone()), Some(today));
    assert_eq!(book.sheet_names(), ["Actions", "Attendance", "Needs", "Speaking time"]);

    let actions = rows(&mut book, "Actions");
    assert_eq!(
        actions[0],
        strings(&[
            "ID",
            "Action",
            "Settlement",
            "City",
            "Responsible",
            "Partners",
            "Deadline",
            "Status",
            "Overdue",
            "Funding",
            "Indicator",
            "Status history",
            "Last update",
        ])
    );
    assert_eq!(actions.len(), session.actions.len() + 1);
    for (a, row) in session.actions.iter().zip(&actions[1..]) {
        let mut places: Vec<(String, String)> = Vec::new();
        for need in a.needs.iter().filter_map(|id| session.needs.iter().find(|n| n.id == *id)) {
            let place = settlement_of(&session, need.settlement);
            if !place.0.is_empty() && !places.iter().any(|p| p.0 == place.0) {
                places.push(place);
            }
        }
        let mut cities: Vec<String> = places.iter().map(|p| p.1.clone()).collect();
        cities.dedup();
        let overdue = a.status.is_open() && a.deadline.is_some_and(|d| d < today);
        let expected = vec![
            a.id.to_string(),
            a.what.clone(),
            places.iter().map(|p| p.0.as_str()).collect::<Vec<_>>().join("; "),
            cities.join("; "),
            a.responsible.clone(),
            a.partners.clone(),
            a.deadline.map(|d| d.to_string()).unwrap_or_default(),
            labels::action_status(a.status),
            if overdue { "yes" } else { "no" }.to_string(),
            a.funding.clone(),
            a.indicator.clone(),
            String::new(),
            a.updated.naive_local().format("%Y-%m-%d %H:%M").to_string(),
        ];
        assert_eq!(row, &expected, "{}", a.what);
    }
    assert!(actions.iter().any(|r| r[8] == "yes"), "an action is overdue on {today}");

    let attendance = rows(&mut book, "Attendance");
    assert_eq!(attendance.len(), session.participants.len() + 1);
    for (p, row) in session.participants.iter().zip(&attendance[1..]) {
        let expected = vec![
            session.title.clone(),
            session.date.to_string(),
            p.name.clone(),
            p.organisation.clone(),
            labels::group(p.group),
            settlement_of(&session, p.settlement).0,
            if p.present { "yes" } else { "no" }.to_string(),
            p.gender.map(labels::gender).unwrap_or_default(),
            p.age_band.map(labels::age_band).unwrap_or_default(),
        ];
        assert_eq!(row, &expected);
    }

    let needs = rows(&mut book, "Needs");
    assert_eq!(needs.len(), session.needs.len() + 1);
    let mut expected: Vec<Vec<String>> = session
        .needs
        .iter()
        .map(|n| {
            let (place, city) = settlement_of(&session, n.settlement);
            let linked: Vec<&str> = session
                .actions
                .iter()
                .filter(|a| a.needs.contains(&n.id))
                .map(|a| a.what.as_str())
                .collect();
            vec![
                place,
                city,
                n.title.clone(),
                n.detail.clone(),
                labels::category(&n.category),
                n.votes.to_string(),
                labels::need_status(n.status),
                session
                    .participants
                    .iter()
                    .find(|p| Some(p.id) == n.raised_by)
                    .map(|p| p.name.clone())
                    .unwrap_or_default(),
                linked.join("; "),
            ]
        })
        .collect();
    let mut got = needs[1..].to_vec();
    expected.sort();
    got.sort();
    assert_eq!(got, expected);

    let speaking = rows(&mut book, "Speaking time");
    let mut per_person: Vec<(String, i64)> = Vec::new();
    for turn in &session.speaker_turns {
        let (Some(s), Some(e)) = (turn.started, turn.ended) else { continue };
        let name = session.participants.iter().find(|p| p.id == turn.participant).unwrap();
        match per_person.iter_mut().find(|(n, _)| *n == name.name) {
            Some((_, total)) => *total += (e - s).num_seconds(),
            None => per_person.push((name.name.clone(), (e - s).num_seconds())),
        }
    }
    let total: i64 = per_person.iter().map(|p| p.1).sum();
    for (name, seconds) in &per_person {
        let row = speaking.iter().find(|r| &r[0] == name).unwrap_or_else(|| panic!("{name}"));
        assert_eq!(row[2], format!("{seconds}s"), "{name}");
        // Whole percents (largest remainder), within a point of the exact share.
        let share: f64 = row[3].parse().unwrap();
        assert!((share * 100.0 - (share * 100.0).round()).abs() < 1e-9, "{name}: {share}");
        assert!((share - *seconds as f64 / total as f64).abs() < 0.01, "{name}");
    }
    let shares = |rows: Vec<&Vec<String>>| -> f64 {
        rows.iter().map(|r| r[3].parse::<f64>().unwrap()).sum::<f64>()
    };
    let people: Vec<&Vec<String>> =
        speaking.iter().skip(1).filter(|r| r[0] != "All of the group").collect();
    assert!((shares(people) - 1.0).abs() < 1e-9, "the people's shares add up to 100%");
    let group_rows: Vec<&Vec<String>> =
        speaking.iter().filter(|r| r[0] == "All of the group").collect();
    assert!((shares(group_rows) - 1.0).abs() < 1e-9, "the groups' shares add up to 100%");
    let groups: Vec<&Vec<String>> =
        speaking.iter().filter(|r| r[0] == "All of the group").collect();
    let group_total: i64 =
        groups.iter().map(|r| r[2].trim_end_matches('s').parse::<f64>().unwrap() as i64).sum();
    assert_eq!(group_total, total, "the group rows add up to all speaking time");
    assert_eq!(speaking.len(), 1 + per_person.len() + groups.len());
}

#[test]
fn workbook_sheets_have_frozen_headers_filters_widths_and_date_formats() {
    let session = common::load_session(&common::bishkek_example());
    let bytes =
        export(&Loaded::Session(session), Format::Xlsx, Table::Actions, &Filters::default())
            .unwrap();
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    for n in 1..=4 {
        let mut xml = String::new();
        std::io::Read::read_to_string(
            &mut zip.by_name(&format!("xl/worksheets/sheet{n}.xml")).unwrap(),
            &mut xml,
        )
        .unwrap();
        assert!(xml.contains("state=\"frozen\"") && xml.contains("ySplit=\"1\""), "sheet {n}");
        assert!(xml.contains("<autoFilter ref=\"A1:"), "sheet {n}");
        assert!(xml.contains("customWidth=\"1\""), "sheet {n}");
        assert!(
            xml.contains("orientation=\"landscape\"") && xml.contains("fitToHeight=\"0\""),
            "sheet {n}"
        );
    }
    let mut styles = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("xl/styles.xml").unwrap(), &mut styles).unwrap();
    assert!(styles.contains("formatCode=\"yyyy-mm-dd\""), "{styles}");
    assert!(styles.contains("formatCode=\"[h]:mm:ss\""), "{styles}");
}

fn merged_programme(dir: &Path) -> std::path::PathBuf {
    let program = dir.join("program.ron");
    let out = common::kenesh()
        .arg("merge")
        .args(common::example_sessions())
        .arg("--into")
        .arg(&program)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    program
}

#[test]
fn the_programme_workbook_has_every_meeting_and_the_status_history() {
    let dir = tempfile::tempdir().unwrap();
    let program: Program = common::load_program(&merged_programme(dir.path()));
    let mut book = workbook(&Loaded::Program(program.clone()), None);
    let attendance = rows(&mut book, "Attendance");
    assert_eq!(attendance.len(), program.attendance.len() + 1);
    for s in &program.sessions {
        let date = s.date.to_string();
        assert!(attendance.iter().any(|r| r[0] == s.title && r[1] == date), "{}", s.title);
    }
    let actions = rows(&mut book, "Actions");
    assert_eq!(actions.len(), program.actions.len() + 1);
    for (a, row) in program.actions.iter().zip(&actions[1..]) {
        assert_eq!(row[1], a.action.what);
        // Each meeting's status, then progress between meetings (#19).
        let history: Vec<String> = a
            .history
            .iter()
            .map(|h| {
                let status = labels::action_status(h.status);
                format!("{} meeting: {status}", h.date.format("%d.%m.%Y"))
            })
            .collect();
        assert_eq!(row[11], history.join("; "), "{}", a.action.what);
        assert_eq!(row[11], kenesh::export::history::text(&program, a));
    }
    assert!(program.actions.iter().any(|a| !a.history.is_empty()));
}

#[test]
fn libreoffice_converts_the_workbook_to_csv() {
    if !Command::new("soffice").arg("--version").output().is_ok_and(|o| o.status.success()) {
        eprintln!("skipped: LibreOffice is not installed (CI installs it)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let session = common::load_session(&common::bishkek_example());
    let xlsx = dir.path().join("plan.xlsx");
    let bytes = export(
        &Loaded::Session(session.clone()),
        Format::Xlsx,
        Table::Actions,
        &Filters::default(),
    )
    .unwrap();
    std::fs::write(&xlsx, bytes).unwrap();
    let out = Command::new("soffice")
        .arg(format!("-env:UserInstallation=file://{}", dir.path().join("profile").display()))
        .args([
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1",
            "--outdir",
        ])
        .arg(dir.path())
        .arg(&xlsx)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let csv =
        std::fs::read_to_string(dir.path().join("plan.csv")).expect("LibreOffice wrote the CSV");
    for a in &session.actions {
        assert!(csv.contains(&a.id.to_string()), "{}", a.what);
    }
    let deadline = session.actions[0].deadline.unwrap();
    assert!(
        csv.contains(&deadline.format("%Y-%m-%d").to_string()),
        "the deadline is a date LibreOffice formats as one"
    );
}
