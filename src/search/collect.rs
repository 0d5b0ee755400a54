//! Article ids for documents, fast: each segment's `id` dictionary is read once into memory (terms
//! are sorted, so an id's ordinal is a binary search away) and kept for as long as the segment
//! lives. Looking ids up one by one in tantivy's compressed dictionary cost more than the search.

use crate::index::str_column::{Terms, all_terms};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tantivy::columnar::Column;
use tantivy::index::SegmentId;
use tantivy::{DocId, Searcher, SegmentReader};

/// One segment's article ids, by term ordinal, and the ordinal of each document.
pub(crate) struct SegmentIds {
    /// Ids sorted (the dictionary's order), by term ordinal.
    ids: Terms,
    /// Each document's id ordinal.
    ords: Column<u64>,
}

impl SegmentIds {
    fn load(segment: &SegmentReader) -> tantivy::Result<SegmentIds> {
        let Some(column) = segment.fast_fields().str("id")? else {
            return Ok(SegmentIds {
                ids: Terms::default(),
                ords: Column::build_empty_column(segment.max_doc()),
            });
        };
        let ids = all_terms(&column)?;
        let (_, ords) = column.into_parts();
        Ok(SegmentIds { ids, ords })
    }

    /// The id ordinal of a document.
    pub fn ord(&self, doc: DocId) -> Option<u64> {
        self.ords.first(doc)
    }

    /// The id of a document.
    pub fn id(&self, doc: DocId) -> Option<&str> {
        self.ord(doc).and_then(|o| self.id_at(o))
    }

    /// The id of an ordinal.
    pub fn id_at(&self, ord: u64) -> Option<&str> {
        self.ids.get(ord)
    }
}

/// Per-segment ids, shared by every search on an index.
#[derive(Default)]
pub(crate) struct IdCache {
    segments: Mutex<HashMap<SegmentId, Arc<SegmentIds>>>,
}

impl IdCache {
    /// The ids of every segment of a searcher, loading those not seen yet and forgetting segments
    /// that are gone.
    pub fn for_searcher(&self, searcher: &Searcher) -> tantivy::Result<Vec<Arc<SegmentIds>>> {
        let mut cache = self.segments.lock().unwrap_or_else(|e| e.into_inner());
        let live: Vec<SegmentId> = searcher
            .segment_readers()
            .iter()
            .map(|s| s.segment_id())
            .collect();
        cache.retain(|id, _| live.contains(id));
        searcher
            .segment_readers()
            .iter()
            .map(|segment| {
                if let Some(ids) = cache.get(&segment.segment_id()) {
                    return Ok(ids.clone());
                }
                let ids = Arc::new(SegmentIds::load(segment)?);
                cache.insert(segment.segment_id(), ids.clone());
                Ok(ids)
            })
            .collect()
    }
}
