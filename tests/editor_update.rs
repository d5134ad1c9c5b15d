//! Key sequences → model changes, through the pure `update`.

mod common;

use common::Harness;
use kenesh::app::Msg;
use kenesh::app::model::{Mode, Pane};
use kenesh::model::{ActionStatus, AgendaStatus, EventKind};
use ratatui::crossterm::event::KeyCode;

#[test]
fn tab_and_digits_switch_panes() {
    let mut h = Harness::example();
    assert_eq!(h.model.focus, Pane::Agenda);
    h.key(KeyCode::Tab);
    assert_eq!(h.model.focus, Pane::Participants);
    h.key(KeyCode::BackTab).key(KeyCode::BackTab);
    assert_eq!(h.model.focus, Pane::Proposals, "Tab also reaches the proposals view");
    h.keys("3");
    assert_eq!(h.model.focus, Pane::Needs);
}

#[test]
fn add_a_need_through_the_form_then_undo_and_redo() {
    let mut h = Harness::example();
    let before = h.model.session.needs.len();
    h.keys("3a").keys("Нет освещения на ул. Ленина");
    assert!(matches!(h.model.mode, Mode::Form(_)));
    h.key(KeyCode::Enter);
    assert!(matches!(h.model.mode, Mode::Normal));
    assert_eq!(h.model.session.needs.len(), before + 1);
    assert_eq!(h.selected_title(), "Нет освещения на ул. Ленина", "the new row is selected");
    assert_eq!(h.model.save.revision, 1, "one change to save");

    h.keys("u");
    assert_eq!(h.model.session.needs.len(), before);
    h.ctrl('r');
    assert_eq!(h.model.session.needs.len(), before + 1);
}

#[test]
fn a_required_field_left_empty_keeps_the_form_open() {
    let mut h = Harness::example();
    h.keys("3a").key(KeyCode::Enter);
    let Mode::Form(form) = &h.model.mode else { panic!("form closed") };
    assert_eq!(form.error.as_ref().map(|e| e.0), Some(kenesh::app::form::FieldId::Title));
}

#[test]
fn a_bad_deadline_shows_a_message_and_keeps_everything_typed() {
    let mut h = Harness::example();
    let before = h.model.session.actions.len();
    h.keys("4a").keys("Провести встречу");
    for _ in 0..4 {
        h.key(KeyCode::Tab);
    }
    h.keys("31.13.2027").key(KeyCode::Enter);
    let Mode::Form(form) = &h.model.mode else { panic!("form closed") };
    let (field, message) = form.error.clone().unwrap();
    assert_eq!(field.label(), "field-deadline");
    assert!(message.contains("31.03.2027"), "{message}");
    assert_eq!(h.model.session.actions.len(), before);

    h.ctrl('u').keys("31.03.2027").key(KeyCode::Enter);
    assert!(matches!(h.model.mode, Mode::Normal));
    let added = h.model.session.actions.iter().find(|a| a.what == "Провести встречу").unwrap();
    assert_eq!(added.deadline, chrono::NaiveDate::from_ymd_opt(2027, 3, 31));
}

#[test]
fn edit_a_participant_and_pick_a_new_settlement() {
    let mut h = Harness::example();
    h.keys("2").key(KeyCode::Enter);
    h.ctrl('u').keys("Асанова Айгүл");
    // Name → organisation → group → settlement; End picks "new settlement…".
    h.key(KeyCode::Tab).key(KeyCode::Tab).key(KeyCode::Tab).key(KeyCode::End).keys("Жаңы-Жер");
    h.key(KeyCode::Enter);
    let person = &h.model.session.participants[0];
    assert_eq!(person.name, "Асанова Айгүл");
    let settlement = h.model.session.settlement(person.settlement.unwrap()).unwrap();
    assert_eq!(settlement.name, "Жаңы-Жер");
    h.keys("u");
    assert_eq!(h.model.session.participants[0].name, "Асанова Айгуль");
    assert!(
        h.model.session.settlements.iter().all(|s| s.name != "Жаңы-Жер"),
        "one undo, whole edit"
    );
}

#[test]
fn delete_is_undoable_and_restores_the_position_and_the_links() {
    let mut h = Harness::example();
    let original = h.model.session.clone();
    h.keys("3");
    let need = h.model.pane(Pane::Needs).selected_id().unwrap();
    assert!(original.actions.iter().any(|a| a.needs.contains(&need)));
    h.keys("d");
    assert!(h.model.session.need(need).is_none());
    assert!(h.model.session.actions.iter().all(|a| !a.needs.contains(&need)), "links cleared");
    h.keys("u");
    assert_eq!(same_content(&h.model.session.needs), same_content(&original.needs));
    assert_eq!(same_content(&h.model.session.actions), same_content(&original.actions));
}

