//! What a search returns. These types are lede's JSON output: the CLI's `--json` and `--jsonl`
//! print their serde form, and so will the HTTP API.

use crate::analyze::annotate::EntityName;
use crate::analyze::dates::DateSource;
use serde::{Deserialize, Serialize};

/// The results of one search.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchResults {
    /// The query as given.
    pub query: String,
    /// Articles (or passages, when ranking passages) that match.
    pub total_hits: usize,
    /// Time the search took, in milliseconds.
    pub took_ms: f64,
    /// The hits of the requested page.
    pub hits: Vec<Hit>,
    /// Parts of the query that were ignored, and why.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// One article in the results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    /// The article's id.
    pub article_id: String,
    /// Headline.
    pub title: String,
    /// Publication time (RFC 3339), when known.
    pub published: Option<jiff::Timestamp>,
    /// Where the publication time came from.
    pub date_source: Option<DateSource>,
    /// Publisher.
    pub source: Option<String>,
    /// Address.
    pub url: Option<String>,
    /// Path of the source file, relative to its corpus root.
    pub path: String,
    /// Ranking score (higher is better; comparable within one search only).
    pub score: f32,
    /// The article's entities, most mentioned first.
    #[serde(default)]
    pub entities: Vec<EntityName>,
    /// The passages shown: the best match first.
    pub passages: Vec<PassageHit>,
}

/// A passage shown with a hit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PassageHit {
    /// Position among the article's passages, from 0.
    pub index: usize,
    /// The passage text.
    pub text: String,
    /// First byte of the passage in the article body.
    pub start: usize,
    /// One past the last byte of the passage in the article body.
    pub end: usize,
    /// Matched terms, as `[start, end)` byte ranges of `text`.
    pub highlights: Vec<[usize; 2]>,
    /// The entities the passage mentions, in order of first mention.
    #[serde(default)]
    pub entities: Vec<EntityName>,
    /// TIMEX3 values of the dates the passage mentions (`1987-03-03`, `1987-Q3`), in text order.
    #[serde(default)]
    pub dates: Vec<String>,
}

/// Milliseconds since `started`, to the microsecond (a `took_ms` of `0.747`, not
/// `0.7471939999999999`).
pub(crate) fn millis_since(started: std::time::Instant) -> f64 {
    started.elapsed().as_micros() as f64 / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_given_to_the_microsecond() {
        let started = std::time::Instant::now() - std::time::Duration::from_nanos(747_194);
        let text = serde_json::to_string(&millis_since(started)).unwrap();
        let decimals = text.split('.').nth(1).map_or(0, str::len);
        assert!(decimals <= 3, "{text}");
        assert!(text.parse::<f64>().unwrap() >= 0.747, "{text}");
    }
}
