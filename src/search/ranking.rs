//! Article ranking: whole-article BM25 mixed with the article's best passage, each normalised by
//! its maximum over the query's candidates, and with how much of the query its lead (the first
//! words, weighed by how news-like the article is: see [`crate::analyze::lead`]) contains. All
//! ranking decisions live here, so later ranking work changes this one module.
//!
//! The lead counts by the share of the query's distinct terms it contains, squared, rather than by
//! its BM25 score over the best lead's: normalising by the best candidate gave a full lead bonus to
//! the best of weak lead matches, so a query about a detail deep in a story lifted whatever article
//! happened to open with one of its rarer words. A share of the query is absolute, and squaring it
//! keeps a lead that holds one word of six (1/36) near nothing while one that holds most of a
//! headline (as a wire story's first sentence does) counts nearly in full.
//!
//! The share of the query the whole article contains (title or body) adds a little, to the fourth
//! power: BM25 over OR-ed words can rank an article that repeats a few of them above one that has
//! them all (Lucene's old coordination factor); the power keeps it to near-complete matches.

use super::results::Explanation;
use tantivy::DocAddress;

/// An article that matched, with what its ranking is made of.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    /// The article id.
    pub id: String,
    /// The article document.
    pub address: DocAddress,
    /// Whole-article BM25.
    pub article_score: f32,
    /// Its matching passages (score, index among its passages), best first.
    pub passages: Vec<(f32, usize)>,
    /// The share of the query's distinct terms its lead contains (0 to 1).
    pub lead_coverage: f32,
    /// The share of the query's distinct terms its title or body contains (0 to 1).
    pub coverage: f32,
    /// How news-like it is (0 to 1): the share of the lead weight it gets.
    pub newsiness: f32,
    /// The mixed score, once [`rank`] has run.
    pub score: f32,
    /// Its parts, once [`rank`] has run.
    pub explanation: Explanation,
}

impl Candidate {
    fn best_passage(&self) -> f32 {
        self.passages.first().map_or(0.0, |p| p.0)
    }
}

/// The weight of the share of the query the whole article contains, to the fourth power: on
/// known-item Reuters and the ad-hoc proxy (`bench/adhoc.py`), 0.1–0.3 with powers 2–4 all gained.
const COVERAGE_WEIGHT: f32 = 0.2;

/// An article's BM25 score with its last 7 mantissa bits rounded away (relative precision about
/// 1.5e-5).
///
/// tantivy sums a document's term scores in an order that depends on the index's segments, so
/// two builds of the same corpus (with two writer threads, articles land in segments in a
/// different order) give the same article scores that differ in their last bits, and equal
/// articles swap places between builds. Rounded, they are equal, and ties then go by id.
pub(crate) fn canonical_score(score: f32) -> f32 {
    if !score.is_finite() {
        return score;
    }
    let bits = score.to_bits();
    f32::from_bits((bits + CANONICAL_HALF_BUCKET) & !((1 << CANONICAL_DROPPED_BITS) - 1))
}

/// The mantissa bits that [`canonical_score`] drops.
const CANONICAL_DROPPED_BITS: u32 = 7;

/// Half of [`canonical_score`]'s rounding step, in units of the last place: a canonical score
/// stands for the raw scores up to this many units below it and fewer above.
pub(crate) const CANONICAL_HALF_BUCKET: u32 = 1 << (CANONICAL_DROPPED_BITS - 1);

