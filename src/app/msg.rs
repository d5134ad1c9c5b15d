//! Everything that can happen to the editor.

use ratatui::crossterm::event::{KeyEvent, MouseEvent};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    Key(KeyEvent),
    /// Bracketed paste: text, never keys.
    Paste(String),
    Mouse(MouseEvent),
    Resize(u16, u16),
    /// The clock moved (timers and the status bar clock redraw).
    Tick,
    /// The file on disk now holds `revision`.
    Saved {
        revision: u64,
    },
    SaveFailed {
        revision: u64,
        error: String,
    },
}
