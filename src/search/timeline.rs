//! Timelines: how many matching articles fall in each calendar period, by publication date or by
//! the dates they mention.
//!
//! Periods are calendar days, ISO weeks (Monday to Sunday), months and years, computed with jiff;
//! tantivy's date histogram only has fixed intervals, which cannot bucket months or years. By
//! mentions, an article counts once in every period it mentions a date within; a mention coarser
//! than the period (a year, when counting by month) says nothing about which period and is left
//! out.

use super::SearchRequest;
use super::query;
use crate::error::Result;
use crate::index::Index;
use crate::index::day_range::{day_number, decode, from_day_number};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::time::Instant;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

/// The length of a timeline's periods.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Interval {
    /// Calendar days.
    Day,
    /// ISO weeks, Monday to Sunday.
    Week,
    /// Calendar months.
    #[default]
    Month,
    /// Calendar years.
    Year,
}

impl Interval {
    /// The first day of the period holding `day`.
    pub fn start_of(self, day: Date) -> Date {
        match self {
            Interval::Day => day,
            Interval::Week => day
                .checked_sub(jiff::Span::new().days(day.weekday().to_monday_zero_offset()))
                .unwrap_or(day),
            Interval::Month => day.first_of_month(),
            Interval::Year => day.first_of_year(),
        }
    }

    /// The first day of the period after the one starting on `start`.
    pub fn next(self, start: Date) -> Option<Date> {
        let span = match self {
            Interval::Day => jiff::Span::new().days(1),
            Interval::Week => jiff::Span::new().weeks(1),
            Interval::Month => jiff::Span::new().months(1),
            Interval::Year => jiff::Span::new().years(1),
        };
        start.checked_add(span).ok()
    }

    /// The period's name: `1987-03-02`, `1987-W10`, `1987-03`, `1987`.
    pub fn label(self, start: Date) -> String {
        match self {
            Interval::Day => start.to_string(),
            Interval::Week => {
                let week = start.iso_week_date();
                format!("{:04}-W{:02}", week.year(), week.week())
            }
            Interval::Month => format!("{:04}-{:02}", start.year(), start.month()),
            Interval::Year => format!("{:04}", start.year()),
        }
    }
}

/// Which dates place an article on the timeline.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TimelineBasis {
    /// Its publication date.
    #[default]
    Published,
    /// The dates it mentions.
    Mentions,
}

/// One period of a timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineBucket {
    /// Its name: `1987-03-02`, `1987-W10`, `1987-03` or `1987`.
    pub period: String,
    /// Its first day.
    pub start: Date,
    /// Matching articles in it.
    pub count: u64,
}

/// A timeline of the articles that match a search.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timeline {
    /// The query as given; for articles like one (`like`), the words it ran on.
    pub query: String,
    /// The length of the periods.
    pub by: Interval,
    /// Publication dates or mentioned dates.
    pub basis: TimelineBasis,
    /// Articles that match.
    pub total_articles: usize,
    /// Matching articles not on the timeline: undated, or mentioning no date of the period's
    /// precision.
    pub undated: usize,
    /// Every period from the first to the last non-empty one, empty ones included (only the
    /// non-empty ones when that would be more than [`MAX_FILLED_BUCKETS`]).
    pub buckets: Vec<TimelineBucket>,
    /// Time taken, in milliseconds.
    pub took_ms: f64,
    /// Parts of the query that were ignored, and why.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// Up to this many periods, a timeline lists empty ones between the first and the last.
pub const MAX_FILLED_BUCKETS: usize = 5000;

/// Counts matching articles per period start (a day number).
struct TimelineCollector {
    by: Interval,
    basis: TimelineBasis,
}

struct SegmentTimeline {
    by: Interval,
    published: Option<Column<tantivy::DateTime>>,
    mentions: Option<Column<u64>>,
    /// Period of each packed mention seen, `None` when it spans several.
    periods_of_mentions: HashMap<u64, Option<i64>>,
    counts: BTreeMap<i64, u64>,
    matched: usize,
    undated: usize,
    scratch: BTreeSet<i64>,
}

type TimelineFruit = (usize, usize, BTreeMap<i64, u64>);

impl Collector for TimelineCollector {
    type Fruit = TimelineFruit;
    type Child = SegmentTimeline;

