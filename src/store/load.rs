use std::borrow::Cow;
use std::path::Path;

use serde::de::DeserializeOwned;

use super::{CURRENT_FORMAT, LoadError, Position, migrate};
use crate::i18n::t;
use crate::model::{Program, Session};

/// Which kind of record a file holds, told by its top-level struct name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Session,
    Program,
}

/// A successfully loaded file.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    Session(Session),
    Program(Program),
}

/// Reads and parses a session or programme file (only a regular file, at
/// most [`super::MAX_FILE_BYTES`]). A session's journal (edits not yet in
/// the file) is replayed over it.
pub fn load_file(path: &Path) -> Result<Loaded, LoadError> {
    super::handle::read(path).map(|(loaded, _)| loaded)
}

/// Parses file bytes (UTF-8, BOM allowed). `path` is only used in errors.
pub fn parse_bytes(path: &Path, bytes: &[u8]) -> Result<Loaded, LoadError> {
    let text = decode(path, bytes)?;
    parse_str(path, &text)
}

/// UTF-8 with an optional BOM; invalid bytes are reported by position.
fn decode<'a>(path: &Path, bytes: &'a [u8]) -> Result<Cow<'a, str>, LoadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Cow::Borrowed(text)),
        Err(e) => {
            let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            // No error length: the bytes stop in the middle of a character,
            // which is what a file cut off while copied or written looks like.
            let message = match e.error_len() {
                None => crate::i18n::t("load-truncated-utf8"),
                Some(_) => crate::i18n::targs(
                    "load-invalid-utf8",
                    &[("byte", format!("0x{:02X}", bytes[e.valid_up_to()]).into())],
                ),
            };
            Err(LoadError::Syntax { path: path.to_owned(), at: end_position(valid), message })
        }
    }
}

/// The 1-based position just after `text`.
fn end_position(text: &str) -> Position {
    let line = text.matches('\n').count() + 1;
    let last_line = text.rsplit('\n').next().unwrap_or("");
    Position { line, col: last_line.chars().count() + 1 }
}

/// Parses file text (BOM allowed, CRLF or LF). `path` is only used in errors.
pub fn parse_str(path: &Path, text: &str) -> Result<Loaded, LoadError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let text: Cow<str> = if text.contains('\r') {
        Cow::Owned(text.replace("\r\n", "\n"))
    } else {
        Cow::Borrowed(text)
    };
    let header = read_header(path, &text)?;
    if header.format > CURRENT_FORMAT {
        return Err(LoadError::TooNew {
            path: path.to_owned(),
            at: header.format_at,
            found: header.format,
            supported: CURRENT_FORMAT,
        });
    }
    match header.kind {
        FileKind::Session if header.format == CURRENT_FORMAT => {
            deserialize::<Session>(path, &text).map(Loaded::Session)
        }
        FileKind::Session => {
            migrate::session_from_older(path, &text, header.format, header.format_at)
                .map(Loaded::Session)
        }
        FileKind::Program if header.format == CURRENT_FORMAT => {
            deserialize::<Program>(path, &text).map(Loaded::Program)
        }
        FileKind::Program => {
            migrate::program_from_older(path, &text, header.format, header.format_at)
                .map(Loaded::Program)
        }
    }
}

/// Deserializes `text` as `T`, turning ron's error into file:line:col.
pub(super) fn deserialize<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T, LoadError> {
    ron::Options::default().from_str::<T>(text).map_err(|e| LoadError::Syntax {
        path: path.to_owned(),
        at: skip_whitespace(text, Position { line: e.span.start.line, col: e.span.start.col }),
        message: describe(&e.code),
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

/// The start of every file: `Session(` or `Program(`, then `format: N`.
struct Header {
    kind: FileKind,
    format: u32,
    format_at: Position,
}

/// Reads the header without parsing the rest, so that a newer file is
/// refused before anything it might contain trips the parser.
fn read_header(path: &Path, text: &str) -> Result<Header, LoadError> {
    let mut cursor = Cursor { text, offset: 0 };
    let fail = |cursor: &Cursor, message: &str| LoadError::Syntax {
        path: path.to_owned(),
        at: cursor.position(),
        message: message.to_owned(),
    };
    cursor.skip_blank();
    if cursor.rest().is_empty() {
        return Err(fail(&cursor, &t("load-empty")));
    }
    let kind = match cursor.identifier() {
        "Session" => FileKind::Session,
        "Program" => FileKind::Program,
        _ => {
            return Err(fail(&cursor, &t("load-expected-record")));
        }
    };
    cursor.take_identifier();
    cursor.skip_blank();
    if !cursor.eat("(") {
        return Err(fail(&cursor, &t("load-expected-paren")));
    }
    cursor.skip_blank();
    if cursor.identifier() != "format" {
        return Err(fail(&cursor, &t("load-expected-format")));
    }
    cursor.take_identifier();
    cursor.skip_blank();
    if !cursor.eat(":") {
        return Err(fail(&cursor, &t("load-expected-colon")));
    }
    cursor.skip_blank();
    let format_at = cursor.position();
    let digits: String = cursor.rest().chars().take_while(char::is_ascii_digit).collect();
    let format = digits.parse::<u32>().map_err(|_| fail(&cursor, &t("load-expected-number")))?;
    if format == 0 {
        return Err(fail(&cursor, &t("load-format-zero")));
    }
    Ok(Header { kind, format, format_at })
}

struct Cursor<'a> {
    text: &'a str,
    offset: usize,
}

impl<'a> Cursor<'a> {
    fn rest(&self) -> &'a str {
        &self.text[self.offset..]
    }

    fn position(&self) -> Position {
        end_position(&self.text[..self.offset])
    }

    fn eat(&mut self, token: &str) -> bool {
        let found = self.rest().starts_with(token);
        if found {
            self.offset += token.len();
        }
        found
    }

    fn identifier(&self) -> &'a str {
        let rest = self.rest();
        let end =
            rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(rest.len());
        &rest[..end]
    }

    fn take_identifier(&mut self) {
        self.offset += self.identifier().len();
    }

    /// Skips whitespace and `//` and `/* */` comments (not nested: a file
    /// header has no reason to contain nested comments).
    fn skip_blank(&mut self) {
        loop {
            let rest = self.rest();
            let trimmed = rest.trim_start();
            self.offset += rest.len() - trimmed.len();
            if self.rest().starts_with("//") {
                let line_end = self.rest().find('\n').map_or(self.rest().len(), |i| i + 1);
                self.offset += line_end;
            } else if self.rest().starts_with("/*") {
                let end = self.rest().find("*/").map_or(self.rest().len(), |i| i + 2);
                self.offset += end;
            } else {
                return;
            }
        }
    }
}
