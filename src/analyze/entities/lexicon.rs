//! The lexicon learnt from unlabelled news and name lists: for each lowercased word, its
//! distributional cluster (at three granularities) and how it is usually capitalised; and
//! a gazetteer of multi-word names by kind. Keys are hashes, so no strings are stored.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::hash;

/// A hasher for keys that are already well-mixed 64-bit hashes.
#[derive(Default, Clone, Copy)]
pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A map keyed by precomputed 64-bit hashes.
pub(crate) type HashKeyed<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

/// What the lexicon knows about one lowercased word.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct WordInfo {
    /// Cluster ids, coarse to fine; 0 means none.
    pub(crate) clusters: [u16; 3],
    /// Capitalisation prior bucket (1..=5, from mostly lowercase to always capitalised;
    /// 0 unknown).
    pub(crate) case: u8,
    /// log2 of the word's frequency in the unlabelled text, capped.
    pub(crate) freq: u8,
}

impl WordInfo {
    /// Whether unlabelled news writes the word mostly in lower case (capitalisation prior 1 or
    /// 2): `wants`, `issues`; not an unknown word.
    pub(crate) fn mostly_lower_case(&self) -> bool {
        matches!(self.case, 1 | 2)
    }
}

/// Gazetteer kind bits.
#[cfg_attr(not(feature = "train"), allow(dead_code))]
pub(crate) const GAZ_PER: u8 = 1;
/// Gazetteer kind bit for organisations.
#[cfg_attr(not(feature = "train"), allow(dead_code))]
pub(crate) const GAZ_ORG: u8 = 2;
/// Gazetteer kind bit for locations.
#[cfg_attr(not(feature = "train"), allow(dead_code))]
pub(crate) const GAZ_LOC: u8 = 4;
/// Gazetteer kind bit for other names.
#[cfg_attr(not(feature = "train"), allow(dead_code))]
pub(crate) const GAZ_MISC: u8 = 8;

/// Longest gazetteer entry in tokens.
pub(crate) const MAX_PHRASE: usize = 6;

/// Words and name phrases.
#[derive(Debug, Clone, Default)]
pub(crate) struct Lexicon {
    pub(crate) words: HashKeyed<WordInfo>,
    /// Phrase hash (see [`phrase_feed`]) to kind bits.
    pub(crate) phrases: HashKeyed<u8>,
    /// Whether `phrases` also holds every proper prefix of each phrase (with no kind bits
    /// unless the prefix is a phrase itself): [`Lexicon::mark_phrases`] then stops extending
    /// a run of words at the first prefix it does not find, instead of trying every length.
    pub(crate) prefixes: bool,
    /// One bit per phrase hash, from bits the map does not index by (built by
    /// [`Lexicon::index_phrases`]; empty until then): most word runs are no phrase, and
    /// this answers so without a map lookup.
    phrase_bits: Vec<u64>,
}

/// Bits in [`Lexicon::phrase_bits`]: 2^20, 128 KiB.
const PHRASE_BITS: u32 = 20;

#[inline]
fn phrase_bit(h: u64) -> (usize, u64) {
    let bit = (h >> (64 - PHRASE_BITS)) as usize;
    (bit / 64, 1u64 << (bit % 64))
}

/// Normalises typographic punctuation to its ASCII form.
#[inline]
pub(crate) fn norm_char(c: char) -> char {
    match c {
        '’' | '‘' | '`' | '´' => '\'',
        '“' | '”' | '„' | '«' | '»' => '"',
        '–' | '—' => '-',
        _ => c,
    }
}

/// [`norm_char`] then lowercase, for an ASCII byte.
#[inline]
pub(crate) fn ascii_norm_lower(b: u8) -> u8 {
    if b == b'`' {
        b'\''
    } else {
        b.to_ascii_lowercase()
    }
}

/// Hash of a token's normalised lowercase form: the lexicon key.
#[inline]
pub(crate) fn word_key(s: &str) -> u64 {
    if s.is_ascii() {
        // Same hash as below, byte by byte.
        let mut h = hash::EMPTY;
        for &b in s.as_bytes() {
            h = hash::feed(h, &[ascii_norm_lower(b)]);
        }
        return h;
    }
    let mut h = hash::EMPTY;
    for c in s.chars() {
        for l in norm_char(c).to_lowercase() {
            h = hash::feed_char(h, l);
        }
    }
    h
}

/// Extends a phrase hash by one more token's key.
#[inline]
pub(crate) fn phrase_feed(h: u64, key: u64) -> u64 {
    hash::mix(h, key)
}

/// Hash of a phrase given as its tokens.
pub(crate) fn phrase_key<S: AsRef<str>>(tokens: impl IntoIterator<Item = S>) -> u64 {
    tokens
        .into_iter()
        .fold(hash::EMPTY, |h, t| phrase_feed(h, word_key(t.as_ref())))
}

impl Lexicon {
    /// The gazetteer's kind bits for the phrase of `words` (0 when it holds none).
    pub(crate) fn phrase_kinds<S: AsRef<str>>(&self, words: impl IntoIterator<Item = S>) -> u8 {
        self.phrases.get(&phrase_key(words)).copied().unwrap_or(0)
    }

