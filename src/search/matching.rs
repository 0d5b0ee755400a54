//! Every document a query matches, in index order: what `--passages` ranks the passages of.
//!
//! tantivy's `DocSetCollector` gives a hash set of addresses, which had to be hashed into (with
//! SipHash) and sorted again; this collects each segment's documents as they come, in order.

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

/// Collects the addresses of the matching documents, by segment and document id.
pub(crate) struct MatchingDocs;

/// One segment's matching documents.
pub(crate) struct SegmentMatches {
    segment: SegmentOrdinal,
    docs: Vec<DocAddress>,
}

impl Collector for MatchingDocs {
    type Fruit = Vec<DocAddress>;
    type Child = SegmentMatches;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        _reader: &SegmentReader,
    ) -> tantivy::Result<SegmentMatches> {
        Ok(SegmentMatches {
            segment,
            docs: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Vec<DocAddress>>) -> tantivy::Result<Vec<DocAddress>> {
        let mut all: Vec<DocAddress> = fruits.into_iter().flatten().collect();
        // Segments are searched in parallel; their fruits may come in any order.
        all.sort_unstable();
        Ok(all)
    }
}

impl SegmentCollector for SegmentMatches {
    type Fruit = Vec<DocAddress>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        self.docs.push(DocAddress::new(self.segment, doc));
    }

    fn harvest(self) -> Vec<DocAddress> {
        self.docs
    }
}
