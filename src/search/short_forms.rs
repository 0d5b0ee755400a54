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
//! Both are read from the segments' dictionaries of entity terms, which hold each name
//! normalised with its articles: the acronyms (a few hundred terms) once per searcher generation
//! ([`ShortFormCache`]), a company's names for each filter ([`company_forms`]) and every
//! company's for the listing.

use super::surnames::{MIN_ARTICLES, MIN_SHARE};
#[cfg(doc)]
use crate::analyze::annotate::acronym_term;
use crate::analyze::annotate::typed_term;
use crate::analyze::entities::{EntityKind, is_designator};
use crate::index::Index;
use std::collections::HashMap;
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
    /// `org:gencorp inc` to `org:gencorp`.
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
        if let Some(shorts) = self.shorts_of.get(term) {
            forms.extend(shorts.iter().cloned());
        }
        forms
    }
}

/// The [`ShortForms`] of an index's last searcher generation: an open index (`lede serve`)
/// finds them once a commit. The acronyms alone serve filters, which look a company's names up
/// for themselves ([`company_forms`]); all of them the listing, which walks every name anyway.
#[derive(Default)]
pub(crate) struct ShortFormCache {
    acronyms: Mutex<Option<(u64, Arc<ShortForms>)>>,
    all: Mutex<Option<(u64, Arc<ShortForms>)>>,
}

impl ShortFormCache {
    /// The acronyms of `searcher`'s articles, found again when its generation is new.
    pub(crate) fn acronyms(&self, index: &Index, searcher: &Searcher) -> Arc<ShortForms> {
        cached(&self.acronyms, searcher, || {
            acronyms(searcher, index.fields.entity)
        })
    }

    /// The acronyms and companies' short names of `searcher`'s articles.
    pub(crate) fn all(&self, index: &Index, searcher: &Searcher) -> Arc<ShortForms> {
        cached(&self.all, searcher, || {
            let mut holders = acronyms(searcher, index.fields.entity);
            company_short_names(searcher, index.fields.entity, &mut holders);
            holders
        })
    }
}

/// The value in `slot` when it is `searcher`'s generation's, else `build`'s, kept there.
fn cached(
    slot: &Mutex<Option<(u64, Arc<ShortForms>)>>,
    searcher: &Searcher,
    build: impl FnOnce() -> ShortForms,
) -> Arc<ShortForms> {
    let generation = searcher.generation().generation_id();
    let mut cached = slot.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((at, holders)) = cached.as_ref()
        && *at == generation
    {
        return Arc::clone(holders);
    }
    let holders = Arc::new(build());
    *cached = Some((generation, Arc::clone(&holders)));
    holders
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
    for (term, articles) in terms_between(searcher, field, "~", "\u{7f}") {
        let Some((acronym, name)) = term[1..].split_once('>') else {
            continue;
        };
        let Some((label, _)) = acronym.split_once(':') else {
            continue;
        };
        *given
            .entry(acronym.to_string())
            .or_default()
            .entry(format!("{label}:{name}"))
            .or_default() += articles;
        holders
            .written_as
            .entry(acronym.to_string())
            .or_default()
            .push(term);
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
    holders.written_as.values_mut().for_each(|v| v.sort());
    holders
}

/// Whether `tail` (what follows a shorter name, with its space) is designators alone (` Inc`,
/// ` and Co Inc`): a longer name of other words may be another company (`Credit Suisse First
/// Boston` is not `Credit Suisse`).
fn designators_alone(tail: &str) -> bool {
    tail.starts_with(' ')
        && tail
            .split_whitespace()
            .all(|word| is_designator(word) || matches!(word, "and" | "&" | "company"))
}

/// The terms from `from` up to (not including) `to` in the entity field of `searcher`'s
/// segments, with the articles of each (summed over the segments).
fn terms_between(searcher: &Searcher, field: Field, from: &str, to: &str) -> HashMap<String, u64> {
    let mut found: HashMap<String, u64> = HashMap::new();
    for reader in searcher.segment_readers() {
        let Ok(inverted) = reader.inverted_index(field) else {
            continue;
        };
        let Ok(mut stream) = inverted.terms().range().ge(from).lt(to).into_stream() else {
            continue;
        };
        while stream.advance() {
            if let Ok(term) = std::str::from_utf8(stream.key()) {
                *found.entry(term.to_string()).or_default() += u64::from(stream.value().doc_freq);
            }
        }
    }
    found
}

/// The name that a company's name of `own` articles stands for among `longer`, the names that
/// add designators to it, with their articles (see the module's documentation).
fn holder(own: u64, longer: &[(&str, u64)]) -> Option<String> {
    let all: u64 = longer.iter().map(|(_, held)| held).sum();
    let (long, _) = longer
        .iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(a.0)))?;
    // The name holds the articles of its own shorter forms too (`Merrill Lynch and Co` for
    // `Merrill Lynch and Co Inc`).
    let held: u64 = longer
        .iter()
        .filter(|(term, _)| {
            long.strip_prefix(term)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
        })
        .map(|(_, held)| held)
        .sum();
    // The longer name is the usual one too: not `General Electric Co Plc` (4 articles) for
    // `General Electric Co` (61).
    (held >= MIN_ARTICLES && held as f64 >= MIN_SHARE * all as f64 && held >= own)
        .then(|| long.to_string())
}

