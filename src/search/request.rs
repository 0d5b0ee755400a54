//! What a search asks for: the query, its syntax, filters, order, paging and ranking weight.

use super::filters::{EntityFilter, MentionPeriod, calendar_period};
use crate::error::{Error, Result};
use jiff::{Timestamp, tz::TimeZone};
use serde::{Deserialize, Serialize};

/// How results are ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SortOrder {
    /// Best match first.
    #[default]
    Relevance,
    /// Newest first; articles of the same time by article score, then id; undated ones last.
    Date,
    /// Oldest first, as a story's chronology reads; articles of the same time by article score,
    /// then id; undated ones last.
    Oldest,
}

/// How the query text is read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuerySyntax {
    /// tantivy's query language (AND/OR/NOT, "phrases", field:term), with Lucene's fuzzy~ and
    /// wild*card words, parsed leniently.
    #[default]
    Full,
    /// Plain words: operators, quotes and colons are just words.
    Plain,
}

/// The default weight of the whole-article score in the article ranking (the rest is the best
/// passage's): 0.7 was level with or better than whole-article BM25 on every news collection tried.
pub const DEFAULT_ARTICLE_WEIGHT: f32 = 0.7;

/// The default weight of a lead match (scaled by the squared share of the query the lead holds and
/// by newsiness): chosen on known-item Reuters (headline queries) together with the ad-hoc proxy of
/// `bench/adhoc.py` (topic, person and detail queries), which a larger weight costs.
pub const DEFAULT_LEAD_WEIGHT: f32 = 0.7;

fn is_zero(n: &usize) -> bool {
    *n == 0
}

fn default_lead_weight() -> f32 {
    DEFAULT_LEAD_WEIGHT
}

/// The default rescore window: deeper than any page a person reads, shallow enough to stay fast.
pub const DEFAULT_RESCORE_WINDOW: usize = 100;

/// A search.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchRequest {
    /// The query text; empty or `*` matches every article.
    pub query: String,
    /// How the query text is read.
    pub syntax: QuerySyntax,
    /// Hits to return.
    pub limit: usize,
    /// Hits to skip (paging).
    pub offset: usize,
    /// Only articles published at or after this time.
    pub since: Option<Timestamp>,
    /// Only articles published before this time.
    pub until: Option<Timestamp>,
    /// Entities every hit must mention (or must not, when excluded); `entity:` clauses of the query
    /// text are added to these.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entities: Vec<EntityFilter>,
    /// Only hits that mention a date within this period (a mention's whole span must lie within).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mentions: Option<MentionPeriod>,
    /// Articles like this one (by id) instead of a query: its key words are the query (see
    /// [`super::like`]), and it is left out of the hits. The query text must then be empty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub like: Option<String>,
    /// With a query of words alone, the fewest of its words an article must hold (0 or 1: any of
    /// them), as Elasticsearch's `minimum_should_match`; a query with operators ignores it, and
    /// an empty query with one matches nothing.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub minimum_should_match: usize,
    /// Articles never to return, by id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclude_ids: Vec<String>,
    /// The order of the hits.
    pub sort: SortOrder,
    /// Rank passages on their own instead of articles.
    pub passages: bool,
    /// Fold near-duplicates (versions of one story: see [`super::near_duplicates`]) into the
    /// best-ranked one, listed in its hit's `duplicates`; not with `passages`, nor without
    /// documents loaded. The total still counts every match.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub collapse: bool,
    /// Passages shown per article hit: the best one plus others that match.
    pub passages_per_hit: usize,
    /// Weight of the whole-article score against the best passage's, from 0 to 1.
    pub article_weight: f32,
    /// Weight of a lead match (scaled by how news-like the article is and by the squared share of
    /// the query's terms the lead contains), added to the article and passage mix; 0 turns it off.
    #[serde(default = "default_lead_weight")]
    pub lead_weight: f32,
    /// How many of the best articles by whole-article score are rescored with their best passage.
    pub rescore_window: usize,
    /// Load titles, passages and highlights (off for fast id-only runs such as TREC output).
    pub load_documents: bool,
    /// Give each article hit its score's parts (`Hit::explanation`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub explain: bool,
}

