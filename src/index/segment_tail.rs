//! The small segments a run leaves. tantivy's merge policy merges segments eight of a size at a
//! time, so a run leaves a tail of up to seven small ones (a million articles: six segments of
//! 37,000–54,000 articles beside two of 400,000), and a search visits each segment on its own,
//! its top documents collected apart: with the six merged into one, headline queries over the
//! million articles took 0.76× the time at the median (7.6–7.7 → 5.7–5.9 ms), for a merge of
//! 1.9 s after an index run of 76 s. A run that changed the index merges its small segments,
//! those under a quarter of the largest one, into one; a later run that adds a few articles
//! merges its small new segment with the tail alone, not with the large ones.

use tantivy::index::SegmentId;
use tantivy::{IndexWriter, TantivyDocument};

/// A segment is small when it holds under 1/`SMALL_SHARE` of the largest one's documents.
const SMALL_SHARE: u32 = 4;

/// The memory of the writer that merges (a merge's own memory is not counted against it).
const MERGE_WRITER_BYTES: usize = 15_000_000;

/// Which of the segments (by their number of documents) are small, when there are two or more
/// of them to merge.
pub(crate) fn small_segments(docs: &[u32]) -> Vec<usize> {
    let largest = docs.iter().copied().max().unwrap_or(0);
    let small: Vec<usize> = (0..docs.len())
        .filter(|&i| docs[i] < largest / SMALL_SHARE)
        .collect();
    if small.len() >= 2 { small } else { Vec::new() }
}

/// Merges the small segments of `index` into one; returns how many were merged. The index's
/// writer lock must be free. The merged segments' files stay while a searcher of the index
/// holds them: [`delete_merged`] deletes them once the reader has moved on.
pub(crate) fn merge_small_segments(index: &tantivy::Index) -> tantivy::Result<usize> {
    let metas = index.searchable_segment_metas()?;
    let docs: Vec<u32> = metas.iter().map(|meta| meta.num_docs()).collect();
    let ids: Vec<SegmentId> = small_segments(&docs)
        .into_iter()
        .map(|i| metas[i].id())
        .collect();
    if ids.is_empty() {
        return Ok(0);
    }
    let mut writer: IndexWriter<TantivyDocument> =
        index.writer_with_num_threads(1, MERGE_WRITER_BYTES)?;
    writer.merge(&ids).wait()?;
    writer.wait_merging_threads()?;
    Ok(ids.len())
}

/// Deletes the files of merged segments that no searcher holds any more (else the next run
/// would, at its start).
pub(crate) fn delete_merged(index: &tantivy::Index) -> tantivy::Result<()> {
    let writer: IndexWriter<TantivyDocument> =
        index.writer_with_num_threads(1, MERGE_WRITER_BYTES)?;
    writer.garbage_collect_files().wait()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tail_under_a_quarter_of_the_largest_is_merged_when_two_or_more() {
        // A million articles as a run left them: the six small ones.
        let docs = [
            400_000, 37_044, 41_806, 400_000, 46_197, 48_923, 51_077, 53_803,
        ];
        assert_eq!(small_segments(&docs), [1, 2, 4, 5, 6, 7]);
        // A run that added a few articles to that index once merged: its segment alone is small.
        assert!(small_segments(&[278_850, 400_000, 400_000, 12]).is_empty());
        assert_eq!(small_segments(&[278_850, 400_000, 12, 400_000, 7]), [2, 4]);
        // Segments of one size, one segment, none.
        assert!(small_segments(&[50_000, 60_000, 40_000]).is_empty());
        assert!(small_segments(&[10]).is_empty());
        assert!(small_segments(&[]).is_empty());
    }
}
