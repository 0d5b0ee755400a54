//! Article ids for documents, fast: a segment's ids are looked up one by one in tantivy's
//! compressed `id` dictionary while few are asked for (a search from the shell needs a hundred or
//! so), and once a segment has had more lookups than reading its whole dictionary would cost, it is
//! read into memory (ids are sorted, so an id is its ordinal's slot) and kept for as long as the
//! segment lives: a server or a batch of queries reads each dictionary once. Looking ids up one by
//! one for every query cost more than the search; reading a million ids for one query cost 30 ms.

use crate::index::str_column::{Terms, all_terms};
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use tantivy::columnar::StrColumn;
use tantivy::index::SegmentId;
use tantivy::{DocId, Searcher, SegmentReader};

/// One lookup in the compressed dictionary costs about as much as reading this many ids in bulk.
const LOOKUP_COST_IN_IDS: usize = 256;

/// Lookups a segment always gets before its whole dictionary is read.
const MIN_LOOKUPS: usize = 64;

/// One segment's article ids, by term ordinal, and the ordinal of each document.
pub(crate) struct SegmentIds {
    /// The `id` column: its dictionary and each document's ordinal.
    column: Option<StrColumn>,
    /// Every id, by ordinal, once read.
    all: OnceLock<Terms>,
    /// Lookups made one by one so far.
    lookups: AtomicUsize,
}

impl SegmentIds {
    fn load(segment: &SegmentReader) -> tantivy::Result<SegmentIds> {
        Ok(SegmentIds {
            column: segment.fast_fields().str("id")?,
            all: OnceLock::new(),
            lookups: AtomicUsize::new(0),
        })
    }

    /// The id ordinal of a document.
    pub fn ord(&self, doc: DocId) -> Option<u64> {
        self.column.as_ref()?.ords().first(doc)
    }

    /// The id of a document.
    pub fn id(&self, doc: DocId) -> Option<Cow<'_, str>> {
        self.ord(doc).and_then(|o| self.id_at(o))
    }

    /// The id of an ordinal.
    pub fn id_at(&self, ord: u64) -> Option<Cow<'_, str>> {
        let column = self.column.as_ref()?;
        if let Some(all) = self.all.get() {
            return all.get(ord).map(Cow::Borrowed);
        }
        let budget = (column.num_terms() / LOOKUP_COST_IN_IDS).max(MIN_LOOKUPS);
        if self.lookups.fetch_add(1, Ordering::Relaxed) >= budget
            && let Ok(all) = all_terms(column)
        {
            return self.all.get_or_init(|| all).get(ord).map(Cow::Borrowed);
        }
        let mut id = String::new();
        match column.ord_to_str(ord, &mut id) {
            Ok(true) => Some(Cow::Owned(id)),
            _ => None,
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Article, Index, IndexOptions, Indexer};

    #[test]
    fn ids_looked_up_one_by_one_and_read_whole_agree() {
        let dir = tempfile::tempdir().unwrap();
        let index = Index::create(dir.path()).unwrap();
        let articles = (0..300).map(|i| Article {
            id: format!("story-{:03}", (i * 7) % 300),
            body: format!("Body {i}."),
            ..Article::default()
        });
        let options = IndexOptions {
            threads: 1,
            ..IndexOptions::default()
        };
        Indexer::new(&index, options)
            .unwrap()
            .add_articles(articles)
            .unwrap();
        let searcher = index.reader.searcher();
        assert_eq!(searcher.segment_readers().len(), 1);
        let segment = &searcher.segment_readers()[0];
        let ids = SegmentIds::load(segment).unwrap();
        let mut seen = Vec::new();
        for doc in 0..segment.max_doc() {
            let loaded = ids.all.get().is_some();
            // Two lookups a document: the first MIN_LOOKUPS go to the dictionary one by one; the
            // next reads it whole.
            assert_eq!(loaded, 2 * doc as usize > MIN_LOOKUPS, "doc {doc}");
            let id = ids.id(doc).unwrap().into_owned();
            assert_eq!(ids.id_at(ids.ord(doc).unwrap()).unwrap(), id);
            seen.push(id);
        }
        seen.sort();
        let expected: Vec<String> = (0..300).map(|i| format!("story-{i:03}")).collect();
        assert_eq!(seen, expected);
        assert!(ids.id_at(300).is_none());
    }
}
