//! Colours and styles. Calm and high-contrast: colour is never the only
//! sign of anything (overrun also shows as "+3:10 over").

use ratatui::style::{Color, Modifier, Style};

pub fn border() -> Style {
    Style::new().fg(Color::DarkGray)
}

pub fn border_focused() -> Style {
    Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
}

pub fn title() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

pub fn header() -> Style {
    Style::new().fg(Color::Gray).add_modifier(Modifier::UNDERLINED)
}

pub fn dim() -> Style {
    Style::new().fg(Color::DarkGray)
}

pub fn selected() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

pub fn group() -> Style {
    Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
}

pub fn active() -> Style {
    Style::new().fg(Color::Green).add_modifier(Modifier::BOLD)
}

pub fn warning() -> Style {
    Style::new().fg(Color::Yellow)
}

pub fn overrun() -> Style {
    Style::new().fg(Color::Red).add_modifier(Modifier::BOLD)
}

/// How much of its plan a timer has used. Every timer, in the editor and
/// on the projector, changes colour at the same points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimerStage {
    /// Under 80% of the plan (or no plan).
    Calm,
    /// From 80%.
    Warn,
    /// From 100%.
    Over,
}

impl TimerStage {
    pub fn of(used: i64, planned: i64) -> TimerStage {
        if planned > 0 && used >= planned {
            TimerStage::Over
        } else if planned > 0 && used * 5 >= planned * 4 {
            TimerStage::Warn
        } else {
            TimerStage::Calm
        }
    }
}

/// The editor's style for a running timer at `used` of `planned` seconds.
pub fn timer(used: i64, planned: i64) -> Style {
    match TimerStage::of(used, planned) {
        TimerStage::Calm => active(),
        TimerStage::Warn => warning(),
        TimerStage::Over => overrun(),
    }
}

pub fn error() -> Style {
    Style::new().fg(Color::White).bg(Color::Red).add_modifier(Modifier::BOLD)
}

pub fn status_bar() -> Style {
    Style::new().fg(Color::Black).bg(Color::Gray)
}

pub fn ok() -> Style {
    Style::new().fg(Color::Green)
}
