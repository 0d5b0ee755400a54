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
    /// The 1-based line of `path` where the article's record starts, for a record of a file that
    /// holds several (`.jsonl`, a `.json` array); `None` for a whole file or an article handed in
    /// directly. Where it is, not what it says: it is not indexed, and a record that only moves to
    /// another line is not re-indexed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
}

/// The longest article id accepted, in bytes. Longer ids are refused: the index looks articles up
/// by their id's term to update or remove them, and tantivy drops a term over 65,530 bytes
/// without a word, so such an article could never be replaced and would be added again on every
/// run. 4 KiB holds any address or path.
pub const MAX_ID_BYTES: usize = 4096;

/// Why `id` cannot be an article's id, if it cannot.
pub(crate) fn id_problem(id: &str) -> Option<String> {
    (id.len() > MAX_ID_BYTES).then(|| {
        format!(
            "article id {} is {} bytes long, more than the {MAX_ID_BYTES} an id may have",
            id_for_message(id),
            id.len()
        )
    })
}

/// An id quoted for a message, cut to its first 60 characters.
pub(crate) fn id_for_message(id: &str) -> String {
    const SHOWN: usize = 60;
    match id.char_indices().nth(SHOWN) {
        Some((cut, _)) => format!("{:?}…", &id[..cut]),
        None => format!("{id:?}"),
    }
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
