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
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DocAddress, DocSet, Searcher, TantivyDocument};

/// A passage found: its score and its index among its article's passages.
pub(crate) type ScoredPassage = (f32, usize);

/// The BM25 statistics of passages for `query`'s terms in the index.
fn statistics(
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
/// their scores. With a `filter`, only the passages that also pass it (read from the articles'
/// stored records).
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
    let mut positions: Vec<Vec<u32>> = vec![Vec::new(); query.terms.len()];
    for group in order.chunk_by(|&a, &b| articles[a].segment_ord == articles[b].segment_ord) {
        let reader = searcher.segment_reader(articles[group[0]].segment_ord);
        let spans = reader.fast_fields().u64("passage_spans")?;
        let body = reader.inverted_index(fields.body)?;
        let mut postings: Vec<Option<SegmentPostings>> = query
            .terms
            .iter()
            .map(|term| body.read_postings(term, IndexRecordOption::WithFreqsAndPositions))
            .collect::<std::io::Result<_>>()
            .map_err(tantivy::TantivyError::from)?;
        for &i in group {
            let article = articles[i].doc_id;
            for (found, postings) in positions.iter_mut().zip(&mut postings) {
                found.clear();
                if let Some(postings) = postings
                    && holds(postings, article)
                {
                    postings.positions(found);
                }
            }
            for (index, packed) in spans.values_for_doc(article).enumerate() {
                if let Some(score) = query.score(&positions, unpack_span(packed), &statistics) {
                    matches[i].push((score, index));
                }
            }
        }
    }
    if let Some(filter) = filter {
        keep_passing(searcher, filter, articles, &mut matches)?;
    }
    for list in &mut matches {
        list.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    }
    Ok(matches)
}

/// Keeps, of each article's `matches`, the passages that pass `filter`, read from the articles'
/// columns of what each passage mentions.
fn keep_passing(
    searcher: &Searcher,
    filter: &PassageFilter,
    articles: &[DocAddress],
    matches: &mut [Vec<ScoredPassage>],
) -> Result<()> {
    let mut columns = Vec::with_capacity(searcher.segment_readers().len());
    for reader in searcher.segment_readers() {
        let column = |name: &str, wanted: bool| -> Result<Option<Column<u64>>> {
            Ok(if wanted {
                Some(reader.fast_fields().u64(name)?)
            } else {
                None
            })
        };
        columns.push((
            column("passage_entities", filter.reads_entities())?,
            column("passage_days", filter.reads_days())?,
        ));
    }
    let mut mentions = PassageMentions::default();
    for (list, &article) in matches.iter_mut().zip(articles) {
        if list.is_empty() {
            continue;
        }
        let (entities, days) = &columns[article.segment_ord as usize];
        let read = |column: &Option<Column<u64>>, values: &mut Vec<u64>| {
            values.clear();
            if let Some(column) = column {
                values.extend(column.values_for_doc(article.doc_id));
            }
        };
        read(entities, &mut mentions.entities);
        read(days, &mut mentions.days);
        list.retain(|&(_, index)| filter.passes(&mentions, index));
    }
    Ok(())
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
