//! Training (behind the `train` feature, not part of the library's API): an averaged
//! structured perceptron over the tagger's features, deterministic for a given input, and
//! evaluation by exact-span entity F1.

mod clusters;
mod lexicon;

use std::collections::HashMap;
use std::ops::Range;

pub use lexicon::LexiconSources;
use lexicon::build_lexicon;

use super::conll::ConllDocument;
use super::decoder::viterbi;
use super::features::Extractor;
use super::lexicon::{HashKeyed, Lexicon};
use super::model::{Layer, Model};
use super::recognizer::Recognizer;
use super::stacked::Stacker;
use super::tags::{
    EntityKind, NUM_TAGS, Span, Tag, spans_from_labels, spans_from_tags, tags_from_spans,
};

/// One document prepared for training: feature ids per token and gold tags.
struct Prepared {
    feats: Vec<u32>,
    offsets: Vec<u32>,
    sentences: Vec<Range<usize>>,
    gold: Vec<Tag>,
}

fn flatten(doc: &ConllDocument) -> (Vec<&str>, Vec<Range<usize>>, Vec<Tag>) {
    let mut tokens = Vec::new();
    let mut ranges = Vec::new();
    let mut gold = Vec::new();
    for (s, l) in doc.sentences.iter().zip(&doc.labels) {
        let start = tokens.len();
        tokens.extend(s.iter().map(String::as_str));
        ranges.push(start..tokens.len());
        gold.extend(tags_from_spans(s.len(), &spans_from_labels(l)));
    }
    (tokens, ranges, gold)
}

fn prepare(
    docs: &[ConllDocument],
    lexicon: &Lexicon,
    ids: &mut HashKeyed<u32>,
    grow: bool,
    first: Option<&[Vec<Tag>]>,
) -> Vec<Prepared> {
    let mut ex = Extractor::default();
    let mut st = Stacker::default();
    docs.iter()
        .enumerate()
        .map(|(d, doc)| {
            let (tokens, sentences, gold) = flatten(doc);
            ex.document(lexicon, &tokens, &sentences);
            if let Some(first) = first {
                st.stack(ex.infos(), &sentences, &first[d]);
            }
            let mut feats = Vec::with_capacity(ex.feats.len() + st.feats.len());
            let mut offsets = vec![0u32];
            for t in 0..tokens.len() {
                let base = &ex.feats[ex.offsets[t] as usize..ex.offsets[t + 1] as usize];
                let extra = match first {
                    Some(_) => &st.feats[st.offsets[t] as usize..st.offsets[t + 1] as usize],
                    None => &[],
                };
                for key in base.iter().chain(extra) {
                    let next = ids.len() as u32;
                    let id = if grow {
                        Some(*ids.entry(*key).or_insert(next))
                    } else {
                        ids.get(key).copied()
                    };
                    if let Some(id) = id {
                        feats.push(id);
                    }
                }
                offsets.push(feats.len() as u32);
            }
            Prepared {
                feats,
                offsets,
                sentences,
                gold,
            }
        })
        .collect()
}

/// Entity counts for precision, recall and F1.
#[derive(Debug, Clone, Copy, Default)]
pub struct Counts {
    /// Entities predicted.
    pub found: usize,
    /// Entities in the gold standard.
    pub wanted: usize,
    /// Predicted entities matching a gold one exactly.
    pub right: usize,
}

impl Counts {
    /// F1 of these counts.
    pub fn f1(&self) -> f64 {
        let p = self.right as f64 / self.found.max(1) as f64;
        let r = self.right as f64 / self.wanted.max(1) as f64;
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, gold: &[Span], pred: &[Span]) {
        self.found += pred.len();
        self.wanted += gold.len();
        self.right += pred.iter().filter(|p| gold.contains(p)).count();
    }
}

/// Overall and per-kind counts.
#[derive(Debug, Clone, Copy, Default)]
pub struct Scores {
    /// All kinds together.
    pub all: Counts,
    /// Per kind, in [`EntityKind::ALL`] order.
    pub kinds: [Counts; 4],
}

