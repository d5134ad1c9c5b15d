//! Signals and the keys that would send them in a cooked terminal. The
//! handlers only set flags; the run loops act on them at the edge:
//! SIGTERM, SIGHUP and SIGINT (from `kill`) quit the normal way (saving
//! first, then the terminal is restored); SIGTSTP and Ctrl-Z restore the
//! terminal and stop, and after `fg` (SIGCONT) the terminal is set up
//! again and redrawn.
//! Raw mode turns Ctrl-C, Ctrl-\ and Ctrl-Z into keys, so they arrive here
//! as key events, not signals.

use std::io;
use std::sync::Arc;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::{Terminal, backend::Backend};

use super::poll::Poll;

struct Flags {
    terminate: Arc<AtomicBool>,
    suspend: Arc<AtomicBool>,
    resumed: Arc<AtomicBool>,
    terminal: TerminalHooks,
}

/// What a suspension does to the terminal, given by whoever owns it
/// (`terminal::enter`): put it back before stopping, set it up again after.
#[derive(Clone, Copy)]
pub struct TerminalHooks {
    pub restore: fn(),
    pub setup: fn() -> io::Result<()>,
}

static FLAGS: OnceLock<Flags> = OnceLock::new();

/// Registers the handlers (once; later calls do nothing). Only the real
/// terminal calls this, so tests driving the loop on `TestBackend` never
/// stop or quit because of a signal sent to the test process.
pub fn install(terminal: TerminalHooks) -> io::Result<()> {
    if FLAGS.get().is_some() {
        return Ok(());
    }
    use signal_hook::consts::{SIGINT, SIGTERM};
    use signal_hook::flag::register;
    let flags = Flags {
        terminate: Arc::default(),
        suspend: Arc::default(),
        resumed: Arc::default(),
        terminal,
    };
    register(SIGTERM, Arc::clone(&flags.terminate))?;
    // Only `kill -INT` sends it: in raw mode Ctrl-C is a key.
    register(SIGINT, Arc::clone(&flags.terminate))?;
    // Windows has neither hang-up nor job control signals.
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGCONT, SIGHUP, SIGTSTP};
        register(SIGHUP, Arc::clone(&flags.terminate))?;
        register(SIGTSTP, Arc::clone(&flags.suspend))?;
        register(SIGCONT, Arc::clone(&flags.resumed))?;
    }
    let watched = Arc::clone(&flags.terminate);
    let _ = FLAGS.set(flags);
    watch_for_a_stuck_quit(watched);
    Ok(())
}

/// How long a quit asked for by a signal may take before the process ends
/// anyway.
const QUIT_GRACE: std::time::Duration = std::time::Duration::from_secs(5);

/// When the terminal goes away (SSH dropped, tmux killed), crossterm's
/// input poll can spin forever on end-of-file without returning to our
/// loop (crossterm-rs/crossterm#793), at 100% of a core. Every edit is
/// already in the journal (fsync'd) and the half-typed line in the draft,
/// so after a signal asked to quit and the grace time passed, the process
/// ends; the next editor folds its journal in.
fn watch_for_a_stuck_quit(terminate: Arc<AtomicBool>) {
    let _ = std::thread::Builder::new().name("kenesh-quit-watch".into()).spawn(move || {
        while !terminate.load(Ordering::Relaxed) {
            std::thread::sleep(std::time::Duration::from_millis(200));
        }
        std::thread::sleep(QUIT_GRACE);
        std::process::exit(129);
    });
}

fn flag(which: impl Fn(&Flags) -> &AtomicBool) -> bool {
    FLAGS.get().is_some_and(|f| which(f).load(Ordering::Relaxed))
}

/// Whether a signal waits to be acted on (the event wait stops early).
pub fn pending() -> bool {
    flag(|f| &f.terminate) || flag(|f| &f.suspend) || flag(|f| &f.resumed)
}

/// SIGTERM, SIGHUP or SIGINT arrived: quit, saving first. Stays true.
pub fn terminated() -> bool {
    flag(|f| &f.terminate)
}

