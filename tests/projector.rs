//! The projector: slides at three sizes in three themes, private notes
//! never shown, and the follower converging on what an editor saves.

mod common;

use std::io;
use std::time::{Duration, Instant};

use kenesh::follow::Follower;
use kenesh::model::{Run, Session};
use kenesh::ui::projector::{self, ProjectorInput, ProjectorState, Slide, ThemeName};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SECRET: &str = "СЕКРЕТНАЯ-ЗАМЕТКА";

/// The Bishkek example, item 6 running for 21 minutes of 25, a speaker at
/// 2:30 of 3:00 and two people queued, plus a private note.
fn live_session() -> Session {
    let mut s = common::load_session(&common::bishkek_example());
    let start = common::at("2026-11-19T10:46:00+06:00");
    for (i, item) in s.agenda.iter_mut().enumerate() {
        if i >= 5 {
            item.runs.clear();
            item.status = kenesh::model::AgendaStatus::Pending;
        }
    }
    s.agenda[5].status = kenesh::model::AgendaStatus::Active;
    s.agenda[5].runs.push(Run { start, end: None });
    let item = s.agenda[5].id;
    let people: Vec<_> = s.participants.iter().map(|p| p.id).collect();
    for (n, person) in [people[13], people[2], people[16]].into_iter().enumerate() {
        s.speaker_turns.push(kenesh::model::SpeakerTurn {
            id: kenesh::model::Id::new(),
            updated: start,
            agenda_item: item,
            participant: person,
            requested: start,
            started: (n == 0).then(|| common::at("2026-11-19T11:04:30+06:00")),
            ended: None,
        });
    }
    s.private_notes.push(kenesh::model::PrivateNote {
        id: kenesh::model::Id::new(),
        updated: start,
        text: SECRET.into(),
        agenda_item: Some(item),
    });
    s
}

fn now() -> kenesh::model::Timestamp {
    common::at("2026-11-19T11:07:00+06:00")
}

fn draw(session: &Session, slide: Slide, theme: ThemeName, width: u16, height: u16) -> TestBackend {
    let state = ProjectorState { slide, theme, ..ProjectorState::default() };
    let input =
        ProjectorInput { session, now: now(), turn_limit: 180, state: &state, notice: None };
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| projector::render(&input, f)).unwrap();
    terminal.backend().clone()
}

fn slide_name(slide: Slide) -> &'static str {
    match slide {
        Slide::Now => "now",
        Slide::Needs => "needs",
        Slide::Actions => "actions",
    }
}

fn theme_name(theme: ThemeName) -> &'static str {
    match theme {
        ThemeName::Dark => "dark",
        ThemeName::Light => "light",
        ThemeName::HighContrast => "high_contrast",
    }
}

/// Text of every slide at every size, and colours per theme (the buffer's
/// Debug form lists the styles), as snapshots.
#[test]
fn slides_at_three_sizes_in_three_themes() {
    let session = live_session();
    for slide in Slide::ALL {
        for (w, h) in [(60, 20), (100, 30), (200, 60)] {
            let text = draw(&session, slide, ThemeName::Dark, w, h);
            insta::assert_snapshot!(format!("{}_{w}x{h}", slide_name(slide)), text);
            for theme in ThemeName::ALL {
                let screen = draw(&session, slide, theme, w, h);
                insta::assert_debug_snapshot!(
                    format!("{}_{w}x{h}_{}_styles", slide_name(slide), theme_name(theme)),
                    screen.buffer()
                );
            }
        }
    }
}

#[test]
fn overrun_shows_as_text_not_only_colour() {
    let mut session = live_session();
    session.agenda[5].runs[0].start = common::at("2026-11-19T10:30:00+06:00");
    let screen = format!("{}", draw(&session, Slide::Now, ThemeName::HighContrast, 100, 30));
    assert!(screen.contains("⚠ +12:00 over"), "{screen}");
}

