//! Every edit to a session is a list of [`Change`]s. Applying a change
//! returns its inverse, which is all undo and redo need, and a change is
//! small enough to log or journal.

use super::{
    Action, AgendaItem, Date, Event, Id, Need, Participant, PrivateNote, Proposal, Session,
    Settlement, SpeakerTurn,
};

/// One entity of a session, whatever its kind.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Entity {
    Settlement(Settlement),
    Participant(Participant),
    AgendaItem(AgendaItem),
    SpeakerTurn(SpeakerTurn),
    Need(Need),
    Proposal(Proposal),
    Action(Action),
    PrivateNote(PrivateNote),
    Event(Event),
}

/// Which collection of a session an entity lives in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum EntityKind {
    Settlement,
    Participant,
    AgendaItem,
    SpeakerTurn,
    Need,
    Proposal,
    Action,
    PrivateNote,
    Event,
}

/// The session's own fields (what a "session details" form edits).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Header {
    pub title: String,
    #[serde(with = "crate::model::time::date")]
    pub date: Date,
    pub place: String,
    pub organiser: String,
    pub facilitator: String,
    /// Journals written before format 3 have no secretary.
    #[serde(default)]
    pub secretary: String,
    pub programme: String,
    /// The protocol number; journals from before it have none.
    #[serde(default)]
    pub number: String,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Change {
    /// Insert the entity at `index` (clamped), or replace the entity with
    /// the same id wherever it is.
    Put { entity: Entity, index: usize },
    /// Remove the entity with this id.
    Remove { kind: EntityKind, id: Id },
    /// Replace the session's own fields.
    Header(Header),
    /// The session's own `updated` time.
    Touched(super::Timestamp),
    /// Votes for a need, counted: two people voting at once add two. A
    /// `Put` of a need that exists keeps its votes; only this changes them.
    Vote { need: Id, delta: i32 },
}

/// Where an entity sits in its list: after this id, or first (`None`).
/// Journals record places by neighbour, not by index, so two items
/// inserted at once by two people both land where each meant.
pub type Place = Option<Id>;

impl Entity {
    pub fn id(&self) -> Id {
        match self {
            Entity::Settlement(x) => x.id,
            Entity::Participant(x) => x.id,
            Entity::AgendaItem(x) => x.id,
            Entity::SpeakerTurn(x) => x.id,
            Entity::Need(x) => x.id,
            Entity::Proposal(x) => x.id,
            Entity::Action(x) => x.id,
            Entity::PrivateNote(x) => x.id,
            Entity::Event(x) => x.id,
        }
    }

    pub fn updated(&self) -> super::Timestamp {
        match self {
            Entity::Settlement(x) => x.updated,
            Entity::Participant(x) => x.updated,
            Entity::AgendaItem(x) => x.updated,
            Entity::SpeakerTurn(x) => x.updated,
            Entity::Need(x) => x.updated,
            Entity::Proposal(x) => x.updated,
            Entity::Action(x) => x.updated,
            Entity::PrivateNote(x) => x.updated,
            Entity::Event(x) => x.updated,
        }
    }

    pub fn set_updated(&mut self, at: super::Timestamp) {
        match self {
            Entity::Settlement(x) => x.updated = at,
            Entity::Participant(x) => x.updated = at,
            Entity::AgendaItem(x) => x.updated = at,
            Entity::SpeakerTurn(x) => x.updated = at,
            Entity::Need(x) => x.updated = at,
            Entity::Proposal(x) => x.updated = at,
            Entity::Action(x) => x.updated = at,
            Entity::PrivateNote(x) => x.updated = at,
            Entity::Event(x) => x.updated = at,
        }
    }

    pub fn kind(&self) -> EntityKind {
        match self {
            Entity::Settlement(_) => EntityKind::Settlement,
            Entity::Participant(_) => EntityKind::Participant,
            Entity::AgendaItem(_) => EntityKind::AgendaItem,
            Entity::SpeakerTurn(_) => EntityKind::SpeakerTurn,
            Entity::Need(_) => EntityKind::Need,
            Entity::Proposal(_) => EntityKind::Proposal,
            Entity::Action(_) => EntityKind::Action,
            Entity::PrivateNote(_) => EntityKind::PrivateNote,
            Entity::Event(_) => EntityKind::Event,
        }
    }
}

