//! Undo and redo: each step is the list of inverse changes of one edit.

use std::collections::VecDeque;

use crate::model::Change;

/// How many edits can be undone.
pub const UNDO_DEPTH: usize = 500;

#[derive(Debug, Clone, Default)]
pub struct History {
    undo: VecDeque<Vec<Change>>,
    redo: Vec<Vec<Change>>,
}

impl History {
    /// Records the inverse of a new edit; a new edit clears redo.
    pub fn record(&mut self, inverse: Vec<Change>) {
        if inverse.is_empty() {
            return;
        }
        if self.undo.len() == UNDO_DEPTH {
            self.undo.pop_front();
        }
        self.undo.push_back(inverse);
        self.redo.clear();
    }

    pub fn take_undo(&mut self) -> Option<Vec<Change>> {
        self.undo.pop_back()
    }

    pub fn take_redo(&mut self) -> Option<Vec<Change>> {
        self.redo.pop()
    }

    /// After an undo: the changes that redo it.
    pub fn push_redo(&mut self, changes: Vec<Change>) {
        self.redo.push(changes);
    }

    /// After a redo: the changes that undo it again (keeps redo intact).
    pub fn push_undo(&mut self, changes: Vec<Change>) {
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
