//! A filter query over the packed date spans of [`crate::index::day_range`]: it matches the
//! documents that mention at least one date whose whole span lies within a period.
//!
//! tantivy's range queries test one value against one interval; "first day ≥ a and last day ≤ b"
//! tests two halves of the same value, so this query scans the column of each segment once and
//! hands the matches over as a bit set.

use crate::index::day_range;
use tantivy::query::{
    BitSetDocSet, ConstScorer, EmptyScorer, EnableScoring, Explanation, Query, Scorer, Weight,
};
use tantivy::{BitSet, DocId, Score, SegmentReader};

/// Matches documents with a mention whose span lies within `[first, last]` (day numbers).
#[derive(Debug, Clone)]
pub(crate) struct MentionQuery {
    field: String,
    first: i64,
    last: i64,
}

impl MentionQuery {
    /// A query on the packed fast field `field` for spans within the inclusive day numbers.
    pub fn new(field: &str, first: i64, last: i64) -> MentionQuery {
        MentionQuery {
            field: field.to_string(),
            first,
            last,
        }
    }
}

impl Query for MentionQuery {
    fn weight(&self, _scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(self.clone()))
    }
}

impl MentionQuery {
    fn within(&self, value: u64) -> bool {
        day_range::within(value, self.first, self.last)
    }
}

impl Weight for MentionQuery {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let Ok(column) = reader.fast_fields().u64(&self.field) else {
            return Ok(Box::new(EmptyScorer));
        };
        let max_doc = reader.max_doc();
        let mut docs = BitSet::with_max_value(max_doc);
        let mut any = false;
        for doc in 0..max_doc {
            if column.values_for_doc(doc).any(|v| self.within(v)) {
                docs.insert(doc);
                any = true;
            }
        }
        if !any {
            return Ok(Box::new(EmptyScorer));
        }
        Ok(Box::new(ConstScorer::new(BitSetDocSet::from(docs), boost)))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let column = reader.fast_fields().u64(&self.field)?;
        if column.values_for_doc(doc).any(|v| self.within(v)) {
            Ok(Explanation::new("mentions a date in the period", 1.0))
        } else {
            Err(tantivy::TantivyError::InvalidArgument(format!(
                "document {doc} mentions no date in the period"
            )))
        }
    }
}
