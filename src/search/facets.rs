//! Counting the values of a keyword field (an article's source, its tags or its byline) over the
//! articles that match a search: `lede facets`, as Elasticsearch's terms aggregation or Solr's
//! field facets count them. Who covered a story, under which tags, who wrote it.
//!
//! The fields are indexed whole and lower-cased, not kept as columns, so each segment's matches
//! are gathered in a bit set and the field's postings walked term by term, each counted against
//! it: about one step per article holding a value. A value is shown as the articles write it
//! (the first holding it, of those counted), not lower-cased.

use super::SearchRequest;
use super::query;
use crate::error::{Error, Result};
use crate::index::Index;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Instant;
use tantivy::collector::{Collector, SegmentCollector};

use tantivy::index::InvertedIndexReader;
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::{
    BitSet, DocAddress, DocId, DocSet, Score, SegmentOrdinal, SegmentReader, TERMINATED,
    TantivyDocument,
};

/// A field whose values can be counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FacetField {
    /// The publisher (`source`).
    Source,
    /// The article's tags, each counted.
    Tags,
    /// The byline, whole.
    Author,
}

impl FacetField {
    /// Its name in the index and the query language.
    pub fn name(self) -> &'static str {
        match self {
            FacetField::Source => "source",
            FacetField::Tags => "tags",
            FacetField::Author => "author",
        }
    }

    /// The field of that name.
    pub fn parse(name: &str) -> Result<FacetField> {
        match name.trim().to_lowercase().as_str() {
            "source" | "sources" => Ok(FacetField::Source),
            "tags" | "tag" => Ok(FacetField::Tags),
            "author" | "authors" | "byline" => Ok(FacetField::Author),
            other => Err(Error::BadRequest(format!(
                "field: expected source, tags or author, got {other:?}"
            ))),
        }
    }
}

/// One value and the number of matching articles that hold it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetCount {
    /// The value, as an article writes it.
    pub value: String,
    /// Matching articles that hold it.
    pub articles: u64,
}

/// The values of a field over the articles that match a search.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FacetCounts {
    /// The query as given; for articles like one (`like`), the words it ran on.
    pub query: String,
    /// The field counted.
    pub field: FacetField,
    /// Articles that match.
    pub total_articles: usize,
    /// Matching articles that hold no value of the field.
    pub without: usize,
    /// Distinct values among them.
    pub distinct_values: usize,
    /// The most frequent values, with their article counts.
    pub values: Vec<FacetCount>,
    /// Time taken, in milliseconds.
    pub took_ms: f64,
    /// Parts of the query that were ignored, and why.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// Per segment: the matches in a bit set, then the field's terms counted against it.
struct FacetCollector {
    field: Field,
}

struct SegmentFacetCounter {
    segment: SegmentOrdinal,
    inverted: Arc<InvertedIndexReader>,
    matched: BitSet,
    count: usize,
}

/// A segment's matches, the articles among them with a value, and each value's count with the
/// first matching document holding it.
type SegmentFacets = (usize, usize, HashMap<Vec<u8>, (u64, DocAddress)>);

impl Collector for FacetCollector {
    type Fruit = tantivy::Result<SegmentFacets>;
    type Child = SegmentFacetCounter;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentFacetCounter> {
        Ok(SegmentFacetCounter {
            segment,
            inverted: reader.inverted_index(self.field)?,
            matched: BitSet::with_max_value(reader.max_doc()),
            count: 0,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(
        &self,
        fruits: Vec<tantivy::Result<SegmentFacets>>,
    ) -> tantivy::Result<Self::Fruit> {
        let (mut total, mut valued) = (0, 0);
        let mut merged: HashMap<Vec<u8>, (u64, DocAddress)> = HashMap::new();
        for fruit in fruits {
            let (matched, with_value, counts) = fruit?;
            total += matched;
            valued += with_value;
            for (term, (count, first)) in counts {
                let entry = merged.entry(term).or_insert((0, first));
                entry.0 += count;
                entry.1 = entry.1.min(first);
            }
        }
        Ok(Ok((total, valued, merged)))
    }
}

impl SegmentCollector for SegmentFacetCounter {
    type Fruit = tantivy::Result<SegmentFacets>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        self.matched.insert(doc);
        self.count += 1;
    }

    fn harvest(self) -> Self::Fruit {
        let mut counts = HashMap::new();
        let mut with_value = BitSet::with_max_value(self.matched.max_value());
        let mut valued = 0;
        if self.count > 0 {
            let mut terms = self.inverted.terms().stream()?;
            while terms.advance() {
                let info = terms.value();
                let mut postings = self
                    .inverted
                    .read_postings_from_terminfo(info, IndexRecordOption::Basic)?;
                let (mut count, mut first) = (0u64, None);
                let mut doc = postings.doc();
                while doc != TERMINATED {
                    if self.matched.contains(doc) {
                        count += 1;
                        first.get_or_insert(doc);
                        if !with_value.contains(doc) {
                            with_value.insert(doc);
                            valued += 1;
                        }
                    }
                    doc = postings.advance();
                }
                if let Some(first) = first {
                    let address = DocAddress::new(self.segment, first);
                    counts.insert(terms.key().to_vec(), (count, address));
                }
            }
        }
        Ok((self.count, valued, counts))
    }
}

impl Index {
    /// The values of `field` over the articles that match `request` (its query and filters;
    /// paging and order are ignored), most frequent first (then by value), at most `limit`.
    pub fn facet_counts(
        &self,
        request: &SearchRequest,
        field: FacetField,
        limit: usize,
    ) -> Result<FacetCounts> {
        let started = Instant::now();
        let searcher = self.reader.searcher();
        let request = self.with_like_words(&searcher, request)?;
        let compiled = query::compile(self, &request);
        // The field counted, and the stored field a value is shown from.
        let (target, shown) = match field {
            FacetField::Source => (self.fields.source, self.fields.source),
            FacetField::Tags => (self.fields.tags, self.fields.tags),
            FacetField::Author => (self.fields.author_name, self.fields.author),
        };
        let (total, valued, counts) =
            searcher.search(&*compiled.article, &FacetCollector { field: target })??;
        let distinct = counts.len();
        let mut ranked: Vec<(Vec<u8>, u64, DocAddress)> = counts
            .into_iter()
            .map(|(term, (count, first))| (term, count, first))
            .collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        ranked.truncate(limit);
        let mut values = Vec::with_capacity(ranked.len());
        for (term, articles, first) in ranked {
            let term = String::from_utf8_lossy(&term).into_owned();
            let doc: TantivyDocument = searcher.doc(first)?;
            // The writing whose lower case is the term (a tag among the article's others, a
            // writer among the byline's).
            let stored = doc.get_all(shown).filter_map(|v| v.as_str());
            let value = if field == FacetField::Author {
                stored
                    .flat_map(crate::ingest::byline::writers)
                    .find(|v| v.to_lowercase() == term)
            } else {
                stored.map(str::to_owned).find(|v| v.to_lowercase() == term)
            };
            let value = value.unwrap_or_else(|| term.clone());
            values.push(FacetCount { value, articles });
        }
        Ok(FacetCounts {
            query: request.query.clone(),
            field,
            total_articles: total,
            without: total - valued,
            distinct_values: distinct,
            values,
            took_ms: crate::search::results::millis_since(started),
            warnings: compiled.warnings,
        })
    }
}
