//! Scoring known documents by seeking: once the candidate articles are known (by date, say), the
//! scores a query gives them are read by moving each segment's scorer forward to their addresses,
//! never by running the query over the whole index.

use crate::error::Result;
use tantivy::query::{EnableScoring, Query};
use tantivy::{DocAddress, DocSet, Searcher};

/// The scores of `query` for the documents at `addresses` (0 where it does not match), found by
/// seeking each segment's scorer to them rather than collecting every match: the candidates'
/// addresses are known.
pub(super) fn scores_at(
    searcher: &Searcher,
    query: &dyn Query,
    addresses: &[DocAddress],
) -> Result<Vec<f32>> {
    let matches = matches_at(searcher, query, addresses)?;
    Ok(matches.into_iter().map(|m| m.unwrap_or(0.0)).collect())
}

/// The scores of `query` for the documents at `addresses`, `None` where it does not match or the
/// document is deleted, found by seeking each segment's scorer to them.
fn matches_at(
    searcher: &Searcher,
    query: &dyn Query,
    addresses: &[DocAddress],
) -> Result<Vec<Option<f32>>> {
    let mut scores = vec![None; addresses.len()];
    if addresses.is_empty() {
        return Ok(scores);
    }
    let weight = query.weight(EnableScoring::enabled_from_searcher(searcher))?;
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
