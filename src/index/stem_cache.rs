//! English Snowball stemming that remembers the stems it has computed, for the English tokenizer
//! ([`super::english_tokenizer`]).
//!
//! News text repeats its words: Snowball stemming was about a quarter of indexing time in a
//! profile of Reuters-21578, most of it on words already stemmed. The memo gives the same stems
//! as tantivy's `Stemmer` (the same `frostem` algorithm, pinned to tantivy's version) and keeps the
//! recent ones in a two-way set-associative table, like a CPU cache: a word hashes (FxHash) to a
//! pair of slots that hold a word and its stem inline, both in one cache line, and a new word
//! replaces the less recently used of its pair. A hash map with heap-allocated keys, the first
//! version, spent a third of bare indexing time waiting for its keys' memory; slots of 64 bytes
//! (words of up to 32 bytes), the second, still made a lookup wait for two lines of a 1 MiB table
//! (a seventh of bare indexing's time in `perf`). Words of more than 16 bytes, one token in 5,000
//! in news, are stemmed each time. The tokenizer's tests check its stems against tantivy's,
//! including words that collide in the table.

use std::hash::Hasher;

/// Pairs of slots in the table (a power of two): 16,384 pairs of 64 bytes, 1 MiB per analyzer.
const PAIRS: usize = 1 << 14;

/// The longest word (in bytes) the table holds; longer ones, rare in news, are stemmed each time.
const WORD_MAX: usize = 16;

/// Tokens an analyzer stems directly before it allocates its table, so that the many short-lived
/// analyzers that parse one query each never pay for it.
const WARM_UP_TOKENS: usize = 512;

/// One slot: a word, zero-padded to [`WORD_MAX`] bytes so that it compares as two machine words,
/// and its stem inline when it is not a prefix of the word and fits.
#[derive(Clone, Copy)]
#[repr(C)]
struct Slot {
    word: [u64; WORD_MAX / 8],
    word_len: u8,
    stem_len: u8,
    /// The stem is the word's first `stem_len` bytes: the word is cut, not rewritten.
    stem_is_prefix: bool,
    stem: [u8; WORD_MAX - 3],
}

const _: () = assert!(std::mem::size_of::<Slot>() == 32);

/// Two slots in one cache line, the more recently used first.
#[derive(Clone, Copy)]
#[repr(C, align(64))]
struct Pair([Slot; 2]);

const _: () = assert!(std::mem::size_of::<Pair>() == 64);

const EMPTY: Slot = Slot {
    word: [0; WORD_MAX / 8],
    word_len: 0,
    stem_len: 0,
    stem_is_prefix: false,
    stem: [0; WORD_MAX - 3],
};

/// `bytes` (at most [`WORD_MAX`]) zero-padded into machine words, without a call to `memcpy` (a
/// copy of a variable length, which was a fifth of the memo's time) or a loop over the bytes of
/// the last word.
fn padded(bytes: &[u8]) -> [u64; WORD_MAX / 8] {
    let mut key = [0u64; WORD_MAX / 8];
    let full = bytes.len() / 8;
    for (word, chunk) in key.iter_mut().zip(bytes.chunks_exact(8)) {
        *word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
    }
    let tail = &bytes[full * 8..];
    if let Some(word) = key.get_mut(full) {
        *word = tail_word(tail);
    }
    key
}

/// Up to seven bytes as the low bytes of a machine word, read as two loads that may overlap (the
/// bytes they share are the same, so or-ing them is exact).
fn tail_word(tail: &[u8]) -> u64 {
    let n = tail.len();
    debug_assert!(n < 8, "a tail is shorter than a word");
    match n {
        0 => 0,
        1 => u64::from(tail[0]),
        2 | 3 => {
            let low = u64::from(u16::from_le_bytes([tail[0], tail[1]]));
            let high = u64::from(u16::from_le_bytes([tail[n - 2], tail[n - 1]]));
            low | high << (8 * (n - 2))
        }
        _ => {
            let low = u64::from(u32::from_le_bytes([tail[0], tail[1], tail[2], tail[3]]));
            let high = u64::from(u32::from_le_bytes([
                tail[n - 4],
                tail[n - 3],
                tail[n - 2],
                tail[n - 1],
            ]));
            low | high << (8 * (n - 4))
        }
    }
}

