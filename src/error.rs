//! The library's typed errors: the kinds a caller may want to act on.

use std::path::PathBuf;

/// Errors returned by the lede library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The folder holds no lede index.
    #[error("no lede index at {0} (run `lede index` to build one)")]
    NoIndex(PathBuf),
    /// The path is a file, or a folder that is not empty and does not hold a lede index: lede
    /// refuses to write there.
    #[error("{0} is not empty and is not a lede index; refusing to write there")]
    NotAnIndex(PathBuf),
    /// The index was written by another schema version.
    #[error(
        "the index at {path} has schema version {found}, this lede reads version {expected}: run `lede index --rebuild PATH...` on the articles it holds"
    )]
    SchemaVersion {
        /// Where the index is.
        path: PathBuf,
        /// The version found in the index.
        found: String,
        /// The version this build reads and writes.
        expected: u32,
    },
    /// Another process holds the index's writer lock. The lock is an OS file lock on
    /// `.tantivy-writer.lock`: the system releases it when the holder exits or is killed, so a lock
    /// that is busy always belongs to a live process.
    #[error(
        "the index at {0} is locked by another running `lede index` (the OS lock on {0}/.tantivy-writer.lock is held by a live process); wait for it to finish or stop it. A killed run does not keep the lock: the file may stay, but the lock is released"
    )]
    Locked(PathBuf),
    /// A request that cannot be run as given (a bad date, an unknown option value).
    #[error("{0}")]
    BadRequest(String),
    /// Reading or writing a file failed.
    #[error("{path}: {cause}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause, given in the message (not as the error's source, which would repeat it
        /// when the chain is printed).
        cause: std::io::Error,
    },
    /// Writing to the index failed (a full disk, say). The run's writes since its last commit
    /// were rolled back: the index holds its last commit, searchable as before.
    #[error("writing the index at {path} failed: {cause}; the index keeps its last commit")]
    Write {
        /// Where the index is.
        path: PathBuf,
        /// What tantivy reported.
        cause: String,
    },
    /// An error from tantivy.
    #[error(transparent)]
    Tantivy(#[from] tantivy::TantivyError),
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
