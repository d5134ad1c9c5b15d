//! The run loop: read an event, update, save at the edge, draw when
//! something changed. Generic over the backend, the event source and the
//! clock, so tests run the real loop on `TestBackend` with scripted keys.

use std::io;
use std::time::Duration;

use ratatui::crossterm::event::{Event, KeyEventKind};
use ratatui::{Terminal, backend::Backend};

use super::model::Mode;
pub use super::poll::{EventSource, Poll};
use super::saver::Saver;
use super::{Effect, Model, Msg, update};
use crate::model::Timestamp;

/// Events handled before one save and one frame.
const MAX_BATCH: usize = 64;

/// How often the journals of other editors (and the file, when only
/// viewing) are looked at: what another editor typed shows here within
/// this, plus the time to read it.
const LOOK_EVERY: Duration = Duration::from_millis(100);

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

/// How the editor ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// The user (or a signal) quit. `keep_recovery`: what could not be saved
    /// must go to a recovery copy (the user agreed to quit anyway, or a
    /// signal left no one to ask).
    Quit { keep_recovery: bool },
    /// No more input will come (scripted input ran out).
    InputClosed,
}

/// The run loop's side of the editor: performs the effects `update` asks
/// for and remembers the ones that wait for the end of a batch of events.
struct Edge<'s> {
    saver: &'s mut Saver,
    /// `Some(keep_recovery)` once quitting was asked for.
    quitting: Option<bool>,
    reload: bool,
    forget_recovery: bool,
    draft_changed: bool,
}

impl Edge<'_> {
    /// Sends `msg` to `update` and takes in the effects it returns.
    fn send(&mut self, model: &mut Model, msg: Msg, now: Timestamp) {
        for effect in update(model, msg, now) {
            match effect {
                Effect::Save(changes) => self.saver.queue(changes),
                Effect::Rewrite => self.saver.rewrite_next(),
                Effect::Reload => self.reload = true,
                Effect::ForgetRecovery => self.forget_recovery = true,
                Effect::SyncDraft => self.draft_changed = true,
                Effect::Quit { keep_recovery } => {
                    self.quitting = Some(keep_recovery || self.quitting == Some(true));
                }
            }
        }
    }

    /// While quitting: folds the journal into the file, then leaves if
    /// nothing is unsaved, or asks the user (through `update`) if it is.
    fn try_to_quit(
        &mut self,
        model: &mut Model,
        clock: &mut impl FnMut() -> Timestamp,
    ) -> Option<Exit> {
        let keep_recovery = self.quitting?;
        if let Some(msg) = self.saver.final_snapshot(&model.session, model.save.saved_revision) {
            self.send(model, msg, clock());
        }
        let unsaved = (model.save.is_dirty() || model.save.snapshot_error.is_some())
            && model.read_only.is_none()
            && !keep_recovery;
        if !unsaved {
            self.saver.leave(clock());
            return Some(Exit::Quit { keep_recovery });
        }
        if super::signals::terminated() {
            // No one to ask: what could not be saved goes to a recovery copy.
            self.saver.leave(clock());
            return Some(Exit::Quit { keep_recovery: true });
        }
        // The last save failed: ask before leaving.
        self.quitting = None;
        self.send(model, Msg::QuitBlocked, clock());
        None
    }
}