/// Ctrl-Z: suspend as SIGTSTP would (only once signals are installed).
pub fn request_suspend() {
    if let Some(flags) = FLAGS.get() {
        flags.suspend.store(true, Ordering::Relaxed);
    }
}

/// Ctrl-Z as a key (raw mode keeps the terminal from sending SIGTSTP).
pub fn is_suspend_key(key: &KeyEvent) -> bool {
    key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('z')
}

/// Ctrl-C or Ctrl-\ as a key: the editor answers with a hint, not a quit.
pub fn is_interrupt_key(key: &KeyEvent) -> bool {
    key.modifiers.contains(KeyModifiers::CONTROL)
        && matches!(key.code, KeyCode::Char('c' | '\\' | '4'))
}

/// Acts on SIGTSTP (or Ctrl-Z) and SIGCONT: restores the terminal and
/// stops; once continued, sets the terminal up again and clears it so the
/// next frame redraws everything. Returns true when the screen must be
/// drawn again.
pub fn handle_suspend<B: Backend>(terminal: &mut Terminal<B>) -> io::Result<bool>
where
    B::Error: Send + Sync + 'static,
{
    let Some(flags) = FLAGS.get() else { return Ok(false) };
    // Windows has no job control to return to: Ctrl-Z does nothing there.
    let suspend = flags.suspend.swap(false, Ordering::Relaxed) && cfg!(unix);
    if suspend {
        (flags.terminal.restore)();
        flags.resumed.store(false, Ordering::Relaxed);
        stop_process()?;
    }
    // Also after a SIGSTOP sent from outside: whatever the shell did to the
    // terminal meanwhile, set it up again.
    if suspend || flags.resumed.swap(false, Ordering::Relaxed) {
        (flags.terminal.setup)()?;
        // Not `terminal.clear()`: it asks the terminal for the cursor
        // position, which not every terminal answers. Forgetting the last
        // frame makes the next one draw everything.
        let backend = terminal.backend_mut();
        backend.clear_region(ratatui::backend::ClearType::All).map_err(io::Error::other)?;
        terminal.swap_buffers();
        return Ok(true);
    }
    Ok(false)
}

#[cfg(unix)]
fn stop_process() -> io::Result<()> {
    signal_hook::low_level::raise(signal_hook::consts::SIGSTOP)
}

#[cfg(not(unix))]
fn stop_process() -> io::Result<()> {
    Ok(())
}

/// Waits for a terminal event, in short slices so a signal is acted on
/// within a tenth of a second: the wait ends early (as a timeout) when one
/// is pending. Ctrl-Z becomes a suspension request here.
pub fn next_event(timeout: Duration) -> io::Result<Poll> {
    use ratatui::crossterm::event::{self, Event, KeyEventKind};
    let deadline = Instant::now() + timeout;
    loop {
        if pending() {
            return Ok(Poll::Timeout);
        }
        let slice = deadline.saturating_duration_since(Instant::now()).min(SIGNAL_CHECK);
        if event::poll(slice)? {
            return Ok(match event::read()? {
                Event::Key(key) if is_suspend_key(&key) => {
                    if key.kind != KeyEventKind::Release {
                        request_suspend();
                    }
                    Poll::Timeout
                }
                event => Poll::Event(event),
            });
        }
        if Instant::now() >= deadline {
            return Ok(Poll::Timeout);
        }
    }
}

/// How often a blocked event wait looks at the signal flags.
const SIGNAL_CHECK: Duration = Duration::from_millis(100);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ctrl_c_and_ctrl_backslash_are_interrupts_but_plain_c_is_not() {
        let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
        assert!(is_interrupt_key(&ctrl('c')));
        assert!(is_interrupt_key(&ctrl('\\')));
        assert!(!is_interrupt_key(&KeyEvent::new(KeyCode::Char('c'), KeyModifiers::NONE)));
        assert!(is_suspend_key(&ctrl('z')));
        assert!(!is_suspend_key(&ctrl('c')));
    }
}