impl Scores {
    fn add(&mut self, gold: &[Span], pred: &[Span]) {
        self.all.add(gold, pred);
        for k in EntityKind::ALL {
            let g: Vec<Span> = gold.iter().filter(|s| s.kind == k).copied().collect();
            let p: Vec<Span> = pred.iter().filter(|s| s.kind == k).copied().collect();
            self.kinds[k as usize].add(&g, &p);
        }
    }
}

impl std::fmt::Display for Scores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for k in EntityKind::ALL {
            write!(f, "{} {:.4}  ", k.label(), self.kinds[k as usize].f1())?;
        }
        write!(f, "ALL {:.4}", self.all.f1())
    }
}

struct Perceptron {
    w: Vec<f32>,
    u: Vec<f32>,
    tw: Vec<f32>,
    tu: Vec<f32>,
    c: f32,
}

impl Perceptron {
    fn averaged(&self) -> (Vec<f32>, Vec<f32>) {
        let avg = |w: &[f32], u: &[f32]| -> Vec<f32> {
            w.iter().zip(u).map(|(w, u)| w - u / self.c).collect()
        };
        (avg(&self.w, &self.u), avg(&self.tw, &self.tu))
    }
}

fn decode(w: &[f32], trans: &[f32], doc: &Prepared, r: &Range<usize>, buf: &mut Buffers) {
    buf.em.clear();
    buf.em.resize(r.len() * NUM_TAGS, 0.0);
    for (i, tok) in r.clone().enumerate() {
        let em = &mut buf.em[i * NUM_TAGS..(i + 1) * NUM_TAGS];
        for &f in &doc.feats[doc.offsets[tok] as usize..doc.offsets[tok + 1] as usize] {
            let row = &w[f as usize * NUM_TAGS..(f as usize + 1) * NUM_TAGS];
            for (e, x) in em.iter_mut().zip(row) {
                *e += x;
            }
        }
    }
    viterbi(&buf.em, trans, &mut buf.back, &mut buf.path);
}

#[derive(Default)]
struct Buffers {
    em: Vec<f32>,
    back: Vec<u8>,
    path: Vec<Tag>,
}

fn evaluate_prepared(w: &[f32], trans: &[f32], docs: &[Prepared]) -> Scores {
    let mut scores = Scores::default();
    let mut buf = Buffers::default();
    for doc in docs {
        for r in &doc.sentences {
            decode(w, trans, doc, r, &mut buf);
            scores.add(
                &spans_from_tags(&doc.gold[r.clone()]),
                &spans_from_tags(&buf.path),
            );
        }
    }
    scores
}

/// Options of [`train`].
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Passes over the training data.
    pub epochs: usize,
    /// Seed of the deterministic document shuffle.
    pub seed: u64,
    /// Weights whose quantised magnitude is below this are dropped from the model.
    pub prune: i16,
    /// Train a second layer on the first one's tags (jackknifed over this many folds of
    /// the training documents); 0 or 1 for one layer only.
    pub folds: usize,
    /// Perceptrons (on different document orders) whose weights are averaged per layer.
    pub mix: usize,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 12,
            seed: 1,
            prune: 1,
            folds: 4,
            mix: 1,
        }
    }
}

/// Trains averaged perceptron weights on `docs`, reporting on `dev` after each epoch.
fn perceptron(
    docs: &[&Prepared],
    nf: usize,
    dev: &[Prepared],
    opts: &TrainOptions,
    what: &str,
) -> (Vec<f32>, Vec<f32>) {
    // Parameter mixing: the mean of perceptrons trained on different document orders.
    let runs = opts.mix.max(1);
    let (mut w, mut t) = (vec![0f32; nf * NUM_TAGS], vec![0f32; NUM_TAGS * NUM_TAGS]);
    for run in 0..runs {
        let seed = opts.seed.wrapping_add(run as u64 * 0x9e37_79b9);
        let (rw, rt) = perceptron_run(docs, nf, dev, opts, what, seed);
        w.iter_mut()
            .zip(&rw)
            .for_each(|(a, b)| *a += b / runs as f32);
        t.iter_mut()
            .zip(&rt)
            .for_each(|(a, b)| *a += b / runs as f32);
    }
    if runs > 1 && !dev.is_empty() {
        let s = evaluate_prepared(&w, &t, dev);
        eprintln!("train-ner: {what}: mean of {runs} runs: dev {s}");
    }
    (w, t)
}

