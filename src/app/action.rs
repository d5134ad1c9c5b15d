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
    /// After a conflict with another editor: put our version back.
    TakeMine,
    Filter,
    EditSession,
    Help,
    Quit,
    /// `kenesh present`: quit on the second press within a few seconds (a
    /// stray `Esc`, or a terminal reply cut in two, must not end the
    /// projection in front of the room).
    QuitTwice,
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
    // Keys of the other modes (help, confirm, form, capture, projector,
    // dashboard, present): each scope of the key table uses its own few.
    /// Leave the mode (close the help, cancel a form or the capture line).
    Close,
    /// Answer yes to a question.
    Confirm,
    /// Save a form, commit the capture line.
    Submit,
    /// Capture line: complete the tag under the cursor.
    Complete,
    /// Form pick list: previous / next choice.
    ChoosePrev,
    ChooseNext,
    /// Form: tick or untick.
    Toggle,
    /// Form pick list: jump to the next choice starting with the letter.
    JumpToLetter,
    /// Projector: next / previous slide.
    SlideNext,
    SlidePrev,
    /// Projector: start or stop rotating the slides.
    Rotate,
    /// Projector: next colour theme.
    CycleTheme,
    /// Dashboard: next city filter.
    CycleCity,
    /// Dashboard: show tab n (1-based).
    ShowTab(u8),
}
