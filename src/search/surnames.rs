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
//! The index's dictionary of persons' names is read at each search with such a filter (one walk
//! over the names, about a millisecond over known-item Reuters' 15,000).

use super::filters::EntityFilter;
use crate::analyze::annotate::typed_term;
use crate::analyze::entities::EntityKind;
use crate::index::Index;
use tantivy::schema::Field;
use tantivy::{Searcher, Term};

/// The fewest articles a full name must be in to stand for its surname alone.
pub(crate) const MIN_ARTICLES: u64 = 3;

/// The least share of the articles naming the surname with a first name that a full name must
/// hold to stand for the surname alone.
pub(crate) const MIN_SHARE: f64 = 0.9;

/// The most persons a surname alone also matches (the most frequent are kept).
const MAX_FULL_NAMES: usize = 256;

/// The indexed entity terms any of which an article must hold to match `filter`: its own
/// ([`EntityFilter::indexed_terms`]) and, for a person's name (or a name without a type), the
/// other form of the same person's name in `searcher`'s articles.
pub(crate) fn matching_terms(
    index: &Index,
    searcher: &Searcher,
    filter: &EntityFilter,
) -> Vec<String> {
    let mut terms = filter.indexed_terms();
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
    let full = full_names(searcher, index.fields.entity, surname);
    let person = typed_term(EntityKind::Person, name);
    let articles = |wanted: &str| {
        full.iter()
            .find(|(term, _)| term == wanted)
            .map_or(0, |&(_, articles)| articles)
    };
    let all: u64 = full.iter().map(|(_, articles)| articles).sum();
    let held = articles(&person);
    if held >= MIN_ARTICLES && held as f64 >= MIN_SHARE * all as f64 {
        terms.push(typed_term(EntityKind::Person, surname));
    }
    terms
}

/// The persons' names of more than one word that end in `surname` (`per:ronald reagan` for
/// `reagan`), with the articles each is in.
fn full_names(searcher: &Searcher, field: Field, surname: &str) -> Vec<(String, u64)> {
    let suffix = format!(" {surname}");
    let mut found: Vec<(String, u64)> = Vec::new();
    for reader in searcher.segment_readers() {
        let Ok(inverted) = reader.inverted_index(field) else {
            continue;
        };
        let Ok(mut stream) = inverted.terms().range().ge("per:").lt("per;").into_stream() else {
            continue;
        };
        while stream.advance() {
            let key = stream.key();
            if key.ends_with(suffix.as_bytes())
                && let Ok(term) = std::str::from_utf8(key)
                && !found.iter().any(|(known, _)| known == term)
            {
                found.push((term.to_string(), 0));
            }
        }
    }
    for (term, articles) in &mut found {
        *articles = searcher
            .doc_freq(&Term::from_field_text(field, term))
            .unwrap_or(0);
    }
    found
}
