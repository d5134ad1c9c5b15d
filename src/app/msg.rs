//! Everything that can happen to the editor.

use ratatui::crossterm::event::{KeyEvent, MouseEvent};

#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    Key(KeyEvent),
    /// Bracketed paste: text, never keys.
    Paste(String),
    Mouse(MouseEvent),
    Resize(u16, u16),
    /// A message for the status bar from outside the editor (a broken
    /// configuration file), shown until the next key.
    Notice(String),
    /// Ctrl-C or Ctrl-\ (keys in raw mode, not signals).
    Interrupt,
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
    /// The file was changed by another program: this revision went to a
    /// conflict copy instead, and so will the next ones until a reload.
    Diverted {
        revision: u64,
        kept_in: String,
    },
    /// The file as it is on disk now, after a reload.
    Reloaded(Box<crate::model::Session>),
    /// A reload (Ctrl-l) could not read the file.
    ReloadFailed {
        error: String,
    },
    /// The journal was folded into the file.
    SnapshotWritten,
    /// Rewriting the file failed; the edits are safe in the journal.
    SnapshotFailed {
        error: String,
    },
    /// Another kenesh became the writer: this editor is read-only now and
    /// what it had went to `kept_in`.
    LostLock {
        revision: u64,
        holder: String,
        kept_in: String,
    },
    /// The session as every writer's journal now makes it (another
    /// editor changed something), with our conflicts and who else writes.
    Shared(Box<crate::store::SharedView>),
    /// A read-only editor follows the file as the writer saves it.
    Followed(Box<crate::model::Session>),
    /// At start: another kenesh writes the file, this editor only views it.
    ReadOnly {
        holder: String,
    },
    /// At start: a draft from an interrupted session, to offer back.
    OfferDraft(Box<super::draft::Draft>),
    /// At start: a recovery copy newer than the file, to offer back.
    OfferRecovery(Box<crate::model::Session>),
    /// Quitting stopped because changes could not be saved: ask the user.
    QuitBlocked,
}
