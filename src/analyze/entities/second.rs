//! The second layer's features on small domains (tags of the token and its neighbours,
//! kinds and edges seen elsewhere by class, majority kind), resolved to weight slots once
//! per model: tagging then indexes a table instead of hashing and probing for seven of
//! each token's eight second-layer features.

use super::model::{JOINT_WIDTH, Joint, Row};
use super::stacked::{PAD_TAG, Values};
use super::tags::NUM_TAGS;

/// Tag values, the padding included.
const TAGS: usize = NUM_TAGS + 1;
/// Classes by whether the token opens its sentence.
const CLASSES: usize = 16;

// Where each template's entries start in the table, and how many it has.
const OWN_AT: usize = 0;
const PREV_AT: usize = OWN_AT + NUM_TAGS;
const NEXT_AT: usize = PREV_AT + TAGS * NUM_TAGS;
const KINDS_AT: usize = NEXT_AT + NUM_TAGS * TAGS;
const MAJOR_AT: usize = KINDS_AT + 32 * CLASSES;
const MULTI_AT: usize = MAJOR_AT + 5 * NUM_TAGS;
const EDGES_AT: usize = MULTI_AT + 2 * 5;
const ENTRIES: usize = EDGES_AT + 256 * CLASSES;

/// Position in [`Values::keys`] of the templates the table covers, in the order of
/// [`entries`]; the one left out (6, the tag with the word) is looked up by key.
const TABLED: [usize; 7] = [0, 1, 2, 3, 4, 5, 7];

/// Table entries of a token's seven small-domain features.
#[inline(always)]
fn entries(v: &Values) -> [usize; 7] {
    let (own, prev, next) = (v.own as usize, v.prev as usize, v.next as usize);
    let class = v.class as usize + 8 * usize::from(v.first);
    let major = v.major as usize;
    [
        OWN_AT + own,
        PREV_AT + prev * NUM_TAGS + own,
        NEXT_AT + own * TAGS + next,
        KINDS_AT + v.bits as usize * CLASSES + class,
        MAJOR_AT + major * NUM_TAGS + own,
        MULTI_AT + usize::from(v.multi) * 5 + major,
        EDGES_AT + v.edges as usize * CLASSES + class,
    ]
}

/// Every value combination of each tabled template: one [`Values`] per entry.
fn all_values() -> impl Iterator<Item = Values> {
    let tags = |n: usize| (0..n as u8).map(|t| if t as usize == NUM_TAGS { PAD_TAG } else { t });
    let classes = || (0..CLASSES as u8).map(|c| (c % 8, c >= 8));
    let base = Values::default();
    let own = tags(NUM_TAGS).map(move |own| Values { own, ..base });
    let prev = tags(TAGS)
        .flat_map(move |prev| tags(NUM_TAGS).map(move |own| Values { own, prev, ..base }));
    let next = tags(NUM_TAGS)
        .flat_map(move |own| tags(TAGS).map(move |next| Values { own, next, ..base }));
    let kinds = (0..32u8).flat_map(move |bits| {
        classes().map(move |(class, first)| Values {
            bits,
            class,
            first,
            ..base
        })
    });
    let major = (0..5u8)
        .flat_map(move |major| tags(NUM_TAGS).map(move |own| Values { own, major, ..base }));
    let multi = [false, true].into_iter().flat_map(move |multi| {
        (0..5u8).map(move |major| Values {
            multi,
            major,
            ..base
        })
    });
    let edges = (0..=255u8).flat_map(move |edges| {
        classes().map(move |(class, first)| Values {
            edges,
            class,
            first,
            ..base
        })
    });
    own.chain(prev)
        .chain(next)
        .chain(kinds)
        .chain(major)
        .chain(multi)
        .chain(edges)
}

/// For each small-domain feature value, its slot in the joint weight table (or none).
#[derive(Debug, Clone, Default)]
pub(crate) struct SecondTable {
    slots: Vec<Option<u32>>,
}

