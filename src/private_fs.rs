//! Files and folders Sluis creates are private to its own user: 0600 files,
//! 0700 folders, whatever the umask of the shell or service manager.
//!
//! Why both a umask and explicit modes: the umask (set once at start by
//! [`restrict_umask`]) also covers files that libraries create for us
//! (SQLite's `-wal` and `-shm`, temporary files); the explicit modes keep
//! the promise when Sluis runs as a library inside a test or another
//! program whose umask we do not set.

use std::fs::{DirBuilder, File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::Path;

/// Mode of every file Sluis creates.
pub const FILE_MODE: u32 = 0o600;
/// Mode of every folder Sluis creates.
pub const DIR_MODE: u32 = 0o700;

/// Set the process umask to 077, so nothing created later is readable by
/// the group or others. Call once, first thing in `main`.
pub fn restrict_umask() {
    // SAFETY: umask(2) only changes the process's file-creation mask; it
    // cannot fail and touches no memory.
    unsafe {
        libc::umask(0o077);
    }
}

/// `create_dir_all` with 0700 for every folder it creates.
pub fn create_dir_all(dir: &Path) -> io::Result<()> {
    DirBuilder::new().recursive(true).mode(DIR_MODE).create(dir)
}

/// Open options that create a file with mode 0600.
pub fn options() -> OpenOptions {
    let mut o = OpenOptions::new();
    o.mode(FILE_MODE);
    o
}

/// Create (or truncate) `path` with mode 0600.
pub fn create(path: &Path) -> io::Result<File> {
    options().write(true).create(true).truncate(true).open(path)
}

/// Write `data` to a new private file (0600), replacing what was there.
pub fn write(path: &Path, data: &[u8]) -> io::Result<()> {
    let mut f = create(path)?;
    f.write_all(data)
}

/// Take group and other permissions away from an existing file or folder
/// (one made by an older version, or before the umask was set).
pub fn tighten(path: &Path) -> io::Result<()> {
    let meta = std::fs::metadata(path)?;
    let mode = meta.permissions().mode();
    if mode & 0o077 != 0 {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode & !0o077))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn created_files_and_folders_are_private_even_with_an_open_umask() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("a/b");
        create_dir_all(&sub).unwrap();
        write(&sub.join("f"), b"x").unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&dir.path().join("a")), 0o700);
        assert_eq!(mode(&sub), 0o700);
        assert_eq!(mode(&sub.join("f")), 0o600);
        let loose = dir.path().join("loose");
        std::fs::write(&loose, b"y").unwrap();
        std::fs::set_permissions(&loose, std::fs::Permissions::from_mode(0o644)).unwrap();
        tighten(&loose).unwrap();
        assert_eq!(mode(&loose), 0o600);
    }
}
