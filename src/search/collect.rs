//! Article ids for documents, fast: each segment's `id` dictionary is read once into memory (terms
//! are sorted, so an id's ordinal is a binary search away) and kept for as long as the segment
//! lives. Looking ids up one by one in tantivy's compressed dictionary cost more than the search.
//!
//! [`CandidatePassages`] collects the matching passages of a set of candidate articles in one pass.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::index::SegmentId;
use tantivy::{DocAddress, DocId, Score, Searcher, SegmentOrdinal, SegmentReader};

/// One segment's article ids, by term ordinal, and the ordinal of each document.
pub(crate) struct SegmentIds {
    /// Ids sorted (the dictionary's order): index = term ordinal.
    ids: Vec<String>,
    /// Each document's id ordinal.
    ords: Column<u64>,
}

impl SegmentIds {
    fn load(segment: &SegmentReader) -> tantivy::Result<SegmentIds> {
        let Some(column) = segment.fast_fields().str("id")? else {
            return Ok(SegmentIds {
                ids: Vec::new(),
                ords: Column::build_empty_column(segment.max_doc()),
            });
        };
        let mut ids = Vec::with_capacity(column.num_terms());
        let mut stream = column.dictionary().stream()?;
        while stream.advance() {
            ids.push(String::from_utf8_lossy(stream.key()).into_owned());
        }
        let (_, ords) = column.into_parts();
        Ok(SegmentIds { ids, ords })
    }

    /// The id ordinal of a document.
    pub fn ord(&self, doc: DocId) -> Option<u64> {
        self.ords.first(doc)
    }

    /// The id of a document.
    pub fn id(&self, doc: DocId) -> Option<&str> {
        self.ord(doc)
            .and_then(|o| self.ids.get(o as usize))
            .map(String::as_str)
    }

    /// The ordinal of an id in this segment.
    pub fn ord_of(&self, id: &str) -> Option<u64> {
        self.ids
            .binary_search_by(|probe| probe.as_str().cmp(id))
            .ok()
            .map(|o| o as u64)
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

/// Id ordinal → candidate index, for one segment.
type WantedOrds = Arc<HashMap<u64, u32>>;

/// Collects the matching passages of candidate articles: `(candidate index, score, address)`.
pub(crate) struct CandidatePassages {
    /// For each segment: its ids, and id ordinal → candidate index.
    per_segment: Vec<(Arc<SegmentIds>, WantedOrds)>,
}

impl CandidatePassages {
    /// Prepares the lookup of candidate ids (in rank order) in every segment.
    pub fn new(segments: &[Arc<SegmentIds>], candidate_ids: &[&str]) -> CandidatePassages {
        let per_segment = segments
            .iter()
            .map(|segment| {
                let wanted = candidate_ids
                    .iter()
                    .enumerate()
                    .filter_map(|(i, id)| segment.ord_of(id).map(|o| (o, i as u32)))
                    .collect();
                (segment.clone(), Arc::new(wanted))
            })
            .collect();
        CandidatePassages { per_segment }
    }
}

pub(crate) struct CandidatePassagesSegment {
    segment: SegmentOrdinal,
    ids: Arc<SegmentIds>,
    wanted: WantedOrds,
    hits: Vec<(u32, Score, DocAddress)>,
}

impl Collector for CandidatePassages {
    type Fruit = Vec<(u32, Score, DocAddress)>;
    type Child = CandidatePassagesSegment;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        _: &SegmentReader,
    ) -> tantivy::Result<CandidatePassagesSegment> {
        let (ids, wanted) = &self.per_segment[segment as usize];
        Ok(CandidatePassagesSegment {
            segment,
            ids: ids.clone(),
            wanted: wanted.clone(),
            hits: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(
        &self,
        fruits: Vec<Vec<(u32, Score, DocAddress)>>,
    ) -> tantivy::Result<Self::Fruit> {
        Ok(fruits.into_iter().flatten().collect())
    }
}

impl SegmentCollector for CandidatePassagesSegment {
    type Fruit = Vec<(u32, Score, DocAddress)>;

    fn collect(&mut self, doc: DocId, score: Score) {
        if self.wanted.is_empty() {
            return;
        }
        if let Some(candidate) = self.ids.ord(doc).and_then(|o| self.wanted.get(&o)) {
            self.hits
                .push((*candidate, score, DocAddress::new(self.segment, doc)));
        }
    }

    fn harvest(self) -> Self::Fruit {
        self.hits
    }
}
