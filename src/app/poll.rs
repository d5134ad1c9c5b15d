//! Where the run loops get their input from: the real terminal (see
//! `signals::next_event`) or, in tests, a script.

use std::io;
use std::time::Duration;

use ratatui::crossterm::event::Event;

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
