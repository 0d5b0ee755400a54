//! lede: full-text search for news archives.
#![warn(missing_docs)]

pub mod analyze;
pub mod article;
pub mod error;
pub mod ingest;

pub use article::Article;
pub use error::{Error, Result};
pub mod index;

pub use index::Index;
pub use index::writer::{IndexOptions, IndexSummary, Indexer};
pub mod search;

pub use search::{Hit, PassageHit, SearchRequest, SearchResults};
