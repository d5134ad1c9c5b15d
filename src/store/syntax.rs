//! RON text to values, with errors at the file's line and column. Shared
//! by the loader and the migrations of older formats.

use std::path::Path;

use serde::de::DeserializeOwned;

use super::{LoadError, Position, SyntaxProblem};

/// Deserializes `text` as `T`, turning ron's error into file:line:col.
pub fn deserialize<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T, LoadError> {
    ron::Options::default().from_str::<T>(text).map_err(|e| LoadError::Syntax {
        path: path.to_owned(),
        at: skip_whitespace(text, Position { line: e.span.start.line, col: e.span.start.col }),
        problem: SyntaxProblem::Parser(describe(&e.code)),
    })
}

/// ron reports where the previous token ended; the user wants the first
/// character of the offending one, so step over the whitespace between.
pub fn skip_whitespace(text: &str, at: Position) -> Position {
    let line_start: usize =
        text.split_inclusive('\n').take(at.line.saturating_sub(1)).map(str::len).sum();
    let rest = &text[line_start.min(text.len())..];
    let mut position = at;
    for c in rest.chars().skip(at.col.saturating_sub(1)) {
        match c {
            '\n' => position = Position { line: position.line + 1, col: 1 },
            c if c.is_whitespace() => position.col += 1,
            _ => break,
        }
    }
    position
}

/// ron's messages, with the hint about raising the recursion limit replaced
/// by what the user can do about it.
fn describe(code: &ron::Error) -> String {
    match code {
        ron::Error::ExceededRecursionLimit => {
            "nesting is too deep (more than 128 levels); a kenesh file is never this deep"
                .to_owned()
        }
        other => {
            let text = other.to_string();
            let mut chars = text.chars();
            match chars.next() {
                Some(first) => first.to_lowercase().chain(chars).collect(),
                None => text,
            }
        }
    }
}

/// The 1-based position just after `text`.
pub fn end_position(text: &str) -> Position {
    let line = text.matches('\n').count() + 1;
    let last_line = text.rsplit('\n').next().unwrap_or("");
    Position { line, col: last_line.chars().count() + 1 }
}