pub fn run<B: Backend>(
    terminal: &mut Terminal<B>,
    model: &mut Model,
    events: &mut impl EventSource,
    saver: &mut Saver,
    clock: &mut impl FnMut() -> Timestamp,
) -> io::Result<Exit>
where
    B::Error: Send + Sync + 'static,
{
    let mut edge =
        Edge { saver, quitting: None, reload: false, forget_recovery: false, draft_changed: false };
    let size = terminal.size().map_err(io::Error::other)?;
    edge.send(model, Msg::Resize(size.width, size.height), clock());
    if let Some(problem) = crate::config::problem() {
        edge.send(model, Msg::Notice(problem.to_owned()), clock());
    }
    let mut dirty_screen = true;
    let mut closed = false;
    let mut shown_second = clock().timestamp();
    // A read-only editor follows the file like `kenesh present`.
    let mut follower =
        model.read_only.as_ref().map(|_| crate::follow::Follower::new(edge.saver.path()));
    loop {
        // SIGTERM, SIGHUP and SIGINT quit the normal way; SIGTSTP and Ctrl-Z suspend.
        if super::signals::terminated() {
            edge.quitting.get_or_insert(false);
        }
        dirty_screen |= super::signals::handle_suspend(terminal)?;
        // Save before drawing, so the screen says "saved" only once it is.
        dirty_screen |= save_at_the_edge(model, &mut edge, clock);
        // Another editor's edits, once ours are in our journal.
        if model.read_only.is_none()
            && !model.save.is_dirty()
            && let Some(msg) = edge.saver.refresh()
        {
            edge.send(model, msg, clock());
            dirty_screen = true;
        }
        if model.read_only.is_some() {
            let follower =
                follower.get_or_insert_with(|| crate::follow::Follower::new(edge.saver.path()));
            if follower.refresh()
                && let Some(session) = follower.session()
            {
                edge.send(model, Msg::Followed(Box::new(session.clone())), clock());
                dirty_screen = true;
            }
        }
        if edge.draft_changed && model.read_only.is_none() {
            edge.draft_changed = false;
            edge.saver.sync_draft(model.draft(clock()).as_ref());
        }
        if edge.quitting.is_some() {
            if let Some(exit) = edge.try_to_quit(model, clock) {
                return Ok(exit);
            }
            dirty_screen = true;
        }
        if dirty_screen {
            terminal.draw(|frame| crate::ui::render(model, frame)).map_err(io::Error::other)?;
            dirty_screen = false;
        }
        if closed {
            return Ok(Exit::InputClosed);
        }
        let timeout = wait_time(model, edge.saver, clock());
        let (changed, input_closed) = read_batch(model, &mut edge, events, timeout, clock)?;
        dirty_screen |= changed;
        closed |= input_closed;
        let now = clock();
        if now.timestamp() != shown_second {
            shown_second = now.timestamp();
            edge.send(model, Msg::Tick, now);
            dirty_screen = true;
        }
    }
}

/// Waits up to `timeout` for the first event, then takes whatever else is
/// already waiting (a paste, key repeat) before saving and drawing once.
/// Returns whether the screen changed and whether the input ended.
fn read_batch(
    model: &mut Model,
    edge: &mut Edge,
    events: &mut impl EventSource,
    timeout: Duration,
    clock: &mut impl FnMut() -> Timestamp,
) -> io::Result<(bool, bool)> {
    let mut changed = false;
    let mut wait = timeout;
    for _ in 0..MAX_BATCH {
        match events.next(wait)? {
            Poll::Event(event) => {
                crash_test_hook(&event);
                if let Some(msg) = message_of(event) {
                    edge.send(model, msg, clock());
                    changed = true;
                }
            }
            Poll::Timeout => break,
            // Input ended: save and draw what it did, then stop.
            Poll::Closed => return Ok((changed, true)),
        }
        if edge.quitting.is_some()
            || !matches!(model.mode, Mode::Normal | Mode::Capture(_) | Mode::Form(_))
        {
            break;
        }
        wait = Duration::ZERO;
    }
    Ok((changed, false))
}

/// The side effects waiting: reload, journal or save, fold the journal
/// into the file, forget a recovery copy. True if the screen changed.
fn save_at_the_edge(
    model: &mut Model,
    edge: &mut Edge,
    clock: &mut impl FnMut() -> Timestamp,
) -> bool {
    let mut changed = false;
    if std::mem::take(&mut edge.reload) {
        let msg = edge.saver.reload();
        edge.send(model, msg, clock());
        changed = true;
    }
    if model.save.is_dirty() && edge.saver.ready(clock()) && model.read_only.is_none() {
        let msg = edge.saver.persist(&model.session, model.save.revision, clock());
        edge.send(model, msg, clock());
        changed = true;
    }
    if let Some(msg) = edge.saver.poll_snapshot(model.save.saved_revision) {
        edge.send(model, msg, clock());
        changed = true;
    }
    if edge.quitting.is_none() && edge.saver.snapshot_due(clock()) {
        edge.saver.start_snapshot(&model.session, clock());
    }
    if std::mem::take(&mut edge.forget_recovery) {
        edge.saver.remove_recovery();
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
    } else {
        // Other editors' edits are looked for this often.
        timeout = timeout.min(LOOK_EVERY);
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
