//! Two editors on one session, on one machine: a key in editor A → the
//! change drawn in editor B (issue #20: median ≤ 150 ms, p95 ≤ 500 ms).
//!
//! Both editors are the real run loop (`kenesh::app::run::run`), each in
//! its own thread on a `TestBackend`, opened as `kenesh FILE` opens them:
//! `SessionFile::open`, `join`, `Saver::new`. Keys reach them through a
//! channel the loop waits on as it waits on the terminal. A's key goes
//! through A's `update` and `Saver` (journal append + fsync); B finds it
//! when it next looks at the journals (every 100 ms, `LOOK_EVERY`), replays
//! them and draws. A sample is the time from sending the key to A until
//! the end of the first frame of B that shows the new vote count.
//!
//! Besides criterion's estimates, every timed key is kept and the median
//! and p95 are printed at the end (criterion reports no percentiles).

use std::io;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use kenesh::app::model::Pane;
use kenesh::app::run::{EventSource, Poll, run};
use kenesh::app::saver::Saver;
use kenesh::app::{Model, Msg, update};
use kenesh::store::{Loaded, SessionFile};
use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, TestBackend, WindowSize};
use ratatui::buffer::{Buffer, Cell};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Position, Size};

const EXAMPLE: &str =
    "sessions/2026-11-19-kruglyi-stol-araket-vzaimodeistvie-omsu-s-zhitelyami-novostroek.ron";

/// How long a change may take to show before the benchmark gives up.
const GIVE_UP_AFTER: Duration = Duration::from_secs(10);

fn key(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

/// An editor's keyboard: the run loop waits on the channel up to its
/// timeout, as it waits on the terminal; dropping the sender ends the input.
struct Keys(Receiver<Event>);

impl EventSource for Keys {
    fn next(&mut self, timeout: Duration) -> io::Result<Poll> {
        match self.0.recv_timeout(timeout) {
            Ok(event) => Ok(Poll::Event(event)),
            Err(RecvTimeoutError::Timeout) => Ok(Poll::Timeout),
            Err(RecvTimeoutError::Disconnected) => Ok(Poll::Closed),
        }
    }
}

/// One frame as it reached the screen: when its draw ended, and its text.
struct Frame {
    at: Instant,
    lines: Vec<String>,
}

/// The frames an editor drew since the bench last cleared them.
#[derive(Default)]
struct Screen {
    frames: Mutex<Vec<Frame>>,
    drawn: Condvar,
}

impl Screen {
    fn publish(&self, buffer: &Buffer) {
        let at = Instant::now();
        let area = buffer.area;
        let lines = (area.top()..area.bottom())
            .map(|y| {
                (area.left()..area.right()).map(|x| buffer[(x, y)].symbol()).collect::<String>()
            })
            .collect::<Vec<_>>();
        self.frames.lock().unwrap().push(Frame { at, lines });
        self.drawn.notify_all();
    }

    fn clear(&self) {
        self.frames.lock().unwrap().clear();
    }

    /// When the first frame drawn since the last `clear` that `shows` ended,
    /// waiting for it up to `GIVE_UP_AFTER`.
    fn first_showing(&self, shows: impl Fn(&[String]) -> bool) -> Option<Instant> {
        let deadline = Instant::now() + GIVE_UP_AFTER;
        let mut frames = self.frames.lock().unwrap();
        let mut checked = 0;
        loop {
            if let Some(frame) = frames[checked..].iter().find(|f| shows(&f.lines)) {
                return Some(frame.at);
            }
            checked = frames.len();
            let left = deadline.checked_duration_since(Instant::now())?;
            frames = self.drawn.wait_timeout(frames, left).unwrap().0;
        }
    }
}

/// A `TestBackend` that hands every finished frame to a `Screen`
/// (`Terminal::draw` ends with `flush`).
struct Watched {
    inner: TestBackend,
    screen: Arc<Screen>,
}

impl Backend for Watched {
    type Error = <TestBackend as Backend>::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.inner.draw(content)
    }
    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }
    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }
    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }
    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }
    fn clear(&mut self) -> Result<(), Self::Error> {
        self.inner.clear()
    }
    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.inner.clear_region(clear_type)
    }
    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size()
    }
    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }
    fn flush(&mut self) -> Result<(), Self::Error> {
        self.inner.flush()?;
        self.screen.publish(self.inner.buffer());
        Ok(())
    }
}

/// An editor running in its own thread.
struct Editor {
    keys: Sender<Event>,
    screen: Arc<Screen>,
    thread: JoinHandle<()>,
}

