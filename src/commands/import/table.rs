//! A registration list as rows of text: the first sheet of a workbook
//! (calamine: xlsx, xls, ods) or a CSV file in UTF-8, `;` or `,` separated,
//! with or without Excel's byte order mark.

use std::path::Path;

use anyhow::{Context, Result, bail};
use calamine::{Data, Reader};

use crate::i18n::targs;
use crate::store::safe_fs::{Links, MAX_FILE_BYTES, read_regular};

/// "A", "B", … "AA": a column as spreadsheets name it.
pub fn column_letter(mut column: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(char::from(b'A' + (column % 26) as u8));
        if column < 26 {
            break;
        }
        column = column / 26 - 1;
    }
    letters.iter().rev().collect()
}

pub fn read_table(path: &Path) -> Result<Vec<Vec<String>>> {
    let file = path.display().to_string();
    let extension =
        path.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    if !matches!(extension.as_str(), "csv" | "txt" | "xlsx" | "xlsm" | "xls" | "ods") {
        bail!(targs("import-unknown-format", &[("file", file.into())]));
    }
    // A regular file only: a FIFO or a device named by mistake is refused
    // at once instead of blocking the command (the store's own reader).
    let bytes = read_regular(path, Links::Follow, MAX_FILE_BYTES)
        .with_context(|| targs("import-cannot-read", &[("file", file.clone().into())]))?;
    let rows = match extension.as_str() {
        "csv" | "txt" => read_csv(&bytes),
        _ => read_workbook(bytes),
    };
    rows.with_context(|| targs("import-cannot-read", &[("file", file.into())]))
}

fn read_workbook(bytes: Vec<u8>) -> Result<Vec<Vec<String>>> {
    let mut workbook = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes))?;
    let Some(range) = workbook.worksheet_range_at(0) else { return Ok(Vec::new()) };
    let range = range?;
    // Rows and columns before the range's start are empty in the sheet:
    // keep them, so row numbers and column letters are the sheet's.
    let (top, left) = range.start().unwrap_or((0, 0));
    let mut rows = vec![Vec::new(); top as usize];
    for row in range.rows() {
        let mut cells = vec![String::new(); left as usize];
        cells.extend(row.iter().map(cell_text));
        rows.push(cells);
    }
    Ok(rows)
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        // Ages and phone numbers come as numbers: no ".0".
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        other => other.to_string(),
    }
}

/// A CSV in UTF-8 (a BOM is skipped); the separator is `;` if the first
/// line has more of them than commas.
pub fn read_csv(bytes: &[u8]) -> Result<Vec<Vec<String>>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if std::str::from_utf8(bytes).is_err() {
        bail!(crate::i18n::t("import-not-utf8"));
    }
    let first_line = bytes.split(|b| *b == b'\n').next().unwrap_or(&[]);
    let count = |c: u8| first_line.iter().filter(|b| **b == c).count();
    let delimiter = if count(b';') > count(b',') { b';' } else { b',' };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(bytes);
    let mut rows = Vec::new();
    for record in reader.records() {
        rows.push(record?.iter().map(str::to_owned).collect());
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_lettered_as_in_a_spreadsheet() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
    }

    #[test]
    fn csv_separator_and_bom_are_detected_and_windows_1251_is_refused() {
        let rows = read_csv("\u{feff}ФИО;Пол\nИванова, Айгуль;Ж\n".as_bytes()).unwrap();
        assert_eq!(rows, [vec!["ФИО", "Пол"], vec!["Иванова, Айгуль", "Ж"]]);
        let rows = read_csv(b"Name,Gender\nAigul,F\n").unwrap();
        assert_eq!(rows[1], ["Aigul", "F"]);
        // "ФИО" in Windows-1251.
        let error = read_csv(b"\xd4\xc8\xce;\xcf\xee\xeb\n").unwrap_err().to_string();
        assert!(error.contains("UTF-8"), "{error}");
    }
}
