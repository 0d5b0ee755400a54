//! The words seen so far by one tagging thread, each with the features of its own spelling
//! (the same wherever it occurs), so that those are hashed and scored once per distinct
//! word rather than once per token; with its lowercase key and lexicon entry, and the weight
//! slots of the features it gives its neighbours, so that a known word is neither hashed
//! again nor looked up. Kept across documents; dropped when it grows too large (with the
//! tagger's summed rows, about 250 bytes a word: at most some 16 MB per thread; a reset only
//! costs computing the words' features again).

use super::features::CONTEXT;
use super::lexicon::{HashKeyed, WordInfo};

/// Distinct words kept before the cache starts again.
const MAX_WORDS: usize = 1 << 16;

/// A known word: its id, lowercase key and lexicon entry.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Known {
    /// Its id (order of first sight since the cache last started again).
    pub(crate) id: u32,
    /// Its lowercase key.
    pub(crate) key: u64,
    /// Its lexicon entry.
    pub(crate) lex: WordInfo,
}

/// Distinct words by id, with their own-spelling features.
#[derive(Debug, Default)]
pub(crate) struct WordCache {
    /// Word (hash of its spelling) to its id, lowercase key and lexicon entry, together so
    /// that a lookup touches one place.
    ids: HashKeyed<Known>,
    /// Features of the words first seen in the current document, concatenated.
    pub(crate) feats: Vec<u64>,
    /// `feats[offsets[j]..offsets[j + 1]]` belong to word `first_new + j`.
    pub(crate) offsets: Vec<u32>,
    /// Id of the first word first seen in the current document.
    pub(crate) first_new: u32,
    /// By id, the weight slots of the features the word gives as a neighbour or by
    /// position (see [`super::features::context_keys`]), when tagging resolved them
    /// (`u32::MAX`: no weights). At most 72 bytes per cached word.
    pub(crate) context: Vec<[u32; CONTEXT]>,
}

impl WordCache {
    /// Starts a document: forgets the previous one's new words (and everything, once too
    /// many words are known).
    pub(crate) fn start_document(&mut self) {
        if self.ids.len() >= MAX_WORDS {
            self.ids.clear();
            self.context.clear();
        }
        self.first_new = self.ids.len() as u32;
        self.feats.clear();
        self.offsets.clear();
        self.offsets.push(0);
    }

    /// Forgets every word (their features belong to another model).
    pub(crate) fn clear(&mut self) {
        self.ids.clear();
        self.context.clear();
        self.start_document();
    }

    /// The id, lowercase key and lexicon entry of the word with spelling hash `word` (the
    /// spelling's normalised form decides its lowercase key too), if it is known.
    #[inline]
    pub(crate) fn get(&self, word: u64) -> Option<Known> {
        self.ids.get(&word).copied()
    }

    /// Adds a word not known yet (see [`WordCache::get`]) with its lowercase key and lexicon
    /// entry; `features` writes its own-spelling features. Returns its id.
    pub(crate) fn insert(
        &mut self,
        word: u64,
        key: u64,
        lex: WordInfo,
        features: impl FnOnce(&mut Vec<u64>),
    ) -> u32 {
        let id = self.ids.len() as u32;
        self.ids.insert(word, Known { id, key, lex });
        features(&mut self.feats);
        self.offsets.push(self.feats.len() as u32);
        id
    }
}
