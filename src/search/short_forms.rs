//! Short forms of organisations', places' and other names, each one entity with the name it
//! stands for across articles: an acronym and the name it abbreviates, an organisation's first
//! words and its full name (`Moody's` and `Moody's Investors Service Inc`), and a company's name
//! without its designators (`GenCorp` for `GenCorp Inc`), as a person's surname is the
//! person's ([`super::surnames`]).
//!
//! Within an article a short form resolves to the name it stands for when the article gives that
//! name (`SEC` to `Securities and Exchange Commission`, `Moody's` to `Moody's Investors Service
//! Inc`, [`crate::analyze::entities`]), and the index keeps that the article wrote the name so
//! ([`short_form_term`]); but a story that only ever writes the short form lists the entity by it:
//! over Reuters-21578 ORG `SEC` is in 35 articles that never name the commission, `Moody's` in 98.
//!
//! A filter for an acronym (or a clipped name such as `Fed`, weighed as acronyms are) also finds
//! the articles that wrote it for any name, and those of the names that stand for it: those at
//! least [`MIN_DEFINING`] articles give for it, each at least a quarter of all the articles that
//! give a name for it (`OPEC` is the `Organisation` and the `Organization of Petroleum Exporting
//! Countries`; `EC` the `European Community` of 220 articles, not the `Executive Commission` of
//! one). A filter for a name also finds the articles that write only its acronym when the name
//! is given in at least half of them, and those that take that acronym for another kind than an
//! organisation's, the recogniser's mistakes, when at most half as many ([`other_kinds_of`]).
//! A ticker articles give for a company (`MER` for `Merrill Lynch and Co Inc`) stands for it
//! likewise, weighed apart from the names it abbreviates, but no name holds it ([`decide`]).
//!
//! An organisation's first words stand for one longer name only, which the same rules choose
//! among the longer names articles give for them (weighed apart from its acronym's names: an
//! `Opec` written for an `Opec President` takes nothing from `OPEC`'s), and which must also be in
//! as many articles as the first words alone: `Moody's Investors Service Inc` (154 articles)
//! holds `Moody's` (98), but `Texaco Canada Inc`, which two articles write as `Texaco`, does not
//! hold the more usual `Texaco`. Each finds the other's articles, as the listing counts them.
//! First words that a company's name adds designators alone to are that company's, by the rule
//! below, when it is in as many articles as the longer name: `Hoechst` is `Hoechst AG`, not the
//! `Hoechst Celanese Corp` some articles write it for; `Bankers Trust` is `Bankers Trust Co`, not
//! `Bankers Trust New York Corp`; but `Federated` stays `Federated Department Stores Inc`, not
//! `Federated Group Inc`.
//!
//! An organisation's name written alone that other names add designators to (`GenCorp` and
//! `GenCorp Inc`, `Merrill Lynch and Co` and `Merrill Lynch and Co Inc`) stands for the one of
//! those that is in at least [`MIN_ARTICLES`] articles and in at least [`MIN_SHARE`] of all their
//! articles (its own shorter forms counted with it), and in as many articles as the name alone:
//! not `General Electric Co Plc` of 4 articles for `General Electric Co` of 61. Names with other
//! words added are left apart (`Credit Suisse First Boston` is not `Credit Suisse`).
//!
//! Both are read from the segments' dictionaries of entity terms, which hold each name
//! normalised with its articles: the written short forms (a few thousand terms) once per
//! searcher generation ([`ShortFormCache`]), a company's names for each filter
//! ([`company_forms`]) and every company's for the listing.

use super::surnames::{MIN_ARTICLES, MIN_SHARE};
#[cfg(doc)]
use crate::analyze::annotate::short_form_term;
use crate::analyze::annotate::{leads, typed_term};
use crate::analyze::entities::{EntityKind, is_designator, is_state_abbreviation, spellings};
use crate::index::Index;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, PoisonError};
use tantivy::Searcher;
use tantivy::Term;
use tantivy::schema::Field;

/// The fewest articles that must give a name for a short form for it to stand for the short form.
const MIN_DEFINING: u64 = 2;

/// Short forms (acronyms, names with words left out, companies' short names) and the names that
/// stand for them, by their typed terms, both ways.
#[derive(Debug, Default)]
pub(crate) struct ShortForms {
    /// `org:sec` to `org:securities and exchange commission` (a short form may have several:
    /// `Organisation` and `Organization`).
    pub(crate) long_of: HashMap<String, Vec<String>>,
    /// `org:securities and exchange commission` to `org:sec`, the short forms each name holds
    /// (a name may have several: `OECD` and `OECOD`); `org:gencorp inc` to `org:gencorp`.
    pub(crate) shorts_of: HashMap<String, Vec<String>>,
    /// The short forms the written ones decide for ([`Decision::decides`]), which the
    /// designators' rule leaves alone.
    decided: HashSet<String>,
}