fn perceptron_run(
    docs: &[&Prepared],
    nf: usize,
    dev: &[Prepared],
    opts: &TrainOptions,
    what: &str,
    seed: u64,
) -> (Vec<f32>, Vec<f32>) {
    let mut p = Perceptron {
        w: vec![0.0; nf * NUM_TAGS],
        u: vec![0.0; nf * NUM_TAGS],
        tw: vec![0.0; NUM_TAGS * NUM_TAGS],
        tu: vec![0.0; NUM_TAGS * NUM_TAGS],
        c: 1.0,
    };
    let mut order: Vec<usize> = (0..docs.len()).collect();
    let mut rng = seed.max(1);
    let mut buf = Buffers::default();
    for epoch in 1..=opts.epochs {
        // Fisher-Yates with xorshift64: deterministic.
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        let mut errors = 0usize;
        for &d in &order {
            let doc = docs[d];
            for r in &doc.sentences {
                decode(&p.w, &p.tw, doc, r, &mut buf);
                let gold = &doc.gold[r.clone()];
                if buf.path != gold {
                    errors += 1;
                    update(&mut p, doc, r, gold, &buf.path);
                }
                p.c += 1.0;
            }
        }
        if !dev.is_empty() && (epoch == opts.epochs || epoch % 4 == 0) {
            let (w, t) = p.averaged();
            let s = evaluate_prepared(&w, &t, dev);
            eprintln!("train-ner: {what}: epoch {epoch}: {errors} sentences wrong; dev {s}");
        }
    }
    p.averaged()
}

fn update(p: &mut Perceptron, doc: &Prepared, r: &Range<usize>, gold: &[Tag], pred: &[Tag]) {
    let c = p.c;
    for (i, tok) in r.clone().enumerate() {
        let (g, q) = (gold[i].0 as usize, pred[i].0 as usize);
        if g != q {
            for &f in &doc.feats[doc.offsets[tok] as usize..doc.offsets[tok + 1] as usize] {
                let base = f as usize * NUM_TAGS;
                p.w[base + g] += 1.0;
                p.u[base + g] += c;
                p.w[base + q] -= 1.0;
                p.u[base + q] -= c;
            }
        }
        if i > 0 {
            let (gp, qp) = (gold[i - 1].0 as usize, pred[i - 1].0 as usize);
            if (gp, g) != (qp, q) {
                p.tw[gp * NUM_TAGS + g] += 1.0;
                p.tu[gp * NUM_TAGS + g] += c;
                p.tw[qp * NUM_TAGS + q] -= 1.0;
                p.tu[qp * NUM_TAGS + q] -= c;
            }
        }
    }
}

/// Tags of a prepared document under weights `w`, `t`.
fn predict(w: &[f32], t: &[f32], doc: &Prepared) -> Vec<Tag> {
    let mut buf = Buffers::default();
    let mut tags = Vec::with_capacity(doc.gold.len());
    for r in &doc.sentences {
        decode(w, t, doc, r, &mut buf);
        tags.extend_from_slice(&buf.path);
    }
    tags
}