#[test]
fn private_notes_never_reach_the_projector() {
    let session = live_session();
    for slide in Slide::ALL {
        for theme in ThemeName::ALL {
            for (w, h) in [(20, 6), (60, 20), (100, 30), (200, 60), (300, 80)] {
                let screen = format!("{}", draw(&session, slide, theme, w, h));
                assert!(!screen.contains(SECRET), "{slide:?} {w}x{h}");
            }
        }
    }
    // Also the projector inside the editor.
    let mut model = kenesh::app::Model::new(session, "s.ron".into(), now());
    kenesh::app::update(&mut model, kenesh::app::Msg::Key(key('p')), now());
    for _ in 0..3 {
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
        terminal.draw(|f| kenesh::ui::render(&model, f)).unwrap();
        assert!(!format!("{}", terminal.backend()).contains(SECRET));
        kenesh::app::update(&mut model, kenesh::app::Msg::Key(key(' ')), now());
    }
}

fn key(c: char) -> ratatui::crossterm::event::KeyEvent {
    ratatui::crossterm::event::KeyEvent::new(
        ratatui::crossterm::event::KeyCode::Char(c),
        ratatui::crossterm::event::KeyModifiers::NONE,
    )
}

#[test]
fn every_size_renders_without_panic() {
    let session = live_session();
    for slide in Slide::ALL {
        for w in (0..=300).step_by(13) {
            for h in (0..=80).step_by(7) {
                draw(&session, slide, ThemeName::Dark, w, h);
            }
        }
    }
}

#[test]
fn rotation_follows_the_clock() {
    let start = now();
    let state = ProjectorState {
        rotate_seconds: 20,
        rotation_start: Some(start),
        ..ProjectorState::default()
    };
    let at = |s| start + chrono::TimeDelta::seconds(s);
    assert_eq!(state.slide_at(at(5)), Slide::Now);
    assert_eq!(state.slide_at(at(25)), Slide::Needs);
    assert_eq!(state.slide_at(at(45)), Slide::Actions);
    assert_eq!(state.slide_at(at(65)), Slide::Now);
}

fn save_atomic(path: &std::path::Path, session: &Session) {
    kenesh::store::write_atomic(path, kenesh::store::to_ron(session).unwrap().as_bytes()).unwrap();
}

/// A title the screen can show: one a writer actually saved completely.
fn shown_title(follower: &Follower) -> Option<String> {
    let session = follower.session()?;
    let state = ProjectorState::default();
    let input =
        ProjectorInput { session, now: now(), turn_limit: 180, state: &state, notice: None };
    let mut terminal = Terminal::new(TestBackend::new(200, 10)).unwrap();
    terminal.draw(|f| projector::render(&input, f)).unwrap();
    let screen = format!("{}", terminal.backend());
    assert!(screen.contains(&session.title), "the shown state is a parsed session");
    Some(session.title.clone())
}