/// The [`ShortForms`] of an index's last searcher generation, for the listing, which walks every
/// name anyway: an open index (`lede serve`) finds them once a commit. Filters look a name's
/// forms up for it alone ([`WrittenLookup`], [`company_forms`]).
#[derive(Default)]
pub(crate) struct ShortFormCache {
    all: Mutex<Option<(u64, Arc<ShortForms>)>>,
}

impl ShortFormCache {
    /// The written short forms and companies' short names of `searcher`'s articles, found again
    /// when its generation is new.
    pub(crate) fn all(&self, index: &Index, searcher: &Searcher) -> Arc<ShortForms> {
        cached(&self.all, searcher, || {
            let mut holders = written_short_forms(searcher, index.fields.entity);
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
    written: &WrittenLookup<'_>,
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
        .flat_map(|kind| written.other_forms(&typed_term(kind, name)))
        .collect()
}

/// The short forms (typed terms) that the name of typed term `name` may hold, as its words could
/// be written: its first words, its acronyms and its first word clipped; what a filter for the
/// name looks up. A ticker that articles give for the name (`org:xon` for `org:exxon corp`)
/// stands for it, but the few articles that write the ticker alone (`EXXON (XON) SEES SYNFUELS
/// ROLE`) are not counted as the name's ([`decide`]).
fn may_hold(name: &str) -> Vec<String> {
    let Some((label, words)) = name.split_once(':') else {
        return Vec::new();
    };
    let mut candidates: Vec<String> = words
        .match_indices(' ')
        .map(|(at, _)| format!("{label}:{}", &words[..at]))
        .collect();
    candidates.extend(
        spellings(words)
            .into_iter()
            .map(|acronym| format!("{label}:{}", acronym.to_ascii_lowercase())),
    );
    if let Some(first) = words.split(' ').next().filter(|_| words.contains(' '))
        && let Some(clipped) = first.get(..3)
    {
        candidates.push(format!("{label}:{clipped}"));
    }
    candidates.sort();
    candidates.dedup();
    candidates.retain(|short| short != name);
    candidates
}

/// Every short form some article gives a name for, with the names that stand for it: the entity
/// field's terms from `~` (the [`short_form_term`]s) in each segment, with their articles.
fn written_short_forms(searcher: &Searcher, field: Field) -> ShortForms {
    let mut holders = ShortForms::default();
    // Short form's term to each name given for it, with the articles that give it.
    let mut given: HashMap<String, HashMap<String, u64>> = HashMap::new();
    for (term, articles) in terms_between(searcher, field, "~", "\u{7f}") {
        let Some((short, name)) = given_name(&term) else {
            continue;
        };
        *given
            .entry(short.to_string())
            .or_default()
            .entry(name)
            .or_default() += articles;
    }
    for (short, names) in given {
        let decided = decide(
            &short,
            &names,
            |term| articles_of(searcher, field, term),
            |term| designated_articles(searcher, field, term),
        );
        if decided.decides(&short) {
            holders.decided.insert(short.clone());
        }
        for (name, given) in decided.holders {
            let shorts = holders.shorts_of.entry(name.clone()).or_default();
            shorts.push(short.clone());
            shorts.extend(other_kinds_of(&short, &name, given, |term| {
                articles_of(searcher, field, term)
            }));
        }
        if !decided.standing.is_empty() {
            holders.long_of.insert(short, decided.standing);
        }
    }
    fold_chains(&mut holders);
    holders
}

/// The short form and the typed name of a [`short_form_term`] (`org:sec` and `org:securities
/// and exchange commission`).
fn given_name(term: &str) -> Option<(&str, String)> {
    let (short, name) = term.strip_prefix('~')?.split_once('>')?;
    let (label, _) = short.split_once(':')?;
    Some((short, format!("{label}:{name}")))
}

/// The articles that hold the entity term `term`.
fn articles_of(searcher: &Searcher, field: Field, term: &str) -> u64 {
    searcher
        .doc_freq(&Term::from_field_text(field, term))
        .unwrap_or(0)
}

/// What the names articles give for one short form decide.
#[derive(Debug, Default, Clone)]
struct Decision {
    /// The names that stand for it (a filter for it finds theirs).
    standing: Vec<String>,
    /// Those of them that hold it (counted with it, their filter finds it), each with the
    /// articles that give it for the short form.
    holders: Vec<(String, u64)>,
}

impl Decision {
    /// Whether the written short forms decide for `short`, not the designators' rule
    /// ([`company_forms`], [`company_short_names`]): a name holds it (`EC` for the `European
    /// Community`, not `EC Commission`), or it is an acronym articles give names for.
    fn decides(&self, short: &str) -> bool {
        !self.holders.is_empty() || self.standing.iter().any(|name| !leads(short, name))
    }
}

/// Which of `names` (each with the articles that give it for term `short`) stand for `short`
/// and which hold it (see the module's documentation); `articles_of` counts a term's articles.
fn decide(
    short: &str,
    names: &HashMap<String, u64>,
    articles_of: impl Fn(&str) -> u64,
    designated: impl Fn(&str) -> Option<u64>,
) -> Decision {
    let mut decided = Decision::default();
    // A name that `short` is none of the writings of its words (the company a ticker marks:
    // `MER` for `Merrill Lynch and Co Inc`) stands for it but never holds it, and is weighed
    // apart, as a third group: a `BP` given as the ticker of `British Petroleum Co Plc` takes
    // nothing from the `British Petroleum PLC` it abbreviates.
    let (holdable, apart): (Vec<_>, Vec<_>) = names
        .iter()
        .map(|(name, &held)| (name, held))
        .partition(|(name, _)| may_hold(name).iter().any(|form| form == short));
    let all: u64 = apart.iter().map(|(_, held)| held).sum();
    let mut marked: Vec<&String> = apart
        .into_iter()
        .filter(|&(_, held)| held >= MIN_DEFINING && 4 * held >= all)
        .map(|(name, _)| name)
        .collect();
    marked.sort_unstable();
    decided.standing.extend(marked.into_iter().cloned());
    // An acronym's names and the longer names a name's first words are given for are weighed
    // apart (`OPEC` is the `Organisation of Petroleum Exporting Countries` however many
    // articles' `Opec` is an `OPEC President`).
    for longer in [false, true] {
        let given: Vec<(&String, u64)> = holdable
            .iter()
            .filter(|(name, _)| leads(short, name) == longer)
            .copied()
            .collect();
        let all: u64 = given.iter().map(|(_, held)| held).sum();
        let mut standing: Vec<(&String, u64)> = given
            .into_iter()
            .filter(|&(_, held)| held >= MIN_DEFINING && 4 * held >= all)
            .collect();
        // A name's first words may be another's too: a longer name stands for them only where
        // it is the usual one, and as usual alone (`Bank` is not `Bank of England` where no
        // article names it).
        if longer && !standing.is_empty() {
            let alone = articles_of(short);
            standing.retain(|&(name, held)| 2 * held >= all && articles_of(name) >= alone);
            // A company's name that another adds designators to alone is that company's, by
            // the designators' rule, when that company is in as many articles (`Hoechst` is
            // `Hoechst AG`, not the `Hoechst Celanese Corp` some articles write it for; but
            // `Federated` stays `Federated Department Stores Inc`, not `Federated Group Inc`).
            if !standing.is_empty()
                && let Some(designated) = designated(short)
                && standing
                    .iter()
                    .all(|&(name, _)| articles_of(name) <= designated)
            {
                standing.clear();
            }
        }
        standing.sort_unstable();
        for &(name, held) in &standing {
            if 2 * held >= all {
                decided.holders.push((name.clone(), held));
            }
            decided.standing.push(name.clone());
        }
    }
    decided
}

/// The written short forms that bear on one name, looked up in the entity field's dictionaries
/// for it alone, as a filter needs them: a prefix of the dictionaries for each short form, where
/// the listing reads every one ([`ShortFormCache::all`]).
pub(crate) struct WrittenLookup<'a> {
    searcher: &'a Searcher,
    field: Field,
    /// Each short form's decision and the terms of the articles that wrote it as an acronym
    /// (for any name), once looked up.
    decided: RefCell<HashMap<String, (Decision, Vec<String>)>>,
}

impl<'a> WrittenLookup<'a> {
    /// A lookup in `searcher`'s entity field `field`.
    pub(crate) fn new(searcher: &'a Searcher, field: Field) -> WrittenLookup<'a> {
        WrittenLookup {
            searcher,
            field,
            decided: RefCell::default(),
        }
    }

    /// The decision for short form `short` (a typed term) and the acronym writings' terms.
    fn decision(&self, short: &str) -> (Decision, Vec<String>) {
        if let Some(known) = self.decided.borrow().get(short) {
            return known.clone();
        }
        // `?` follows `>` in byte order: the range holds the terms of `short` alone.
        let (from, to) = (format!("~{short}>"), format!("~{short}?"));
        let mut names: HashMap<String, u64> = HashMap::new();
        let mut written_as = Vec::new();
        for (term, articles) in terms_between(self.searcher, self.field, &from, &to) {
            let Some((_, name)) = given_name(&term) else {
                continue;
            };
            // The articles that write an acronym for any name are found by it; those that
            // write a name's first words for a longer one through the longer name, when that
            // holds them.
            if !leads(short, &name) {
                written_as.push(term.clone());
            }
            *names.entry(name).or_default() += articles;
        }
        written_as.sort();
        let decided = decide(
            short,
            &names,
            |term| articles_of(self.searcher, self.field, term),
            |term| designated_articles(self.searcher, self.field, term),
        );
        let found = (decided, written_as);
        self.decided
            .borrow_mut()
            .insert(short.to_string(), found.clone());
        found
    }

    /// The names that stand for typed term `term` as a short form.
    pub(crate) fn long_of(&self, term: &str) -> Vec<String> {
        self.decision(term).0.standing
    }

    /// Whether the written short forms decide for typed term `term` ([`Decision::decides`]), as
    /// the listing's [`ShortForms::decided`] says.
    pub(crate) fn decides(&self, term: &str) -> bool {
        self.decision(term).0.decides(term)
    }

    /// The short forms that the name of typed term `name` holds: of those its words could be
    /// written as (its first words, its acronyms, its first word clipped), the ones articles
    /// wrote for it and that it holds.
    fn shorts_of(&self, name: &str) -> Vec<String> {
        let mut held = Vec::new();
        for short in may_hold(name) {
            let decided = self.decision(&short).0;
            let Some(&(_, given)) = decided.holders.iter().find(|(h, _)| h == name) else {
                continue;
            };
            held.extend(other_kinds_of(&short, name, given, |term| {
                articles_of(self.searcher, self.field, term)
            }));
            held.push(short);
        }
        held
    }

    /// The other forms of the entity of typed term `term`: for a short form, the names that
    /// stand for it with their other short forms, and the articles that wrote it as an acronym
    /// for any name; for a name, the short forms it holds.
    pub(crate) fn other_forms(&self, term: &str) -> Vec<String> {
        let (decided, written_as) = self.decision(term);
        let mut forms = decided.standing.clone();
        for long in &decided.standing {
            for short in self.shorts_of(long) {
                if short != term && !forms.contains(&short) {
                    forms.push(short);
                }
            }
        }
        forms.extend(written_as);
        forms.extend(self.shorts_of(term));
        forms
    }
}

/// The terms of other kinds (`loc:gm`, `misc:gm`) under which articles name an acronym or
/// clipped name `short` (`org:gm`) that the organisation `name` holds, which `given` articles
/// give for it: the recogniser's mistakes (`GM` read as a place), when in at most half as many
/// articles as that. Never a person's, nor an organisation's first words (a place may lend its
/// name to a company: `Arizona`, `Santa Fe`), nor a place that abbreviates a state (`MD` is
/// Maryland, not `McDonnell Douglas Corp`). `articles_of` counts a term's articles.
fn other_kinds_of(
    short: &str,
    name: &str,
    given: u64,
    articles_of: impl Fn(&str) -> u64,
) -> Vec<String> {
    let Some(written) = short.strip_prefix("org:") else {
        return Vec::new();
    };
    if leads(short, name) {
        return Vec::new();
    }
    let state = is_state_abbreviation(&written.to_ascii_uppercase());
    [EntityKind::Location, EntityKind::Misc]
        .into_iter()
        .filter(|&kind| !(state && kind == EntityKind::Location))
        .map(|kind| typed_term(kind, written))
        .filter(|term| (1..=given / 2).contains(&articles_of(term)))
        .collect()
}

/// Gives the short forms of a name that stands for a longer one to the longer one (`J.P. Morgan`
/// written for `J.P. Morgan and Co`, which stands for `J.P. Morgan and Co Inc`), so that each
/// short form has one name that holds it; sorts each name's short forms.
fn fold_chains(holders: &mut ShortForms) {
    let mut fulls: Vec<&String> = holders.shorts_of.keys().collect();
    fulls.sort_unstable();
    let mut holder_of: HashMap<&str, &str> = HashMap::new();
    for full in fulls {
        for short in &holders.shorts_of[full] {
            holder_of.entry(short).or_insert(full);
        }
    }
    let mut moves: Vec<(String, String)> = Vec::new();
    for full in holders.shorts_of.keys() {
        let mut root = full.as_str();
        for _ in 0..8 {
            match holder_of.get(root) {
                Some(&up) if up != full => root = up,
                _ => break,
            }
        }
        if root != full {
            moves.push((full.clone(), root.to_string()));
        }
    }
    for (full, root) in moves {
        let shorts = holders.shorts_of.remove(&full).unwrap_or_default();
        for short in &shorts {
            let names = holders.long_of.entry(short.clone()).or_default();
            if !names.contains(&root) {
                names.push(root.clone());
            }
        }
        let held = holders.shorts_of.entry(root).or_default();
        for short in shorts {
            if !held.contains(&short) {
                held.push(short);
            }
        }
    }
    holders.shorts_of.values_mut().for_each(|v| v.sort());
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

/// The name that the organisation's name of typed term `short` (`org:gencorp`) stands for by
/// the designators' rule ([`holder`] among the names that add designators alone to it), looked
/// up in the entity field's dictionaries for it alone.
fn designated_holder(searcher: &Searcher, field: Field, short: &str) -> Option<String> {
    if !short.starts_with("org:") {
        return None;
    }
    let (from, to) = (format!("{short} "), format!("{short}!"));
    let longer = terms_between(searcher, field, &from, &to);
    let longer: Vec<(&str, u64)> = longer
        .iter()
        .filter(|(name, _)| designators_alone(&name[short.len()..]))
        .map(|(name, &held)| (name.as_str(), held))
        .collect();
    holder(articles_of(searcher, field, short), &longer)
}

/// The articles of the name that the organisation's name of typed term `short` stands for by
/// the designators' rule ([`designated_holder`]), or `None` when there is none.
fn designated_articles(searcher: &Searcher, field: Field, short: &str) -> Option<u64> {
    designated_holder(searcher, field, short).map(|holder| articles_of(searcher, field, &holder))
}

/// The other forms of the company of typed term `term` (`org:gencorp`), looked up in the
/// entity field's dictionaries for it alone: as a short form, the name it stands for and that
/// name's other short forms; as a name, the short forms that stand for it.
pub(crate) fn company_forms(searcher: &Searcher, field: Field, term: &str) -> Vec<String> {
    if !term.starts_with("org:") {
        return Vec::new();
    }
    let holder_of = |short: &str| designated_holder(searcher, field, short);
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
        // The written short forms decided for it already (`EC`, not `EC Commission`).
        if holders.decided.contains(short) {
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
        let names = holders.long_of.entry(short).or_default();
        if !names.contains(&long) {
            names.push(long);
        }
    }
    fold_chains(holders);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_acronym_taken_for_another_kind_is_the_organisation_s_where_far_rarer() {
        let articles: HashMap<&str, u64> = [
            ("misc:imf", 8),
            ("loc:imf", 60),
            ("loc:md", 1),
            ("misc:md", 1),
            ("loc:moody's", 1),
        ]
        .into_iter()
        .collect();
        let count = |term: &str| articles.get(term).copied().unwrap_or(0);
        let imf = "org:international monetary fund";
        // Given for the name in 100 articles: the 8 that take it for another name are its; the
        // 60 that take it for a place are too many to be mistakes.
        assert_eq!(other_kinds_of("org:imf", imf, 100, count), ["misc:imf"]);
        assert_eq!(
            other_kinds_of("org:imf", imf, 15, count),
            Vec::<String>::new()
        );
        // A state's abbreviation stays a place; an organisation's first words stay apart.
        let md = "org:mcdonnell douglas corp";
        assert_eq!(other_kinds_of("org:md", md, 10, count), ["misc:md"]);
        let moodys = "org:moody's investors service inc";
        assert!(other_kinds_of("org:moody's", moodys, 10, count).is_empty());
        assert!(other_kinds_of("loc:imf", imf, 100, count).is_empty());
    }

    #[test]
    fn a_name_holds_what_its_words_could_be_written_as() {
        let held = may_hold("org:merrill lynch and co inc");
        for short in [
            "org:merrill",
            "org:merrill lynch and co",
            "org:mlc",
            "org:mer",
        ] {
            assert!(held.iter().any(|h| h == short), "{short}: {held:?}");
        }
        assert!(!held.iter().any(|h| h == "org:merrill lynch and co inc"));
        // A ticker is none of those: it stands for the name, but is not counted with it.
        assert!(!may_hold("org:exxon corp").iter().any(|h| h == "org:xon"));
        assert!(may_hold("org:exxon").is_empty());
    }
}
