//! The note-taker's capture line and the speaker queue, through `update`
//! with an injected clock.

mod common;

use common::Harness;
use kenesh::app::model::{Mode, Pane};
use kenesh::model::{EventKind, ProposalKind, StakeholderGroup};
use ratatui::crossterm::event::KeyCode;

fn capture_line(h: &Harness) -> String {
    match &h.model.mode {
        Mode::Capture(line) => line.input.value().to_owned(),
        other => panic!("capture line closed: {other:?}"),
    }
}

#[test]
fn a_need_with_settlement_and_author_in_one_line() {
    let mut h = Harness::fresh();
    h.keys("s"); // start the first agenda item
    let item = h.model.session.agenda[0].id;
    h.keys(":n Нет освещения на ул. Ленина #Ак-Жар @Асанова").key(KeyCode::Enter);
    assert_eq!(
        capture_line(&h),
        "n Нет освещения на ул. Ленина #Ак-Жар @Асанова",
        "a prefix waits"
    );
    h.keys("1");
    assert_eq!(capture_line(&h), "n Нет освещения на ул. Ленина #Ак-Жар @Асанова_Айгуль");
    h.key(KeyCode::Enter);
    let need = h.model.session.needs.last().unwrap();
    assert_eq!(need.title, "Нет освещения на ул. Ленина");
    assert_eq!(h.model.session.settlement_name(need.settlement), "Ак-Жар");
    assert_eq!(h.model.session.participant_name(need.raised_by), "Асанова Айгуль");
    let event = h.model.session.events.last().unwrap();
    assert!(matches!(&event.kind, EventKind::Captured { entity, agenda_item, .. }
        if *entity == need.id && *agenda_item == Some(item)));
    assert_eq!(event.at, h.now);
    assert_eq!(capture_line(&h), "", "the line stays open and empty for the next one");
    assert_eq!(h.model.pane(Pane::Needs).selected_id(), Some(need.id));
    h.key(KeyCode::Esc);
    assert!(matches!(h.model.mode, Mode::Normal));
}

#[test]
fn tab_completes_settlements_and_people_cyrillic_aware() {
    let mut h = Harness::fresh();
    h.keys(":n Яма на дороге #акж").key(KeyCode::Tab);
    assert_eq!(capture_line(&h), "n Яма на дороге #Ак-Жар");
    h.keys(" @асан").key(KeyCode::Tab);
    assert_eq!(capture_line(&h), "n Яма на дороге #Ак-Жар @Асанова_Айгуль");
    h.key(KeyCode::Enter);
    let need = h.model.session.needs.last().unwrap();
    assert_eq!(h.model.session.participant_name(need.raised_by), "Асанова Айгуль");
    assert_eq!(h.model.session.participants.len(), 21, "no one was created");
}

#[test]
fn repeated_tab_cycles_through_candidates() {
    let mut h = Harness::fresh();
    h.keys(":p x #ак").key(KeyCode::Tab);
    let first = capture_line(&h);
    h.key(KeyCode::Tab);
    let second = capture_line(&h);
    assert_ne!(first, second);
    assert!(first.starts_with("p x #Ак-") && second.starts_with("p x #Ак-"), "{first} / {second}");
}

#[test]
fn unknown_tags_create_the_settlement_and_the_person() {
    let mut h = Harness::fresh();
    let settlements = h.model.session.settlements.len();
    h.keys(":n Нет воды #Жаңы_Конуш @Иванов_Пётр").key(KeyCode::Enter);
    let s = &h.model.session;
    assert_eq!(s.settlements.len(), settlements + 1);
    let need = s.needs.last().unwrap();
    assert_eq!(s.settlement_name(need.settlement), "Жаңы Конуш");
    let person = s.participant(need.raised_by.unwrap()).unwrap();
    assert_eq!(person.name, "Иванов Пётр");
    assert!(person.present);
    // One undo takes the whole line back, new settlement and person included.
    h.keys("");
    h.key(KeyCode::Esc).keys("u");
    assert_eq!(h.model.session.settlements.len(), settlements);
    assert!(h.model.session.participants.iter().all(|p| p.name != "Иванов Пётр"));
}

