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
/// their scores. With a `filter`, only the passages that also pass it.
pub(super) fn candidate_passages(
    searcher: &Searcher,
    fields: &Fields,
    query: &PassageQuery,
    filter: Option<&PassageFilter>,
    articles: &[DocAddress],
) -> Result<Vec<Vec<ScoredPassage>>> {
    let mut matches = vec![Vec::new(); articles.len()];
    for_each_passage(searcher, fields, query, filter, articles, |i, passage| {
        matches[i].push(passage)
    })?;
    for list in &mut matches {
        list.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    }
    Ok(matches)
}

/// Calls `visit(i, passage)` for every passage of `articles[i]` that matches `query` (and passes
/// `filter`), article by article in address order, each article's passages in their order.
/// Nothing is kept between articles: a caller that wants a page of every match keeps only that.
pub(super) fn for_each_passage(
    searcher: &Searcher,
    fields: &Fields,
    query: &PassageQuery,
    filter: Option<&PassageFilter>,
    articles: &[DocAddress],
    mut visit: impl FnMut(usize, ScoredPassage),
) -> Result<()> {
    if articles.is_empty() {
        return Ok(());
    }
    let statistics = statistics(searcher, fields, query)?;
    let mentions_columns = match filter {
        Some(filter) => Some(mention_columns(searcher, filter)?),
        None => None,
    };
    let mut mentions = PassageMentions::default();
    let mut order: Vec<usize> = (0..articles.len()).collect();
    order.sort_by_key(|&i| articles[i]);
    let mut positions: Vec<Vec<u32>> = vec![Vec::new(); query.terms.len()];
    let mut found: Vec<ScoredPassage> = Vec::new();
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
            found.clear();
            for (index, packed) in spans.values_for_doc(article).enumerate() {
                if let Some(score) = query.score(&positions, unpack_span(packed), &statistics) {
                    found.push((score, index));
                }
            }
            if let (Some(filter), Some(columns), false) =
                (filter, &mentions_columns, found.is_empty())
            {
                read_mentions(
                    &columns[articles[i].segment_ord as usize],
                    article,
                    &mut mentions,
                );
                found.retain(|&(_, index)| filter.passes(&mentions, index));
            }
            for &passage in &found {
                visit(i, passage);
            }
        }
    }
    Ok(())
}

/// Each segment's columns of what its passages mention, those `filter` reads.
type MentionColumns = (Option<Column<u64>>, Option<Column<u64>>);

/// The columns of what each passage mentions that `filter` reads, by segment.
fn mention_columns(searcher: &Searcher, filter: &PassageFilter) -> Result<Vec<MentionColumns>> {
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
    Ok(columns)
}

/// Reads what the passages of the segment's `article` mention into `mentions`.
fn read_mentions((entities, days): &MentionColumns, article: u32, mentions: &mut PassageMentions) {
    let read = |column: &Option<Column<u64>>, values: &mut Vec<u64>| {
        values.clear();
        if let Some(column) = column {
            values.extend(column.values_for_doc(article));
        }
    };
    read(entities, &mut mentions.entities);
    read(days, &mut mentions.days);
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
