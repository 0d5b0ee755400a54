//! Short forms of organisations', places' and other names, each one entity with the name it
//! stands for across articles: an acronym and the name it abbreviates, and a company's name
//! without its designators (`GenCorp` for `GenCorp Inc`), as a person's surname is the
//! person's ([`super::surnames`]).
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
//! An organisation's name written alone that other names add designators to (`GenCorp` and
//! `GenCorp Inc`, `Merrill Lynch and Co` and `Merrill Lynch and Co Inc`) stands for the one of
//! those that is in at least [`MIN_ARTICLES`] articles and in at least [`MIN_SHARE`] of all their
//! articles (its own shorter forms counted with it), and in as many articles as the name alone:
//! not `General Electric Co Plc` of 4 articles for `General Electric Co` of 61. Names with other
//! words added are left apart (`Credit Suisse First Boston` is not `Credit Suisse`).
//!
//! The acronyms are read from the segments' dictionaries of entity terms (a few hundred terms),
//! the organisations' names from their columns of entity names, once per searcher generation
//! ([`ShortFormCache`]).

use super::surnames::{MIN_ARTICLES, MIN_SHARE, entity_columns, for_each_name};
#[cfg(doc)]
use crate::analyze::annotate::acronym_term;
use crate::analyze::annotate::{entity_term, typed_term};
use crate::analyze::entities::{EntityKind, is_designator};
use crate::index::Index;
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, PoisonError};
use tantivy::Searcher;
use tantivy::Term;
use tantivy::schema::Field;

/// The fewest articles that must give a name for an acronym for it to stand for the acronym.
const MIN_DEFINING: u64 = 2;

/// Short forms (acronyms, companies' short names) and the names that stand for them, by their
/// typed terms, both ways.
#[derive(Debug, Default)]
pub(crate) struct ShortForms {
    /// `org:sec` to `org:securities and exchange commission` (an acronym may have several:
    /// `Organisation` and `Organization`).
    pub(crate) long_of: HashMap<String, Vec<String>>,
    /// `org:securities and exchange commission` to `org:sec`, when given in at least half of
    /// the articles that give a name for it (a name may have several: `OECD` and `OECOD`);
    /// `org:moody's investors service inc` to `org:moody's`.
    pub(crate) shorts_of: HashMap<String, Vec<String>>,
    /// `org:opec` to the terms of the articles that wrote it for any name
    /// (`~org:opec>organisation of petroleum exporting countries`, and `…organization…`).
    pub(crate) written_as: HashMap<String, Vec<String>>,
}

impl ShortForms {
    /// The other forms of the entity of typed term `term`: for a short form, the names that
    /// stand for it (and for an acronym the articles that wrote it for any name); for a name,
    /// its short forms.
    pub(crate) fn other_forms(&self, term: &str) -> Vec<String> {
        let mut forms: Vec<String> = self.long_of.get(term).cloned().unwrap_or_default();
        if let Some(written) = self.written_as.get(term) {
            forms.extend(written.iter().cloned());
        }
        if let Some(acronyms) = self.shorts_of.get(term) {
            forms.extend(acronyms.iter().cloned());
        }
        forms
    }
}

/// The [`ShortForms`] of an index's last searcher generation: an open index (`lede serve`)
/// finds them once a commit.
#[derive(Default)]
pub(crate) struct ShortFormCache(Mutex<Option<(u64, Arc<ShortForms>)>>);

impl ShortFormCache {
    /// The holders of `searcher`'s articles, found again when its generation is new.
    pub(crate) fn holders(&self, index: &Index, searcher: &Searcher) -> Arc<ShortForms> {
        let generation = searcher.generation().generation_id();
        let mut cached = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((at, holders)) = cached.as_ref()
            && *at == generation
        {
            return Arc::clone(holders);
        }
        let mut holders = acronyms(searcher, index.fields.entity);
        company_short_names(searcher, index.fields.entity, &mut holders);
        let holders = Arc::new(holders);
        *cached = Some((generation, Arc::clone(&holders)));
        holders
    }
}

