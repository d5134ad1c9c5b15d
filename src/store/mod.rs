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
pub mod sidecar;

pub use atomic::{clean_stray_temp_files, write_atomic, write_new, write_sidecar_atomic};
pub use error::{LoadError, Position};
pub use handle::{Folded, SaveError, SessionFile, SnapshotDone, SnapshotJob, lock_path, read};
pub use load::{FileKind, Loaded, load_file, parse_bytes, parse_str, skip_whitespace};
pub use safe_fs::MAX_FILE_BYTES;
pub use save::to_ron;
pub use sidecar::Sidecars;

/// The format version this program writes. Older files are migrated on load;
/// newer ones are refused.
pub const CURRENT_FORMAT: u32 = 3;