    fn for_segment(
        &self,
        _segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentTimeline> {
        let fast = reader.fast_fields();
        let (published, mentions) = match self.basis {
            TimelineBasis::Published => (Some(fast.date("published")?), None),
            TimelineBasis::Mentions => (None, Some(fast.u64("mention")?)),
        };
        Ok(SegmentTimeline {
            by: self.by,
            published,
            mentions,
            periods_of_mentions: HashMap::new(),
            counts: BTreeMap::new(),
            matched: 0,
            undated: 0,
            scratch: BTreeSet::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<TimelineFruit>) -> tantivy::Result<TimelineFruit> {
        let mut merged = (0, 0, BTreeMap::new());
        for (matched, undated, counts) in fruits {
            merged.0 += matched;
            merged.1 += undated;
            for (start, count) in counts {
                *merged.2.entry(start).or_default() += count;
            }
        }
        Ok(merged)
    }
}

impl SegmentTimeline {
    fn period_of_mention(&mut self, packed: u64) -> Option<i64> {
        let by = self.by;
        *self.periods_of_mentions.entry(packed).or_insert_with(|| {
            let (first, last) = decode(packed);
            let start = by.start_of(first);
            (start == by.start_of(last)).then(|| day_number(start))
        })
    }
}

impl SegmentCollector for SegmentTimeline {
    type Fruit = TimelineFruit;

    fn collect(&mut self, doc: DocId, _score: Score) {
        self.matched += 1;
        if let Some(column) = &self.published {
            match column.first(doc) {
                Some(time) => {
                    let day = from_day_number(time.into_timestamp_secs().div_euclid(86_400));
                    *self
                        .counts
                        .entry(day_number(self.by.start_of(day)))
                        .or_default() += 1;
                }
                None => self.undated += 1,
            }
            return;
        }
        let Some(column) = self.mentions.clone() else {
            return;
        };
        let mut periods = std::mem::take(&mut self.scratch);
        periods.clear();
        for packed in column.values_for_doc(doc) {
            if let Some(start) = self.period_of_mention(packed) {
                periods.insert(start);
            }
        }
        if periods.is_empty() {
            self.undated += 1;
        }
        for &start in &periods {
            *self.counts.entry(start).or_default() += 1;
        }
        self.scratch = periods;
    }

    fn harvest(self) -> TimelineFruit {
        (self.matched, self.undated, self.counts)
    }
}

impl Index {
    /// How many articles matching `request` (its query and filters) fall in each period.
    pub fn timeline(
        &self,
        request: &SearchRequest,
        by: Interval,
        basis: TimelineBasis,
    ) -> Result<Timeline> {
        let started = Instant::now();
        let searcher = self.reader.searcher();
        let request = &*self.with_like_words(&searcher, request)?;
        let compiled = query::compile(self, request);
        let (total, undated, counts) =
            searcher.search(&*compiled.article, &TimelineCollector { by, basis })?;
        Ok(Timeline {
            query: request.query.clone(),
            by,
            basis,
            total_articles: total,
            undated,
            buckets: buckets(&counts, by),
            took_ms: crate::search::results::millis_since(started),
            warnings: compiled.warnings,
        })
    }
}

/// The periods from the first to the last counted one, empty ones filled in when there are not
/// too many.
fn buckets(counts: &BTreeMap<i64, u64>, by: Interval) -> Vec<TimelineBucket> {
    let bucket = |start: Date, count: u64| TimelineBucket {
        period: by.label(start),
        start,
        count,
    };
    let (Some((&first, _)), Some((&last, _))) = (counts.first_key_value(), counts.last_key_value())
    else {
        return Vec::new();
    };
    let mut filled = Vec::new();
    let mut start = from_day_number(first);
    let last = from_day_number(last);
    while start <= last && filled.len() <= MAX_FILLED_BUCKETS {
        let count = counts.get(&day_number(start)).copied().unwrap_or(0);
        filled.push(bucket(start, count));
        match by.next(start) {
            Some(next) => start = next,
            None => break,
        }
    }
    if filled.len() > MAX_FILLED_BUCKETS {
        return counts
            .iter()
            .map(|(&start, &count)| bucket(from_day_number(start), count))
            .collect();
    }
    filled
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::{Weekday, date};

    #[test]
    fn periods_follow_the_calendar() {
        let day = date(2024, 2, 29);
        assert_eq!(Interval::Month.start_of(day), date(2024, 2, 1));
        assert_eq!(
            Interval::Month.next(date(2024, 1, 1)),
            Some(date(2024, 2, 1))
        );
        assert_eq!(Interval::Year.start_of(day), date(2024, 1, 1));
        // 2024-02-29 is a Thursday; its ISO week starts on Monday the 26th.
        assert_eq!(day.weekday(), Weekday::Thursday);
        assert_eq!(Interval::Week.start_of(day), date(2024, 2, 26));
        assert_eq!(Interval::Week.label(date(2024, 2, 26)), "2024-W09");
        // 2027-01-01 is a Friday in ISO week 53 of 2026.
        assert_eq!(
            Interval::Week.label(Interval::Week.start_of(date(2027, 1, 1))),
            "2026-W53"
        );
        assert_eq!(Interval::Month.label(date(1987, 3, 1)), "1987-03");
        assert_eq!(Interval::Day.label(day), "2024-02-29");
    }

    #[test]
    fn gaps_are_filled_with_empty_periods() {
        let mut counts = BTreeMap::new();
        counts.insert(day_number(date(1987, 2, 1)), 3);
        counts.insert(day_number(date(1987, 5, 1)), 1);
        let got = buckets(&counts, Interval::Month);
        let labels: Vec<(&str, u64)> = got.iter().map(|b| (b.period.as_str(), b.count)).collect();
        assert_eq!(
            labels,
            [
                ("1987-02", 3),
                ("1987-03", 0),
                ("1987-04", 0),
                ("1987-05", 1)
            ]
        );
        let mut sparse = BTreeMap::new();
        sparse.insert(day_number(date(1900, 1, 1)), 1);
        sparse.insert(day_number(date(2000, 1, 1)), 1);
        assert_eq!(buckets(&sparse, Interval::Day).len(), 2);
    }
}
