//! The trained model: the lexicon and one or two tagging layers (quantised feature weights,
//! sparse per feature, and tag transition scores; the second layer also reads the first
//! one's tags across the document), with its binary file format (`LEDENER2`, little-endian).

use super::EntitiesError;
use super::direct::Direct;
use super::lexicon::{Lexicon, WordInfo};
use super::second::SecondTable;
use super::tags::NUM_TAGS;

/// The first bytes of a model (see [`Model::to_bytes`]) whose gazetteer holds every proper
/// prefix of its phrases too (see [`super::lexicon::Lexicon::prefixes`]).
const MAGIC: &[u8; 8] = b"LEDENER3";

/// The first bytes of a model whose gazetteer holds its phrases only, not their prefixes too
/// (see [`super::lexicon::Lexicon::prefixes`]); read as well.
const MAGIC_WITHOUT_PREFIXES: &[u8; 8] = b"LEDENER2";

/// The lexicon and the tagging layers.
#[derive(Debug, Clone, Default)]
pub(crate) struct Model {
    pub(crate) lexicon: Lexicon,
    /// The first layer tags from the token features; a second one, if any, also reads the
    /// first one's tags across the document.
    pub(crate) layers: Vec<Layer>,
    /// The layers' weights merged for tagging (built by [`Model::finish`]).
    pub(crate) joint: Joint,
    /// The second layer's small-domain features resolved in `joint`.
    pub(crate) second: SecondTable,
    /// The first layer's small-domain features resolved in `joint`.
    pub(crate) direct: Direct,
    /// Distinguishes finished models (0: not finished), so that what a thread caches about
    /// one model is never used with another.
    pub(crate) id: u64,
}

/// Weights per [`JointSlot`]: the first layer's tags, then the second layer's, then zeros up
/// to a whole number of four-lane vectors, so that adding a row is a few SIMD instructions.
pub(crate) const JOINT_WIDTH: usize = (2 * NUM_TAGS).div_ceil(4) * 4;

/// Summed weights of some features for both layers (as in a [`JointSlot`], widened).
pub(crate) type Row = [i32; JOINT_WIDTH];

/// Both layers' weights of one feature, inline with its key.
#[derive(Debug, Clone, Copy)]
struct JointSlot {
    /// Feature key; 0 marks an empty slot.
    key: u64,
    /// `weights[t]`: first layer, tag t; `weights[NUM_TAGS + t]`: second layer.
    weights: [i16; JOINT_WIDTH],
}

impl Default for JointSlot {
    fn default() -> JointSlot {
        JointSlot {
            key: 0,
            weights: [0; JOINT_WIDTH],
        }
    }
}

/// Adds a row of weights to running sums, lane by lane (vectorised by the compiler).
#[inline(always)]
fn add_row(acc: &mut [i32; JOINT_WIDTH], row: &[i16; JOINT_WIDTH]) {
    for (a, &w) in acc.iter_mut().zip(row) {
        *a += i32::from(w);
    }
}

/// All features of both layers in one open-addressing table, so that scoring a token for
/// both layers looks each feature up once: memory latency, not arithmetic, bounds tagging.
#[derive(Debug, Clone, Default)]
pub(crate) struct Joint {
    table: Vec<JointSlot>,
    /// One bit per hashed key (from other bits of the key than the table index): small
    /// enough to stay in cache, it answers most lookups of absent features without touching
    /// the table.
    present: Vec<u64>,
}

/// Bits in [`Joint::present`]: 2^21, 256 KiB.
const PRESENT_BITS: u32 = 21;

#[inline]
fn present_bit(key: u64) -> (usize, u64) {
    let bit = (key >> (64 - PRESENT_BITS)) as usize;
    (bit / 64, 1u64 << (bit % 64))
}

