//! The programme across meetings (#19): donor tables (golden files of the
//! two examples and of their record), `kenesh status` between meetings,
//! later edits of a session that never rewrite the meeting's history, and
//! an older record that still loads.

mod common;

use std::path::Path;

use kenesh::export::{Filters, Format, Table, export};
use kenesh::merge::{history_field, merge};
use kenesh::model::{ActionStatus, Program};
use kenesh::store::{Loaded, load_file, to_ron};

fn day(text: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn donor(loaded: &Loaded, format: Format) -> Vec<u8> {
    let filters = Filters { today: Some(day("2027-02-20")), donor: true, ..Filters::default() };
    export(loaded, format, Table::Actions, &filters).unwrap()
}

fn example_record() -> Program {
    let sessions = common::example_sessions().iter().map(|p| load_file(p).unwrap()).collect();
    merge(None, sessions)
}

/// The example sessions, then their record, each with its golden name.
fn examples() -> Vec<(Loaded, &'static str)> {
    let mut out: Vec<(Loaded, &'static str)> = common::example_sessions()
        .iter()
        .map(|p| {
            let name = if p.to_string_lossy().contains("araket") {
                "donor-bishkek.md"
            } else {
                "donor-osh.md"
            };
            (load_file(p).unwrap(), name)
        })
        .collect();
    out.push((Loaded::Program(example_record()), "donor-programme.md"));
    out
}

#[test]
fn donor_tables_of_the_examples_match_their_golden_files() {
    // `UPDATE_GOLDEN=1` rewrites them.
    let folder = common::repo_root().join("tests/golden");
    for (loaded, name) in examples() {
        let text = String::from_utf8(donor(&loaded, Format::Markdown)).unwrap();
        let path = folder.join(name);
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(&path, &text).unwrap();
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("no {name}"));
        assert!(text == expected, "{name} differs from its golden file (UPDATE_GOLDEN=1)");
    }
}

/// The number cells of the row whose first cell is `label`.
fn row<'a>(markdown: &'a str, label: &str) -> Vec<&'a str> {
    let line = markdown
        .lines()
        .find(|l| l.split('|').map(str::trim).any(|c| c == label))
        .unwrap_or_else(|| panic!("no row {label}"));
    line.split('|').map(str::trim).filter(|c| !c.is_empty()).collect()
}

#[test]
fn the_record_counts_participations_per_session_and_unique_people() {
    let record = example_record();
    let per_session: Vec<usize> = record
        .sessions
        .iter()
        .map(|s| record.attendance.iter().filter(|a| a.session == s.id && a.present).count())
        .collect();
    let text =
        String::from_utf8(donor(&Loaded::Program(record.clone()), Format::Markdown)).unwrap();
    let total = per_session.iter().sum::<usize>().to_string();
    assert_eq!(row(&text, "Participations (all sessions)").last(), Some(&total.as_str()));
    let unique: std::collections::BTreeSet<_> =
        record.attendance.iter().filter(|a| a.present).map(|a| a.participant).collect();
    let unique = unique.len().to_string();
    assert_eq!(row(&text, "Unique people").last(), Some(&unique.as_str()));
    assert!(per_session.iter().sum::<usize>() > unique.len().max(1), "someone came twice");
}

#[test]
fn speaking_shares_add_up_to_one_hundred_per_cent() {
    for (loaded, name) in examples() {
        let text = String::from_utf8(donor(&loaded, Format::Markdown)).unwrap();
        for heading in ["Speaking time by stakeholder group", "Speaking time by gender"] {
            let section = text.split(heading).nth(1).unwrap().split("\n## ").next().unwrap();
            let shares: Vec<u32> = section
                .lines()
                .filter(|l| l.starts_with('|') && !l.contains("Total") && l.contains('%'))
                .filter_map(|l| {
                    let cells: Vec<&str> = l.split('|').map(str::trim).collect();
                    cells
                        .iter()
                        .rev()
                        .find(|c| c.ends_with('%'))?
                        .trim_end_matches('%')
                        .parse()
                        .ok()
                })
                .collect();
            assert!(!shares.is_empty(), "{name}: {heading} has rows");
            assert_eq!(shares.iter().sum::<u32>(), 100, "{name}: {heading}");
        }
    }
}

#[test]
fn donor_tables_are_written_as_html_docx_and_xlsx_too() {
    let record = Loaded::Program(example_record());
    let html = String::from_utf8(donor(&record, Format::Html)).unwrap();
    assert!(html.contains("<table") && html.contains("Unique people"), "html");
    let docx = donor(&record, Format::Docx);
    assert!(docx.starts_with(b"PK"), "docx is a zip");
    let xlsx = donor(&record, Format::Xlsx);
    assert!(xlsx.starts_with(b"PK"), "xlsx is a zip");
    let filters = Filters { donor: true, ..Filters::default() };
    let refused = export(&record, Format::Csv, Table::Actions, &filters);
    assert!(refused.unwrap_err().to_string().contains("markdown, html, docx or xlsx"));
}

fn run(args: &[&str], cwd: &Path) -> std::process::Output {
    common::kenesh().args(args).current_dir(cwd).env("LANG", "C.UTF-8").output().unwrap()
}

