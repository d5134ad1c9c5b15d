//! What reaches the terminal when nothing happens: counted in bytes (not
//! timed), for the editor and the projector.

mod common;

use std::cell::RefCell;
use std::rc::Rc;

use kenesh::app::{Model, Msg, update};
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

/// Bytes written by redrawing after `seconds` more on the clock.
fn bytes_per_tick(model: &mut Model, seconds: i64) -> usize {
    let written = Rc::new(RefCell::new(Vec::new()));
    let backend = CrosstermBackend::new(common::Shared(Rc::clone(&written)));
    let options = TerminalOptions { viewport: Viewport::Fixed(Rect::new(0, 0, 200, 60)) };
    let mut terminal = Terminal::with_options(backend, options).unwrap();
    terminal.draw(|f| kenesh::ui::render(model, f)).unwrap();
    written.borrow_mut().clear();
    let later = model.now + chrono::TimeDelta::seconds(seconds);
    update(model, Msg::Tick, later);
    terminal.draw(|f| kenesh::ui::render(model, f)).unwrap();
    written.borrow().len()
}

#[test]
fn an_idle_second_writes_at_most_200_bytes() {
    let session = common::load_session(&common::bishkek_example());
    let mut model =
        Model::new(session.clone(), "s.ron".into(), common::at("2026-11-19T15:00:00+06:00"));
    let finished = bytes_per_tick(&mut model, 1);
    // A running item and a speaker: their timers tick too.
    let mut running = session;
    running.agenda[7].status = kenesh::model::AgendaStatus::Active;
    running.agenda[7].runs.last_mut().unwrap().end = None;
    let mut model = Model::new(running, "s.ron".into(), common::at("2026-11-19T15:00:00+06:00"));
    let ticking = bytes_per_tick(&mut model, 1);
    let now = model.now;
    kenesh::app::update(
        &mut model,
        Msg::Key(ratatui::crossterm::event::KeyEvent::new(
            ratatui::crossterm::event::KeyCode::Char('p'),
            ratatui::crossterm::event::KeyModifiers::NONE,
        )),
        now,
    );
    let projector = bytes_per_tick(&mut model, 1);
    println!(
        "idle bytes per second: editor {finished}, editor with timers {ticking}, projector with timer {projector}"
    );
    assert!(finished <= 200, "{finished}");
    assert!(ticking <= 200, "{ticking}");
    // The big-digit timer redraws a few digit cells of 8×8 blocks.
    assert!(projector <= 1200, "{projector}");
}
