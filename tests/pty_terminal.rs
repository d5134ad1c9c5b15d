//! The terminal around the editor: a 1 MB bracketed paste, signals
//! (SIGTERM, SIGHUP, SIGTSTP + SIGCONT) and Ctrl-C, in a real pty. The pty
//! helpers are copied from tests/pty.rs.
// Unix only: these drive the editor through a Unix pseudo-terminal (and
// chattr, symlinks, modes). On Windows portable-pty needs ConPTY, which
// Wine does not provide; Wine's console cannot judge the screen anyway.
#![cfg(unix)]

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::pty::Session;

fn example_in(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("meeting.ron");
    std::fs::copy(common::bishkek_example(), &path).unwrap();
    path
}

#[test]
fn a_megabyte_pasted_into_the_capture_line_is_cut_and_the_editor_stays_responsive() {
    let dir = tempfile::tempdir().unwrap();
    example_in(dir.path());
    let mut kenesh = Session::start(&["meeting.ron"], dir.path());
    kenesh.wait_for("Action plan");
    kenesh.type_text(":");
    let line = "Нужен свет ң ө ү\tна улице\r\n";
    let text = line.repeat(1_000_000 / line.len() + 1);
    let started = Instant::now();
    kenesh.write_raw(b"\x1b[200~");
    kenesh.write_raw(text.as_bytes());
    kenesh.write_raw(b"\x1b[201~");
    kenesh.wait_for("paste was cut to 10000 characters");
    let elapsed = started.elapsed();
    eprintln!("1 MB paste: the cut notice was on screen after {elapsed:?}");
    // The editor answers keys at once: leave the line, quit.
    kenesh.type_text("\u{1b}");
    kenesh.wait_for("Action plan");
    kenesh.type_text("q");
    assert!(kenesh.wait_exit().success());
    assert!(elapsed < Duration::from_secs(5), "the paste took {elapsed:?}");
}

