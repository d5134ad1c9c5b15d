//! Time and date formats shared by the views, the exports and the command
//! line, and the one date parser for what users type. Below export and ui.

use chrono::TimeDelta;

use crate::model::Timestamp;

/// `m:ss`, or `h:mm:ss` from an hour on.
pub fn duration(d: TimeDelta) -> String {
    let total = d.num_seconds().max(0);
    let (h, m, s) = (total / 3600, total / 60 % 60, total % 60);
    if h > 0 { format!("{h}:{m:02}:{s:02}") } else { format!("{m}:{s:02}") }
}

/// `3h05` / `45′` style for planned totals (`3 ч 05` in Russian).
pub fn minutes(total: u64) -> String {
    if total >= 60 {
        crate::i18n::targs(
            "hours-minutes",
            &[
                ("hours", (total / 60).to_string().into()),
                ("minutes", format!("{:02}", total % 60).into()),
            ],
        )
    } else {
        format!("{total}′")
    }
}

pub fn clock(t: Timestamp) -> String {
    t.format("%H:%M:%S").to_string()
}

pub fn hm(t: Timestamp) -> String {
    t.format("%H:%M").to_string()
}

/// Parses a date as 2026-11-26 or 26.11.2026.
pub fn parse_date(text: &str) -> Option<chrono::NaiveDate> {
    let text = text.trim();
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| chrono::NaiveDate::parse_from_str(text, "%d.%m.%Y"))
        .ok()
}
