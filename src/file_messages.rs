//! The store's errors in words. The store reports what went wrong as data
//! (it knows nothing of languages); this is where a load or save error
//! becomes a sentence in the interface language, wherever it is shown.

use std::fmt;

use crate::i18n::{t, targs};
use crate::store::{
    FileRefused, FoundKind, LoadError, LockError, LockHolder, SaveError, SyntaxProblem,
};

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
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
            LoadError::Syntax { path, at, problem } => {
                write!(f, "{}:{at}: {problem}", path.display())
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

impl fmt::Display for SyntaxProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            SyntaxProblem::Empty => t("load-empty"),
            SyntaxProblem::ExpectedRecord => t("load-expected-record"),
            SyntaxProblem::ExpectedParen => t("load-expected-paren"),
            SyntaxProblem::ExpectedFormat => t("load-expected-format"),
            SyntaxProblem::ExpectedColon => t("load-expected-colon"),
            SyntaxProblem::ExpectedNumber => t("load-expected-number"),
            SyntaxProblem::FormatZero => t("load-format-zero"),
            SyntaxProblem::InvalidUtf8 { byte } => {
                targs("load-invalid-utf8", &[("byte", format!("0x{byte:02X}").into())])
            }
            SyntaxProblem::TruncatedUtf8 => t("load-truncated-utf8"),
            SyntaxProblem::UnknownFormat { found } => {
                targs("load-unknown-format", &[("found", (*found).into())])
            }
            SyntaxProblem::NoProgrammeFormat { current, found } => targs(
                "load-no-programme-format",
                &[("current", (*current).into()), ("found", (*found).into())],
            ),
            SyntaxProblem::Parser(message) => message.clone(),
        };
        f.write_str(&text)
    }
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SaveError::Io(e) => write!(f, "{e}"),
            SaveError::ChangedOutside { path, kept_in, deleted } => {
                let id = if *deleted { "save-deleted-outside" } else { "save-changed-outside" };
                let args = [
                    ("file", path.display().to_string().into()),
                    ("kept", kept_in.display().to_string().into()),
                ];
                write!(f, "{}", targs(id, &args))
            }
        }
    }
}

impl fmt::Display for LockError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LockError::Held(holder) => {
                write!(f, "{}", targs("read-only-locked", &[("holder", holder.to_string().into())]))
            }
            LockError::HardLinks { path, count } => write!(
                f,
                "{}",
                targs(
                    "lock-hard-links",
                    &[
                        ("file", path.display().to_string().into()),
                        ("count", count.to_string().into()),
                    ],
                )
            ),
            LockError::Io(e) => write!(f, "{e}"),
        }
    }
}

/// Who holds the lock, in a sentence; the lock file's own line when it is
/// not in the shape this kenesh writes.
impl fmt::Display for LockHolder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (Some(pid), Some(since)) = (self.pid, &self.since) else {
            return f.write_str(&self.raw);
        };
        let host = self.host.clone().unwrap_or_else(|| t("lock-this-computer"));
        let args = [
            ("pid", pid.to_string().into()),
            ("host", host.into()),
            ("time", since.clone().into()),
        ];
        f.write_str(&targs("lock-holder", &args))
    }
}

impl fmt::Display for FileRefused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            FileRefused::NotRegular { path, found } => targs(
                "file-not-regular",
                &[("file", path.display().to_string().into()), ("what", t(kind_id(*found)).into())],
            ),
            FileRefused::TooLarge { path, limit_bytes } => targs(
                "file-too-large",
                &[
                    ("file", path.display().to_string().into()),
                    ("limit", (limit_bytes / (1024 * 1024)).to_string().into()),
                ],
            ),
        };
        f.write_str(&text)
    }
}

fn kind_id(found: FoundKind) -> &'static str {
    match found {
        FoundKind::Fifo => "file-kind-fifo",
        FoundKind::Device => "file-kind-device",
        FoundKind::Socket => "file-kind-socket",
        FoundKind::Folder => "file-kind-folder",
        FoundKind::Link => "file-kind-link",
        FoundKind::Other => "file-kind-other",
    }
}
