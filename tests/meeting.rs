//! The live meeting through `update` with an injected clock: turns stay
//! inside their items, the queue follows the meeting, meeting keys work
//! from every pane.

mod common;

use common::Harness;
use kenesh::export::{Filters, Report};
use kenesh::model::{AgendaStatus, Id, Session, StakeholderGroup};
use kenesh::store::Loaded;
use proptest::prelude::*;

/// Selects participant `index` in the participants pane.
fn select_person(h: &mut Harness, index: usize) {
    h.keys("2g");
    for _ in 0..index {
        h.keys("j");
    }
}

fn queue(h: &mut Harness, index: usize) -> Id {
    select_person(h, index);
    h.keys("r");
    h.model.session.participants[index].id
}

/// The running item's queue, in order.
fn queued(session: &Session) -> Vec<Id> {
    let item = session.active_item().map(|a| a.id);
    session
        .speaker_turns
        .iter()
        .filter(|t| Some(t.agenda_item) == item && t.is_queued())
        .map(|t| t.participant)
        .collect()
}

#[test]
fn next_item_ends_the_running_turn_at_that_moment() {
    let mut h = Harness::fresh();
    h.keys("s");
    let first = h.model.session.agenda[0].id;
    queue(&mut h, 0);
    h.keys("t");
    h.advance(90);
    h.keys("1n");
    let ended_at = h.now;
    h.advance(60);
    let s = &h.model.session;
    let turn = s.speaker_turns.iter().find(|t| t.agenda_item == first).unwrap();
    assert_eq!(turn.ended, Some(ended_at), "the turn ended with its item");
    assert!(s.speaker_turns.iter().all(|t| !t.is_speaking()), "nobody speaks into the next item");
    assert_eq!(turn.duration(h.now).num_seconds(), 90);
}

#[test]
fn stopping_an_item_with_s_ends_the_turn_too() {
    let mut h = Harness::fresh();
    h.keys("s");
    queue(&mut h, 1);
    h.keys("t");
    h.advance(30);
    h.keys("1gs");
    assert_eq!(h.model.session.agenda[0].status, AgendaStatus::Done);
    let turn = &h.model.session.speaker_turns[0];
    assert_eq!(turn.ended, Some(h.now));
}

#[test]
fn the_queue_of_an_ending_item_is_carried_to_the_next_and_said_so() {
    let mut h = Harness::fresh();
    h.keys("s");
    let a = queue(&mut h, 0);
    let b = queue(&mut h, 1);
    h.keys("1n");
    assert_eq!(h.model.session.active_item().unwrap().id, h.model.session.agenda[1].id);
    assert_eq!(queued(&h.model.session), [a, b], "same people, same order, in the new item");
    let notice = h.model.notice.clone().unwrap_or_default();
    assert!(notice.contains("2 queued speakers carried"), "{notice}");
    // One key drops the carried queue.
    h.keys("X");
    assert!(queued(&h.model.session).is_empty());
    assert!(h.model.session.speaker_turns.iter().all(|t| !t.is_queued()));
}

#[test]
fn a_queue_left_when_the_last_item_stops_moves_to_the_next_started() {
    let mut h = Harness::fresh();
    h.keys("s");
    let a = queue(&mut h, 3);
    h.keys("1gs"); // stop: no item runs, the queue waits
    h.keys("js"); // start item 2
    assert_eq!(queued(&h.model.session), [a]);
}

#[test]
fn queued_speakers_can_be_removed_and_reordered_from_the_participants_pane() {
    let mut h = Harness::fresh();
    h.keys("s");
    let a = queue(&mut h, 0);
    let b = queue(&mut h, 1);
    let c = queue(&mut h, 2);
    select_person(&mut h, 2);
    h.keys("K");
    assert_eq!(queued(&h.model.session), [a, c, b]);
    h.keys("K");
    assert_eq!(queued(&h.model.session), [c, a, b]);
    h.keys("K");
    assert_eq!(queued(&h.model.session), [c, a, b], "first stays first");
    assert!(h.model.notice.is_some(), "and says why nothing moved");
    select_person(&mut h, 0);
    h.keys("J");
    assert_eq!(queued(&h.model.session), [c, b, a]);
    select_person(&mut h, 1);
    h.keys("R");
    assert_eq!(queued(&h.model.session), [c, a]);
    h.keys("t");
    let speaking = h.model.session.speaker_turns.iter().find(|t| t.is_speaking()).unwrap();
    assert_eq!(speaking.participant, c, "the floor goes by the edited order");
    h.keys("u");
    assert!(h.model.session.speaker_turns.iter().all(|t| !t.is_speaking()));
}

#[test]
fn queue_keys_are_in_the_help_with_their_cyrillic_twins() {
    let mut h = Harness::fresh();
    h.keys("?");
    let help: Vec<String> =
        kenesh::ui::help::lines(&h.model).iter().map(ToString::to_string).collect();
    let help = help.join("\n");
    for text in ["R / К", "K / Л", "J / О", "X / Ч"] {
        assert!(help.contains(text), "{text} missing from help");
    }
}

