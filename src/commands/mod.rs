//! What each subcommand does, apart from the editor.

pub mod check;
pub mod edit;
pub mod export;
pub mod import;
pub mod merge;
pub mod new;
pub mod present;
pub mod status;

use std::path::PathBuf;

/// Where sessions live: the configured folder, else `./sessions` if it
/// exists, else the platform data
/// folder (e.g. `~/.local/share/kenesh/sessions`).
pub fn sessions_folder() -> PathBuf {
    if let Some(folder) = &crate::config::current().sessions_folder {
        return folder.clone();
    }
    let local = PathBuf::from("sessions");
    if local.is_dir() {
        return local;
    }
    directories::ProjectDirs::from("", "", "kenesh")
        .map(|dirs| dirs.data_dir().join("sessions"))
        .unwrap_or(local)
}

pub use crate::format::parse_date;
