//! The run loop of `kenesh present`: follow the file, draw the projector
//! when something visible changed, and otherwise sleep.

use std::io;

use ratatui::crossterm::event::{Event, KeyEventKind};
use ratatui::{Terminal, backend::Backend};

use super::action::Action;
use super::keymap::{KeyMap, Scope, normalize_key};
use super::run::{EventSource, Poll};
use crate::follow::{Follower, Trouble};
use crate::i18n::targs;
use crate::model::{AgendaStatus, Session, Timestamp};
use crate::ui::projector::{self, ProjectorInput, ProjectorState};

/// What must be redrawn for: the file's state, and the clock — to the
/// second while a timer is on screen or slides rotate, else to the minute.
fn clock_key(session: Option<&Session>, state: &ProjectorState, now: Timestamp) -> i64 {
    let ticking = state.rotation_start.is_some()
        || session.is_some_and(|s| {
            s.agenda.iter().any(|a| a.status == AgendaStatus::Active)
                || s.speaker_turns.iter().any(|t| t.is_speaking())
        });
    if ticking { now.timestamp() } else { now.timestamp() / 60 }
}

fn notice(follower: &Follower, name: &str) -> Option<String> {
    follower.trouble().map(|trouble| match trouble {
        Trouble::Missing => targs("present-missing", &[("file", name.to_owned().into())]),
        Trouble::Unreadable(error) => {
            let short: String = error.chars().take(80).collect();
            targs(
                "present-unreadable",
                &[("file", name.to_owned().into()), ("error", short.into())],
            )
        }
    })
}

/// What `kenesh present` is told at the start: the file's name for its
/// messages, the speaking limit and the key table with the user's keys.
#[derive(Clone, Copy)]
pub struct PresentSettings<'a> {
    pub name: &'a str,
    pub turn_limit: i64,
    pub keymap: &'a KeyMap,
}

pub fn run_present<B: Backend>(
    terminal: &mut Terminal<B>,
    follower: &mut Follower,
    state: &mut ProjectorState,
    settings: &PresentSettings,
    events: &mut impl EventSource,
    clock: &mut impl FnMut() -> Timestamp,
) -> io::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    let PresentSettings { name, turn_limit, keymap } = *settings;
    let mut drawn_key = None;
    let mut dirty = true;
    loop {
        if super::signals::terminated() {
            return Ok(());
        }
        dirty |= super::signals::handle_suspend(terminal)?;
        dirty |= follower.refresh();
        let now = clock();
        let key = clock_key(follower.session(), state, now);
        if state.quit_asked.is_some() && !state.quit_pending(now) {
            state.quit_asked = None;
            dirty = true;
        }
        if dirty || drawn_key != Some(key) {
            let notice = notice(follower, name)
                .or_else(|| state.quit_pending(now).then(|| crate::i18n::t("present-quit-again")));
            terminal
                .draw(|frame| match follower.session() {
                    Some(session) => projector::render(
                        &ProjectorInput {
                            session,
                            now,
                            turn_limit,
                            state,
                            notice: notice.as_deref(),
                        },
                        frame,
                    ),
                    None => {
                        let waiting = targs("present-waiting", &[("file", name.to_owned().into())]);
                        // A file that never loaded: say what we wait for, and why.
                        let message = match follower.trouble() {
                            Some(Trouble::Unreadable(error)) => format!("{waiting}\n{error}"),
                            _ => waiting,
                        };
                        projector::render_waiting(frame, state, &message)
                    }
                })
                .map_err(io::Error::other)?;
            drawn_key = Some(key);
            dirty = false;
        }
        match events.next(follower.wait_hint())? {
            Poll::Event(Event::Key(k)) if k.kind != KeyEventKind::Release => {
                // The key table matches by position: Russian and Kyrgyz too.
                let key = normalize_key(&k);
                let action = keymap.lookup(Scope::Present, &key);
                match action {
                    Some(Action::Quit) => return Ok(()),
                    Some(Action::QuitTwice) if state.ask_quit(clock()) => return Ok(()),
                    Some(Action::QuitTwice) => dirty = true,
                    _ => {}
                }
                dirty |= action.is_some_and(|a| state.handle(a, clock()));
            }
            Poll::Event(Event::Resize(..)) => dirty = true,
            Poll::Event(_) | Poll::Timeout => {}
            Poll::Closed => return Ok(()),
        }
    }
}
