use serde::{Deserialize, Serialize};

use super::{
    Action, AgendaItem, Date, Event, Id, Need, Participant, PrivateNote, Proposal, Settlement,
    SpeakerTurn, Timestamp,
};

/// One meeting, as saved in `sessions/YYYY-MM-DD-<slug>.ron`.
///
/// Field order is the file's field order: `format` comes first so a reader
/// can refuse a newer file before it looks at anything else.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    pub format: u32,
    pub id: Id,
    #[serde(with = "crate::model::time::stamp")]
    pub updated: Timestamp,
    pub title: String,
    #[serde(with = "crate::model::time::date")]
    pub date: Date,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub organiser: String,
    #[serde(default)]
    pub facilitator: String,
    /// Who keeps the minutes (секретарь in the protocol); format 3 on.
    #[serde(default)]
    pub secretary: String,
    /// Key of the programme this meeting belongs to (e.g. "araket").
    #[serde(default)]
    pub programme: String,
    /// The protocol's registration number (ПРОТОКОЛ № …); empty: left blank.
    /// Written only when set, so a file without one is a format 3 file as
    /// before, and an older kenesh refuses (never drops) one that has it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub number: String,
    #[serde(default)]
    pub settlements: Vec<Settlement>,
    #[serde(default)]
    pub participants: Vec<Participant>,
    #[serde(default)]
    pub agenda: Vec<AgendaItem>,
    #[serde(default)]
    pub speaker_turns: Vec<SpeakerTurn>,
    #[serde(default)]
    pub needs: Vec<Need>,
    #[serde(default)]
    pub proposals: Vec<Proposal>,
    #[serde(default)]
    pub actions: Vec<Action>,
    #[serde(default)]
    pub private_notes: Vec<PrivateNote>,
    #[serde(default)]
    pub events: Vec<Event>,
    /// Which writers' journaled edits this file holds, and what was deleted
    /// (several editors on one session). Written only when a journal was
    /// folded in, so a file edited by one person looks as before.
    /// Boxed: most files have none, and a session is moved about whole.
    #[serde(default, skip_serializing_if = "no_journals")]
    pub journals: Box<Journals>,
}

#[allow(clippy::borrowed_box)] // serde hands the field itself to skip_serializing_if
fn no_journals(journals: &Box<Journals>) -> bool {
    journals.is_empty()
}

/// What a file folded in from the writers' journals (see `store::shared`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Journals {
    /// Per writer (journal id): every entry up to this number is in the file.
    #[serde(default)]
    pub folded: std::collections::BTreeMap<Id, u64>,
    /// Which journaled edit each entity's version comes from: a later edit
    /// wins over an earlier one however late a sync tool delivers it, and
    /// whether or not the file was folded in between.
    #[serde(default)]
    pub versions: std::collections::BTreeMap<Id, Version>,
    /// Deleted entities and by which edit: an edit made before the delete,
    /// delivered late, does not bring one back.
    #[serde(default)]
    pub removed: std::collections::BTreeMap<Id, Version>,
    /// The edit the session's own fields (title, date, place…) come from.
    #[serde(default)]
    pub header: Option<Version>,
}

impl Journals {
    pub fn is_empty(&self) -> bool {
        self.folded.is_empty()
            && self.versions.is_empty()
            && self.removed.is_empty()
            && self.header.is_none()
    }
}

/// One journaled edit, as the order all readers agree on: the writer's
/// hybrid clock (milliseconds, counter), then the writer's id; and the
/// entry's number in its writer's journal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Version {
    pub millis: i64,
    pub count: u32,
    pub writer: Id,
    pub seq: u64,
}

impl Version {
    /// What decides which of two edits is the later.
    pub fn order(&self) -> (i64, u32, Id) {
        (self.millis, self.count, self.writer)
    }
}

/// The file format version this program writes; `store` migrates older
/// files on load and refuses newer ones.
pub const CURRENT_FORMAT: u32 = 3;

impl Session {
    /// An empty session with the given title and date.
    pub fn new(title: impl Into<String>, date: Date, now: Timestamp) -> Self {
        Session {
            format: CURRENT_FORMAT,
            id: super::new_id(),
            updated: now,
            title: title.into(),
            date,
            place: String::new(),
            organiser: String::new(),
            facilitator: String::new(),
            secretary: String::new(),
            programme: String::new(),
            number: String::new(),
            settlements: Vec::new(),
            participants: Vec::new(),
            agenda: Vec::new(),
            speaker_turns: Vec::new(),
            needs: Vec::new(),
            proposals: Vec::new(),
            actions: Vec::new(),
            private_notes: Vec::new(),
            events: Vec::new(),
            journals: Box::default(),
        }
    }

    pub fn settlement(&self, id: Id) -> Option<&Settlement> {
        self.settlements.iter().find(|s| s.id == id)
    }

    pub fn participant(&self, id: Id) -> Option<&Participant> {
        self.participants.iter().find(|p| p.id == id)
    }

