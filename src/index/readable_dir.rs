//! The folder of an index as tantivy reads it: its memory-mapped directory, except that an index
//! the user may read but not write (a read-only mount, an archive owned by someone else) can
//! still be searched.
//!
//! tantivy takes a lock file before it opens a commit's segments, so that a writer's cleanup
//! does not delete them in between; the lock file must be opened for writing, which a read-only
//! folder refuses. There the lock is skipped: on a read-only mount no writer can be at work, and
//! for a folder owned by someone else the race it guards against (a segment deleted between
//! reading `meta.json` and opening it) makes opening fail with a missing file, which
//! [`Index::open`](super::Index::open) already retries.

use std::io;
use std::path::Path;
use std::sync::Arc;
use tantivy::directory::error::{
    DeleteError, LockError, OpenDirectoryError, OpenReadError, OpenWriteError,
};
use tantivy::directory::{
    Directory, DirectoryLock, FileHandle, FileSlice, Lock, META_LOCK, MmapDirectory, WatchCallback,
    WatchHandle, WritePtr,
};

/// An index folder: [`MmapDirectory`], reading a folder it may not write.
#[derive(Clone, Debug)]
pub(crate) struct ReadableDirectory {
    inner: MmapDirectory,
}

impl ReadableDirectory {
    /// Opens the folder `dir`.
    pub(crate) fn open(dir: &Path) -> Result<ReadableDirectory, OpenDirectoryError> {
        Ok(ReadableDirectory {
            inner: MmapDirectory::open(dir)?,
        })
    }
}

/// Whether a lock file could not be opened because the folder may not be written.
fn is_unwritable(err: &LockError) -> bool {
    matches!(
        err,
        LockError::IoError(io) if matches!(
            io.kind(),
            io::ErrorKind::ReadOnlyFilesystem | io::ErrorKind::PermissionDenied
        )
    )
}

impl Directory for ReadableDirectory {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        self.inner.get_file_handle(path)
    }

    fn open_read(&self, path: &Path) -> Result<FileSlice, OpenReadError> {
        self.inner.open_read(path)
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.inner.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.inner.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        self.inner.open_write(path)
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.inner.atomic_read(path)
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> io::Result<()> {
        self.inner.atomic_write(path, data)
    }

    fn sync_directory(&self) -> io::Result<()> {
        self.inner.sync_directory()
    }

    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        match self.inner.acquire_lock(lock) {
            // Only readers take this lock; the writer's own lock is never skipped.
            Err(err) if lock.filepath == META_LOCK.filepath && is_unwritable(&err) => {
                Ok(DirectoryLock::from(Box::new(())))
            }
            other => other,
        }
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.inner.watch(watch_callback)
    }
}
