//! Feature extraction: each token of a document becomes a list of hashed feature keys
//! (word and window words, shapes, affixes, clusters, capitalisation priors, gazetteer
//! matches, and document-level evidence of how the same word is written elsewhere).
//! Everything is written into reusable buffers: no allocation per token once warm.

use std::ops::Range;

use super::direct::Direct;
use super::hash::{feature, mix};
use super::lexicon::{HashKeyed, Lexicon, WordInfo, word_key};
use super::model::Joint;
pub(crate) use super::word::Class;
use super::word::{Spelling, affixes, spelling};
use super::words::{Known, WordCache};

/// Per-token values computed once and shared by window features.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct TokInfo {
    pub(crate) word: u64,
    pub(crate) key: u64,
    shape: u64,
    short: u64,
    pub(crate) class: u8,
    /// Length in characters, at most 12.
    chars: u8,
    lex: WordInfo,
    pub(crate) first: bool,
    pub(crate) caps_sentence: bool,
    /// Index of the token's word key among the document's distinct keys (in order of
    /// first occurrence), for per-word tables of the document.
    pub(crate) local: u32,
}

impl TokInfo {
    /// Whether the token is capitalised (initial capital, all capitals or mixed case).
    pub(crate) fn capitalised(&self) -> bool {
        matches!(self.class, 1..=3 | 7)
    }

    /// Whether the token is in a sentence written mostly in capitals (a headline).
    pub(crate) fn in_caps_sentence(&self) -> bool {
        self.caps_sentence
    }

    /// Whether unlabelled news writes the word mostly in lower case (the lexicon's
    /// capitalisation prior 1 or 2): `wants`, `issues`, `joins`; not an unknown word.
    pub(crate) fn mostly_lower_case(&self) -> bool {
        self.lex.mostly_lower_case()
    }
}

/// How a word (by key) is written across the document.
#[derive(Debug, Clone, Copy, Default)]
struct DocStat {
    /// Capitalised, not sentence-initial, in a normal (not all-caps) sentence.
    cap_inner: u16,
    /// Written in lowercase.
    lower: u16,
    /// Positions in runs of capitalised words: 1 first, 2 inner, 4 last.
    run: u8,
}

// Feature templates.
const T_BIAS: u32 = 1;
const T_WORD: u32 = 2;
const T_LOW: [u32; 5] = [3, 4, 5, 6, 7];
const T_SHAPE: [u32; 3] = [8, 9, 10];
const T_SHAPE_BI: [u32; 2] = [11, 12];
const T_SHORT_TRI: u32 = 13;
const T_PRE: u32 = 14;
const T_SUF: u32 = 18;
const T_LOW_BI: [u32; 2] = [22, 23];
const T_FIRST: u32 = 24;
const T_CAPS_SENT: u32 = 25;
const T_CLUSTER: u32 = 26; // +level*3 + window
const T_CASE: [u32; 3] = [40, 41, 42];
const T_GAZ: [u32; 3] = [43, 44, 45];
const T_DOC: u32 = 46;
const T_DOC_RUN: u32 = 47;
const T_DATELINE: u32 = 48;
const T_LOWPREV_SHAPE: u32 = 49;
const T_LOWNEXT_SHAPE: u32 = 50;
const T_CLASS_WIN: u32 = 51;
const T_SUF_CLASS: u32 = 52;
const T_LEN: u32 = 53;
const T_CASE_CLASS: u32 = 54;
const T_GAZ_CLASS: u32 = 55;
const T_DOC_LOW: u32 = 56;
const T_GENRE: u32 = 57;
const T_GENRE_CLUSTER: u32 = 58;

