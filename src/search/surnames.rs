//! A person's surname and full name as one entity across articles.
//!
//! Within an article a short mention already resolves to the full one ("Reagan" to "Ronald
//! Reagan", [`crate::analyze::entities`]), but an article that only ever writes the surname
//! ("President Reagan said…") lists the person by it: over known-item Reuters, PER `Reagan`
//! is in 480 articles and `Ronald Reagan` in 24, `Yeutter` in 18 and `Clayton Yeutter` in 50.
//! A filter for either name finds the other's articles too:
//!
//! - a one-word name (`--entity Reagan`) also matches the persons whose names end in it
//!   (`Ronald Reagan`, `Nancy Reagan`): whoever typed a surname alone wants them all;
//! - a full name (`--entity "Ronald Reagan"`) also matches its surname alone when it is the
//!   surname's person: the name is in at least [`MIN_ARTICLES`] articles and holds at least
//!   [`MIN_SHARE`] of the articles that give the surname with a first name (`Ronald Reagan`
//!   24 of 26; `James Baker` 215 of 249, so `Baker` alone might be Howard Baker and is left
//!   out).
//!
//! `lede entities` counts a surname alone and the full name that stands for it as one person
//! by the same rule ([`surname_holders`]): the listing's `Ronald Reagan` counts the articles
//! that `--entity "Ronald Reagan"` finds.
//!
//! The persons' names are read from the segments' columns of entity names: at each search with
//! such a filter, for the names of that surname, and for `lede entities` once per searcher
//! generation ([`SurnameCache`]; see [`surname_holders`] for its cost).

use super::filters::EntityFilter;
use crate::analyze::annotate::{entity_term, typed_term};
use crate::analyze::entities::EntityKind;
use crate::index::Index;
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, PoisonError};
use tantivy::columnar::StrColumn;
use tantivy::schema::Field;
use tantivy::{Searcher, Term};

/// The fewest articles a full name must be in to stand for its surname alone.
pub(crate) const MIN_ARTICLES: u64 = 3;

/// The least share of the articles naming the surname with a first name that a full name must
/// hold to stand for the surname alone.
pub(crate) const MIN_SHARE: f64 = 0.9;

/// The most persons a surname alone also matches (the most frequent are kept).
const MAX_FULL_NAMES: usize = 256;

/// The other forms of the person `filter` names (a name without a type may be a person's) in
/// `searcher`'s articles: for a surname alone, the full names ending in it; for a full name,
/// its surname alone when the name stands for it. Nothing for another type.
pub(crate) fn person_forms(
    index: &Index,
    searcher: &Searcher,
    filter: &EntityFilter,
) -> Vec<String> {
    let mut terms = Vec::new();
    if filter.kind.is_some_and(|kind| kind != EntityKind::Person) {
        return terms;
    }
    let own = filter.term();
    let name = own.strip_prefix("per:").unwrap_or(&own);
    let Some((_, surname)) = name.rsplit_once(' ') else {
        // A surname alone: every person of that surname.
        let mut full = full_names(searcher, index.fields.entity, name);
        full.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        terms.extend(full.into_iter().take(MAX_FULL_NAMES).map(|(term, _)| term));
        return terms;
    };
    // A full name: its surname too when it stands for it (by the rule `lede entities` counts
    // them with, on the names of this surname only).
    let full = full_names(searcher, index.fields.entity, surname);
    let person = typed_term(EntityKind::Person, name);
    let articles = |wanted: &str| {
        full.iter()
            .find(|(term, _)| term == wanted)
            .map_or(0, |&(_, articles)| articles)
    };
    let all: u64 = full.iter().map(|(_, articles)| articles).sum();
    if stands_for_surname(articles(&person), all) {
        terms.push(typed_term(EntityKind::Person, surname));
    }
    terms
}

/// Whether a full name in `held` articles stands for its surname alone, of which `all` articles
/// give a first name (the full name's among them).
fn stands_for_surname(held: u64, all: u64) -> bool {
    held >= MIN_ARTICLES && held as f64 >= MIN_SHARE * all as f64
}

/// Surnames and the full names that stand for them, by their terms (`per:reagan` to `per:ronald
/// reagan`).
pub(crate) type SurnameHolders = HashMap<String, String>;

/// The [`SurnameHolders`] of an index's last searcher generation: an open index (`lede serve`)
/// finds them once a commit.
#[derive(Default)]
pub(crate) struct SurnameCache(Mutex<Option<(u64, Arc<SurnameHolders>)>>);

impl SurnameCache {
    /// The holders of `searcher`'s articles, found again when its generation is new.
    pub(crate) fn holders(&self, index: &Index, searcher: &Searcher) -> Arc<SurnameHolders> {
        let generation = searcher.generation().generation_id();
        let mut cached = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((at, holders)) = cached.as_ref()
            && *at == generation
        {
            return Arc::clone(holders);
        }
        let holders = Arc::new(surname_holders(searcher, index.fields.entity));
        *cached = Some((generation, Arc::clone(&holders)));
        holders
    }
}

