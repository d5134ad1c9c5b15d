//! Recovery files: what was in memory when kenesh crashed (a panic) or was
//! quit while the file could not be written. The next start offers it back.

use std::path::{Path, PathBuf};

use crate::model::Session;
use crate::store::{Loaded, load_file, to_ron, write_atomic};

/// Where a recovery copy of `path` may be: beside it (`.NAME.recovery.ron`),
/// or in the data folder when the file's folder cannot be written.
pub fn paths_for(path: &Path) -> Vec<PathBuf> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    // Elsewhere the name carries a hash of the full path, so two files of
    // the same name in different folders never share a recovery copy.
    let full = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    std::hash::Hash::hash(&full, &mut hasher);
    let unique = format!("{name}-{:016x}.recovery.ron", std::hash::Hasher::finish(&hasher));
    let mut paths = vec![path.with_file_name(format!(".{name}.recovery.ron"))];
    if let Some(dirs) = directories::ProjectDirs::from("", "", "kenesh") {
        paths.push(dirs.data_dir().join("recovery").join(&unique));
    }
    paths.push(std::env::temp_dir().join(format!("kenesh-{unique}")));
    paths
}

/// Writes the session to the first place that takes it.
pub fn write(path: &Path, session: &Session) -> anyhow::Result<PathBuf> {
    let text = to_ron(session)?;
    let mut last = None;
    for target in paths_for(path) {
        let written = target
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| write_atomic(&target, text.as_bytes()));
        match written {
            Ok(()) => return Ok(target),
            Err(e) => last = Some(e),
        }
    }
    Err(last.map_or_else(|| anyhow::anyhow!("no place to write a recovery copy"), Into::into))
}

/// A recovery copy of this session that differs from what was loaded.
pub fn find(path: &Path, loaded: &Session) -> Option<Session> {
    paths_for(path).into_iter().find_map(|candidate| match load_file(&candidate) {
        Ok(Loaded::Session(s)) if s.id == loaded.id && s != *loaded => Some(s),
        _ => None,
    })
}
