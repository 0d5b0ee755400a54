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

/// For each tag, the tags that may precede it (padded) and how many there are.
const PREDECESSORS: ([[u8; NUM_TAGS]; NUM_TAGS], [u8; NUM_TAGS]) = {
    let mut lists = [[0u8; NUM_TAGS]; NUM_TAGS];
    let mut lens = [0u8; NUM_TAGS];
    let mut b = 0;
    while b < NUM_TAGS {
        let mut a = 0;
        while a < NUM_TAGS {
            if Tag(a as u8).allows(Tag(b as u8)) {
                lists[b][lens[b] as usize] = a as u8;
                lens[b] += 1;
            }
            a += 1;
        }
        b += 1;
    }
    (lists, lens)
};

/// Decodes `n = emissions.len() / NUM_TAGS` tokens into `out`.
///
/// `emissions[i * NUM_TAGS + t]` scores tag t at token i; `trans[a * NUM_TAGS + b]` scores
/// tag b following tag a. Ill-formed sequences (e.g. `O` then `I-PER`) are never chosen.
/// `back` is a scratch buffer.
pub(crate) fn viterbi<S: Score>(
    emissions: &[S],
    trans: &[S],
    back: &mut Vec<u8>,
    out: &mut Vec<Tag>,
) {
    let n = emissions.len() / NUM_TAGS;
    out.clear();
    if n == 0 || trans.len() < NUM_TAGS * NUM_TAGS {
        return;
    }
    // Transition scores into each tag from its possible predecessors, gathered once.
    let mut into = [[S::NEG; NUM_TAGS]; NUM_TAGS];
    for (b, row) in into.iter_mut().enumerate() {
        for (k, &a) in PREDECESSORS.0[b][..PREDECESSORS.1[b] as usize]
            .iter()
            .enumerate()
        {
            row[k] = trans[a as usize * NUM_TAGS + b];
        }
    }
    back.clear();
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
        let mut cur = [S::NEG; NUM_TAGS];
        for b in 0..NUM_TAGS {
            let preds = &PREDECESSORS.0[b][..PREDECESSORS.1[b] as usize];
            let mut best = S::NEG;
            let mut arg = 0u8;
            for (&a, &t) in preds.iter().zip(&into[b]) {
                let s = prev[a as usize] + t;
                if s > best {
                    best = s;
                    arg = a;
                }
            }
            cur[b] = best + em[b];
            bk[b] = arg;
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
