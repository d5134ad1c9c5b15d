//! Status messages are seen whole: a problem or notice too long for the
//! status bar is wrapped above it at word boundaries (never cut mid-word at
//! 80 or 120 columns); a failed reload says why; a broken configuration
//! file is shown on screen until a key is pressed.

mod common;

use kenesh::app::{Model, Msg, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn example() -> Model {
    let session = common::load_session(&common::bishkek_example());
    Model::new(session, "meeting.ron".into(), common::at("2026-11-19T11:07:00+06:00"))
}

fn screen(model: &mut Model, width: u16, height: u16) -> TestBackend {
    let now = model.now;
    update(model, Msg::Resize(width, height), now);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| kenesh::ui::render(model, frame)).unwrap();
    terminal.backend().clone()
}

/// The screen's text with line breaks, joined so a message wrapped over
/// several lines reads as one.
fn bottom_text(backend: &TestBackend, lines: usize) -> String {
    let text = backend.to_string();
    let rows: Vec<&str> = text.lines().collect();
    rows[rows.len().saturating_sub(lines)..]
        .iter()
        .map(|row| row.trim_matches(|c: char| c == '"' || c.is_whitespace()))
        .collect::<Vec<_>>()
        .join(" ")
}

fn changed_outside() -> Model {
    let mut model = example();
    model.save.diverted_to = Some(".meeting.ron.conflict-2026-11-19T11-07-00.ron".into());
    model
}

#[test]
fn changed_outside_80x24() {
    let shown = screen(&mut changed_outside(), 80, 24);
    assert!(bottom_text(&shown, 4).contains("Ctrl-l loads the file"), "{shown}");
    insta::assert_snapshot!(shown);
}

#[test]
fn changed_outside_120x40() {
    let shown = screen(&mut changed_outside(), 120, 40);
    assert!(bottom_text(&shown, 4).contains("Ctrl-l loads the file"), "{shown}");
    insta::assert_snapshot!(shown);
}

#[test]
fn a_failed_reload_says_why_120x40() {
    let mut model = changed_outside();
    let now = model.now;
    let error = "meeting.ron:12:5: expected a need, found `)`".to_owned();
    update(&mut model, Msg::SaveFailed { revision: 0, error }, now);
    let shown = screen(&mut model, 120, 40);
    let text = bottom_text(&shown, 5);
    assert!(text.contains("Could not load the file again: meeting.ron:12:5"), "{shown}");
    assert!(text.contains("Ctrl-l loads the file"), "{shown}");
    insta::assert_snapshot!(shown);
}

#[test]
fn a_broken_configuration_is_shown_until_a_key_80x24() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.ron");
    std::fs::write(&path, "(\n    language: \"ru\",\n    theme: Purple,\n)\n").unwrap();
    let (_, problem) = kenesh::config::read(&path);
    // The snapshot must not depend on the temporary folder's name.
    let folder = dir.path().display().to_string();
    let problem = problem.expect("the file is broken").replace(&folder, "~/.config/kenesh");
    let mut model = example();
    let now = model.now;
    update(&mut model, Msg::Notice(problem), now);
    let shown = screen(&mut model, 80, 24);
    let text = bottom_text(&shown, 4);
    assert!(text.contains("~/.config/kenesh/config.ron:2:15: "), "{shown}");
    assert!(text.contains("starting with the defaults"), "{shown}");
    insta::assert_snapshot!(shown);

    update(&mut model, Msg::Key(KeyEvent::new(KeyCode::Down, KeyModifiers::NONE)), now);
    assert!(!bottom_text(&screen(&mut model, 80, 24), 4).contains("config.ron"));
}

#[test]
fn a_short_notice_stays_on_the_bar() {
    let mut model = example();
    model.notice = Some("ok".into());
    let shown = screen(&mut model, 120, 40);
    let rows: Vec<String> = shown.to_string().lines().map(str::to_owned).collect();
    assert!(rows[rows.len() - 1].contains(" ok "), "{shown}");
    assert!(!rows[rows.len() - 2].contains(" ok "), "{shown}");
}

#[test]
fn a_paste_cut_in_a_form_field_says_so() {
    let mut model = example();
    let now = model.now;
    update(&mut model, Msg::Key(KeyEvent::new(KeyCode::Char('a'), KeyModifiers::NONE)), now);
    assert!(matches!(model.mode, kenesh::app::model::Mode::Form(_)), "a opens a form");
    update(&mut model, Msg::Paste("ө\n".repeat(600_000)), now);
    let shown = screen(&mut model, 120, 40);
    let text = bottom_text(&shown, 4);
    assert!(text.contains("The paste was cut to 10000 characters"), "{shown}");
}
