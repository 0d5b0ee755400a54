//! Viterbi decoding of the best well-formed BIOES tag sequence of a sentence from
//! per-token tag scores and tag-to-tag transition scores.

use super::tags::{NUM_TAGS, Tag};

/// A score type the decoder can add and compare.
pub(crate) trait Score:
    Copy + PartialOrd + std::ops::Add<Output = Self> + std::ops::Sub<Output = Self>
{
    /// A score lower than any reachable one.
    const NEG: Self;
}

impl Score for f32 {
    const NEG: f32 = -1e30;
}

impl Score for i32 {
    const NEG: i32 = i32::MIN / 4;
}

/// Tags that close a stretch (`O`, and E and S of each kind): exactly the tags that may
/// precede an opening tag.
const CLOSING: [u8; 9] = [0, 3, 4, 7, 8, 11, 12, 15, 16];

/// Tags that may follow a closing tag (`O`, and B and S of each kind). Every other tag (I or
/// E of a kind) may only follow B or I of its own kind.
const OPENING: [u8; 9] = [0, 1, 4, 5, 8, 9, 12, 13, 16];

/// Lanes of the opening-tag scores: the nine opening tags, padded for vector registers.
const OPEN_LANES: usize = 16;

/// Decodes `n = emissions.len() / NUM_TAGS` tokens into `out`.
///
/// `emissions[i * NUM_TAGS + t]` scores tag t at token i; `trans[a * NUM_TAGS + b]` scores
/// tag b following tag a. Ill-formed sequences (e.g. `O` then `I-PER`) are never chosen.
/// `back` is a scratch buffer.
///
/// Only the 97 legal transitions of the 289 are scored: each opening tag from the nine
/// closing ones, each inner or end tag from its kind's B and I, in lanes that the compiler
/// turns into vector instructions. Ties go to the lowest predecessor tag.
#[cfg_attr(not(any(test, feature = "train")), allow(dead_code))]
pub(crate) fn viterbi<S: Score>(
    emissions: &[S],
    trans: &[S],
    back: &mut Vec<u8>,
    out: &mut Vec<Tag>,
) {
    out.clear();
    if let Some(lanes) = Lanes::new(trans) {
        viterbi_lanes(emissions, &lanes, back, out);
    }
}

/// The legal transitions of a transition matrix, gathered in the lanes [`viterbi`] reads: done
/// once for the many short stretches of a document rather than once a stretch.
#[derive(Debug, Clone)]
pub(crate) struct Lanes<S> {
    /// From each closing tag into each opening tag (lane j: `OPENING[j]`; padding lanes
    /// unreachable).
    from_closing: [[S; OPEN_LANES]; 9],
    /// Into the I and E tags (lane 2k: I of kind k, lane 2k + 1: its E) from the kind's B.
    from_begin: [S; 8],
    /// The same from the kind's I.
    from_inside: [S; 8],
}

/// Lane l of [`Lanes::from_begin`] and [`Lanes::from_inside`] leads into this tag.
fn inner(l: usize) -> usize {
    2 + 4 * (l / 2) + l % 2
}

impl<S: Score> Lanes<S> {
    /// The lanes of `trans` (`trans[a * NUM_TAGS + b]` scores tag b following tag a); `None`
    /// when it is not a full matrix.
    pub(crate) fn new(trans: &[S]) -> Option<Lanes<S>> {
        if trans.len() < NUM_TAGS * NUM_TAGS {
            return None;
        }
        Some(Lanes {
            from_closing: CLOSING.map(|a| {
                std::array::from_fn(|j| match OPENING.get(j) {
                    Some(&b) => trans[a as usize * NUM_TAGS + b as usize],
                    None => S::NEG,
                })
            }),
            from_begin: std::array::from_fn(|l| trans[(1 + 4 * (l / 2)) * NUM_TAGS + inner(l)]),
            from_inside: std::array::from_fn(|l| trans[(2 + 4 * (l / 2)) * NUM_TAGS + inner(l)]),
        })
    }
}

