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
/// wherever a position is known.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}: cannot read the file: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },

    #[error("{}:{at}: {message}", path.display())]
    Syntax { path: PathBuf, at: Position, message: String },

    #[error(
        "{}:{at}: format {found} is newer than this kenesh understands (it reads formats up to {supported}); \
         upgrade kenesh to open it. The file was not changed.",
        path.display()
    )]
    TooNew { path: PathBuf, at: Position, found: u32, supported: u32 },
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
