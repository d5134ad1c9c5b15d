//! Text on screen is whole: the selected row's full text in the detail
//! panel, and hints, validation errors, the capture line's messages and
//! the projector's notice wrapped or shortened at a word at 80 columns,
//! never cut mid-word. In Russian (this test binary runs with the Russian
//! catalogue), whose messages are the longest.

mod common;

use kenesh::app::model::Pane;
use kenesh::app::{Model, Msg};
use kenesh::i18n::{Lang, t};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::{Terminal, backend::TestBackend};

const LONG_NEED: &str = "Нет уличного освещения на улице Ленина от школы №5 до рынка: \
    дети и пожилые жители возвращаются домой в полной темноте, \
    жители просят установить фонари до начала зимы";
const LONG_ACTION: &str = "Подготовить смету на установку двенадцати фонарей по улице \
    Ленина и согласовать её с муниципальным предприятием «Бишкексвет» до заседания кенеша";

fn model() -> Model {
    kenesh::i18n::init(Lang::Ru);
    let s = common::load_session(&common::bishkek_example());
    Model::new(s, "s.ron".into(), common::at("2026-11-19T13:03:00+06:00"))
}

fn press(model: &mut Model, code: KeyCode) {
    let now = model.now;
    kenesh::app::update(model, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)), now);
}

fn keys(model: &mut Model, text: &str) {
    text.chars().for_each(|c| press(model, KeyCode::Char(c)));
}

fn draw(model: &Model, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| kenesh::ui::render(model, f)).unwrap();
    format!("{}", terminal.backend())
}

/// Every word of `message` stands whole somewhere on the screen.
fn assert_whole(screen: &str, message: &str) {
    let shown: Vec<&str> =
        screen.split(|c: char| c.is_whitespace() || "│┃\"".contains(c)).collect();
    for word in message.split_whitespace() {
        assert!(shown.contains(&word), "«{word}» of «{message}» is not whole on:\n{screen}");
    }
}

/// A model whose selected need (on the needs board) and selected action
/// have long texts, with the given pane focused.
fn with_long_texts(pane: char) -> Model {
    let mut m = model();
    let need = m.pane(Pane::Needs).selected_id().expect("a need is selected");
    m.session.needs.iter_mut().find(|n| n.id == need).unwrap().title = LONG_NEED.into();
    m.session.actions[0].what = LONG_ACTION.into();
    m.rebuild_rows();
    keys(&mut m, &pane.to_string());
    m
}

#[test]
fn the_selected_need_is_shown_whole_120x40() {
    let screen = draw(&with_long_texts('3'), 120, 40);
    assert_whole(&screen, LONG_NEED);
    insta::assert_snapshot!(screen);
}

#[test]
fn the_selected_need_is_shown_whole_80x24() {
    let screen = draw(&with_long_texts('3'), 80, 24);
    assert_whole(&screen, LONG_NEED);
    insta::assert_snapshot!(screen);
}

#[test]
fn the_selected_action_is_shown_whole_at_both_sizes() {
    let m = with_long_texts('4');
    let wide = draw(&m, 120, 40);
    assert_whole(&wide, LONG_ACTION);
    insta::assert_snapshot!("the_selected_action_120x40", wide);
    let narrow = draw(&m, 80, 24);
    assert_whole(&narrow, LONG_ACTION);
    insta::assert_snapshot!("the_selected_action_80x24", narrow);
}

#[test]
fn every_pane_shows_its_selected_row_in_the_detail_panel() {
    let mut m = model();
    for (key, pane) in [('1', Pane::Agenda), ('2', Pane::Participants), ('5', Pane::Proposals)] {
        keys(&mut m, &key.to_string());
        let detail = kenesh::ui::detail::selected(&m).expect("a selected row");
        let screen = draw(&m, 80, 24);
        assert_whole(&screen, &detail.text);
        assert_eq!(m.focus, pane);
    }
}

#[test]
fn the_capture_hint_and_error_wrap_at_80_columns() {
    let mut m = model();
    keys(&mut m, ":");
    assert_whole(&draw(&m, 80, 24), &t("capture-hint"));
    keys(&mut m, "в школе нет воды");
    press(&mut m, KeyCode::Enter);
    let screen = draw(&m, 80, 24);
    assert_whole(&screen, &t("capture-error-ambiguous-v"));
    assert!(screen.contains("в школе нет воды"), "the line keeps its text:\n{screen}");
}

#[test]
fn a_form_error_and_the_form_hint_are_whole_at_80_columns() {
    let mut m = model();
    let existing = m.session.participants[0].name.clone();
    keys(&mut m, "2a");
    keys(&mut m, &existing);
    press(&mut m, KeyCode::Enter);
    let screen = draw(&m, 80, 24);
    let error = kenesh::i18n::targs("form-duplicate-name", &[("name", existing.into())]);
    assert_whole(&screen, &error);
    // The hint loses whole phrases from its end rather than a word's tail.
    let hint_row = screen.lines().find(|l| l.contains("Enter сохранить")).expect("the hint");
    let hint = t("form-hint");
    let shown = hint_row.trim_matches(|c: char| !c.is_alphanumeric() && c != '←' && c != '/');
    assert!(hint.starts_with(shown.trim()), "«{shown}» is not a start of «{hint}»");
    assert!(hint.split(" · ").any(|p| shown.trim().ends_with(p)), "cut mid-phrase: «{shown}»");
}

#[test]
fn the_projector_notice_wraps_at_80_columns() {
    let mut m = model();
    let notice = "не удаётся записать /home/facilitator/Документы/встречи/osh.ron: \
                  диск заполнен, освободите место";
    m.save.error = Some(notice.into());
    keys(&mut m, "p");
    assert_whole(&draw(&m, 80, 24), &format!("⚠ {notice}"));
}

/// The needs board shows a need as the dashboard and the exports do: an
/// open need whose linked actions are all done reads "addressed", while
/// the session still stores it as open (derived, never rewritten).
#[test]
fn a_need_whose_actions_are_done_shows_as_addressed_on_the_board() {
    let mut m = model();
    let need = m.session.actions[0].needs[0];
    for action in m.session.actions.iter_mut().filter(|a| a.needs.contains(&need)) {
        action.status = kenesh::model::ActionStatus::Done;
    }
    m.rebuild_rows();
    let title = m.session.needs.iter().find(|n| n.id == need).unwrap().title.clone();
    let screen = draw(&m, 200, 60);
    let start: String = title.chars().take(15).collect();
    let row = screen.lines().find(|l| l.contains(&start)).expect("the need is on the board");
    assert!(row.contains(&t("need-addressed")), "{row}");
    let stored = m.session.needs.iter().find(|n| n.id == need).unwrap().status;
    assert_eq!(stored, kenesh::model::NeedStatus::Open);
}