/// Applies `put` or `remove` to one collection; the macro keeps the nine
/// collections from needing nine copies of the same code.
macro_rules! collections {
    ($($kind:ident => $field:ident),* $(,)?) => {
        fn put(session: &mut Session, entity: Entity, index: usize) -> Change {
            match entity {
                $(Entity::$kind(value) => {
                    let id = value.id;
                    let list = &mut session.$field;
                    match list.iter().position(|x| x.id == id) {
                        Some(at) => {
                            let old = std::mem::replace(&mut list[at], value);
                            Change::Put { entity: Entity::$kind(old), index: at }
                        }
                        None => {
                            list.insert(index.min(list.len()), value);
                            Change::Remove { kind: EntityKind::$kind, id }
                        }
                    }
                })*
            }
        }

        fn updated_of(session: &Session, kind: EntityKind, id: Id) -> Option<super::Timestamp> {
            match kind {
                $(EntityKind::$kind => session.$field.iter().find(|x| x.id == id).map(|x| x.updated),)*
            }
        }

        fn place_of(session: &Session, kind: EntityKind, id: Id) -> Option<Place> {
            match kind {
                $(EntityKind::$kind => {
                    let list = &session.$field;
                    let at = list.iter().position(|x| x.id == id)?;
                    Some(at.checked_sub(1).map(|before| list[before].id))
                })*
            }
        }

        fn index_after(session: &Session, kind: EntityKind, place: Place) -> Option<usize> {
            match kind {
                $(EntityKind::$kind => match place {
                    None => Some(0),
                    Some(before) => session.$field.iter().position(|x| x.id == before).map(|i| i + 1),
                },)*
            }
        }

        fn remove(session: &mut Session, kind: EntityKind, id: Id) -> Option<Change> {
            match kind {
                $(EntityKind::$kind => {
                    let list = &mut session.$field;
                    let at = list.iter().position(|x| x.id == id)?;
                    let old = list.remove(at);
                    Some(Change::Put { entity: Entity::$kind(old), index: at })
                })*
            }
        }
    };
}

collections! {
    Settlement => settlements,
    Participant => participants,
    AgendaItem => agenda,
    SpeakerTurn => speaker_turns,
    Need => needs,
    Proposal => proposals,
    Action => actions,
    PrivateNote => private_notes,
    Event => events,
}

impl Session {
    pub fn header(&self) -> Header {
        Header {
            title: self.title.clone(),
            date: self.date,
            place: self.place.clone(),
            organiser: self.organiser.clone(),
            facilitator: self.facilitator.clone(),
            secretary: self.secretary.clone(),
            programme: self.programme.clone(),
            number: self.number.clone(),
        }
    }

    /// The `updated` time of one entity, if the session holds it.
    pub fn version_of(&self, kind: EntityKind, id: Id) -> Option<super::Timestamp> {
        updated_of(self, kind, id)
    }

    /// Where `id` sits in its list, for the journal (`None`: not there).
    pub fn place_of(&self, kind: EntityKind, id: Id) -> Option<Place> {
        place_of(self, kind, id)
    }

    /// Applies a change; an entity it inserts goes right after `place`
    /// when that neighbour is there (else at the change's index).
    pub fn apply_placed(&mut self, mut change: Change, place: Option<Place>) -> Option<Change> {
        if let (Change::Put { entity, index }, Some(place)) = (&mut change, place)
            && let Some(at) = index_after(self, entity.kind(), place)
        {
            *index = at;
        }
        self.apply(change)
    }

    /// Turns a `Put` that changes a need's votes into a `Put` that keeps
    /// them and a counted `Vote`, so votes cast at once on two laptops add up.
    pub fn count_votes(&self, changes: &mut Vec<Change>) {
        let mut votes = Vec::new();
        for change in changes.iter_mut() {
            if let Change::Put { entity: Entity::Need(need), .. } = change
                && let Some(existing) = self.need(need.id)
                && existing.votes != need.votes
            {
                let delta = i64::from(need.votes) - i64::from(existing.votes);
                votes.push(Change::Vote {
                    need: need.id,
                    delta: delta.clamp(-100_000, 100_000) as i32,
                });
                need.votes = existing.votes;
            }
        }
        changes.extend(votes);
    }