impl SearchRequest {
    /// A request for `query` with the defaults: 10 hits by relevance, full syntax.
    pub fn new(query: impl Into<String>) -> SearchRequest {
        SearchRequest {
            query: query.into(),
            syntax: QuerySyntax::Full,
            limit: 10,
            offset: 0,
            since: None,
            until: None,
            entities: Vec::new(),
            mentions: None,
            like: None,
            minimum_should_match: 0,
            exclude_ids: Vec::new(),
            sort: SortOrder::Relevance,
            passages: false,
            collapse: false,
            passages_per_hit: 3,
            article_weight: DEFAULT_ARTICLE_WEIGHT,
            lead_weight: DEFAULT_LEAD_WEIGHT,
            rescore_window: DEFAULT_RESCORE_WINDOW,
            load_documents: true,
            explain: false,
        }
    }
}

/// Which end of a period a date bound marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoundKind {
    /// `--since`: the period's first instant.
    Since,
    /// `--until`: the instant after the period's end, so the whole period is included.
    Until,
}

/// Parses a date bound: `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (a whole year, month or day, in UTC) or an
/// RFC 3339 timestamp.
pub fn parse_date_bound(value: &str, kind: BoundKind) -> Result<Timestamp> {
    let value = value.trim();
    let bad = || {
        Error::BadRequest(format!(
            "invalid date {value:?}: expected YYYY, YYYY-MM, YYYY-MM-DD, an RFC 3339 time, \
             today, yesterday or a time ago (30d, 2w, 6m, 1y, 12h)"
        ))
    };
    if let Ok(ts) = value.parse::<Timestamp>() {
        return Ok(ts);
    }
    if let Some(ts) = relative_bound(value, kind, Timestamp::now()) {
        return ts.map_err(|_| bad());
    }
    let (first, last) = calendar_period(value).map_err(|_| bad())?;
    let date = match kind {
        BoundKind::Since => Ok(first),
        BoundKind::Until => last.tomorrow(),
    };
    // The calendar's last days (the end of 9999) lie past the last timestamp: the bound is then
    // the last timestamp, which no publication date reaches.
    Ok(date
        .ok()
        .and_then(|date| TimeZone::UTC.to_timestamp(date.at(0, 0, 0, 0)).ok())
        .unwrap_or(Timestamp::MAX))
}

/// A bound relative to `now`, as a feed's reader asks for it (Elasticsearch's date math,
/// `now-30d`): `now`; `today` and `yesterday` (whole UTC days: `--until today` takes in all of
/// it); a time ago, `N` hours, days, weeks, months or years (`12h`, `30d`, `2w`, `6m`, `1y`,
/// with or without `now-` before it), an instant either way. `None` when `value` is none of
/// these.
fn relative_bound(
    value: &str,
    kind: BoundKind,
    now: Timestamp,
) -> Option<std::result::Result<Timestamp, jiff::Error>> {
    let value = value.to_ascii_lowercase();
    let today = now.to_zoned_datetime(TimeZone::UTC).date();
    let day = |date: jiff::civil::Date| {
        let date = match kind {
            BoundKind::Since => Ok(date),
            BoundKind::Until => date.tomorrow(),
        };
        date.and_then(|d| TimeZone::UTC.to_timestamp(d.at(0, 0, 0, 0)))
    };
    match value.as_str() {
        "now" => return Some(Ok(now)),
        "today" => return Some(day(today)),
        "yesterday" => return Some(today.yesterday().and_then(day)),
        _ => {}
    }
    let ago = value.strip_prefix("now-").unwrap_or(&value);
    let unit = ago.chars().last()?;
    let digits = &ago[..ago.len() - unit.len_utf8()];
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let count: i64 = digits.parse().ok()?;
    let span = match unit {
        'h' => jiff::Span::new().try_hours(count),
        'd' => jiff::Span::new().try_days(count),
        'w' => jiff::Span::new().try_weeks(count),
        'm' => jiff::Span::new().try_months(count),
        'y' => jiff::Span::new().try_years(count),
        _ => return None,
    };
    Some(span.and_then(|span| {
        now.to_zoned_datetime(TimeZone::UTC)
            .checked_sub(span)
            .map(|zoned| zoned.timestamp())
    }))
}

