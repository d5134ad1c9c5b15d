//! Older file formats, and the steps that bring them to the current one.
//!
//! Each step turns format N into N+1; a file of format N runs every step
//! from N up. Old formats are parsed with their own structs, so errors in
//! an old file still carry its line and column.
//!
//! Format 1 (the draft format) wrote a settlement as a plain name on each
//! participant and need. Format 2 made settlements entities with ids, so
//! merging can match them exactly. Format 3 added the session's secretary
//! (an empty one in older files); a programme record of format 2 is the
//! same as one of format 3.

use std::path::Path;

use serde::Deserialize;

use super::syntax::deserialize;
use super::{LoadError, Position, SyntaxProblem};
use crate::model::{
    Action, ActionStatus, AgeBand, AgendaItem, Date, Event, Gender, Id, Need, NeedCategory,
    NeedStatus, Participant, PrivateNote, Program, Proposal, Session, Settlement, SpeakerTurn,
    StakeholderGroup, Timestamp,
};

pub(super) fn session_from_older(
    path: &Path,
    text: &str,
    format: u32,
    format_at: Position,
) -> Result<Session, LoadError> {
    match format {
        1 => deserialize::<v1::Session>(path, text).map(v1_to_v2).map(v2_to_v3),
        2 => deserialize::<Session>(path, text).map(v2_to_v3),
        _ => Err(LoadError::Syntax {
            path: path.to_owned(),
            at: format_at,
            problem: SyntaxProblem::UnknownFormat { found: format },
        }),
    }
}