#[test]
fn every_prefix_lands_where_it_belongs() {
    let mut h = Harness::fresh();
    h.keys("s:");
    let item = h.model.session.agenda[0].id;
    for line in [
        "a Подготовить смету @Ковалёв_Сергей",
        "p Провести встречу в Адилете",
        "d План принят",
        "l Транспорт обсудить отдельно",
        "+ Сыдыкова Асель #Ак-Жар",
        "! Дать слово мэрии до обеда",
    ] {
        h.keys(line).key(KeyCode::Enter);
        assert_eq!(capture_line(&h), "", "{line} was captured");
    }
    let s = &h.model.session;
    let action = s.actions.last().unwrap();
    assert_eq!(
        (action.what.as_str(), action.responsible.as_str()),
        ("Подготовить смету", "Ковалёв Сергей")
    );
    let kinds: Vec<ProposalKind> = s.proposals.iter().rev().take(3).map(|p| p.kind).collect();
    assert_eq!(kinds, [ProposalKind::ParkingLot, ProposalKind::Decision, ProposalKind::Proposal]);
    assert!(
        s.proposals.iter().rev().take(3).all(|p| p.agenda_item == Some(item) && p.time == h.now)
    );
    let person = s.participants.last().unwrap();
    assert_eq!(person.name, "Сыдыкова Асель");
    assert_eq!(person.group, StakeholderGroup::CommunityLeader);
    assert_eq!(s.settlement_name(person.settlement), "Ак-Жар");
    let note = s.private_notes.last().unwrap();
    assert_eq!((note.text.as_str(), note.agenda_item), ("Дать слово мэрии до обеда", Some(item)));
}

#[test]
fn a_bad_line_says_why_and_keeps_the_text() {
    let mut h = Harness::fresh();
    h.keys(":Нет света").key(KeyCode::Enter);
    assert_eq!(capture_line(&h), "Нет света");
    let Mode::Capture(line) = &h.model.mode else { unreachable!() };
    assert!(
        matches!(&line.feedback, Some(kenesh::app::capture_line::Feedback::Error(m)) if m.contains("n/т, a/ф, p/з"))
    );
    assert_eq!(h.model.save.revision, 0);
}

#[test]
fn up_and_down_recall_earlier_lines() {
    let mut h = Harness::fresh();
    h.keys(":p первое").key(KeyCode::Enter).keys("p второе").key(KeyCode::Enter);
    h.key(KeyCode::Up);
    assert_eq!(capture_line(&h), "p второе");
    h.key(KeyCode::Up);
    assert_eq!(capture_line(&h), "p первое");
    h.key(KeyCode::Down).key(KeyCode::Down);
    assert_eq!(capture_line(&h), "");
}

#[test]
fn timers_keep_running_while_the_capture_line_is_open() {
    let mut h = Harness::fresh();
    h.keys("s:n Нет");
    h.advance(90);
    assert_eq!(h.model.session.agenda[0].elapsed(h.now).num_seconds(), 90);
    assert_eq!(capture_line(&h), "n Нет");
}

