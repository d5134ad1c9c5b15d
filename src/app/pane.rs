//! The editor's panes and the needs board's grouping: plain names that the
//! key table, the actions and the rows use without the whole model.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    Agenda,
    Participants,
    Needs,
    Actions,
    /// Proposals, decisions, parking lot and private notes, by agenda item.
    /// Shown full-screen when focused.
    Proposals,
}

impl Pane {
    pub const ALL: [Pane; 5] =
        [Pane::Agenda, Pane::Participants, Pane::Needs, Pane::Actions, Pane::Proposals];

    pub fn index(self) -> usize {
        match self {
            Pane::Agenda => 0,
            Pane::Participants => 1,
            Pane::Needs => 2,
            Pane::Actions => 3,
            Pane::Proposals => 4,
        }
    }

    pub fn next(self) -> Pane {
        Pane::ALL[(self.index() + 1) % Pane::ALL.len()]
    }

    pub fn prev(self) -> Pane {
        Pane::ALL[(self.index() + Pane::ALL.len() - 1) % Pane::ALL.len()]
    }

    /// Message id of the pane's title.
    pub fn title_id(self) -> &'static str {
        match self {
            Pane::Agenda => "pane-agenda",
            Pane::Participants => "pane-participants",
            Pane::Needs => "pane-needs",
            Pane::Actions => "pane-actions",
            Pane::Proposals => "pane-proposals",
        }
    }
}

/// How the needs board is grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NeedGrouping {
    Settlement,
    Category,
}
