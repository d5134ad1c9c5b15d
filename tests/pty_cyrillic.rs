//! A short meeting in the real binary, typed on a Russian keyboard only:
//! no Latin letter, no `#` and no `@`.
// Unix only: these drive the editor through a Unix pseudo-terminal (and
// chattr, symlinks, modes). On Windows portable-pty needs ConPTY, which
// Wine does not provide; Wine's console cannot judge the screen anyway.
#![cfg(unix)]

mod common;

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use kenesh::model::AgendaStatus;
use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// A running kenesh in a pty (the helpers of `tests/pty.rs`).
struct Session {
    child: Box<dyn portable_pty::Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    output: Arc<Mutex<Vec<u8>>>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Session {
    fn start(args: &[&str], cwd: &Path) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize { rows: 30, cols: 100, pixel_width: 0, pixel_height: 0 })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_kenesh"));
        cmd.args(args);
        cmd.cwd(cwd);
        cmd.env("TERM", "xterm-256color");
        cmd.env("XDG_DATA_HOME", cwd.join(".data"));
        cmd.env("LANG", "ru_RU.UTF-8");
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

    fn screen_text(&self) -> String {
        let size = |n| std::num::NonZeroU16::new(n).unwrap();
        let mut parser = vt100::Parser::new(size(30), size(100), 0);
        parser.process(&self.output.lock().unwrap());
        parser.screen().contents()
    }

    fn wait_for(&self, text: &str) {
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

    /// Types `text`, which must hold no Latin letter and no `#` or `@`.
    fn type_cyrillic(&mut self, text: &str) {
        assert!(
            !text.chars().any(|c| c.is_ascii_alphabetic() || c == '#' || c == '@'),
            "{text:?} needs a layout switch"
        );
        self.writer.write_all(text.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        std::thread::sleep(Duration::from_millis(150));
    }

    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
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

/// The Bishkek example as a meeting about to start.
fn meeting_in(dir: &Path) -> std::path::PathBuf {
    let mut session = common::load_session(&common::bishkek_example());
    for item in &mut session.agenda {
        item.status = AgendaStatus::Pending;
        item.runs.clear();
    }
    session.speaker_turns.clear();
    let path = dir.join("meeting.ron");
    std::fs::write(&path, kenesh::store::to_ron(&session).unwrap()).unwrap();
    path
}

#[test]
fn a_meeting_typed_only_in_cyrillic() {
    let dir = tempfile::tempdir().unwrap();
    let path = meeting_in(dir.path());
    let before = common::load_session(&path);

    let mut kenesh = Session::start(&["meeting.ron"], dir.path());
    kenesh.wait_for("План действий");
    kenesh.type_cyrillic("т"); // n: start the next (first) item
    kenesh.type_cyrillic(":");
    // Three needs: № for the settlement, a bare name + Tab for the author.
    for (text, place, person) in [
        ("Нет освещения ", "№Ак-Ж", " асан"),
        ("Нет воды ", "№адил", " турдуб"),
        ("Яма на дороге ", "№дордой", " ковалев"),
    ] {
        kenesh.type_cyrillic(&format!("т {text}{place}\t"));
        kenesh.type_cyrillic(&format!("{person}\t"));
        kenesh.type_cyrillic("\r");
    }
    kenesh.type_cyrillic("з Провести встречу с жителями\r");
    kenesh.type_cyrillic("ф Починить фонари до весны\r");
    kenesh.wait_for("Починить фонари до весны");
    kenesh.type_cyrillic("\u{1b}");
    // Needs pane: one vote for the selected need (the last captured).
    kenesh.type_cyrillic("3+");
    // Participants: queue the selected person (к = r), give the floor (е = t).
    kenesh.type_cyrillic("2к");
    kenesh.type_cyrillic("е");
    kenesh.type_cyrillic("й"); // q
    assert!(kenesh.wait_exit().success(), "{}", kenesh.screen_text());

    let after = common::load_session(&path);
    let item = after.active_item().expect("an item was started");
    assert_eq!(item.id, before.agenda[0].id);
    let new_needs: Vec<_> = after.needs.iter().filter(|n| before.need(n.id).is_none()).collect();
    let described: Vec<(String, String, String, u32)> = new_needs
        .iter()
        .map(|n| {
            (
                n.title.clone(),
                after.settlement_name(n.settlement).to_owned(),
                after.participant_name(n.raised_by).to_owned(),
                n.votes,
            )
        })
        .collect();
    let expected = [
        ("Нет освещения", "Ак-Жар", "Асанова Айгуль", 0),
        ("Нет воды", "Адилет", "Турдубаева Роза", 0),
        ("Яма на дороге", "Дордой-2", "Ковалёв Сергей", 1),
    ];
    let expected: Vec<(String, String, String, u32)> = expected
        .iter()
        .map(|(a, b, c, v)| ((*a).to_owned(), (*b).to_owned(), (*c).to_owned(), *v))
        .collect();
    assert_eq!(described, expected);
    assert_eq!(after.proposals.last().unwrap().text, "Провести встречу с жителями");
    assert_eq!(after.actions.last().unwrap().what, "Починить фонари до весны");
    let turn = after.speaker_turns.last().expect("a speaker was queued");
    assert_eq!(turn.agenda_item, item.id);
    assert!(turn.started.is_some(), "the floor was given");
}
