//! Where everything goes on the screen. Pure functions of the terminal
//! size, shared by the views (to draw) and by `update` (to map mouse clicks
//! and page sizes), so the two always agree.

use ratatui::layout::{Constraint, Layout, Rect};

use crate::app::model::Pane;

/// Below this the editor only says the terminal is too small.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;
/// From this width on, all four panes are shown at once.
pub const WIDE: u16 = 100;

pub enum Screen {
    TooSmall,
    /// Four panes side by side.
    Wide {
        panes: [(Pane, Rect); 4],
        detail: Rect,
        status: Rect,
    },
    /// One pane at a time under a tab bar.
    Narrow {
        tabs: Rect,
        pane: (Pane, Rect),
        detail: Rect,
        status: Rect,
    },
}

pub fn screen(area: Rect, focus: Pane) -> Screen {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return Screen::TooSmall;
    }
    // Fixed rows from the bottom: the status bar, then the detail panel.
    let status = Rect { y: area.bottom() - 1, height: 1, ..area };
    let detail_height = detail_lines(area.height);
    let detail = Rect { y: status.y - detail_height, height: detail_height, ..area };
    let body = Rect { height: detail.y - area.y, ..area };
    // Narrow terminals, and the full-screen proposals view, show one pane.
    if area.width < WIDE || focus == Pane::Proposals {
        let [tabs, pane] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(body);
        return Screen::Narrow { tabs, pane: (focus, pane), detail, status };
    }
    let [top, bottom] =
        Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(body);
    let [agenda, participants, needs] = Layout::horizontal([
        Constraint::Percentage(37),
        Constraint::Percentage(30),
        Constraint::Percentage(33),
    ])
    .areas(top);
    Screen::Wide {
        panes: [
            (Pane::Agenda, agenda),
            (Pane::Participants, participants),
            (Pane::Needs, needs),
            (Pane::Actions, bottom),
        ],
        detail,
        status,
    }
}

/// Lines kept above the status bar for the selected row's full text
/// (`ui::detail`): one on the smallest screens, three from 30 rows on.
pub fn detail_lines(height: u16) -> u16 {
    match height {
        0..16 => 1,
        16..30 => 2,
        _ => 3,
    }
}

/// The rectangle a pane occupies, if it is visible.
pub fn pane_rect(area: Rect, focus: Pane, pane: Pane) -> Option<Rect> {
    match screen(area, focus) {
        Screen::TooSmall => None,
        Screen::Wide { panes, .. } => panes.iter().find(|(p, _)| *p == pane).map(|(_, r)| *r),
        Screen::Narrow { pane: (p, r), .. } => (p == pane).then_some(r),
    }
}

/// Lines inside a pane's border above its rows (a column header, and for
/// the agenda and participants a summary line).
pub fn header_lines(pane: Pane) -> u16 {
    match pane {
        Pane::Agenda | Pane::Participants => 2,
        Pane::Needs | Pane::Actions | Pane::Proposals => 1,
    }
}

/// Lines at the bottom of the agenda pane for the speaker, the queue and
/// the speaking-time bars, given the pane's inner height.
pub fn speaker_lines(inner_height: u16) -> u16 {
    match inner_height {
        0..10 => 0,
        10..16 => 2,
        _ => 7,
    }
}

/// The part of a pane's rectangle where its rows go.
pub fn list_area(rect: Rect, pane: Pane) -> Rect {
    let inner = Rect {
        x: rect.x.saturating_add(1),
        y: rect.y.saturating_add(1),
        width: rect.width.saturating_sub(2),
        height: rect.height.saturating_sub(2),
    };
    let footer = if pane == Pane::Agenda { speaker_lines(inner.height) } else { 0 };
    let skip = header_lines(pane).min(inner.height);
    Rect {
        y: inner.y + skip,
        height: inner.height - skip - footer.min(inner.height - skip),
        ..inner
    }
}

/// How many rows of `pane` fit on screen.
pub fn list_height(area: Rect, focus: Pane, pane: Pane) -> usize {
    pane_rect(area, focus, pane).map_or(0, |r| usize::from(list_area(r, pane).height))
}

/// The first row shown when `selected` is selected: lists scroll a page at
/// a time, so rows do not shift under the room's eyes on every key.
pub fn page_offset(selected: usize, height: usize) -> usize {
    selected.checked_div(height).map_or(0, |page| page * height)
}

/// Which pane (and which visible row of it) is at a screen position.
pub fn hit(area: Rect, focus: Pane, x: u16, y: u16) -> Option<(Pane, Option<usize>)> {
    let position = ratatui::layout::Position { x, y };
    Pane::ALL.into_iter().find_map(|pane| {
        let rect = pane_rect(area, focus, pane)?;
        if !rect.contains(position) {
            return None;
        }
        let list = list_area(rect, pane);
        let row = list.contains(position).then(|| usize::from(y - list.y));
        Some((pane, row))
    })
}

/// A centred rectangle for pop-ups, at most `width`×`height`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}