impl Joint {
    fn build(layers: &[Layer]) -> Joint {
        let layers = &layers[..layers.len().min(2)];
        // The keys the layers share count once: each layer's keys that no layer before it
        // holds (a lookup each, where sorting every key was a third of loading the model).
        let distinct: usize = layers
            .iter()
            .enumerate()
            .map(|(l, layer)| {
                layer
                    .keys()
                    .filter(|&key| layers[..l].iter().all(|before| before.get(key).is_none()))
                    .count()
            })
            .sum();
        // At most seven eighths full: small enough to stay in cache, short probes.
        let size = (distinct.max(4) * 8 / 7 + 1).next_power_of_two();
        let mut joint = Joint {
            table: vec![JointSlot::default(); size],
            present: vec![0; (1 << PRESENT_BITS) / 64],
        };
        for key in layers.iter().flat_map(Layer::keys) {
            let (word, bit) = present_bit(key);
            joint.present[word] |= bit;
        }
        let mask = size - 1;
        for (l, layer) in layers.iter().enumerate() {
            for slot in layer.table.iter().filter(|s| s.key != 0) {
                let mut i = slot.key as usize & mask;
                while joint.table[i].key != 0 && joint.table[i].key != slot.key {
                    i = (i + 1) & mask;
                }
                joint.table[i].key = slot.key;
                joint.table[i].weights[l * NUM_TAGS..(l + 1) * NUM_TAGS]
                    .copy_from_slice(&slot.weights);
            }
        }
        joint
    }

    #[inline(always)]
    fn get(&self, key: u64) -> Option<&[i16; JOINT_WIDTH]> {
        let slot = self.slot(key)?;
        Some(&self.table[slot as usize].weights)
    }

    /// The index of the slot holding `key`'s weights, if it has any: the presence filter
    /// answers for most absent keys without touching the table.
    #[inline(always)]
    pub(crate) fn slot(&self, key: u64) -> Option<u32> {
        let (word, bit) = present_bit(key);
        if key == 0 || self.present.get(word).is_none_or(|w| w & bit == 0) {
            return None;
        }
        let mask = self.table.len() - 1;
        let mut i = key as usize & mask;
        loop {
            match self.table[i].key {
                k if k == key => return Some(i as u32),
                0 => return None,
                _ => i = (i + 1) & mask,
            }
        }
    }

    /// Adds the weights in slot `slot` (from [`Joint::slot`]) to `acc`.
    #[inline(always)]
    pub(crate) fn add_slot(&self, acc: &mut Row, slot: u32) {
        if let Some(s) = self.table.get(slot as usize) {
            add_row(acc, &s.weights);
        }
    }

    /// Adds `key`'s weights, if it has any, to `acc`.
    #[inline(always)]
    pub(crate) fn add_key(&self, acc: &mut Row, key: u64) {
        if let Some(row) = self.get(key) {
            add_row(acc, row);
        }
    }

    /// Hints the processor to load the slots `feats` hash to, ahead of scoring them.
    #[inline(always)]
    pub(crate) fn prefetch(&self, feats: &[u64]) {
        #[cfg(target_arch = "x86_64")]
        if !self.table.is_empty() && !self.present.is_empty() {
            use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
            let mask = self.table.len() - 1;
            for &key in feats {
                let (word, bit) = present_bit(key);
                if self.present[word] & bit == 0 {
                    continue;
                }
                let slot: *const JointSlot = &self.table[key as usize & mask];
                // SAFETY: a prefetch never faults and `slot` points into the table; SSE is
                // part of the x86_64 baseline.
                #[allow(unused_unsafe)]
                unsafe {
                    _mm_prefetch::<_MM_HINT_T0>(slot.cast::<i8>());
                }
            }
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = feats;
    }

    /// Sets `first` and `second` (one slot per tag each) to the sums of the two layers'
    /// weights of `feats`.
    #[inline(always)]
    fn score_both(&self, base: &Row, feats: &[u64], first: &mut [i32], second: &mut [i32]) {
        let mut acc = *base;
        for &key in feats {
            if let Some(row) = self.get(key) {
                add_row(&mut acc, row);
            }
        }
        first[..NUM_TAGS].copy_from_slice(&acc[..NUM_TAGS]);
        second[..NUM_TAGS].copy_from_slice(&acc[NUM_TAGS..2 * NUM_TAGS]);
    }

    /// The summed weights of `feats`.
    pub(crate) fn row(&self, feats: &[u64]) -> Row {
        let mut acc = [0i32; JOINT_WIDTH];
        for &key in feats {
            if let Some(row) = self.get(key) {
                add_row(&mut acc, row);
            }
        }
        acc
    }

    /// Scores every token of a document for both layers: token i's features are
    /// `feats[offsets[i]..offsets[i + 1]]` plus those summed in `bases[base[i]]` (when
    /// `base` is not empty), its scores go to `first[i * NUM_TAGS..]` and
    /// `second[i * NUM_TAGS..]` (each `NUM_TAGS` per token, overwritten).
    pub(crate) fn score_tokens(&self, tokens: Tokens<'_>, first: &mut [i32], second: &mut [i32]) {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the processor has AVX2.
            return unsafe { self.score_tokens_avx2(tokens, first, second) };
        }
        self.score_tokens_any(tokens, first, second);
    }