/// Reusable buffers for extracting the features of one document.
#[derive(Debug, Default)]
pub(crate) struct Extractor {
    infos: Vec<TokInfo>,
    marks: Vec<u16>,
    keys: Vec<u64>,
    /// The document's distinct word keys, to their index ([`TokInfo::local`]).
    locals: HashKeyed<u32>,
    /// How each distinct word key is written across the document, by index.
    doc: Vec<DocStat>,
    /// Feature keys of all tokens, concatenated.
    pub(crate) feats: Vec<u64>,
    /// `feats[offsets[i]..offsets[i + 1]]` are token i's features.
    pub(crate) offsets: Vec<u32>,
    /// The document's section word (`SOCCER` in a first line `SOCCER - ...`), or 0.
    genre: u64,
    /// When set, the features of a token's own spelling (see [`own_features`]) are left out
    /// of `feats` and given once per distinct word in the cache instead.
    pub(crate) words: Option<WordCache>,
    /// Token i's word in `words` (when set).
    pub(crate) word_ids: Vec<u32>,
    /// With a [`Direct`] table: the weight slots of the tokens' small-domain features
    /// (left out of `feats`), concatenated.
    pub(crate) slots: Vec<u32>,
    /// `slots[slot_offsets[i]..slot_offsets[i + 1]]` are token i's.
    pub(crate) slot_offsets: Vec<u32>,
    /// When set, tokens that are certainly outside any name ([`Extractor::outside`]) get no
    /// features and are marked in `outside`.
    pub(crate) prune: bool,
    /// With `prune`: whether token i is certainly outside any name (its features left out).
    pub(crate) outside: Vec<bool>,
    /// Token i's spelling.
    spellings: Vec<Spelling>,
    /// Token i's word in `words` (when set) if it was cached before the document.
    known: Vec<Option<Known>>,
}

const PAD_BEFORE: u64 = 0x5eed_0001;
const PAD_AFTER: u64 = 0x5eed_0002;

/// A first-layer feature whose key is a function of a few small values, so that a model
/// can resolve all of them to weight slots in advance ([`Direct`]). `ctx` values are
/// `class + 8 * first + 16 * caps_sentence`; a `None` neighbour value is padding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Small {
    /// Whether the sentence is in capitals, by context.
    CapsSent(u8),
    /// Classes of the previous token, the token and the next one (8: padding).
    ClassWin(u8, u8, u8),
    /// Cluster at a level (0..3) of the previous (0) or next (1) token.
    Cluster(u8, u8, Option<u16>),
    /// Case prior and class (`case | class << 4`) of the previous (0) or next (1) token.
    Case(u8, Option<u16>),
    /// The token's case prior and frequency (`case | freq << 4`) by context.
    CaseClass(u16, u8),
    /// Capitalised / lowercase elsewhere in the document (2 bits) by context.
    Doc(u8, u8),
    /// Positions in capitalised runs elsewhere (3 bits) by context.
    DocRun(u8, u8),
}

impl Small {
    /// The feature's key.
    pub(crate) fn key(self) -> u64 {
        let ctx =
            |c: u8| u64::from(c & 7) | u64::from(c >> 3 & 1) << 8 | u64::from(c >> 4 & 1) << 9;
        let pad = |w: u8| if w == 0 { PAD_BEFORE } else { PAD_AFTER };
        match self {
            Small::CapsSent(c) => feature(T_CAPS_SENT, mix(u64::from(c >> 4 & 1), ctx(c))),
            Small::ClassWin(p, c, n) => {
                let p = if p == 8 { PAD_BEFORE } else { u64::from(p) };
                let n = if n == 8 { PAD_AFTER } else { u64::from(n) };
                feature(T_CLASS_WIN, mix(mix(p, u64::from(c)), n))
            }
            Small::Cluster(level, w, c) => feature(
                T_CLUSTER + u32::from(level) * 3 + u32::from(w) + 1,
                c.map_or(pad(w), u64::from),
            ),
            Small::Case(w, v) => feature(T_CASE[usize::from(w) + 1], v.map_or(pad(w), u64::from)),
            Small::CaseClass(v, c) => feature(T_CASE_CLASS, mix(u64::from(v), ctx(c))),
            Small::Doc(b, c) => feature(T_DOC, mix(u64::from(b), ctx(c))),
            Small::DocRun(run, c) => feature(T_DOC_RUN, mix(u64::from(run), ctx(c))),
        }
    }
}

/// Whether a token opens a sentence-like unit: first, or after an opening quote or dash.
fn opens(tokens: &[impl AsRef<str>], sentence_start: usize, i: usize) -> bool {
    if i == sentence_start {
        return true;
    }
    let prev = tokens[i - 1].as_ref();
    i == sentence_start + 1 && matches!(prev, "\"" | "“" | "'" | "‘" | "-" | "(" | "--")
}

