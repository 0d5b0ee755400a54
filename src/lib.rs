//! lede: full-text search for news archives.
//!
//! Data flows one way: files → [`Article`]s ([`ingest`]) → passages, entities and dates
//! ([`analyze`]) → tantivy documents ([`index`]) → [`Hit`]s ([`search`]).
//!
//! Open (or create) an [`Index`] in a folder, fill it with an [`Indexer`] from files
//! ([`Indexer::index_paths`]) or from any iterator of [`Article`]s ([`Indexer::add_articles`]), and
//! ask it a [`SearchRequest`]: each [`Hit`] carries the article's metadata and entities and its
//! best passages ([`PassageHit`]) with the matched words as byte ranges and the dates they mention.
//! [`Index::entity_counts`] and [`Index::timeline`] take the same request. Requests given as text
//! (a URL's query string) go through [`search::Params`]. Errors are [`Error`]s.
//!
//! ```
//! use lede::search::{EntityFilter, SearchRequest};
//! use lede::{Index, IndexOptions, Indexer};
//!
//! let work = tempfile::tempdir()?;
//! let corpus = work.path().join("corpus");
//! std::fs::create_dir(&corpus)?;
//! std::fs::write(
//!     corpus.join("bahia.md"),
//!     "---\ntitle: Bahia cocoa review\ndate: 1987-02-26\n---\n\
//!      Showers continued throughout the week in the Bahia cocoa zone, Comissaria Smith said \
//!      on Thursday. Sales were estimated at 6.13 mln bags against 5.8 mln in January 1986.\n",
//! )?;
//!
//! let index = Index::open_or_create(work.path().join("index"))?;
//! let summary = Indexer::new(&index, IndexOptions::default())?.index_paths(&[corpus])?;
//! assert_eq!(summary.added, 1);
//! index.reload()?; // see the commit at once
//!
//! let mut request = SearchRequest::new("cocoa showers");
//! request.entities.push(EntityFilter::parse("LOC:Bahia")?);
//! let results = index.search(&request)?;
//! let hit = &results.hits[0];
//! assert_eq!(hit.title, "Bahia cocoa review");
//! assert_eq!(hit.published.unwrap().to_string(), "1987-02-26T00:00:00Z");
//! assert!(hit.entities.iter().any(|e| e.name == "Bahia"));
//!
//! let passage = &hit.passages[0];
//! let [start, end] = passage.highlights[0];
//! assert_eq!(&passage.text[start..end], "Showers");
//! assert!(passage.dates.contains(&"1986-01".to_string()));
//! # Ok::<(), Box<dyn std::error::Error>>(())
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