impl SecondTable {
    /// Resolves every small-domain feature of the second layer in `joint`.
    pub(crate) fn build(joint: &Joint) -> SecondTable {
        let mut slots = vec![None; ENTRIES];
        for v in all_values() {
            let keys = v.keys();
            for (&at, &k) in entries(&v).iter().zip(&TABLED) {
                slots[at] = joint.slot(keys[k]);
            }
        }
        SecondTable { slots }
    }

    /// Adds the second layer's weights of each token's features to its scores
    /// (`scores[i * NUM_TAGS..(i + 1) * NUM_TAGS]` for `tokens[i]`), except for the tokens
    /// marked `outside` (empty: none).
    pub(crate) fn add(
        &self,
        joint: &Joint,
        tokens: &[Values],
        outside: &[bool],
        scores: &mut [i32],
    ) {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the processor has AVX2.
            return unsafe { self.add_avx2(joint, tokens, outside, scores) };
        }
        self.add_any(joint, tokens, outside, scores);
    }

    /// [`SecondTable::add`] compiled for AVX2.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    fn add_avx2(&self, joint: &Joint, tokens: &[Values], outside: &[bool], scores: &mut [i32]) {
        self.add_any(joint, tokens, outside, scores);
    }

    #[inline(always)]
    fn add_any(&self, joint: &Joint, tokens: &[Values], outside: &[bool], scores: &mut [i32]) {
        if self.slots.len() != ENTRIES {
            return;
        }
        for (i, (v, out)) in tokens
            .iter()
            .zip(scores.chunks_exact_mut(NUM_TAGS))
            .enumerate()
        {
            if outside.get(i) == Some(&true) {
                continue;
            }
            let mut acc: Row = [0; JOINT_WIDTH];
            for at in entries(v) {
                if let Some(slot) = self.slots[at] {
                    joint.add_slot(&mut acc, slot);
                }
            }
            joint.add_key(&mut acc, v.own_word());
            for (s, &a) in out.iter_mut().zip(&acc[NUM_TAGS..]) {
                *s += a;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::entities::model::{Layer, Model};

    #[test]
    fn table_sums_equal_hashed_sums() {
        let values = [
            Values {
                own: 3,
                prev: PAD_TAG,
                next: 16,
                bits: 0b10101,
                major: 2,
                multi: true,
                edges: 0b1000_0001,
                class: 7,
                first: true,
                key: 12345,
            },
            Values {
                own: 0,
                prev: 1,
                next: PAD_TAG,
                class: 2,
                key: 99,
                ..Values::default()
            },
        ];
        // Weights for the first token's features only, both layers.
        let mut layers = Vec::new();
        for l in 0..2 {
            let mut layer = Layer::with_capacity(16, vec![0; NUM_TAGS * NUM_TAGS]);
            for (k, &key) in values[0].keys().iter().enumerate() {
                let w: [i16; NUM_TAGS] = std::array::from_fn(|t| (k * 100 + t + l * 7) as i16);
                layer.insert(key, w);
            }
            layers.push(layer);
        }
        let model = Model {
            layers,
            ..Model::default()
        }
        .finish();
        let mut scores = vec![1; 2 * NUM_TAGS];
        model.second.add(&model.joint, &values, &[], &mut scores);
        for (v, got) in values.iter().zip(scores.chunks_exact(NUM_TAGS)) {
            let want = model.joint.row(&v.keys());
            let want: Vec<i32> = want[NUM_TAGS..2 * NUM_TAGS].iter().map(|w| w + 1).collect();
            assert_eq!(got, &want[..]);
        }
        assert_ne!(scores[..NUM_TAGS], [1; NUM_TAGS]);
    }

    #[test]
    fn every_entry_is_one_value_combination() {
        let mut seen = vec![0u32; ENTRIES];
        for v in all_values() {
            for at in entries(&v) {
                seen[at] += 1;
            }
        }
        // Each template enumerates its own domain exactly once; the others see defaults.
        let count = all_values().count();
        assert_eq!(
            count,
            NUM_TAGS + 2 * TAGS * NUM_TAGS + 32 * CLASSES + 5 * NUM_TAGS + 10 + 256 * CLASSES
        );
        assert!(seen.iter().all(|&n| n > 0), "every entry is filled");
    }
}
