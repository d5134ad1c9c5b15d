//! Opening files without surprises: only regular files are read (a FIFO
//! would block forever, a device would never end), reads are bounded, and
//! sidecars are opened without following links and created private (0600),
//! so a link planted beside a session can never make kenesh write anywhere
//! else.

use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

use super::error::{FileRefused, FoundKind};

/// The largest session or programme file kenesh reads (a generated session
/// with 10,000 items in every collection is 37 MB).
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Whether a symbolic link at the path itself may be followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Links {
    /// The file the user named may be a link to the real one.
    Follow,
    /// A sidecar: a link there was planted, never followed.
    Refuse,
}

fn refused(path: &Path, found: FoundKind) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        FileRefused::NotRegular { path: path.to_owned(), found },
    )
}

fn check_regular(path: &Path, meta: &std::fs::Metadata) -> io::Result<()> {
    if meta.is_file() {
        return Ok(());
    }
    Err(refused(path, found_kind(meta)))
}

fn found_kind(meta: &std::fs::Metadata) -> FoundKind {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return FoundKind::Fifo;
        }
        if t.is_block_device() || t.is_char_device() {
            return FoundKind::Device;
        }
        if t.is_socket() {
            return FoundKind::Socket;
        }
    }
    if meta.is_dir() {
        FoundKind::Folder
    } else if meta.file_type().is_symlink() {
        FoundKind::Link
    } else {
        FoundKind::Other
    }
}

#[cfg(unix)]
fn open_flags(links: Links) -> i32 {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; the file type
    // is checked right after, before anything is read.
    let nofollow = if links == Links::Refuse { libc::O_NOFOLLOW } else { 0 };
    libc::O_NONBLOCK | nofollow | libc::O_CLOEXEC
}

/// Opens an existing regular file for reading.
pub fn open_regular(path: &Path, links: Links) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, open_flags(links));
    #[cfg(not(unix))]
    if links == Links::Refuse && std::fs::symlink_metadata(path)?.file_type().is_symlink() {
        return Err(refused(path, FoundKind::Link));
    }
    #[cfg(windows)]
    open_link_itself(&mut options, links);
    let file = options.open(path).map_err(|e| link_error(path, e, links))?;
    check_regular(path, &file.metadata()?)?;
    Ok(file)
}

/// Windows' O_NOFOLLOW: open a symbolic link or junction itself, not its
/// target, so a link swapped in after the `symlink_metadata` check is still
/// refused by the file-type check on the open handle. Only name-surrogate
/// reparse points (links, junctions) count as links: OneDrive placeholders
/// and other reparse points are ordinary files to kenesh.
#[cfg(windows)]
fn open_link_itself(options: &mut OpenOptions, links: Links) {
    const FILE_FLAG_OPEN_REPARSE_POINT: u32 = 0x0020_0000;
    if links == Links::Refuse {
        std::os::windows::fs::OpenOptionsExt::custom_flags(options, FILE_FLAG_OPEN_REPARSE_POINT);
    }
}

/// ELOOP from O_NOFOLLOW means "a link was there": say so.
fn link_error(path: &Path, e: io::Error, links: Links) -> io::Error {
    #[cfg(unix)]
    if links == Links::Refuse && e.raw_os_error() == Some(libc::ELOOP) {
        return refused(path, FoundKind::Link);
    }
    let _ = (path, links);
    e
}

/// Reads a whole regular file of at most `limit` bytes.
pub fn read_regular(path: &Path, links: Links, limit: u64) -> io::Result<Vec<u8>> {
    let file = open_regular(path, links)?;
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            FileRefused::TooLarge { path: path.to_owned(), limit_bytes: limit },
        ));
    }
    Ok(bytes)
}

/// How a sidecar is opened for writing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sidecar {
    /// Open or create, keep the content (a lock file).
    Keep,
    /// Create or empty it.
    Truncate,
    /// Create it; fail if anything is there already.
    New,
}

