//! The run loop of the programme dashboard: tabs and scrolling only.

use std::io;
use std::time::Duration;

use ratatui::crossterm::event::{Event, KeyCode, KeyEventKind};
use ratatui::{Terminal, backend::Backend};

use super::keymap::latin_code;
use super::run::{EventSource, Poll};
use crate::model::{Date, Program};
use crate::ui::dashboard::{Dashboard, Tab, render};

pub fn run_dashboard<B: Backend>(
    terminal: &mut Terminal<B>,
    program: &Program,
    today: Date,
    events: &mut impl EventSource,
) -> io::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    let mut view = Dashboard { program, today, tab: Tab::ByStatus, scroll: 0, city: None };
    let mut dirty = true;
    loop {
        if super::signals::terminated() {
            return Ok(());
        }
        dirty |= super::signals::handle_suspend(terminal)?;
        if dirty {
            terminal.draw(|f| render(&view, f)).map_err(io::Error::other)?;
            dirty = false;
        }
        match events.next(Duration::from_secs(60))? {
            Poll::Event(Event::Key(k)) if k.kind != KeyEventKind::Release => {
                let index = Tab::ALL.iter().position(|t| *t == view.tab).unwrap_or(0);
                // Keys by position, so a Russian or Kyrgyz layout works too.
                let code = latin_code(k.code);
                match code {
                    KeyCode::Char('q') | KeyCode::Esc => return Ok(()),
                    KeyCode::Tab | KeyCode::Right => {
                        view.tab = Tab::ALL[(index + 1) % Tab::ALL.len()]
                    }
                    KeyCode::BackTab | KeyCode::Left => {
                        view.tab = Tab::ALL[(index + Tab::ALL.len() - 1) % Tab::ALL.len()]
                    }
                    KeyCode::Char(c @ '1'..='4') => {
                        view.tab = Tab::ALL[usize::from(c as u8 - b'1')]
                    }
                    KeyCode::Down | KeyCode::Char('j') => {
                        view.scroll = view.scroll.saturating_add(1)
                    }
                    KeyCode::Up | KeyCode::Char('k') => view.scroll = view.scroll.saturating_sub(1),
                    KeyCode::PageDown => view.scroll = view.scroll.saturating_add(20),
                    KeyCode::PageUp => view.scroll = view.scroll.saturating_sub(20),
                    KeyCode::Home => view.scroll = 0,
                    KeyCode::Char('c') => view.city = next_city(&view.cities(), view.city.take()),
                    _ => continue,
                }
                if !matches!(
                    code,
                    KeyCode::Down
                        | KeyCode::Up
                        | KeyCode::Char('j' | 'k')
                        | KeyCode::PageDown
                        | KeyCode::PageUp
                        | KeyCode::Home
                ) {
                    view.scroll = 0;
                }
                dirty = true;
            }
            Poll::Event(Event::Resize(..)) => dirty = true,
            Poll::Event(_) | Poll::Timeout => {}
            Poll::Closed => return Ok(()),
        }
    }
}

/// The city filter's next value: all cities, then each city in turn.
fn next_city(cities: &[String], current: Option<String>) -> Option<String> {
    match current.and_then(|c| cities.iter().position(|x| *x == c)) {
        None => cities.first().cloned(),
        Some(i) => cities.get(i + 1).cloned(),
    }
}

#[cfg(test)]
mod tests {
    use super::next_city;

    #[test]
    fn the_city_filter_cycles_through_every_city_and_back_to_all() {
        let cities = ["Бишкек".to_owned(), "Ош".to_owned()];
        let first = next_city(&cities, None);
        assert_eq!(first.as_deref(), Some("Бишкек"));
        let second = next_city(&cities, first);
        assert_eq!(second.as_deref(), Some("Ош"));
        assert_eq!(next_city(&cities, second), None, "then all cities again");
        assert_eq!(next_city(&[], None), None, "no cities: no filter");
    }
}
