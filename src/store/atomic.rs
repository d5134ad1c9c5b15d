use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

const TEMP_MARK: &str = ".kenesh-tmp";

static COUNTER: AtomicU64 = AtomicU64::new(0);

fn temp_path_for(path: &Path) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let temp = format!(".{name}.{}.{n}{TEMP_MARK}", std::process::id());
    path.with_file_name(temp)
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Replaces `path` with `bytes` so that a crash at any moment leaves either
/// the old file or the new one, never a mix: write a temporary file in the
/// same folder, fsync it, rename it over the target, fsync the folder.
/// On failure the old file is untouched and the temporary file is removed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let temp = temp_path_for(path);
    let result = write_and_sync(&temp, bytes).and_then(|()| fs::rename(&temp, path));
    if result.is_err() {
        let _ = fs::remove_file(&temp);
        return result;
    }
    sync_folder(folder_of(path))
}

/// Creates `path` with `bytes`, failing if it already exists (used by
/// `kenesh new`, which must never overwrite a meeting).
pub fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let temp = temp_path_for(path);
    write_and_sync(&temp, bytes)?;
    // hard_link fails if the target exists, so no existing file is replaced.
    let linked = fs::hard_link(&temp, path);
    let _ = fs::remove_file(&temp);
    linked?;
    sync_folder(folder_of(path))
}

fn write_and_sync(temp: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = OpenOptions::new().write(true).create_new(true).open(temp)?;
    file.write_all(bytes)?;
    file.sync_all()
}

#[cfg(unix)]
fn sync_folder(folder: &Path) -> io::Result<()> {
    File::open(folder)?.sync_all()
}

#[cfg(not(unix))]
fn sync_folder(_folder: &Path) -> io::Result<()> {
    Ok(())
}

/// Removes temporary files that an interrupted save of `path` left beside
/// it. Call it only while holding the file's writer lock: then no other
/// process can be in the middle of saving it. Returns how many were removed.
pub fn clean_stray_temp_files(path: &Path) -> usize {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let prefix = format!(".{name}.");
    let Ok(entries) = fs::read_dir(folder_of(path)) else { return 0 };
    entries
        .flatten()
        .filter(|e| {
            let entry = e.file_name().to_string_lossy().into_owned();
            entry.starts_with(&prefix) && entry.ends_with(TEMP_MARK)
        })
        .filter(|e| fs::remove_file(e.path()).is_ok())
        .count()
}