/// Opens a sidecar for writing: never through a link, only a regular file,
/// created 0600 (the people in the room do not share a login).
pub fn open_sidecar(path: &Path, how: Sidecar) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true);
    match how {
        Sidecar::Keep => options.create(true).truncate(false),
        Sidecar::Truncate => options.create(true),
        Sidecar::New => options.create_new(true),
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600).custom_flags(open_flags(Links::Refuse));
    }
    #[cfg(not(unix))]
    if how != Sidecar::New
        && std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
    {
        return Err(refused(path, FoundKind::Link));
    }
    #[cfg(windows)]
    open_link_itself(&mut options, Links::Refuse);
    let file = options.open(path).map_err(|e| link_error(path, e, Links::Refuse))?;
    check_regular(path, &file.metadata()?)?;
    // Truncate only after the checks: opening with O_TRUNC would already
    // have emptied whatever regular file was planted.
    if how == Sidecar::Truncate {
        file.set_len(0)?;
    }
    #[cfg(unix)]
    clear_nonblocking(&file);
    Ok(file)
}

#[cfg(unix)]
fn clear_nonblocking(file: &File) {
    use std::os::fd::AsRawFd;
    let fd = file.as_raw_fd();
    // SAFETY: fcntl on a file descriptor we own, with valid flags.
    unsafe {
        let flags = libc::fcntl(fd, libc::F_GETFL);
        if flags >= 0 {
            libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK);
        }
    }
}

/// The permission bits of an existing regular file (not through a link).
pub fn mode_of(path: &Path) -> Option<u32> {
    let meta = std::fs::symlink_metadata(path).ok().filter(std::fs::Metadata::is_file)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        Some(meta.permissions().mode() & 0o7777)
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        None
    }
}

/// Gives an open file the permission bits `mode` (where the platform has them).
pub fn set_mode(file: &File, mode: Option<u32>) -> io::Result<()> {
    #[cfg(unix)]
    if let Some(mode) = mode {
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(std::fs::Permissions::from_mode(mode))?;
    }
    let _ = (file, mode);
    Ok(())
}

/// Takes the writer's lock on an open lock file without waiting. It is
/// released when the file is closed or its process dies.
#[cfg(not(windows))]
pub fn try_lock(file: &File) -> bool {
    file.try_lock().is_ok()
}

/// Windows locks are mandatory: std's `try_lock` locks every byte, so a
/// second kenesh could not read who holds the lock. Lock one byte far past
/// the holder's text instead (a range beyond the end may be locked).
#[cfg(windows)]
pub fn try_lock(file: &File) -> bool {
    use std::os::windows::io::AsRawHandle;
    use windows_sys::Win32::Storage::FileSystem::{
        LOCKFILE_EXCLUSIVE_LOCK, LOCKFILE_FAIL_IMMEDIATELY, LockFileEx,
    };
    use windows_sys::Win32::System::IO::OVERLAPPED;
    let mut at = OVERLAPPED::default();
    at.Anonymous.Anonymous.OffsetHigh = u32::MAX;
    // SAFETY: the handle is open for the whole call; it is synchronous (std
    // opens files without FILE_FLAG_OVERLAPPED), so `at` is not used after.
    let locked = unsafe {
        LockFileEx(
            file.as_raw_handle(),
            LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY,
            0,
            1,
            0,
            &raw mut at,
        )
    };
    locked != 0
}

/// Device and inode of a file: what identifies it whatever path reaches it.
#[cfg(unix)]
pub fn identity(meta: &std::fs::Metadata) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt;
    (meta.dev(), meta.ino())
}

/// How many names (hard links) a file has.
pub fn link_count(meta: &std::fs::Metadata) -> u64 {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        meta.nlink()
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        1
    }
}

/// Creates `PARENT/PREFIX-<random>`, readable only by us, failing rather
/// than reusing anything already there.
pub fn create_private_folder(parent: &Path, prefix: &str) -> io::Result<std::path::PathBuf> {
    // Windows: the folder inherits the ACL of the user's profile instead.
    #[cfg_attr(not(unix), expect(unused_mut, reason = "only Unix sets a mode"))]
    let mut builder = std::fs::DirBuilder::new();
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    let folder = parent.join(format!("{prefix}-{}", crate::model::new_id()));
    builder.create(&folder)?;
    Ok(folder)
}
