//! Reading and writing session and programme files (RON).
//!
//! Loading names file, line and column for every error; saving is pretty,
//! deterministic and atomic. A file that failed to load is never written:
//! writing goes through a [`SessionFile`] handle that only a successful load
//! (or the creation of a new file) hands out.

mod atomic;
mod error;
mod handle;
pub mod journal;
mod load;
mod migrate;
pub mod safe_fs;
mod save;
pub mod shared;
pub mod sidecar;
mod syntax;

pub use atomic::{clean_stray_temp_files, write_atomic, write_new, write_sidecar_atomic};
pub use error::{FileRefused, FoundKind, LoadError, Position, SyntaxProblem};
pub use handle::{
    Folded, LockError, LockHolder, Presence, SaveError, SessionFile, SharedView, SnapshotDone,
    SnapshotJob, load_file, lock_path, read,
};
pub use load::{FileKind, Loaded, parse_bytes, parse_str};
pub use safe_fs::MAX_FILE_BYTES;
pub use save::to_ron;
pub use shared::{Conflict, user_at_host};
pub use sidecar::Sidecars;
pub use syntax::skip_whitespace;

/// The format version this program writes (the model stamps it on what it
/// creates). Older files are migrated on load; newer ones are refused.
pub use crate::model::CURRENT_FORMAT;