    /// Adds a phrase given as its tokens' keys (see [`word_key`]) with kind bits `bits`, and
    /// its proper prefixes without any (see [`Lexicon::prefixes`]).
    #[cfg_attr(not(any(test, feature = "train")), allow(dead_code))]
    pub(crate) fn insert_phrase(&mut self, keys: &[u64], bits: u8) {
        let mut h = hash::EMPTY;
        for (i, &key) in keys.iter().enumerate() {
            h = phrase_feed(h, key);
            let entry = self.phrases.entry(h).or_default();
            if i + 1 == keys.len() {
                *entry |= bits;
            }
        }
    }

    /// Builds the filter of phrase hashes; call again after changing `phrases`.
    pub(crate) fn index_phrases(&mut self) {
        self.phrase_bits = vec![0; (1 << PHRASE_BITS) / 64];
        for &h in self.phrases.keys() {
            let (word, bit) = phrase_bit(h);
            self.phrase_bits[word] |= bit;
        }
    }

    /// Looks a word up by its key.
    #[inline]
    pub(crate) fn word(&self, key: u64) -> WordInfo {
        self.words.get(&key).copied().unwrap_or_default()
    }

    /// Marks gazetteer matches in one sentence: for each token, bit `kind * 4 + part` where
    /// kind is the bit position of the gazetteer kind and part 0 begin, 1 inside, 2 end,
    /// 3 single. `keys` are the tokens' word keys.
    pub(crate) fn mark_phrases(&self, keys: &[u64], marks: &mut [u16]) {
        if self.phrases.is_empty() {
            return;
        }
        for start in 0..keys.len() {
            let mut h = hash::EMPTY;
            for len in 1..=MAX_PHRASE.min(keys.len() - start) {
                h = phrase_feed(h, keys[start + len - 1]);
                if !self.phrase_bits.is_empty() {
                    let (word, bit) = phrase_bit(h);
                    if self.phrase_bits[word] & bit == 0 {
                        if self.prefixes {
                            break;
                        }
                        continue;
                    }
                }
                let Some(&bits) = self.phrases.get(&h) else {
                    if self.prefixes {
                        break;
                    }
                    continue;
                };
                for kind in 0..4 {
                    if bits & (1 << kind) == 0 {
                        continue;
                    }
                    if len == 1 {
                        marks[start] |= 1 << (kind * 4 + 3);
                    } else {
                        marks[start] |= 1 << (kind * 4);
                        for m in &mut marks[start + 1..start + len - 1] {
                            *m |= 1 << (kind * 4 + 1);
                        }
                        marks[start + len - 1] |= 1 << (kind * 4 + 2);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_key_normalises_case_and_apostrophes() {
        assert_eq!(word_key("O’Neill"), word_key("o'neill"));
        assert_eq!(word_key("NEW"), word_key("new"));
        // The ASCII fast path agrees with the general one.
        assert_eq!(word_key("`Ab"), word_key("’ab"));
        assert_eq!(word_key("Zoë"), word_key("ZOË"));
    }

    #[test]
    fn with_prefixes_the_phrase_walk_stops_early_and_marks_the_same() {
        let phrases: [(&[&str], u8); 5] = [
            (&["new", "york"], GAZ_LOC),
            (&["new", "york", "stock", "exchange"], GAZ_ORG),
            (&["york"], GAZ_PER),
            (&["bank", "of", "england"], GAZ_ORG),
            (&["of"], GAZ_MISC),
        ];
        let (mut plain, mut prefixed) = (Lexicon::default(), Lexicon::default());
        for (tokens, bits) in phrases {
            plain.phrases.insert(phrase_key(tokens), bits);
            let keys: Vec<u64> = tokens.iter().map(|t| word_key(t)).collect();
            prefixed.insert_phrase(&keys, bits);
        }
        prefixed.prefixes = true;
        // Prefixes are there without kind bits: "new" marks nothing by itself.
        assert_eq!(prefixed.phrases.get(&phrase_key(["new"])), Some(&0));
        assert_eq!(prefixed.phrases.len(), plain.phrases.len() + 4);
        let text = "the New York Stock Exchange and the Bank of England said New York \
                    York of new bank of";
        let keys: Vec<u64> = text.split_whitespace().map(word_key).collect();
        for indexed in [false, true] {
            if indexed {
                plain.index_phrases();
                prefixed.index_phrases();
            }
            let (mut want, mut got) = (vec![0u16; keys.len()], vec![0u16; keys.len()]);
            plain.mark_phrases(&keys, &mut want);
            prefixed.mark_phrases(&keys, &mut got);
            assert_eq!(got, want);
            assert!(want.iter().filter(|&&m| m != 0).count() >= 8);
        }
    }

    #[test]
    fn marks_multiword_phrases() {
        let mut lex = Lexicon::default();
        lex.phrases.insert(phrase_key(["new", "york"]), GAZ_LOC);
        lex.phrases.insert(phrase_key(["york"]), GAZ_PER);
        let words = ["in", "NEW", "York", "today"];
        let keys: Vec<u64> = words.iter().map(|w| word_key(w)).collect();
        let mut marks = vec![0u16; 4];
        lex.mark_phrases(&keys, &mut marks);
        let mut indexed = vec![0u16; 4];
        lex.index_phrases();
        lex.mark_phrases(&keys, &mut indexed);
        assert_eq!(marks, indexed);
        assert_eq!(marks[0], 0);
        assert_eq!(marks[1], 1 << (2 * 4)); // LOC begin
        assert_eq!(marks[2], (1 << (2 * 4 + 2)) | (1 << 3)); // LOC end, PER single
        assert_eq!(marks[3], 0);
    }
}
