//! Recovery files: what was in memory when kenesh crashed (a panic) or was
//! quit while the file could not be written. The next start offers it back.
//!
//! A recovery copy is only ever written and read as a private regular file
//! (0600, no link followed): beside the session, or in a per-user folder
//! (0700) when the session's folder cannot be written. Nothing in a shared
//! temp folder, where another user could plant one.

use std::path::{Path, PathBuf};

use crate::model::Session;
use crate::store::safe_fs::{Links, read_regular};
use crate::store::{Loaded, MAX_FILE_BYTES, Sidecars, parse_bytes, to_ron, write_sidecar_atomic};

/// The per-user folder for recovery copies, made private if new.
fn private_folder() -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "kenesh")?;
    Some(dirs.data_dir().join("recovery"))
}

/// Whether a folder is ours alone (on Unix: owned by us, no access for
/// group or others).
fn is_private(folder: &Path) -> bool {
    let Ok(meta) = std::fs::symlink_metadata(folder) else { return false };
    if !meta.is_dir() {
        return false;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // SAFETY: getuid has no preconditions.
        let uid = unsafe { libc::getuid() };
        meta.uid() == uid && meta.mode() & 0o077 == 0
    }
    #[cfg(not(unix))]
    true
}

fn make_private(folder: &Path) -> std::io::Result<()> {
    if let Some(parent) = folder.parent() {
        std::fs::create_dir_all(parent)?;
    }
    // Windows: the folder inherits the ACL of the user's profile instead.
    #[cfg_attr(not(unix), expect(unused_mut, reason = "only Unix sets a mode"))]
    let mut builder = std::fs::DirBuilder::new();
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    match builder.create(folder) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e),
    }
}

/// Where a recovery copy of `path` may be: beside it (`.NAME.recovery.ron`),
/// or in the private data folder.
pub fn paths_for(path: &Path) -> Vec<PathBuf> {
    let mut paths = vec![Sidecars::of(path).recovery()];
    if let Some(folder) = private_folder() {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        // The name carries a hash of the full path, so two files of the
        // same name in different folders never share a recovery copy.
        let full = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        let hash = crate::store::journal::hash_of(full.to_string_lossy().as_bytes());
        paths.push(folder.join(format!("{name}-{hash:016x}.recovery.ron")));
    }
    paths
}

/// Writes the session to the first place that takes it.
pub fn write(path: &Path, session: &Session) -> anyhow::Result<PathBuf> {
    let text = to_ron(session)?;
    let mut last: Option<std::io::Error> = None;
    for (i, target) in paths_for(path).into_iter().enumerate() {
        let folder_ok = match target.parent() {
            Some(folder) if i > 0 => make_private(folder).map(|()| is_private(folder)),
            _ => Ok(true),
        };
        let written = match folder_ok {
            Ok(true) => write_sidecar_atomic(&target, text.as_bytes()),
            Ok(false) => Err(std::io::Error::other("recovery folder is not private")),
            Err(e) => Err(e),
        };
        match written {
            Ok(()) => return Ok(target),
            Err(e) => last = Some(e),
        }
    }
    // Last resort: a fresh private folder in the temp folder, under a name
    // nobody could have planted; the path is printed, not offered back.
    let fresh =
        crate::store::safe_fs::create_private_folder(&std::env::temp_dir(), "kenesh-recovery");
    let written = fresh.and_then(|folder| {
        let target = folder.join(Sidecars::of(path).recovery().file_name().unwrap_or_default());
        write_sidecar_atomic(&target, text.as_bytes()).map(|()| target)
    });
    match written {
        Ok(target) => Ok(target),
        Err(e) => Err(last.map_or(e, |first| first).into()),
    }
}

/// A recovery copy of this session that differs from what was loaded.
/// Only private regular files count: a link or a copy in a folder others
/// can write is never offered.
pub fn find(path: &Path, loaded: &Session) -> Option<Session> {
    paths_for(path).into_iter().enumerate().find_map(|(i, candidate)| {
        if i > 0 && !candidate.parent().is_some_and(is_private) {
            return None;
        }
        let bytes = read_regular(&candidate, Links::Refuse, MAX_FILE_BYTES).ok()?;
        match parse_bytes(&candidate, &bytes) {
            Ok(Loaded::Session(s)) if s.id == loaded.id && s != *loaded => Some(s),
            _ => None,
        }
    })
}