mod v1 {
    use super::*;

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Session {
        #[allow(dead_code)]
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
        #[serde(default)]
        pub programme: String,
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
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Participant {
        pub id: Id,
        #[serde(with = "crate::model::time::stamp")]
        pub updated: Timestamp,
        pub name: String,
        #[serde(default)]
        pub organisation: String,
        pub group: StakeholderGroup,
        #[serde(default)]
        pub settlement: Option<String>,
        #[serde(default)]
        pub present: bool,
        #[serde(default)]
        pub gender: Option<Gender>,
        #[serde(default)]
        pub age_band: Option<AgeBand>,
        #[serde(default)]
        pub contact: String,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Need {
        pub id: Id,
        #[serde(with = "crate::model::time::stamp")]
        pub updated: Timestamp,
        pub title: String,
        #[serde(default)]
        pub detail: String,
        #[serde(default)]
        pub settlement: Option<String>,
        pub category: NeedCategory,
        #[serde(default)]
        pub raised_by: Option<Id>,
        #[serde(default)]
        pub votes: u32,
        pub status: NeedStatus,
    }

    /// An action as format 1 wrote it, frozen here so that new fields of
    /// today's `Action` do not change what a format 1 file may contain.
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Action {
        pub id: Id,
        #[serde(with = "crate::model::time::stamp")]
        pub updated: Timestamp,
        pub what: String,
        #[serde(default)]
        pub needs: Vec<Id>,
        #[serde(default)]
        pub responsible: String,
        #[serde(default)]
        pub partners: String,
        #[serde(default, with = "crate::model::time::opt_date")]
        pub deadline: Option<Date>,
        #[serde(default)]
        pub funding: String,
        #[serde(default)]
        pub indicator: String,
        pub status: ActionStatus,
        #[serde(default)]
        pub notes: String,
        #[serde(default)]
        pub origin: Option<Id>,
    }
}

/// Settlement names become entities. Their ids are derived from the session
/// id and the name, so migrating the same file twice (on two laptops) gives
/// the same ids and the sessions still merge exactly.
/// A programme record of an older format, brought to the current one.
pub(super) fn program_from_older(
    path: &Path,
    text: &str,
    format: u32,
    format_at: Position,
) -> Result<Program, LoadError> {
    match format {
        2 => deserialize::<Program>(path, text).map(|p| Program { format: 3, ..p }),
        _ => Err(LoadError::Syntax {
            path: path.to_owned(),
            at: format_at,
            problem: SyntaxProblem::NoProgrammeFormat {
                current: super::CURRENT_FORMAT,
                found: format,
            },
        }),
    }
}

/// Format 3 only added fields that default to empty.
fn v2_to_v3(session: Session) -> Session {
    Session { format: 3, ..session }
}

fn v1_to_v2(old: v1::Session) -> Session {
    let mut settlements: Vec<Settlement> = Vec::new();
    let mut settlement_id = |name: Option<String>| -> Option<Id> {
        let name = name?.trim().to_owned();
        if name.is_empty() {
            return None;
        }
        if let Some(s) = settlements.iter().find(|s| s.name == name) {
            return Some(s.id);
        }
        let id = derived_id(old.id, old.updated, &name);
        settlements.push(Settlement { id, updated: old.updated, name, city: String::new() });
        Some(id)
    };
    let participants = old
        .participants
        .into_iter()
        .map(|p| Participant {
            id: p.id,
            updated: p.updated,
            name: p.name,
            organisation: p.organisation,
            group: p.group,
            settlement: settlement_id(p.settlement),
            present: p.present,
            gender: p.gender,
            age_band: p.age_band,
            contact: p.contact,
        })
        .collect();
    let needs = old
        .needs
        .into_iter()
        .map(|n| Need {
            id: n.id,
            updated: n.updated,
            title: n.title,
            detail: n.detail,
            settlement: settlement_id(n.settlement),
            category: n.category,
            raised_by: n.raised_by,
            votes: n.votes,
            status: n.status,
        })
        .collect();
    Session {
        journals: Default::default(),
        format: 2,
        id: old.id,
        updated: old.updated,
        title: old.title,
        date: old.date,
        place: old.place,
        organiser: old.organiser,
        facilitator: old.facilitator,
        secretary: String::new(),
        programme: old.programme,
        number: String::new(),
        settlements,
        participants,
        agenda: old.agenda,
        speaker_turns: old.speaker_turns,
        needs,
        proposals: old.proposals,
        actions: old
            .actions
            .into_iter()
            .map(|a| Action {
                id: a.id,
                updated: a.updated,
                what: a.what,
                needs: a.needs,
                responsible: a.responsible,
                partners: a.partners,
                deadline: a.deadline,
                funding: a.funding,
                indicator: a.indicator,
                status: a.status,
                notes: a.notes,
                origin: a.origin,
            })
            .collect(),
        private_notes: old.private_notes,
        events: old.events,
    }
}

/// A ULID whose time part is `at` and whose random part is a hash of the
/// session id and the name: stable across runs and machines.
fn derived_id(session: Id, at: Timestamp, name: &str) -> Id {
    let mut hash: u128 = 0x6c62272e07bb014262b821756295c58d; // FNV-1a 128 offset basis
    for byte in session.to_bytes().iter().chain(name.as_bytes()) {
        hash ^= u128::from(*byte);
        hash = hash.wrapping_mul(0x0000000001000000000000000000013B); // FNV-1a 128 prime
    }
    let millis = u64::try_from(at.timestamp_millis()).unwrap_or(0);
    Id::from_parts(millis, hash)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Format 1 actions are read with their own frozen type and keep every
    /// field they had.
    #[test]
    fn a_format_1_action_keeps_its_fields() {
        let text = r#"Session(
    format: 1,
    id: "01M7RT7D20N053SA9M3Y9VFC9V",
    updated: "2026-10-01T12:00:00+06:00",
    title: "Встреча",
    date: "2026-10-01",
    actions: [
        Action(
            id: "01M7RT7D20NP9GSR57W2DVBJRZ",
            updated: "2026-10-01T11:00:00+06:00",
            what: "Поставить фонари",
            responsible: "Айыл өкмөтү",
            deadline: Some("2026-12-01"),
            status: Agreed,
            notes: "до зимы",
        ),
    ],
)"#;
        let at = Position { line: 2, col: 13 };
        let session =
            session_from_older(Path::new("old.ron"), text, 1, at).expect("format 1 loads");
        let action = &session.actions[0];
        assert_eq!(action.what, "Поставить фонари");
        assert_eq!(action.responsible, "Айыл өкмөтү");
        assert_eq!(action.deadline, chrono::NaiveDate::from_ymd_opt(2026, 12, 1));
        assert_eq!(action.status, ActionStatus::Agreed);
        assert_eq!(action.notes, "до зимы");
        assert_eq!(session.format, 3);
    }
}