    /// Gives every changed entity an `updated` later than the version it
    /// replaces, even if this laptop's clock is behind: a hybrid logical
    /// clock, so the newer edit always wins when records are merged.
    pub fn stamp(&self, changes: &mut [Change], now: super::Timestamp) {
        for change in changes {
            if let Change::Put { entity, .. } = change {
                let previous = updated_of(self, entity.kind(), entity.id());
                let at = match previous {
                    Some(old) if old >= now => super::time::add_seconds(old, 1),
                    _ => now,
                };
                entity.set_updated(at);
            }
        }
    }

    /// Applies one change and returns the change that undoes it. Removing
    /// something that is not there changes nothing and returns `None`.
    pub fn apply(&mut self, change: Change) -> Option<Change> {
        match change {
            Change::Put { entity: Entity::Need(mut need), index } => {
                if let Some(existing) = self.need(need.id) {
                    need.votes = existing.votes;
                }
                Some(put(self, Entity::Need(need), index))
            }
            Change::Put { entity, index } => Some(put(self, entity, index)),
            Change::Vote { need, delta } => {
                let need = self.needs.iter_mut().find(|n| n.id == need)?;
                let before = need.votes;
                need.votes = before.saturating_add_signed(delta);
                let applied = i64::from(need.votes) - i64::from(before);
                (applied != 0).then(|| Change::Vote { need: need.id, delta: -(applied as i32) })
            }
            Change::Remove { kind, id } => remove(self, kind, id),
            Change::Touched(at) => {
                let old = self.updated;
                self.updated = at;
                Some(Change::Touched(old))
            }
            Change::Header(header) => {
                let old = self.header();
                self.title = header.title;
                self.date = header.date;
                self.place = header.place;
                self.organiser = header.organiser;
                self.facilitator = header.facilitator;
                self.secretary = header.secretary;
                self.programme = header.programme;
                self.number = header.number;
                Some(Change::Header(old))
            }
        }
    }

    /// Applies changes in order and returns their inverses in the order
    /// that undoes them.
    pub fn apply_all(&mut self, changes: Vec<Change>) -> Vec<Change> {
        let mut inverse: Vec<Change> = changes.into_iter().filter_map(|c| self.apply(c)).collect();
        inverse.reverse();
        inverse
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{NeedStatus, now};

    fn session() -> Session {
        Session::new("t", chrono::NaiveDate::from_ymd_opt(2026, 11, 19).unwrap(), now())
    }

    #[test]
    fn put_remove_and_their_inverses_restore_the_session() {
        let mut s = session();
        let a = Need::new("a", now());
        let b = Need::new("b", now());
        let before = s.clone();
        let undo_a = s.apply_all(vec![Change::Put { entity: Entity::Need(a.clone()), index: 0 }]);
        let undo_b = s.apply_all(vec![Change::Put { entity: Entity::Need(b.clone()), index: 0 }]);
        assert_eq!(s.needs.iter().map(|n| n.title.as_str()).collect::<Vec<_>>(), ["b", "a"]);

        let mut edited = a.clone();
        edited.status = NeedStatus::Parked;
        let undo_edit = s.apply_all(vec![Change::Put { entity: Entity::Need(edited), index: 0 }]);
        assert_eq!(s.needs[1].status, NeedStatus::Parked, "edit replaces in place");

        let undo_remove = s.apply_all(vec![Change::Remove { kind: EntityKind::Need, id: b.id }]);
        assert_eq!(s.needs.len(), 1);
        s.apply_all(undo_remove);
        assert_eq!(s.needs[0].id, b.id, "undo of remove puts it back where it was");
        s.apply_all(undo_edit);
        assert_eq!(s.needs[1], a);
        s.apply_all(undo_b);
        s.apply_all(undo_a);
        assert_eq!(s, before);
    }

    #[test]
    fn removing_what_is_not_there_is_no_change() {
        let mut s = session();
        assert_eq!(s.apply(Change::Remove { kind: EntityKind::Action, id: Id::new() }), None);
    }
}