    /// [`Joint::score_tokens`] compiled for AVX2 (a row of weights is five vector adds).
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    fn score_tokens_avx2(&self, tokens: Tokens<'_>, first: &mut [i32], second: &mut [i32]) {
        self.score_tokens_any(tokens, first, second);
    }

    #[inline(always)]
    fn score_tokens_any(&self, tokens: Tokens<'_>, first: &mut [i32], second: &mut [i32]) {
        let Tokens {
            feats,
            offsets,
            base,
            bases,
            slots,
            slot_offsets,
            outside,
        } = tokens;
        let n = offsets.len().saturating_sub(1);
        let zero = [0i32; JOINT_WIDTH];
        let feats_of = |i: usize| &feats[offsets[i] as usize..offsets[i + 1] as usize];
        const AHEAD: usize = 2;
        for i in 0..n.min(AHEAD) {
            self.prefetch(feats_of(i));
        }
        for i in 0..n {
            if i + AHEAD < n {
                self.prefetch(feats_of(i + AHEAD));
            }
            if outside.get(i) == Some(&true) {
                continue;
            }
            let range = i * NUM_TAGS..(i + 1) * NUM_TAGS;
            let mut b = *base.get(i).map_or(&zero, |&j| &bases[j as usize]);
            if let Some(w) = slot_offsets.get(i..i + 2) {
                for &slot in &slots[w[0] as usize..w[1] as usize] {
                    self.add_slot(&mut b, slot);
                }
            }
            self.score_both(
                &b,
                feats_of(i),
                &mut first[range.clone()],
                &mut second[range],
            );
        }
    }
}

/// The features of a document's tokens, for [`Joint::score_tokens`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tokens<'a> {
    /// All tokens' features, concatenated.
    pub(crate) feats: &'a [u64],
    /// `feats[offsets[i]..offsets[i + 1]]` are token i's.
    pub(crate) offsets: &'a [u32],
    /// Token i's precomputed part of its sums is `bases[base[i]]`; empty: none.
    pub(crate) base: &'a [u32],
    /// Precomputed sums.
    pub(crate) bases: &'a [Row],
    /// Weight slots of token i's other features: `slots[slot_offsets[i]..slot_offsets[i + 1]]`
    /// (`slot_offsets` empty: none).
    pub(crate) slots: &'a [u32],
    /// See `slots`.
    pub(crate) slot_offsets: &'a [u32],
    /// Tokens certainly outside any name, not scored (their scores are left as they were);
    /// empty: none.
    pub(crate) outside: &'a [bool],
}

/// One feature's weights, stored inline with its key so that a lookup touches one place.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Slot {
    /// Feature key; 0 marks an empty slot.
    key: u64,
    weights: [i16; NUM_TAGS],
}

/// Feature weights and transitions of one tagging layer, quantised to integers.
#[derive(Debug, Clone, Default)]
pub(crate) struct Layer {
    /// Open-addressing hash table (linear probing, at most three quarters full) of feature
    /// weights.
    table: Vec<Slot>,
    /// Number of features in `table`.
    len: usize,
    /// `trans[a * NUM_TAGS + b]`: score of tag b after tag a.
    pub(crate) trans: Vec<i32>,
}

impl Layer {
    /// An empty layer with room for `n` features.
    pub(crate) fn with_capacity(n: usize, trans: Vec<i32>) -> Layer {
        let size = (n.max(4) * 4 / 3 + 1).next_power_of_two();
        Layer {
            table: vec![Slot::default(); size],
            len: 0,
            trans,
        }
    }

