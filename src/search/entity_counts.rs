//! Counting entities over the articles that match a search: `lede entities` and `--with`.
//!
//! Each article document keeps its entity set in the `entity_name` fast column, once per entity, so
//! the count of an entity is the number of matching articles that mention it. The collector
//! counts term ordinals per segment and resolves them to names once at the end. A person whose
//! articles give the surname alone or the full name, and an organisation (place, other name)
//! whose articles give its acronym alone or its name, is counted once, under the full name (in
//! `search::name_forms`).

use super::SearchRequest;
use super::filters::EntityFilter;
use super::name_forms::{FormsCount, NameForms, SegmentNameForms};
use super::{filters, query};
use crate::analyze::annotate::{EntityName, name_form};
use crate::analyze::entities::EntityKind;
use crate::error::{Error, Result};
use crate::index::Index;
use crate::index::str_column::terms_of;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::time::Instant;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::StrColumn;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

/// What to count.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EntityCountOptions {
    /// Only entities of this type.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<EntityKind>,
    /// Only articles that mention this entity, which is itself left out of the counts: who is
    /// mentioned with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub with: Option<EntityFilter>,
    /// Entities to return, most frequent first.
    pub limit: usize,
}

/// One entity and the number of matching articles that mention it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityCount {
    /// The entity.
    #[serde(flatten)]
    pub entity: EntityName,
    /// Matching articles that mention it.
    pub articles: u64,
    /// The other names it is counted under, as the articles write them (`SEC` for the
    /// `Securities and Exchange Commission`, `Reagan` for `Ronald Reagan`), most articles first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<String>,
}

/// The entities of the articles that match a search.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityCounts {
    /// The query as given; for articles like one (`like`), the words it ran on.
    pub query: String,
    /// Articles that match.
    pub total_articles: usize,
    /// Distinct entities among them (of the requested type).
    pub distinct_entities: usize,
    /// The most frequent entities, with their article counts.
    pub entities: Vec<EntityCount>,
    /// Time taken, in milliseconds.
    pub took_ms: f64,
    /// Parts of the query that were ignored, and why.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// What one segment (or the whole search) counted.
#[derive(Default)]
struct Counted {
    /// Matching articles.
    matched: usize,
    /// Articles by entity key (`PER:Paul Volcker`), but for the entities of [`NameForms`].
    names: HashMap<String, u64>,
    /// Articles by entity of [`NameForms`] (either name), with the articles of each writing of
    /// its full name.
    forms: HashMap<u32, FormsCount>,
}

/// The writings of one entity (names that differ only in case, accents or spacing) and the
/// articles that give each. The entity is named by its most frequent writing in lower and upper
/// case, unless one in capitals alone is more frequent still by [`capitals_over_mixed`]; of two as
/// frequent, the first in alphabetical order.
#[derive(Default)]
struct Writings {
    /// Articles that give any of the writings (an article gives one: see
    /// `entities::canonical`).
    articles: u64,
    /// The most frequent writing with a lower-case letter, and its articles.
    mixed: (u64, String),
    /// The most frequent writing without, and its articles.
    capitals: (u64, String),
    /// The other names counted with the entity ([`EntityCount::also`]).
    also: Vec<String>,
    /// By the writings' forms ([`name_form`]): the articles that give any writing of that form,
    /// and its writing most of them give with theirs. Other forms than the name's are other
    /// names of its term: `U.S.` of the `United States`.
    forms: HashMap<String, (u64, u64, String)>,
}

/// How many times more articles a writing in capitals alone must have than the most frequent
/// one in lower and upper case to name an entity of `kind`. A place is in capitals where the
/// wire's datelines print it (over Reuters-21578 read from its SGML, `WELLINGTON` in 84
/// articles and `Wellington` in 6; `NEW YORK`, `WASHINGTON` and `LONDON` in more articles than
/// in running text), so it takes its writing in running text unless that is a stray (`U.s.` in 2
/// articles, `U.S.` in 7,008); other names in capitals are mostly acronyms that running text
/// writes so (`OPEC` 244, `Opec` 22; `NASDAQ` 176, `Nasdaq` 26), which keep their capitals unless
/// the other writing is about as frequent (`TEXACO` 8, `Texaco` 4). A person's name is no
/// acronym: in capitals it is a headline's, as a place's is a dateline's (over Reuters-21578,
/// the model found PER `JOHNSON` in 30 articles, `Johnson` in 27).
fn capitals_over_mixed(kind: EntityKind) -> u64 {
    match kind {
        EntityKind::Location | EntityKind::Person => 20,
        _ => 2,
    }
}

impl Writings {
    fn add(&mut self, name: String, articles: u64) {
        self.articles += articles;
        let form = self.forms.entry(name_form(name.clone())).or_default();
        form.0 += articles;
        if articles > form.1 || (articles == form.1 && name < form.2) {
            (form.1, form.2) = (articles, name.clone());
        }
        let best = if name.chars().any(char::is_lowercase) {
            &mut self.mixed
        } else {
            &mut self.capitals
        };
        if articles > best.0 || (articles == best.0 && name < best.1) {
            *best = (articles, name);
        }
    }