    pub fn need(&self, id: Id) -> Option<&Need> {
        self.needs.iter().find(|n| n.id == id)
    }

    pub fn agenda_item(&self, id: Id) -> Option<&AgendaItem> {
        self.agenda.iter().find(|a| a.id == id)
    }

    /// The agenda item that is running now, if any.
    pub fn active_item(&self) -> Option<&AgendaItem> {
        self.agenda.iter().find(|a| a.status == super::AgendaStatus::Active)
    }

    /// Name of a settlement by id, or "" if it is unknown.
    pub fn settlement_name(&self, id: Option<Id>) -> &str {
        id.and_then(|id| self.settlement(id)).map_or("", |s| s.name.as_str())
    }

    /// Name of a participant by id, or "" if unknown.
    pub fn participant_name(&self, id: Option<Id>) -> &str {
        id.and_then(|id| self.participant(id)).map_or("", |p| p.name.as_str())
    }

    /// Every reference between entities that points at nothing, as
    /// human-readable descriptions. A file with dangling references still
    /// loads (nothing is lost), but `check` reports them.
    pub fn dangling_references(&self) -> Vec<String> {
        use std::collections::HashSet;
        let mut problems = Vec::new();
        // Sets, not lookups by linear search: checking a large session must
        // take time in proportion to its size.
        let settlements: HashSet<Id> = self.settlements.iter().map(|x| x.id).collect();
        let people: HashSet<Id> = self.participants.iter().map(|x| x.id).collect();
        let items: HashSet<Id> = self.agenda.iter().map(|x| x.id).collect();
        let needs: HashSet<Id> = self.needs.iter().map(|x| x.id).collect();
        let has_settlement = |id: &Id| settlements.contains(id);
        let has_person = |id: &Id| people.contains(id);
        let has_item = |id: &Id| items.contains(id);
        let has_need = |id: &Id| needs.contains(id);
        for p in &self.participants {
            if let Some(s) = p.settlement.filter(|s| !has_settlement(s)) {
                problems.push(format!("participant {} refers to unknown settlement {s}", p.id));
            }
        }
        for t in &self.speaker_turns {
            if !has_person(&t.participant) {
                problems.push(format!(
                    "speaker turn {} refers to unknown participant {}",
                    t.id, t.participant
                ));
            }
            if !has_item(&t.agenda_item) {
                problems.push(format!(
                    "speaker turn {} refers to unknown agenda item {}",
                    t.id, t.agenda_item
                ));
            }
        }
        for n in &self.needs {
            if let Some(s) = n.settlement.filter(|s| !has_settlement(s)) {
                problems.push(format!("need {} refers to unknown settlement {s}", n.id));
            }
            if let Some(p) = n.raised_by.filter(|p| !has_person(p)) {
                problems.push(format!("need {} refers to unknown participant {p}", n.id));
            }
        }
        for pr in &self.proposals {
            if let Some(p) = pr.author.filter(|p| !has_person(p)) {
                problems.push(format!("proposal {} refers to unknown participant {p}", pr.id));
            }
            // A parking-lot item carried over from an earlier meeting keeps
            // the agenda item it was raised under there.
            let carried = pr.kind == super::ProposalKind::ParkingLot;
            if let Some(i) = pr.agenda_item.filter(|i| !has_item(i) && !carried) {
                problems.push(format!("proposal {} refers to unknown agenda item {i}", pr.id));
            }
            if let Some(n) = pr.need.filter(|n| !has_need(n)) {
                problems.push(format!("proposal {} refers to unknown need {n}", pr.id));
            }
        }
        for a in &self.actions {
            for n in a.needs.iter().filter(|n| !has_need(n)) {
                problems.push(format!("action {} refers to unknown need {n}", a.id));
            }
        }
        problems
    }

    /// Ids used by more than one entity. Ids are what make merging exact,
    /// so a duplicate is reported by `check`.
    pub fn duplicate_ids(&self) -> Vec<Id> {
        let mut ids: Vec<Id> = std::iter::once(self.id)
            .chain(self.settlements.iter().map(|x| x.id))
            .chain(self.participants.iter().map(|x| x.id))
            .chain(self.agenda.iter().map(|x| x.id))
            .chain(self.speaker_turns.iter().map(|x| x.id))
            .chain(self.needs.iter().map(|x| x.id))
            .chain(self.proposals.iter().map(|x| x.id))
            .chain(self.actions.iter().map(|x| x.id))
            .chain(self.private_notes.iter().map(|x| x.id))
            .chain(self.events.iter().map(|x| x.id))
            .collect();
        ids.sort();
        let mut dups: Vec<Id> = ids.windows(2).filter(|w| w[0] == w[1]).map(|w| w[0]).collect();
        dups.dedup();
        dups
    }
}

impl Session {
    /// [`effective_status`](super::need::effective_status) of every need of the session, by id.
    pub fn need_statuses(&self) -> std::collections::HashMap<super::Id, super::NeedStatus> {
        super::need::effective_statuses(&self.needs, &self.actions)
    }
}
