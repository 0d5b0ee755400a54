//! An entity counted once under either of its names, for `lede entities`: a person whose
//! articles give the surname alone (`Reagan`) or the full name that stands for it (`Ronald
//! Reagan`, by the rule of [`surnames`]), and an organisation, place or other name whose articles
//! give a short form alone (the acronym `SEC`, a company's name without its designators) or the
//! name that stands for it (`Securities and Exchange Commission`, by the rules of
//! [`short_forms`]), are one entry each, an article that gives both counted once. Each segment's
//! column of entity keys is walked once over the names of the kinds concerned to find the
//! ordinals of both names.

#[cfg(doc)]
use super::short_forms;
use super::surnames;
use crate::analyze::annotate::{EntityName, name_form};
use crate::analyze::entities::EntityKind;
use crate::index::Index;
use std::collections::{HashMap, HashSet};
use tantivy::DocId;
use tantivy::columnar::StrColumn;

/// The kind a typed term (`org:sec`) is labelled with.
fn kind_of(term: &str) -> Option<EntityKind> {
    let (label, _) = term.split_once(':')?;
    EntityKind::from_label(&label.to_uppercase())
}

/// An entity counted under its full name whether an article gives that or its short form (a
/// surname alone, an acronym, a company's name without its designators).
struct Named {
    /// The full name's term (`per:ronald reagan`).
    term: String,
}

/// The entities to count as one under either name: their terms (`per:reagan`, `per:ronald
/// reagan`, `org:sec`) to their place in `named`.
#[derive(Default)]
pub(super) struct NameForms {
    named: Vec<Named>,
    by_term: HashMap<String, u32>,
    /// The persons' surnames (`reagan`): only persons' names ending in one are looked up.
    surnames: HashSet<String>,
    /// The first words of the other kinds' names of both forms (`sec`, `securities`): only
    /// their names beginning with one are looked up.
    first_words: HashSet<String>,
    /// The kinds with entities here, by their keys' labels (`PER`).
    labels: Vec<&'static str>,
}

impl NameForms {
    /// The entities of kind `kind` (any, when `None`) that `searcher`'s articles name by a
    /// short form alone as well as in full.
    pub(super) fn of(
        index: &Index,
        searcher: &tantivy::Searcher,
        kind: Option<EntityKind>,
    ) -> NameForms {
        let mut names = NameForms::default();
        let wanted = |k: EntityKind| kind.is_none_or(|kind| kind == k);
        if wanted(EntityKind::Person) {
            let holders = index.surname_cache.holders(index, searcher);
            let mut holders: Vec<(&String, &String)> = holders.iter().collect();
            holders.sort_unstable();
            for (surname, full) in holders {
                names.add(full, surname);
                names
                    .surnames
                    .insert(surname.trim_start_matches("per:").to_string());
            }
        }
        let short_forms = index.short_form_cache.all(index, searcher);
        let mut held: Vec<(&String, &Vec<String>)> = short_forms.shorts_of.iter().collect();
        held.sort_unstable();
        for (full, shorts) in held {
            let Some(kind) = kind_of(full) else {
                continue;
            };
            // A short form of another kind than its holder's (the MISC `IMF` of the ORG
            // `International Monetary Fund`) is counted under the holder, so it is no line of
            // its own when only its kind is listed either.
            for short in shorts
                .iter()
                .filter(|short| wanted(kind) || kind_of(short).is_some_and(wanted))
            {
                names.add(full, short);
                for term in [full, short] {
                    let name = term.split_once(':').map_or(term.as_str(), |(_, name)| name);
                    let first = name.split(' ').next().unwrap_or(name);
                    names.first_words.insert(first.to_string());
                }
            }
        }
        for term in names.by_term.keys() {
            if let Some(label) = kind_of(term).map(EntityKind::label)
                && !names.labels.contains(&label)
            {
                names.labels.push(label);
            }
        }
        names.labels.sort_unstable();
        names
    }

    /// Adds the short form of term `short` to the entity of full term `full`.
    fn add(&mut self, full: &str, short: &str) {
        let at = match self.by_term.get(full) {
            Some(&at) => at,
            None => {
                let at = self.named.len() as u32;
                self.by_term.insert(full.to_string(), at);
                self.named.push(Named {
                    term: full.to_string(),
                });
                at
            }
        };
        self.by_term.insert(short.to_string(), at);
    }

