//! Exports: golden files of the example session, hostile content in every
//! format, each format opened the way a person would open it, safe default
//! names, and private notes nowhere.

mod common;

use std::path::Path;

use kenesh::export::{Filters, Format, Table, export};
use kenesh::model::{
    Action, ActionStatus, Need, Participant, PrivateNote, Proposal, ProposalKind, Session,
    StakeholderGroup,
};
use kenesh::store::Loaded;

const SECRET: &str = "СЕКРЕТНАЯ-ЗАМЕТКА-ФАСИЛИТАТОРА";

fn example() -> Session {
    let mut s = common::load_session(&common::bishkek_example());
    s.private_notes.push(PrivateNote {
        id: kenesh::model::Id::new(),
        updated: s.updated,
        text: SECRET.into(),
        agenda_item: None,
    });
    s
}

fn render(session: &Session, format: Format, table: Table) -> Vec<u8> {
    export(&Loaded::Session(session.clone()), format, table, &Filters::default()).unwrap()
}

const ALL: [(Format, Table, &str); 8] = [
    (Format::Markdown, Table::Actions, "bishkek.md"),
    (Format::Csv, Table::Actions, "bishkek-actions.csv"),
    (Format::Csv, Table::Attendance, "bishkek-attendance.csv"),
    (Format::Csv, Table::Needs, "bishkek-needs.csv"),
    (Format::Html, Table::Actions, "bishkek.html"),
    (Format::Ics, Table::Actions, "bishkek.ics"),
    (Format::Json, Table::Actions, "bishkek.json"),
    (Format::Docx, Table::Actions, "bishkek.docx.xml"),
];

/// The text that a golden file holds: the export itself, or for DOCX its
/// document XML.
fn golden_text(format: Format, bytes: &[u8]) -> String {
    match format {
        Format::Docx => docx_document_xml(bytes),
        _ => String::from_utf8(bytes.to_vec()).unwrap(),
    }
}

#[test]
fn golden_files_of_the_example_session() {
    // Goldens are made without the private note; `UPDATE_GOLDEN=1` rewrites them.
    let session = common::load_session(&common::bishkek_example());
    let folder = common::repo_root().join("tests/golden");
    for (format, table, name) in ALL {
        let text = golden_text(format, &render(&session, format, table));
        let path = folder.join(name);
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(&path, &text).unwrap();
        }
        let expected =
            std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("missing golden {name}"));
        assert!(
            text == expected,
            "{name} differs from its golden file (UPDATE_GOLDEN=1 to accept)"
        );
    }
}

#[test]
fn private_notes_appear_in_no_export() {
    let session = example();
    for (format, table, name) in ALL {
        let text = golden_text(format, &render(&session, format, table));
        assert!(!text.contains(SECRET), "{name}");
    }
}

/// Everything a hostile or careless participant could type.
fn hostile() -> Session {
    let mut s = example();
    let nasty = [
        "=HYPERLINK(\"http://evil\",\"x\")",
        "+7 (555) 123",
        "-2+3",
        "@SUM(A1:A2)",
        "\tTAB",
        "\rCR",
        "<script>alert('x')</script>",
        "\"quoted\", with, commas; and; semicolons",
        "line one\nline two\r\nline three",
        &"Длинная строка без переносов ".repeat(18),
        &format!("{}😀😀😀👩‍👩‍👧ңөү", "я".repeat(30)),
        "bell\u{7} esc\u{1b}[31m c1\u{9b}2J bidi\u{202e}txet",
        "| pipe | *star* _under_ [link](http://x) # hash",
    ];
    for (i, text) in nasty.iter().enumerate() {
        let mut a = Action::new(*text, s.updated);
        a.responsible = (*text).to_owned();
        a.funding = (*text).to_owned();
        a.deadline = chrono::NaiveDate::from_ymd_opt(2027, 1, 1 + i as u32);
        a.status = ActionStatus::Agreed;
        s.actions.push(a);
        let mut n = Need::new(*text, s.updated);
        n.detail = (*text).to_owned();
        s.needs.push(n);
        let mut p = Participant::new(*text, StakeholderGroup::Other, s.updated);
        p.present = true;
        s.participants.push(p);
        s.proposals.push(Proposal {
            id: kenesh::model::Id::new(),
            updated: s.updated,
            kind: ProposalKind::Decision,
            text: (*text).to_owned(),
            author: None,
            time: s.updated,
            agenda_item: None,
            need: None,
        });
    }
    s.title = "<b>Круглый стол</b> & \"кавычки\"".into();
    s
}

