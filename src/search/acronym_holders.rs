//! An acronym and the name it abbreviates as one entity across articles.
//!
//! Within an article an acronym resolves to the name it abbreviates when the article gives that
//! name (`SEC` to `Securities and Exchange Commission`, [`crate::analyze::entities`]), and the
//! index keeps that the article wrote the name so ([`acronym_term`]); but a story that only ever
//! writes the acronym lists the entity by it: over Reuters-21578 ORG `SEC` is in 35 articles that
//! never name the commission. A filter for the acronym also finds the articles of the names
//! that stand for it: those at least [`MIN_DEFINING`] articles give for it, each at least a
//! quarter of all the articles that give a name for it (`OPEC` is the `Organisation` and the
//! `Organization of Petroleum Exporting Countries`; `EC` the `European Community` of 220
//! articles, not the `Executive Commission` of one). A filter for a name also finds the
//! articles that write only its acronym when the name is given in at least half of them.
//!
//! The pairs are read from the segments' dictionaries of entity terms once per searcher
//! generation ([`AcronymCache`]): a few hundred terms, under a millisecond.

#[cfg(doc)]
use crate::analyze::annotate::acronym_term;
use crate::analyze::annotate::typed_term;
use crate::analyze::entities::EntityKind;
use crate::index::Index;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use tantivy::Searcher;
use tantivy::schema::Field;

/// The fewest articles that must give a name for an acronym for it to stand for the acronym.
const MIN_DEFINING: u64 = 2;

/// Acronyms and the names that stand for them, by their typed terms, both ways.
#[derive(Debug, Default)]
pub(crate) struct AcronymHolders {
    /// `org:sec` to `org:securities and exchange commission` (an acronym may have several:
    /// `Organisation` and `Organization`).
    pub(crate) long_of: HashMap<String, Vec<String>>,
    /// `org:securities and exchange commission` to `org:sec`, when given in at least half of
    /// the articles that give a name for it (a name may have several: `OECD` and `OECOD`).
    pub(crate) acronyms_of: HashMap<String, Vec<String>>,
    /// `org:opec` to the terms of the articles that wrote it for any name
    /// (`~org:opec>organisation of petroleum exporting countries`, and `…organization…`).
    pub(crate) written_as: HashMap<String, Vec<String>>,
}

impl AcronymHolders {
    /// The other forms of the entity of typed term `term`: for an acronym, the names that stand
    /// for it and the articles that wrote it for any name; for a name, its acronyms.
    pub(crate) fn other_forms(&self, term: &str) -> Vec<String> {
        let mut forms: Vec<String> = self.long_of.get(term).cloned().unwrap_or_default();
        if let Some(written) = self.written_as.get(term) {
            forms.extend(written.iter().cloned());
        }
        if let Some(acronyms) = self.acronyms_of.get(term) {
            forms.extend(acronyms.iter().cloned());
        }
        forms
    }
}

/// The [`AcronymHolders`] of an index's last searcher generation: an open index (`lede serve`)
/// finds them once a commit.
#[derive(Default)]
pub(crate) struct AcronymCache(Mutex<Option<(u64, Arc<AcronymHolders>)>>);

impl AcronymCache {
    /// The holders of `searcher`'s articles, found again when its generation is new.
    pub(crate) fn holders(&self, index: &Index, searcher: &Searcher) -> Arc<AcronymHolders> {
        let generation = searcher.generation().generation_id();
        let mut cached = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((at, holders)) = cached.as_ref()
            && *at == generation
        {
            return Arc::clone(holders);
        }
        let holders = Arc::new(acronym_holders(searcher, index.fields.entity));
        *cached = Some((generation, Arc::clone(&holders)));
        holders
    }
}

/// The indexed terms an entity filter of `kind` (none: any kind) for the name of term `name`
/// (untyped, `sec`) gains by acronyms: under each kind but persons, the other form of the name.
pub(crate) fn other_forms(
    holders: &AcronymHolders,
    kind: Option<EntityKind>,
    name: &str,
) -> Vec<String> {
    let kinds = match kind {
        Some(EntityKind::Person) => return Vec::new(),
        Some(kind) => vec![kind],
        None => EntityKind::ALL
            .into_iter()
            .filter(|&kind| kind != EntityKind::Person)
            .collect(),
    };
    kinds
        .into_iter()
        .flat_map(|kind| holders.other_forms(&typed_term(kind, name)))
        .collect()
}

/// Every acronym some article gives a name for, with the name that stands for it: the entity
/// field's terms from `~` (the [`acronym_term`]s) in each segment, with their articles.
fn acronym_holders(searcher: &Searcher, field: Field) -> AcronymHolders {
    let mut holders = AcronymHolders::default();
    // Acronym term to each name given for it, with the articles that give it.
    let mut given: HashMap<String, HashMap<String, u64>> = HashMap::new();
    for reader in searcher.segment_readers() {
        let Ok(inverted) = reader.inverted_index(field) else {
            continue;
        };
        let Ok(mut stream) = inverted.terms().range().ge("~").lt("\u{7f}").into_stream() else {
            continue;
        };
        while stream.advance() {
            let Ok(term) = std::str::from_utf8(stream.key()) else {
                continue;
            };
            let Some((acronym, name)) = term[1..].split_once('>') else {
                continue;
            };
            let Some((label, _)) = acronym.split_once(':') else {
                continue;
            };
            let articles = u64::from(stream.value().doc_freq);
            let written = holders.written_as.entry(acronym.to_string()).or_default();
            if !written.iter().any(|t| t == term) {
                written.push(term.to_string());
            }
            *given
                .entry(acronym.to_string())
                .or_default()
                .entry(format!("{label}:{name}"))
                .or_default() += articles;
        }
    }
    for (acronym, names) in given {
        let all: u64 = names.values().sum();
        let mut standing: Vec<(&String, u64)> = names
            .iter()
            .map(|(name, &held)| (name, held))
            .filter(|&(_, held)| held >= MIN_DEFINING && 4 * held >= all)
            .collect();
        if standing.is_empty() {
            continue;
        }
        standing.sort_unstable();
        for &(name, held) in &standing {
            if 2 * held >= all {
                holders
                    .acronyms_of
                    .entry(name.clone())
                    .or_default()
                    .push(acronym.clone());
            }
        }
        let names = standing.into_iter().map(|(name, _)| name.clone()).collect();
        holders.long_of.insert(acronym, names);
    }
    holders.acronyms_of.values_mut().for_each(|v| v.sort());
    holders
}
