//! The real binary in a pseudo-terminal: type, quit, check the file.

mod common;

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// A running kenesh in a pty, with everything it printed so far.
pub struct Session {
    child: Box<dyn portable_pty::Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    output: Arc<Mutex<Vec<u8>>>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Session {
    pub fn start(args: &[&str], cwd: &Path) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize { rows: 30, cols: 100, pixel_width: 0, pixel_height: 0 })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_kenesh"));
        cmd.args(args);
        cmd.cwd(cwd);
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", "C.UTF-8");
        let child = pty.slave.spawn_command(cmd).unwrap();
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().unwrap();
        let output = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&output);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        let writer = pty.master.take_writer().unwrap();
        Session { child, writer, output, _master: pty.master }
    }

    /// Everything the program wrote, raw.
    pub fn output_bytes(&self) -> String {
        String::from_utf8_lossy(&self.output.lock().unwrap()).into_owned()
    }

    /// The screen as a terminal would show it now.
    pub fn screen_text(&self) -> String {
        let size = |n| std::num::NonZeroU16::new(n).unwrap();
        let mut parser = vt100::Parser::new(size(30), size(100), 0);
        parser.process(&self.output.lock().unwrap());
        parser.screen().contents()
    }

    /// Waits until the screen shows `text`.
    pub fn wait_for(&self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while !self.screen_text().contains(text) {
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {text:?}:\n{}",
                self.screen_text()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn type_text(&mut self, text: &str) {
        self.writer.write_all(text.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        // Let the program read one burst before the next.
        std::thread::sleep(Duration::from_millis(150));
    }

    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(Instant::now() < deadline, "kenesh did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

#[test]
fn edit_in_a_terminal_then_quit_with_q_keeps_the_change() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("meeting.ron");
    std::fs::copy(common::bishkek_example(), &path).unwrap();
    let before = common::load_session(&path);

    let mut kenesh = Session::start(&["meeting.ron"], dir.path());
    kenesh.wait_for("Action plan");
    // Needs pane, vote the first need up twice; then add a need by form.
    kenesh.type_text("3++");
    kenesh.type_text("a");
    kenesh.wait_for("New need");
    kenesh.type_text("Нет остановки у школы\r");
    kenesh.wait_for("saved");
    kenesh.type_text("q");
    assert!(kenesh.wait_exit().success());

    let after = common::load_session(&path);
    let first = &before.needs[0];
    assert_eq!(after.need(first.id).unwrap().votes, first.votes + 2);
    assert!(after.needs.iter().any(|n| n.title == "Нет остановки у школы"));
    assert!(kenesh.output_bytes().contains("\u{1b}[?1049l"), "the alternate screen was left");
}

#[test]
fn a_file_that_fails_to_load_is_not_opened_and_not_touched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    std::fs::write(&path, "Session(\n    format: 2,\n    id: 12,\n)").unwrap();
    let out = common::kenesh().arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("broken.ron:3:9"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "Session(\n    format: 2,\n    id: 12,\n)");
}

#[test]
fn a_half_typed_capture_line_survives_kill_9() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("meeting.ron");
    std::fs::copy(common::bishkek_example(), &path).unwrap();

    let mut kenesh = Session::start(&["meeting.ron"], dir.path());
    kenesh.wait_for("Action plan");
    kenesh.type_text(":n Нет освещения у школы #Ак-Ж");
    let draft = dir.path().join(".meeting.ron.draft.ron");
    let deadline = Instant::now() + Duration::from_secs(5);
    while !std::fs::read_to_string(&draft).unwrap_or_default().contains("#Ак-Ж") {
        assert!(Instant::now() < deadline, "draft file not written");
        std::thread::sleep(Duration::from_millis(20));
    }
    let pid = kenesh.child.process_id().unwrap();
    let killed =
        std::process::Command::new("kill").args(["-9", &pid.to_string()]).status().unwrap();
    assert!(killed.success());
    kenesh.wait_exit();

    let mut again = Session::start(&["meeting.ron"], dir.path());
    again.wait_for("Unfinished typing");
    again.wait_for("Нет освещения у школы");
    again.type_text("\r");
    again.type_text("ар\r");
    again.wait_for("saved");
    again.type_text("\u{1b}");
    std::thread::sleep(Duration::from_millis(200));
    again.type_text("q");
    assert!(again.wait_exit().success());
    let after = common::load_session(&path);
    let need = after
        .needs
        .iter()
        .find(|n| n.title == "Нет освещения у школы")
        .expect("captured after restore");
    assert_eq!(after.settlement_name(need.settlement), "Ак-Жар");
    assert!(!draft.exists(), "the draft is gone once the line is empty");
}
