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

/// Why a file could not be loaded. Display gives `file:line:col: message`
/// wherever a position is known, in the interface language.
#[derive(Debug)]
pub enum LoadError {
    Io { path: PathBuf, source: std::io::Error },
    Syntax { path: PathBuf, at: Position, message: String },
    TooNew { path: PathBuf, at: Position, found: u32, supported: u32 },
}

impl std::error::Error for LoadError {}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::i18n::targs;
        match self {
            LoadError::Io { path, source } => write!(
                f,
                "{}",
                targs(
                    "load-cannot-read",
                    &[
                        ("file", path.display().to_string().into()),
                        ("error", source.to_string().into())
                    ]
                )
            ),
            LoadError::Syntax { path, at, message } => {
                write!(f, "{}:{at}: {message}", path.display())
            }
            LoadError::TooNew { path, at, found, supported } => write!(
                f,
                "{}:{at}: {}",
                path.display(),
                targs(
                    "load-too-new",
                    &[("found", (*found).into()), ("supported", (*supported).into())]
                )
            ),
        }
    }
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
