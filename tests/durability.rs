//! The run loop on a real file when the file itself cannot be rewritten
//! while the journal still works: the screen must say so, and `q` must ask.
#![cfg(unix)]

mod common;

use std::cell::Cell;
use std::collections::VecDeque;
use std::io;
use std::rc::Rc;
use std::time::Duration;

use kenesh::app::Model;
use kenesh::app::model::Mode;
use kenesh::app::run::{EventSource, Poll, run};
use kenesh::app::saver::Saver;
use kenesh::model::Timestamp;
use kenesh::store::SessionFile;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

enum Step {
    Key(char),
    /// Something done to the files between two keys.
    Do(Box<dyn FnOnce()>),
    /// Time passes (the clock moves, the loop sees no input).
    Wait(i64),
}

struct Script {
    steps: VecDeque<Step>,
    clock: Rc<Cell<i64>>,
}

impl EventSource for Script {
    fn next(&mut self, _timeout: Duration) -> io::Result<Poll> {
        match self.steps.pop_front() {
            Some(Step::Key(c)) => {
                Ok(Poll::Event(Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))))
            }
            Some(Step::Do(action)) => {
                action();
                Ok(Poll::Timeout)
            }
            Some(Step::Wait(seconds)) => {
                // Give the snapshot thread real time to finish, too.
                std::thread::sleep(Duration::from_millis(200));
                self.clock.set(self.clock.get() + seconds);
                Ok(Poll::Timeout)
            }
            None => Ok(Poll::Closed),
        }
    }
}

/// Makes a folder immutable even for root; undone on drop.
struct Immutable(std::path::PathBuf);

impl Drop for Immutable {
    fn drop(&mut self) {
        let _ = std::process::Command::new("chattr").arg("-i").arg(&self.0).status();
    }
}

#[test]
fn a_failing_rewrite_shows_in_red_and_is_asked_about_on_quit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    let session = common::load_session(&common::bishkek_example());
    let file = SessionFile::create(&path, &session).unwrap();
    let can_block = std::process::Command::new("chattr")
        .arg("+i")
        .arg(dir.path())
        .status()
        .is_ok_and(|s| s.success());
    let _ = std::process::Command::new("chattr").arg("-i").arg(dir.path()).status();
    if !can_block {
        eprintln!("skipped: this filesystem cannot make a folder immutable (chattr)");
        return;
    }
    let guard: Rc<Cell<Option<Immutable>>> = Rc::new(Cell::new(None));
    let folder = dir.path().to_owned();
    let set_guard = Rc::clone(&guard);
    let clock = Rc::new(Cell::new(0));
    let steps = VecDeque::from([
        Step::Key('3'),
        Step::Key('+'),
        Step::Wait(0),
        // The journal exists and stays open; nothing new can be created.
        Step::Do(Box::new(move || {
            std::process::Command::new("chattr").arg("+i").arg(&folder).status().unwrap();
            set_guard.set(Some(Immutable(folder)));
        })),
        Step::Key('j'),
        Step::Key('+'),
        Step::Wait(4),
        Step::Wait(1),
        Step::Wait(1),
        Step::Key('q'),
    ]);
    let start = common::at("2026-11-19T11:07:00+06:00");
    let mut model = Model::new(session.clone(), "s.ron".into(), start);
    let mut saver = Saver::new(file);
    let mut terminal = Terminal::new(TestBackend::new(160, 40)).unwrap();
    let ticks = Rc::clone(&clock);
    let mut now = move || -> Timestamp { start + chrono::TimeDelta::seconds(ticks.get()) };
    let mut script = Script { steps, clock };
    run(&mut terminal, &mut model, &mut script, &mut saver, &mut now).unwrap();
    drop(guard.take());

    let screen: String = terminal.backend().buffer().content().iter().map(|c| c.symbol()).collect();
    assert!(model.save.snapshot_error.is_some(), "the failed rewrite is known");
    assert!(screen.contains("FILE NOT UPDATED"), "and shown:\n{screen}");
    assert!(matches!(model.mode, Mode::ConfirmQuit), "q asks instead of quitting");
    assert!(screen.contains("safe in the journal"), "and says the edits are safe:\n{screen}");
    assert!(!model.save.is_dirty(), "the votes themselves are durable (journal)");
    // Both votes are on disk for every reader, though the file is behind.
    let reread = common::load_session(&path);
    assert_eq!(
        reread.needs.iter().map(|n| n.votes).sum::<u32>(),
        session.needs.iter().map(|n| n.votes).sum::<u32>() + 2
    );
}
