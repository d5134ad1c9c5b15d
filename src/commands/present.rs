//! `kenesh present FILE`: the read-only projector, following FILE.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use crate::app::present::{PresentSettings, run_present};
use crate::app::run::TerminalEvents;
use crate::app::terminal;
use crate::follow::Follower;
use crate::model::Timestamp;
use crate::ui::projector::{ProjectorState, ThemeName};

pub fn run(
    path: &Path,
    theme: ThemeName,
    rotate_seconds: u32,
    started: Timestamp,
) -> Result<ExitCode> {
    let mut follower = Follower::new(path);
    let mut state = ProjectorState {
        theme,
        rotate_seconds,
        rotation_start: (rotate_seconds > 0).then_some(started),
        ..ProjectorState::default()
    };
    let name = path
        .file_name()
        .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    let mut tui = terminal::enter()?;
    let result = run_present(
        &mut tui,
        &mut follower,
        &mut state,
        &PresentSettings {
            name: &name,
            turn_limit: crate::app::model::DEFAULT_TURN_LIMIT,
            keymap: &super::edit::configured_keymap(),
        },
        &mut TerminalEvents,
        &mut || chrono::Local::now().fixed_offset(),
    );
    terminal::restore();
    result?;
    Ok(ExitCode::SUCCESS)
}
