//! The matching passages of known articles, scored from the body's postings.
//!
//! The writer adds an article and its passages as one group, so an article's passages are the
//! documents right after its own, up to the first of another id; each stores the body token
//! positions it spans. For each candidate article, the positions of the query's terms are read
//! from the body's postings by seeking, and each passage is scored on those within its span (see
//! [`super::passage_query`]).

use super::collect::SegmentIds;
use super::passage_query::{PassageQuery, PassageStatistics};
use super::seek::matches_at;
use super::stats::KindStatistics;
use crate::error::Result;
use crate::index::schema::{Fields, KIND_ARTICLE, KIND_PASSAGE};
use std::sync::Arc;
use tantivy::postings::{Postings, SegmentPostings};
use tantivy::query::{Bm25StatisticsProvider, Query};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, DocSet, Searcher, Term};

/// The BM25 statistics of passages for `query`'s terms in the index.
fn statistics(
    searcher: &Searcher,
    fields: &Fields,
    query: &PassageQuery,
) -> Result<PassageStatistics> {
    let kind_count = |kind: &str| searcher.doc_freq(&Term::from_field_text(fields.kind, kind));
    let articles = kind_count(KIND_ARTICLE)?;
    let passages = kind_count(KIND_PASSAGE)?.max(1);
    let doc_freqs = query
        .terms
        .iter()
        .map(|term| searcher.doc_freq(term))
        .collect::<tantivy::Result<Vec<u64>>>()?;
    let tokens = searcher.total_num_tokens(fields.body)?;
    Ok(PassageStatistics::new(
        articles,
        &doc_freqs,
        tokens as f32 / passages as f32,
    ))
}

/// For each candidate article (by address), its passages that match `query`, best first, with
/// their scores. With a `filter` (over passage documents: their kind, entities, mentioned dates),
/// only the passages that also pass it.
pub(super) fn candidate_passages(
    searcher: &Searcher,
    fields: &Fields,
    query: &PassageQuery,
    filter: Option<&dyn Query>,
    segments: &[Arc<SegmentIds>],
    articles: &[DocAddress],
) -> Result<Vec<Vec<(f32, DocAddress)>>> {
    let mut matches = vec![Vec::new(); articles.len()];
    if articles.is_empty() {
        return Ok(matches);
    }
    let statistics = statistics(searcher, fields, query)?;
    let mut order: Vec<usize> = (0..articles.len()).collect();
    order.sort_by_key(|&i| articles[i]);
    let mut positions: Vec<Vec<u32>> = vec![Vec::new(); query.terms.len()];
    for group in order.chunk_by(|&a, &b| articles[a].segment_ord == articles[b].segment_ord) {
        let segment_ord = articles[group[0]].segment_ord;
        let reader = searcher.segment_reader(segment_ord);
        let ids = &segments[segment_ord as usize];
        let spans = reader.fast_fields().u64("tokens")?;
        let body = reader.inverted_index(fields.body)?;
        let mut postings: Vec<Option<SegmentPostings>> = query
            .terms
            .iter()
            .map(|term| body.read_postings(term, IndexRecordOption::WithFreqsAndPositions))
            .collect::<std::io::Result<_>>()
            .map_err(tantivy::TantivyError::from)?;
        for &i in group {
            let article = articles[i].doc_id;
            let Some(id) = ids.ord(article) else {
                continue;
            };
            for (found, postings) in positions.iter_mut().zip(&mut postings) {
                found.clear();
                if let Some(postings) = postings
                    && holds(postings, article)
                {
                    postings.positions(found);
                }
            }
            let mut doc = article + 1;
            while doc < reader.max_doc() && ids.ord(doc) == Some(id) {
                if let Some(packed) = spans.first(doc) {
                    let span = (packed >> 32) as u32..packed as u32;
                    if let Some(score) = query.score(&positions, span, &statistics) {
                        matches[i].push((score, DocAddress::new(segment_ord, doc)));
                    }
                }
                doc += 1;
            }
        }
    }
    if let Some(filter) = filter {
        keep_passing(searcher, fields, filter, &mut matches)?;
    }
    for list in &mut matches {
        list.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    }
    Ok(matches)
}

/// Drops the passages that `filter` does not match.
fn keep_passing(
    searcher: &Searcher,
    fields: &Fields,
    filter: &dyn Query,
    matches: &mut [Vec<(f32, DocAddress)>],
) -> Result<()> {
    let addresses: Vec<DocAddress> = matches.iter().flatten().map(|&(_, a)| a).collect();
    let stats = KindStatistics::new(searcher, fields.kind, KIND_PASSAGE)?;
    let mut passing = matches_at(searcher, filter, &stats, &addresses)?.into_iter();
    for list in matches.iter_mut() {
        list.retain(|_| passing.next().flatten().is_some());
    }
    Ok(())
}

/// Whether `postings` (moving forward only) hold `doc`.
pub(super) fn holds(postings: &mut SegmentPostings, doc: u32) -> bool {
    if postings.doc() < doc {
        postings.seek(doc);
    }
    postings.doc() == doc
}
