//! Features of the second tagging layer: how the first layer tagged the token and its
//! neighbours, and how it tagged every other occurrence of the same word in the document
//! (kinds, majority kind, inside multi-token names, first or last word of one).

use std::ops::Range;

use super::features::TokInfo;
use super::hash::{feature, mix};
use super::lexicon::HashKeyed;
use super::tags::{Part, Tag};

// Templates of the second layer, on the first layer's tags.
const S_OWN: u32 = 60;
const S_PREV: u32 = 61;
const S_NEXT: u32 = 62;
const S_KINDS: u32 = 63;
const S_MAJOR: u32 = 64;
const S_MULTI: u32 = 65;
const S_OWN_WORD: u32 = 66;
const S_EDGES: u32 = 67;

/// Reusable buffers for the second layer's features of one document.
#[derive(Debug, Default)]
pub(crate) struct Stacker {
    /// Per word key, how the first layer tagged its occurrences.
    tagged: HashKeyed<Counts>,
    /// The second layer's extra features (it reads each token's first-layer features too).
    pub(crate) feats: Vec<u64>,
    /// `feats[offsets[i]..offsets[i + 1]]` are token i's.
    pub(crate) offsets: Vec<u32>,
}

impl Stacker {
    /// Computes the second layer's features of a document from its tokens' values and
    /// the first layer's tags (one per token, in order).
    pub(crate) fn stack(&mut self, infos: &[TokInfo], sentences: &[Range<usize>], first: &[Tag]) {
        const PAD: u64 = 0x5eed_0003;
        self.tagged.clear();
        for (i, info) in infos.iter().enumerate() {
            let c = self.tagged.entry(info.key).or_default();
            *c = add(*c, contribution(info, first[i]));
        }
        self.feats.clear();
        self.offsets.clear();
        self.offsets.push(0);
        for r in sentences {
            for i in r.clone() {
                let info = &infos[i];
                let own = u64::from(first[i].0);
                let prev = if i > r.start {
                    u64::from(first[i - 1].0)
                } else {
                    PAD
                };
                let next = if i + 1 < r.end {
                    u64::from(first[i + 1].0)
                } else {
                    PAD
                };
                let all = self.tagged.get(&info.key).copied().unwrap_or_default();
                let own_c = contribution(info, first[i]);
                let others: Counts = std::array::from_fn(|k| all[k] - own_c[k]);
                let mut bits = 0u64;
                let mut major = 0u64;
                let mut best = 0;
                for (k, &count) in others.iter().take(5).enumerate() {
                    if count > 0 {
                        bits |= 1 << k;
                    }
                    if k < 4 && count > best {
                        best = count;
                        major = k as u64 + 1;
                    }
                }
                let cls = u64::from(info.class) | u64::from(info.first) << 8;
                let f = &mut self.feats;
                f.push(feature(S_OWN, own));
                f.push(feature(S_PREV, mix(prev, own)));
                f.push(feature(S_NEXT, mix(own, next)));
                f.push(feature(S_KINDS, mix(bits, cls)));
                f.push(feature(S_MAJOR, mix(major, own)));
                f.push(feature(S_MULTI, mix(u64::from(others[5] > 0), major)));
                f.push(feature(S_OWN_WORD, mix(own, info.key)));
                let edges = others[6..]
                    .iter()
                    .enumerate()
                    .fold(0u64, |b, (k, &c)| b | u64::from(c > 0) << k);
                f.push(feature(S_EDGES, mix(edges, cls)));

                self.offsets.push(self.feats.len() as u32);
            }
        }
    }
}

/// Number of first-layer tag counts kept per word.
const COUNTS: usize = 14;

/// First-layer tag counts of a word: 0..4 per kind, 4 untagged while capitalised
/// mid-sentence, 5 inside a multi-token entity, 6..10 first and 10..14 last token of a
/// multi-token entity, per kind.
type Counts = [u16; COUNTS];

/// What one occurrence adds to its word's first-layer tag counts.
fn contribution(info: &TokInfo, tag: Tag) -> Counts {
    let mut c = [0u16; COUNTS];
    match tag.kind() {
        Some(kind) => {
            c[kind.index()] = 1;
            match tag.part() {
                Some(Part::Begin) => {
                    c[5] = 1;
                    c[6 + kind.index()] = 1;
                }
                Some(Part::End) => {
                    c[5] = 1;
                    c[10 + kind.index()] = 1;
                }
                Some(Part::Inside) => c[5] = 1,
                _ => {}
            }
        }
        None => {
            let capitalised = matches!(info.class, 1..=3);
            if capitalised && !info.first && !info.caps_sentence {
                c[4] = 1;
            }
        }
    }
    c
}

fn add(a: Counts, b: Counts) -> Counts {
    std::array::from_fn(|k| a[k].saturating_add(b[k]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::entities::features::Extractor;
    use crate::analyze::entities::lexicon::Lexicon;

    #[test]
    fn second_layer_sees_how_the_word_was_tagged_elsewhere() {
        use crate::analyze::entities::tags::EntityKind;
        let tokens = ["Altman", "spoke", "", "Then", "Altman", "left"];
        let sentences = [0..2, 2..6];
        let per = Tag::new(EntityKind::Person, Part::Single);
        let mut ex = Extractor::default();
        ex.document(&Lexicon::default(), &tokens, &sentences);
        let mut st = Stacker::default();
        st.stack(
            ex.infos(),
            &sentences,
            &[per, Tag::O, Tag::O, Tag::O, Tag::O, Tag::O],
        );
        let tagged: Vec<u64> = st.feats[st.offsets[4] as usize..st.offsets[5] as usize].to_vec();
        assert_eq!(tagged.len(), 8);
        st.stack(ex.infos(), &sentences, &[Tag::O; 6]);
        let untagged = &st.feats[st.offsets[4] as usize..st.offsets[5] as usize];
        // Same own tag, different evidence from the other "Altman".
        assert_ne!(tagged, untagged);
        assert_eq!(tagged[0], untagged[0]);
    }
}