#[test]
fn csv_opens_as_a_spreadsheet_would_and_holds_no_formulas() {
    let session = hostile();
    for table in [Table::Actions, Table::Attendance, Table::Needs] {
        let bytes = render(&session, Format::Csv, table);
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "BOM for Excel");
        let mut reader = csv::ReaderBuilder::new().from_reader(&bytes[3..]);
        let width = reader.headers().unwrap().len();
        let mut rows = 0;
        for record in reader.records() {
            let record = record.expect("RFC 4180");
            assert_eq!(record.len(), width);
            for cell in &record {
                assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "{table:?}: {cell:?}");
                assert!(!cell.chars().any(|c| c.is_control()), "{cell:?}");
            }
            rows += 1;
        }
        assert!(rows >= 13, "{table:?} has the hostile rows");
    }
    let actions = String::from_utf8(render(&session, Format::Csv, Table::Actions)).unwrap();
    assert!(
        actions.contains("'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")"),
        "quoted and neutralised"
    );
    assert!(actions.contains("\r\n"), "CRLF records");
}

#[test]
fn html_escapes_everything_and_loads_nothing() {
    let html = String::from_utf8(render(&hostile(), Format::Html, Table::Actions)).unwrap();
    assert!(!html.contains("<script"), "no script, ever");
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assert!(
        html.contains("<title>&lt;b&gt;Круглый стол&lt;/b&gt; &amp; &quot;кавычки&quot;</title>")
    );
    for external in ["src=", "href=", "@import", "url("] {
        assert!(!html.contains(external), "no external resource: {external}");
    }
    assert!(html.contains("@page { size: A4"));
    assert!(!html.chars().any(|c| c.is_control() && c != '\n'));
}

#[test]
fn markdown_cannot_be_broken_by_content() {
    let md = String::from_utf8(render(&hostile(), Format::Markdown, Table::Actions)).unwrap();
    assert!(md.contains(r"\| pipe \| \*star\* \_under\_ \[link\](http://x) # hash"));
    assert!(md.contains(r"\<script\>"));
    // Every table row has as many cells as its header.
    let mut expected = None;
    for line in md.lines() {
        if line.starts_with('|') {
            let cells = line.replace(r"\|", "").matches('|').count();
            match expected {
                None => expected = Some(cells),
                Some(n) => assert_eq!(cells, n, "{line}"),
            }
        } else {
            expected = None;
        }
    }
    assert!(!md.chars().any(|c| c.is_control() && c != '\n'));
}

fn unfold(ics: &str) -> String {
    ics.replace("\r\n ", "")
}

#[test]
fn icalendar_escapes_folds_and_parses_back() {
    let session = hostile();
    let bytes = render(&session, Format::Ics, Table::Actions);
    let ics = String::from_utf8(bytes.clone()).expect("folding never splits a character");
    assert!(ics.ends_with("\r\n"));
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "line over 75 octets: {line:?}");
        assert!(!line.contains('\n') && !line.contains('\r'));
    }
    let unfolded = unfold(&ics);
    let calendar = icalendar::parser::read_calendar(&unfolded).expect("parses");
    let todos: Vec<_> = calendar.components.iter().filter(|c| c.name == "VTODO").collect();
    let with_deadline = session.actions.iter().filter(|a| a.deadline.is_some()).count();
    assert_eq!(todos.len(), with_deadline);
    for todo in &todos {
        for name in ["UID", "DTSTAMP", "DUE", "SUMMARY", "DESCRIPTION", "STATUS"] {
            assert!(todo.properties.iter().any(|p| p.name == name), "{name}");
        }
    }
    assert!(unfolded.contains(r#"SUMMARY:"quoted"\, with\, commas\; and\; semicolons"#));
    assert!(unfolded.contains("STATUS:NEEDS-ACTION"));
    // Emoji at fold boundaries stay whole.
    assert!(unfolded.contains("😀😀😀👩‍👩‍👧ңөү"));
}

#[test]
fn json_is_the_whole_session_without_private_notes() {
    let session = example();
    let text = String::from_utf8(render(&session, Format::Json, Table::Actions)).unwrap();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["kind"], "session");
    assert!(value["session"].get("private_notes").is_none());
    assert_eq!(value["session"]["actions"].as_array().unwrap().len(), session.actions.len());
    assert_eq!(value["session"]["needs"][0]["title"], session.needs[0].title.as_str());
    assert_eq!(value["session"]["actions"][0]["status"], "Agreed");
}

