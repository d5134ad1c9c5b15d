//! The editor typed on a Russian or Kyrgyz keyboard, without switching
//! layouts: commands by key position, Cyrillic capture prefixes, `№` and
//! bare-name tags, and a config override written in Cyrillic.

mod common;

use common::Harness;
use kenesh::app::model::{Mode, Pane};
use kenesh::model::AgendaStatus;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;

fn screen(h: &Harness) -> String {
    let mut terminal = Terminal::new(TestBackend::new(120, 30)).unwrap();
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

fn capture_text(h: &Harness) -> String {
    match &h.model.mode {
        Mode::Capture(line) => line.input.value().to_owned(),
        other => panic!("capture line closed: {other:?}"),
    }
}

#[test]
fn pane_commands_answer_to_the_russian_keys() {
    let mut h = Harness::fresh();
    assert_eq!(h.model.focus, Pane::Agenda);
    h.keys("ы"); // s: start the selected item
    assert_eq!(h.model.session.agenda[0].status, AgendaStatus::Active);
    h.keys("т"); // n: next item
    assert_eq!(h.model.session.agenda[1].status, AgendaStatus::Active);
    h.keys("г"); // u: undo
    assert_eq!(h.model.session.agenda[1].status, AgendaStatus::Pending);
    h.ctrl('к'); // Ctrl-r: redo
    assert_eq!(h.model.session.agenda[1].status, AgendaStatus::Active);
    h.keys("3о"); // needs, j: down
    assert_eq!(h.model.focus, Pane::Needs);
    assert_eq!(h.model.pane(Pane::Needs).selected, 2, "{}", h.selected_title());
}

#[test]
fn help_projector_and_quit_answer_in_cyrillic_too() {
    let mut h = Harness::fresh();
    h.keys("?");
    assert!(matches!(h.model.mode, Mode::Help { .. }));
    h.keys("й"); // q closes the help
    assert!(matches!(h.model.mode, Mode::Normal));
    h.keys("з"); // p: projector
    assert!(h.model.projector.is_some());
    h.keys("з");
    assert!(h.model.projector.is_none());
    h.keys("й"); // q: quit
    assert_eq!(h.quit(), Some(false));
}

#[test]
fn the_help_shows_both_letters() {
    let h = Harness::fresh();
    let help: Vec<String> =
        kenesh::ui::help::lines(&h.model).iter().map(|l| l.to_string()).collect();
    let line = |help_text: &str| help.iter().find(|l| l.contains(help_text)).cloned();
    assert!(line("start the next").is_some_and(|l| l.contains("n / т")), "{help:#?}");
    assert!(line("Redo").is_some_and(|l| l.contains("Ctrl-r / Ctrl-к")), "{help:#?}");
    assert!(help.iter().any(|l| l.contains(": n / т")), "capture prefixes too: {help:#?}");
}

#[test]
fn a_config_override_with_a_cyrillic_key_works() {
    let config: kenesh::config::Config = ron::Options::default()
        .from_str("Config(keys: [(action: \"vote-up\", keys: [\"м\"])])")
        .unwrap();
    let mut h = Harness::fresh();
    assert!(h.model.keymap.apply_overrides(config.key_overrides()).is_empty());
    h.keys("3");
    let id = h.model.pane(Pane::Needs).selected_id().unwrap();
    let before = h.model.session.need(id).unwrap().votes;
    h.keys("+");
    assert_eq!(h.model.session.need(id).unwrap().votes, before, "+ no longer votes");
    h.keys("м");
    assert_eq!(h.model.session.need(id).unwrap().votes, before + 1, "м does");
    h.keys("v");
    assert_eq!(h.model.session.need(id).unwrap().votes, before + 2, "so does v, on the same key");
    let help: Vec<String> =
        kenesh::ui::help::lines(&h.model).iter().map(|l| l.to_string()).collect();
    assert!(help.iter().any(|l| l.contains("v / м") && l.contains("One vote more")), "{help:#?}");
}

#[test]
fn a_cyrillic_override_takes_its_key_from_the_latin_binding() {
    // ч is where x sits: binding it to undo takes x away from "end turn".
    let config: kenesh::config::Config = ron::Options::default()
        .from_str("Config(keys: [(action: \"undo\", keys: [\"ч\"])])")
        .unwrap();
    let mut h = Harness::fresh();
    assert!(h.model.keymap.apply_overrides(config.key_overrides()).is_empty());
    h.keys("s");
    assert_eq!(h.model.session.agenda[0].status, AgendaStatus::Active);
    h.keys("x");
    assert_eq!(h.model.session.agenda[0].status, AgendaStatus::Pending, "x undoes now");
    let help: Vec<String> =
        kenesh::ui::help::lines(&h.model).iter().map(|l| l.to_string()).collect();
    assert!(
        !help.iter().any(|l| l.contains("x / ч") && l.contains("End the current turn")),
        "{help:#?}"
    );
}

#[test]
fn a_need_with_settlement_and_author_typed_only_in_cyrillic() {
    let mut h = Harness::fresh();
    h.keys("ы"); // start the first item
    h.keys(":т Нет освещения №Ади").key(KeyCode::Tab);
    assert_eq!(capture_text(&h), "т Нет освещения №Адилет");
    h.keys(" турд").key(KeyCode::Tab);
    assert_eq!(capture_text(&h), "т Нет освещения №Адилет @Турдубаева_Роза");
    h.key(KeyCode::Enter);
    let s = &h.model.session;
    let need = s.needs.last().unwrap();
    assert_eq!(need.title, "Нет освещения");
    assert_eq!(s.settlement_name(need.settlement), "Адилет");
    assert_eq!(s.participant_name(need.raised_by), "Турдубаева Роза");
    assert_eq!(capture_text(&h), "", "captured, the line is empty for the next");
}

#[test]
fn the_other_cyrillic_prefixes_capture_their_kind() {
    let mut h = Harness::fresh();
    h.keys("ы");
    let (proposals, actions) = (h.model.session.proposals.len(), h.model.session.actions.len());
    h.keys(":з Провести встречу с жителями").key(KeyCode::Enter);
    h.keys("ф Проверить освещение").key(KeyCode::Enter);
    assert_eq!(h.model.session.proposals.len(), proposals + 1);
    assert_eq!(h.model.session.actions.len(), actions + 1);
    assert_eq!(h.model.session.actions.last().unwrap().what, "Проверить освещение");
}

#[test]
fn completion_ignores_yo_case_and_hyphens_and_cycles() {
    let mut h = Harness::fresh();
    h.keys(":т Свет ковалев").key(KeyCode::Tab);
    assert_eq!(capture_text(&h), "т Свет @Ковалёв_Сергей", "ё typed as е");
    h.key(KeyCode::Esc);
    h.keys(":т Свет №АКОРДО").key(KeyCode::Tab);
    assert_eq!(capture_text(&h), "т Свет №Ак-Ордо-2");
    h.key(KeyCode::Tab);
    assert_eq!(capture_text(&h), "т Свет №Ак-Ордо-3", "Tab again: the next candidate");
    h.key(KeyCode::Tab);
    assert_eq!(capture_text(&h), "т Свет №Ак-Ордо-2", "and round again");
}

#[test]
fn a_bare_word_that_is_no_person_completes_a_settlement() {
    let mut h = Harness::fresh();
    h.keys(":т Свет дордой").key(KeyCode::Tab);
    assert_eq!(capture_text(&h), "т Свет #Дордой-2");
    h.key(KeyCode::Esc);
    h.keys(":т").key(KeyCode::Tab);
    assert_eq!(capture_text(&h), "т", "the prefix itself is never completed");
}

#[test]
fn a_refusal_stays_on_screen_beside_the_completion_hint() {
    let mut h = Harness::fresh();
    h.keys(":х Тест №Ади").key(KeyCode::Enter);
    let text = screen(&h);
    assert!(text.contains("⚠"), "the refusal is shown: {text}");
    assert!(text.contains("Start with n/т"), "and why: {text}");
    assert!(text.contains("Tab: Адилет"), "the hint too: {text}");
    assert_eq!(capture_text(&h), "х Тест №Ади", "the text is kept");
}

#[test]
fn the_projector_keys_answer_in_cyrillic() {
    let mut h = Harness::fresh();
    h.keys("з"); // p: the projector
    let theme = h.model.projector.as_ref().unwrap().theme;
    h.keys("с"); // c: next colours
    assert_ne!(h.model.projector.as_ref().unwrap().theme, theme);
    h.keys("к"); // r: rotation on
    assert!(h.model.projector.as_ref().unwrap().rotation_start.is_some());
    h.keys("т"); // n: next item, without leaving the projector
    assert_eq!(h.model.session.agenda[0].status, AgendaStatus::Active);
    assert!(h.model.projector.is_some());
}

#[test]
fn the_quit_question_takes_the_russian_y() {
    let mut h = Harness::fresh();
    h.keys("ы");
    let revision = h.model.save.revision;
    h.send(kenesh::app::Msg::SaveFailed { revision, error: "disk full".into() });
    h.keys("й");
    assert!(matches!(h.model.mode, Mode::ConfirmQuit));
    h.keys("н"); // y
    assert_eq!(h.quit(), Some(true));
}

#[test]
fn the_dashboard_scrolls_and_quits_in_cyrillic() {
    use kenesh::app::run::{EventSource, Poll};
    use ratatui::crossterm::event::{Event, KeyEvent, KeyModifiers};
    use std::collections::VecDeque;

    struct Script(VecDeque<Event>);
    impl EventSource for Script {
        fn next(&mut self, _timeout: std::time::Duration) -> std::io::Result<Poll> {
            Ok(self.0.pop_front().map_or(Poll::Closed, Poll::Event))
        }
    }
    let key = |c| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    let program = kenesh::merge::program_of(&common::load_session(&common::bishkek_example()));
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    let mut script =
        Script(["о", "л", "й", "q"].iter().map(|s| key(s.chars().next().unwrap())).collect());
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
    kenesh::app::dashboard::run_dashboard(
        &mut terminal,
        &program,
        today,
        &kenesh::app::keymap::KeyMap::default(),
        &mut script,
    )
    .unwrap();
    assert_eq!(script.0.len(), 1, "й quit the dashboard and the q after it was never read");
}

#[test]
fn ctrl_chords_in_a_text_field_work_on_the_cyrillic_keys() {
    let mut h = Harness::fresh();
    h.keys(":т Нет света");
    h.ctrl('ц'); // Ctrl-w: delete the word before the cursor
    assert_eq!(capture_text(&h), "т Нет ");
    h.ctrl('г'); // Ctrl-u: delete the line
    assert_eq!(capture_text(&h), "");
    h.keys("т Свет ү ң ө");
    assert_eq!(capture_text(&h), "т Свет ү ң ө", "Kyrgyz letters stay text");
}

#[test]
fn altgr_letters_reported_as_ctrl_alt_are_typed() {
    use ratatui::crossterm::event::{KeyEvent, KeyModifiers};
    // Windows reports AltGr+у (ү on the Kyrgyz layout) as Ctrl+Alt+ү.
    let altgr = |c| {
        kenesh::app::Msg::Key(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::CONTROL | KeyModifiers::ALT,
        ))
    };
    let mut h = Harness::fresh();
    h.keys(":т Жаңы к");
    h.send(altgr('ө')).keys("ч").send(altgr('ө'));
    assert_eq!(capture_text(&h), "т Жаңы көчө");
    h.key(KeyCode::Esc);
    h.send(altgr('ү')); // e: edit, as the plain key under it
    assert!(matches!(h.model.mode, Mode::Form(_)));
}

