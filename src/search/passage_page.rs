//! The page of a passage search: the best (or newest) of every matching passage, chosen while
//! they are scored.
//!
//! Passages come article by article in address order. Each segment keeps its best `wanted` in a
//! buffer of twice that, cut back whenever it fills: within a segment the order (date when sorted
//! by it, score, then id ordinal and passage index) has no ties, since ordinals are in id order,
//! and whatever ranks below the buffer's cut can never reach the page. The segments' bests are
//! then put in order by id, so that the page does not depend on how the index was built. Memory
//! holds a page's worth a segment, not every matching passage (a million articles matching
//! `*` have five million).

use super::collect::SegmentIds;
use super::request::SortOrder;
use std::cmp::Ordering;
use std::sync::Arc;
use tantivy::{DateTime, DocAddress};

/// A matching passage, with what orders it.
#[derive(Debug, Clone, Copy)]
pub(super) struct RankedPassage {
    /// Its article's publication time (read only when sorting by date).
    pub date: Option<DateTime>,
    /// Its score.
    pub score: f32,
    /// Its article.
    pub article: DocAddress,
    /// Its index among the article's passages.
    pub index: usize,
    /// Its article's id ordinal within the segment.
    ord: u64,
}

/// Chooses the candidates for a page among passages offered one by one.
pub(super) struct PassagePage<'a> {
    sort: SortOrder,
    wanted: usize,
    segments: &'a [Arc<SegmentIds>],
    /// The current segment's best so far, fewer than `2 * wanted`.
    current: Vec<RankedPassage>,
    /// The current segment's segment ordinal.
    segment: Option<u32>,
    /// The worst passage kept at the current segment's last cut: anything not better is out.
    bar: Option<RankedPassage>,
    /// The best `wanted` of each segment done.
    kept: Vec<RankedPassage>,
    /// How many passages were offered.
    total: usize,
}

impl<'a> PassagePage<'a> {
    /// A page of the `wanted` first passages in `sort` order; `segments` give id ordinals.
    pub fn new(sort: SortOrder, wanted: usize, segments: &'a [Arc<SegmentIds>]) -> PassagePage<'a> {
        PassagePage {
            sort,
            wanted,
            segments,
            current: Vec::new(),
            segment: None,
            bar: None,
            kept: Vec::new(),
            total: 0,
        }
    }

    /// Whether the page reads publication dates.
    pub fn wants_dates(&self) -> bool {
        self.sort == SortOrder::Date
    }

    /// The order before ids: newest first (undated last) when sorting by date, then best first.
    /// `Less` comes first.
    fn leading(&self, a: &RankedPassage, b: &RankedPassage) -> Ordering {
        let by_score = b.score.total_cmp(&a.score);
        match self.sort {
            SortOrder::Relevance => by_score,
            SortOrder::Date => b.date.cmp(&a.date).then(by_score),
        }
    }

    /// The whole order within a segment, where id ordinals are in id order.
    fn within_segment(&self, a: &RankedPassage, b: &RankedPassage) -> Ordering {
        self.leading(a, b)
            .then(a.ord.cmp(&b.ord))
            .then(a.index.cmp(&b.index))
    }

    /// Offers a matching passage: passage `index` of `article`, scored `score`. Articles come in
    /// address order.
    pub fn offer(&mut self, date: Option<DateTime>, score: f32, article: DocAddress, index: usize) {
        self.total += 1;
        if self.wanted == 0 {
            return;
        }
        if self.segment != Some(article.segment_ord) {
            self.finish_segment();
            self.segment = Some(article.segment_ord);
        }
        let mut passage = RankedPassage {
            date,
            score,
            article,
            index,
            ord: 0,
        };
        if let Some(bar) = &self.bar
            && self.leading(&passage, bar) == Ordering::Greater
        {
            return;
        }
        passage.ord = self.segments[article.segment_ord as usize]
            .ord(article.doc_id)
            .unwrap_or(u64::MAX);
        if let Some(bar) = &self.bar
            && self.within_segment(&passage, bar) != Ordering::Less
        {
            return;
        }
        self.current.push(passage);
        if self.current.len() >= 2 * self.wanted {
            self.cut();
        }
    }

    /// Keeps the current segment's best `wanted`, the worst of them as the bar.
    fn cut(&mut self) {
        let mut current = std::mem::take(&mut self.current);
        current.select_nth_unstable_by(self.wanted - 1, |a, b| self.within_segment(a, b));
        current.truncate(self.wanted);
        self.bar = Some(current[self.wanted - 1]);
        self.current = current;
    }

    fn finish_segment(&mut self) {
        if self.current.len() > self.wanted {
            self.cut();
        }
        self.kept.append(&mut self.current);
        self.bar = None;
    }

    /// How many passages were offered, and the first `wanted` of them in order, each with its
    /// article's id: the segments' bests are ordered by id after the leading order (an id is
    /// looked up for each candidate, a page's worth a segment).
    pub fn finish(mut self) -> (usize, Vec<(RankedPassage, String)>) {
        self.finish_segment();
        let kept = std::mem::take(&mut self.kept);
        let mut page: Vec<(RankedPassage, String)> = kept
            .into_iter()
            .map(|p| {
                let id = self.segments[p.article.segment_ord as usize]
                    .id_at(p.ord)
                    .unwrap_or_default()
                    .into_owned();
                (p, id)
            })
            .collect();
        page.sort_unstable_by(|(a, a_id), (b, b_id)| {
            self.leading(a, b)
                .then_with(|| a_id.cmp(b_id))
                .then(a.index.cmp(&b.index))
        });
        page.truncate(self.wanted);
        (self.total, page)
    }
}