    /// The full name's term of the entity at `at`.
    pub(super) fn full_term(&self, at: u32) -> &str {
        &self.named[at as usize].term
    }

    /// Whether `name` (as written, of the kind labelled `label`) may be one of these entities'
    /// names: for a person, whether its last word ([`surnames::last_word`]) is one of their
    /// surnames; otherwise whether its first word is one of their first words; or whether it
    /// may be once folded to ASCII.
    fn may_name(&self, label: &str, name: &str, word: &mut String) -> bool {
        if label == EntityKind::Person.label() {
            return surnames::last_word(name, word).is_none_or(|last| self.surnames.contains(last));
        }
        let first = name.split(' ').next().unwrap_or(name);
        if !first.is_ascii() {
            return true;
        }
        // As its term writes it ([`name_form`] folds word by word): `Kidder,` is `kidder`,
        // `Brothers` is `bros`.
        word.clear();
        word.push_str(first);
        *word = name_form(std::mem::take(word));
        self.first_words.contains(word.as_str())
    }
}

/// A segment's ordinals of the entities of [`NameForms`].
pub(super) struct SegmentNameForms {
    /// The ordinals of their names, the only ones to look up.
    range: std::ops::Range<u64>,
    /// Each ordinal of either name, with the entity's place.
    of_ord: HashMap<u64, u32>,
    /// The ordinals that write the full name, with the entity's place and the writing.
    full_writings: Vec<(u64, u32, String)>,
    /// The ordinals that write another of its names, with the entity's place and the writing.
    other_writings: Vec<(u64, u32, String)>,
    /// Matching articles by entity, and the last article counted for each.
    counts: Vec<u64>,
    last: Vec<DocId>,
}

impl SegmentNameForms {
    /// Finds the entities of `names` in `column`'s dictionary: one walk over the names of each
    /// kind concerned.
    pub(super) fn find(
        column: &StrColumn,
        names: &NameForms,
    ) -> tantivy::Result<Option<SegmentNameForms>> {
        if names.named.is_empty() {
            return Ok(None);
        }
        let mut found = SegmentNameForms {
            range: 0..0,
            of_ord: HashMap::new(),
            full_writings: Vec::new(),
            other_writings: Vec::new(),
            counts: vec![0; names.named.len()],
            last: vec![DocId::MAX; names.named.len()],
        };
        let mut word = String::new();
        for label in &names.labels {
            let (from, to) = (format!("{label}:"), format!("{label};"));
            let mut stream = column
                .dictionary()
                .range()
                .ge(&from)
                .lt(&to)
                .into_stream()?;
            while stream.advance() {
                let Ok(key) = std::str::from_utf8(stream.key()) else {
                    continue;
                };
                if !names.may_name(label, &key[from.len()..], &mut word) {
                    continue;
                }
                let Some(entity) = EntityName::from_key(key) else {
                    continue;
                };
                let [_, term] = entity.terms();
                let Some(&at) = names.by_term.get(&term) else {
                    continue;
                };
                let ord = stream.term_ord();
                found.range = if found.range.is_empty() {
                    ord..ord + 1
                } else {
                    found.range.start.min(ord)..found.range.end.max(ord + 1)
                };
                found.of_ord.insert(ord, at);
                let writings = if names.named[at as usize].term == term {
                    &mut found.full_writings
                } else {
                    &mut found.other_writings
                };
                writings.push((ord, at, key.to_string()));
            }
        }
        Ok(Some(found))
    }

    /// Whether `ord` is one of the entities' names.
    pub(super) fn holds(&self, ord: u64) -> bool {
        self.range.contains(&ord) && self.of_ord.contains_key(&ord)
    }

    /// Counts article `doc`, which holds the name of ordinal `ord`, for its person: once,
    /// whichever names of the person it holds.
    pub(super) fn count(&mut self, ord: u64, doc: DocId) {
        if self.range.contains(&ord)
            && let Some(&at) = self.of_ord.get(&ord)
            && self.last[at as usize] != doc
        {
            self.last[at as usize] = doc;
            self.counts[at as usize] += 1;
        }
    }

