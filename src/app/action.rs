//! What a key means, independent of which key it is.

use super::pane::Pane;

/// An action the user can ask for in the normal (non-form) mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    FocusNext,
    FocusPrev,
    Focus(Pane),
    Up,
    Down,
    PageUp,
    PageDown,
    First,
    Last,
    Add,
    Edit,
    Delete,
    Undo,
    Redo,
    Filter,
    EditSession,
    Help,
    Quit,
    /// Agenda: start or stop the selected item.
    StartStop,
    /// Agenda: end the active item and start the next.
    NextItem,
    /// Needs: one vote more / less.
    VoteUp,
    VoteDown,
    /// Needs: group by settlement or by category.
    ToggleGrouping,
    /// Needs and actions: next status.
    CycleStatus,
    /// Participants: present / absent.
    TogglePresent,
    /// Open the capture line.
    Capture,
    /// Participants: put the selected person in the speaker queue.
    QueueSpeaker,
    /// Participants: take the selected person out of the speaker queue.
    Unqueue,
    /// Participants: move the selected person one place up / down the queue.
    QueueUp,
    QueueDown,
    /// Empty the speaker queue.
    DropQueue,
    /// End the current turn and give the floor to the next in the queue.
    NextSpeaker,
    /// End the current turn.
    EndTurn,
    /// Proposals: make the selected proposal an action.
    Promote,
    /// Proposals: link the selected proposal to a need.
    LinkNeed,
    /// Show or leave the projector view of this session.
    ToggleProjector,
    /// Load the file again after another program changed it.
    Reload,
    /// Participants and needs: edit the selected row's settlement.
    EditSettlement,
}