/// The stemmer and its table. Cloning gives an empty memo (tantivy clones analyzers for every
/// segment writer and query parser), never a copy of the table.
pub(crate) struct StemMemo {
    stemmer: frostem::Stemmer,
    table: Option<Box<[Pair]>>,
    tokens_seen: usize,
}

impl Default for StemMemo {
    fn default() -> Self {
        StemMemo {
            stemmer: frostem::Stemmer::new(frostem::Algorithm::English),
            table: None,
            tokens_seen: 0,
        }
    }
}

impl Clone for StemMemo {
    fn clone(&self) -> Self {
        StemMemo::default()
    }
}

impl StemMemo {
    /// Replaces `word` (lower-cased) by its stem.
    pub(crate) fn stem_in_place(&mut self, word: &mut String) {
        let bytes = word.as_bytes();
        if bytes.len() > WORD_MAX || bytes.is_empty() {
            self.stem_directly(word);
            return;
        }
        let Some(table) = self.table.as_mut() else {
            self.tokens_seen += 1;
            if self.tokens_seen >= WARM_UP_TOKENS {
                self.table = Some(vec![Pair([EMPTY; 2]); PAIRS].into_boxed_slice());
            }
            self.stem_directly(word);
            return;
        };
        let len = bytes.len();
        let key = padded(bytes);
        let mut hasher = rustc_hash::FxHasher::default();
        for word in key {
            hasher.write_u64(word);
        }
        // Two ways: the word's pair of slots, the more recently used first.
        let pair = &mut table[hasher.finish() as usize & (PAIRS - 1)].0;
        let hit = |slot: &Slot| usize::from(slot.word_len) == len && slot.word == key;
        if hit(&pair[1]) {
            pair.swap(0, 1);
        }
        let slot = &pair[0];
        if hit(slot) {
            let stem_len = usize::from(slot.stem_len);
            if slot.stem_is_prefix {
                // A prefix of UTF-8 that is itself UTF-8 (the stem) ends on a char boundary.
                word.truncate(stem_len);
            } else {
                let stem = std::str::from_utf8(&slot.stem[..stem_len]).expect("stems are UTF-8");
                word.clear();
                word.push_str(stem);
            }
            return;
        }
        let stem = self.stemmer.stem(word);
        let stem_is_prefix = bytes.starts_with(stem.as_bytes());
        if stem_is_prefix || stem.len() <= pair[0].stem.len() {
            pair[1] = pair[0];
            let slot = &mut pair[0];
            slot.word = key;
            slot.word_len = len as u8;
            slot.stem_len = stem.len() as u8;
            slot.stem_is_prefix = stem_is_prefix;
            if !stem_is_prefix {
                slot.stem[..stem.len()].copy_from_slice(stem.as_bytes());
            }
        }
        if stem_is_prefix {
            let stem_len = stem.len();
            drop(stem);
            word.truncate(stem_len);
        } else {
            let stem = stem.into_owned();
            *word = stem;
        }
    }

    fn stem_directly(&mut self, word: &mut String) {
        let stem = self.stemmer.stem(word);
        if *stem != **word {
            let stem = stem.into_owned();
            *word = stem;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn padded_words_hold_every_byte_in_place_and_zeros_after() {
        let bytes: Vec<u8> = (1..=WORD_MAX as u8)
            .map(|b| b.wrapping_mul(37) | 1)
            .collect();
        for len in 0..=WORD_MAX {
            let mut expected = [0u64; WORD_MAX / 8];
            for (i, &byte) in bytes[..len].iter().enumerate() {
                expected[i / 8] |= u64::from(byte) << (8 * (i % 8));
            }
            assert_eq!(padded(&bytes[..len]), expected, "{len} bytes");
        }
    }
}