fn docx_document_xml(bytes: &[u8]) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    xml
}

fn xml_escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

#[test]
fn docx_holds_every_action() {
    let session = example();
    let xml = docx_document_xml(&render(&session, Format::Docx, Table::Actions));
    for action in &session.actions {
        let text = xml_escaped(&action.what);
        let plain = action.what.replace('"', "&quot;");
        assert!(
            xml.contains(&text) || xml.contains(&plain) || xml.contains(&action.what),
            "{}",
            action.what
        );
    }
    let hostile = docx_document_xml(&render(&hostile(), Format::Docx, Table::Actions));
    assert!(!hostile.contains("<script>"), "text is escaped in the XML");
}

#[test]
fn filters_select_actions() {
    let loaded = Loaded::Session(example());
    let only = |filters: Filters| {
        let csv =
            String::from_utf8(export(&loaded, Format::Csv, Table::Actions, &filters).unwrap())
                .unwrap();
        csv.lines().count() - 1
    };
    assert_eq!(only(Filters { status: vec![ActionStatus::InProgress], ..Filters::default() }), 2);
    assert_eq!(only(Filters { settlement: Some("алтын-казык".into()), ..Filters::default() }), 3);
    assert_eq!(only(Filters { responsible: Some("ТАЗАЛЫК".into()), ..Filters::default() }), 1);
}

fn kenesh_export(file: &Path, args: &[&str]) -> std::process::Output {
    common::kenesh().arg("export").arg(file).args(args).output().unwrap()
}