/// Entities with `updated` blanked: undo restores the content, while the
/// timestamp moves on (see `undo_is_a_newer_version_for_merging`).
fn same_content<T: serde::Serialize>(items: &[T]) -> Vec<serde_json::Value> {
    items
        .iter()
        .map(|x| {
            let mut v = serde_json::to_value(x).unwrap();
            v.as_object_mut().unwrap().remove("updated");
            v
        })
        .collect()
}

#[test]
fn undo_is_a_newer_version_for_merging() {
    let mut h = Harness::example();
    h.keys("3c");
    let id = h.model.pane(Pane::Needs).selected_id().unwrap();
    let voted = h.model.session.need(id).unwrap().updated;
    assert_eq!(voted, h.now);
    h.keys("u");
    let undone = h.model.session.need(id).unwrap().clone();
    assert!(undone.updated > voted, "the undo must win over the edit it undoes in a merge");
    h.keys("cc");
    assert!(
        h.model.session.need(id).unwrap().updated > undone.updated,
        "even with the clock standing still"
    );
}

#[test]
fn undo_reaches_back_more_than_200_steps() {
    let mut h = Harness::example();
    let original = h.model.session.needs.clone();
    h.keys("3j");
    for _ in 0..250 {
        h.keys("+");
    }
    assert_eq!(h.model.save.revision, 250);
    for _ in 0..250 {
        h.keys("u");
    }
    assert_eq!(same_content(&h.model.session.needs), same_content(&original));
    assert!(!h.model.history.can_undo());
}

#[test]
fn votes_sort_the_needs_within_their_group() {
    let mut h = Harness::example();
    h.keys("3j"); // Ак-Жар group: first need (14 votes), then this one (11)
    assert_eq!(h.selected_title(), "Нет школы в шаговой доступности");
    h.keys("++++");
    assert_eq!(h.selected_title(), "Нет школы в шаговой доступности", "selection follows the need");
    assert_eq!(h.model.pane(Pane::Needs).selected, 1, "it moved to the top of its group");
    h.keys("-");
    let need = h.model.session.needs.iter().find(|n| n.title.starts_with("Нет школы")).unwrap();
    assert_eq!(need.votes, 14);
}

#[test]
fn grouping_toggles_between_settlement_and_category() {
    let mut h = Harness::example();
    h.keys("3");
    let first_group = |h: &Harness| match &h.model.pane(Pane::Needs).rows[0] {
        kenesh::app::rows::Row::Group { label, .. } => label.clone(),
        _ => panic!("first row is a group"),
    };
    assert_eq!(first_group(&h), "Ак-Жар");
    h.keys("o");
    assert_eq!(first_group(&h), "Roads");
}

#[test]
fn space_toggles_present_and_the_counts_follow() {
    let mut h = Harness::example();
    let present = h.model.totals.present;
    h.keys("2 ");
    assert_eq!(h.model.totals.present, present - 1);
    assert!(!h.model.session.participants[0].present);
    h.keys(" ");
    assert_eq!(h.model.totals.present, present);
}

#[test]
fn action_status_cycles() {
    let mut h = Harness::example();
    h.keys("4");
    let status = |h: &Harness| h.model.session.actions[0].status;
    assert_eq!(status(&h), ActionStatus::Agreed);
    h.keys("c");
    assert_eq!(status(&h), ActionStatus::InProgress);
}

