//! The action plan's deadlines as iCalendar to-dos (RFC 5545): text
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

pub fn render(report: &Report) -> String {
    let mut out = String::new();
    let mut line = |text: String| out.push_str(&fold(&text));
    line("BEGIN:VCALENDAR".into());
    line("VERSION:2.0".into());
    line("PRODID:-//kenesh//action plan//EN".into());
    line("CALSCALE:GREGORIAN".into());
    line(format!("X-WR-CALNAME:{}", escape_text(&clean(report.title))));
    // DTSTAMP must not change between exports of the same data, so a
    // re-export diffs clean: use the action's own `updated` time.
    for a in report.actions.iter().filter(|a| a.deadline.is_some()) {
        let due = a.deadline.expect("filtered").format("%Y%m%d");
        let stamp = a.updated.with_timezone(&chrono::Utc).format("%Y%m%dT%H%M%SZ");
        let mut description = Vec::new();
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
        line("BEGIN:VTODO".into());
        line(format!("UID:{}@kenesh", a.id));
        line(format!("DTSTAMP:{stamp}"));
        line(format!("DUE;VALUE=DATE:{due}"));
        line(format!("SUMMARY:{}", escape_text(&clean(&a.what))));
        line(format!("DESCRIPTION:{}", escape_text(&description.join("\n"))));
        line(format!("STATUS:{}", status(a.status)));
        line("END:VTODO".into());
    }
    line("END:VCALENDAR".into());
    out
}
