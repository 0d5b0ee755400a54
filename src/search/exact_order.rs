//! Collecting articles in an order that never depends on how the index was built (tantivy breaks
//! ties by document address, which does): `--sort date` is newest first (`--sort oldest` oldest
//! first), then, among articles of the same publication time (a corpus dated by the day has
//! many), the better article score, then the article id; by relevance, the article score (see
//! `ranking::canonical_score`), then the id.

use super::collect::SegmentIds;
use super::ranking::{CANONICAL_HALF_BUCKET, canonical_score};
use std::cmp::Reverse;
use std::collections::HashMap;
use std::sync::Arc;
use tantivy::collector::sort_key::NaturalComparator;
use tantivy::collector::{Collector, Count, SegmentSortKeyComputer, SortKeyComputer, TopDocs};
use tantivy::columnar::Column;
use tantivy::index::SegmentId;
use tantivy::query::{EnableScoring, Query};
use tantivy::{DateTime, DocAddress, DocId, Score, Searcher, SegmentReader};

/// Publication time (nanoseconds, bitwise negated for oldest first; `None` for undated articles,
/// which come last), the article's score rounded by `canonical_score`, and its id, reversed:
/// higher is better in each.
pub(super) type ExactKey = (Option<i64>, Score, Reverse<String>);

/// Sort key computer for [`ExactKey`]; ids come from the searcher's cached id dictionaries, so
/// that comparing them costs an ordinal within a segment and a string between segments.
struct ByDateScoreId {
    ids: HashMap<SegmentId, Arc<SegmentIds>>,
    oldest: bool,
}

/// One segment's `published` column and ids.
struct SegmentKeys {
    published: Option<Column<DateTime>>,
    ids: Arc<SegmentIds>,
    oldest: bool,
}

impl SortKeyComputer for ByDateScoreId {
    type SortKey = ExactKey;
    type Child = SegmentKeys;
    type Comparator = NaturalComparator;

    fn requires_scoring(&self) -> bool {
        true
    }

    fn segment_sort_key_computer(&self, reader: &SegmentReader) -> tantivy::Result<SegmentKeys> {
        let ids = self.ids.get(&reader.segment_id()).cloned().ok_or_else(|| {
            tantivy::TantivyError::InternalError("a segment without its ids".into())
        })?;
        Ok(SegmentKeys {
            published: reader.fast_fields().date("published").ok(),
            ids,
            oldest: self.oldest,
        })
    }
}

impl SegmentSortKeyComputer for SegmentKeys {
    type SortKey = ExactKey;
    /// The id as its ordinal in the segment's sorted id dictionary.
    type SegmentSortKey = (Option<i64>, Score, Reverse<u64>);
    type SegmentComparator = NaturalComparator;

    fn segment_sort_key(&mut self, doc: DocId, score: Score) -> Self::SegmentSortKey {
        let date = self.published.as_ref().and_then(|column| column.first(doc));
        // `!n` orders as `-n` does, without overflowing at `i64::MIN`.
        let time = |date: DateTime| match date.into_timestamp_nanos() {
            nanos if self.oldest => !nanos,
            nanos => nanos,
        };
        (
            date.map(time),
            canonical_score(score),
            Reverse(self.ids.ord(doc).unwrap_or(u64::MAX)),
        )
    }

    fn convert_segment_sort_key(&self, key: Self::SegmentSortKey) -> ExactKey {
        let (date, score, Reverse(ord)) = key;
        let id = self.ids.id_at(ord).unwrap_or_default().to_string();
        (date, score, Reverse(id))
    }
}

/// The `limit` newest (or, with `oldest`, oldest) matches in `--sort date` (`oldest`) order,
/// with their keys; `segments` are the searcher's ids, in segment order.
pub(super) fn by_date(
    limit: usize,
    searcher: &Searcher,
    segments: &[Arc<SegmentIds>],
    oldest: bool,
) -> impl Collector<Fruit = Vec<(ExactKey, DocAddress)>> {
    let ids = searcher
        .segment_readers()
        .iter()
        .map(SegmentReader::segment_id)
        .zip(segments.iter().cloned())
        .collect();
    TopDocs::with_limit(limit).order_by(ByDateScoreId { ids, oldest })
}

/// A match with its canonical score.
type ScoredMatch = (Score, DocAddress);

/// Matches collected beyond the depth asked, so that a run of equal scores cut by the depth is
/// mostly seen whole in one pass: a sixteenth more, and at least this many (a quarter more made
/// a 1000-deep run 10% slower: block-max WAND skips less with a lower bar).
const EXTRA_MIN: usize = 16;

