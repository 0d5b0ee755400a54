//! The article: what every format reader produces and every later stage consumes.

use serde::{Deserialize, Serialize};

/// One news article as read from the corpus, before analysis.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable identifier: the record's own id, else the path relative to the corpus root (`#N` for the
    /// N-th record of a multi-record file).
    pub id: String,
    /// Headline.
    pub title: String,
    /// Body text, markup stripped.
    pub body: String,
    /// Publication time, when the metadata gives one.
    pub published: Option<jiff::Timestamp>,
    /// Publisher or site.
    pub source: Option<String>,
    /// Author or byline.
    pub author: Option<String>,
    /// Canonical address.
    pub url: Option<String>,
    /// Free tags from the metadata.
    pub tags: Vec<String>,
    /// Path of the file the article came from, relative to the corpus root.
    pub path: String,
}