/// Trains a recogniser on `train` documents, reporting F1 on `dev` (if any) on standard
/// error, with a lexicon built from `sources`. Returns the recogniser and its serialised
/// model.
pub fn train(
    train: &[ConllDocument],
    dev: &[ConllDocument],
    sources: &LexiconSources,
    opts: &TrainOptions,
) -> std::io::Result<(Recognizer, Vec<u8>)> {
    let started = std::time::Instant::now();
    let train_tokens: Vec<&str> = train
        .iter()
        .flat_map(|d| d.sentences.iter().flatten().map(String::as_str))
        .collect();
    let lexicon = build_lexicon(sources, &train_tokens)?;
    eprintln!(
        "train-ner: lexicon built in {:.1}s",
        started.elapsed().as_secs_f64()
    );
    let mut ids: HashKeyed<u32> = HashMap::default();
    let docs = prepare(train, &lexicon, &mut ids, true, None);
    let dev1 = prepare(dev, &lexicon, &mut ids, false, None);
    eprintln!(
        "train-ner: {} documents, {} first-layer features",
        docs.len(),
        ids.len()
    );
    let all: Vec<&Prepared> = docs.iter().collect();
    let (w1, t1) = perceptron(&all, ids.len(), &dev1, opts, "layer 1");
    let mut layers = vec![quantize(&w1, &t1, &ids, opts.prune)];
    if opts.folds > 1 {
        // First-layer tags of each training document from a model that did not see it.
        let mut first: Vec<Vec<Tag>> = vec![Vec::new(); docs.len()];
        for fold in 0..opts.folds {
            let part: Vec<&Prepared> = all
                .iter()
                .enumerate()
                .filter(|(d, _)| d % opts.folds != fold)
                .map(|(_, p)| *p)
                .collect();
            let (w, t) = perceptron(&part, ids.len(), &[], opts, "fold");
            for (d, doc) in docs.iter().enumerate() {
                if d % opts.folds == fold {
                    first[d] = predict(&w, &t, doc);
                }
            }
            eprintln!(
                "train-ner: fold {} done at {:.1}s",
                fold + 1,
                started.elapsed().as_secs_f64()
            );
        }
        let dev_first: Vec<Vec<Tag>> = dev1.iter().map(|d| predict(&w1, &t1, d)).collect();
        let mut ids2: HashKeyed<u32> = HashMap::default();
        let docs2 = prepare(train, &lexicon, &mut ids2, true, Some(&first));
        let dev2 = prepare(dev, &lexicon, &mut ids2, false, Some(&dev_first));
        let all2: Vec<&Prepared> = docs2.iter().collect();
        let (w2, t2) = perceptron(&all2, ids2.len(), &dev2, opts, "layer 2");
        layers.push(quantize(&w2, &t2, &ids2, opts.prune));
    }
    let model = Model {
        lexicon,
        layers,
        ..Model::default()
    };
    let bytes = model.to_bytes();
    eprintln!(
        "train-ner: trained in {:.1}s",
        started.elapsed().as_secs_f64()
    );
    Ok((Recognizer::from_model(model), bytes))
}

fn quantize(w: &[f32], t: &[f32], ids: &HashKeyed<u32>, prune: i16) -> Layer {
    let scale = 32000.0 / w.iter().chain(t).fold(1e-6f32, |m, x| m.max(x.abs()));
    let q = |x: f32| (x * scale).round() as i32;
    let mut keys: Vec<(u64, u32)> = ids.iter().map(|(k, v)| (*k, *v)).collect();
    keys.sort_unstable();
    let mut kept: Vec<(u64, [i16; NUM_TAGS])> = Vec::new();
    for (key, id) in keys {
        let row = &w[id as usize * NUM_TAGS..(id as usize + 1) * NUM_TAGS];
        let qrow: [i16; NUM_TAGS] = std::array::from_fn(|k| {
            let v = q(row[k]).clamp(-32767, 32767) as i16;
            if v.abs() < prune { 0 } else { v }
        });
        if qrow.iter().any(|&x| x != 0) {
            kept.push((key, qrow));
        }
    }
    let mut model = Layer::with_capacity(kept.len(), t.iter().map(|&x| q(x)).collect());
    for (key, row) in kept {
        model.insert(key, row);
    }
    eprintln!("train-ner: {} features kept, scale {scale:.1}", model.len());
    model
}

/// Scores a recogniser on labelled documents.
pub fn evaluate(recognizer: &Recognizer, docs: &[ConllDocument]) -> Scores {
    let mut scores = Scores::default();
    let mut tags = Vec::new();
    for doc in docs {
        let (tokens, sentences, gold) = flatten(doc);
        recognizer.tag_ranges(&tokens, &sentences, &mut tags);
        for r in &sentences {
            scores.add(
                &spans_from_tags(&gold[r.clone()]),
                &spans_from_tags(&tags[r.clone()]),
            );
        }
    }
    scores
}
