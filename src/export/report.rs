//! What every export shows, gathered once from a session or a programme
//! record, with the command line's filters applied.

use chrono::TimeDelta;

use super::letterhead::Letterhead;
use crate::model::{
    Action, ActionStatus, AgendaItem, Date, Id, Need, NeedStatus, Participant, Program, Proposal,
    ProposalKind, Session, Settlement, SpeakerTurn, StakeholderGroup, Timestamp,
};
use crate::store::Loaded;

/// What the command line asks of an export besides its format: which
/// actions and needs (`--status`, `--settlement`, `--responsible`) and how
/// some formats are written (`--delimiter`, `--include-contacts`,
/// `--calendar`).
#[derive(Debug, Clone, Default)]
pub struct Filters {
    pub status: Vec<ActionStatus>,
    /// A settlement name (any case).
    pub settlement: Option<String>,
    /// Part of the responsible organisation or person (any case).
    pub responsible: Option<String>,
    /// A city (any case): only needs of its settlements and their actions.
    pub city: Option<String>,
    /// The day overdue actions are judged on (the command passes today;
    /// by default the record's date, so an export of the same file is the
    /// same file).
    pub today: Option<Date>,
    /// The CSV separator; by default `;` where the interface language is
    /// Russian or Kyrgyz (Russian-locale Excel's list separator), else `,`.
    pub delimiter: Option<u8>,
    /// JSON keeps participants' phone numbers and e-mails only when asked.
    pub include_contacts: bool,
    /// iCalendar: all-day events instead of to-dos.
    pub calendar_events: bool,
    /// Markdown, HTML, DOCX: the sign-in sheet instead of the minutes.
    pub sign_in: bool,
    /// The moment of the export (the command passes its clock): a running
    /// agenda item counts as spent up to here. Without it, up to its start.
    pub now: Option<Timestamp>,
    /// The organisation's letterhead atop the minutes, protocol and sign-in.
    pub letterhead: Option<Letterhead>,
    /// Markdown, HTML, DOCX, XLSX: the donor tables (`super::donor`).
    pub donor: bool,
}

impl Filters {
    /// Whether any filter narrows what is shown.
    pub fn narrows(&self) -> bool {
        !self.status.is_empty()
            || self.settlement.is_some()
            || self.responsible.is_some()
            || self.city.is_some()
    }
}

pub struct Report<'a> {
    pub is_program: bool,
    pub title: &'a str,
    pub date: Option<Date>,
    pub place: &'a str,
    pub organiser: &'a str,
    pub facilitator: &'a str,
    pub secretary: &'a str,
    pub settlements: &'a [Settlement],
    pub participants: &'a [Participant],
    pub agenda: &'a [AgendaItem],
    pub turns: &'a [SpeakerTurn],
    pub needs: Vec<&'a Need>,
    pub proposals: Vec<&'a Proposal>,
    pub actions: Vec<&'a Action>,
    /// For a programme record: sessions that raised each need (by need id).
    pub sessions_of_need: Vec<(Id, Vec<String>)>,
    /// For a programme record: its meetings, as date and title.
    pub meetings: Vec<(Date, &'a str)>,
    /// For a programme record: the meeting each action was first recorded
    /// at (by action id), as date and title.
    pub action_meetings: Vec<(Id, String)>,
    /// The session's protocol number (empty: to be filled in by hand).
    pub number: &'a str,
    /// See [`Filters::now`].
    pub now: Option<Timestamp>,
    pub letterhead: Option<Letterhead>,
    /// Each need's status as shown (`model::effective_status`), judged on
    /// every action before filters narrow them.
    pub need_statuses: std::collections::HashMap<Id, NeedStatus>,
    /// For a programme record: each action's history as one text (by id).
    pub action_history: Vec<(Id, String)>,
}

