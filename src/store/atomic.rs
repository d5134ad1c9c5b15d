use std::fs;
use std::io::{self, Write};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

use super::safe_fs::{self, Sidecar};
use super::sidecar::{Sidecars, folder_of};

static COUNTER: AtomicU64 = AtomicU64::new(0);

fn unique() -> u64 {
    COUNTER.fetch_add(1, Ordering::Relaxed)
}

/// Replaces `path` with `bytes` so that a crash at any moment leaves either
/// the old file or the new one, never a mix: write a temporary file in the
/// same folder, fsync it, rename it over the target, fsync the folder.
/// The file keeps its permission bits. On failure the old file is untouched
/// and the temporary file is removed. A link at `path` is replaced, never
/// written through.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mode = safe_fs::mode_of(path);
    replace_with(path, bytes, mode)
}

/// Like [`write_atomic`] for a sidecar: private (0600) whatever was there.
pub fn write_sidecar_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    replace_with(path, bytes, Some(0o600))
}

fn replace_with(path: &Path, bytes: &[u8], mode: Option<u32>) -> io::Result<()> {
    let temp = Sidecars::of(path).temp(unique());
    let result = write_and_sync(&temp, bytes, mode).and_then(|()| rename_over(&temp, path));
    if result.is_err() {
        let _ = fs::remove_file(&temp);
        return result;
    }
    sync_folder(folder_of(path))
}

/// Creates `path` with `bytes`, failing if it already exists (used by
/// `kenesh new`, which must never overwrite a meeting).
pub fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let temp = Sidecars::of(path).temp(unique());
    write_and_sync(&temp, bytes, None)?;
    // hard_link fails if the target exists, so no existing file is replaced.
    let linked = fs::hard_link(&temp, path);
    let _ = fs::remove_file(&temp);
    linked?;
    sync_folder(folder_of(path))
}

/// Renames `from` over `to`. On Unix a reader holding `to` open never
/// stops the rename.
#[cfg(unix)]
fn rename_over(from: &Path, to: &Path) -> io::Result<()> {
    fs::rename(from, to)
}

/// On Windows a program that opened `to` without sharing deletion (a
/// `present` follower in another program, an antivirus scanner, Word
/// peeking at it) makes the replace fail with "access denied" or "sharing
/// violation" until it closes the file, usually within milliseconds: retry
/// for about two seconds before giving up (the save then fails cleanly and
/// the old file is untouched).
#[cfg(windows)]
fn rename_over(from: &Path, to: &Path) -> io::Result<()> {
    const ATTEMPTS: u32 = 40;
    const PAUSE: std::time::Duration = std::time::Duration::from_millis(50);
    let mut attempt = 1;
    loop {
        match fs::rename(from, to) {
            Err(e) if attempt < ATTEMPTS && held_open_by_another(&e) => {
                attempt += 1;
                std::thread::sleep(PAUSE);
            }
            result => return result,
        }
    }
}

/// ERROR_ACCESS_DENIED (5), ERROR_SHARING_VIOLATION (32), ERROR_LOCK_VIOLATION (33).
#[cfg(windows)]
fn held_open_by_another(e: &io::Error) -> bool {
    matches!(e.raw_os_error(), Some(5 | 32 | 33))
}

fn write_and_sync(temp: &Path, bytes: &[u8], mode: Option<u32>) -> io::Result<()> {
    // Created private, then given the target's bits: never wider for a
    // moment than the file it replaces.
    let mut file = match mode {
        Some(_) => safe_fs::open_sidecar(temp, Sidecar::New)?,
        None => fs::OpenOptions::new().write(true).create_new(true).open(temp)?,
    };
    safe_fs::set_mode(&file, mode)?;
    file.write_all(bytes)?;
    file.sync_all()
}

#[cfg(unix)]
pub(super) fn sync_folder(folder: &Path) -> io::Result<()> {
    fs::File::open(folder)?.sync_all()
}

/// Windows cannot open a folder to flush it; NTFS journals the rename
/// itself (its metadata log), which is what the folder fsync gives on Unix.
#[cfg(not(unix))]
pub(super) fn sync_folder(_folder: &Path) -> io::Result<()> {
    Ok(())
}

/// Removes temporary files that an interrupted save of `path` left beside
/// it. Call it only while holding the file's writer lock: then no other
/// process can be in the middle of saving it. Returns how many were removed.
pub fn clean_stray_temp_files(path: &Path) -> usize {
    let sidecars = Sidecars::of(path);
    let Ok(entries) = fs::read_dir(sidecars.folder()) else { return 0 };
    entries
        .flatten()
        .filter(|e| sidecars.is_temp(&e.file_name().to_string_lossy()))
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter(|e| fs::remove_file(e.path()).is_ok())
        .count()
}