/// The indexed terms an entity filter of `kind` (none: any kind) for the name of term `name`
/// (untyped, `sec`) gains by short forms: under each kind but persons, the other forms of the
/// name.
pub(crate) fn other_forms(
    holders: &ShortForms,
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
fn acronyms(searcher: &Searcher, field: Field) -> ShortForms {
    let mut holders = ShortForms::default();
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
                    .shorts_of
                    .entry(name.clone())
                    .or_default()
                    .push(acronym.clone());
            }
        }
        let names = standing.into_iter().map(|(name, _)| name.clone()).collect();
        holders.long_of.insert(acronym, names);
    }
    holders.shorts_of.values_mut().for_each(|v| v.sort());
    holders
}

/// Adds to `holders` each organisation's name written alone that stands for a longer one it
/// begins (see the module's documentation): the names from one walk over the segments' columns
/// of names, the articles of only the longer names that begin with a name written alone.
fn company_short_names(searcher: &Searcher, field: Field, holders: &mut ShortForms) {
    let kind = EntityKind::Organization;
    let mut names: HashSet<String> = HashSet::new();
    for_each_name(&entity_columns(searcher), kind, |name| {
        names.insert(entity_term(None, name));
    });
    // The names that are a shorter name and designators (`GenCorp Inc`, `Merrill Lynch and Co
    // Inc`): a longer name of other words may be another company (`Credit Suisse First Boston`
    // is not `Credit Suisse`).
    let mut longer_of: HashMap<&str, Vec<&str>> = HashMap::new();
    for name in &names {
        for (at, _) in name.match_indices(' ') {
            let (short, tail) = name.split_at(at);
            if names.contains(short)
                && tail
                    .split_whitespace()
                    .all(|word| is_designator(word) || matches!(word, "and" | "&" | "company"))
            {
                longer_of.entry(short).or_default().push(name);
            }
        }
    }
    let articles = |term: &str| {
        searcher
            .doc_freq(&Term::from_field_text(field, term))
            .unwrap_or(0)
    };
    let mut stands: HashMap<String, String> = HashMap::new();
    for (short, longer) in longer_of {
        let short = typed_term(kind, short);
        // An acronym stands for the name it abbreviates (`EC`, not `EC Commission`).
        if holders.long_of.contains_key(&short) {
            continue;
        }
        let mut all = 0;
        let mut best: (u64, String) = (0, String::new());
        let longer: Vec<(String, u64)> = longer
            .into_iter()
            .map(|name| {
                let term = typed_term(kind, name);
                let held = articles(&term);
                (term, held)
            })
            .collect();
        for (term, held) in &longer {
            all += held;
            if *held > best.0 || (*held == best.0 && *term < best.1) {
                best = (*held, term.clone());
            }
        }
        let long = best.1;
        // The name holds the articles of its own shorter forms too (`Merrill Lynch and Co` for
        // `Merrill Lynch and Co Inc`).
        let held: u64 = longer
            .iter()
            .filter(|(term, _)| {
                long.strip_prefix(term.as_str())
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
            })
            .map(|(_, held)| held)
            .sum();
        // The longer name is the usual one too: not `General Electric Co Plc` (4 articles) for
        // `General Electric Co` (61).
        if held >= MIN_ARTICLES && held as f64 >= MIN_SHARE * all as f64 && held >= articles(&short)
        {
            stands.insert(short, long);
        }
    }
    // A name that stands for a longer one stands for it with its own short forms
    // (`Merrill Lynch`, `Merrill Lynch and Co`, `Merrill Lynch and Co Inc`).
    let finals: Vec<(String, String)> = stands
        .iter()
        .map(|(short, long)| {
            let mut long = long;
            for _ in 0..8 {
                match stands.get(long) {
                    Some(longer) => long = longer,
                    None => break,
                }
            }
            (short.clone(), long.clone())
        })
        .collect();
    for (short, long) in finals {
        holders
            .shorts_of
            .entry(long.clone())
            .or_default()
            .push(short.clone());
        holders.long_of.insert(short, vec![long]);
    }
    holders.shorts_of.values_mut().for_each(|v| v.sort());
}