    /// Number of features with weights.
    #[cfg_attr(not(any(test, feature = "train")), allow(dead_code))]
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Adds a feature's weights; a key of 0 (reserved) or a repeated key is ignored, and
    /// so is a feature beyond the capacity given at creation.
    pub(crate) fn insert(&mut self, key: u64, weights: [i16; NUM_TAGS]) {
        if key == 0 || (self.len + 1) * 4 > self.table.len() * 3 {
            return;
        }
        let mask = self.table.len() - 1;
        let mut i = key as usize & mask;
        loop {
            let slot = &mut self.table[i];
            if slot.key == key {
                return;
            }
            if slot.key == 0 {
                *slot = Slot { key, weights };
                self.len += 1;
                return;
            }
            i = (i + 1) & mask;
        }
    }

    /// The keys of the features with weights, in table order.
    fn keys(&self) -> impl Iterator<Item = u64> + '_ {
        self.table
            .iter()
            .map(|slot| slot.key)
            .filter(|&key| key != 0)
    }

    /// The weights of feature `key`, if it has any.
    fn get(&self, key: u64) -> Option<&[i16; NUM_TAGS]> {
        if self.table.is_empty() {
            return None;
        }
        let mask = self.table.len() - 1;
        let mut i = key as usize & mask;
        loop {
            let slot = &self.table[i];
            if slot.key == key {
                return Some(&slot.weights);
            }
            if slot.key == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    #[cfg_attr(not(any(test, feature = "train")), allow(dead_code))]
    fn write(&self, out: &mut Vec<u8>) {
        for t in &self.trans {
            out.extend_from_slice(&t.to_le_bytes());
        }
        let mut feats: Vec<&Slot> = self.table.iter().filter(|s| s.key != 0).collect();
        feats.sort_unstable_by_key(|s| s.key);
        out.extend_from_slice(&(feats.len() as u32).to_le_bytes());
        for slot in feats {
            out.extend_from_slice(&slot.key.to_le_bytes());
            out.push(slot.weights.iter().filter(|&&x| x != 0).count() as u8);
            for (t, &x) in slot.weights.iter().enumerate() {
                if x != 0 {
                    out.push(t as u8);
                    out.extend_from_slice(&x.to_le_bytes());
                }
            }
        }
    }

    fn read(r: &mut Reader<'_>) -> Result<Layer, EntitiesError> {
        let trans = (0..NUM_TAGS * NUM_TAGS)
            .map(|_| r.u32().map(|x| x as i32))
            .collect::<Result<_, _>>()?;
        let n = r.u32()? as usize;
        // Each feature takes at least 9 bytes: bound the allocation by the input size.
        let mut layer = Layer::with_capacity(n.min(r.bytes.len() / 9), trans);
        for _ in 0..n {
            let key = r.u64()?;
            let nnz = r.u8()?;
            let mut weights = [0i16; NUM_TAGS];
            for _ in 0..nnz {
                let t = r.u8()? as usize;
                let w = r.u16()? as i16;
                if t >= NUM_TAGS {
                    return Err(EntitiesError::Model(format!("tag {t} out of range")));
                }
                weights[t] = w;
            }
            layer.insert(key, weights);
        }
        Ok(layer)
    }
}

impl Model {
    /// Builds the merged table for tagging and drops the per-layer tables.
    pub(crate) fn finish(mut self) -> Model {
        static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        self.id = NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        self.lexicon.index_phrases();
        self.joint = Joint::build(&self.layers);
        self.second = SecondTable::build(&self.joint);
        self.direct = Direct::build(&self.joint, &self.lexicon);
        for layer in &mut self.layers {
            layer.table = Vec::new();
        }
        self
    }

    /// Serialises the model.
    #[cfg_attr(not(any(test, feature = "train")), allow(dead_code))]
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let mut out = magic(&self.lexicon).to_vec();
        let mut words: Vec<(&u64, &WordInfo)> = self.lexicon.words.iter().collect();
        words.sort_unstable_by_key(|(k, _)| **k);
        out.extend_from_slice(&(words.len() as u32).to_le_bytes());
        for (k, w) in words {
            out.extend_from_slice(&k.to_le_bytes());
            for c in w.clusters {
                out.extend_from_slice(&c.to_le_bytes());
            }
            out.push(w.case);
            out.push(w.freq);
        }
        write_phrases(&self.lexicon, &mut out);
        out.push(self.layers.len() as u8);
        for layer in &self.layers {
            layer.write(&mut out);
        }
        out
    }

    /// Reads a model written by [`Model::to_bytes`].
    pub(crate) fn from_bytes(bytes: &[u8]) -> Result<Model, EntitiesError> {
        let mut r = Reader { bytes, pos: 0 };
        let prefixes = match r.take(8)? {
            magic if magic == MAGIC => true,
            magic if magic == MAGIC_WITHOUT_PREFIXES => false,
            _ => {
                return Err(EntitiesError::Model(
                    "not a lede NER model (bad magic)".into(),
                ));
            }
        };
        let mut model = Model::default();
        model.lexicon.prefixes = prefixes;
        let n = r.u32()? as usize;
        model.lexicon.words.reserve(n.min(bytes.len() / 16));
        for _ in 0..n {
            let k = r.u64()?;
            let clusters = [r.u16()?, r.u16()?, r.u16()?];
            let case = r.u8()?;
            let freq = r.u8()?;
            let info = WordInfo {
                clusters,
                case,
                freq,
            };
            model.lexicon.words.insert(k, info);
        }
        let n = r.u32()? as usize;
        for _ in 0..n {
            let k = r.u64()?;
            let b = r.u8()?;
            model.lexicon.phrases.insert(k, b);
        }
        let layers = r.u8()?;
        if !(1..=2).contains(&layers) {
            return Err(EntitiesError::Model(format!("{layers} layers")));
        }
        for _ in 0..layers {
            model.layers.push(Layer::read(&mut r)?);
        }
        if r.pos != bytes.len() {
            return Err(EntitiesError::Model("trailing bytes".into()));
        }
        Ok(model.finish())
    }
}

