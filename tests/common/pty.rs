//! The real binary in a pseudo-terminal, shared by the pty tests.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// A running kenesh in a pty, with everything it printed so far.
pub struct Session {
    pub child: Box<dyn portable_pty::Child + Send + Sync>,
    pub writer: Box<dyn Write + Send>,
    output: Arc<Mutex<Vec<u8>>>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Session {
    pub fn start(args: &[&str], cwd: &Path) -> Session {
        Session::start_with(args, cwd, &[])
    }

    /// Like `start`, with environment variables set over the defaults.
    pub fn start_with(args: &[&str], cwd: &Path, env: &[(&str, &str)]) -> Session {
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_kenesh"));
        cmd.args(args);
        Session::spawn(cmd, cwd, env)
    }

    /// Runs a shell command line in the pty (to compare `stty` around kenesh).
    pub fn shell(line: &str, cwd: &Path, env: &[(&str, &str)]) -> Session {
        let mut cmd = CommandBuilder::new("sh");
        cmd.args(["-c", line]);
        Session::spawn(cmd, cwd, env)
    }

    fn spawn(mut cmd: CommandBuilder, cwd: &Path, env: &[(&str, &str)]) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize { rows: 30, cols: 100, pixel_width: 0, pixel_height: 0 })
            .unwrap();
        cmd.cwd(cwd);
        cmd.env("TERM", "xterm-256color");
        // Recovery copies that cannot go beside a file go to the data
        // folder: keep each test's own.
        cmd.env("XDG_DATA_HOME", cwd.join(".data"));
        cmd.env("LANG", "C.UTF-8");
        for (k, v) in env {
            cmd.env(k, v);
        }
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

    pub fn kill_9(&mut self) {
        let pid = self.child.process_id().unwrap();
        let status =
            std::process::Command::new("kill").args(["-9", &pid.to_string()]).status().unwrap();
        assert!(status.success());
        self.wait_exit();
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

impl Session {
    /// Writes without the pause `type_text` makes (a big paste).
    pub fn write_raw(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().unwrap()
    }
}
