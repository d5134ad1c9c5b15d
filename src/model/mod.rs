//! The domain model: what a roundtable meeting and a programme record are.
//!
//! Nothing here knows about the terminal; the store, merge and export use it
//! directly. Every entity has a stable ULID id and an `updated` timestamp.

mod action;
mod agenda;
mod bodies;
mod change;
pub mod edit;
mod event;
mod id;
mod need;
mod participant;
mod program;
mod proposal;
mod repair;
mod session;
mod speaker;
mod stats;
pub mod time;

pub use action::{Action, ActionStatus};
pub use agenda::{AgendaItem, AgendaStatus, Run};
pub use bodies::{bodies, body_key};
pub use change::{Change, Entity, EntityKind, Header, Place};
pub use event::{Event, EventKind};
pub use id::Id;
pub use need::{Need, NeedCategory, NeedStatus, effective_status, effective_statuses};
pub use participant::{AgeBand, Gender, Participant, Settlement, StakeholderGroup};
pub use program::{
    ActionHistoryEntry, Attendance, Conflict, LikelyDuplicate, NeedRaise, Program, ProgramAction,
    ProgramNeed, SessionRef,
};
pub use program::{AgendaRecord, ProgressEntry, Speaking};
pub use proposal::{PrivateNote, Proposal, ProposalKind};
pub use repair::Repaired;
pub use session::{CURRENT_FORMAT, Journals, Session, Version};
pub use speaker::SpeakerTurn;
pub use stats::{SpeakingTime, group_index, speaking_time, speaking_time_until};

/// Wall-clock time with the offset it was recorded in (the meeting's local time).
pub type Timestamp = chrono::DateTime<chrono::FixedOffset>;

/// A calendar date without time (session date, deadlines).
pub type Date = chrono::NaiveDate;

/// Makes a new id.
pub fn new_id() -> Id {
    Id::new()
}

/// The current wall-clock time, to the second, in the local offset. Only the
/// program's edges call this; everything else takes time as an argument.
pub fn now() -> Timestamp {
    use chrono::Timelike;
    let now = chrono::Local::now().fixed_offset();
    now.with_nanosecond(0).unwrap_or(now)
}
