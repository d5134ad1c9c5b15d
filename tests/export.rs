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
