//! The page of a passage search: the best (or newest) of every matching passage, chosen while
//! they are scored, segment by segment in parallel.
//!
//! [`PassagePage`] is a collector of the article query's matches: each segment scores its
//! matching articles' passages as they come and keeps its best `wanted` in a buffer of twice
//! that, cut back whenever it fills. Within a segment the order (date when sorted by it, score,
//! then id ordinal and passage index) has no ties, since ordinals are in id order, so whatever
//! ranks below the buffer's cut can never reach the page. The segments' bests are then put in
//! order by id, so that the page does not depend on how the index was built. Memory holds a
//! page's worth a segment, not every matching passage (a million articles matching `*` have five
//! million), and every passage is still counted.

use super::collect::SegmentIds;
use super::passage_filter::PassageFilter;
use super::passage_query::{PassageQuery, PassageStatistics};
use super::passage_scores::SegmentPassages;
use super::request::SortOrder;
use std::cmp::Ordering;
use std::sync::Arc;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::schema::Field;
use tantivy::{DateTime, DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

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

/// The order before ids: newest (or oldest) first, undated last, when sorting by date; then best
/// first. `Less` comes first.
fn leading(sort: SortOrder, a: &RankedPassage, b: &RankedPassage) -> Ordering {
    let by_score = b.score.total_cmp(&a.score);
    match sort {
        SortOrder::Relevance => by_score,
        SortOrder::Date => b.date.cmp(&a.date).then(by_score),
        SortOrder::Oldest => match (a.date, b.date) {
            (Some(a), Some(b)) => a.cmp(&b),
            (a, b) => b.is_some().cmp(&a.is_some()),
        }
        .then(by_score),
    }
}

/// The whole order within a segment, where id ordinals are in id order.
fn within_segment(sort: SortOrder, a: &RankedPassage, b: &RankedPassage) -> Ordering {
    leading(sort, a, b)
        .then(a.ord.cmp(&b.ord))
        .then(a.index.cmp(&b.index))
}

/// A passage search's page: the first `wanted` matching passages in `sort` order, each with its
/// article's id, and how many passages match in all.
pub(super) struct PassagePage<'a> {
    sort: SortOrder,
    wanted: usize,
    /// The body field, whose postings the passages are scored from.
    body: Field,
    query: &'a PassageQuery,
    statistics: PassageStatistics,
    filter: Option<&'a PassageFilter>,
    /// Every segment's ids, by segment ordinal.
    segments: Vec<Arc<SegmentIds>>,
}

impl<'a> PassagePage<'a> {
    /// The collector of the first `wanted` passages matching `query` (and passing `filter`)
    /// in `sort` order; `segments` are the searcher's ids.
    pub fn new(
        sort: SortOrder,
        wanted: usize,
        body: Field,
        query: &'a PassageQuery,
        statistics: PassageStatistics,
        filter: Option<&'a PassageFilter>,
        segments: Vec<Arc<SegmentIds>>,
    ) -> PassagePage<'a> {
        PassagePage {
            sort,
            wanted,
            body,
            query,
            statistics,
            filter,
            segments,
        }
    }
}

/// How many passages matched, and the page's passages in order with their articles' ids.
pub(super) type PageFruit = (usize, Vec<(RankedPassage, String)>);

impl Collector for PassagePage<'_> {
    type Fruit = PageFruit;
    type Child = SegmentPage;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentPage> {
        let published = match self.sort {
            SortOrder::Date | SortOrder::Oldest => Some(reader.fast_fields().date("published")?),
            SortOrder::Relevance => None,
        };
        Ok(SegmentPage {
            sort: self.sort,
            wanted: self.wanted,
            segment,
            ids: self.segments[segment as usize].clone(),
            published,
            passages: SegmentPassages::new(
                reader,
                self.body,
                self.query,
                &self.statistics,
                self.filter,
            )?,
            best: Vec::new(),
            bar: None,
            total: 0,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    /// The segments' bests in order, ids after the leading order (an id is looked up for each
    /// one, a page's worth a segment).
    fn merge_fruits(&self, fruits: Vec<(usize, Vec<RankedPassage>)>) -> tantivy::Result<PageFruit> {
        let total = fruits.iter().map(|(count, _)| count).sum();
        let mut page: Vec<(RankedPassage, String)> = fruits
            .into_iter()
            .flat_map(|(_, best)| best)
            .map(|p| {
                let id = self.segments[p.article.segment_ord as usize]
                    .id_at(p.ord)
                    .unwrap_or_default()
                    .into_owned();
                (p, id)
            })
            .collect();
        page.sort_unstable_by(|(a, a_id), (b, b_id)| {
            leading(self.sort, a, b)
                .then_with(|| a_id.cmp(b_id))
                .then(a.index.cmp(&b.index))
        });
        page.truncate(self.wanted);
        Ok((total, page))
    }
}

/// One segment's part of a [`PassagePage`]: what it needs of the query, its own.
pub(super) struct SegmentPage {
    sort: SortOrder,
    wanted: usize,
    segment: SegmentOrdinal,
    ids: Arc<SegmentIds>,
    /// Publication times, when sorting by date.
    published: Option<Column<DateTime>>,
    passages: SegmentPassages,
    /// The segment's best so far, fewer than `2 * wanted`.
    best: Vec<RankedPassage>,
    /// The worst passage kept at the last cut: anything not better is out.
    bar: Option<RankedPassage>,
    /// How many passages matched.
    total: usize,
}

/// Keeps the `wanted` best of `best`, the worst of them as the `bar`.
fn cut(
    best: &mut Vec<RankedPassage>,
    bar: &mut Option<RankedPassage>,
    sort: SortOrder,
    wanted: usize,
) {
    best.select_nth_unstable_by(wanted - 1, |a, b| within_segment(sort, a, b));
    best.truncate(wanted);
    *bar = Some(best[wanted - 1]);
}

impl SegmentCollector for SegmentPage {
    type Fruit = (usize, Vec<RankedPassage>);

    fn collect(&mut self, doc: DocId, _score: Score) {
        let date = self.published.as_ref().and_then(|column| column.first(doc));
        let article = DocAddress::new(self.segment, doc);
        let mut ord = None;
        for &(score, index) in self.passages.matching(doc) {
            self.total += 1;
            if self.wanted == 0 {
                continue;
            }
            let mut passage = RankedPassage {
                date,
                score,
                article,
                index,
                ord: 0,
            };
            if let Some(bar) = &self.bar
                && leading(self.sort, &passage, bar) == Ordering::Greater
            {
                continue;
            }
            passage.ord = *ord.get_or_insert_with(|| self.ids.ord(doc).unwrap_or(u64::MAX));
            if let Some(bar) = &self.bar
                && within_segment(self.sort, &passage, bar) != Ordering::Less
            {
                continue;
            }
            self.best.push(passage);
            if self.best.len() >= self.wanted.saturating_mul(2) {
                cut(&mut self.best, &mut self.bar, self.sort, self.wanted);
            }
        }
    }

    fn harvest(mut self) -> (usize, Vec<RankedPassage>) {
        if self.best.len() > self.wanted {
            cut(&mut self.best, &mut self.bar, self.sort, self.wanted);
        }
        (self.total, self.best)
    }
}
