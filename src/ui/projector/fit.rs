//! Fitting wrapped entries into a slide: as many whole entries as the
//! height allows, then "… and N more", so no entry is cut mid-way.

use ratatui::text::Line;

/// Rows `line` takes when wrapped at `width` columns.
pub fn rows(line: &Line, width: u16) -> usize {
    let width = usize::from(width.max(1));
    line.width().div_ceil(width).max(1)
}

/// Keeps whole entries (each a group of lines) while they fit in
/// `height` rows; returns the lines and how many entries were left out.
pub fn fit(
    entries: Vec<Vec<Line<'static>>>,
    width: u16,
    height: u16,
) -> (Vec<Line<'static>>, usize) {
    let total = entries.len();
    let mut used = 0;
    let mut lines = Vec::new();
    for (i, entry) in entries.into_iter().enumerate() {
        let need: usize = entry.iter().map(|l| rows(l, width)).sum();
        // Leave a row for the "more" line unless this is the last entry.
        let reserve = usize::from(i + 1 < total);
        if used + need + reserve > usize::from(height) {
            return (lines, total - i);
        }
        used += need;
        lines.extend(entry);
    }
    (lines, 0)
}
