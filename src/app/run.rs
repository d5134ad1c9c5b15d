//! The run loop: read an event, update, save at the edge, draw when
//! something changed. Generic over the backend, the event source and the
//! clock, so tests run the real loop on `TestBackend` with scripted keys.

use std::io;
use std::time::Duration;

use ratatui::crossterm::event::{Event, KeyEventKind};
use ratatui::{Terminal, backend::Backend};

use super::saver::Saver;
use super::{Model, Msg, update};
use crate::model::Timestamp;

/// Events handled before one save and one frame.
const MAX_BATCH: usize = 64;

/// What waiting for input gave.
pub enum Poll {
    Event(Event),
    Timeout,
    /// No more input will come (scripted input ran out).
    Closed,
}

pub trait EventSource {
    fn next(&mut self, timeout: Duration) -> io::Result<Poll>;
}

/// The real terminal's events.
pub struct TerminalEvents;

impl EventSource for TerminalEvents {
    fn next(&mut self, timeout: Duration) -> io::Result<Poll> {
        super::signals::next_event(timeout)
    }
}

/// Turns a terminal event into a message (key releases are dropped:
/// terminals that report them would otherwise act twice).
pub fn message_of(event: Event) -> Option<Msg> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            Some(if super::signals::is_interrupt_key(&key) {
                Msg::Interrupt
            } else {
                Msg::Key(key)
            })
        }
        Event::Paste(text) => Some(Msg::Paste(text)),
        Event::Mouse(mouse) => Some(Msg::Mouse(mouse)),
        Event::Resize(w, h) => Some(Msg::Resize(w, h)),
        _ => None,
    }
}

pub fn run<B: Backend>(
    terminal: &mut Terminal<B>,
    model: &mut Model,
    events: &mut impl EventSource,
    saver: &mut Saver,
    clock: &mut impl FnMut() -> Timestamp,
) -> io::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    let size = terminal.size().map_err(io::Error::other)?;
    update(model, Msg::Resize(size.width, size.height), clock());
    if let Some(problem) = crate::config::problem() {
        update(model, Msg::Notice(problem.to_owned()), clock());
    }
    let mut dirty_screen = true;
    let mut draft_written = model.draft_revision;
    let mut closed = false;
    let mut shown_second = clock().timestamp();
    // A read-only editor follows the file like `kenesh present`.
    let mut follower = model.read_only.as_ref().map(|_| crate::follow::Follower::new(saver.path()));
    loop {
        // SIGTERM, SIGHUP and SIGINT quit the normal way; SIGTSTP and Ctrl-Z suspend.
        model.quit |= super::signals::terminated();
        dirty_screen |= super::signals::handle_suspend(terminal)?;
        // Save before drawing, so the screen says "saved" only once it is.
        dirty_screen |= save_at_the_edge(model, saver, clock);
        if model.read_only.is_some() {
            let follower =
                follower.get_or_insert_with(|| crate::follow::Follower::new(saver.path()));
            if follower.refresh()
                && let Some(session) = follower.session()
            {
                update(model, Msg::Followed(Box::new(session.clone())), clock());
                dirty_screen = true;
            }
        }
        if model.draft_revision != draft_written && model.read_only.is_none() {
            draft_written = model.draft_revision;
            saver.sync_draft(super::draft::Draft::of(model, clock()).as_ref());
        }
        if model.quit {
            if let Some(msg) = saver.final_snapshot(&model.session, model.save.saved_revision) {
                update(model, msg, clock());
            }
            let unsaved = (model.save.is_dirty() || model.save.snapshot_error.is_some())
                && model.read_only.is_none()
                && !model.quit_with_recovery;
            if !unsaved {
                return Ok(());
            }
            if super::signals::terminated() {
                // No one to ask: what could not be saved goes to a recovery copy.
                model.quit_with_recovery = true;
                return Ok(());
            }
            // The last save failed: ask before leaving.
            model.quit = false;
            model.mode = super::model::Mode::ConfirmQuit;
            dirty_screen = true;
        }
        if dirty_screen {
            terminal.draw(|frame| crate::ui::render(model, frame)).map_err(io::Error::other)?;
            dirty_screen = false;
        }
        if closed {
            return Ok(());
        }
        let timeout = wait_time(model, saver, clock());
        // Wait for the first event, then take whatever else is already
        // waiting (a paste, key repeat) before saving and drawing once.
        let mut wait = timeout;
        for _ in 0..MAX_BATCH {
            match events.next(wait)? {
                Poll::Event(event) => {
                    crash_test_hook(&event);
                    if let Some(msg) = message_of(event) {
                        update(model, msg, clock());
                        dirty_screen = true;
                    }
                }
                Poll::Timeout => break,
                // Input ended: save and draw what it did, then stop.
                Poll::Closed => {
                    closed = true;
                    break;
                }
            }
            if model.quit
                || !matches!(
                    model.mode,
                    super::model::Mode::Normal
                        | super::model::Mode::Capture(_)
                        | super::model::Mode::Form(_)
                )
            {
                break;
            }
            wait = Duration::ZERO;
        }
        let now = clock();
        if now.timestamp() != shown_second {
            shown_second = now.timestamp();
            update(model, Msg::Tick, now);
            dirty_screen = true;
        }
    }
}

/// The side effects the model asked for: reload, journal or save, fold the
/// journal into the file, forget a recovery copy. True if the screen changed.
fn save_at_the_edge(
    model: &mut Model,
    saver: &mut Saver,
    clock: &mut impl FnMut() -> Timestamp,
) -> bool {
    let mut changed = false;
    if model.reload_requested {
        model.reload_requested = false;
        let msg = saver.reload();
        update(model, msg, clock());
        changed = true;
    }
    if model.save.is_dirty() && saver.ready(clock()) && model.read_only.is_none() {
        let msg = saver.persist(model, clock());
        update(model, msg, clock());
        changed = true;
    }
    if let Some(msg) = saver.poll_snapshot(model.save.saved_revision) {
        update(model, msg, clock());
        changed = true;
    }
    if !model.quit && saver.snapshot_due(clock()) {
        saver.start_snapshot(&model.session, clock());
    }
    if model.recovery_resolved {
        model.recovery_resolved = false;
        saver.remove_recovery();
    }
    changed
}

/// How long to wait for input: until the next second for the clock,
/// sooner while a save must be retried or a snapshot is pending.
fn wait_time(model: &Model, saver: &Saver, now: Timestamp) -> Duration {
    let to_next_second = 1000 - u64::from(now.timestamp_subsec_millis().min(999));
    let mut timeout = Duration::from_millis(to_next_second);
    if model.save.is_dirty() {
        timeout = timeout.min(saver.retry_in(now));
    }
    if saver.snapshot_in_flight() {
        timeout = timeout.min(Duration::from_millis(20));
    } else if saver.has_journal_entries() || model.read_only.is_some() {
        timeout = timeout.min(Duration::from_millis(250));
    }
    timeout
}

/// Debug builds only: with `KENESH_TEST_PANIC=1`, F12 panics, so tests can
/// check that a crash restores the terminal and keeps the data.
fn crash_test_hook(event: &Event) {
    #[cfg(debug_assertions)]
    if let Event::Key(key) = event
        && key.code == ratatui::crossterm::event::KeyCode::F(12)
        && std::env::var_os("KENESH_TEST_PANIC").is_some()
    {
        panic!("test panic (F12 with KENESH_TEST_PANIC)");
    }
    let _ = event;
}
