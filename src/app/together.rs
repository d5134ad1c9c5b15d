//! Editing one session with others: their edits arrive as a new view of
//! the session (see `store::shared`); an edit of ours that lost to one of
//! theirs made at the same moment is kept, to take back with one key.

use super::model::Model;
use crate::i18n::{t, targs};
use crate::model::{Change, Entity, EntityKind};
use crate::store::{Conflict, SharedView};

/// Takes in the session as all writers' journals make it now. Returns
/// what settling the shared controls changed, to record as an edit.
pub fn integrate(model: &mut Model, view: SharedView) -> Vec<Change> {
    if model.read_only.is_some() {
        return Vec::new();
    }
    model.others = view.others;
    if model.session != view.session {
        model.session = view.session;
        model.rebuild_rows();
    }
    for conflict in view.conflicts {
        let known = model.conflicts.iter().any(|c| same_conflict(c, &conflict));
        if !known {
            model.notice = Some(conflict_notice(model, &conflict));
            model.conflicts.push(conflict);
        }
    }
    view.settled
}

fn same_conflict(a: &Conflict, b: &Conflict) -> bool {
    a.theirs.id() == b.theirs.id() && a.theirs.updated() == b.theirs.updated() && a.at == b.at
}

/// "Асанова changed this need at 11:42; your text is kept in conflicts (U takes it back)".
fn conflict_notice(model: &Model, conflict: &Conflict) -> String {
    let who = model
        .others
        .iter()
        .find(|p| Some(p.writer) == conflict.winner)
        .map_or_else(|| t("together-someone"), |p| p.who.clone());
    targs(
        "notice-conflict",
        &[
            ("who", who.into()),
            ("kind", kind_key(conflict.theirs.kind()).into()),
            ("time", conflict.at.format("%H:%M").to_string().into()),
            ("key", model.keymap.label_of(super::action::Action::TakeMine).into()),
        ],
    )
}

/// The entity kind as the catalogue's selectors name it.
fn kind_key(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Settlement => "settlement",
        EntityKind::Participant => "participant",
        EntityKind::AgendaItem => "agenda",
        EntityKind::SpeakerTurn => "turn",
        EntityKind::Need => "need",
        EntityKind::Proposal => "proposal",
        EntityKind::Action => "action",
        EntityKind::PrivateNote => "note",
        EntityKind::Event => "event",
    }
}

/// `U`: our version of the newest conflict, to go back in as a new edit
/// (so it wins now, everywhere). Empty (with a notice) when there is none.
pub fn take_mine(model: &mut Model) -> Vec<Change> {
    let Some(conflict) = model.conflicts.pop() else {
        model.notice = Some(t("notice-no-conflict"));
        return Vec::new();
    };
    let mut mine = conflict.theirs;
    let votes_now = model.session.need(mine.id()).map(|n| n.votes);
    if let (Entity::Need(mine), Some(votes)) = (&mut mine, votes_now) {
        // Votes are counted apart; the version taken back keeps today's.
        mine.votes = votes;
    }
    model.notice = Some(t("notice-took-mine"));
    vec![Change::Put { entity: mine, index: usize::MAX }]
}
