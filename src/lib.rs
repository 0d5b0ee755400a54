//! lede: full-text search for news archives.
//!
//! Data flows one way: files → [`Article`]s ([`ingest`]) → passages, entities and dates
//! ([`analyze`]) → tantivy documents ([`index`]) → [`Hit`]s ([`search`]).
//!
//! ```
//! use lede::{Article, Index, IndexOptions, Indexer, SearchRequest};
//!
//! let dir = std::env::temp_dir().join(format!("lede-doc-{}", std::process::id()));
//! let _ = std::fs::remove_dir_all(&dir);
//! let index = Index::create(&dir)?;
//! let story = Article {
//!     id: "cocoa-1".into(),
//!     title: "Bahia cocoa review".into(),
//!     body: "Showers continued throughout the week in the Bahia cocoa zone.".into(),
//!     ..Article::default()
//! };
//! Indexer::new(&index, IndexOptions::default())?.add_articles([story])?;
//! let results = index.search(&SearchRequest::new("cocoa showers"))?;
//! assert_eq!(results.hits[0].article_id, "cocoa-1");
//! let passage = &results.hits[0].passages[0];
//! let [start, end] = passage.highlights[0];
//! assert_eq!(&passage.text[start..end], "Showers");
//! std::fs::remove_dir_all(&dir).ok();
//! # Ok::<(), lede::Error>(())
//! ```
#![warn(missing_docs)]

pub mod analyze;
pub mod article;
pub mod error;
pub mod ingest;

pub use analyze::annotate::EntityName;
pub use article::Article;
pub use error::{Error, Result};
pub mod index;

pub use index::Index;
pub use index::writer::{IndexOptions, IndexSummary, Indexer};
pub mod search;

pub use search::{Hit, PassageHit, SearchRequest, SearchResults};
#[cfg(feature = "serve")]
pub mod serve;
