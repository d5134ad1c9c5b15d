//! The editor and the projector in Russian (this test binary runs with the
//! Russian catalogue).

mod common;

use kenesh::app::Model;
use kenesh::i18n::Lang;
use ratatui::{Terminal, backend::TestBackend};

fn model() -> Model {
    kenesh::i18n::init(Lang::Ru);
    let mut s = common::load_session(&common::bishkek_example());
    let start = common::at("2026-11-19T12:46:00+06:00");
    for item in &mut s.agenda[6..] {
        item.runs.clear();
        item.status = kenesh::model::AgendaStatus::Pending;
    }
    s.agenda[6].status = kenesh::model::AgendaStatus::Active;
    s.agenda[6].runs.push(kenesh::model::Run { start, end: None });
    Model::new(s, "s.ron".into(), common::at("2026-11-19T13:03:00+06:00"))
}

fn draw(model: &Model, w: u16, h: u16) -> TestBackend {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| kenesh::ui::render(model, f)).unwrap();
    terminal.backend().clone()
}

#[test]
fn main_screen_in_russian() {
    let screen = draw(&model(), 120, 40);
    let text = format!("{screen}");
    assert!(
        text.contains("Повестка") && text.contains("План действий") && text.contains("голос"),
        "{text}"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn projector_in_russian() {
    let mut m = model();
    let now = m.now;
    kenesh::app::update(
        &mut m,
        kenesh::app::Msg::Key(ratatui::crossterm::event::KeyEvent::new(
            ratatui::crossterm::event::KeyCode::Char('p'),
            ratatui::crossterm::event::KeyModifiers::NONE,
        )),
        now,
    );
    let screen = draw(&m, 100, 30);
    assert!(format!("{screen}").contains("19 ноября 2026 г."), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn minutes_in_russian() {
    let _ = model();
    let loaded = kenesh::store::Loaded::Session(common::load_session(&common::bishkek_example()));
    let md = String::from_utf8(
        kenesh::export::export(
            &loaded,
            kenesh::export::Format::Markdown,
            kenesh::export::Table::Actions,
            &Default::default(),
        )
        .unwrap(),
    )
    .unwrap();
    // Russian minutes take the protocol form (see tests/documents.rs).
    assert!(md.starts_with("# ПРОТОКОЛ №"), "{}", &md[..400]);
    assert!(md.contains("19 ноября 2026 г., Бишкек"), "{}", &md[..400]);
    assert!(md.contains("## План действий"));
    assert!(md.contains("ПРИСУТСТВОВАЛИ: 19 человек (список прилагается)."));
}