/// A folder with the examples merged into `program.ron`.
fn merged_examples() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for path in common::example_sessions() {
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    let mut args = vec!["merge".to_owned()];
    args.extend(common::files_in(dir.path()));
    args.extend(["--into".to_owned(), "program.ron".to_owned()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    assert!(run(&args, dir.path()).status.success());
    dir
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn status_errors_say_what_is_wrong() {
    let dir = merged_examples();
    let out = run(&["status", "program.ron", "99", "done"], dir.path());
    assert!(!out.status.success());
    assert!(stderr(&out).contains("no action \"99\" in program.ron"), "{}", stderr(&out));
    assert!(stderr(&out).contains("1 to 13"), "{}", stderr(&out));

    let out = run(&["status", "program.ron", "1", "finished"], dir.path());
    assert!(!out.status.success());
    assert!(stderr(&out).contains("finished") && stderr(&out).contains("done"), "{}", stderr(&out));

    let out = run(&["status", "program.ron", "1", "done", "--date", "31.02.2026"], dir.path());
    assert!(!out.status.success());
    assert!(stderr(&out).contains("\"31.02.2026\" is not a date"), "{}", stderr(&out));

    let session = common::files_in(dir.path()).into_iter().find(|f| f.starts_with("2026")).unwrap();
    let out = run(&["status", &session, "1", "done"], dir.path());
    assert!(stderr(&out).contains("is a session"), "{}", stderr(&out));

    let before = std::fs::read(dir.path().join("program.ron")).unwrap();
    let out = run(&["status", "missing.ron", "1", "done"], dir.path());
    assert!(stderr(&out).contains("missing.ron"), "{}", stderr(&out));
    assert_eq!(std::fs::read(dir.path().join("program.ron")).unwrap(), before, "nothing written");
}

#[test]
fn status_then_a_later_edit_and_merge_keeps_both_history_entries() {
    let dir = merged_examples();
    let program = dir.path().join("program.ron");
    let record = common::load_program(&program);
    let (number, action) = record
        .actions
        .iter()
        .enumerate()
        .find(|(_, a)| a.action.status == ActionStatus::Agreed)
        .map(|(i, a)| (i + 1, a.clone()))
        .expect("an agreed action");
    let meeting = action.history[0].clone();
    let out = run(
        &[
            "status",
            "program.ron",
            &number.to_string(),
            "in-progress",
            "--note",
            "Смета готова",
            "--date",
            "05.12.2026",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let sessions_before: Vec<Vec<u8>> = common::example_sessions()
        .iter()
        .map(|p| std::fs::read(dir.path().join(p.file_name().unwrap())).unwrap())
        .collect();

    // Someone edits the old session afterwards (Agreed → Done) and merges it again.
    let session_path = common::example_sessions()
        .into_iter()
        .map(|p| dir.path().join(p.file_name().unwrap()))
        .find(|p| common::load_session(p).id == meeting.session)
        .unwrap();
    let mut session = common::load_session(&session_path);
    let edited = session.actions.iter_mut().find(|a| a.id == action.action.id).unwrap();
    edited.status = ActionStatus::Done;
    edited.updated = common::at("2026-12-10T10:00:00+06:00");
    std::fs::write(&session_path, to_ron(&session).unwrap()).unwrap();
    let name = session_path.file_name().unwrap().to_str().unwrap();
    let out = run(&["merge", name, "--into", "program.ron"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));

    let after = common::load_program(&program);
    let kept = after.actions.iter().find(|a| a.action.id == action.action.id).unwrap();
    assert_eq!(kept.history[0].status, ActionStatus::Agreed, "the meeting's decision stands");
    assert_eq!(kept.progress.len(), 1);
    assert_eq!(kept.progress[0].status, ActionStatus::InProgress);
    assert_eq!(kept.progress[0].note, "Смета готова");
    assert_eq!(kept.progress[0].date, day("2026-12-05"));
    assert_eq!(kept.action.status, ActionStatus::Done, "the latest edit is the current status");
    assert!(
        after.conflicts.iter().any(|c| c.entity == action.action.id
            && c.field == history_field(meeting.session)
            && c.value == "\"Done\""),
        "{:?}",
        after.conflicts
    );
    // `status` rewrote no session.
    let first_unchanged = common::example_sessions()
        .iter()
        .zip(&sessions_before)
        .filter(|(p, _)| dir.path().join(p.file_name().unwrap()) != session_path)
        .all(|(p, bytes)| {
            std::fs::read(dir.path().join(p.file_name().unwrap())).unwrap() == *bytes
        });
    assert!(first_unchanged);

    // The history shows in the action plan and the workbook.
    let loaded = Loaded::Program(after);
    let plan = export(&loaded, Format::Markdown, Table::Actions, &Filters::default()).unwrap();
    let plan = String::from_utf8(plan).unwrap();
    assert!(plan.contains("05.12.2026: in progress (Смета готова)"), "{plan}");
    let sheets = kenesh::export::xlsx::sheets(
        &loaded,
        &kenesh::export::Report::new(&loaded, &Filters::default()),
        day("2026-12-15"),
    );
    let history = sheets.iter().find(|s| s.name == "Status history").expect("History sheet");
    assert!(history.rows.len() >= 2);
}

#[test]
fn a_record_of_the_previous_format_still_loads_and_merges() {
    let old = common::repo_root().join("tests/fixtures/program-format3.ron");
    let record = common::load_program(&old);
    assert!(record.sessions.iter().all(|s| s.agenda.is_empty() && s.speaking.is_empty()));
    // Merging the sessions again fills in their agenda and speaking time.
    let sessions = common::example_sessions().iter().map(|p| load_file(p).unwrap()).collect();
    let merged = merge(Some(record), sessions);
    assert!(merged.sessions.iter().all(|s| !s.agenda.is_empty()));
    assert!(merged.sessions.iter().any(|s| !s.speaking.is_empty()));
}