/// Model bytes (as [`Model::to_bytes`] writes them) with the gazetteer phrases of `lexicon`
/// instead of their own, and the header that says whether they hold their prefixes; the words
/// and the weights are kept byte for byte.
#[cfg(all(test, feature = "train"))]
pub(crate) fn with_gazetteer(bytes: &[u8], lexicon: &Lexicon) -> Result<Vec<u8>, EntitiesError> {
    let mut r = Reader { bytes, pos: 0 };
    r.take(8)?;
    let words = r.u32()? as usize;
    r.take(words * 16)?;
    let phrases_at = r.pos;
    let phrases = r.u32()? as usize;
    r.take(phrases * 9)?;
    let mut out = magic(lexicon).to_vec();
    out.extend_from_slice(&bytes[8..phrases_at]);
    write_phrases(lexicon, &mut out);
    out.extend_from_slice(&bytes[r.pos..]);
    Ok(out)
}

/// The first bytes of a model with `lexicon`: whether its gazetteer holds its phrases' prefixes.
#[cfg_attr(not(any(test, feature = "train")), allow(dead_code))]
fn magic(lexicon: &Lexicon) -> &'static [u8; 8] {
    if lexicon.prefixes {
        MAGIC
    } else {
        MAGIC_WITHOUT_PREFIXES
    }
}

