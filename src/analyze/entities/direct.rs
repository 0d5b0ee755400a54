//! First-layer features on small domains ([`Small`]: classes of a window, neighbours'
//! clusters and case priors, document evidence by context) resolved to weight slots once per
//! model, so that tagging indexes a table instead of hashing and probing for them.

use super::features::Small;
use super::lexicon::Lexicon;
use super::model::Joint;

/// No weights for this feature.
const ABSENT: u32 = u32::MAX;
/// Contexts (`class + 8 * first + 16 * caps_sentence`).
const CTX: usize = 32;

/// Weight slots of every small-domain feature value, with the table layout.
#[derive(Debug, Clone, Default)]
pub(crate) struct Direct {
    /// Slot in the joint table per entry, or [`ABSENT`].
    slots: Vec<u32>,
    /// Cluster ids per level are below this (from the lexicon).
    clusters: [usize; 3],
    /// Packed `case | freq << 4` values are below this.
    case_freq: usize,
    /// Where each group of entries starts: class window, caps sentence, clusters (level,
    /// side), case (side), case and frequency, document, runs.
    at: [usize; 14],
}

/// Packed `case | class << 4` values are below this.
const CASE: usize = 256;

impl Direct {
    /// Resolves every small-domain feature of the lexicon's value ranges in `joint`.
    pub(crate) fn build(joint: &Joint, lex: &Lexicon) -> Direct {
        let mut clusters = [1usize; 3];
        let mut case_freq = 1usize;
        for w in lex.words.values() {
            for (n, &c) in clusters.iter_mut().zip(&w.clusters) {
                *n = (*n).max(usize::from(c) + 1);
            }
            case_freq = case_freq.max((usize::from(w.case) | usize::from(w.freq) << 4) + 1);
        }
        let sizes = [
            9 * 8 * 9,
            CTX,
            clusters[0] + 1,
            clusters[0] + 1,
            clusters[1] + 1,
            clusters[1] + 1,
            clusters[2] + 1,
            clusters[2] + 1,
            CASE + 1,
            CASE + 1,
            case_freq * CTX,
            4 * CTX,
            8 * CTX,
            0,
        ];
        let mut at = [0usize; 14];
        for k in 1..14 {
            at[k] = at[k - 1] + sizes[k - 1];
        }
        let mut direct = Direct {
            slots: vec![ABSENT; at[13]],
            clusters,
            case_freq,
            at,
        };
        for s in direct.all() {
            if let Some(e) = direct.entry(s) {
                direct.slots[e] = joint.slot(s.key()).unwrap_or(ABSENT);
            }
        }
        direct
    }

    /// Every feature value the table holds.
    fn all(&self) -> Vec<Small> {
        let mut out = Vec::new();
        for c in 0..CTX as u8 {
            out.push(Small::CapsSent(c));
            for b in 0..4 {
                out.push(Small::Doc(b, c));
            }
            for run in 0..8 {
                out.push(Small::DocRun(run, c));
            }
            for v in 0..self.case_freq as u16 {
                out.push(Small::CaseClass(v, c));
            }
        }
        for p in 0..9 {
            for c in 0..8 {
                for n in 0..9 {
                    out.push(Small::ClassWin(p, c, n));
                }
            }
        }
        for w in 0..2 {
            for (level, &n) in self.clusters.iter().enumerate() {
                out.push(Small::Cluster(level as u8, w, None));
                for c in 0..n as u16 {
                    out.push(Small::Cluster(level as u8, w, Some(c)));
                }
            }
            out.push(Small::Case(w, None));
            for v in 0..CASE as u16 {
                out.push(Small::Case(w, Some(v)));
            }
        }
        out
    }

    /// The table entry of a feature value, if the table has it.
    #[inline]
    fn entry(&self, s: Small) -> Option<usize> {
        let ctx = |c: u8| usize::from(c) < CTX;
        let e = match s {
            Small::ClassWin(p, c, n) if p < 9 && c < 8 && n < 9 => {
                self.at[0] + (usize::from(p) * 8 + usize::from(c)) * 9 + usize::from(n)
            }
            Small::CapsSent(c) if ctx(c) => self.at[1] + usize::from(c),
            Small::Cluster(level, w, v) if level < 3 && w < 2 => {
                let (level, n) = (usize::from(level), self.clusters[usize::from(level)]);
                let v = match v {
                    None => n,
                    Some(c) if usize::from(c) < n => usize::from(c),
                    Some(_) => return None,
                };
                self.at[2 + 2 * level + usize::from(w)] + v
            }
            Small::Case(w, v) if w < 2 => {
                let v = match v {
                    None => CASE,
                    Some(c) if usize::from(c) < CASE => usize::from(c),
                    Some(_) => return None,
                };
                self.at[8 + usize::from(w)] + v
            }
            Small::CaseClass(v, c) if usize::from(v) < self.case_freq && ctx(c) => {
                self.at[10] + usize::from(v) * CTX + usize::from(c)
            }
            Small::Doc(b, c) if b < 4 && ctx(c) => {
                self.at[11] + usize::from(b) * CTX + usize::from(c)
            }
            Small::DocRun(r, c) if r < 8 && ctx(c) => {
                self.at[12] + usize::from(r) * CTX + usize::from(c)
            }
            _ => return None,
        };
        Some(e)
    }

