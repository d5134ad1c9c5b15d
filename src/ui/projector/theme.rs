//! Projector themes: dark, light (bright rooms) and high contrast. Colour
//! never carries meaning alone: overrun also shows as "⚠ +3:10 over".

use ratatui::style::{Color, Modifier, Style};

pub use crate::app::projector::ThemeName;

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub background: Color,
    pub text: Color,
    pub dim: Color,
    pub accent: Color,
    pub ok: Color,
    pub warn: Color,
    pub over: Color,
}

impl Theme {
    pub fn of(name: ThemeName) -> Theme {
        match name {
            ThemeName::Dark => Theme {
                background: Color::Rgb(16, 20, 28),
                text: Color::Rgb(235, 235, 235),
                dim: Color::Rgb(150, 158, 170),
                accent: Color::Rgb(120, 190, 255),
                ok: Color::Rgb(110, 210, 140),
                warn: Color::Rgb(250, 200, 80),
                over: Color::Rgb(255, 110, 100),
            },
            ThemeName::Light => Theme {
                background: Color::Rgb(250, 250, 247),
                text: Color::Rgb(20, 20, 20),
                dim: Color::Rgb(85, 85, 85),
                accent: Color::Rgb(0, 70, 160),
                ok: Color::Rgb(0, 110, 40),
                warn: Color::Rgb(150, 90, 0),
                over: Color::Rgb(180, 0, 0),
            },
            ThemeName::HighContrast => Theme {
                background: Color::Black,
                text: Color::White,
                dim: Color::White,
                accent: Color::Yellow,
                ok: Color::LightGreen,
                warn: Color::Yellow,
                over: Color::LightRed,
            },
        }
    }

    pub fn base(&self) -> Style {
        Style::new().fg(self.text).bg(self.background)
    }

    pub fn title(&self) -> Style {
        self.base().add_modifier(Modifier::BOLD)
    }

    pub fn dim(&self) -> Style {
        self.base().fg(self.dim)
    }

    pub fn accent(&self) -> Style {
        self.base().fg(self.accent).add_modifier(Modifier::BOLD)
    }

    /// Timer colour by how much of the plan is used: calm, then warning
    /// from 80%, then overrun from 100%.
    pub fn timer(&self, used: i64, planned: i64) -> Style {
        let colour = match crate::ui::theme::TimerStage::of(used, planned) {
            crate::ui::theme::TimerStage::Over => self.over,
            crate::ui::theme::TimerStage::Warn => self.warn,
            crate::ui::theme::TimerStage::Calm => self.ok,
        };
        self.base().fg(colour).add_modifier(Modifier::BOLD)
    }
}
