//! The matching passages of known articles, scored from the body's postings.
//!
//! An article document holds the body token span of each of its passages (`passage_spans`). For
//! each candidate article, the positions of the query's terms are read from the body's postings by
//! seeking, and each passage is scored on those within its span (see [`super::passage_query`]).
//! Entity and period filters are checked on the columns of what each passage mentions.

use super::passage_filter::{PassageFilter, PassageMentions};
use super::passage_query::{PassageQuery, PassageStatistics};
use crate::error::Result;
use crate::index::passage_record::{PassageRecord, unpack_span};
use crate::index::schema::Fields;
use tantivy::columnar::Column;
use tantivy::postings::{Postings, SegmentPostings};
use tantivy::query::Bm25StatisticsProvider;
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::{DocAddress, DocId, DocSet, Searcher, SegmentReader, TantivyDocument};

/// A passage found: its score and its index among its article's passages.
pub(crate) type ScoredPassage = (f32, usize);

/// The BM25 statistics of passages for `query`'s terms in the index.
pub(super) fn statistics(
    searcher: &Searcher,
    fields: &Fields,
    query: &PassageQuery,
) -> Result<PassageStatistics> {
    let articles = searcher.num_docs();
    // Deleted articles' passages count too, as their tokens do in the body's total.
    let mut passages = 0u64;
    for reader in searcher.segment_readers() {
        passages += u64::from(reader.fast_fields().u64("passage_spans")?.values.num_vals());
    }
    let doc_freqs = query
        .terms
        .iter()
        .map(|term| searcher.doc_freq(term))
        .collect::<tantivy::Result<Vec<u64>>>()?;
    let tokens = searcher.total_num_tokens(fields.body)?;
    Ok(PassageStatistics::new(
        articles,
        &doc_freqs,
        tokens as f32 / passages.max(1) as f32,
    ))
}

/// For each candidate article (by address), its passages that match `query`, best first, with
/// their scores. With a `filter`, only the passages that also pass it.
pub(super) fn candidate_passages(
    searcher: &Searcher,
    fields: &Fields,
    query: &PassageQuery,
    filter: Option<&PassageFilter>,
    articles: &[DocAddress],
) -> Result<Vec<Vec<ScoredPassage>>> {
    let mut matches = vec![Vec::new(); articles.len()];
    if articles.is_empty() {
        return Ok(matches);
    }
    let statistics = statistics(searcher, fields, query)?;
    let mut order: Vec<usize> = (0..articles.len()).collect();
    order.sort_by_key(|&i| articles[i]);
    for group in order.chunk_by(|&a, &b| articles[a].segment_ord == articles[b].segment_ord) {
        let reader = searcher.segment_reader(articles[group[0]].segment_ord);
        let mut passages = SegmentPassages::new(reader, fields.body, query, &statistics, filter)?;
        for &i in group {
            let list = &mut matches[i];
            list.extend_from_slice(passages.matching(articles[i].doc_id));
            list.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        }
    }
    Ok(matches)
}

/// Scores the passages of one segment's articles, taken in increasing document order: the
/// query's terms' positions are read from the body's postings by seeking.
pub(super) struct SegmentPassages {
    query: PassageQuery,
    statistics: PassageStatistics,
    filter: Option<PassageFilter>,
    spans: Column<u64>,
    postings: Vec<Option<SegmentPostings>>,
    /// The entities each passage mentions, when the filter reads them.
    entity_column: Option<Column<u64>>,
    /// The days each passage mentions, when the filter reads them.
    day_column: Option<Column<u64>>,
    positions: Vec<Vec<u32>>,
    mentions: PassageMentions,
    found: Vec<ScoredPassage>,
}

impl SegmentPassages {
    /// A scorer for the articles of the segment `reader` reads.
    pub fn new(
        reader: &SegmentReader,
        body: Field,
        query: &PassageQuery,
        statistics: &PassageStatistics,
        filter: Option<&PassageFilter>,
    ) -> tantivy::Result<SegmentPassages> {
        let body = reader.inverted_index(body)?;
        let postings = query
            .terms
            .iter()
            .map(|term| body.read_postings(term, IndexRecordOption::WithFreqsAndPositions))
            .collect::<std::io::Result<_>>()?;
        let column = |name: &str, wanted: bool| -> tantivy::Result<Option<Column<u64>>> {
            Ok(if wanted {
                Some(reader.fast_fields().u64(name)?)
            } else {
                None
            })
        };
        Ok(SegmentPassages {
            query: query.clone(),
            statistics: statistics.clone(),
            filter: filter.cloned(),
            spans: reader.fast_fields().u64("passage_spans")?,
            postings,
            entity_column: column(
                "passage_entities",
                filter.is_some_and(|f| f.reads_entities()),
            )?,
            day_column: column("passage_days", filter.is_some_and(|f| f.reads_days()))?,
            positions: vec![Vec::new(); query.terms.len()],
            mentions: PassageMentions::default(),
            found: Vec::new(),
        })
    }

    /// The passages of article `doc` that match (and pass the filter), in passage order, with
    /// their scores. Articles must come in increasing order.
    pub fn matching(&mut self, doc: DocId) -> &[ScoredPassage] {
        for (found, postings) in self.positions.iter_mut().zip(&mut self.postings) {
            found.clear();
            if let Some(postings) = postings
                && holds(postings, doc)
            {
                postings.positions(found);
            }
        }
        self.found.clear();
        for (index, packed) in self.spans.values_for_doc(doc).enumerate() {
            let span = unpack_span(packed);
            if let Some(score) = self.query.score(&self.positions, span, &self.statistics) {
                self.found.push((score, index));
            }
        }
        if let Some(filter) = &self.filter
            && !self.found.is_empty()
        {
            let read = |column: &Option<Column<u64>>, values: &mut Vec<u64>| {
                values.clear();
                if let Some(column) = column {
                    values.extend(column.values_for_doc(doc));
                }
            };
            read(&self.entity_column, &mut self.mentions.entities);
            read(&self.day_column, &mut self.mentions.days);
            let mentions = &self.mentions;
            self.found
                .retain(|&(_, index)| filter.passes(mentions, index));
        }
        &self.found
    }
}

/// The stored records of an article document's passages, in order.
pub(crate) fn passage_records(doc: &TantivyDocument, fields: &Fields) -> Vec<PassageRecord> {
    doc.get_all(fields.passages)
        .map(|value| {
            value
                .as_str()
                .and_then(PassageRecord::from_stored)
                .unwrap_or_default()
        })
        .collect()
}

/// Whether `postings` (moving forward only) hold `doc`.
pub(super) fn holds(postings: &mut SegmentPostings, doc: u32) -> bool {
    if postings.doc() < doc {
        postings.seek(doc);
    }
    postings.doc() == doc
}
