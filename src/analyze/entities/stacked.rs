//! Features of the second tagging layer: how the first layer tagged the token and its
//! neighbours, and how it tagged every other occurrence of the same word in the document
//! (kinds, majority kind, inside multi-token names, first or last word of one).

use std::ops::Range;

use super::features::TokInfo;
use super::hash::{feature, mix};
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

/// The padding tag value of [`Values::prev`] and [`Values::next`] at sentence edges.
pub(crate) const PAD_TAG: u8 = 17;

/// What the second layer's features of one token are made of.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Values {
    /// The first layer's tag of the token (0..17).
    pub(crate) own: u8,
    /// Of the previous and next token ([`PAD_TAG`] at the sentence's edges).
    pub(crate) prev: u8,
    /// See `prev`.
    pub(crate) next: u8,
    /// Which of the four kinds (and "untagged capitalised") other occurrences of the word
    /// got (5 bits).
    pub(crate) bits: u8,
    /// The kind other occurrences got most often (1..=4), 0 for none.
    pub(crate) major: u8,
    /// Whether another occurrence was inside a multi-token entity.
    pub(crate) multi: bool,
    /// Whether other occurrences began or ended a multi-token entity, per kind (8 bits).
    pub(crate) edges: u8,
    /// The token's capitalisation class (0..8).
    pub(crate) class: u8,
    /// Whether it opens its sentence.
    pub(crate) first: bool,
    /// Its word key.
    pub(crate) key: u64,
}

impl Values {
    /// The key of the feature pairing the token's tag with its word.
    #[inline]
    pub(crate) fn own_word(&self) -> u64 {
        feature(S_OWN_WORD, mix(u64::from(self.own), self.key))
    }

    /// The second layer's feature keys, in their historical order.
    #[inline]
    pub(crate) fn keys(&self) -> [u64; 8] {
        const PAD: u64 = 0x5eed_0003;
        let tag = |t: u8| if t == PAD_TAG { PAD } else { u64::from(t) };
        let own = u64::from(self.own);
        let cls = u64::from(self.class) | u64::from(self.first) << 8;
        let major = u64::from(self.major);
        [
            feature(S_OWN, own),
            feature(S_PREV, mix(tag(self.prev), own)),
            feature(S_NEXT, mix(own, tag(self.next))),
            feature(S_KINDS, mix(u64::from(self.bits), cls)),
            feature(S_MAJOR, mix(major, own)),
            feature(S_MULTI, mix(u64::from(self.multi), major)),
            self.own_word(),
            feature(S_EDGES, mix(u64::from(self.edges), cls)),
        ]
    }
}

/// Reusable buffers for the second layer's features of one document.
#[derive(Debug, Default)]
pub(crate) struct Stacker {
    /// Per word key (by [`TokInfo::local`]), how the first layer tagged its occurrences.
    tagged: Vec<Counts>,
    /// Each token's values (from [`Stacker::values`] or [`Stacker::stack`]).
    pub(crate) tokens: Vec<Values>,
    /// The second layer's extra features (it reads each token's first-layer features too),
    /// from [`Stacker::stack`]; tagging reads `tokens` instead.
    #[cfg_attr(not(any(test, feature = "train")), allow(dead_code))]
    pub(crate) feats: Vec<u64>,
    /// `feats[offsets[i]..offsets[i + 1]]` are token i's.
    #[cfg_attr(not(any(test, feature = "train")), allow(dead_code))]
    pub(crate) offsets: Vec<u32>,
}

impl Stacker {
    /// Computes the second layer's features of a document from its tokens' values and
    /// the first layer's tags (one per token, in order).
    #[cfg_attr(not(any(test, feature = "train")), allow(dead_code))]
    pub(crate) fn stack(&mut self, infos: &[TokInfo], sentences: &[Range<usize>], first: &[Tag]) {
        self.values(infos, sentences, first, &[]);
        self.feats.clear();
        self.offsets.clear();
        self.offsets.push(0);
        for v in &self.tokens {
            self.feats.extend_from_slice(&v.keys());
            self.offsets.push(self.feats.len() as u32);
        }
    }

    /// Computes what the second layer's features of each token are made of, into
    /// `tokens` (in sentence order), without hashing them. The tokens marked in `outside`
    /// are not scored: they count in their words' tags, but their own values are left default.
    pub(crate) fn values(
        &mut self,
        infos: &[TokInfo],
        sentences: &[Range<usize>],
        first: &[Tag],
        outside: &[bool],
    ) {
        self.tagged.clear();
        let keys = infos
            .iter()
            .map(|t| t.local as usize + 1)
            .max()
            .unwrap_or(0);
        self.tagged.resize(keys, [0; COUNTS]);
        for (i, info) in infos.iter().enumerate() {
            let c = &mut self.tagged[info.local as usize];
            *c = add(*c, contribution(info, first[i]));
        }
        self.tokens.clear();
        for r in sentences {
            for i in r.clone() {
                if outside.get(i) == Some(&true) {
                    self.tokens.push(Values::default());
                    continue;
                }
                let info = &infos[i];
                let all = self.tagged[info.local as usize];
                let own_c = contribution(info, first[i]);
                let others: Counts = std::array::from_fn(|k| all[k] - own_c[k]);
                let mut bits = 0u8;
                let mut major = 0u8;
                let mut best = 0;
                for (k, &count) in others.iter().take(5).enumerate() {
                    if count > 0 {
                        bits |= 1 << k;
                    }
                    if k < 4 && count > best {
                        best = count;
                        major = k as u8 + 1;
                    }
                }
                let edges = others[6..]
                    .iter()
                    .enumerate()
                    .fold(0u8, |b, (k, &c)| b | u8::from(c > 0) << k);
                self.tokens.push(Values {
                    own: first[i].0,
                    prev: if i > r.start { first[i - 1].0 } else { PAD_TAG },
                    next: if i + 1 < r.end {
                        first[i + 1].0
                    } else {
                        PAD_TAG
                    },
                    bits,
                    major,
                    multi: others[5] > 0,
                    edges,
                    class: info.class,
                    first: info.first,
                    key: info.key,
                });
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

    #[test]
    fn tokens_left_out_still_count_for_their_word() {
        use crate::analyze::entities::tags::EntityKind;
        let tokens = ["Altman", "spoke", "", "Then", "Altman", "left"];
        let sentences = [0..2, 2..6];
        let per = Tag::new(EntityKind::Person, Part::Single);
        let first = [per, Tag::O, Tag::O, Tag::O, Tag::O, Tag::O];
        let mut ex = Extractor::default();
        ex.document(&Lexicon::default(), &tokens, &sentences);
        let mut all = Stacker::default();
        all.values(ex.infos(), &sentences, &first, &[]);
        // The first "Altman" not scored: the second still sees it tagged, the rest is as it was.
        let outside = [true, true, false, false, false, false];
        let mut some = Stacker::default();
        some.values(ex.infos(), &sentences, &first, &outside);
        assert_eq!(some.tokens.len(), all.tokens.len());
        for (i, (got, want)) in some.tokens.iter().zip(&all.tokens).enumerate() {
            if outside[i] {
                assert_eq!(*got, Values::default(), "token {i}");
            } else {
                assert_eq!(got, want, "token {i}");
            }
        }
        assert_ne!(all.tokens[4].bits, 0);
    }
}
