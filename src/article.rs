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
    /// Publication time: from the metadata, else from a dateline, the top of the text or the file
    /// name.
    pub published: Option<jiff::Timestamp>,
    /// Where `published` came from; `None` when the reader did not say (articles given to the
    /// library directly count as metadata when they have a date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_source: Option<crate::analyze::dates::DateSource>,
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

impl Article {
    /// Where the publication date came from, as recorded by the reader or inferred.
    pub fn date_source(&self) -> crate::analyze::dates::DateSource {
        use crate::analyze::dates::DateSource;
        match (self.date_source, self.published) {
            (Some(source), _) => source,
            (None, Some(_)) => DateSource::Metadata,
            (None, None) => DateSource::None,
        }
    }
}