/// The `depth` (at least 1) best matches by canonical article score, then article id, best first,
/// with their canonical scores.
///
/// tantivy's top (block-max WAND) breaks ties by document address, which depends on how the index
/// was built, and its scores differ in their last bits from build to build; rounded by
/// `canonical_score` they are equal, and equal ones are put in id order here. A run of equal
/// scores that the depth cuts is looked at whole: collected with a few more than the depth,
/// it mostly ends inside what was collected; if it does not, every match scoring in or above the
/// run's rounding bucket is collected in a second pass (WAND skips the rest).
///
/// With `count`, the matches are counted in the same pass, the count coming back with them: for a
/// query tantivy cannot run with block-max WAND (it scores every match anyway), that saves the
/// second pass over its matches that counting apart takes.
pub(super) fn best_first(
    searcher: &Searcher,
    query: &dyn Query,
    segments: &[Arc<SegmentIds>],
    depth: usize,
    count: bool,
) -> tantivy::Result<(Vec<ScoredMatch>, Option<usize>)> {
    let depth = depth.max(1);
    let limit = depth + (depth / 16).max(EXTRA_MIN);
    let collector = TopDocs::with_limit(limit).order_by_score();
    let (first, counted) = if count {
        let (first, total) = searcher.search(query, &(collector, Count))?;
        (first, Some(total))
    } else {
        (searcher.search(query, &collector)?, None)
    };
    let mut top: Vec<(Score, DocAddress)> = first
        .into_iter()
        .map(|(score, address)| (canonical_score(score), address))
        .collect();
    if let (Some(&(boundary, _)), Some(&(last, _))) = (top.get(depth - 1), top.last())
        && top.len() == limit
        && last == boundary
    {
        // The run at the cut may go on past what was collected.
        top = above_bucket(searcher, query, boundary)?;
    }
    if top.len() > depth {
        top = segment_tops(top, segments, depth);
    }
    top.sort_by(|a, b| b.0.total_cmp(&a.0));
    // Runs of equal scores that reach into the top go by id, each id looked up once (ids may be
    // read one by one from the compressed dictionary: see `collect`).
    let mut start = 0;
    for run in top.chunk_by_mut(|a, b| a.0 == b.0) {
        if start >= depth {
            break;
        }
        start += run.len();
        if run.len() > 1 {
            let mut keyed: Vec<(String, (Score, DocAddress))> = run
                .iter()
                .map(|&(score, address)| {
                    let id = segments[address.segment_ord as usize].id(address.doc_id);
                    (id.unwrap_or_default().into_owned(), (score, address))
                })
                .collect();
            keyed.sort_by(|a, b| a.0.cmp(&b.0));
            for (slot, (_, hit)) in run.iter_mut().zip(keyed) {
                *slot = hit;
            }
        }
    }
    top.truncate(depth);
    Ok((top, counted))
}

/// The `depth` best of each segment's matches, by score and then id ordinal (within a segment,
/// ordinals are in id order): what can still make the top of all, found with integer compares. A
/// query that scores every match alike (`*`, filters alone) ties them all, a million at most.
fn segment_tops(
    matches: Vec<(Score, DocAddress)>,
    segments: &[Arc<SegmentIds>],
    depth: usize,
) -> Vec<(Score, DocAddress)> {
    let mut by_segment: Vec<Vec<(Score, u64, DocAddress)>> = vec![Vec::new(); segments.len()];
    for (score, address) in matches {
        let segment = address.segment_ord as usize;
        let ord = segments[segment].ord(address.doc_id).unwrap_or(u64::MAX);
        by_segment[segment].push((score, ord, address));
    }
    let rank = |a: &(Score, u64, DocAddress), b: &(Score, u64, DocAddress)| {
        b.0.total_cmp(&a.0).then(a.1.cmp(&b.1))
    };
    let mut tops = Vec::new();
    for mut docs in by_segment {
        if docs.len() > depth {
            docs.select_nth_unstable_by(depth - 1, rank);
            docs.truncate(depth);
        }
        tops.extend(docs.into_iter().map(|(score, _, address)| (score, address)));
    }
    tops
}

/// Every match whose canonical score is `boundary` or more, with its canonical score.
fn above_bucket(
    searcher: &Searcher,
    query: &dyn Query,
    boundary: Score,
) -> tantivy::Result<Vec<(Score, DocAddress)>> {
    let floor = canonical_floor(boundary);
    let weight = query.weight(EnableScoring::enabled_from_searcher(searcher))?;
    let mut found = Vec::new();
    for (ord, reader) in searcher.segment_readers().iter().enumerate() {
        let alive = reader.alive_bitset();
        weight.for_each_pruning(floor, reader, &mut |doc, score| {
            if alive.is_none_or(|bits| bits.is_alive(doc)) {
                found.push((canonical_score(score), DocAddress::new(ord as u32, doc)));
            }
            floor
        })?;
    }
    Ok(found)
}

/// A score below every raw score that `canonical_score` rounds to `canonical`: just below for a
/// positive one; the lowest score for zero (a query of filters alone scores every match 0).
fn canonical_floor(canonical: Score) -> Score {
    if canonical > 0.0 {
        f32::from_bits(canonical.to_bits() - (CANONICAL_HALF_BUCKET + 1))
    } else {
        Score::MIN
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_floor_is_below_every_score_of_the_bucket_and_close_to_it() {
        for raw in [0.051203f32, 0.33442, 1.0, 7.5, 31.25] {
            let canonical = canonical_score(raw);
            let floor = canonical_floor(canonical);
            // Walk down from the canonical score: everything that rounds to it is above the floor,
            // and the first score that does not is at most a step below it.
            let mut bits = canonical.to_bits();
            while canonical_score(f32::from_bits(bits - 1)) == canonical {
                bits -= 1;
            }
            assert!(floor < f32::from_bits(bits), "{raw}");
            assert!(floor >= f32::from_bits(bits - 1), "{raw}");
        }
        assert!(canonical_floor(0.0) < 0.0);
    }
}