    /// What was counted, by person, the full name written as most of its articles here write
    /// it (`by_ord`: the articles counted for each ordinal).
    pub(super) fn counted(&self, by_ord: &[u64]) -> HashMap<u32, FormsCount> {
        let mut counted: HashMap<u32, FormsCount> = HashMap::new();
        for (at, &articles) in self.counts.iter().enumerate() {
            if articles > 0 {
                let count = FormsCount {
                    articles,
                    ..FormsCount::default()
                };
                counted.insert(at as u32, count);
            }
        }
        for (ord, at, writing) in &self.full_writings {
            if let Some(named) = counted.get_mut(at) {
                *named.writings.entry(writing.clone()).or_default() += by_ord[*ord as usize];
            }
        }
        for (ord, at, writing) in &self.other_writings {
            if let Some(named) = counted.get_mut(at)
                && by_ord[*ord as usize] > 0
            {
                *named.others.entry(writing.clone()).or_default() += by_ord[*ord as usize];
            }
        }
        counted
    }
}

/// The articles counted for an entity of [`NameForms`], and those that give each writing of its
/// full name.
#[derive(Debug, Default)]
pub(super) struct FormsCount {
    /// Matching articles that name the entity (either name).
    pub(super) articles: u64,
    /// Each writing of the full name (an entity key, `PER:Ronald Reagan`) and the matching
    /// articles that give it.
    writings: HashMap<String, u64>,
    /// Each writing of its other names (`PER:Reagan`, `ORG:SEC`) and the matching articles that
    /// give it alone.
    others: HashMap<String, u64>,
}

impl FormsCount {
    /// Adds another segment's count.
    pub(super) fn add(&mut self, other: FormsCount) {
        self.articles += other.articles;
        for (writing, articles) in other.writings {
            *self.writings.entry(writing).or_default() += articles;
        }
        for (writing, articles) in other.others {
            *self.others.entry(writing).or_default() += articles;
        }
    }

    /// The other names counted with the entity, as matching articles write them alone (one
    /// writing each form of a name, [`name_form`]: the one most of them give), most articles
    /// first: `Reagan` for `Ronald Reagan`, `SEC` for the `Securities and Exchange Commission`,
    /// `Merrill Lynch and Co` (not `Merrill Lynch & Co` as well) for `Merrill Lynch and Co Inc`.
    pub(super) fn also(&self) -> Vec<String> {
        let mut best: HashMap<String, (u64, bool, &str)> = HashMap::new();
        let mut totals: HashMap<String, u64> = HashMap::new();
        for (writing, &articles) in &self.others {
            let name = writing
                .split_once(':')
                .map_or(writing.as_str(), |(_, name)| name);
            let form = name_form(name.to_string());
            *totals.entry(form.clone()).or_default() += articles;
            // The writing most articles give (`OPEC`, not an `Opec` of a few), in lower and
            // upper case when as many give it so.
            let rank = (articles, name.chars().any(char::is_lowercase), name);
            let kept = best.entry(form).or_insert(rank);
            if (rank.0, rank.1, std::cmp::Reverse(rank.2))
                > (kept.0, kept.1, std::cmp::Reverse(kept.2))
            {
                *kept = rank;
            }
        }
        let mut also: Vec<(u64, &str)> = best
            .iter()
            .map(|(form, &(_, _, name))| (totals[form], name))
            .collect();
        also.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
        also.into_iter().map(|(_, name)| name.to_string()).collect()
    }

