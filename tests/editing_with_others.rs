//! The editor when someone else edits the same session (issue 20), at the
//! level of `update` and the screen: their edits arrive as `Msg::Shared`;
//! a conflict is told and `U` takes our version back; undo asks before
//! overwriting their later change; the status bar says who else is there.

mod common;

use common::Harness;
use kenesh::app::{Effect, Msg};
use kenesh::model::{Change, Entity, Id};
use kenesh::store::{Conflict, Presence, SharedView};
use ratatui::{Terminal, backend::TestBackend};

fn view(session: kenesh::model::Session, others: Vec<Presence>) -> Msg {
    Msg::Shared(Box::new(SharedView {
        session,
        conflicts: Vec::new(),
        others,
        settled: Vec::new(),
    }))
}

fn asanova(last_acted: Option<kenesh::model::Timestamp>) -> Presence {
    Presence { writer: Id::new(), who: "Асанова".into(), last_acted }
}

fn screen(h: &Harness) -> String {
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal.draw(|f| kenesh::ui::render(&h.model, f)).unwrap();
    let buffer = terminal.backend().buffer();
    let mut text = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            text.push_str(buffer[(x, y)].symbol());
        }
        text.push('\n');
    }
    text
}

#[test]
fn another_editors_edit_shows_and_is_not_ours_to_undo() {
    let mut h = Harness::example();
    let mut theirs = h.model.session.clone();
    theirs.needs[0].title = "Изменено другим".into();
    h.send(view(theirs.clone(), vec![asanova(Some(h.now))]));
    assert_eq!(h.model.session.needs[0].title, "Изменено другим");
    assert!(h.effects.is_empty(), "their edit is not saved again by us");
    h.keys("u");
    assert_eq!(h.model.session.needs[0].title, "Изменено другим", "nothing of ours to undo");
}

#[test]
fn undo_asks_first_when_someone_changed_it_since() {
    let mut h = Harness::example();
    h.keys("3c");
    let id = h.model.pane(kenesh::app::model::Pane::Needs).selected_id().unwrap();
    let ours = h.model.session.need(id).unwrap().status;
    // Асанова edits the same need afterwards.
    let mut theirs = h.model.session.clone();
    let need = theirs.needs.iter_mut().find(|n| n.id == id).unwrap();
    need.title = "Асанова уточнила".into();
    need.updated = kenesh::model::time::add_seconds(need.updated, 5);
    h.send(view(theirs, vec![]));
    h.keys("u");
    assert_eq!(h.model.session.need(id).unwrap().status, ours, "not undone yet");
    assert!(h.model.notice.as_deref().is_some_and(|n| n.contains("u again")), "it asks");
    h.keys("u");
    assert_ne!(h.model.session.need(id).unwrap().status, ours, "undone when asked twice");
}

#[test]
fn a_lost_edit_is_told_and_u_takes_it_back() {
    let mut h = Harness::example();
    let need = h.model.session.needs[0].clone();
    let mut mine = need.clone();
    mine.title = "Мой вариант".into();
    let winner = asanova(Some(h.now));
    let conflict = Conflict {
        loser: Id::new(),
        theirs: Entity::Need(mine.clone()),
        winner: Some(winner.writer),
        at: common::at("2026-11-19T11:42:00+06:00"),
    };
    let mut theirs = h.model.session.clone();
    theirs.needs[0].title = "Вариант Асановой".into();
    h.send(Msg::Shared(Box::new(SharedView {
        session: theirs,
        conflicts: vec![conflict],
        others: vec![winner],
        settled: Vec::new(),
    })));
    let notice = h.model.notice.clone().unwrap();
    assert!(notice.contains("Асанова") && notice.contains("11:42"), "{notice}");
    assert_eq!(h.model.session.needs[0].title, "Вариант Асановой", "the later edit won");
    h.effects.clear();
    h.keys("U");
    assert_eq!(h.model.session.needs[0].title, "Мой вариант", "ours is back");
    let saved = h.effects.iter().any(|e| {
        matches!(e, Effect::Save(c) if c.iter().any(|c| matches!(c, Change::Put { entity: Entity::Need(n), .. } if n.title == "Мой вариант")))
    });
    assert!(saved, "as a new edit, journaled: {:?}", h.effects);
    h.keys("U");
    assert!(h.model.notice.is_some(), "nothing more to take back is said");
}

#[test]
fn settled_controls_are_recorded_as_an_edit() {
    let mut h = Harness::example();
    let mut theirs = h.model.session.clone();
    theirs.needs[0].title = "x".into();
    let settled = vec![Change::Put { entity: Entity::Need(theirs.needs[0].clone()), index: 0 }];
    h.send(Msg::Shared(Box::new(SharedView {
        session: theirs,
        conflicts: Vec::new(),
        others: Vec::new(),
        settled: settled.clone(),
    })));
    assert!(matches!(h.effects.as_slice(), [Effect::Save(c)] if c.starts_with(&settled)));
}

#[test]
fn the_status_bar_shows_who_else_edits_and_who_is_idle() {
    let mut h = Harness::example();
    let session = h.model.session.clone();
    let active = asanova(Some(h.now));
    let idle = Presence { writer: Id::new(), who: "bolot@laptop2".into(), last_acted: Some(h.now) };
    h.send(view(session, vec![active, idle]));
    h.advance(30);
    let text = screen(&h);
    assert!(text.contains("Асанова"), "{text}");
    assert!(!text.contains("(idle)"), "both acted within a minute");
    h.advance(31);
    assert!(screen(&h).contains("(idle)"), "silent over a minute");
}