impl Extractor {
    /// Computes the features of every token of a document.
    ///
    /// `sentences` are half-open ranges into `tokens` covering it in order.
    #[cfg_attr(not(any(test, feature = "train")), allow(dead_code))]
    pub(crate) fn document<S: AsRef<str>>(
        &mut self,
        lex: &Lexicon,
        tokens: &[S],
        sentences: &[Range<usize>],
    ) {
        self.document_with(lex, None, None, tokens, sentences);
    }

    /// [`Extractor::document`], giving the small-domain features resolved in `direct`
    /// (when given) as weight slots in `slots` instead of keys in `feats`. With `joint`
    /// and a word cache, the features a word gives as a neighbour or by position
    /// ([`context_keys`]) are resolved once per cached word and given as slots too.
    pub(crate) fn document_with<S: AsRef<str>>(
        &mut self,
        lex: &Lexicon,
        direct: Option<&Direct>,
        joint: Option<&Joint>,
        tokens: &[S],
        sentences: &[Range<usize>],
    ) {
        let n = tokens.len();
        self.infos.clear();
        self.keys.clear();
        self.marks.clear();
        self.marks.resize(n, 0);
        self.doc.clear();
        self.locals.clear();
        self.feats.clear();
        // About sixty features a token: grow once, not while pushing.
        self.feats.reserve(n * 64);
        self.offsets.clear();
        self.offsets.push(0);
        self.slots.clear();
        self.slot_offsets.clear();
        self.slot_offsets.push(0);
        self.word_ids.clear();
        if let Some(words) = &mut self.words {
            words.start_document();
        }
        let mut own = Vec::new();
        self.spellings.clear();
        self.spellings
            .extend(tokens.iter().map(|s| spelling(s.as_ref())));
        // The cached words are looked up in a loop of their own: the processor then waits for
        // many of the cache's lines at once, not for one token's at a time between the other
        // work of a token (the waits were a large part of this function's time).
        self.known.clear();
        if let Some(words) = &self.words {
            self.known
                .extend(self.spellings.iter().map(|sp| words.get(sp.word)));
        }
        for (i, s) in tokens.iter().enumerate() {
            let s = s.as_ref();
            let sp = self.spellings[i];
            // A cached word's key and lexicon entry are known: no hashing, no lookup. A word
            // first seen earlier in this document was cached after the lookups above.
            let known = match self.known.get(i) {
                Some(Some(known)) => Some(*known),
                _ => self.words.as_ref().and_then(|w| w.get(sp.word)),
            };
            let (key, lex_info) = match known {
                Some(k) => (k.key, k.lex),
                None => {
                    let key = word_key(s);
                    (key, lex.word(key))
                }
            };
            self.keys.push(key);
            let next = self.locals.len() as u32;
            let local = *self.locals.entry(key).or_insert(next);
            let info = TokInfo {
                word: sp.word,
                key,
                shape: sp.shape,
                short: sp.short,
                class: sp.class as u8,
                chars: sp.chars.min(12) as u8,
                lex: lex_info,
                first: false,
                caps_sentence: false,
                local,
            };
            if let Some(words) = &mut self.words {
                let id = match known {
                    Some(k) => k.id,
                    None => {
                        let id = words.insert(sp.word, key, lex_info, |out| {
                            let (pre, suf) = affixes(s);
                            own_features(&info, &pre, &suf, out);
                        });
                        if let Some(joint) = joint
                            && id as usize == words.context.len()
                        {
                            let keys = context_keys(&info);
                            words
                                .context
                                .push(keys.map(|k| joint.slot(k).unwrap_or(NO_SLOT)));
                        }
                        id
                    }
                };
                self.word_ids.push(id);
            }
            self.infos.push(info);
        }
        self.doc.resize(self.locals.len(), DocStat::default());
        for r in sentences {
            let (mut letters, mut caps) = (0, 0);
            for i in r.clone() {
                let c = self.infos[i].class;
                if c != Class::Number as u8 && c != Class::Punct as u8 {
                    letters += 1;
                    if c == Class::AllCaps as u8 || c == Class::SingleUpper as u8 {
                        caps += 1;
                    }
                }
            }
            let caps_sentence = letters > 0 && caps * 10 >= letters * 6;
            for i in r.clone() {
                self.infos[i].caps_sentence = caps_sentence;
                self.infos[i].first = opens(tokens, r.start, i);
            }
            lex.mark_phrases(&self.keys[r.clone()], &mut self.marks[r.clone()]);
            // Document statistics from normal sentences.
            if caps_sentence {
                continue;
            }
            let mut run_start = None;
            for i in r.clone().chain(std::iter::once(r.end)) {
                let cap = i < r.end && {
                    let c = self.infos[i].class;
                    c == Class::InitCap as u8
                        || c == Class::Mixed as u8
                        || c == Class::AllCaps as u8
                };
                if i < r.end {
                    let info = self.infos[i];
                    let stat = &mut self.doc[info.local as usize];
                    if cap && !info.first {
                        stat.cap_inner = stat.cap_inner.saturating_add(1);
                    } else if info.class == Class::Lower as u8 {
                        stat.lower = stat.lower.saturating_add(1);
                    }
                }
                match (cap, run_start) {
                    (true, None) => run_start = Some(i),
                    (false, Some(s)) => {
                        run_start = None;
                        if i - s >= 2 {
                            for j in s..i {
                                let bit = if j == s {
                                    1
                                } else if j + 1 == i {
                                    4
                                } else {
                                    2
                                };
                                self.doc[self.infos[j].local as usize].run |= bit;
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
        self.genre = match (tokens.first(), tokens.get(1)) {
            (Some(a), Some(b)) if b.as_ref() == "-" && Class::of(a.as_ref()) == Class::AllCaps => {
                self.infos[0].key
            }
            _ => 0,
        };
        self.outside.clear();
        self.outside.resize(n, false);
        if self.prune {
            for r in sentences {
                for i in r.clone() {
                    self.outside[i] = self.certainly_outside(r.clone(), i);
                }
            }
        }
        let inline_own = self.words.is_none();
        for r in sentences {
            for i in r.clone() {
                if self.outside[i] {
                    self.offsets.push(self.feats.len() as u32);
                    self.slot_offsets.push(self.slots.len() as u32);
                    continue;
                }
                if inline_own {
                    own.clear();
                    let (pre, suf) = affixes(tokens[i].as_ref());
                    own_features(&self.infos[i], &pre, &suf, &mut own);
                }
                self.token(r.clone(), i, tokens, &own, direct);
                self.offsets.push(self.feats.len() as u32);
                self.slot_offsets.push(self.slots.len() as u32);
            }
        }
    }

    /// Whether token i (of sentence `r`) is certainly outside any name: a lowercase word, a
    /// number or punctuation, between neighbours that are too, and no gazetteer phrase's.
    /// Names are capitalised: on CoNLL eng.train, 56% of tokens are such, and 27 of those
    /// 113,521 are inside a name (lowercase "ministry" in "interior ministry", "van").
    fn certainly_outside(&self, r: Range<usize>, i: usize) -> bool {
        let plain = |j: usize| {
            let c = self.infos[j].class;
            c == Class::Lower as u8 || c == Class::Number as u8 || c == Class::Punct as u8
        };
        self.marks[i] == 0
            && plain(i)
            && (i == r.start || plain(i - 1))
            && (i + 1 == r.end || plain(i + 1))
    }

    /// Per-token values of the document last passed to [`Extractor::document`].
    pub(crate) fn infos(&self) -> &[TokInfo] {
        &self.infos
    }

    /// Pushes token i's features; `own` are the features of its own spelling, in the
    /// order [`own_features`] gives them (empty when they are left out).
    fn token<S: AsRef<str>>(
        &mut self,
        r: Range<usize>,
        i: usize,
        tokens: &[S],
        own: &[u64],
        direct: Option<&Direct>,
    ) {
        let infos = &self.infos;
        let at = |d: isize| -> Option<&TokInfo> {
            let j = i as isize + d;
            if j < r.start as isize || j >= r.end as isize {
                None
            } else {
                Some(&infos[j as usize])
            }
        };
        let pad = |d: isize| if d < 0 { PAD_BEFORE } else { PAD_AFTER };
        let low = |d: isize| at(d).map_or(pad(d), |t| t.key);
        let shape = |d: isize| at(d).map_or(pad(d), |t| t.shape);
        let short = |d: isize| at(d).map_or(pad(d), |t| t.short);
        let class8 = |d: isize| at(d).map_or(8, |t| t.class);
        let t = infos[i];
        // The resolved context features of the word at j, when cached.
        let (words, word_ids) = (self.words.as_ref(), &self.word_ids);
        let context = |j: usize| -> Option<&[u32; CONTEXT]> {
            words?.context.get(*word_ids.get(j)? as usize)
        };
        let near = |d: isize| -> Option<&[u32; CONTEXT]> {
            at(d)?;
            context((i as isize + d) as usize)
        };
        // Looked up once each: [-2, -1, 1, 2].
        let around = [near(-2), near(-1), near(1), near(2)];
        let near = |d: isize| around[(d + 2 - isize::from(d > 0)) as usize];
        let own_context = context(i);
        let f = &mut self.feats;
        let slots = &mut self.slots;
        let cls = u64::from(t.class);
        let ctx = cls | u64::from(t.first) << 8 | u64::from(t.caps_sentence) << 9;
        let ctx32 = t.class + 8 * u8::from(t.first) + 16 * u8::from(t.caps_sentence);
        // A small-domain feature: its weight slot when the table has it, else its key.
        macro_rules! small {
            ($s:expr) => {{
                let s: Small = $s;
                match direct.and_then(|d| d.slot(s)) {
                    Some(Some(slot)) => slots.push(slot),
                    Some(None) => {}
                    None => f.push(s.key()),
                }
            }};
        }

        // The own-spelling features keep their historical places in the list.
        let (own_head, own_rest) = own.split_at(own.len().min(4));
        // A feature resolved per word: its slot (if it has weights), else its key.
        macro_rules! resolved {
            ($context:expr, $k:expr, $otherwise:expr) => {
                match $context {
                    Some(c) if c[$k] != NO_SLOT => slots.push(c[$k]),
                    Some(_) => {}
                    None => $otherwise,
                }
            };
        }
        f.extend_from_slice(&own_head[..own_head.len().min(3)]);
        for (k, d) in [-1isize, 1, -2, 2].into_iter().enumerate() {
            resolved!(near(d), k, f.push(feature(T_LOW[k + 1], low(d))));
        }
        f.extend_from_slice(&own_head[own_head.len().min(3)..]);
        for (k, d) in [-1isize, 1].into_iter().enumerate() {
            resolved!(near(d), 4 + k, f.push(feature(T_SHAPE[k + 1], shape(d))));
        }
        f.push(feature(T_SHAPE_BI[0], mix(shape(-1), t.shape)));
        f.push(feature(T_SHAPE_BI[1], mix(t.shape, shape(1))));
        f.push(feature(T_SHORT_TRI, mix(mix(short(-1), t.short), short(1))));
        let (own_affixes, own_rest) = own_rest.split_at(own_rest.len().min(8));
        f.extend_from_slice(own_affixes);
        f.push(feature(T_LOW_BI[0], mix(low(-1), t.key)));
        f.push(feature(T_LOW_BI[1], mix(t.key, low(1))));
        resolved!(
            own_context,
            6 + usize::from(t.first),
            f.push(feature(T_FIRST, mix(u64::from(t.first), t.short)))
        );
        small!(Small::CapsSent(ctx32));
        f.push(feature(T_LOWPREV_SHAPE, mix(low(-1), t.short)));
        f.push(feature(T_LOWNEXT_SHAPE, mix(t.short, low(1))));
        small!(Small::ClassWin(class8(-1), t.class, class8(1)));
        let (own_class, own_rest) = own_rest.split_at(own_rest.len().min(2));
        f.extend_from_slice(own_class);
        // Clusters of the word and its neighbours.
        for level in 0..3 {
            if let Some(&own) = own_rest.get(level) {
                f.push(own);
            }
            for (w, d) in [-1isize, 1].into_iter().enumerate() {
                resolved!(near(d), 10 + 2 * level + w, {
                    let c = at(d).map(|x| x.lex.clusters[level]);
                    small!(Small::Cluster(level as u8, w as u8, c))
                });
            }
        }
        // Capitalisation prior.
        if let Some(&own) = own_rest.get(3) {
            f.push(own);
        }
        for (k, d) in [-1isize, 1].into_iter().enumerate() {
            resolved!(near(d), 16 + k, {
                let c = at(d).map(|x| u16::from(x.lex.case) | u16::from(x.class) << 4);
                small!(Small::Case(k as u8, c))
            });
        }
        small!(Small::CaseClass(
            u16::from(t.lex.case) | u16::from(t.lex.freq) << 4,
            ctx32
        ));
        // Gazetteer matches.
        for (k, d) in [0isize, -1, 1].into_iter().enumerate() {
            let j = i as isize + d;
            if j < r.start as isize || j >= r.end as isize {
                continue;
            }
            let mut m = self.marks[j as usize];
            while m != 0 {
                let bit = u64::from(m.trailing_zeros());
                m &= m - 1;
                f.push(feature(T_GAZ[k], bit));
                if d == 0 {
                    f.push(feature(T_GAZ_CLASS, mix(bit, cls)));
                }
            }
        }
        // Document-level evidence.
        let stat = self.doc[t.local as usize];
        let own_cap = !t.caps_sentence && !t.first && matches!(t.class, 1..=3);
        let own_low = !t.caps_sentence && t.class == Class::Lower as u8;
        let cap_other = stat.cap_inner.saturating_sub(u16::from(own_cap)) > 0;
        let low_other = stat.lower.saturating_sub(u16::from(own_low)) > 0;
        small!(Small::Doc(
            u8::from(cap_other) | u8::from(low_other) << 1,
            ctx32
        ));
        small!(Small::DocRun(stat.run, ctx32));
        resolved!(
            own_context,
            8 + usize::from(low_other),
            f.push(feature(T_DOC_LOW, mix(u64::from(low_other), t.key)))
        );
        if self.genre != 0 {
            f.push(feature(T_GENRE, mix(self.genre, ctx)));
            f.push(feature(
                T_GENRE_CLUSTER,
                mix(self.genre, u64::from(t.lex.clusters[1])),
            ));
        }
        // Datelines: an all-caps word opening a line, followed by a dash or a date.
        if t.first && (t.class == Class::AllCaps as u8) {
            let next = (i + 1 < r.end).then(|| tokens[i + 1].as_ref());
            let dateline = match next {
                None => 1,
                Some("-" | "--" | "—" | "–" | "(" | ",") => 2,
                Some(x) if x.starts_with(|c: char| c.is_ascii_digit()) => 3,
                Some(_) => 0,
            };
            f.push(feature(T_DATELINE, dateline));
        }
    }
}

/// Number of [`context_keys`] of a word.
pub(crate) const CONTEXT: usize = 18;

/// No weights for a resolved feature.
const NO_SLOT: u32 = u32::MAX;

/// The keys of the features a word gives wherever it occurs, by role: as the previous,
/// next, second previous and second next token's word (0..4), as the previous and next
/// token's shape (4, 5), its spelling when not opening and opening a sentence (6, 7), its
/// word when not written and written in lowercase elsewhere in the document (8, 9), its
/// clusters as the previous and next token's (`10 + 2 * level + side`), its case prior and
/// class as the previous and next token's (16, 17).
pub(crate) fn context_keys(t: &TokInfo) -> [u64; CONTEXT] {
    let cluster = |level: usize, side: u8| {
        Small::Cluster(level as u8, side, Some(t.lex.clusters[level])).key()
    };
    let case =
        |side: u8| Small::Case(side, Some(u16::from(t.lex.case) | u16::from(t.class) << 4)).key();
    [
        feature(T_LOW[1], t.key),
        feature(T_LOW[2], t.key),
        feature(T_LOW[3], t.key),
        feature(T_LOW[4], t.key),
        feature(T_SHAPE[1], t.shape),
        feature(T_SHAPE[2], t.shape),
        feature(T_FIRST, mix(0, t.short)),
        feature(T_FIRST, mix(1, t.short)),
        feature(T_DOC_LOW, mix(0, t.key)),
        feature(T_DOC_LOW, mix(1, t.key)),
        cluster(0, 0),
        cluster(0, 1),
        cluster(1, 0),
        cluster(1, 1),
        cluster(2, 0),
        cluster(2, 1),
        case(0),
        case(1),
    ]
}

/// The features of a token's own spelling and lexicon entry, the same wherever it occurs:
/// bias, word, lowercase word, shape; prefixes and suffixes (interleaved); suffix and length
/// by class; its clusters (coarse to fine); its capitalisation prior by class. Exactly 18.
fn own_features(t: &TokInfo, pre: &[u64; 4], suf: &[u64; 4], out: &mut Vec<u64>) {
    let cls = u64::from(t.class);
    out.push(feature(T_BIAS, 0));
    out.push(feature(T_WORD, t.word));
    out.push(feature(T_LOW[0], t.key));
    out.push(feature(T_SHAPE[0], t.shape));
    for k in 0..4 {
        out.push(feature(T_PRE + k as u32, pre[k]));
        out.push(feature(T_SUF + k as u32, suf[k]));
    }
    out.push(feature(T_SUF_CLASS, mix(suf[2], cls)));
    out.push(feature(T_LEN, mix(u64::from(t.chars), cls)));
    for level in 0..3 {
        let c = u64::from(t.lex.clusters[level]);
        out.push(feature(T_CLUSTER + (level * 3) as u32, c));
    }
    out.push(feature(
        T_CASE[0],
        u64::from(t.lex.case) | u64::from(t.class) << 4,
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn extract(tokens: &[&str]) -> Extractor {
        let mut ex = Extractor::default();
        let sentences = [tokens.len()].map(|n| 0..n);
        ex.document(&Lexicon::default(), tokens, &sentences);
        ex
    }

    #[test]
    fn every_token_gets_features_and_same_context_same_features() {
        let ex = extract(&["Sam", "Altman", "met", "Sam", "Altman", "."]);
        assert_eq!(ex.offsets.len(), 7);
        for w in ex.offsets.windows(2) {
            assert!(w[1] - w[0] > 30);
        }
        let a = &ex.feats[ex.offsets[1] as usize..ex.offsets[2] as usize];
        let b = &ex.feats[ex.offsets[4] as usize..ex.offsets[5] as usize];
        // The second "Altman" differs only in its right context and its neighbours.
        let common = a.iter().filter(|k| b.contains(k)).count();
        assert!(common > a.len() / 2 && common < a.len());
    }

    #[test]
    fn cached_words_give_the_same_features() {
        let tokens = ["Sam", "Altman", "met", "Sam", "ALTMAN", "in", "Zürich", "."];
        let sentences = [0..3, 3..8];
        let inline = {
            let mut ex = Extractor::default();
            ex.document(&Lexicon::default(), &tokens, &sentences);
            ex
        };
        let mut cached = Extractor {
            words: Some(WordCache::default()),
            ..Extractor::default()
        };
        for round in 0..2 {
            cached.document(&Lexicon::default(), &tokens, &sentences);
            let words = cached.words.as_ref().expect("cache");
            // Distinct words ("Sam" twice) are new only in the first document.
            let new = words.offsets.len() - 1;
            assert_eq!(new, if round == 0 { 7 } else { 0 });
            let mut own: Vec<Vec<u64>> = Vec::new();
            if round == 0 {
                for w in words.offsets.windows(2) {
                    own.push(words.feats[w[0] as usize..w[1] as usize].to_vec());
                }
            }
            for i in 0..tokens.len() {
                let range = |ex: &Extractor| ex.offsets[i] as usize..ex.offsets[i + 1] as usize;
                let mut want = inline.feats[range(&inline)].to_vec();
                let mut got = cached.feats[range(&cached)].to_vec();
                if round == 0 {
                    got.extend(&own[cached.word_ids[i] as usize]);
                    want.sort_unstable();
                    got.sort_unstable();
                    assert_eq!(want, got, "token {i}");
                } else {
                    assert_eq!(want.len(), got.len() + 18, "token {i}");
                }
            }
        }
    }

    #[test]
    fn document_evidence_changes_headline_features() {
        // "ALTMAN" in a caps headline, with and without "Altman" later in the text.
        let tokens = ["ALTMAN", "WINS", "", "Then", "Mr", "Altman", "left"];
        let mut ex = Extractor::default();
        ex.document(&Lexicon::default(), &tokens, &[0..2, 2..7]);
        let with: Vec<u64> = ex.feats[..ex.offsets[1] as usize].to_vec();
        let tokens2 = ["ALTMAN", "WINS", "", "Then", "Mr", "Jones", "left"];
        ex.document(&Lexicon::default(), &tokens2, &[0..2, 2..7]);
        let without = &ex.feats[..ex.offsets[1] as usize];
        assert_ne!(with, without);
    }
}
