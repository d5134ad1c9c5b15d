//! Undo and redo: each step is the list of inverse changes of one edit,
//! and the versions that edit left, so an undo can tell when someone else
//! (another editor on the same session) changed the same thing since.

use std::collections::VecDeque;

use crate::model::{Change, EntityKind, Id, Session, Timestamp};

/// One step to undo or redo.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub changes: Vec<Change>,
    /// The version of each entity the step touches, as our edit left it
    /// (`None`: our edit left it deleted).
    pub left: Vec<(EntityKind, Id, Option<Timestamp>)>,
}

impl Step {
    /// A step of `changes`, remembering the versions `session` holds now.
    pub fn new(changes: Vec<Change>, session: &Session) -> Step {
        let left = changes
            .iter()
            .filter_map(|c| match c {
                Change::Put { entity, .. } => Some((entity.kind(), entity.id())),
                Change::Remove { kind, id } => Some((*kind, *id)),
                // Votes are counted: someone else voting changes nothing of ours.
                _ => None,
            })
            .map(|(kind, id)| (kind, id, session.version_of(kind, id)))
            .collect();
        Step { changes, left }
    }

    /// Whether someone else changed what this step touches since our edit.
    pub fn changed_since(&self, session: &Session) -> bool {
        self.left.iter().any(|(kind, id, version)| session.version_of(*kind, *id) != *version)
    }
}

/// How many edits can be undone.
pub const UNDO_DEPTH: usize = 500;

#[derive(Debug, Clone, Default)]
pub struct History {
    undo: VecDeque<Step>,
    redo: Vec<Step>,
}

impl History {
    /// Records the inverse of a new edit; a new edit clears redo.
    pub fn record(&mut self, inverse: Step) {
        if inverse.changes.is_empty() {
            return;
        }
        if self.undo.len() == UNDO_DEPTH {
            self.undo.pop_front();
        }
        self.undo.push_back(inverse);
        self.redo.clear();
    }

    pub fn take_undo(&mut self) -> Option<Step> {
        self.undo.pop_back()
    }

    pub fn take_redo(&mut self) -> Option<Step> {
        self.redo.pop()
    }

    /// After an undo: the changes that redo it.
    pub fn push_redo(&mut self, changes: Step) {
        self.redo.push(changes);
    }

    /// After a redo: the changes that undo it again (keeps redo intact).
    pub fn push_undo(&mut self, changes: Step) {
        if self.undo.len() == UNDO_DEPTH {
            self.undo.pop_front();
        }
        self.undo.push_back(changes);
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}
