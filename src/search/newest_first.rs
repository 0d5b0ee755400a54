//! The order of `--sort date`: newest first, then, among articles of the same publication time
//! (a corpus dated by the day has many), the better article score, then the article id, so that
//! the order never depends on how the index was built (document addresses do).

use super::collect::SegmentIds;
use super::ranking::canonical_score;
use std::cmp::Reverse;
use std::collections::HashMap;
use std::sync::Arc;
use tantivy::collector::sort_key::NaturalComparator;
use tantivy::collector::{Collector, SegmentSortKeyComputer, SortKeyComputer, TopDocs};
use tantivy::columnar::Column;
use tantivy::index::SegmentId;
use tantivy::{DateTime, DocAddress, DocId, Score, Searcher, SegmentReader};

/// Publication time (nanoseconds; `None` for undated articles, which come last), the article's
/// score rounded by `canonical_score`, and its id, reversed: higher is better in each.
pub(super) type NewestKey = (Option<i64>, Score, Reverse<String>);

/// Sort key computer for [`NewestKey`]; ids come from the searcher's cached id dictionaries, so
/// that comparing them costs an ordinal within a segment and a string between segments.
struct ByDateScoreId {
    ids: HashMap<SegmentId, Arc<SegmentIds>>,
}

/// One segment's `published` column and ids.
struct SegmentKeys {
    published: Option<Column<DateTime>>,
    ids: Arc<SegmentIds>,
}

impl SortKeyComputer for ByDateScoreId {
    type SortKey = NewestKey;
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
        })
    }
}

impl SegmentSortKeyComputer for SegmentKeys {
    type SortKey = NewestKey;
    /// The id as its ordinal in the segment's sorted id dictionary.
    type SegmentSortKey = (Option<i64>, Score, Reverse<u64>);
    type SegmentComparator = NaturalComparator;

    fn segment_sort_key(&mut self, doc: DocId, score: Score) -> Self::SegmentSortKey {
        let date = self.published.as_ref().and_then(|column| column.first(doc));
        (
            date.map(DateTime::into_timestamp_nanos),
            canonical_score(score),
            Reverse(self.ids.ord(doc).unwrap_or(u64::MAX)),
        )
    }

    fn convert_segment_sort_key(&self, key: Self::SegmentSortKey) -> NewestKey {
        let (date, score, Reverse(ord)) = key;
        let id = self.ids.id_at(ord).unwrap_or_default().to_string();
        (date, score, Reverse(id))
    }
}

/// The `limit` newest matches in `--sort date` order, with their keys; `segments` are the
/// searcher's ids, in segment order.
pub(super) fn newest_first(
    limit: usize,
    searcher: &Searcher,
    segments: &[Arc<SegmentIds>],
) -> impl Collector<Fruit = Vec<(NewestKey, DocAddress)>> {
    let ids = searcher
        .segment_readers()
        .iter()
        .map(SegmentReader::segment_id)
        .zip(segments.iter().cloned())
        .collect();
    TopDocs::with_limit(limit).order_by(ByDateScoreId { ids })
}