/// Writes the gazetteer section of a model: the count, then each phrase hash and its kind
/// bits, in hash order.
#[cfg_attr(not(any(test, feature = "train")), allow(dead_code))]
fn write_phrases(lexicon: &Lexicon, out: &mut Vec<u8>) {
    let mut phrases: Vec<(&u64, &u8)> = lexicon.phrases.iter().collect();
    phrases.sort_unstable_by_key(|(k, _)| **k);
    out.extend_from_slice(&(phrases.len() as u32).to_le_bytes());
    for (k, b) in phrases {
        out.extend_from_slice(&k.to_le_bytes());
        out.push(*b);
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], EntitiesError> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or_else(|| EntitiesError::Model("truncated model".into()))?;
        let s = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8, EntitiesError> {
        Ok(self.take(1)?[0])
    }
    fn u16(&mut self) -> Result<u16, EntitiesError> {
        Ok(u16::from_le_bytes(
            self.take(2)?.try_into().unwrap_or_default(),
        ))
    }
    fn u32(&mut self) -> Result<u32, EntitiesError> {
        Ok(u32::from_le_bytes(
            self.take(4)?.try_into().unwrap_or_default(),
        ))
    }
    fn u64(&mut self) -> Result<u64, EntitiesError> {
        Ok(u64::from_le_bytes(
            self.take(8)?.try_into().unwrap_or_default(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejects_garbage() {
        let mut layer = Layer::with_capacity(2, vec![3; NUM_TAGS * NUM_TAGS]);
        let mut w = [0i16; NUM_TAGS];
        w[4] = -12;
        layer.insert(42, w);
        layer.insert(0, w);
        assert_eq!(layer.len(), 1);
        let mut second = Layer::with_capacity(2, vec![5; NUM_TAGS * NUM_TAGS]);
        let mut w2 = [0i16; NUM_TAGS];
        w2[0] = 7;
        second.insert(42, w2);
        second.insert(99, w2);
        let mut m = Model {
            layers: vec![layer, second],
            ..Model::default()
        };
        let info = WordInfo {
            clusters: [1, 2, 3],
            case: 4,
            freq: 5,
        };
        m.lexicon.words.insert(7, info);
        m.lexicon.phrases.insert(9, 2);
        let bytes = m.to_bytes();
        let back = Model::from_bytes(&bytes).expect("valid model");
        assert_eq!(back.layers.len(), 2);
        assert_eq!(back.layers[1].trans, m.layers[1].trans);
        assert_eq!(back.lexicon.words[&7].case, 4);
        let (mut s1, mut s2) = ([0i32; NUM_TAGS], [0i32; NUM_TAGS]);
        back.joint
            .score_both(&[0; JOINT_WIDTH], &[42, 43, 99], &mut s1, &mut s2);
        assert_eq!((s1[4], s1[0], s2[4], s2[0]), (-12, 0, 0, 14));
        let mut acc = [0; JOINT_WIDTH];
        back.joint.add_key(&mut acc, 99);
        let slot = back.joint.slot(42).expect("present");
        back.joint.add_slot(&mut acc, slot);
        assert_eq!(
            (acc[4], acc[NUM_TAGS], back.joint.slot(43)),
            (-12, 14, None)
        );
        assert_eq!(m.layers[1].get(43), None);
        assert!(Model::from_bytes(&bytes[..bytes.len() - 1]).is_err());
        // The header says whether the gazetteer holds its phrases' prefixes.
        assert!(!back.lexicon.prefixes);
        m.lexicon.prefixes = true;
        let with_prefixes = m.to_bytes();
        assert_eq!(with_prefixes[8..], bytes[8..]);
        assert!(Model::from_bytes(&with_prefixes).unwrap().lexicon.prefixes);
        assert!(Model::from_bytes(b"nonsense").is_err());
        assert!(Model::from_bytes(&[]).is_err());
    }

    #[test]
    fn the_joint_table_holds_each_shared_key_once_with_both_layers_weights() {
        // 1,000 keys a layer, 400 of them in both: 1,600 distinct keys.
        let weights = |key: u64, layer: i16| {
            let mut w = [0i16; NUM_TAGS];
            w[(key % NUM_TAGS as u64) as usize] = layer;
            w
        };
        let mut first = Layer::with_capacity(1000, vec![0; NUM_TAGS * NUM_TAGS]);
        let mut second = Layer::with_capacity(1000, vec![0; NUM_TAGS * NUM_TAGS]);
        for key in 1..=1000u64 {
            first.insert(key * 7919, weights(key * 7919, 1));
            second.insert((key + 600) * 7919, weights((key + 600) * 7919, 2));
        }
        let joint = Joint::build(&[first, second]);
        assert_eq!(
            joint.table.len(),
            (1600 * 8 / 7 + 1usize).next_power_of_two()
        );
        let held = joint.table.iter().filter(|slot| slot.key != 0).count();
        assert_eq!(held, 1600);
        for key in (1..=1600u64).map(|k| k * 7919) {
            let row = joint.get(key).expect("every key of either layer");
            let tag = (key % NUM_TAGS as u64) as usize;
            let in_first = key <= 1000 * 7919;
            let in_second = key > 600 * 7919;
            assert_eq!(row[tag], i16::from(in_first), "key {key}, first layer");
            assert_eq!(
                row[NUM_TAGS + tag],
                2 * i16::from(in_second),
                "key {key}, second layer"
            );
        }
    }
}