    fn name(&self, kind: EntityKind) -> String {
        let (mixed, capitals) = (&self.mixed, &self.capitals);
        if mixed.0 > 0 && mixed.0 * capitals_over_mixed(kind) >= capitals.0 {
            mixed.1.clone()
        } else {
            capitals.1.clone()
        }
    }

    /// The other names counted with the entity named `name`: those its short forms give, then
    /// its writings of other forms than `name`'s, most articles first.
    fn also(&mut self, name: &str) -> Vec<String> {
        let own = name_form(name.to_string());
        let mut others: Vec<&(u64, u64, String)> = self
            .forms
            .iter()
            .filter(|(form, _)| **form != own)
            .map(|(_, form)| form)
            .collect();
        others.sort_by(|a, b| b.0.cmp(&a.0).then(a.2.cmp(&b.2)));
        let mut also = std::mem::take(&mut self.also);
        let mut listed: Vec<String> = also.iter().map(|name| name_form(name.clone())).collect();
        for (_, _, writing) in others {
            let form = name_form(writing.clone());
            if !listed.contains(&form) {
                listed.push(form);
                also.push(writing.clone());
            }
        }
        also
    }
}

/// Counts the ordinals of the `entity_name` column over matching documents.
struct EntityCollector<'a> {
    forms: &'a NameForms,
}

struct SegmentEntityCounter {
    column: Option<StrColumn>,
    counts: Vec<u64>,
    matched: usize,
    forms: Option<SegmentNameForms>,
}

