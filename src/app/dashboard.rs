//! The run loop of the programme dashboard: tabs and scrolling only.

use std::io;
use std::time::Duration;

use ratatui::crossterm::event::{Event, KeyEventKind};
use ratatui::{Terminal, backend::Backend};

use super::action::Action;
use super::keymap::{KeyMap, Scope, normalize_key};
use super::run::{EventSource, Poll};
use crate::model::{Date, Program};
use crate::ui::dashboard::{Dashboard, Tab, render};

pub fn run_dashboard<B: Backend>(
    terminal: &mut Terminal<B>,
    program: &Program,
    today: Date,
    keymap: &KeyMap,
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
                // The key table matches by position: Russian and Kyrgyz too.
                let Some(action) = keymap.lookup(Scope::Dashboard, &normalize_key(&k)) else {
                    continue;
                };
                let step = |n: usize| Tab::ALL[(index + n) % Tab::ALL.len()];
                match action {
                    Action::Quit => return Ok(()),
                    Action::FocusNext => view.tab = step(1),
                    Action::FocusPrev => view.tab = step(Tab::ALL.len() - 1),
                    Action::ShowTab(n) => view.tab = Tab::ALL[usize::from(n - 1) % Tab::ALL.len()],
                    Action::Down => view.scroll = view.scroll.saturating_add(1),
                    Action::Up => view.scroll = view.scroll.saturating_sub(1),
                    Action::PageDown => view.scroll = view.scroll.saturating_add(20),
                    Action::PageUp => view.scroll = view.scroll.saturating_sub(20),
                    Action::First => view.scroll = 0,
                    Action::CycleCity => view.city = next_city(&view.cities(), view.city.take()),
                    _ => continue,
                }
                // A new tab or city starts at its top.
                if matches!(
                    action,
                    Action::FocusNext | Action::FocusPrev | Action::ShowTab(_) | Action::CycleCity
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