    /// The writing that names the entity: one in lower and upper case before one in capitals
    /// alone (a headline's `MAY DEPARTMENT STORES CO`), then the one most articles give, then
    /// the first in alphabetical order; `None` when none of the articles gives the full name.
    pub(super) fn writing(&self) -> Option<&str> {
        self.writings
            .iter()
            .max_by(|a, b| {
                let rank = |(writing, articles): &(&String, &u64)| {
                    (writing.chars().any(char::is_lowercase), **articles)
                };
                rank(a).cmp(&rank(b)).then_with(|| b.0.cmp(a.0))
            })
            .map(|(writing, _)| writing.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reagan() -> NameForms {
        let mut names = NameForms::default();
        names.add("per:ronald reagan", "per:reagan");
        names.surnames.insert("reagan".into());
        names
    }

    #[test]
    fn names_ending_in_a_surname_are_looked_up_whatever_their_writing() {
        let names = reagan();
        let mut word = String::new();
        for name in [
            "Reagan",
            "REAGAN",
            "Ronald Reagan",
            "Reagan's",
            "Reagan,",
            "Réagan",
        ] {
            assert!(names.may_name("PER", name, &mut word), "{name}");
        }
        for name in ["Baker", "Reagans", "Reagan Administration", "s", "'s"] {
            assert!(!names.may_name("PER", name, &mut word), "{name}");
        }
    }

    #[test]
    fn other_kinds_names_are_looked_up_by_their_first_word() {
        let mut names = NameForms::default();
        names.add("org:securities and exchange commission", "org:sec");
        names
            .first_words
            .extend(["securities".into(), "sec".into()]);
        let mut word = String::new();
        for name in [
            "SEC",
            "Securities and Exchange Commission",
            "SECURITIES AND",
            "Securities, Exchange",
        ] {
            assert!(names.may_name("ORG", name, &mut word), "{name}");
        }
        names.add("org:bros gourmet coffees inc", "org:bros gourmet coffees");
        names.first_words.insert("bros".into());
        for name in ["Brothers Gourmet Coffees", "BROS. GOURMET COFFEES INC"] {
            assert!(names.may_name("ORG", name, &mut word), "{name}");
        }
        for name in ["Sun Energy Corp", "Reagan", "Sec."] {
            assert!(!names.may_name("ORG", name, &mut word), "{name}");
        }
    }

    #[test]
    fn another_name_is_listed_once_however_written() {
        let others = [
            ("ORG:Merrill Lynch & Co", 1),
            ("ORG:Merrill Lynch and Co", 3),
            ("ORG:MERRILL LYNCH AND CO", 1),
            ("ORG:Merrill Lynch", 2),
        ];
        let count = FormsCount {
            articles: 7,
            others: others.iter().map(|&(w, n)| (w.to_string(), n)).collect(),
            ..FormsCount::default()
        };
        assert_eq!(count.also(), ["Merrill Lynch and Co", "Merrill Lynch"]);
    }

    #[test]
    fn an_article_that_gives_both_names_counts_once() {
        // Ordinal 3 writes the surname, 5 and 6 two writings of the full name.
        let mut segment = SegmentNameForms {
            range: 3..7,
            of_ord: HashMap::from([(3, 0), (5, 0), (6, 0)]),
            full_writings: vec![
                (5, 0, "PER:RONALD REAGAN".into()),
                (6, 0, "PER:Ronald Reagan".into()),
            ],
            other_writings: vec![(3, 0, "PER:Reagan".into())],
            counts: vec![0],
            last: vec![DocId::MAX],
        };
        let mut by_ord = vec![0; 8];
        for (doc, ords) in [
            (0, &[3, 6][..]),
            (1, &[6]),
            (2, &[3]),
            (4, &[5, 6]),
            (7, &[4]),
        ] {
            for &ord in ords {
                by_ord[ord as usize] += 1;
                segment.count(ord, doc);
            }
        }
        assert!(segment.holds(5) && !segment.holds(4));
        let counted = segment.counted(&by_ord);
        let person = &counted[&0];
        assert_eq!(person.articles, 4);
        assert_eq!(person.writing(), Some("PER:Ronald Reagan"));
        assert_eq!(person.also(), ["Reagan"]);
        // Segments add up; the writing in lower and upper case wins, then the one more of
        // their articles give.
        let mut total = FormsCount::default();
        total.add(FormsCount {
            articles: 2,
            ..FormsCount::default()
        });
        assert_eq!(total.writing(), None);
        let writings = |list: &[(&str, u64)]| -> HashMap<String, u64> {
            list.iter().map(|&(w, n)| (w.to_string(), n)).collect()
        };
        total.add(FormsCount {
            articles: 4,
            writings: writings(&[("PER:Ronald Reagan", 3), ("PER:RONALD REAGAN", 1)]),
            others: writings(&[("PER:REAGAN", 2), ("PER:Reagan", 1)]),
        });
        total.add(FormsCount {
            articles: 5,
            writings: writings(&[("PER:RONALD REAGAN", 5), ("PER:Ronald reagan", 1)]),
            others: writings(&[("PER:Reagan", 1), ("PER:Ron Reagan", 1)]),
        });
        // The other names, one writing each (most articles, then lower and upper case), most
        // articles first.
        assert_eq!(total.also(), ["Reagan", "Ron Reagan"]);
        assert_eq!(total.articles, 11);
        assert_eq!(total.writing(), Some("PER:Ronald Reagan"));
        total.add(FormsCount {
            articles: 3,
            writings: writings(&[("PER:Ronald reagan", 3)]),
            ..FormsCount::default()
        });
        assert_eq!(total.writing(), Some("PER:Ronald reagan"));
    }
}
