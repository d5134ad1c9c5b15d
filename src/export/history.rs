//! An action's history for the exports: the status each meeting gave it,
//! and the progress recorded between meetings (`kenesh status`), by date.

use super::clean;
use crate::i18n::targs;
use crate::labels;
use crate::model::{ActionStatus, Date, Program, ProgramAction};

/// One line of an action's history.
pub struct Entry {
    pub date: Date,
    /// The meeting's title, or empty for progress between meetings.
    pub meeting: String,
    pub status: ActionStatus,
    pub note: String,
}

/// Meetings' statuses and progress entries, oldest first (a meeting before
/// progress recorded on the same day).
pub fn entries(p: &Program, a: &ProgramAction) -> Vec<Entry> {
    let meeting = |id| p.sessions.iter().find(|s| s.id == id).map_or("", |s| s.title.as_str());
    let mut out: Vec<(u8, Entry)> = a
        .history
        .iter()
        .map(|h| {
            let entry = Entry {
                date: h.date,
                meeting: clean(meeting(h.session)),
                status: h.status,
                note: String::new(),
            };
            (0, entry)
        })
        .collect();
    out.extend(a.progress.iter().map(|x| {
        let entry =
            Entry { date: x.date, meeting: String::new(), status: x.status, note: clean(&x.note) };
        (1, entry)
    }));
    out.sort_by_key(|(order, e)| (e.date, *order));
    out.into_iter().map(|(_, e)| e).collect()
}

/// The history in one cell: "19.11.2026 meeting: Agreed; 05.12.2026: Done (note)".
pub fn text(p: &Program, a: &ProgramAction) -> String {
    entries(p, a)
        .iter()
        .map(|e| {
            let args = [
                ("date", e.date.format("%d.%m.%Y").to_string().into()),
                ("status", labels::action_status(e.status).into()),
            ];
            let id = if e.meeting.is_empty() { "history-update" } else { "history-meeting" };
            let line = targs(id, &args);
            if e.note.is_empty() { line } else { format!("{line} ({})", e.note) }
        })
        .collect::<Vec<_>>()
        .join("; ")
}
