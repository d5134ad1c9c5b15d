//! What `update` asks the edge to do: saving, quitting, reloading, drafts
//! and recovery copies are effects returned to the run loop, never done (or
//! flagged on the model) by `update` itself.

mod common;

use common::Harness;
use kenesh::app::model::Mode;
use kenesh::app::{Effect, Msg};
use kenesh::model::Change;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The effects of one message.
fn effects_of(h: &mut Harness, msg: Msg) -> Vec<Effect> {
    h.effects.clear();
    h.send(msg);
    std::mem::take(&mut h.effects)
}

fn key(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

fn ctrl(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

#[test]
fn an_edit_asks_to_save_exactly_its_changes() {
    let mut h = Harness::example();
    h.keys("3");
    let effects = effects_of(&mut h, key('+'));
    let [Effect::Save(changes)] = effects.as_slice() else { panic!("{effects:?}") };
    // Counted, not overwritten: two people voting at once add two votes.
    assert!(
        matches!(changes.first(), Some(Change::Vote { delta: 1, .. })),
        "the vote: {changes:?}"
    );
    assert_eq!(changes.last(), Some(&Change::Touched(h.now)), "and the session's new time");
    assert!(h.model.save.is_dirty(), "unsaved until the edge says so");
    // The edge's answer changes the model and asks for nothing more.
    let revision = h.model.save.revision;
    assert_eq!(effects_of(&mut h, Msg::Saved { revision }), []);
    assert!(!h.model.save.is_dirty());
    // Moving around saves nothing.
    assert_eq!(effects_of(&mut h, key('j')), []);
}

#[test]
fn undo_is_saved_like_any_edit() {
    let mut h = Harness::example();
    h.keys("3+");
    let effects = effects_of(&mut h, key('u'));
    assert!(matches!(effects.as_slice(), [Effect::Save(c)] if c.len() >= 2), "{effects:?}");
}

#[test]
fn quit_when_saved_or_only_waiting_for_the_next_save_quits() {
    let mut h = Harness::example();
    assert_eq!(effects_of(&mut h, key('q')), [Effect::Quit { keep_recovery: false }]);

    // Unsaved but not failing: the edge saves on the way out.
    let mut h = Harness::example();
    h.keys("3+");
    assert_eq!(effects_of(&mut h, key('q')), [Effect::Quit { keep_recovery: false }]);
    assert!(matches!(h.model.mode, Mode::Normal));
}

#[test]
fn quit_with_a_failing_save_asks_and_yes_keeps_a_recovery_copy() {
    let mut h = Harness::example();
    h.keys("3+");
    let revision = h.model.save.revision;
    h.send(Msg::SaveFailed { revision, error: "disk full".into() });
    assert_eq!(effects_of(&mut h, key('q')), [], "asks first");
    assert!(matches!(h.model.mode, Mode::ConfirmQuit));
    assert_eq!(effects_of(&mut h, key('n')), [], "no: back to work");
    assert!(matches!(h.model.mode, Mode::Normal));
    h.keys("q");
    assert_eq!(effects_of(&mut h, key('y')), [Effect::Quit { keep_recovery: true }]);
}

#[test]
fn a_quit_the_edge_could_not_finish_comes_back_as_a_question() {
    let mut h = Harness::example();
    assert_eq!(effects_of(&mut h, Msg::QuitBlocked), []);
    assert!(matches!(h.model.mode, Mode::ConfirmQuit));
}

#[test]
fn a_second_interrupt_quits_like_q() {
    let mut h = Harness::example();
    assert_eq!(effects_of(&mut h, Msg::Interrupt), [], "the first one only says how");
    assert_eq!(effects_of(&mut h, Msg::Interrupt), [Effect::Quit { keep_recovery: false }]);
}

#[test]
fn reload_is_asked_for_only_after_the_file_changed_outside() {
    let mut h = Harness::example();
    assert_eq!(effects_of(&mut h, ctrl('l')), [], "nothing to reload");
    assert!(h.model.notice.is_some());

    h.keys("3+");
    let revision = h.model.save.revision;
    h.send(Msg::Diverted { revision, kept_in: "s.conflict.ron".into() });
    assert_eq!(effects_of(&mut h, ctrl('l')), [Effect::Reload]);

    // The edge answers with the file as it is now.
    let on_disk = common::load_session(&common::bishkek_example());
    assert_eq!(effects_of(&mut h, Msg::Reloaded(Box::new(on_disk.clone()))), []);
    assert_eq!(h.model.session, on_disk);
    assert!(!h.model.save.is_dirty() && h.model.save.diverted_to.is_none());
    assert_eq!(effects_of(&mut h, key('u')), [], "the history went with the old session");
}

#[test]
fn a_recovery_copy_taken_is_saved_whole_and_forgotten() {
    let mut h = Harness::example();
    let mut recovered = h.model.session.clone();
    recovered.title = "Восстановлено".into();
    h.send(Msg::OfferRecovery(Box::new(recovered)));
    let effects = effects_of(&mut h, Msg::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)));
    assert_eq!(
        effects,
        [Effect::Save(vec![Change::Touched(h.now)]), Effect::Rewrite, Effect::ForgetRecovery]
    );
    assert_eq!(h.model.session.title, "Восстановлено");

    let mut h = Harness::example();
    h.send(Msg::OfferRecovery(Box::new(h.model.session.clone())));
    let effects = effects_of(&mut h, Msg::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)));
    assert_eq!(effects, [Effect::ForgetRecovery], "declined: forgotten, nothing saved");
}

#[test]
fn typing_in_a_form_or_the_capture_line_asks_for_the_draft_file() {
    let mut h = Harness::example();
    assert_eq!(effects_of(&mut h, key(':')), [Effect::SyncDraft]);
    assert_eq!(effects_of(&mut h, key('x')), [Effect::SyncDraft]);
    h.key(KeyCode::Esc);
    h.keys("3");
    assert_eq!(effects_of(&mut h, key('a')), [], "opening a form writes nothing yet");
    assert_eq!(effects_of(&mut h, key('W')), [Effect::SyncDraft]);
}