/// Every surname written alone in `searcher`'s articles that a full name stands for. The names
/// are read from each segment's column of entity names (a compressed sstable, several times
/// quicker to walk than the inverted index's dictionary, which decodes each term's postings
/// information), and the articles of only the full names that end in such a surname are looked
/// up in the index: about 15 ms over a 216,000-article index of five segments (known-item
/// Reuters ten times over, each segment naming most of its persons), 3 ms over known-item
/// Reuters.
fn surname_holders(searcher: &Searcher, field: Field) -> SurnameHolders {
    let columns = entity_columns(searcher);
    // One walk: the surnames written alone, and the longer names as written (each once: the
    // segments share most of them).
    let mut alone: HashSet<String> = HashSet::new();
    let mut longer: HashSet<String> = HashSet::new();
    for_each_name(&columns, EntityKind::Person, |name| {
        if name.split_whitespace().nth(1).is_none() {
            alone.insert(entity_term(None, name));
        } else if !longer.contains(name) {
            longer.insert(name.to_string());
        }
    });
    // The full names ending in a surname written alone; those whose last word cannot be one
    // are not normalised.
    let mut full: HashSet<String> = HashSet::new();
    let mut word = String::new();
    for name in &longer {
        if last_word(name, &mut word).is_none_or(|w| alone.contains(w)) {
            let term = entity_term(None, name);
            if term
                .rsplit_once(' ')
                .is_some_and(|(_, s)| alone.contains(s))
            {
                full.insert(term);
            }
        }
    }
    // Each surname's full names: the articles of all, and the most frequent (ties: the first
    // in alphabetical order).
    let mut by_surname: HashMap<&str, (u64, u64, &str)> = HashMap::new();
    for name in &full {
        let Some((_, surname)) = name.rsplit_once(' ') else {
            continue;
        };
        let term = Term::from_field_text(field, &typed_term(EntityKind::Person, name));
        let count = searcher.doc_freq(&term).unwrap_or(0);
        let (all, best, best_name) = by_surname.entry(surname).or_insert((0, 0, ""));
        *all += count;
        if count > *best || (count == *best && name.as_str() < *best_name) {
            (*best, *best_name) = (count, name);
        }
    }
    by_surname
        .into_iter()
        .filter(|&(_, (all, best, _))| stands_for_surname(best, all))
        .map(|(surname, (_, _, full))| {
            (
                typed_term(EntityKind::Person, surname),
                typed_term(EntityKind::Person, full),
            )
        })
        .collect()
}

/// Each segment's column of entity names (keys `PER:Ronald Reagan`).
pub(crate) fn entity_columns(searcher: &Searcher) -> Vec<StrColumn> {
    searcher
        .segment_readers()
        .iter()
        .filter_map(|reader| reader.fast_fields().str("entity_name").ok().flatten())
        .collect()
}

/// Calls `found` with each name of `kind` as written in `columns` (the segments' columns of
/// entity names, whose keys are `PER:Ronald Reagan`).
pub(crate) fn for_each_name(columns: &[StrColumn], kind: EntityKind, mut found: impl FnMut(&str)) {
    let (from, to) = (format!("{}:", kind.label()), format!("{};", kind.label()));
    for column in columns {
        let Ok(mut stream) = column.dictionary().range().ge(&from).lt(&to).into_stream() else {
            continue;
        };
        while stream.advance() {
            if let Ok(key) = std::str::from_utf8(stream.key()) {
                found(&key[from.len()..]);
            }
        }
    }
}

/// The last word of a person's name as written, as its term ends: lower-cased into `word`, less
/// a possessive and the punctuation around it (`Reagan's,` → `reagan`). None when the word is
/// not in ASCII, which folding may change: such a name is to be normalised whole.
pub(crate) fn last_word<'a>(name: &str, word: &'a mut String) -> Option<&'a str> {
    let last = name.rsplit(' ').next().unwrap_or(name);
    if !last.is_ascii() {
        return None;
    }
    let trim = |w: &str| -> usize {
        w.trim_end_matches(|c: char| !c.is_ascii_alphanumeric())
            .len()
    };
    let mut end = trim(last);
    if last[..end].ends_with(['s', 'S']) && last[..end - 1].ends_with('\'') {
        end = trim(&last[..end - 2]);
    }
    word.clear();
    word.push_str(last[..end].trim_start_matches(|c: char| !c.is_ascii_alphanumeric()));
    word.make_ascii_lowercase();
    Some(word)
}

/// The persons' names of more than one word that end in `surname` (`per:ronald reagan` for
/// `reagan`), with the articles each is in: the segments' columns of names walked as for
/// [`surname_holders`], the articles looked up for those names only.
fn full_names(searcher: &Searcher, field: Field, surname: &str) -> Vec<(String, u64)> {
    let mut names: HashSet<String> = HashSet::new();
    let mut word = String::new();
    for_each_name(&entity_columns(searcher), EntityKind::Person, |name| {
        if name.split_whitespace().nth(1).is_some()
            && last_word(name, &mut word).is_none_or(|w| w == surname)
        {
            let term = entity_term(None, name);
            if term.rsplit_once(' ').is_some_and(|(_, s)| s == surname) {
                names.insert(term);
            }
        }
    });
    names
        .into_iter()
        .map(|name| {
            let term = typed_term(EntityKind::Person, &name);
            let articles = searcher
                .doc_freq(&Term::from_field_text(field, &term))
                .unwrap_or(0);
            (term, articles)
        })
        .collect()
}