#[test]
fn n_starts_the_first_pending_item_wherever_it_is() {
    let mut h = Harness::fresh();
    let last = h.model.session.agenda.len() - 1;
    h.keys("G").keys("s"); // the last item runs; all before it are pending
    assert_eq!(h.model.session.agenda[last].status, AgendaStatus::Active);
    h.keys("n");
    assert_eq!(h.model.session.agenda[last].status, AgendaStatus::Done);
    assert_eq!(h.model.session.agenda[0].status, AgendaStatus::Active);
}

/// One step of a meeting, as keys.
#[derive(Debug, Clone)]
enum Step {
    StartStop(usize),
    Next,
    Queue(usize),
    Floor,
    EndTurn,
    Drop,
    Wait(i64),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (0usize..5).prop_map(Step::StartStop),
        Just(Step::Next),
        (0usize..6).prop_map(Step::Queue),
        Just(Step::Floor),
        Just(Step::EndTurn),
        Just(Step::Drop),
        (1i64..400).prop_map(Step::Wait),
    ]
}

fn run(h: &mut Harness, step: &Step) {
    match step {
        Step::StartStop(i) => {
            h.keys("1g");
            for _ in 0..*i {
                h.keys("j");
            }
            h.keys("s");
        }
        Step::Next => {
            h.keys("1n");
        }
        Step::Queue(i) => {
            queue(h, *i);
        }
        Step::Floor => {
            h.keys("t");
        }
        Step::EndTurn => {
            h.keys("x");
        }
        Step::Drop => {
            h.keys("X");
        }
        Step::Wait(s) => {
            h.advance(*s);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// The minutes' speaking-time totals (per participant and per group,
    /// in seconds, as the export computes them before formatting) equal
    /// the sum over the session's turns, once the last turn has ended.
    #[test]
    fn the_minutes_totals_equal_the_sum_of_turns(steps in prop::collection::vec(step(), 1..40)) {
        let mut h = Harness::fresh();
        for step in &steps {
            run(&mut h, step);
        }
        h.keys("x");
        let session = h.model.session.clone();
        prop_assert!(session.speaker_turns.iter().all(|t| !t.is_speaking()));
        let of = |keep: &dyn Fn(Id) -> bool| -> i64 {
            session
                .speaker_turns
                .iter()
                .filter(|t| keep(t.participant))
                .map(|t| t.duration(h.now).num_seconds())
                .sum()
        };
        let loaded = Loaded::Session(session.clone());
        let report = Report::new(&loaded, &Filters::default());
        let by_person = report.speaking_by_person();
        for (p, seconds) in session.participants.iter().zip(&by_person) {
            prop_assert_eq!(*seconds, of(&|id| id == p.id), "{}: {:?}", p.name, steps);
        }
        for (group, seconds) in StakeholderGroup::ALL.iter().zip(report.speaking_by_group()) {
            let in_group = |id: Id| session.participants.iter().any(|p| p.id == id && p.group == *group);
            prop_assert_eq!(seconds, of(&in_group), "{:?}: {:?}", group, steps);
        }
        prop_assert_eq!(by_person.iter().sum::<i64>(), of(&|_| true));
    }

    /// For every item, the speaking time over its turns is at most the
    /// item's elapsed time, and every turn lies inside one of its runs.
    #[test]
    fn speaking_time_never_exceeds_its_items_time(steps in prop::collection::vec(step(), 1..40)) {
        let mut h = Harness::fresh();
        for step in &steps {
            run(&mut h, step);
            let s = &h.model.session;
            for item in &s.agenda {
                let turns = s.speaker_turns.iter().filter(|t| t.agenda_item == item.id);
                let spoken: i64 = turns.clone().map(|t| t.duration(h.now).num_seconds()).sum();
                prop_assert!(spoken <= item.elapsed(h.now).num_seconds(), "{}: {steps:?}", item.title);
                for turn in turns.filter(|t| t.started.is_some()) {
                    let (from, to) = (turn.started.unwrap(), turn.ended.unwrap_or(h.now));
                    let inside = item.runs.iter().any(|r| r.start <= from && to <= r.end.unwrap_or(h.now));
                    prop_assert!(inside, "turn outside its item's runs: {steps:?}");
                }
            }
        }
    }
}

#[test]
fn meeting_keys_work_from_every_pane_and_the_projector() {
    let mut h = Harness::fresh();
    h.keys("2n");
    assert_eq!(h.model.session.agenda[0].status, AgendaStatus::Active, "n in participants");
    queue(&mut h, 0);
    h.keys("3t");
    assert!(h.model.session.speaker_turns[0].is_speaking(), "t in needs");
    h.keys("4x");
    assert!(!h.model.session.speaker_turns[0].is_speaking(), "x in the action plan");
    h.keys("3s");
    assert_eq!(h.model.session.agenda[0].status, AgendaStatus::Done, "s in needs stops the item");
    assert_eq!(h.model.focus, kenesh::app::model::Pane::Needs, "and focus stays");
    h.keys("p");
    assert!(h.model.projector.is_some());
    h.keys("n");
    assert_eq!(h.model.session.agenda[1].status, AgendaStatus::Active, "n on the projector");
    h.keys("s");
    assert_eq!(h.model.session.agenda[1].status, AgendaStatus::Done, "s on the projector");
    assert!(h.model.projector.is_some(), "the projector stays up");
}

#[test]
fn a_key_that_does_nothing_here_says_where_it_works() {
    let mut h = Harness::fresh();
    h.keys("3 ");
    let notice = h.model.notice.clone().unwrap_or_default();
    assert_eq!(notice, "Space works in: Participants");
    h.keys("A");
    let notice = h.model.notice.clone().unwrap_or_default();
    assert!(notice.starts_with("A works in: Proposals"), "{notice}");
    assert_eq!(h.model.save.revision, 0, "nothing changed");
}

#[test]
fn editor_timers_change_colour_where_the_projector_ones_do() {
    use kenesh::ui::projector::theme::{Theme, ThemeName};
    use kenesh::ui::{agenda::item_timer, theme};
    let projector = Theme::of(ThemeName::Dark);
    let mut h = Harness::fresh();
    h.keys("s");
    let item = h.model.session.agenda[0].clone();
    let planned = item.planned().num_seconds();
    let mut stages = Vec::new();
    for used in [0, planned * 79 / 100, planned * 4 / 5, planned - 1, planned, planned * 2] {
        let at = item.runs[0].start + chrono::TimeDelta::seconds(used);
        let colour = projector.timer(used, planned).fg;
        let expected = if colour == Some(projector.over) {
            theme::overrun()
        } else if colour == Some(projector.warn) {
            theme::warning()
        } else {
            theme::active()
        };
        assert_eq!(item_timer(&item, at), expected, "{used} s of {planned}");
        stages.push(expected);
    }
    assert!(stages.contains(&theme::warning()), "a yellow stage from 80%");

    // The status bar's running timer is drawn in that colour.
    h.advance(planned * 85 / 100);
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
    terminal.draw(|frame| kenesh::ui::render(&h.model, frame)).unwrap();
    let buffer = terminal.backend().buffer();
    let bar = (0..120).map(|x| &buffer[(x, 39)]).collect::<Vec<_>>();
    let at = bar.iter().position(|c| c.symbol() == "▶").expect("the running timer");
    assert_eq!(bar[at].fg, theme::warning().fg.unwrap());
}

fn screen_text(h: &Harness, width: u16, height: u16) -> String {
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| kenesh::ui::render(&h.model, frame)).unwrap();
    let buffer = terminal.backend().buffer();
    (0..height)
        .map(|y| (0..width).map(|x| buffer[(x, y)].symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn help_scrolls_to_its_true_end_and_no_further() {
    for (width, height) in [(120, 40), (80, 24)] {
        let mut h = Harness::fresh();
        h.send(kenesh::app::Msg::Resize(width, height));
        h.keys("?").key(ratatui::crossterm::event::KeyCode::End);
        let screen = screen_text(&h, width, height);
        // The help's last line is the last scope's (`kenesh present`) last key.
        assert!(screen.contains("Next colours"), "{width}×{height}: the last line\n{screen}");
        let kenesh::app::model::Mode::Help { scroll } = h.model.mode else { panic!("help closed") };
        h.keys("jjj");
        let kenesh::app::model::Mode::Help { scroll: after } = h.model.mode else { panic!() };
        assert_eq!(after, scroll, "nothing to scroll past the end");
        h.keys("g");
        assert!(screen_text(&h, width, height).contains("Everywhere"), "g goes back to the top");
    }
}

#[test]
fn the_queue_is_one_person_a_line_when_the_pane_has_room() {
    let mut h = Harness::fresh();
    h.send(kenesh::app::Msg::Resize(120, 40));
    h.keys("s");
    let names: Vec<String> = (0..3).map(|i| h.model.session.participants[i].name.clone()).collect();
    for i in 0..3 {
        queue(&mut h, i);
    }
    let screen = screen_text(&h, 120, 40);
    for (n, name) in names.iter().enumerate() {
        let line = screen.lines().find(|l| l.contains(&format!("{}. {name}", n + 1)));
        let line = line.unwrap_or_else(|| panic!("{name} on a line of their own\n{screen}"));
        for other in names.iter().filter(|o| *o != name) {
            assert!(!line.contains(other.as_str()), "one person a line: {line}");
        }
    }
    assert!(screen.contains("Speaking time by group"), "the bars keep a place\n{screen}");
}

#[test]
fn agenda_titles_take_the_room_the_time_column_does_not_need() {
    let mut h = Harness::fresh();
    h.send(kenesh::app::Msg::Resize(120, 40));
    let screen = screen_text(&h, 120, 40);
    // Before the meeting the times are "20′": titles get the columns.
    let title: String = h.model.session.agenda[1].title.chars().take(32).collect();
    assert!(screen.contains(&title), "{title}\n{screen}");
}
