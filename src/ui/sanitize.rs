//! The screen's sanitizer is the one in `crate::text`, shared with the
//! command line's output.

pub use crate::text::{is_unsafe, safe};