/// Opens `path` as `kenesh FILE` does (one more writer named `name`) and
/// starts the real run loop on a 200×60 screen.
fn start_editor(path: &Path, name: &str) -> Editor {
    let (mut file, loaded) = SessionFile::open(path).unwrap();
    let Loaded::Session(session) = loaded else { panic!("{} is not a session", path.display()) };
    file.join(name).unwrap();
    let file_name = path.file_name().unwrap().to_string_lossy().into_owned();
    let mut model = Model::new(session, file_name, kenesh::model::now());
    let mut saver = Saver::new(file);
    let (keys, received) = channel();
    let screen = Arc::new(Screen::default());
    let backend = Watched { inner: TestBackend::new(200, 60), screen: Arc::clone(&screen) };
    let thread = std::thread::spawn(move || {
        let mut terminal = Terminal::new(backend).unwrap();
        let mut clock = kenesh::model::now;
        run(&mut terminal, &mut model, &mut Keys(received), &mut saver, &mut clock).unwrap();
    });
    Editor { keys, screen, thread }
}

/// The vote count the needs board shows for the need whose title starts
/// with `title` (its row: "▲N", spaces, the title).
fn votes_shown(lines: &[String], title: &str) -> Option<u32> {
    lines.iter().find_map(|line| {
        let before = &line[..line.find(title)?];
        let count = &before[before.rfind('▲')? + '▲'.len_utf8()..];
        count.trim_end().parse().ok()
    })
}

/// The start of the title of the need selected when the needs board gets
/// the keyboard (`3`), as the board shows it.
fn selected_need(path: &Path) -> String {
    let Loaded::Session(session) = kenesh::store::load_file(path).unwrap() else { unreachable!() };
    let mut probe = Model::new(session, String::new(), kenesh::model::now());
    let Event::Key(three) = key('3') else { unreachable!() };
    update(&mut probe, Msg::Key(three), kenesh::model::now());
    let id = probe.pane(Pane::Needs).selected_id().expect("the example has needs");
    probe.session.need(id).unwrap().title.chars().take(12).collect()
}

fn key_in_a_drawn_in_b(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let path = dir.path().join(Path::new(EXAMPLE).file_name().unwrap());
    std::fs::copy(root.join(EXAMPLE), &path).unwrap();
    let title = selected_need(&path);
    let a = start_editor(&path, "A");
    let b = start_editor(&path, "B");
    for editor in [&a, &b] {
        editor.keys.send(key('3')).unwrap();
    }
    let shown = |editor: &Editor| {
        let at = editor.screen.first_showing(|lines| votes_shown(lines, &title).is_some());
        assert!(at.is_some(), "the needs board shows «{title}»");
        let frames = editor.screen.frames.lock().unwrap();
        votes_shown(&frames.last().unwrap().lines, &title).unwrap()
    };
    let start_votes = shown(&a);
    assert_eq!(shown(&b), start_votes, "both editors start from the same count");
    let mut votes = start_votes;
    let mut in_b = Vec::new();
    let mut in_a = Vec::new();

    let mut group = c.benchmark_group("together");
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(30);
    group.measurement_time(Duration::from_secs(60));
    group.bench_function("key_in_a_drawn_in_b", |bench| {
        bench.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                // Up, then down again: the count never drifts.
                let (press, expected) =
                    if votes == start_votes { ('+', votes + 1) } else { ('-', votes - 1) };
                a.screen.clear();
                b.screen.clear();
                let sent = Instant::now();
                a.keys.send(key(press)).unwrap();
                let shows = |lines: &[String]| votes_shown(lines, &title) == Some(expected);
                let drawn_in_a = a.screen.first_showing(shows);
                let drawn_in_b = b.screen.first_showing(shows);
                let (Some(drawn_in_a), Some(drawn_in_b)) = (drawn_in_a, drawn_in_b) else {
                    panic!("«{press}» in A: ▲{expected} not drawn within {GIVE_UP_AFTER:?}");
                };
                votes = expected;
                in_a.push(drawn_in_a - sent);
                in_b.push(drawn_in_b - sent);
                total += drawn_in_b - sent;
            }
            total
        })
    });
    group.finish();
    print_percentiles("key in A → drawn in A", &mut in_a);
    print_percentiles("key in A → drawn in B", &mut in_b);
    drop((a.keys, b.keys));
    a.thread.join().unwrap();
    b.thread.join().unwrap();
}

/// Median and p95 (nearest rank) of every timed key, warm-up included.
fn print_percentiles(what: &str, samples: &mut [Duration]) {
    if samples.is_empty() {
        return;
    }
    samples.sort();
    let rank = |p: f64| samples[((p * samples.len() as f64).ceil() as usize).max(1) - 1];
    println!(
        "{what}: median {:.1} ms, p95 {:.1} ms, max {:.1} ms, N = {}",
        rank(0.5).as_secs_f64() * 1e3,
        rank(0.95).as_secs_f64() * 1e3,
        samples[samples.len() - 1].as_secs_f64() * 1e3,
        samples.len()
    );
}

criterion_group!(benches, key_in_a_drawn_in_b);
criterion_main!(benches);
