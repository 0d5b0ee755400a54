//! Small collectors and readers the search needs beyond tantivy's: every match with its score, and
//! article ids read from the `id` fast field.

use std::collections::HashMap;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::StrColumn;
use tantivy::{DocAddress, DocId, Score, Searcher, SegmentOrdinal, SegmentReader};

/// Collects every matching document with its score.
pub(crate) struct AllScored;

pub(crate) struct AllScoredSegment {
    segment: SegmentOrdinal,
    hits: Vec<(Score, DocAddress)>,
}

impl Collector for AllScored {
    type Fruit = Vec<(Score, DocAddress)>;
    type Child = AllScoredSegment;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        _: &SegmentReader,
    ) -> tantivy::Result<AllScoredSegment> {
        Ok(AllScoredSegment {
            segment,
            hits: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<Vec<(Score, DocAddress)>>) -> tantivy::Result<Self::Fruit> {
        Ok(fruits.into_iter().flatten().collect())
    }
}

impl SegmentCollector for AllScoredSegment {
    type Fruit = Vec<(Score, DocAddress)>;

    fn collect(&mut self, doc: DocId, score: Score) {
        self.hits.push((score, DocAddress::new(self.segment, doc)));
    }

    fn harvest(self) -> Self::Fruit {
        self.hits
    }
}

/// Reads article ids from the `id` fast field, opening each segment's column once.
pub(crate) struct IdReader<'a> {
    searcher: &'a Searcher,
    columns: HashMap<SegmentOrdinal, Option<StrColumn>>,
}

impl<'a> IdReader<'a> {
    pub fn new(searcher: &'a Searcher) -> Self {
        IdReader {
            searcher,
            columns: HashMap::new(),
        }
    }

    /// The article id of a document (article or passage).
    pub fn id(&mut self, address: DocAddress) -> tantivy::Result<String> {
        let column = match self.columns.entry(address.segment_ord) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => {
                let segment = self.searcher.segment_reader(address.segment_ord);
                e.insert(segment.fast_fields().str("id")?)
            }
        };
        let mut id = String::new();
        if let Some(column) = column
            && let Some(ord) = column.term_ords(address.doc_id).next()
        {
            column.ord_to_str(ord, &mut id)?;
        }
        Ok(id)
    }
}
