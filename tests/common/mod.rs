//! Helpers shared by the integration tests.
#![allow(dead_code)]

#[cfg(unix)]
pub mod pty;

use std::path::{Path, PathBuf};

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The example sessions shipped in `sessions/`.
pub fn example_sessions() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(repo_root().join("sessions"))
        .expect("sessions folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    files
}

pub fn bishkek_example() -> PathBuf {
    example_sessions()
        .into_iter()
        .find(|p| p.to_string_lossy().contains("araket"))
        .expect("Bishkek example")
}

pub fn kenesh() -> std::process::Command {
    std::process::Command::new(env!("CARGO_BIN_EXE_kenesh"))
}

pub fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

use chrono::{DateTime, FixedOffset};
use kenesh::app::{Effect, Model, Msg, update};
use kenesh::model::Session;
use kenesh::store::{Loaded, load_file};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

pub fn load_session(path: &Path) -> Session {
    match load_file(path).unwrap() {
        Loaded::Session(s) => s,
        Loaded::Program(_) => panic!("not a session"),
    }
}

/// Drives `update` with keys at a controllable time.
pub struct Harness {
    pub model: Model,
    pub now: DateTime<FixedOffset>,
    /// Every effect `update` returned, oldest first.
    pub effects: Vec<Effect>,
}

impl Harness {
    pub fn example() -> Harness {
        Harness::with(load_session(&bishkek_example()))
    }

    /// The example with no item running and no turns: a meeting about to start.
    pub fn fresh() -> Harness {
        let mut session = load_session(&bishkek_example());
        for item in &mut session.agenda {
            item.status = kenesh::model::AgendaStatus::Pending;
            item.runs.clear();
        }
        session.speaker_turns.clear();
        Harness::with(session)
    }

    pub fn with(session: Session) -> Harness {
        let now = at("2026-11-19T14:00:00+06:00");
        Harness { model: Model::new(session, "example.ron".into(), now), now, effects: Vec::new() }
    }

    pub fn send(&mut self, msg: Msg) -> &mut Self {
        let effects = update(&mut self.model, msg, self.now);
        self.effects.extend(effects);
        self
    }

    pub fn key(&mut self, code: KeyCode) -> &mut Self {
        self.send(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)))
    }

    pub fn ctrl(&mut self, c: char) -> &mut Self {
        self.send(Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)))
    }

    /// Types each character as a key press.
    pub fn keys(&mut self, text: &str) -> &mut Self {
        for c in text.chars() {
            self.key(KeyCode::Char(c));
        }
        self
    }

    /// `Some(keep_recovery)` if `update` asked to quit.
    pub fn quit(&self) -> Option<bool> {
        self.effects.iter().find_map(|e| match e {
            Effect::Quit { keep_recovery } => Some(*keep_recovery),
            _ => None,
        })
    }

    pub fn advance(&mut self, seconds: i64) -> &mut Self {
        self.now += chrono::TimeDelta::seconds(seconds);
        self.send(Msg::Tick)
    }

    pub fn selected_title(&self) -> String {
        use kenesh::app::model::Pane;
        let s = &self.model.session;
        let pane = self.model.pane(self.model.focus);
        let Some(id) = pane.selected_id() else { return String::new() };
        match self.model.focus {
            Pane::Agenda => s.agenda_item(id).unwrap().title.clone(),
            Pane::Participants => s.participant(id).unwrap().name.clone(),
            Pane::Needs => s.need(id).unwrap().title.clone(),
            Pane::Actions => s.actions.iter().find(|a| a.id == id).unwrap().what.clone(),
            Pane::Proposals => s.proposals.iter().find(|p| p.id == id).map_or_else(
                || s.private_notes.iter().find(|n| n.id == id).unwrap().text.clone(),
                |p| p.text.clone(),
            ),
        }
    }
}

pub fn load_program(path: &Path) -> kenesh::model::Program {
    match load_file(path).unwrap() {
        Loaded::Program(p) => p,
        Loaded::Session(_) => panic!("not a programme record"),
    }
}

/// A writer whose bytes a test can read after a backend wrote them.
pub struct Shared(pub std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl std::io::Write for Shared {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
