//! Column widths fitted to what the columns hold, so that no column is so
//! narrow that a word or a date breaks, and long texts get the room that is
//! left. Used by the DOCX export (widths in twips) and the HTML export
//! (widths as shares of the page).

use unicode_width::UnicodeWidthStr;

/// Longer cells than this many characters wrap anyway; past it a column
/// asks for no more room.
const PREFERRED_CAP: usize = 48;

/// How a table's text is measured.
#[derive(Debug, Clone, Copy)]
pub struct Metrics {
    /// Width of an average character of the body text.
    pub char_width: u32,
    /// Width of an average character of the (bold) header text.
    pub header_char_width: u32,
    /// Cell padding and borders, left and right together.
    pub padding: u32,
}

/// Terminal columns are a fair proxy for how wide a word prints: wide
/// (CJK) characters count twice, combining marks not at all.
fn chars(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// The longest word of `text`: the part a renderer must not break. Lines
/// may break after the hyphen of a compound ("административно-
/// территориальной"), so its parts count on their own.
fn longest_word(text: &str) -> usize {
    text.split_whitespace().flat_map(|w| w.split_inclusive('-')).map(chars).max().unwrap_or(0)
}

impl Metrics {
    /// The same font at `percent` of its size.
    pub fn scaled(self, percent: u32) -> Metrics {
        Metrics {
            char_width: self.char_width * percent / 100,
            header_char_width: self.header_char_width * percent / 100,
            padding: self.padding,
        }
    }
}

/// The narrowest the table can be without breaking a word.
pub fn least_width(header: &[String], rows: &[&[String]], m: Metrics) -> u32 {
    bounds(header, rows, m).0.iter().sum()
}

/// The first of `sizes` (largest first, in any unit; `m` measures text
/// at `sizes[0]`) at which no word of the table breaks, and the widths at
/// that size. Past the smallest size, some words break.
pub fn fit_shrinking(
    header: &[String],
    rows: &[&[String]],
    available: u32,
    m: Metrics,
    sizes: &[u32],
) -> (u32, Vec<u32>) {
    let at = |size: u32| m.scaled(size * 100 / sizes[0]);
    let size = sizes
        .iter()
        .copied()
        .find(|size| least_width(header, rows, at(*size)) <= available)
        .unwrap_or(sizes[sizes.len() - 1]);
    (size, fit(header, rows, available, at(size)))
}

/// Widths for tables with these headers and rows, together filling
/// `available`. Every column gets at least its longest word (header words
/// included); what is left goes to the columns whose texts are long.
pub fn fit(header: &[String], rows: &[&[String]], available: u32, m: Metrics) -> Vec<u32> {
    let columns = header.len();
    let (least, wanted) = bounds(header, rows, m);
    let least_sum: u32 = least.iter().sum();
    let wanted_sum: u32 = wanted.iter().sum();
    let mut widths: Vec<u32> = if least_sum >= available {
        // Too many long words for the page: shrink evenly (some will break).
        least.iter().map(|w| share(*w, available, least_sum)).collect()
    } else if wanted_sum <= available {
        // Room for everything: the rest goes to the columns by their size.
        wanted.iter().map(|w| share(*w, available, wanted_sum)).collect()
    } else {
        let spare = available - least_sum;
        let growth = wanted_sum - least_sum;
        least.iter().zip(&wanted).map(|(l, w)| l + share(w - l, spare, growth)).collect()
    };
    // Rounding leftovers go to the widest column, so the total is exact.
    let total: u32 = widths.iter().sum();
    if let Some(widest) = (0..columns).max_by_key(|c| widths[*c]) {
        widths[widest] = (widths[widest] + available).saturating_sub(total);
    }
    widths
}

/// Per column: the room its longest word needs, and the room its longest
/// text (up to a cap) would like.
fn bounds(header: &[String], rows: &[&[String]], m: Metrics) -> (Vec<u32>, Vec<u32>) {
    let columns = header.len();
    let mut least = vec![0u32; columns];
    let mut wanted = vec![0u32; columns];
    for (c, h) in header.iter().enumerate() {
        least[c] = longest_word(h) as u32 * m.header_char_width;
        wanted[c] = least[c];
    }
    for row in rows {
        for (c, cell) in row.iter().enumerate().take(columns) {
            // One character of slack: real glyphs vary around the average.
            let word = (longest_word(cell) + 1) as u32 * m.char_width;
            least[c] = least[c].max(word);
            let whole = (chars(cell).min(PREFERRED_CAP) + 1) as u32 * m.char_width;
            wanted[c] = wanted[c].max(whole);
        }
    }
    for c in 0..columns {
        wanted[c] = wanted[c].max(least[c]) + m.padding;
        least[c] += m.padding;
    }
    (least, wanted)
}

fn share(part: u32, whole: u32, of: u32) -> u32 {
    if of == 0 { 0 } else { (u64::from(part) * u64::from(whole) / u64::from(of)) as u32 }
}

/// Whether every filled cell of column `c` is a number, a share (`35%`),
/// a signed or clock duration (`+0:05`, `1:30`): such columns align right.
pub fn numeric(rows: &[&[String]], c: usize) -> bool {
    let mut any = false;
    for row in rows {
        let Some(cell) = row.get(c).map(|s| s.trim()) else { continue };
        if cell.is_empty() {
            continue;
        }
        any = true;
        let body = cell.trim_start_matches('+').trim_end_matches('%');
        if body.is_empty() || !body.chars().all(|ch| ch.is_ascii_digit() || ch == ':') {
            return false;
        }
    }
    any
}

#[cfg(test)]
mod tests {
    use super::*;

    const M: Metrics = Metrics { char_width: 10, header_char_width: 10, padding: 0 };

    fn strings(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn every_column_holds_its_longest_word_and_the_total_is_exact() {
        let header = strings(&["№", "Действие", "Срок"]);
        let row = strings(&["1", "Установить освещение на улицах жилмассива Ак-Жар", "30.06.2027"]);
        let widths = fit(&header, &[&row], 400, M);
        assert_eq!(widths.iter().sum::<u32>(), 400);
        assert!(widths[1] >= 120, "«освещение» + slack: {widths:?}");
        assert!(widths[2] >= 110, "the date is never broken: {widths:?}");
        assert!(widths[1] > widths[2], "the long text gets the spare room: {widths:?}");
    }

    #[test]
    fn short_tables_fill_the_page_in_proportion() {
        let header = strings(&["A", "B"]);
        let row = strings(&["x", "xxxxxxx"]);
        let widths = fit(&header, &[&row], 1000, M);
        assert_eq!(widths.iter().sum::<u32>(), 1000);
        assert!(widths[1] > 3 * widths[0], "{widths:?}");
    }

    #[test]
    fn numbers_shares_and_durations_are_numeric_words_are_not() {
        let rows = [strings(&["12", "35%", "+0:05", "Ак-Жар"]), strings(&["", "5%", "1:30", "3"])];
        let rows: Vec<&[String]> = rows.iter().map(Vec::as_slice).collect();
        assert!(numeric(&rows, 0));
        assert!(numeric(&rows, 1));
        assert!(numeric(&rows, 2));
        assert!(!numeric(&rows, 3));
    }
}
