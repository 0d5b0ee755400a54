//! A person counted once under either name, for `lede entities`: the articles that give the
//! surname alone (`Reagan`) and those that give the full name that stands for it (`Ronald
//! Reagan`, by the rule of [`surnames`]) are one entry, an article that gives both counted once.
//! Each segment's column of entity keys is walked once over its persons' names to find the
//! ordinals of both names.

use super::surnames;
use crate::analyze::annotate::EntityName;
use crate::index::Index;
use std::collections::{HashMap, HashSet};
use tantivy::DocId;
use tantivy::columnar::StrColumn;

/// A person counted under one name whether an article gives the full name or the surname alone
/// (see [`surnames`]).
struct Person {
    /// The full name's term (`per:ronald reagan`).
    term: String,
}

/// The persons to count as one under either name: their terms (`per:reagan`, `per:ronald
/// reagan`) to their place in `persons`.
#[derive(Default)]
pub(super) struct PersonNames {
    persons: Vec<Person>,
    by_term: HashMap<String, u32>,
    /// Their surnames (`reagan`): only names ending in one are looked up.
    surnames: HashSet<String>,
}

impl PersonNames {
    /// The persons `searcher`'s articles name by a surname alone as well as in full.
    pub(super) fn of(index: &Index, searcher: &tantivy::Searcher) -> PersonNames {
        let mut names = PersonNames::default();
        let holders = index.surname_cache.holders(index, searcher);
        let mut holders: Vec<(&String, &String)> = holders.iter().collect();
        holders.sort_unstable();
        for (surname, full) in holders {
            let at = match names.by_term.get(full) {
                Some(&at) => at,
                None => {
                    let at = names.persons.len() as u32;
                    names.by_term.insert(full.clone(), at);
                    names.persons.push(Person { term: full.clone() });
                    at
                }
            };
            names
                .surnames
                .insert(surname.trim_start_matches("per:").to_string());
            names.by_term.insert(surname.clone(), at);
        }
        names
    }

    /// The full name's term of the person at `at`.
    pub(super) fn full_term(&self, at: u32) -> &str {
        &self.persons[at as usize].term
    }

    /// Whether `name` (as written) may be one of these persons' names: whether its last word
    /// ([`surnames::last_word`]) is one of their surnames, or may be once folded to ASCII.
    fn may_name(&self, name: &str, word: &mut String) -> bool {
        surnames::last_word(name, word).is_none_or(|last| self.surnames.contains(last))
    }
}

/// A segment's ordinals of the persons of [`PersonNames`].
pub(super) struct SegmentPersons {
    /// The ordinals of persons' names (`PER:`…), the only ones to look up.
    range: std::ops::Range<u64>,
    /// Each ordinal of either name, with the person's place.
    of_ord: HashMap<u64, u32>,
    /// The ordinals that write the full name, with the person's place and the writing.
    full_writings: Vec<(u64, u32, String)>,
    /// Matching articles by person, and the last article counted for each.
    counts: Vec<u64>,
    last: Vec<DocId>,
}

impl SegmentPersons {
    /// Finds the persons of `names` in `column`'s dictionary: one walk over its persons' names.
    pub(super) fn find(
        column: &StrColumn,
        names: &PersonNames,
    ) -> tantivy::Result<Option<SegmentPersons>> {
        if names.persons.is_empty() {
            return Ok(None);
        }
        let mut found = SegmentPersons {
            range: 0..0,
            of_ord: HashMap::new(),
            full_writings: Vec::new(),
            counts: vec![0; names.persons.len()],
            last: vec![DocId::MAX; names.persons.len()],
        };
        let mut stream = column
            .dictionary()
            .range()
            .ge("PER:")
            .lt("PER;")
            .into_stream()?;
        let mut word = String::new();
        while stream.advance() {
            let Ok(key) = std::str::from_utf8(stream.key()) else {
                continue;
            };
            if !names.may_name(&key["PER:".len()..], &mut word) {
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
            if names.persons[at as usize].term == term {
                found.full_writings.push((ord, at, key.to_string()));
            }
        }
        Ok(Some(found))
    }

    /// Whether `ord` is one of the persons' names.
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
    pub(super) fn counted(&self, by_ord: &[u64]) -> HashMap<u32, PersonCount> {
        let mut counted: HashMap<u32, PersonCount> = HashMap::new();
        for (at, &articles) in self.counts.iter().enumerate() {
            if articles > 0 {
                let count = PersonCount {
                    articles,
                    ..PersonCount::default()
                };
                counted.insert(at as u32, count);
            }
        }
        for (ord, at, writing) in &self.full_writings {
            let shown = by_ord[*ord as usize];
            if let Some(person) = counted.get_mut(at)
                && (person.writing.is_empty() || shown > person.shown)
            {
                (person.shown, person.writing) = (shown, writing.clone());
            }
        }
        counted
    }
}

/// The articles counted for a person, and the writing of the full name most of them give.
#[derive(Debug, Default)]
pub(super) struct PersonCount {
    /// Matching articles that name the person (either name).
    pub(super) articles: u64,
    /// Of them, those that write the full name as `writing` (an entity key, `PER:Ronald Reagan`).
    pub(super) shown: u64,
    /// The writing; empty when none of them gives the full name.
    pub(super) writing: String,
}

impl PersonCount {
    /// Adds another segment's count.
    pub(super) fn add(&mut self, other: PersonCount) {
        self.articles += other.articles;
        if other.writing.is_empty() {
            return;
        }
        if self.writing.is_empty()
            || other.shown > self.shown
            || (other.shown == self.shown && other.writing < self.writing)
        {
            (self.shown, self.writing) = (other.shown, other.writing);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reagan() -> PersonNames {
        let mut names = PersonNames::default();
        names.persons.push(Person {
            term: "per:ronald reagan".into(),
        });
        names.by_term.insert("per:ronald reagan".into(), 0);
        names.by_term.insert("per:reagan".into(), 0);
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
            assert!(names.may_name(name, &mut word), "{name}");
        }
        for name in ["Baker", "Reagans", "Reagan Administration", "s", "'s"] {
            assert!(!names.may_name(name, &mut word), "{name}");
        }
    }

    #[test]
    fn an_article_that_gives_both_names_counts_once() {
        // Ordinal 3 writes the surname, 5 and 6 two writings of the full name.
        let mut segment = SegmentPersons {
            range: 3..7,
            of_ord: HashMap::from([(3, 0), (5, 0), (6, 0)]),
            full_writings: vec![
                (5, 0, "PER:RONALD REAGAN".into()),
                (6, 0, "PER:Ronald Reagan".into()),
            ],
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
        assert_eq!(
            (person.shown, person.writing.as_str()),
            (3, "PER:Ronald Reagan")
        );
        // Segments add up; the writing more of their articles give wins.
        let mut total = PersonCount::default();
        total.add(PersonCount {
            articles: 2,
            shown: 0,
            writing: String::new(),
        });
        total.add(PersonCount {
            articles: 4,
            shown: 3,
            writing: "PER:Ronald Reagan".into(),
        });
        total.add(PersonCount {
            articles: 5,
            shown: 2,
            writing: "PER:RONALD REAGAN".into(),
        });
        assert_eq!(total.articles, 11);
        assert_eq!(total.writing, "PER:Ronald Reagan");
    }
}