#[test]
fn speaker_queue_turns_limits_and_totals_per_group() {
    let mut h = Harness::fresh();
    let people = h.model.session.participants.clone();
    let leader = people.iter().position(|p| p.group == StakeholderGroup::CommunityLeader).unwrap();
    let official = people.iter().position(|p| p.group == StakeholderGroup::CityHall).unwrap();

    let events_before = h.model.session.events.len();
    h.keys("s"); // item 1 running
    // Queue the leader from the participants pane, the official by capture.
    h.keys("2");
    for _ in 0..leader {
        h.keys("j");
    }
    h.keys("r");
    h.keys(&format!(":q @{}", kenesh::capture::tag_text(&people[official].name)))
        .key(KeyCode::Enter);
    h.key(KeyCode::Esc);
    assert_eq!(h.model.totals.queue.len(), 2);

    h.keys("t"); // leader speaks
    h.advance(150);
    h.keys("t"); // official speaks; leader's turn ends at 2:30
    h.advance(200);
    h.keys("x"); // official over the 3-minute limit, ended at 3:20
    let group = |g| kenesh::app::model::group_index(g);
    assert_eq!(h.model.totals.spoken_by_group[group(StakeholderGroup::CommunityLeader)], 150);
    assert_eq!(h.model.totals.spoken_by_group[group(StakeholderGroup::CityHall)], 200);
    assert_eq!(h.model.totals.spoken_by_person[leader], 150);

    // Next agenda item: the leader speaks again; totals add up across items.
    h.keys("1n");
    h.keys(&format!(":q @{}", kenesh::capture::tag_text(&people[leader].name))).key(KeyCode::Enter);
    h.key(KeyCode::Esc).keys("t");
    h.advance(60);
    let spoken = kenesh::ui::speakers::spoken_by_group(&h.model);
    assert_eq!(spoken[group(StakeholderGroup::CommunityLeader)], 210, "running turn counts live");
    h.keys("x");
    assert_eq!(h.model.totals.spoken_by_group[group(StakeholderGroup::CommunityLeader)], 210);

    let turns: Vec<_> = h.model.session.events[events_before..]
        .iter()
        .filter(|e| matches!(e.kind, EventKind::TurnStarted { .. } | EventKind::TurnEnded { .. }))
        .collect();
    assert_eq!(turns.len(), 6, "three turns started and ended in the event log");
}

#[test]
fn turn_colours_warn_at_80_percent_and_mark_overrun() {
    use kenesh::ui::{speakers::turn_style, theme};
    assert_eq!(turn_style(100, 180), theme::active());
    assert_eq!(turn_style(144, 180), theme::warning());
    assert_eq!(turn_style(180, 180), theme::overrun());
}

#[test]
fn queueing_without_a_running_item_explains() {
    let mut h = Harness::fresh();
    h.keys(":q @Асанова").key(KeyCode::Enter);
    let Mode::Capture(line) = &h.model.mode else { unreachable!() };
    assert!(matches!(&line.feedback, Some(kenesh::app::capture_line::Feedback::Error(_))));
    h.key(KeyCode::Esc).keys("2r");
    assert!(h.model.notice.is_some());
    assert!(h.model.session.speaker_turns.is_empty());
}

#[test]
fn proposals_view_promotes_and_links() {
    let mut h = Harness::fresh();
    h.keys("s:p Установить контейнеры в Ак-Жаре").key(KeyCode::Enter).key(KeyCode::Esc);
    assert_eq!(h.model.focus, Pane::Agenda);
    h.keys("5");
    assert_eq!(h.model.focus, Pane::Proposals);
    let proposal = h.model.session.proposals.last().unwrap().id;
    // Select it: it is the newest under the first agenda item.
    let row =
        h.model.pane(Pane::Proposals).rows.iter().position(|r| r.id() == Some(proposal)).unwrap();
    h.model.pane_mut(Pane::Proposals).selected = row;
    h.keys("l");
    let Mode::Form(_) = &h.model.mode else { panic!("link opens the form on the need field") };
    h.key(KeyCode::Right).key(KeyCode::Enter);
    let linked = h.model.session.proposals.last().unwrap().need;
    assert_eq!(linked, Some(h.model.session.needs[0].id));
    h.keys("A");
    let action = h.model.session.actions.last().unwrap();
    assert_eq!(action.origin, Some(proposal));
    assert_eq!(action.needs, vec![h.model.session.needs[0].id]);
    assert_eq!(action.what, "Установить контейнеры в Ак-Жаре");
    assert_eq!(action.responsible, "", "the proposal's author is not made responsible");
    let Mode::Form(form) = &h.model.mode else { panic!("A opens the new action's form") };
    assert_eq!(form.fields[form.focused].label(), "field-responsible");
    h.keys("Мэрия").key(KeyCode::Enter);
    assert_eq!(h.model.session.actions.last().unwrap().responsible, "Мэрия");
    h.keys("A");
    assert_eq!(h.model.session.actions.iter().filter(|a| a.origin == Some(proposal)).count(), 1);
    h.keys("c");
    assert_eq!(h.model.session.proposals.last().unwrap().kind, ProposalKind::Decision);
}

