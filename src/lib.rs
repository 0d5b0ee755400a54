//! lede: full-text search for news archives.
#![warn(missing_docs)]

pub mod analyze;
pub mod article;