/// [`viterbi`] with the transitions' lanes gathered already.
pub(crate) fn viterbi_lanes<S: Score>(
    emissions: &[S],
    lanes: &Lanes<S>,
    back: &mut Vec<u8>,
    out: &mut Vec<Tag>,
) {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the processor has AVX2.
        return unsafe { viterbi_avx2(emissions, lanes, back, out) };
    }
    viterbi_any(emissions, lanes, back, out);
}

/// [`viterbi_lanes`] compiled for AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn viterbi_avx2<S: Score>(
    emissions: &[S],
    lanes: &Lanes<S>,
    back: &mut Vec<u8>,
    out: &mut Vec<Tag>,
) {
    viterbi_any(emissions, lanes, back, out);
}

#[inline(always)]
fn viterbi_any<S: Score>(
    emissions: &[S],
    lanes: &Lanes<S>,
    back: &mut Vec<u8>,
    out: &mut Vec<Tag>,
) {
    let n = emissions.len() / NUM_TAGS;
    out.clear();
    if n == 0 {
        return;
    }
    let Lanes {
        from_closing,
        from_begin,
        from_inside,
    } = lanes;
    // Every entry read below is written first: no need to clear.
    back.resize(n * NUM_TAGS, 0);
    let mut prev = [S::NEG; NUM_TAGS];
    for (t, p) in prev.iter_mut().enumerate() {
        if Tag(t as u8).can_start() {
            *p = emissions[t];
        }
    }
    for (em, bk) in emissions
        .chunks_exact(NUM_TAGS)
        .zip(back.chunks_exact_mut(NUM_TAGS))
        .skip(1)
    {
        let em: &[S; NUM_TAGS] = em.try_into().expect("chunk of NUM_TAGS");
        let bk: &mut [u8; NUM_TAGS] = bk.try_into().expect("chunk of NUM_TAGS");
        let mut cur = [S::NEG; NUM_TAGS];
        // Opening tags, all lanes at once, predecessors in ascending order.
        let mut best = [S::NEG; OPEN_LANES];
        let mut arg = [0u32; OPEN_LANES];
        for (&a, into) in CLOSING.iter().zip(from_closing) {
            let p = prev[a as usize];
            for ((b, g), &t) in best.iter_mut().zip(&mut arg).zip(into) {
                let s = p + t;
                let better = s > *b;
                *b = if better { s } else { *b };
                *g = if better { u32::from(a) } else { *g };
            }
        }
        for (j, &b) in OPENING.iter().enumerate() {
            cur[b as usize] = best[j] + em[b as usize];
            bk[b as usize] = arg[j] as u8;
        }
        // Inner and end tags: from B, then from I of the same kind.
        let mut best = [S::NEG; 8];
        let mut arg = [0u32; 8];
        for l in 0..8 {
            let (bt, it) = (1 + 4 * (l / 2), 2 + 4 * (l / 2));
            let s = prev[bt] + from_begin[l];
            if s > best[l] {
                best[l] = s;
                arg[l] = bt as u32;
            }
            let s = prev[it] + from_inside[l];
            if s > best[l] {
                best[l] = s;
                arg[l] = it as u32;
            }
        }
        for l in 0..8 {
            let b = inner(l);
            cur[b] = best[l] + em[b];
            bk[b] = arg[l] as u8;
        }
        // Keep the best score at zero so that long sentences cannot overflow.
        let top = cur
            .iter()
            .copied()
            .fold(S::NEG, |m, x| if x > m { x } else { m });
        for (p, &c) in prev.iter_mut().zip(&cur) {
            *p = if c > S::NEG { c - top } else { S::NEG };
        }
    }
    let mut best = S::NEG;
    let mut arg = 0u8;
    for (t, &s) in prev.iter().enumerate() {
        if Tag(t as u8).can_end() && s > best {
            best = s;
            arg = t as u8;
        }
    }
    out.resize(n, Tag::O);
    out[n - 1] = Tag(arg);
    for i in (1..n).rev() {
        arg = back[i * NUM_TAGS + arg as usize];
        out[i - 1] = Tag(arg);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::entities::tags::{EntityKind, Part};

    fn decode(emissions: &[f32]) -> Vec<&'static str> {
        let trans = vec![0.0f32; NUM_TAGS * NUM_TAGS];
        let (mut b, mut out) = (Vec::new(), Vec::new());
        viterbi(emissions, &trans, &mut b, &mut out);
        out.iter().map(|t| t.as_str()).collect()
    }

    fn row(best: &[(Tag, f32)]) -> Vec<f32> {
        let mut r = vec![0.0; NUM_TAGS];
        for &(t, s) in best {
            r[t.0 as usize] = s;
        }
        r
    }

    #[test]
    fn the_vector_build_decodes_as_the_plain_one() {
        // Pseudo-random integer scores (as the tagger gives), with ties, over many lengths.
        let mut state = 0x9e37_79b9_u32;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            (state % 41) as i32 - 20
        };
        let trans: Vec<i32> = (0..NUM_TAGS * NUM_TAGS).map(|_| next()).collect();
        for n in 0..60 {
            let emissions: Vec<i32> = (0..n * NUM_TAGS).map(|_| next()).collect();
            let (mut back, mut dispatched, mut plain) = (Vec::new(), Vec::new(), Vec::new());
            viterbi(&emissions, &trans, &mut back, &mut dispatched);
            let lanes = Lanes::new(&trans).expect("a full matrix");
            viterbi_any(&emissions, &lanes, &mut back, &mut plain);
            assert_eq!(dispatched, plain, "{n} tokens");
            assert_eq!(plain.len(), n);
        }
    }

    #[test]
    fn transition_lists_are_the_legal_ones() {
        for a in 0..NUM_TAGS as u8 {
            for b in 0..NUM_TAGS as u8 {
                let listed = if OPENING.contains(&b) {
                    CLOSING.contains(&a)
                } else {
                    a > 0 && (a - 1) / 4 == (b - 1) / 4 && (a - 1) % 4 < 2
                };
                assert_eq!(listed, Tag(a).allows(Tag(b)), "{a} -> {b}");
            }
        }
    }

    #[test]
    fn picks_best_valid_sequence() {
        let b = Tag::new(EntityKind::Person, Part::Begin);
        let e = Tag::new(EntityKind::Person, Part::End);
        let s_loc = Tag::new(EntityKind::Location, Part::Single);
        let mut em = row(&[(b, 2.0)]);
        em.extend(row(&[(e, 2.0)]));
        em.extend(row(&[(Tag::O, 1.0), (s_loc, 0.5)]));
        assert_eq!(decode(&em), ["B-PER", "E-PER", "O"]);
    }

    #[test]
    fn never_emits_an_unfinished_entity() {
        // A lone B-ORG is the best local choice, but a sentence can't end inside an entity.
        let b = Tag::new(EntityKind::Organization, Part::Begin);
        let s = Tag::new(EntityKind::Organization, Part::Single);
        let em = row(&[(b, 3.0), (s, 1.0)]);
        assert_eq!(decode(&em), ["S-ORG"]);
        assert!(decode(&[]).is_empty());
    }

    #[test]
    fn long_sentences_do_not_overflow() {
        let trans = vec![0i32; NUM_TAGS * NUM_TAGS];
        let mut em = vec![0i32; 100_000 * NUM_TAGS];
        for row in em.chunks_exact_mut(NUM_TAGS) {
            row[0] = 3_000_000;
        }
        let (mut b, mut out) = (Vec::new(), Vec::new());
        viterbi(&em, &trans, &mut b, &mut out);
        assert_eq!(out.len(), 100_000);
        assert!(out.iter().all(|t| *t == Tag::O));
    }

    #[test]
    fn integer_scores_decode_too() {
        let trans = vec![0i32; NUM_TAGS * NUM_TAGS];
        let mut em = vec![0i32; 2 * NUM_TAGS];
        em[Tag::new(EntityKind::Misc, Part::Begin).0 as usize] = 5;
        em[NUM_TAGS + Tag::new(EntityKind::Misc, Part::End).0 as usize] = 5;
        let (mut b, mut out) = (Vec::new(), Vec::new());
        viterbi(&em, &trans, &mut b, &mut out);
        assert_eq!(
            out.iter().map(|t| t.as_str()).collect::<Vec<_>>(),
            ["B-MISC", "E-MISC"]
        );
    }
}
