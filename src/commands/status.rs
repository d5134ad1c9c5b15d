//! `kenesh status PROGRAM ACTION STATUS [--note T] [--date D]`: progress on
//! an action between meetings, recorded in the programme record only.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, bail};

use crate::i18n::targs;
use crate::model::{ActionStatus, Date, Program, ProgressEntry, Timestamp};
use crate::store::{Loaded, load_file, to_ron, write_atomic};

/// The index of ACTION in the record: its id, or the number it has in an
/// unfiltered export of the record (1, 2, 3 … in the record's order).
pub fn find_action(program: &Program, action: &str) -> Option<usize> {
    let typed = action.trim().trim_start_matches(['#', '№']);
    if let Ok(number) = typed.parse::<usize>() {
        return (1..=program.actions.len()).contains(&number).then(|| number - 1);
    }
    program.actions.iter().position(|a| a.action.id.to_string().eq_ignore_ascii_case(typed))
}

/// Adds a dated progress entry and makes it the action's current status.
/// No session's history entry is touched.
pub fn record(
    program: &mut Program,
    index: usize,
    status: ActionStatus,
    note: &str,
    date: Date,
    now: Timestamp,
) {
    let entry = &mut program.actions[index];
    entry.progress.push(ProgressEntry {
        date,
        status,
        note: crate::text::safe(note.trim()).into_owned(),
        recorded: now,
    });
    entry.progress.sort();
    entry.action.status = status;
    entry.action.updated = entry.action.updated.max(now);
    program.updated = program.updated.max(now);
}

pub fn run(
    path: &Path,
    action: &str,
    status: ActionStatus,
    note: Option<&str>,
    date: Option<&str>,
    now: Timestamp,
) -> Result<ExitCode> {
    let shown = path.display().to_string();
    let date = match date {
        None => now.date_naive(),
        Some(text) => match super::parse_date(text) {
            Some(d) => d,
            None => bail!(targs("status-bad-date", &[("date", text.to_owned().into())])),
        },
    };
    let mut program = match load_file(path)? {
        Loaded::Program(p) => p,
        Loaded::Session(_) => bail!(targs("status-not-a-record", &[("file", shown.into())])),
    };
    let Some(index) = find_action(&program, action) else {
        bail!(targs(
            "status-unknown-action",
            &[
                ("action", action.to_owned().into()),
                ("file", shown.into()),
                ("count", program.actions.len().into())
            ]
        ));
    };
    record(&mut program, index, status, note.unwrap_or(""), date, now);
    let text = to_ron(&program)?;
    write_atomic(path, text.as_bytes()).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    let what = crate::export::clean(&program.actions[index].action.what);
    crate::text::say(&targs(
        "status-recorded",
        &[
            ("number", (index + 1).into()),
            ("what", what.into()),
            ("status", crate::labels::action_status(status).into()),
            ("date", date.format("%d.%m.%Y").to_string().into()),
        ],
    ));
    Ok(ExitCode::SUCCESS)
}
