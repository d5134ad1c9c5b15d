//! The whole editor on `TestBackend`, driven through the real run loop:
//! insta snapshots at fixed sizes, and every size down to 0×0.

mod common;

use std::collections::VecDeque;
use std::io;
use std::time::Duration;

use kenesh::app::Model;
use kenesh::app::run::{EventSource, Poll, run};
use kenesh::app::saver::Saver;
use kenesh::model::{Run, Session, Timestamp};
use kenesh::store::SessionFile;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

/// Scripted input: these events, then the end.
struct Script(VecDeque<Event>);

impl EventSource for Script {
    fn next(&mut self, _timeout: Duration) -> io::Result<Poll> {
        Ok(self.0.pop_front().map_or(Poll::Closed, Poll::Event))
    }
}

fn keys(text: &str) -> Vec<Event> {
    text.chars().map(|c| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))).collect()
}

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

const NOW: &str = "2026-11-19T11:07:00+06:00";

/// The Bishkek example in the middle of item 6, started at 10:57.
fn running_example() -> Session {
    let mut s = common::load_session(&common::bishkek_example());
    let start = common::at("2026-11-19T10:57:00+06:00");
    for (i, item) in s.agenda.iter_mut().enumerate() {
        if i >= 5 {
            item.runs.clear();
            item.status = kenesh::model::AgendaStatus::Pending;
        }
    }
    s.agenda[5].status = kenesh::model::AgendaStatus::Active;
    s.agenda[5].runs.push(Run { start, end: None });
    s
}

/// Runs the editor on a copy of `session` with `events` and returns the
/// final screen and model.
fn drive(
    session: &Session,
    width: u16,
    height: u16,
    events: Vec<Event>,
    now: Timestamp,
) -> (TestBackend, Model) {
    let driven = drive_file(session, width, height, events, now);
    (driven.screen, driven.model)
}

/// A run of the editor on a real file: the screen, the model, and the file.
struct Driven {
    screen: TestBackend,
    model: Model,
    exit: kenesh::app::run::Exit,
    path: std::path::PathBuf,
    _dir: tempfile::TempDir,
}

fn drive_file(
    session: &Session,
    width: u16,
    height: u16,
    events: Vec<Event>,
    now: Timestamp,
) -> Driven {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    let file = SessionFile::create(&path, session).unwrap();
    let mut model = Model::new(session.clone(), "s.ron".into(), now);
    let mut saver = Saver::new(file);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let exit = run(&mut terminal, &mut model, &mut Script(events.into()), &mut saver, &mut || now)
        .unwrap();
    Driven { screen: terminal.backend().clone(), model, exit, path, _dir: dir }
}

fn now() -> Timestamp {
    common::at(NOW)
}

#[test]
fn main_screen_80x24() {
    let (screen, _) = drive(&running_example(), 80, 24, vec![], now());
    insta::assert_snapshot!(screen);
}

#[test]
fn main_screen_120x40() {
    let (screen, _) = drive(&running_example(), 120, 40, vec![], now());
    insta::assert_snapshot!(screen);
}

#[test]
fn main_screen_200x60() {
    let (screen, _) = drive(&running_example(), 200, 60, vec![], now());
    insta::assert_snapshot!(screen);
}

#[test]
fn finished_meeting_120x40_needs_by_category() {
    let session = common::load_session(&common::bishkek_example());
    let (screen, _) = drive(&session, 120, 40, keys("3o"), now());
    insta::assert_snapshot!(screen);
}

#[test]
fn narrow_screen_shows_one_pane_under_tabs() {
    let (screen, _) = drive(&running_example(), 80, 24, keys("3"), now());
    insta::assert_snapshot!(screen);
}

#[test]
fn help_overlay_120x40() {
    let (screen, _) = drive(&running_example(), 120, 40, keys("?"), now());
    insta::assert_snapshot!(screen);
}

#[test]
fn form_with_a_validation_error_120x40() {
    let mut events = keys("4a");
    events.extend(keys("Провести встречу с жителями Ак-Жара"));
    events.extend([key(KeyCode::Tab), key(KeyCode::Tab)]);
    events.extend(keys("Мэрия г. Бишкек"));
    events.extend([key(KeyCode::Tab), key(KeyCode::Tab)]);
    events.extend(keys("31.13.2027"));
    events.push(key(KeyCode::Enter));
    let (screen, model) = drive(&running_example(), 120, 40, events, now());
    assert!(matches!(model.mode, kenesh::app::model::Mode::Form(_)));
    insta::assert_snapshot!(screen);
}

#[test]
fn a_change_is_saved_before_the_screen_says_so() {
    let session = running_example();
    let run = drive_file(&session, 120, 40, keys("3+"), now());
    let on_disk = common::load_session(&run.path);
    let need = run.model.pane(kenesh::app::model::Pane::Needs).selected_id().unwrap();
    assert_eq!(on_disk.need(need).unwrap().votes, session.need(need).unwrap().votes + 1);
    let screen = format!("{}", run.screen);
    assert!(screen.contains("saved 11:07:00"), "{screen}");
}