/// The other forms of the company of typed term `term` (`org:gencorp`), looked up in the
/// entity field's dictionaries for it alone: as a short form, the name it stands for and that
/// name's other short forms; as a name, the short forms that stand for it.
pub(crate) fn company_forms(searcher: &Searcher, field: Field, term: &str) -> Vec<String> {
    if !term.starts_with("org:") {
        return Vec::new();
    }
    let holder_of = |short: &str| -> Option<String> {
        let (from, to) = (format!("{short} "), format!("{short}!"));
        let longer = terms_between(searcher, field, &from, &to);
        let longer: Vec<(&str, u64)> = longer
            .iter()
            .filter(|(name, _)| designators_alone(&name[short.len()..]))
            .map(|(name, &held)| (name.as_str(), held))
            .collect();
        let own = searcher
            .doc_freq(&Term::from_field_text(field, short))
            .unwrap_or(0);
        holder(own, &longer)
    };
    // The shorter forms of `name` that stand for it: it less its last designators, word by word.
    let shorts_of = |name: &str| -> Vec<String> {
        let mut shorts = Vec::new();
        let mut rest = name;
        while let Some((short, _)) = rest.rsplit_once(' ')
            && designators_alone(&name[short.len()..])
            && short.len() > "org:".len()
        {
            if holder_of(short).as_deref() == Some(name) {
                shorts.push(short.to_string());
            }
            rest = short;
        }
        shorts
    };
    let mut forms = Vec::new();
    let long = holder_of(term);
    if let Some(long) = &long {
        forms.push(long.clone());
    }
    forms.extend(
        shorts_of(long.as_deref().unwrap_or(term))
            .into_iter()
            .filter(|short| short != term),
    );
    forms
}

/// Adds to `holders` each organisation's name written alone that stands for a longer one
/// adding designators to it (see the module's documentation): one walk over the segments'
/// dictionaries of organisations' terms.
fn company_short_names(searcher: &Searcher, field: Field, holders: &mut ShortForms) {
    let names = terms_between(searcher, field, "org:", "org;");
    let mut longer_of: HashMap<&str, Vec<(&str, u64)>> = HashMap::new();
    for (name, &held) in &names {
        for (at, _) in name.match_indices(' ') {
            let (short, tail) = name.split_at(at);
            if designators_alone(tail) && names.contains_key(short) {
                longer_of.entry(short).or_default().push((name, held));
            }
        }
    }
    let mut stands: HashMap<String, String> = HashMap::new();
    for (short, longer) in longer_of {
        // An acronym stands for the name it abbreviates (`EC`, not `EC Commission`).
        if holders.long_of.contains_key(short) {
            continue;
        }
        if let Some(long) = holder(names[short], &longer) {
            stands.insert(short.to_string(), long);
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
