use std::path::PathBuf;

/// A 1-based line and column in a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub col: usize,
}

impl std::fmt::Display for Position {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

/// Why a file could not be loaded: data, put into words where it is shown
/// (`crate::file_messages`: `file:line:col: message` wherever a position is
/// known, in the interface language).
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    Io { path: PathBuf, source: std::io::Error },
    Syntax { path: PathBuf, at: Position, problem: SyntaxProblem },
    TooNew { path: PathBuf, at: Position, found: u32, supported: u32 },
}

/// What is wrong at a position in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyntaxProblem {
    Empty,
    ExpectedRecord,
    ExpectedParen,
    ExpectedFormat,
    ExpectedColon,
    ExpectedNumber,
    FormatZero,
    /// Not UTF-8 at this byte.
    InvalidUtf8 {
        byte: u8,
    },
    /// The bytes stop in the middle of a character.
    TruncatedUtf8,
    UnknownFormat {
        found: u32,
    },
    NoProgrammeFormat {
        current: u32,
        found: u32,
    },
    /// The RON parser's own message.
    Parser(String),
}

/// What a path turned out to be when the store wanted a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FoundKind {
    Fifo,
    Device,
    Socket,
    Folder,
    Link,
    Other,
}

/// A file the store will not read or write, carried inside the
/// `io::Error` it returns.
#[derive(Debug, thiserror::Error)]
pub enum FileRefused {
    NotRegular { path: PathBuf, found: FoundKind },
    TooLarge { path: PathBuf, limit_bytes: u64 },
}

impl LoadError {
    pub fn path(&self) -> &std::path::Path {
        match self {
            LoadError::Io { path, .. }
            | LoadError::Syntax { path, .. }
            | LoadError::TooNew { path, .. } => path,
        }
    }

    /// Where in the file the problem is, if known.
    pub fn position(&self) -> Option<Position> {
        match self {
            LoadError::Io { .. } => None,
            LoadError::Syntax { at, .. } | LoadError::TooNew { at, .. } => Some(*at),
        }
    }
}