/// Text built to break layouts: long, wide, combining, zero-width, escape
/// sequences, right-to-left overrides.
fn worst_case_session() -> Session {
    let mut s = running_example();
    let nasty = [
        "ң".repeat(300),
        "中文字符".repeat(40),
        "👩‍👩‍👧‍👦".repeat(30),
        "e\u{301}\u{302}\u{303}".repeat(50),
        "\u{1b}[2J\u{1b}]52;c;aGVsbG8=\u{7}\u{9b}31m\u{202e}abc".to_owned(),
        String::new(),
        "\t\r\n".repeat(10),
    ];
    for (i, text) in nasty.iter().cycle().take(60).enumerate() {
        if let Some(item) = s.agenda.get_mut(i) {
            item.title = text.clone();
            item.planned_minutes = u32::MAX / 2;
        }
        if let Some(p) = s.participants.get_mut(i) {
            p.name = text.clone();
            p.organisation = text.clone();
        }
        if let Some(n) = s.needs.get_mut(i) {
            n.title = text.clone();
            n.votes = u32::MAX;
        }
        if let Some(a) = s.actions.get_mut(i) {
            a.what = text.clone();
            a.responsible = text.clone();
        }
    }
    s.title = nasty[0].clone();
    s.settlements[0].name = nasty[4].clone();
    s
}

#[test]
fn every_size_from_0x0_to_120x40_renders_without_panic() {
    let model = Model::new(worst_case_session(), "w.ron".into(), now());
    for width in 0..=120 {
        for height in 0..=40 {
            let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
            terminal.draw(|f| kenesh::ui::render(&model, f)).unwrap();
        }
    }
}

#[test]
fn overlays_render_at_many_sizes_without_panic() {
    let session = worst_case_session();
    let scripts = [keys("?"), keys("4e"), keys("2e"), keys("3/ңң"), keys("1a")];
    for script in scripts {
        let (_, model) = drive(&session, 120, 40, script, now());
        for width in (0..=120).step_by(7) {
            for height in (0..=40).step_by(3) {
                let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
                terminal.draw(|f| kenesh::ui::render(&model, f)).unwrap();
            }
        }
    }
}

#[test]
fn no_control_character_reaches_the_screen() {
    let (screen, _) = drive(&worst_case_session(), 200, 60, vec![], now());
    for cell in screen.buffer().content() {
        assert!(
            !cell.symbol().chars().any(|c| c.is_control() || c == '\u{202e}'),
            "{:?}",
            cell.symbol()
        );
    }
}

#[test]
fn capture_line_with_completion_candidates_120x40() {
    let (screen, _) = drive(&running_example(), 120, 40, keys(":n Яма на дороге #ак"), now());
    insta::assert_snapshot!(screen);
}

#[test]
fn speaker_queue_and_bars_200x60() {
    // Queue two people from the participants pane and give the floor.
    let (screen, model) = drive(&running_example(), 200, 60, keys("2jjjrjjjjjjjjjjjjrt1"), now());
    assert_eq!(model.totals.queue.len(), 1);
    assert!(model.totals.speaking.is_some());
    insta::assert_snapshot!(screen);
}

#[test]
fn proposals_view_120x40() {
    let (screen, _) = drive(&running_example(), 120, 40, keys("5"), now());
    insta::assert_snapshot!(screen);
}

#[test]
fn a_form_draft_restores_every_field() {
    let mut events = keys("4a");
    events.extend(keys("Провести встречу"));
    events.extend([
        key(KeyCode::Tab),
        key(KeyCode::Right),
        key(KeyCode::Char(' ')),
        key(KeyCode::Tab),
    ]);
    events.extend(keys("Мэрия"));
    let (_, model) = drive(&running_example(), 120, 40, events, now());
    let draft = model.draft(now()).expect("an open form is a draft");
    let mut restored = Model::new(running_example(), "s.ron".into(), now());
    // Offered at start and taken with Enter, as a user would.
    let offer = kenesh::app::Msg::OfferDraft(Box::new(draft.clone()));
    let effects = kenesh::app::update(&mut restored, offer, now());
    assert!(effects.is_empty());
    let enter = kenesh::app::Msg::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    let effects = kenesh::app::update(&mut restored, enter, now());
    assert_eq!(effects, [kenesh::app::Effect::SyncDraft], "the draft file follows");
    assert_eq!(restored.draft(now()), Some(draft));
}

#[test]
fn quitting_right_after_an_edit_saves_it_into_the_file() {
    let session = running_example();
    let run = drive_file(&session, 120, 40, keys("3+q"), now());
    assert_eq!(
        run.exit,
        kenesh::app::run::Exit::Quit { keep_recovery: false },
        "no question: the change could be saved"
    );
    assert!(
        !kenesh::store::journal::path_for(&run.path).exists(),
        "folded into the file on the way out"
    );
    let need = run.model.pane(kenesh::app::model::Pane::Needs).selected_id().unwrap();
    // Read the file alone, without replaying any journal.
    let text = std::fs::read_to_string(&run.path).unwrap();
    let on_disk = match kenesh::store::parse_str(&run.path, &text).unwrap() {
        kenesh::store::Loaded::Session(s) => s,
        _ => unreachable!(),
    };
    assert_eq!(on_disk.need(need).unwrap().votes, session.need(need).unwrap().votes + 1);
}