/// Scores candidates as `w · article / max article + (1 − w) · best passage / max best passage +
/// l · newsiness · lead coverage² + COVERAGE_WEIGHT · coverage⁴` and sorts them best first (ties:
/// higher article score, then id, for a stable order).
///
/// Only the first `window` candidates (the best by article score) are rescored with their passages,
/// as Elasticsearch's rescore window does; the rest keep their article order with the article part
/// of the score alone, which never exceeds a rescored candidate's score.
pub(crate) fn rank(
    candidates: &mut [Candidate],
    article_weight: f32,
    lead_weight: f32,
    window: usize,
) {
    let weight = article_weight.clamp(0.0, 1.0);
    let lead_weight = lead_weight.max(0.0);
    let window = window.min(candidates.len());
    let max_article = candidates
        .iter()
        .map(|c| c.article_score)
        .fold(0.0f32, f32::max);
    let max_passage = candidates[..window]
        .iter()
        .map(Candidate::best_passage)
        .fold(0.0f32, f32::max);
    let norm = |value: f32, max: f32| if max > 0.0 { value / max } else { 0.0 };
    for (i, c) in candidates.iter_mut().enumerate() {
        let rescored = i < window;
        let passage = if rescored {
            norm(c.best_passage(), max_passage)
        } else {
            0.0
        };
        let lead = if rescored {
            c.newsiness * c.lead_coverage.clamp(0.0, 1.0).powi(2)
        } else {
            0.0
        };
        let coverage = if rescored {
            COVERAGE_WEIGHT * c.coverage.clamp(0.0, 1.0).powi(4)
        } else {
            0.0
        };
        c.explanation = Explanation {
            article: weight * norm(c.article_score, max_article),
            article_bm25: c.article_score,
            passage: (1.0 - weight) * passage,
            passage_bm25: c.best_passage(),
            lead: lead_weight * lead,
            lead_share: c.lead_coverage,
            newsiness: c.newsiness,
            coverage,
            coverage_share: c.coverage,
            rescored,
        };
        let e = &c.explanation;
        c.score = e.article + e.passage + e.lead + e.coverage;
    }
    candidates[..window].sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(b.article_score.total_cmp(&a.article_score))
            .then_with(|| a.id.cmp(&b.id))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_scores_forget_the_last_bits_and_keep_the_order() {
        // Scores a few units in the last place apart (away from a rounding edge) become equal.
        for value in [0.5499555f32, 1.5109863, 7.25, 31.0] {
            let mid = f32::from_bits(value.to_bits() & !0x7f | 0x20);
            let c = canonical_score(mid);
            for delta in [-3i32, -1, 1, 3] {
                let near = f32::from_bits(mid.to_bits().wrapping_add_signed(delta));
                assert_eq!(canonical_score(near), c, "{mid} {delta}");
            }
            assert!((c - mid).abs() <= mid * 2f32.powi(-17), "{mid} -> {c}");
        }
        // Never out of order, and apart stays apart.
        let mut values: Vec<f32> = (1..2000).map(|i| (i as f32).sqrt() * 0.731).collect();
        values.sort_by(f32::total_cmp);
        for pair in values.windows(2) {
            assert!(canonical_score(pair[0]) <= canonical_score(pair[1]));
        }
        assert!(canonical_score(0.54) < canonical_score(0.55));
        assert_eq!(canonical_score(0.0), 0.0);
        assert!(canonical_score(f32::NAN).is_nan());
    }

    fn candidate(id: &str, article: f32, passage: Option<f32>) -> Candidate {
        Candidate {
            id: id.into(),
            address: DocAddress::new(0, 0),
            article_score: article,
            passages: passage.map(|p| (p, 0)).into_iter().collect(),
            lead_coverage: 0.0,
            coverage: 0.0,
            newsiness: 0.0,
            score: 0.0,
            explanation: Explanation::default(),
        }
    }

    #[test]
    fn a_strong_passage_lifts_an_article() {
        let mut c = vec![
            candidate("a", 10.0, Some(2.0)),
            candidate("b", 9.0, Some(8.0)),
            candidate("c", 9.5, None),
        ];
        rank(&mut c, 0.7, 0.0, 10);
        let order: Vec<&str> = c.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(order, ["b", "a", "c"]);
        assert!((c[0].score - (0.7 * 0.9 + 0.3)).abs() < 1e-6);
    }

    #[test]
    fn only_the_window_is_rescored_and_the_tail_stays_below_it() {
        let mut c = vec![
            candidate("a", 10.0, Some(1.0)),
            candidate("b", 9.0, Some(9.0)),
            candidate("c", 8.0, Some(100.0)),
        ];
        rank(&mut c, 0.7, 0.0, 2);
        let order: Vec<&str> = c.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(order, ["b", "a", "c"]);
        assert!(c[2].score <= c[1].score);
    }

    #[test]
    fn a_lead_match_counts_as_much_as_the_article_is_news_like() {
        let make = |newsiness: f32| {
            let mut b = candidate("b", 9.0, Some(5.0));
            b.lead_coverage = 1.0;
            b.newsiness = newsiness;
            vec![candidate("a", 10.0, Some(5.0)), b]
        };
        let mut news = make(1.0);
        rank(&mut news, 0.7, 0.4, 10);
        assert_eq!(news[0].id, "b");
        assert!((news[0].score - (0.7 * 0.9 + 0.3 + 0.4)).abs() < 1e-6);
        let mut feature = make(0.0);
        rank(&mut feature, 0.7, 0.4, 10);
        assert_eq!(feature[0].id, "a");
        let mut off = make(1.0);
        rank(&mut off, 0.7, 0.0, 10);
        assert_eq!(off[0].id, "a");
    }

    #[test]
    fn a_lead_counts_by_the_square_of_the_share_of_the_query_it_holds() {
        let mut c = vec![candidate("a", 10.0, None), candidate("b", 10.0, None)];
        c[0].lead_coverage = 0.5;
        c[0].newsiness = 1.0;
        c[1].lead_coverage = 1.0;
        c[1].newsiness = 1.0;
        rank(&mut c, 1.0, 0.8, 10);
        assert_eq!(c[0].id, "b");
        assert!((c[0].score - 1.8).abs() < 1e-6);
        assert!((c[1].score - 1.2).abs() < 1e-6);
    }

    #[test]
    fn an_article_with_every_query_word_outranks_one_that_repeats_a_few() {
        let mut c = vec![candidate("a", 10.0, None), candidate("b", 9.5, None)];
        c[0].coverage = 0.5;
        c[1].coverage = 1.0;
        rank(&mut c, 1.0, 0.0, 10);
        assert_eq!(c[0].id, "b");
        assert!((c[0].score - (0.95 + COVERAGE_WEIGHT)).abs() < 1e-6);
        assert!((c[1].score - (1.0 + COVERAGE_WEIGHT / 16.0)).abs() < 1e-6);
    }

    #[test]
    fn weight_one_is_plain_article_bm25() {
        let mut c = vec![candidate("a", 1.0, Some(9.0)), candidate("b", 2.0, None)];
        rank(&mut c, 1.0, 0.0, 10);
        assert_eq!(c[0].id, "b");
    }
}