#[test]
fn agenda_timer_runs_on_wall_clock_and_survives_a_restart() {
    let mut session = common::load_session(&common::bishkek_example());
    for item in &mut session.agenda {
        item.status = AgendaStatus::Pending;
        item.runs.clear();
    }
    let mut h = Harness::with(session);
    let started = h.now;
    h.keys("s");
    let first = h.model.session.agenda[0].clone();
    assert_eq!(first.status, AgendaStatus::Active);
    h.advance(5 * 60);
    assert_eq!(h.model.session.agenda[0].elapsed(h.now).num_minutes(), 5);

    // Restart: save, load the text back into a new editor two minutes later.
    let text = kenesh::store::to_ron(&h.model.session).unwrap();
    let reloaded = match kenesh::store::parse_str(std::path::Path::new("x.ron"), &text).unwrap() {
        kenesh::store::Loaded::Session(s) => s,
        _ => unreachable!(),
    };
    let mut h2 = Harness::with(reloaded);
    h2.now = started + chrono::TimeDelta::minutes(7);
    h2.send(Msg::Tick);
    assert_eq!(h2.model.session.agenda[0].elapsed(h2.now).num_minutes(), 7);
    assert_eq!(h2.model.totals.active_item, Some(0));

    // n ends the running item and starts the next; both land in the log.
    h2.keys("n");
    assert_eq!(h2.model.session.agenda[0].status, AgendaStatus::Done);
    assert_eq!(h2.model.session.agenda[1].status, AgendaStatus::Active);
    assert_eq!(h2.selected_title(), h2.model.session.agenda[1].title, "selection follows");
    let log: Vec<&EventKind> =
        h2.model.session.events.iter().rev().take(3).map(|e| &e.kind).collect();
    assert!(
        matches!(log[0], EventKind::AgendaStarted { item } if *item == h2.model.session.agenda[1].id)
    );
    assert!(matches!(log[1], EventKind::AgendaStopped { item } if *item == first.id));
    assert!(matches!(log[2], EventKind::AgendaStarted { item } if *item == first.id));
}

#[test]
fn starting_another_item_stops_the_running_one() {
    let mut h = Harness::example();
    h.keys("s");
    h.advance(60);
    h.keys("js");
    let active: Vec<usize> = h
        .model
        .session
        .agenda
        .iter()
        .enumerate()
        .filter(|(_, a)| a.status == AgendaStatus::Active)
        .map(|(i, _)| i)
        .collect();
    assert_eq!(active, [1], "one item is active at a time");
    h.keys("s");
    assert!(h.model.session.active_item().is_none(), "s on the running item stops it");
}

#[test]
fn a_pasted_text_never_runs_commands() {
    let mut h = Harness::example();
    h.send(Msg::Paste("q\nd\nu a".into()));
    assert_eq!(h.quit(), None);
    assert!(matches!(h.model.mode, Mode::Normal));
    assert_eq!(h.model.save.revision, 0);
    // In a form it is text, on one line.
    h.keys("3a").send(Msg::Paste("Нет воды\nв домах".into())).key(KeyCode::Enter);
    assert!(h.model.session.needs.iter().any(|n| n.title == "Нет воды в домах"));
}

#[test]
fn filter_narrows_the_focused_pane() {
    let mut h = Harness::example();
    h.keys("2/");
    h.keys("ак-жар");
    assert_eq!(h.model.pane(Pane::Participants).rows.len(), 1, "settlement matches, any case");
    h.key(KeyCode::Enter);
    assert_eq!(h.model.pane(Pane::Participants).filter, "ак-жар");
    h.keys("/").key(KeyCode::Esc);
    assert_eq!(h.model.pane(Pane::Participants).rows.len(), h.model.session.participants.len());
    h.keys("/").keys("donor").key(KeyCode::Enter);
    assert_eq!(h.model.pane(Pane::Participants).rows.len(), 2, "group names match too");
}

#[test]
fn quit_is_immediate_when_saved_and_asks_when_not() {
    let mut h = Harness::example();
    h.keys("q");
    assert_eq!(h.quit(), Some(false));

    let mut h = Harness::example();
    h.keys("3+");
    h.send(Msg::SaveFailed { revision: 1, error: "disk full".into() });
    h.keys("q");
    assert_eq!(h.quit(), None);
    assert!(matches!(h.model.mode, Mode::ConfirmQuit));
    h.keys("n");
    assert!(matches!(h.model.mode, Mode::Normal));
    h.keys("qy");
    assert_eq!(h.quit(), Some(true), "quitting keeps a recovery copy");
}

#[test]
fn saved_only_after_the_edge_says_so() {
    let mut h = Harness::example();
    h.keys("3+");
    assert!(h.model.save.is_dirty());
    h.send(Msg::SaveFailed { revision: 1, error: "read-only".into() });
    assert_eq!(h.model.save.error.as_deref(), Some("read-only"));
    h.send(Msg::Saved { revision: 1 });
    assert!(!h.model.save.is_dirty());
    assert!(h.model.save.error.is_none());
    assert_eq!(h.model.save.saved_at, Some(h.now));
}

#[test]
fn a_click_focuses_the_pane_and_selects_the_row() {
    use ratatui::crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
    let mut h = Harness::example();
    h.send(Msg::Resize(120, 40));
    let click = |column, row| {
        Msg::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })
    };
    // Participants pane starts at x=44; its rows start at y=3 (border, summary, header).
    h.send(click(50, 5));
    assert_eq!(h.model.focus, Pane::Participants);
    assert_eq!(h.model.pane(Pane::Participants).selected, 2);
    assert_eq!(h.selected_title(), h.model.session.participants[2].name);
}

