//! What a search returns. These types are lede's JSON output: the CLI's `--json` and `--jsonl`
//! print their serde form, and so will the HTTP API.

use crate::analyze::annotate::EntityName;
use crate::analyze::dates::DateSource;
use serde::{Deserialize, Serialize};

/// The results of one search.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchResults {
    /// The query as given; for articles like one (`like`), the words it ran on.
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
    /// The query with the words no article holds replaced by those they most likely meant
    /// ("did you mean"), when there are such words and likely replacements.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub did_you_mean: Option<String>,
}

/// One article in the results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    /// The article's id.
    pub article_id: String,
    /// Headline.
    pub title: String,
    /// `[start, end)` byte offsets of the query's terms in the headline.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub title_highlights: Vec<[usize; 2]>,
    /// An untitled article's first sentence, which the terminal and the web page show as its
    /// heading (its first passage goes on after it); empty for an article with a title.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub opening: String,
    /// `[start, end)` byte offsets of the query's terms in the opening.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub opening_highlights: Vec<[usize; 2]>,
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
    #[serde(serialize_with = "serialize_score")]
    pub score: f32,
    /// The article's entities, most mentioned first.
    #[serde(default)]
    pub entities: Vec<EntityName>,
    /// The passages shown: the best match first.
    pub passages: Vec<PassageHit>,
    /// With `collapse`, the ids of the articles folded into this one as versions of its story,
    /// best ranked first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub duplicates: Vec<String>,
    /// With `explain`, what the score is made of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explanation: Option<Explanation>,
}

/// What an article hit's score is made of: four parts that add up to it (see the README's
/// *Passages and ranking*), each with what it was computed from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Explanation {
    /// The article part: `article_weight × article_bm25 / the best candidate's`.
    pub article: f32,
    /// Whole-article BM25 (title and body).
    pub article_bm25: f32,
    /// The passage part: `(1 − article_weight) × passage_bm25 / the best candidate's`.
    pub passage: f32,
    /// The best passage's BM25 (over passages).
    pub passage_bm25: f32,
    /// The lead part: `lead_weight × newsiness × lead_share²`.
    pub lead: f32,
    /// The share of the query's words the lead (the body's first words) holds, 0 to 1.
    pub lead_share: f32,
    /// How news-like the article is, 0 to 1 (short bodies are).
    pub newsiness: f32,
    /// The coverage part: `0.2 × coverage_share⁴`.
    pub coverage: f32,
    /// The share of the query's words the title or body holds, 0 to 1.
    pub coverage_share: f32,
    /// Whether the article was among those rescored (the rescore window); below it, the
    /// article part alone.
    pub rescored: bool,
}

impl Hit {
    /// A hit with its id and score alone (what a run that loads no documents gives).
    pub(crate) fn bare(article_id: String, score: f32) -> Hit {
        Hit {
            article_id,
            title: String::new(),
            title_highlights: Vec::new(),
            opening: String::new(),
            opening_highlights: Vec::new(),
            published: None,
            date_source: None,
            source: None,
            url: None,
            path: String::new(),
            score,
            entities: Vec::new(),
            passages: Vec::new(),
            duplicates: Vec::new(),
            explanation: None,
        }
    }
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

/// Writes a score with seven significant digits (`1.9`, not the `1.9000001` that its binary
/// value spells out). Scores are rounded for ranking to steps of at least 7.6e-6 of their value
/// (16 bits of mantissa), coarser than seven digits, so two different scores stay different,
/// in the same order.
fn serialize_score<S: serde::Serializer>(score: &f32, serializer: S) -> Result<S::Ok, S::Error> {
    let short: f64 = format!("{:.6e}", f64::from(*score))
        .parse()
        .unwrap_or(f64::from(*score));
    serializer.serialize_f64(short)
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
    fn scores_are_written_short_and_keep_their_order() {
        let hit = |score: f32| Hit::bare("a".into(), score);
        let written = |score: f32| {
            let json = serde_json::to_value(hit(score)).unwrap();
            json["score"].as_f64().unwrap()
        };
        let binary = 1.9f32 + f32::EPSILON;
        assert_eq!(serde_json::to_string(&binary).unwrap(), "1.9000001");
        assert_eq!(written(binary), 1.9);
        assert_eq!(written(12.345678), 12.34568);
        // Scores one ranking step apart (the finest is 7.6e-6 of their value) stay apart.
        for value in [0.7f32, 1.0, 7.99, 120.0, 127.99, 1000.5] {
            let next = value * (1.0 + 7.6e-6);
            assert!(written(value) < written(next), "{value}");
        }
        let back: Hit = serde_json::from_value(serde_json::to_value(hit(binary)).unwrap()).unwrap();
        assert!((back.score - binary).abs() < 1e-6);
    }

    #[test]
    fn times_are_given_to_the_microsecond() {
        let started = std::time::Instant::now() - std::time::Duration::from_nanos(747_194);
        let text = serde_json::to_string(&millis_since(started)).unwrap();
        let decimals = text.split('.').nth(1).map_or(0, str::len);
        assert!(decimals <= 3, "{text}");
        assert!(text.parse::<f64>().unwrap() >= 0.747, "{text}");
    }
}