/// The line's feedback text, whichever kind.
fn feedback(h: &Harness) -> String {
    use kenesh::app::capture_line::Feedback;
    match &h.model.mode {
        Mode::Capture(line) => match &line.feedback {
            Some(Feedback::Captured(text) | Feedback::Error(text)) => text.clone(),
            None => String::new(),
        },
        other => panic!("capture line closed: {other:?}"),
    }
}

#[test]
fn a_one_letter_or_ambiguous_tag_creates_nobody() {
    let mut h = Harness::fresh();
    let people = h.model.session.participants.len();
    h.keys(":p Тест @К").key(KeyCode::Enter);
    assert_eq!(capture_line(&h), "p Тест @К", "refused, kept as typed");
    assert_eq!(h.model.session.participants.len(), people);
    assert_eq!(h.model.save.revision, 0, "nothing captured");
    // Several people have a name starting "Ка": the line lists them and waits.
    h.ctrl('u').keys("d Решили @Ка").key(KeyCode::Enter);
    let Mode::Capture(line) = &h.model.mode else { unreachable!() };
    let offered = line.completion.as_ref().expect("candidates shown").candidates.clone();
    assert!(offered.len() >= 2 && offered.contains(&"Кадыров Нурлан".into()), "{offered:?}");
    assert!(feedback(&h).contains("«Ка»"), "{}", feedback(&h));
    assert_eq!(h.model.session.participants.len(), people);
    // Tab takes the first candidate, a second Tab the next; Enter captures.
    h.key(KeyCode::Tab).key(KeyCode::Tab);
    assert_eq!(capture_line(&h), format!("d Решили @{}", kenesh::capture::tag_text(&offered[1])));
    h.key(KeyCode::Enter);
    let decision = h.model.session.proposals.last().unwrap();
    assert_eq!(h.model.session.participant_name(decision.author), offered[1]);
    assert_eq!(h.model.session.participants.len(), people, "still nobody new");
}

#[test]
fn a_digit_picks_a_candidate_for_a_tag_in_the_middle() {
    let mut h = Harness::fresh();
    h.keys(":n Свет #ак на улице").key(KeyCode::Enter);
    let Mode::Capture(line) = &h.model.mode else { unreachable!() };
    let second = line.completion.as_ref().unwrap().candidates[1].clone();
    h.keys("2");
    assert_eq!(
        capture_line(&h),
        format!("n Свет #{} на улице", kenesh::capture::tag_text(&second)),
        "the tag is replaced where it stands"
    );
    h.keys("9");
    assert!(capture_line(&h).ends_with("улице9"), "without an offer a digit is typed");
}

#[test]
fn a_new_name_says_so_and_a_known_name_asks_first() {
    let mut h = Harness::fresh();
    let people = h.model.session.participants.len();
    h.keys(":n Нет воды @Юсупова_Динара").key(KeyCode::Enter);
    assert!(feedback(&h).contains("new participant Юсупова Динара"), "{}", feedback(&h));
    assert_eq!(h.model.session.participants.len(), people + 1);

    h.keys("+ асанова айгуль").key(KeyCode::Enter);
    assert!(feedback(&h).contains("Асанова Айгуль"), "{}", feedback(&h));
    assert_eq!(h.model.session.participants.len(), people + 1, "asked, not added");
    h.key(KeyCode::Enter);
    assert_eq!(h.model.session.participants.len(), people + 2, "Enter again adds");
}