#[test]
fn config_overrides_work_in_the_form_and_the_projector() {
    let config: kenesh::config::Config = ron::Options::default()
        .from_str(
            "Config(keys: [(action: \"form.submit\", keys: [\"F2\"]), \
             (action: \"projector.cycle-theme\", keys: [\"v\"])])",
        )
        .unwrap();
    let mut h = Harness::fresh();
    assert!(h.model.keymap.apply_overrides(config.key_overrides()).is_empty());
    let actions = h.model.session.actions.len();
    h.keys("4a").keys("Провести встречу").key(KeyCode::Enter);
    assert!(matches!(h.model.mode, Mode::Form(_)), "Enter no longer saves the form");
    h.key(KeyCode::F(2));
    assert!(!matches!(h.model.mode, Mode::Form(_)), "F2 saves it");
    assert_eq!(h.model.session.actions.len(), actions + 1);

    h.keys("p");
    let theme = h.model.projector.as_ref().expect("projector").theme;
    h.keys("c");
    assert_eq!(h.model.projector.as_ref().unwrap().theme, theme, "c no longer changes colours");
    h.keys("м");
    assert_ne!(h.model.projector.as_ref().unwrap().theme, theme, "v (м) does, in either layout");
    let unknown = h.model.keymap.apply_overrides([("form.next-slide", &["x".to_owned()][..])]);
    assert_eq!(unknown.len(), 1, "a form has no slides: {unknown:?}");
}
