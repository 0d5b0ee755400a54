//! Scoring known documents by seeking: once the candidate articles are known, their passages and
//! the scores a query gives them are read by moving each segment's scorer forward to their
//! addresses, never by running the query over the whole index.

use super::collect::SegmentIds;
use super::stats::KindStatistics;
use crate::error::Result;
use tantivy::query::{EnableScoring, Query};
use tantivy::{DocAddress, DocSet, Searcher};

/// The scores of `query` for the documents at `addresses` (0 where it does not match), found by
/// seeking each segment's scorer to them rather than collecting every match: the candidates'
/// addresses are known.
pub(super) fn scores_at(
    searcher: &Searcher,
    query: &dyn Query,
    stats: &KindStatistics,
    addresses: &[DocAddress],
) -> Result<Vec<f32>> {
    let matches = matches_at(searcher, query, stats, addresses)?;
    Ok(matches.into_iter().map(|m| m.unwrap_or(0.0)).collect())
}

/// For each candidate article (by address), its passages that match `query`, best first.
///
/// The writer adds an article and its passages as one group, so the passages are the documents
/// right after the article's in its segment, up to the first of another id: they are scored by
/// seeking, not by running the query over every passage of the index.
pub(super) fn candidate_matches(
    searcher: &Searcher,
    query: &dyn Query,
    stats: &KindStatistics,
    segments: &[std::sync::Arc<SegmentIds>],
    articles: &[DocAddress],
) -> Result<Vec<Vec<(f32, DocAddress)>>> {
    let mut owners = Vec::new();
    let mut addresses = Vec::new();
    for (owner, article) in articles.iter().enumerate() {
        let ids = &segments[article.segment_ord as usize];
        let max_doc = searcher.segment_reader(article.segment_ord).max_doc();
        let Some(id) = ids.ord(article.doc_id) else {
            continue;
        };
        let mut doc = article.doc_id + 1;
        while doc < max_doc && ids.ord(doc) == Some(id) {
            owners.push(owner);
            addresses.push(DocAddress::new(article.segment_ord, doc));
            doc += 1;
        }
    }
    let mut matches = vec![Vec::new(); articles.len()];
    let scores = matches_at(searcher, query, stats, &addresses)?;
    for ((owner, address), score) in owners.into_iter().zip(addresses).zip(scores) {
        if let Some(score) = score {
            matches[owner].push((score, address));
        }
    }
    for list in &mut matches {
        list.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    }
    Ok(matches)
}

/// The scores of `query` for the documents at `addresses`, `None` where it does not match or the
/// document is deleted, found by seeking each segment's scorer to them.
fn matches_at(
    searcher: &Searcher,
    query: &dyn Query,
    stats: &KindStatistics,
    addresses: &[DocAddress],
) -> Result<Vec<Option<f32>>> {
    let mut scores = vec![None; addresses.len()];
    if addresses.is_empty() {
        return Ok(scores);
    }
    let weight = query.weight(EnableScoring::enabled_from_statistics_provider(
        stats, searcher,
    ))?;
    let mut order: Vec<usize> = (0..addresses.len()).collect();
    order.sort_by_key(|&i| addresses[i]);
    let mut current: Option<(u32, Box<dyn tantivy::query::Scorer>)> = None;
    for i in order {
        let address = addresses[i];
        if current
            .as_ref()
            .is_none_or(|(segment, _)| *segment != address.segment_ord)
        {
            let reader = searcher.segment_reader(address.segment_ord);
            current = Some((address.segment_ord, weight.scorer(reader, 1.0)?));
        }
        let (_, scorer) = current.as_mut().expect("a scorer for the segment");
        let alive = searcher
            .segment_reader(address.segment_ord)
            .alive_bitset()
            .is_none_or(|alive| alive.is_alive(address.doc_id));
        if alive && scorer.doc() <= address.doc_id && scorer.seek(address.doc_id) == address.doc_id
        {
            scores[i] = Some(scorer.score());
        }
    }
    Ok(scores)
}
