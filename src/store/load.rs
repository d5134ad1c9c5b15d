use std::borrow::Cow;
use std::path::Path;

use super::syntax::{deserialize, end_position};
use super::{CURRENT_FORMAT, LoadError, Position, SyntaxProblem, migrate};
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
            let problem = match e.error_len() {
                None => SyntaxProblem::TruncatedUtf8,
                Some(_) => SyntaxProblem::InvalidUtf8 { byte: bytes[e.valid_up_to()] },
            };
            Err(LoadError::Syntax { path: path.to_owned(), at: end_position(valid), problem })
        }
    }
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
    let fail = |cursor: &Cursor, problem: SyntaxProblem| LoadError::Syntax {
        path: path.to_owned(),
        at: cursor.position(),
        problem,
    };
    cursor.skip_blank();
    if cursor.rest().is_empty() {
        return Err(fail(&cursor, SyntaxProblem::Empty));
    }
    let kind = match cursor.identifier() {
        "Session" => FileKind::Session,
        "Program" => FileKind::Program,
        _ => {
            return Err(fail(&cursor, SyntaxProblem::ExpectedRecord));
        }
    };
    cursor.take_identifier();
    cursor.skip_blank();
    if !cursor.eat("(") {
        return Err(fail(&cursor, SyntaxProblem::ExpectedParen));
    }
    cursor.skip_blank();
    if cursor.identifier() != "format" {
        return Err(fail(&cursor, SyntaxProblem::ExpectedFormat));
    }
    cursor.take_identifier();
    cursor.skip_blank();
    if !cursor.eat(":") {
        return Err(fail(&cursor, SyntaxProblem::ExpectedColon));
    }
    cursor.skip_blank();
    let format_at = cursor.position();
    let digits: String = cursor.rest().chars().take_while(char::is_ascii_digit).collect();
    let format = digits.parse::<u32>().map_err(|_| fail(&cursor, SyntaxProblem::ExpectedNumber))?;
    if format == 0 {
        return Err(fail(&cursor, SyntaxProblem::FormatZero));
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