impl Collector for EntityCollector<'_> {
    type Fruit = Counted;
    type Child = SegmentEntityCounter;

    fn for_segment(
        &self,
        _segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentEntityCounter> {
        let column = reader.fast_fields().str("entity_name")?;
        let terms = column.as_ref().map_or(0, |c| c.num_terms());
        let forms = match &column {
            Some(column) => SegmentNameForms::find(column, self.forms)?,
            None => None,
        };
        Ok(SegmentEntityCounter {
            column,
            counts: vec![0; terms],
            matched: 0,
            forms,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Counted>) -> tantivy::Result<Counted> {
        let mut merged = Counted::default();
        for fruit in fruits {
            merged.matched += fruit.matched;
            for (name, count) in fruit.names {
                *merged.names.entry(name).or_default() += count;
            }
            for (at, count) in fruit.forms {
                merged.forms.entry(at).or_default().add(count);
            }
        }
        Ok(merged)
    }
}

impl SegmentCollector for SegmentEntityCounter {
    type Fruit = Counted;

    fn collect(&mut self, doc: DocId, _score: Score) {
        self.matched += 1;
        if let Some(column) = &self.column {
            for ord in column.term_ords(doc) {
                self.counts[ord as usize] += 1;
                if let Some(forms) = &mut self.forms {
                    forms.count(ord, doc);
                }
            }
        }
    }

    fn harvest(self) -> Counted {
        let mut counted = Counted {
            matched: self.matched,
            ..Counted::default()
        };
        let Some(column) = &self.column else {
            return counted;
        };
        let forms = self.forms.as_ref();
        let ords: Vec<u64> = (0..self.counts.len() as u64)
            .filter(|&ord| self.counts[ord as usize] > 0)
            .filter(|&ord| forms.is_none_or(|f| !f.holds(ord)))
            .collect();
        // An unreadable dictionary (a corrupt index) counts nothing rather than failing.
        let terms = terms_of(column, &ords).unwrap_or_default();
        for (name, ord) in terms.into_iter().zip(ords) {
            counted.names.insert(name, self.counts[ord as usize]);
        }
        if let Some(forms) = forms {
            counted.forms = forms.counted(&self.counts);
        }
        counted
    }
}

impl Index {
    /// The entities of the articles that match `request` (its query and filters; paging and order
    /// are ignored), most frequent first, with the number of articles that mention each. A person
    /// named by a surname alone in some articles and in full in others is one entity under the
    /// full name when that name stands for the surname (as `--entity` takes it: `Ronald Reagan`
    /// for `Reagan`, not `James Baker` for `Baker`); so is a short form and the name that holds
    /// it, as the README's entity section tells: an acronym and the name given for it in at least
    /// half of the articles that give one (`SEC`, `Securities and Exchange Commission`), a
    /// clipped name (`Fed`, `Federal Reserve`), an organisation's first words (`Moody's`,
    /// `Moody's Investors Service Inc`) and a company's name without its designators.
    pub fn entity_counts(
        &self,
        request: &SearchRequest,
        options: &EntityCountOptions,
    ) -> Result<EntityCounts> {
        let started = Instant::now();
        let mut request = request.clone();
        if let Some(with) = &options.with {
            if with.exclude {
                return Err(Error::BadRequest(format!(
                    "with (--with, with=) names an entity the articles mention, not one they \
                     leave out (-{}); exclude it as an entity filter (--entity -NAME, entity=-NAME)",
                    with.name
                )));
            }
            request.entities.push(with.clone());
        }
        let searcher = self.reader.searcher();
        let request = self.with_like_words(&searcher, &request)?;
        let compiled = query::compile(self, &request);
        // The entities of the kinds listed that have a short form (a surname, an acronym, …).
        let forms = NameForms::of(self, &searcher, options.kind);
        let counted = searcher.search(&*compiled.article, &EntityCollector { forms: &forms })?;
        // Writings that differ only in case, accents or spacing are one entity, as they are to
        // entity filters (one term): see [`Writings`] for the writing that names it.
        let mut grouped: HashMap<(EntityKind, String), Writings> = HashMap::new();
        // The name `with` names is left out in each of its forms (`Reagan` with `Ronald Reagan`).
        let with_terms: Vec<String> = options
            .with
            .iter()
            .flat_map(|with| filters::matching_terms(self, &searcher, with))
            .collect();
        let forms_counts = counted.forms.into_iter().map(|(at, count)| {
            // A full name no segment writes (its articles deleted) is shown as its term.
            let key = match count.writing() {
                Some(writing) => writing.to_string(),
                None => {
                    let term = forms.full_term(at);
                    let (label, name) = term.split_once(':').unwrap_or(("", term));
                    format!("{}:{name}", label.to_uppercase())
                }
            };
            (key, count.articles, count.also())
        });
        let names_counts = counted
            .names
            .into_iter()
            .map(|(key, count)| (key, count, Vec::new()));
        for (key, count, also) in names_counts.chain(forms_counts) {
            let Some(entity) = EntityName::from_key(&key) else {
                continue;
            };
            if options.kind.is_some_and(|kind| kind != entity.kind) {
                continue;
            }
            if with_terms.iter().any(|t| entity.terms().contains(t)) {
                continue;
            }
            let [term, _] = entity.terms();
            let writings = grouped.entry((entity.kind, term)).or_default();
            writings.add(entity.name, count);
            writings.also.extend(also);
        }
        let distinct = grouped.len();
        let mut entities: Vec<EntityCount> = grouped
            .into_iter()
            .map(|((kind, _), mut writings)| {
                let name = writings.name(kind);
                EntityCount {
                    articles: writings.articles,
                    also: writings.also(&name),
                    entity: EntityName { kind, name },
                }
            })
            .collect();
        entities.sort_by(|a, b| b.articles.cmp(&a.articles).then(a.entity.cmp(&b.entity)));
        entities.truncate(options.limit);
        Ok(EntityCounts {
            query: request.query.clone(),
            total_articles: counted.matched,
            distinct_entities: distinct,
            entities,
            took_ms: crate::search::results::millis_since(started),
            warnings: compiled.warnings,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(kind: EntityKind, writings: &[(&str, u64)]) -> (String, u64) {
        let mut all = Writings::default();
        for (name, articles) in writings {
            all.add(name.to_string(), *articles);
        }
        let articles = all.articles;
        (all.name(kind), articles)
    }

    #[test]
    fn an_entity_is_named_by_its_writing_in_running_text_unless_that_is_rare() {
        let place = EntityKind::Location;
        let name = |kind, writings| named(kind, writings).0;
        assert_eq!(
            named(place, &[("WELLINGTON", 84), ("Wellington", 6)]),
            ("Wellington".to_string(), 90)
        );
        assert_eq!(name(place, &[("U.S.", 7008), ("U.s.", 2)]), "U.S.");
        assert_eq!(name(place, &[("U.S.", 7008)]), "U.S.");
        let person = EntityKind::Person;
        assert_eq!(name(person, &[("JOHNSON", 30), ("Johnson", 12)]), "Johnson");
        let org = EntityKind::Organization;
        assert_eq!(name(org, &[("NASDAQ", 176), ("Nasdaq", 26)]), "NASDAQ");
        assert_eq!(name(org, &[("TEXACO", 8), ("Texaco", 4)]), "Texaco");
        // Of as frequent writings of a kind, the first in alphabetical order.
        assert_eq!(
            name(org, &[("Mcdonald", 3), ("McDonald", 3), ("MCDONALD", 5)]),
            "McDonald"
        );
    }

    #[test]
    fn writings_of_other_forms_are_other_names_of_the_entity() {
        let also = |kind, writings: &[(&str, u64)]| {
            let mut all = Writings::default();
            for (name, articles) in writings {
                all.add(name.to_string(), *articles);
            }
            let name = all.name(kind);
            (name.clone(), all.also(&name))
        };
        let place = EntityKind::Location;
        let writings = [
            ("U.S.", 3044),
            ("United States", 793),
            ("USA", 23),
            ("U.s.", 2),
        ];
        assert_eq!(
            also(place, &writings),
            (
                "United States".to_string(),
                vec!["U.S.".to_string(), "USA".to_string()]
            )
        );
        // A writing in other case or accents, or with its designator spelt out, is the name's.
        let writings = [("ZURICH", 5), ("Zürich", 7), ("Zurich", 1)];
        assert_eq!(also(place, &writings).1, Vec::<String>::new());
        let org = EntityKind::Organization;
        let writings = [("Gillette Co", 9), ("Gillette Company", 2)];
        assert_eq!(
            also(org, &writings),
            ("Gillette Co".to_string(), Vec::new())
        );
    }
}