    /// The weight slot of a feature value: `None` when the table does not hold the value
    /// (hash its key instead), `Some(None)` when the model has no weights for it.
    #[inline]
    pub(crate) fn slot(&self, s: Small) -> Option<Option<u32>> {
        let slot = *self.slots.get(self.entry(s)?)?;
        Some((slot != ABSENT).then_some(slot))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::entities::features::Extractor;
    use crate::analyze::entities::model::Row;
    use crate::analyze::entities::model::{Layer, Model};
    use crate::analyze::entities::tags::NUM_TAGS;

    /// Token `i`'s summed row from the features an extractor hashed.
    fn hashed_row(model: &Model, x: &Extractor, i: usize) -> Row {
        model
            .joint
            .row(&x.feats[x.offsets[i] as usize..x.offsets[i + 1] as usize])
    }

    /// Token `i`'s summed row from its hashed features and its resolved slots.
    fn slotted_row(model: &Model, x: &Extractor, i: usize) -> Row {
        let mut row = hashed_row(model, x, i);
        let (lo, hi) = (x.slot_offsets[i], x.slot_offsets[i + 1]);
        for &slot in &x.slots[lo as usize..hi as usize] {
            model.joint.add_slot(&mut row, slot);
        }
        row
    }

    #[test]
    fn tabled_features_score_as_their_keys() {
        let tokens = [
            "BONN", "-", "Mr", "Kohl", "met", "Kohl", "'s", "allies", ".",
        ];
        let sentences = [0..2, 2..9];
        let mut plain = Extractor::default();
        plain.document(&Lexicon::default(), &tokens, &sentences);
        // A model with weights for every feature of the document.
        let mut layer = Layer::with_capacity(plain.feats.len(), vec![0; NUM_TAGS * NUM_TAGS]);
        for (n, &key) in plain.feats.iter().enumerate() {
            layer.insert(key, std::array::from_fn(|t| (n % 97 + t) as i16));
        }
        let model = Model {
            layers: vec![layer],
            ..Model::default()
        }
        .finish();
        let mut direct = Extractor::default();
        direct.document_with(
            &model.lexicon,
            Some(&model.direct),
            None,
            &tokens,
            &sentences,
        );
        assert!(!direct.slots.is_empty());
        for i in 0..tokens.len() {
            let want = hashed_row(&model, &plain, i);
            assert_eq!(want, slotted_row(&model, &direct, i), "token {i}");
        }
    }

    #[test]
    fn resolved_word_context_scores_as_its_keys() {
        use crate::analyze::entities::words::WordCache;
        let tokens = [
            "BONN", "-", "Mr", "Kohl", "met", "Kohl", "'s", "allies", "in", "bonn", ".",
        ];
        let sentences = [0..2, 2..11];
        let mut plain = Extractor::default();
        plain.document(&Lexicon::default(), &tokens, &sentences);
        // Weights for four features in five: some resolved features have none.
        let mut layer = Layer::with_capacity(plain.feats.len(), vec![0; NUM_TAGS * NUM_TAGS]);
        for (n, &key) in plain.feats.iter().enumerate().filter(|(n, _)| n % 5 != 0) {
            layer.insert(key, std::array::from_fn(|t| (n % 89 + 3 * t) as i16));
        }
        let model = Model {
            layers: vec![layer],
            ..Model::default()
        }
        .finish();
        let mut cached = Extractor::default();
        cached.words = Some(WordCache::default());
        let mut rows: Vec<Row> = Vec::new();
        for _round in 0..2 {
            cached.document_with(
                &model.lexicon,
                Some(&model.direct),
                Some(&model.joint),
                &tokens,
                &sentences,
            );
            let words = cached.words.as_ref().expect("cache");
            for w in words.offsets.windows(2) {
                rows.push(model.joint.row(&words.feats[w[0] as usize..w[1] as usize]));
            }
            assert_eq!(words.context.len(), rows.len());
            assert!(cached.feats.len() + 18 * tokens.len() + 6 * tokens.len() < plain.feats.len());
            for i in 0..tokens.len() {
                let want = hashed_row(&model, &plain, i);
                let mut got = slotted_row(&model, &cached, i);
                for (g, r) in got.iter_mut().zip(&rows[cached.word_ids[i] as usize]) {
                    *g += r;
                }
                assert_eq!(want, got, "token {i}");
            }
        }
    }

    #[test]
    fn entries_are_distinct_and_cover_the_table() {
        let d = Direct::build(&Joint::default(), &Lexicon::default());
        let all = d.all();
        let mut seen = vec![false; d.slots.len()];
        for s in &all {
            let e = d.entry(*s).expect("in the table");
            assert!(!seen[e], "{s:?} shares an entry");
            seen[e] = true;
        }
        assert!(seen.iter().all(|&x| x));
        assert_eq!(d.slot(Small::Case(0, Some(CASE as u16))), None);
    }
}