impl<'a> Report<'a> {
    pub fn new(loaded: &'a Loaded, filters: &Filters) -> Report<'a> {
        let mut report = match loaded {
            Loaded::Session(s) => Report::of_session(s),
            Loaded::Program(p) => Report::of_program(p),
        };
        report.apply(filters);
        report.now = filters.now;
        report.letterhead = filters.letterhead.clone();
        report
    }

    fn of_session(s: &'a Session) -> Report<'a> {
        Report {
            is_program: false,
            title: &s.title,
            date: Some(s.date),
            place: &s.place,
            organiser: &s.organiser,
            facilitator: &s.facilitator,
            secretary: &s.secretary,
            settlements: &s.settlements,
            participants: &s.participants,
            agenda: &s.agenda,
            turns: &s.speaker_turns,
            needs: s.needs.iter().collect(),
            proposals: s.proposals.iter().collect(),
            actions: s.actions.iter().collect(),
            sessions_of_need: Vec::new(),
            meetings: Vec::new(),
            action_meetings: Vec::new(),
            number: &s.number,
            now: None,
            letterhead: None,
            need_statuses: s.need_statuses(),
            action_history: Vec::new(),
        }
    }

    fn of_program(p: &'a Program) -> Report<'a> {
        let session_name = |id: Id| {
            p.sessions.iter().find(|s| s.id == id).map_or_else(
                || id.to_string(),
                |s| format!("{} {}", s.date.format("%d.%m.%Y"), s.title),
            )
        };
        Report {
            is_program: true,
            title: &p.title,
            date: p.sessions.iter().map(|s| s.date).max(),
            place: "",
            organiser: "",
            facilitator: "",
            secretary: "",
            settlements: &p.settlements,
            participants: &p.participants,
            agenda: &[],
            turns: &[],
            needs: p.needs.iter().map(|n| &n.need).collect(),
            proposals: p.proposals.iter().collect(),
            actions: p.actions.iter().map(|a| &a.action).collect(),
            sessions_of_need: p
                .needs
                .iter()
                .map(|n| (n.need.id, n.raises_shown().map(|r| session_name(r.session)).collect()))
                .collect(),
            meetings: p.sessions.iter().map(|s| (s.date, s.title.as_str())).collect(),
            action_meetings: p
                .actions
                .iter()
                .filter_map(|a| {
                    let first = a.history.iter().min_by_key(|h| (h.date, h.updated))?;
                    Some((a.action.id, session_name(first.session)))
                })
                .collect(),
            number: "",
            now: None,
            letterhead: None,
            need_statuses: p.need_statuses(),
            action_history: p
                .actions
                .iter()
                .map(|a| (a.action.id, super::history::text(p, a)))
                .collect(),
        }
    }

    fn apply(&mut self, filters: &Filters) {
        if let Some(name) = &filters.settlement {
            let wanted = name.to_lowercase();
            let ids: Vec<Id> = self
                .settlements
                .iter()
                .filter(|s| s.name.to_lowercase() == wanted)
                .map(|s| s.id)
                .collect();
            self.needs.retain(|n| n.settlement.is_some_and(|s| ids.contains(&s)));
            let needs: Vec<Id> = self.needs.iter().map(|n| n.id).collect();
            self.actions.retain(|a| a.needs.iter().any(|n| needs.contains(n)));
        }
        if let Some(city) = &filters.city {
            let wanted = city.trim().to_lowercase();
            let ids: Vec<Id> = self
                .settlements
                .iter()
                .filter(|s| s.city.trim().to_lowercase() == wanted)
                .map(|s| s.id)
                .collect();
            self.needs.retain(|n| n.settlement.is_some_and(|s| ids.contains(&s)));
            let needs: Vec<Id> = self.needs.iter().map(|n| n.id).collect();
            self.actions.retain(|a| a.needs.iter().any(|n| needs.contains(n)));
        }
        if !filters.status.is_empty() {
            self.actions.retain(|a| filters.status.contains(&a.status));
        }
        if let Some(part) = &filters.responsible {
            let part = part.to_lowercase();
            self.actions.retain(|a| a.responsible.to_lowercase().contains(&part));
        }
    }

    /// The status a need shows (derived from its actions).
    pub fn need_status(&self, need: &Need) -> NeedStatus {
        self.need_statuses.get(&need.id).copied().unwrap_or(need.status)
    }

    pub fn settlement_name(&self, id: Option<Id>) -> &'a str {
        id.and_then(|id| self.settlements.iter().find(|s| s.id == id))
            .map_or("", |s| s.name.as_str())
    }

    /// The city of a settlement ("" if none is given).
    pub fn settlement_city(&self, id: Option<Id>) -> &'a str {
        id.and_then(|id| self.settlements.iter().find(|s| s.id == id))
            .map_or("", |s| s.city.as_str())
    }

    pub fn person_name(&self, id: Option<Id>) -> &'a str {
        id.and_then(|id| self.participants.iter().find(|p| p.id == id))
            .map_or("", |p| p.name.as_str())
    }

