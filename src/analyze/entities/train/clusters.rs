//! Distributional word clusters from unlabelled text: PPMI-weighted counts of each word's
//! left and right neighbours (among the 1,000 most frequent words), randomly projected to
//! 64 dimensions, then hierarchical spherical k-means (32, then 8 and 8 per parent) giving
//! Brown-like cluster ids at three granularities. Deterministic: fixed seeds and orders.

use super::super::lexicon::HashKeyed;

const DIM: usize = 64;
const CONTEXTS: usize = 1000;
const BRANCH: [usize; 3] = [32, 8, 8];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// Spherical k-means of `points` (rows of `vecs`), `k` clusters; deterministic
/// initialisation from evenly spaced points of the (frequency-ordered) list.
fn kmeans(vecs: &[f32], points: &[usize], k: usize, iters: usize) -> Vec<usize> {
    let k = k.min(points.len()).max(1);
    let mut cent: Vec<f32> = Vec::with_capacity(k * DIM);
    for c in 0..k {
        let p = points[c * points.len() / k];
        cent.extend_from_slice(&vecs[p * DIM..(p + 1) * DIM]);
    }
    let mut assign = vec![0usize; points.len()];
    for _ in 0..iters {
        for (a, &p) in assign.iter_mut().zip(points) {
            let v = &vecs[p * DIM..(p + 1) * DIM];
            let mut best = f32::MIN;
            for c in 0..k {
                let d: f32 = v
                    .iter()
                    .zip(&cent[c * DIM..(c + 1) * DIM])
                    .map(|(x, y)| x * y)
                    .sum();
                if d > best {
                    best = d;
                    *a = c;
                }
            }
        }
        let mut sums = vec![0f32; k * DIM];
        for (&a, &p) in assign.iter().zip(points) {
            for (s, x) in sums[a * DIM..(a + 1) * DIM]
                .iter_mut()
                .zip(&vecs[p * DIM..(p + 1) * DIM])
            {
                *s += x;
            }
        }
        for c in 0..k {
            let s = &sums[c * DIM..(c + 1) * DIM];
            let norm = s.iter().map(|x| x * x).sum::<f32>().sqrt();
            if norm > 0.0 {
                for (d, x) in cent[c * DIM..(c + 1) * DIM].iter_mut().zip(s) {
                    *d = x / norm;
                }
            }
        }
    }
    assign
}

/// Cluster ids (three levels) for the vocabulary words.
pub(super) fn clusters(sentences: &[Vec<u64>], counts: &HashKeyed<u64>) -> HashKeyed<[u16; 3]> {
    let mut vocab: Vec<(u64, u64)> = counts
        .iter()
        .filter(|(_, c)| **c >= 3)
        .map(|(k, c)| (*k, *c))
        .collect();
    vocab.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    vocab.truncate(60_000);
    let index: HashKeyed<u32> = vocab
        .iter()
        .enumerate()
        .map(|(i, (k, _))| (*k, i as u32))
        .collect();
    let ctx: HashKeyed<u32> = vocab
        .iter()
        .take(CONTEXTS)
        .enumerate()
        .map(|(i, (k, _))| (*k, i as u32))
        .collect();
    let mut pairs: Vec<u64> = Vec::new();
    for s in sentences {
        for (i, k) in s.iter().enumerate() {
            let Some(&w) = index.get(k) else { continue };
            if i > 0
                && let Some(&c) = ctx.get(&s[i - 1])
            {
                pairs.push((u64::from(w) << 16) | u64::from(c));
            }
            if i + 1 < s.len()
                && let Some(&c) = ctx.get(&s[i + 1])
            {
                pairs.push((u64::from(w) << 16) | (u64::from(c) + CONTEXTS as u64));
            }
        }
    }
    pairs.sort_unstable();
    let total = pairs.len() as f64;
    let mut wsum = vec![0f64; vocab.len()];
    let mut csum = vec![0f64; 2 * CONTEXTS];
    for p in &pairs {
        wsum[(p >> 16) as usize] += 1.0;
        csum[(p & 0xffff) as usize] += 1.0;
    }
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let proj: Vec<f32> = (0..2 * CONTEXTS * DIM)
        .map(|_| if rng.next() & 1 == 0 { 1.0 } else { -1.0 })
        .collect();
    let mut vecs = vec![0f32; vocab.len() * DIM];
    let mut i = 0;
    while i < pairs.len() {
        let mut j = i;
        while j < pairs.len() && pairs[j] == pairs[i] {
            j += 1;
        }
        let (w, c) = ((pairs[i] >> 16) as usize, (pairs[i] & 0xffff) as usize);
        let pmi = ((j - i) as f64 * total / (wsum[w] * csum[c])).ln();
        if pmi > 0.0 {
            let v = &mut vecs[w * DIM..(w + 1) * DIM];
            for (x, r) in v.iter_mut().zip(&proj[c * DIM..(c + 1) * DIM]) {
                *x += pmi as f32 * r;
            }
        }
        i = j;
    }
    let mut points = Vec::new();
    for w in 0..vocab.len() {
        let v = &mut vecs[w * DIM..(w + 1) * DIM];
        let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        if norm > 0.0 {
            v.iter_mut().for_each(|x| *x /= norm);
            points.push(w);
        }
    }
    let mut out: HashKeyed<[u16; 3]> = HashKeyed::default();
    let top = kmeans(&vecs, &points, BRANCH[0], 12);
    for c1 in 0..BRANCH[0] {
        let p1: Vec<usize> = points
            .iter()
            .zip(&top)
            .filter(|(_, a)| **a == c1)
            .map(|(p, _)| *p)
            .collect();
        let mid = kmeans(&vecs, &p1, BRANCH[1], 10);
        for c2 in 0..BRANCH[1] {
            let p2: Vec<usize> = p1
                .iter()
                .zip(&mid)
                .filter(|(_, a)| **a == c2)
                .map(|(p, _)| *p)
                .collect();
            if p2.is_empty() {
                continue;
            }
            let low = kmeans(&vecs, &p2, BRANCH[2], 10);
            for (&p, &c3) in p2.iter().zip(&low) {
                let l2 = c1 * BRANCH[1] + c2;
                let ids = [
                    (c1 + 1) as u16,
                    (l2 + 1) as u16,
                    (l2 * BRANCH[2] + c3 + 1) as u16,
                ];
                out.insert(vocab[p].0, ids);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kmeans_separates_obvious_groups() {
        let mut vecs = vec![0f32; 6 * DIM];
        for p in 0..6 {
            vecs[p * DIM + if p % 2 == 0 { 0 } else { 1 }] = 1.0;
        }
        let points: Vec<usize> = (0..6).collect();
        let a = kmeans(&vecs, &points, 2, 5);
        assert_eq!(a, kmeans(&vecs, &points, 2, 5), "deterministic");
        assert!(a.iter().step_by(2).all(|&c| c == a[0]));
        assert!(a.iter().skip(1).step_by(2).all(|&c| c == a[1]));
        assert_ne!(a[0], a[1]);
    }
}
