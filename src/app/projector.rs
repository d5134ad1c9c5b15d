//! How the projector is set: slide, theme and rotation. State the editor
//! and `kenesh present` change; `ui::projector` draws it.

use super::action::Action;
use crate::model::Timestamp;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum ThemeName {
    #[default]
    Dark,
    Light,
    HighContrast,
}

impl ThemeName {
    pub const ALL: [ThemeName; 3] = [ThemeName::Dark, ThemeName::Light, ThemeName::HighContrast];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slide {
    Now,
    Needs,
    Actions,
}

impl Slide {
    pub const ALL: [Slide; 3] = [Slide::Now, Slide::Needs, Slide::Actions];

    fn index(self) -> usize {
        Slide::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    pub fn step(self, by: isize) -> Slide {
        let n = Slide::ALL.len() as isize;
        Slide::ALL[(self.index() as isize + by).rem_euclid(n) as usize]
    }

    pub fn title_id(self) -> &'static str {
        match self {
            Slide::Now => "slide-now",
            Slide::Needs => "slide-needs",
            Slide::Actions => "slide-actions",
        }
    }
}

/// How the projector is set: the chosen slide, theme and rotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectorState {
    pub slide: Slide,
    pub theme: ThemeName,
    /// Rotate slides every this many seconds (0: no rotation), counted
    /// from `rotation_start`, so the slide follows from the clock alone.
    pub rotate_seconds: u32,
    pub rotation_start: Option<Timestamp>,
    /// When `Esc` asked to quit `kenesh present`: a second press within
    /// [`QUIT_AGAIN_WITHIN`] seconds quits.
    pub quit_asked: Option<Timestamp>,
}

/// Seconds within which a second `Esc` quits `kenesh present`.
pub const QUIT_AGAIN_WITHIN: i64 = 3;

impl Default for ProjectorState {
    fn default() -> Self {
        ProjectorState {
            slide: Slide::Now,
            theme: ThemeName::Dark,
            rotate_seconds: 0,
            rotation_start: None,
            quit_asked: None,
        }
    }
}

impl ProjectorState {
    /// The slide to show at `now`.
    pub fn slide_at(&self, now: Timestamp) -> Slide {
        match (self.rotate_seconds, self.rotation_start) {
            (0, _) | (_, None) => self.slide,
            (period, Some(start)) => {
                let steps = (now - start).num_seconds().max(0) / i64::from(period);
                self.slide.step(steps as isize)
            }
        }
    }

    /// `Esc` in `kenesh present`: true (quit) if it was pressed just before;
    /// else it asks, and the screen says how to quit.
    pub fn ask_quit(&mut self, now: Timestamp) -> bool {
        if self.quit_pending(now) {
            return true;
        }
        self.quit_asked = Some(now);
        false
    }

    /// Whether a quit was asked within the last few seconds.
    pub fn quit_pending(&self, now: Timestamp) -> bool {
        self.quit_asked.is_some_and(|at| (now - at).num_seconds() < QUIT_AGAIN_WITHIN)
    }

    /// A projector action from the key table; true if it changed the view.
    pub fn handle(&mut self, action: Action, now: Timestamp) -> bool {
        let current = self.slide_at(now);
        match action {
            Action::SlideNext => self.slide = current.step(1),
            Action::SlidePrev => self.slide = current.step(-1),
            Action::Rotate => {
                self.slide = current;
                self.rotation_start = if self.rotation_start.is_some() { None } else { Some(now) };
                if self.rotate_seconds == 0 {
                    self.rotate_seconds = 20;
                }
                return true;
            }
            Action::CycleTheme => {
                let i = ThemeName::ALL.iter().position(|t| *t == self.theme).unwrap_or(0);
                self.theme = ThemeName::ALL[(i + 1) % ThemeName::ALL.len()];
                return true;
            }
            _ => return false,
        }
        // Choosing a slide by hand restarts the rotation from it.
        if self.rotation_start.is_some() {
            self.rotation_start = Some(now);
        }
        true
    }
}