    pub fn need_title(&self, id: Id) -> Option<&'a str> {
        self.needs.iter().find(|n| n.id == id).map(|n| n.title.as_str())
    }

    /// Linked needs of an action, as "title (settlement)".
    pub fn linked_needs(&self, action: &Action) -> Vec<String> {
        action
            .needs
            .iter()
            .filter_map(|id| self.needs.iter().find(|n| n.id == *id))
            .map(|n| {
                let place = self.settlement_name(n.settlement);
                if place.is_empty() { n.title.clone() } else { format!("{} ({place})", n.title) }
            })
            .collect()
    }

    /// Settlement names and their cities of the needs an action serves,
    /// each `; `-separated.
    pub fn places(&self, needs: &[Id]) -> (String, String) {
        let mut names: Vec<&str> = Vec::new();
        let mut cities: Vec<&str> = Vec::new();
        for need in needs.iter().filter_map(|id| self.needs.iter().find(|n| n.id == *id)) {
            if let Some(s) = self.settlements.iter().find(|s| Some(s.id) == need.settlement) {
                if !names.contains(&s.name.as_str()) {
                    names.push(&s.name);
                }
                if !s.city.is_empty() && !cities.contains(&s.city.as_str()) {
                    cities.push(&s.city);
                }
            }
        }
        (names.join("; "), cities.join("; "))
    }

    /// The meeting a proposal of a programme record was said at: the one
    /// held on the day it was captured ("" if none or not a programme).
    pub fn meeting_of(&self, p: &Proposal) -> String {
        let day = p.time.date_naive();
        self.meetings
            .iter()
            .find(|(date, _)| *date == day)
            .map_or_else(String::new, |(date, title)| {
                format!("{} {title}", date.format("%d.%m.%Y"))
            })
    }

    /// The meeting an action of a programme record was first recorded at
    /// ("" if unknown or not a programme).
    pub fn meeting_of_action(&self, id: Id) -> String {
        self.action_meetings
            .iter()
            .find(|(a, _)| *a == id)
            .map_or_else(String::new, |(_, m)| m.clone())
    }

    pub fn present(&self) -> impl Iterator<Item = &'a Participant> {
        self.participants.iter().filter(|p| p.present)
    }

    /// Seconds spoken per stakeholder group (in `StakeholderGroup::ALL` order).
    pub fn speaking_by_group(&self) -> [i64; 9] {
        crate::model::speaking_time_until(self.participants, self.turns, self.now).by_group
    }

    /// Seconds spoken per participant (in `participants` order).
    pub fn speaking_by_person(&self) -> Vec<i64> {
        crate::model::speaking_time_until(self.participants, self.turns, self.now).by_person
    }

    /// An action's history as one text ("" for a session).
    pub fn history_of(&self, action: Id) -> &str {
        self.action_history.iter().find(|(id, _)| *id == action).map_or("", |(_, h)| h.as_str())
    }

    pub fn proposals_of(&self, kind: ProposalKind) -> impl Iterator<Item = &&'a Proposal> {
        self.proposals.iter().filter(move |p| p.kind == kind)
    }

    /// Needs grouped by settlement (settlement order of the record, then
    /// needs without one), most votes first.
    pub fn needs_by_settlement(&self) -> Vec<(&'a str, Vec<&'a Need>)> {
        let mut groups: Vec<(Option<Id>, &str, Vec<&Need>)> = self
            .settlements
            .iter()
            .map(|s| (Some(s.id), s.name.as_str(), Vec::new()))
            .chain(std::iter::once((None, "", Vec::new())))
            .collect();
        for n in &self.needs {
            let slot = groups.iter().position(|g| g.0 == n.settlement).unwrap_or(groups.len() - 1);
            groups[slot].2.push(n);
        }
        groups
            .into_iter()
            .filter(|g| !g.2.is_empty())
            .map(|(_, name, mut needs)| {
                needs.sort_by_key(|n| std::cmp::Reverse(n.votes));
                (name, needs)
            })
            .collect()
    }

    pub fn group_counts(&self) -> Vec<(StakeholderGroup, usize, usize)> {
        StakeholderGroup::ALL
            .iter()
            .map(|g| {
                let all = self.participants.iter().filter(|p| p.group == *g).count();
                let present = self.present().filter(|p| p.group == *g).count();
                (*g, present, all)
            })
            .filter(|(_, _, all)| *all > 0)
            .collect()
    }
}

impl Report<'_> {
    /// Time spent on an item so far: its finished runs, and a running one
    /// up to [`Report::now`].
    pub fn spent(&self, item: &AgendaItem) -> TimeDelta {
        item.runs
            .iter()
            .map(|run| {
                let end = run.end.or(self.now).unwrap_or(run.start);
                (end - run.start).max(TimeDelta::zero())
            })
            .sum()
    }
}