/// Refuses `since` and `until` bounds with no time between them (`--since 1987-03-05 --until
/// 1987-03-01`): such a search could only ever find nothing.
pub fn check_bounds(since: Option<Timestamp>, until: Option<Timestamp>) -> Result<()> {
    match (since, until) {
        (Some(since), Some(until)) if since >= until => Err(Error::BadRequest(
            "empty period: it ends before it starts".into(),
        )),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_relative_to_now_are_instants_or_whole_days() {
        let now: Timestamp = "2026-11-27T18:30:00Z".parse().unwrap();
        let at =
            |value: &str, kind| relative_bound(value, kind, now).map(|ts| ts.unwrap().to_string());
        let since = BoundKind::Since;
        assert_eq!(at("now", since).unwrap(), "2026-11-27T18:30:00Z");
        assert_eq!(at("today", since).unwrap(), "2026-11-27T00:00:00Z");
        assert_eq!(
            at("Today", BoundKind::Until).unwrap(),
            "2026-11-28T00:00:00Z"
        );
        assert_eq!(at("yesterday", since).unwrap(), "2026-11-26T00:00:00Z");
        assert_eq!(
            at("yesterday", BoundKind::Until).unwrap(),
            "2026-11-27T00:00:00Z"
        );
        assert_eq!(at("30d", since).unwrap(), "2026-10-28T18:30:00Z");
        assert_eq!(at("now-2w", since).unwrap(), "2026-11-13T18:30:00Z");
        assert_eq!(at("12h", BoundKind::Until).unwrap(), "2026-11-27T06:30:00Z");
        assert_eq!(at("1m", since).unwrap(), "2026-10-27T18:30:00Z");
        assert_eq!(at("1y", since).unwrap(), "2025-11-27T18:30:00Z");
        for not_relative in ["1987", "1987-03", "d", "30x", "-3d", "+3d", "now-"] {
            assert!(at(not_relative, since).is_none(), "{not_relative}");
        }
        assert!(relative_bound("99999999y", since, now).unwrap().is_err());
    }

    fn bound(value: &str, kind: BoundKind) -> String {
        parse_date_bound(value, kind)
            .map(|t| t.to_string())
            .unwrap_or_else(|e| e.to_string())
    }

    #[test]
    fn periods_cover_their_whole_span() {
        assert_eq!(bound("1987", BoundKind::Since), "1987-01-01T00:00:00Z");
        assert_eq!(bound("1987", BoundKind::Until), "1988-01-01T00:00:00Z");
        assert_eq!(bound("1987-02", BoundKind::Until), "1987-03-01T00:00:00Z");
        assert_eq!(
            bound("2024-02-29", BoundKind::Until),
            "2024-03-01T00:00:00Z"
        );
        assert_eq!(
            bound("1987-12-31", BoundKind::Until),
            "1988-01-01T00:00:00Z"
        );
        assert_eq!(
            bound("2026-03-02T10:00:00Z", BoundKind::Since),
            "2026-03-02T10:00:00Z"
        );
    }

    #[test]
    fn the_calendar_ends_at_the_last_timestamp() {
        assert_eq!(bound("9999", BoundKind::Until), Timestamp::MAX.to_string());
        assert_eq!(
            bound("9999-12-31", BoundKind::Since),
            Timestamp::MAX.to_string()
        );
        assert_eq!(bound("9998", BoundKind::Until), "9999-01-01T00:00:00Z");
        assert_eq!(bound("0001", BoundKind::Since), "0001-01-01T00:00:00Z");
    }

    #[test]
    fn a_period_that_ends_before_it_starts_is_refused() {
        let since = |v| parse_date_bound(v, BoundKind::Since).ok();
        let until = |v| parse_date_bound(v, BoundKind::Until).ok();
        let empty = check_bounds(since("1987-03-05"), until("1987-03-01")).unwrap_err();
        assert_eq!(empty.to_string(), "empty period: it ends before it starts");
        assert!(check_bounds(since("1987-03-05"), until("1987-03-04")).is_err());
        // One day, or one bound alone, is a period.
        assert!(check_bounds(since("1987-03-05"), until("1987-03-05")).is_ok());
        assert!(check_bounds(since("1987-03-05"), None).is_ok());
        assert!(check_bounds(None, until("1987-03-01")).is_ok());
    }

    #[test]
    fn bad_dates_are_clear_errors() {
        for bad in [
            "87",
            "1987-2",
            "1987-13",
            "2023-02-29",
            "the day before",
            "3q",
            "",
        ] {
            assert!(
                bound(bad, BoundKind::Since).starts_with("invalid date"),
                "{bad}"
            );
        }
    }
}
