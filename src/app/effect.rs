//! What `update` asks the edge (the run loop and the saver) to do. The
//! edge performs each effect and reports back with a `Msg` (`Saved`,
//! `SaveFailed`, `Reloaded`, …), so the model only ever changes in `update`.

use crate::model::Change;

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// These changes are applied in memory and must reach the disk: the
    /// saver journals them (or rewrites the file) and answers `Saved`.
    Save(Vec<Change>),
    /// The session was replaced as a whole (a restored recovery copy): the
    /// next save must rewrite the file rather than journal.
    Rewrite,
    /// Load the file again (it changed outside); answered by `Reloaded` or
    /// `ReloadFailed`.
    Reload,
    /// The user decided about the recovery copy: delete it.
    ForgetRecovery,
    /// What is typed in a form or the capture line changed: the draft file
    /// follows it.
    SyncDraft,
    /// Leave the editor once everything is saved. `keep_recovery`: the user
    /// agreed to quit with unsaved changes, so they go to a recovery copy.
    Quit { keep_recovery: bool },
}
