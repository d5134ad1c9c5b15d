//! The action plan's deadlines as iCalendar (RFC 5545): to-dos, or all-day
//! events with a reminder a week before (Google Calendar and Outlook ignore
//! to-dos). Each item carries SEQUENCE and LAST-MODIFIED from the action's
//! last change, so a re-import updates it rather than adding a copy. Text
//! escaped, lines folded at 75 octets without splitting a character.

use super::clean;
use super::report::Report;
use crate::i18n::t;
use crate::model::ActionStatus;

/// RFC 5545 3.3.11: backslash, semicolon, comma and newline are escaped.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// RFC 5545 3.1: a line longer than 75 octets continues on the next line
/// after CRLF and a space; breaks fall between characters, never inside one.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3);
    let mut used = 0;
    let mut limit = 75;
    for c in line.chars() {
        let size = c.len_utf8();
        if used + size > limit {
            out.push_str("\r\n ");
            used = 0;
            limit = 74; // the leading space counts
        }
        out.push(c);
        used += size;
    }
    out.push_str("\r\n");
    out
}

fn status(s: ActionStatus) -> &'static str {
    match s {
        ActionStatus::Proposed | ActionStatus::Agreed => "NEEDS-ACTION",
        ActionStatus::InProgress => "IN-PROCESS",
        ActionStatus::Done => "COMPLETED",
        ActionStatus::Dropped => "CANCELLED",
    }
}

/// SEQUENCE must grow with every revision; the action's `updated` time
/// does, so minutes since 2020 serve (they fit the 32-bit integers
/// calendars use until the 61st century).
fn sequence(updated: crate::model::Timestamp) -> i64 {
    let epoch = chrono::DateTime::parse_from_rfc3339("2020-01-01T00:00:00Z").expect("valid");
    (updated - epoch).num_minutes().max(0)
}

fn event_status(s: ActionStatus) -> &'static str {
    match s {
        ActionStatus::Proposed => "TENTATIVE",
        ActionStatus::Dropped => "CANCELLED",
        _ => "CONFIRMED",
    }
}

fn description(report: &Report, a: &crate::model::Action) -> String {
    let mut description =
        vec![format!("{}: {}", t("col-status"), crate::labels::action_status(a.status))];
    if !a.responsible.is_empty() {
        description.push(format!("{}: {}", t("col-responsible"), clean(&a.responsible)));
    }
    let needs = report.linked_needs(a);
    if !needs.is_empty() {
        description.push(format!("{}: {}", t("col-needs"), clean(&needs.join("; "))));
    }
    for (label, value) in [
        ("field-partners", &a.partners),
        ("col-funding", &a.funding),
        ("col-indicator", &a.indicator),
    ] {
        if !value.is_empty() {
            description.push(format!("{}: {}", t(label), clean(value)));
        }
    }
    description.join("\n")
}

/// `events`: all-day VEVENTs with a VALARM a week before; else VTODOs.
pub fn render(report: &Report, events: bool) -> String {
    let mut out = String::new();
    let mut line = |text: String| out.push_str(&fold(&text));
    line("BEGIN:VCALENDAR".into());
    line("VERSION:2.0".into());
    line("PRODID:-//kenesh//action plan//EN".into());
    line("CALSCALE:GREGORIAN".into());
    line("METHOD:PUBLISH".into());
    line(format!("X-WR-CALNAME:{}", escape_text(&clean(report.title))));
    // DTSTAMP must not change between exports of the same data, so a
    // re-export diffs clean: use the action's own `updated` time.
    for a in report.actions.iter() {
        let Some(deadline) = a.deadline else { continue };
        let due = deadline.format("%Y%m%d");
        let stamp = a.updated.with_timezone(&chrono::Utc).format("%Y%m%dT%H%M%SZ");
        let summary = escape_text(&clean(&a.what));
        let kind = if events { "VEVENT" } else { "VTODO" };
        line(format!("BEGIN:{kind}"));
        line(format!("UID:{}@kenesh", a.id));
        line(format!("DTSTAMP:{stamp}"));
        line(format!("LAST-MODIFIED:{stamp}"));
        line(format!("SEQUENCE:{}", sequence(a.updated)));
        if events {
            let next = (deadline + chrono::Days::new(1)).format("%Y%m%d");
            line(format!("DTSTART;VALUE=DATE:{due}"));
            line(format!("DTEND;VALUE=DATE:{next}"));
            line("TRANSP:TRANSPARENT".into());
        } else {
            line(format!("DUE;VALUE=DATE:{due}"));
        }
        line(format!("SUMMARY:{summary}"));
        line(format!("DESCRIPTION:{}", escape_text(&description(report, a))));
        line(format!("STATUS:{}", if events { event_status(a.status) } else { status(a.status) }));
        if events {
            line("BEGIN:VALARM".into());
            line("ACTION:DISPLAY".into());
            line("TRIGGER:-P7D".into());
            line(format!("DESCRIPTION:{summary}"));
            line("END:VALARM".into());
        }
        line(format!("END:{kind}"));
    }
    line("END:VCALENDAR".into());
    out
}
