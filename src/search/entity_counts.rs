//! Counting entities over the articles that match a search: `lede entities` and `--with`.
//!
//! Each article document keeps its entity set in the `entity_name` fast column, once per entity, so
//! the count of an entity is the number of matching articles that mention it. The collector
//! counts term ordinals per segment and resolves them to names once at the end.

use super::SearchRequest;
use super::filters::EntityFilter;
use super::{query, surnames};
use crate::analyze::annotate::EntityName;
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

/// Counts the ordinals of the `entity_name` column over matching documents.
struct EntityCollector;

struct SegmentEntityCounter {
    column: Option<StrColumn>,
    counts: Vec<u64>,
    matched: usize,
}

impl Collector for EntityCollector {
    type Fruit = (usize, HashMap<String, u64>);
    type Child = SegmentEntityCounter;

    fn for_segment(
        &self,
        _segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentEntityCounter> {
        let column = reader.fast_fields().str("entity_name")?;
        let terms = column.as_ref().map_or(0, |c| c.num_terms());
        Ok(SegmentEntityCounter {
            column,
            counts: vec![0; terms],
            matched: 0,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(
        &self,
        fruits: Vec<(usize, HashMap<String, u64>)>,
    ) -> tantivy::Result<Self::Fruit> {
        let mut total = 0;
        let mut merged: HashMap<String, u64> = HashMap::new();
        for (matched, counts) in fruits {
            total += matched;
            for (name, count) in counts {
                *merged.entry(name).or_default() += count;
            }
        }
        Ok((total, merged))
    }
}

impl SegmentCollector for SegmentEntityCounter {
    type Fruit = (usize, HashMap<String, u64>);

    fn collect(&mut self, doc: DocId, _score: Score) {
        self.matched += 1;
        if let Some(column) = &self.column {
            for ord in column.term_ords(doc) {
                self.counts[ord as usize] += 1;
            }
        }
    }

    fn harvest(self) -> Self::Fruit {
        let mut names = HashMap::new();
        if let Some(column) = &self.column {
            let ords: Vec<u64> = (0..self.counts.len() as u64)
                .filter(|&ord| self.counts[ord as usize] > 0)
                .collect();
            // An unreadable dictionary (a corrupt index) counts nothing rather than failing.
            let terms = terms_of(column, &ords).unwrap_or_default();
            for (name, ord) in terms.into_iter().zip(ords) {
                names.insert(name, self.counts[ord as usize]);
            }
        }
        (self.matched, names)
    }
}

impl Index {
    /// The entities of the articles that match `request` (its query and filters; paging and order
    /// are ignored), most frequent first, with the number of articles that mention each.
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
        let (total, counts) = searcher.search(&*compiled.article, &EntityCollector)?;
        // Writings that differ only in case, accents or spacing are one entity, as they are to
        // entity filters (one term): the most frequent writing names it.
        let mut grouped: HashMap<(EntityKind, String), (u64, u64, String)> = HashMap::new();
        // The name `with` names is left out in each of its forms (`Reagan` with `Ronald Reagan`).
        let with_terms: Vec<String> = options
            .with
            .iter()
            .flat_map(|with| surnames::matching_terms(self, &searcher, with))
            .collect();
        for (key, count) in counts {
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
            let group = grouped
                .entry((entity.kind, term))
                .or_insert((0, 0, String::new()));
            group.0 += count;
            if count > group.1 || (count == group.1 && entity.name < group.2) {
                group.1 = count;
                group.2 = entity.name;
            }
        }
        let distinct = grouped.len();
        let mut entities: Vec<EntityCount> = grouped
            .into_iter()
            .map(|((kind, _), (articles, _, name))| EntityCount {
                entity: EntityName { kind, name },
                articles,
            })
            .collect();
        entities.sort_by(|a, b| b.articles.cmp(&a.articles).then(a.entity.cmp(&b.entity)));
        entities.truncate(options.limit);
        Ok(EntityCounts {
            query: request.query.clone(),
            total_articles: total,
            distinct_entities: distinct,
            entities,
            took_ms: crate::search::results::millis_since(started),
            warnings: compiled.warnings,
        })
    }
}
