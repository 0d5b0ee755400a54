//! Named-entity recognition: people (PER), organisations (ORG), locations (LOC) and other
//! names (MISC) in news text.
//!
//! A first-order averaged-perceptron tagger over BIOES tags, decoded with Viterbi, on hashed
//! features of each token and its neighbours, word clusters and capitalisation priors learnt
//! from unlabelled Reuters news, gazetteers, and document-level evidence of how each word is
//! written elsewhere in the article. A second layer re-tags the document knowing how the
//! first one tagged every other occurrence of each word, and headline words that spell a
//! name found in the body take its kind (and mend the names the model made of them in
//! capitals: `OPEC WANTS` is `OPEC`). Tokens that cannot be in a name (a lowercase word,
//! number or punctuation mark between two more such, in no gazetteer phrase) are tagged `O`
//! without being scored: over half the tokens of news prose, and not one tag of CoNLL
//! `eng.testa` changed. The model ships inside the binary (`models/ner.bin`) and is loaded
//! once per process by [`Recognizer::global`]. [`Recognizer::extract`] also trusts a small
//! hand-kept list of names newer than the 1990s training news (`names.tsv`), and mends the
//! model's spans of each sentence with rules for what wire copy writes that the training news
//! lacks: angle brackets (`brackets`), companies' qualifiers, partners and designators
//! (`companies`), a politician's state and party (`affiliations`), sentence adverbs
//! (`adverbs`); then, across the article, an office's title before a person's name leaves
//! the organisation the model made of them (`offices`), a name that opens a company's is
//! that company's short form (`Dome` beside `Dome Petroleum Ltd`), names joined by a slash
//! are each a name (`slashes`: `U.S./Japan`), a state's abbreviation is the state
//! (`states`: `Calif.`), and a qualified nationality is no place (`nationalities`: `West
//! German`).
//!
//! ```
//! use lede::analyze::entities::{EntityKind, Recognizer};
//! let text = "Sam Altman said OpenAI would expand in Paris. Altman did not say when.";
//! let found = Recognizer::global().extract(text);
//! assert!(found.iter().any(|e| e.kind == EntityKind::Person && e.text == "Sam Altman"));
//! let altman = found.iter().find(|e| e.text == "Altman").expect("found");
//! assert_eq!((altman.canonical.as_str(), &text[altman.start..altman.end]), ("Sam Altman", "Altman"));
//! ```
//!
//! Training (deterministic, about ten seconds): `scripts/train-ner.sh`, which runs
//! `train-ner` (feature `train`) on CoNLL-2003 `eng.train` and Reuters-21578 from
//! `../shared/data` and reports F1 on `eng.testa`. Scoring the shipped model:
//! `lede extract --conll ../shared/data/conll2003/eng.testa > pred.txt` then
//! `python3 ../shared/eval/ner_score.py ../shared/data/conll2003/eng.testa pred.txt`.
//! Throughput: `cargo run --release --example entities_bench`.

mod acronyms;
mod adverbs;
mod affiliations;
mod after_initials;
mod brackets;
mod canonical;
mod capitals;
mod clippings;
mod common_words;
mod companies;
mod conll;
mod consistency;
mod contractions;
mod countries;
mod crude_grades;
mod decoder;
mod direct;
mod features;
mod firms;
mod foreign_firms;
mod fused_designators;
mod hash;
mod holidays;
mod indices;
mod institutions;
mod joined_places;
mod landforms;
mod lexicon;
mod model;
mod month_points;
mod names;
mod nationalities;
mod numerals;
mod offices;
mod particles;
mod portfolios;
mod provinces;
mod ranks;
mod ratings;
mod recognizer;
mod second;
mod slashes;
mod stacked;
mod states;
mod tags;
mod tickers;
mod tokenize;
#[cfg(feature = "train")]
#[doc(hidden)]
pub mod train;
mod wire_codes;
mod word;
mod words;
mod wrapped_names;

pub(crate) use acronyms::{abbreviates, spellings};
pub(crate) use canonical::department_as_written;
pub(crate) use clippings::clips;
pub(crate) use companies::is_designator;
pub use conll::{ConllDocument, read_conll};
pub use recognizer::{Entity, Recognizer};
pub(crate) use states::is_state_abbreviation;
pub use tags::EntityKind;
pub(crate) use tickers::is_ticker;
pub use tokenize::{Token, Tokenized, tokenize};

/// A name as written, normalised the way canonical names are: typographic quotes made plain,
/// whitespace collapsed, enclosing punctuation, a final possessive and a final designator's full
/// stop (`Inc.`) removed, final initials' last full stop put back (`U.S` is `U.S.`); case is
/// kept.
pub fn normalize_name(text: &str) -> String {
    canonical::normalize(text)
}

/// Errors of the entity recogniser.
#[derive(Debug, thiserror::Error)]
pub enum EntitiesError {
    /// The model bytes are not a valid model.
    #[error("invalid NER model: {0}")]
    Model(String),
    /// CoNLL input that cannot be read.
    #[error("CoNLL input, line {line}: {message}")]
    Conll {
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
}
