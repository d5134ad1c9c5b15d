//! The `?` overlay: the lines `app::help` generates from the key table,
//! styled.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Wrap};

use super::theme;
use crate::app::help::{HelpLine, help_rect};
use crate::app::model::Model;
use crate::i18n::t;

pub fn lines(model: &Model) -> Vec<Line<'static>> {
    crate::app::help::lines(&model.keymap)
        .into_iter()
        .map(|line| match line {
            HelpLine::Section(title) => Line::styled(title, theme::group()),
            HelpLine::Row(keys, help) => {
                Line::from(vec![Span::styled(keys, theme::title()), Span::raw(help)])
            }
            HelpLine::Blank => Line::from(""),
        })
        .collect()
}

pub fn render(model: &Model, frame: &mut Frame, area: Rect, scroll: u16) {
    let rect = help_rect(area);
    frame.render_widget(Clear, rect);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(theme::border_focused())
        .title(Line::styled(format!(" {} ", t("help-title")), theme::title()))
        .title_bottom(Line::styled(format!(" {} ", t("help-close")), theme::dim()));
    let paragraph = Paragraph::new(lines(model)).wrap(Wrap { trim: false });
    frame.render_widget(paragraph.block(block).scroll((scroll, 0)), rect);
}