#[test]
fn the_session_form_edits_title_and_date() {
    let mut h = Harness::example();
    h.keys("i").ctrl('u').keys("Круглый стол в Оше").key(KeyCode::Tab).ctrl('u').keys("03.12.2026");
    h.key(KeyCode::Enter);
    assert_eq!(h.model.session.title, "Круглый стол в Оше");
    assert_eq!(h.model.session.date, chrono::NaiveDate::from_ymd_opt(2026, 12, 3).unwrap());
    h.keys("u");
    assert!(h.model.session.title.starts_with("Круглый стол «Аракет»"));
}

#[test]
fn a_settlement_is_renamed_from_the_needs_board() {
    let mut h = Harness::example();
    h.keys("3S");
    assert!(matches!(h.model.mode, Mode::Form(_)));
    h.ctrl('u')
        .keys("Ак-Жар (Бишкек)")
        .key(KeyCode::Tab)
        .ctrl('u')
        .keys("Бишкек")
        .key(KeyCode::Enter);
    let renamed = &h.model.session.settlements[0];
    assert_eq!((renamed.name.as_str(), renamed.city.as_str()), ("Ак-Жар (Бишкек)", "Бишкек"));
    h.keys("u");
    assert_eq!(h.model.session.settlements[0].name, "Ак-Жар");
}

#[test]
fn typing_into_a_field_with_a_default_replaces_it_and_end_edits_it() {
    let mut h = Harness::example();
    h.keys("1a").keys("Итоги");
    h.key(KeyCode::Tab).key(KeyCode::Tab).keys("20").key(KeyCode::Enter);
    let added = h.model.session.agenda.iter().find(|a| a.title == "Итоги").unwrap();
    assert_eq!(added.planned_minutes, 20, "20 replaces the default 15, not 1520");

    h.keys("1a").keys("Разное");
    h.key(KeyCode::Tab).key(KeyCode::Tab).key(KeyCode::End).key(KeyCode::Backspace).keys("0");
    h.key(KeyCode::Enter);
    let added = h.model.session.agenda.iter().find(|a| a.title == "Разное").unwrap();
    assert_eq!(added.planned_minutes, 10, "End keeps the value for editing");
}

#[test]
fn editing_a_row_selects_its_text_so_typing_replaces_and_arrows_keep_it() {
    let mut h = Harness::example();
    h.keys("3").key(KeyCode::Enter);
    let old = h.selected_title();
    h.keys("Новый заголовок").key(KeyCode::Enter);
    assert_eq!(h.selected_title(), "Новый заголовок");
    h.key(KeyCode::Enter).key(KeyCode::Left).keys("!").key(KeyCode::Enter);
    assert_eq!(h.selected_title(), "Новый заголово!к");
    assert_ne!(old, h.selected_title());
}

#[test]
fn an_impossible_date_says_what_is_wrong() {
    let mut h = Harness::example();
    h.keys("4a").keys("Провести встречу");
    for _ in 0..4 {
        h.key(KeyCode::Tab);
    }
    h.keys("31.02.2027").key(KeyCode::Enter);
    let Mode::Form(form) = &h.model.mode else { panic!("form closed") };
    let (_, message) = form.error.clone().unwrap();
    assert_eq!(message, "31.02.2027 does not exist: 02.2027 has 28 days");
    h.ctrl('u').keys("2028-02-30").key(KeyCode::Enter);
    let Mode::Form(form) = &h.model.mode else { panic!("form closed") };
    assert_eq!(form.error.clone().unwrap().1, "30.02.2028 does not exist: 02.2028 has 29 days");
}

#[test]
fn adding_a_participant_whose_name_is_listed_asks_first() {
    let mut h = Harness::example();
    let before = h.model.session.participants.len();
    h.keys("2a").keys("асанова  айгуль").key(KeyCode::Enter);
    let Mode::Form(form) = &h.model.mode else { panic!("the form asks first") };
    assert!(form.error.clone().unwrap().1.contains("Асанова Айгуль is already listed"));
    assert_eq!(h.model.session.participants.len(), before);
    h.key(KeyCode::Enter);
    assert!(matches!(h.model.mode, Mode::Normal));
    assert_eq!(h.model.session.participants.len(), before + 1, "Enter again adds");
}
