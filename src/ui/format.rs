//! The views' time formats are the shared ones in `crate::format`.

pub use crate::format::*;