#[test]
fn default_names_stay_in_the_folder_and_never_overwrite() {
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("sessions");
    std::fs::create_dir(&dir).unwrap();
    let mut session = common::load_session(&common::bishkek_example());
    for (i, title) in ["../../x", "CON", ""].into_iter().enumerate() {
        session.title = title.into();
        let file = dir.join(format!("s{i}.ron"));
        std::fs::write(&file, kenesh::store::to_ron(&session).unwrap()).unwrap();
        let out = kenesh_export(&file, &["--format", "markdown"]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let mut names = common::files_in(&dir);
    names.retain(|n| n.ends_with(".md"));
    assert_eq!(names, ["2026-11-19-con-session.md", "2026-11-19-session.md", "2026-11-19-x.md"]);
    assert_eq!(common::files_in(parent.path()), ["sessions"]);

    let file = dir.join("s0.ron");
    let before = std::fs::read(dir.join("2026-11-19-x.md")).unwrap();
    let again = kenesh_export(&file, &["--format", "markdown"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("--force"));
    assert_eq!(std::fs::read(dir.join("2026-11-19-x.md")).unwrap(), before);
    assert!(kenesh_export(&file, &["--format", "markdown", "--force"]).status.success());
}

#[test]
fn stdout_for_text_and_a_clear_refusal_for_docx() {
    let file = common::bishkek_example();
    let out = kenesh_export(&file, &["--format", "csv", "-o", "-"]);
    assert!(out.status.success());
    assert!(out.stdout.starts_with(b"\xEF\xBB\xBF"));
    let out = kenesh_export(&file, &["--format", "docx", "-o", "-"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a text format"));
}

/// Renders the HTML in headless Chromium to a PDF, as a person printing it
/// would. Skips (saying so) where Chromium is not installed; CI installs it.
// Unix only: CI's Chromium is Debian's, which a Windows test under Wine
// cannot start.
#[cfg(unix)]
#[test]
fn html_prints_to_pdf_in_chromium() {
    let Some(chromium) = ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .map(std::path::PathBuf::from)
        .find(|c| {
            std::process::Command::new(c)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
    else {
        eprintln!("skipped: Chromium is not installed (CI installs Debian's chromium)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("minutes.html");
    std::fs::write(&html, render(&hostile(), Format::Html, Table::Actions)).unwrap();
    let pdf = dir.path().join("minutes.pdf");
    let status = std::process::Command::new(&chromium)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"])
        .args(["--disable-background-networking", "--disable-component-update", "--disable-sync"])
        .arg(format!("--user-data-dir={}", dir.path().join("profile").display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg("--no-pdf-header-footer")
        .arg(format!("file://{}", html.display()))
        .output()
        .unwrap();
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    let bytes = std::fs::read(&pdf).expect("a PDF was written");
    assert!(bytes.starts_with(b"%PDF"));
    let pages = bytes.windows(10).filter(|w| w == b"/Type /Pag" || w == b"/Type/Page").count();
    assert!(pages >= 2, "the minutes take more than one A4 page ({pages})");
    assert!(bytes.len() > 20_000, "the PDF has content ({} bytes)", bytes.len());
}

fn export_with(session: &Session, format: Format, filters: Filters) -> String {
    let bytes =
        export(&Loaded::Session(session.clone()), format, Table::Actions, &filters).unwrap();
    String::from_utf8(bytes).unwrap()
}

#[test]
fn icalendar_events_are_all_day_with_a_reminder_a_week_before_and_a_revision() {
    let session = example();
    let filters = Filters { calendar_events: true, ..Filters::default() };
    let ics = unfold(&export_with(&session, Format::Ics, filters));
    assert!(ics.contains("\r\nMETHOD:PUBLISH\r\n"));
    let calendar = icalendar::parser::read_calendar(&ics).expect("parses");
    let events: Vec<_> = calendar.components.iter().filter(|c| c.name == "VEVENT").collect();
    let dated: Vec<_> = session.actions.iter().filter(|a| a.deadline.is_some()).collect();
    assert_eq!(events.len(), dated.len());
    assert!(!calendar.components.iter().any(|c| c.name == "VTODO"));
    for (event, action) in events.iter().zip(&dated) {
        let value = |name: &str| {
            event.properties.iter().find(|p| p.name == name).map(|p| p.val.to_string())
        };
        let day = action.deadline.unwrap();
        assert_eq!(value("DTSTART").unwrap(), day.format("%Y%m%d").to_string());
        assert_eq!(value("DTEND").unwrap(), day.succ_opt().unwrap().format("%Y%m%d").to_string());
        let stamp = action.updated.with_timezone(&chrono::Utc).format("%Y%m%dT%H%M%SZ");
        assert_eq!(value("LAST-MODIFIED").unwrap(), stamp.to_string());
        let sequence: i64 = value("SEQUENCE").unwrap().parse().unwrap();
        assert!(sequence > 0);
        let alarm = event.components.iter().find(|c| c.name == "VALARM").expect("a reminder");
        assert!(alarm.properties.iter().any(|p| p.name == "TRIGGER" && p.val.as_ref() == "-P7D"));
    }
    // A later change to an action raises its SEQUENCE, so calendars update it.
    let mut changed = session.clone();
    changed.actions[0].updated += chrono::TimeDelta::hours(1);
    let before = export_with(&session, Format::Ics, Filters::default());
    let after = export_with(&changed, Format::Ics, Filters::default());
    let sequence_of =
        |ics: &str| unfold(ics).lines().find(|l| l.starts_with("SEQUENCE:")).unwrap().to_owned();
    assert_ne!(sequence_of(&before), sequence_of(&after));
}

#[test]
fn json_leaves_contacts_out_unless_asked() {
    let session = example();
    let with_contact: Vec<&str> = session
        .participants
        .iter()
        .filter(|p| !p.contact.is_empty())
        .map(|p| p.contact.as_str())
        .collect();
    assert!(!with_contact.is_empty(), "the example has contacts");
    let plain = export_with(&session, Format::Json, Filters::default());
    for contact in &with_contact {
        assert!(!plain.contains(contact), "{contact}");
    }
    assert!(!plain.contains("\"contact\""));
    let full = export_with(
        &session,
        Format::Json,
        Filters { include_contacts: true, ..Filters::default() },
    );
    for contact in &with_contact {
        assert!(full.contains(contact), "{contact}");
    }
}

#[test]
fn csv_separator_follows_the_language_or_the_option() {
    let file = common::bishkek_example();
    let run = |args: &[&str]| {
        let out = common::kenesh()
            .args(args)
            .arg("export")
            .arg(&file)
            .args(["--format", "csv", "-o", "-"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let header = |csv: &str| csv.trim_start_matches('\u{feff}').lines().next().unwrap().to_owned();
    assert_eq!(
        header(&run(&["--lang", "ru"])),
        "№;ID;Действие;Жилмассив;Город;Ответственный;Партнёры;Срок;Статус;Потребности;Финансирование;Индикатор;Заметки;Последнее изменение"
    );
    assert!(header(&run(&["--lang", "ky"])).contains(';'));
    assert!(header(&run(&["--lang", "en"])).starts_with("No.,ID,Action,Settlement,City,"));
    let out = common::kenesh()
        .args(["--lang", "ru", "export"])
        .arg(&file)
        .args(["--format", "csv", "--delimiter", "\t", "-o", "-"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("№\tID\t"));
    let bad = common::kenesh()
        .arg("export")
        .arg(&file)
        .args(["--format", "csv", "--delimiter", "\"", "-o", "-"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--delimiter"));
}

#[test]
fn csv_actions_carry_id_settlement_city_and_last_update() {
    let session = example();
    let csv = export_with(&session, Format::Csv, Filters::default());
    let mut reader =
        csv::ReaderBuilder::new().from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let action = session.actions.iter().find(|a| !a.needs.is_empty()).unwrap();
    let row = rows.iter().find(|r| &r[1] == action.id.to_string().as_str()).expect("its id");
    let need = session.needs.iter().find(|n| n.id == action.needs[0]).unwrap();
    let place = session.settlements.iter().find(|s| Some(s.id) == need.settlement).unwrap();
    assert!(row[3].contains(place.name.as_str()));
    assert!(row[4].contains(place.city.as_str()) && !place.city.is_empty());
    assert_eq!(&row[13], action.updated.format("%Y-%m-%d %H:%M").to_string().as_str());
}

#[test]
fn a_filter_that_matches_nothing_says_so() {
    let file = common::bishkek_example();
    let out =
        kenesh_export(&file, &["--format", "csv", "--responsible", "nobody-at-all", "-o", "-"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing matches the filters"));
    let out = kenesh_export(&file, &["--format", "csv", "--responsible", "мэрия", "-o", "-"]);
    assert!(!String::from_utf8_lossy(&out.stderr).contains("nothing matches"));
}

#[test]
fn minutes_list_people_notes_details_and_numbered_decisions_with_their_authors() {
    let session = example();
    let md = export_with(&session, Format::Markdown, Filters::default());
    let section = |heading: &str| {
        let start = md.find(&format!("## {heading}\n")).unwrap_or_else(|| panic!("{heading}"));
        let rest = &md[start + heading.len() + 4..];
        rest[..rest.find("\n## ").unwrap_or(rest.len())].to_owned()
    };
    let people = section("List of participants");
    for p in &session.participants {
        assert!(people.contains(&format!("| {} |", p.name)), "{}", p.name);
    }
    let agenda = section("Agenda");
    for item in session.agenda.iter().filter(|a| !a.notes.is_empty()) {
        assert!(agenda.contains(&item.notes), "{}", item.title);
    }
    let needs = section("Needs by settlement");
    for need in session.needs.iter().filter(|n| !n.detail.is_empty()) {
        assert!(needs.contains(&need.detail), "{}", need.title);
    }
    let decisions = section("Decisions");
    let authored: Vec<_> = session
        .proposals
        .iter()
        .filter(|p| p.kind == ProposalKind::Decision)
        .enumerate()
        .filter_map(|(i, p)| {
            Some((i + 1, p, session.participants.iter().find(|x| Some(x.id) == p.author)?))
        })
        .collect();
    assert!(!authored.is_empty());
    for (n, p, author) in authored {
        let row = decisions.lines().find(|l| l.starts_with(&format!("| {n} |"))).unwrap();
        assert!(row.contains(&format!("| {} |", author.name)), "the author has a column: {row}");
        assert!(!row.contains(&format!("{} — {}", p.text, author.name)));
    }
    assert!(md.contains("## Signatures"));
}

#[test]
fn programme_minutes_say_which_meeting_each_decision_came_from() {
    let dir = tempfile::tempdir().unwrap();
    let program = dir.path().join("program.ron");
    let out = common::kenesh()
        .arg("merge")
        .args(common::example_sessions())
        .arg("--into")
        .arg(&program)
        .output()
        .unwrap();
    assert!(out.status.success());
    let record = common::load_program(&program);
    let md = String::from_utf8(
        export(
            &Loaded::Program(record.clone()),
            Format::Markdown,
            Table::Actions,
            &Filters::default(),
        )
        .unwrap(),
    )
    .unwrap();
    let decisions = &md[md.find("## Decisions").unwrap()..];
    let decisions = &decisions[..decisions[3..].find("\n## ").unwrap()];
    assert!(decisions.lines().next_back().is_some());
    for meeting in &record.sessions {
        let name = format!("{} {}", meeting.date.format("%d.%m.%Y"), meeting.title);
        assert!(decisions.contains(&name), "decisions of {name}");
    }
}