fn send(signal: &str, pid: u32) {
    let status = std::process::Command::new("kill")
        .args([&format!("-{signal}"), &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success(), "kill -{signal} {pid}");
}

/// kenesh started by a shell that notes `stty -g` before and after it, and
/// its exit code, in another folder.
struct Wrapped {
    shell: Session,
    notes: tempfile::TempDir,
}

impl Wrapped {
    fn start(dir: &Path) -> Wrapped {
        Wrapped::run("meeting.ron", dir, "Action plan")
    }

    /// `kenesh ARGS` once the screen shows `ready`.
    fn run(args: &str, dir: &Path, ready: &str) -> Wrapped {
        let kenesh = env!("CARGO_BIN_EXE_kenesh");
        let notes = tempfile::tempdir().unwrap();
        let n = notes.path().display();
        let line = format!(
            "stty -g > {n}/before; {kenesh} {args}; echo exit=$? > {n}/code; stty -g > {n}/after; sleep 30"
        );
        let shell = Session::shell(&line, dir, &[]);
        shell.wait_for(ready);
        Wrapped { shell, notes }
    }

    /// The pid of kenesh, the shell's child.
    fn kenesh_pid(&self) -> u32 {
        let shell = self.shell.pid();
        let children =
            std::fs::read_to_string(format!("/proc/{shell}/task/{shell}/children")).unwrap();
        children.split_whitespace().next().expect("kenesh runs").parse().unwrap()
    }

    fn note(&self, name: &str) -> String {
        std::fs::read_to_string(self.notes.path().join(name)).unwrap()
    }

    fn wait_for_exit(&self) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while !self.notes.path().join("after").exists() {
            assert!(
                Instant::now() < deadline,
                "kenesh did not exit:\n{}",
                self.shell.screen_text()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        std::thread::sleep(Duration::from_millis(100));
    }

    /// The screen left once kenesh is gone: no alternate screen, mouse
    /// tracking off, cursor visible.
    fn assert_terminal_left_clean(&self) {
        let bytes = self.shell.output_bytes();
        let last = |on: &str, off: &str| bytes.rfind(off) > bytes.rfind(on);
        assert!(last("\u{1b}[?1049h", "\u{1b}[?1049l"), "the alternate screen was left");
        assert!(last("\u{1b}[?1000h", "\u{1b}[?1000l"), "mouse tracking is off");
        assert!(last("\u{1b}[?25l", "\u{1b}[?25h"), "the cursor is shown");
        assert_eq!(self.note("before"), self.note("after"), "terminal settings as before");
    }
}

fn votes(path: &Path) -> u32 {
    common::load_session(path).needs.iter().map(|n| n.votes).sum()
}

fn terminated_by(signal: &str) {
    let dir = tempfile::tempdir().unwrap();
    let path = example_in(dir.path());
    let before = votes(&path);
    let mut wrapped = Wrapped::start(dir.path());
    wrapped.shell.type_text("3+");
    send(signal, wrapped.kenesh_pid());
    wrapped.wait_for_exit();
    wrapped.assert_terminal_left_clean();
    assert_eq!(votes(&path), before + 1, "the vote is in the file itself");
    assert!(wrapped.note("code").contains("exit="));
    let _ = wrapped.shell.child.kill();
}

#[test]
fn sigterm_saves_and_restores_the_terminal() {
    terminated_by("TERM");
}

#[test]
fn sighup_saves_and_restores_the_terminal() {
    terminated_by("HUP");
}

#[test]
fn sigint_from_kill_saves_and_restores_the_terminal() {
    terminated_by("INT");
}

/// `stty -g` of the pty the shell runs in, read from outside.
fn stty_of(pid: u32) -> String {
    let tty = std::fs::read_link(format!("/proc/{pid}/fd/0")).unwrap();
    let out = std::process::Command::new("stty")
        .arg("-g")
        .stdin(std::fs::File::open(&tty).unwrap())
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

fn process_state(pid: u32) -> char {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    stat[stat.rfind(')').unwrap() + 2..].chars().next().unwrap()
}

fn wait_state(pid: u32, state: char) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while process_state(pid) != state {
        assert!(Instant::now() < deadline, "process {pid} never reached state {state}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn suspended_by(suspend: impl FnOnce(&mut Wrapped, u32)) {
    let dir = tempfile::tempdir().unwrap();
    let path = example_in(dir.path());
    let before = votes(&path);
    let mut wrapped = Wrapped::start(dir.path());
    let pid = wrapped.kenesh_pid();
    suspend(&mut wrapped, pid);
    wait_state(pid, 'T');
    // Stopped: the terminal is as the shell left it, the screen is the
    // shell's, the cursor shown.
    assert_eq!(stty_of(pid), wrapped.note("before"), "cooked mode while suspended");
    let bytes = wrapped.shell.output_bytes();
    assert!(bytes.rfind("\u{1b}[?1049l") > bytes.rfind("\u{1b}[?1049h"), "main screen");
    let shown_before = bytes.len();

    send("CONT", pid);
    // Set up again and redrawn: raw mode (typed keys act at once) and the
    // whole screen drawn anew.
    let deadline = Instant::now() + Duration::from_secs(10);
    while !wrapped.shell.output_bytes()[shown_before..].contains("Action plan") {
        assert!(
            Instant::now() < deadline,
            "not redrawn after SIGCONT: {:?}\n{:?}",
            std::fs::read_to_string(wrapped.notes.path().join("code")),
            &wrapped.shell.output_bytes()[shown_before..]
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_ne!(stty_of(pid), wrapped.note("before"), "raw mode again");
    wrapped.shell.type_text("3+");
    wrapped.shell.wait_for("saved");
    wrapped.shell.type_text("q");
    wrapped.wait_for_exit();
    wrapped.assert_terminal_left_clean();
    assert_eq!(votes(&path), before + 1);
    let _ = wrapped.shell.child.kill();
}

#[test]
fn sigtstp_suspends_cleanly_and_sigcont_sets_the_terminal_up_again() {
    suspended_by(|_, pid| send("TSTP", pid));
}

#[test]
fn ctrl_z_suspends_like_sigtstp() {
    suspended_by(|wrapped, _| wrapped.shell.type_text("\u{1a}"));
}

#[test]
fn ctrl_c_shows_how_to_quit_and_a_second_one_quits_saving() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_in(dir.path());
    let before = votes(&path);
    let mut kenesh = Session::start(&["meeting.ron"], dir.path());
    kenesh.wait_for("Action plan");
    kenesh.type_text("3+");
    kenesh.type_text("\u{1c}"); // Ctrl-\
    kenesh.wait_for("q quits; everything is saved");
    // The editor's clock has whole seconds: 3 s later is surely too late.
    std::thread::sleep(Duration::from_millis(3200));
    kenesh.type_text("\u{3}"); // Ctrl-C: only the hint again
    assert!(kenesh.child.try_wait().unwrap().is_none(), "one Ctrl-C does not quit");
    kenesh.type_text("\u{3}");
    assert!(kenesh.wait_exit().success());
    assert_eq!(votes(&path), before + 1);
}

#[test]
fn sigterm_restores_the_terminal_after_present() {
    let dir = tempfile::tempdir().unwrap();
    example_in(dir.path());
    let title = common::load_session(&dir.path().join("meeting.ron")).title;
    let first_word = title.split_whitespace().next().unwrap().to_owned();
    let wrapped = Wrapped::run("present meeting.ron", dir.path(), &first_word);
    send("TERM", wrapped.kenesh_pid());
    wrapped.wait_for_exit();
    wrapped.assert_terminal_left_clean();
}

/// The projector laptop faces the room: one `Esc` (pressed by mistake, or
/// a terminal reply cut in two by tmux or a slow SSH link) must not end
/// the projection. It asks; a second `Esc` within 3 s quits, `q` at once.
#[test]
fn present_quits_on_a_second_esc_not_on_a_stray_one() {
    let dir = tempfile::tempdir().unwrap();
    example_in(dir.path());
    let mut present = Session::start(&["present", "meeting.ron"], dir.path());
    present.wait_for("Now");
    // A device-attributes reply split after its ESC: crossterm gives a
    // lone Esc, then the rest as keys.
    present.write_raw(b"\x1b");
    std::thread::sleep(Duration::from_millis(150));
    present.write_raw(b"[?1;2c");
    present.wait_for("Esc again to quit");
    std::thread::sleep(Duration::from_millis(3200));
    assert!(present.child.try_wait().unwrap().is_none(), "one Esc does not quit");
    let deadline = Instant::now() + Duration::from_secs(5);
    while present.screen_text().contains("Esc again to quit") {
        assert!(Instant::now() < deadline, "the question stays after 3 s");
        std::thread::sleep(Duration::from_millis(50));
    }
    present.write_raw(b"\x1b");
    std::thread::sleep(Duration::from_millis(150));
    present.write_raw(b"\x1b");
    assert!(present.wait_exit().success(), "a second Esc quits");
}