#[test]
fn the_follower_converges_and_never_shows_a_broken_file() -> io::Result<()> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("live.ron");
    let mut session = common::load_session(&common::bishkek_example());
    session.title = "save 0".into();
    save_atomic(&path, &session);
    let mut follower = Follower::new(&path);
    assert_eq!(shown_title(&follower).as_deref(), Some("save 0"));

    // 1,000 rapid atomic saves from another thread while we follow.
    let writer_path = path.clone();
    let mut writer_session = session.clone();
    let writer = std::thread::spawn(move || {
        for i in 1..=1000 {
            writer_session.title = format!("save {i}");
            save_atomic(&writer_path, &writer_session);
        }
        // Then a non-atomic writer: truncate, then write in chunks.
        writer_session.title = "final, written in chunks".into();
        let text = kenesh::store::to_ron(&writer_session).unwrap();
        let mut file = std::fs::File::create(&writer_path).unwrap();
        for chunk in text.as_bytes().chunks(4096) {
            std::io::Write::write_all(&mut file, chunk).unwrap();
            std::thread::sleep(Duration::from_millis(2));
        }
    });
    let mut seen = 0;
    let mut previous = 0;
    while !writer.is_finished() {
        follower.refresh();
        if let Some(title) = shown_title(&follower) {
            if let Some(n) = title.strip_prefix("save ").and_then(|n| n.parse::<u32>().ok()) {
                assert!(n >= previous, "never goes back: {n} after {previous}");
                previous = n;
            }
            seen += 1;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    writer.join().unwrap();
    let finished = Instant::now();
    while shown_title(&follower).as_deref() != Some("final, written in chunks") {
        assert!(finished.elapsed() < Duration::from_secs(1), "converged within 1 s");
        follower.refresh();
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(follower.trouble().is_none());
    assert!(seen > 10);
    Ok(())
}

#[test]
fn a_missing_or_broken_file_keeps_the_last_good_state_with_a_notice() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("live.ron");
    let session = common::load_session(&common::bishkek_example());
    save_atomic(&path, &session);
    let mut follower = Follower::new(&path);
    std::fs::write(&path, "Session(\n    format: 2,\n    id: ").unwrap();
    std::thread::sleep(kenesh::follow::POLL_EVERY);
    follower.refresh();
    assert_eq!(follower.session().map(|s| &s.title), Some(&session.title));
    assert!(matches!(follower.trouble(), Some(kenesh::follow::Trouble::Unreadable(_))));
    std::fs::remove_file(&path).unwrap();
    std::thread::sleep(kenesh::follow::POLL_EVERY);
    follower.refresh();
    assert_eq!(follower.trouble(), Some(&kenesh::follow::Trouble::Missing));
    assert_eq!(follower.session().map(|s| &s.title), Some(&session.title));
    save_atomic(&path, &session);
    std::thread::sleep(kenesh::follow::POLL_EVERY);
    follower.refresh();
    assert!(follower.trouble().is_none());
}

#[test]
fn the_follower_shows_journaled_edits_before_any_snapshot() {
    use kenesh::model::Change;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("live.ron");
    std::fs::copy(common::bishkek_example(), &path).unwrap();
    let mut follower = Follower::new(&path);
    let (mut file, loaded) = kenesh::store::SessionFile::open(&path).unwrap();
    let kenesh::store::Loaded::Session(session) = loaded else { panic!() };
    let mut need = session.needs[0].clone();
    need.votes += 5;
    file.append(kenesh::model::now(), &[Change::Vote { need: need.id, delta: 5 }]).unwrap();
    let start = Instant::now();
    loop {
        follower.refresh();
        if follower.session().and_then(|s| s.need(need.id)).map(|n| n.votes) == Some(need.votes) {
            break;
        }
        assert!(start.elapsed() < Duration::from_secs(1), "shown within a second");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn text_of(backend: &TestBackend) -> String {
    let buffer = backend.buffer();
    (0..buffer.area.height)
        .map(|y| (0..buffer.area.width).map(|x| buffer[(x, y)].symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn needs_without_a_settlement_come_after_the_named_places() {
    let mut s = live_session();
    // The need with most votes has no settlement: it would lead otherwise.
    let top = s.needs.iter().filter(|n| n.status == kenesh::model::NeedStatus::Open).count();
    assert!(top > 1);
    let best = s.needs.iter_mut().find(|n| n.status == kenesh::model::NeedStatus::Open).unwrap();
    best.settlement = None;
    best.votes = 999;
    let screen = text_of(&draw(&s, Slide::Needs, ThemeName::Dark, 200, 60));
    let none = screen.find("No settlement").expect("the group is shown");
    let named = s.settlements.iter().filter_map(|p| screen.find(p.name.as_str())).max().unwrap();
    assert!(none > named, "No settlement is last\n{screen}");
}

#[test]
fn an_empty_agenda_is_not_started_rather_than_finished() {
    let mut s = live_session();
    s.agenda.clear();
    s.speaker_turns.clear();
    let screen = text_of(&draw(&s, Slide::Now, ThemeName::Dark, 100, 30));
    assert!(screen.contains("has not started"), "{screen}");
    assert!(!screen.contains("finished"), "{screen}");
    let mut done = live_session();
    for item in &mut done.agenda {
        item.status = kenesh::model::AgendaStatus::Done;
    }
    let screen = text_of(&draw(&done, Slide::Now, ThemeName::Dark, 100, 30));
    assert!(screen.contains("The agenda is finished"), "{screen}");
}
