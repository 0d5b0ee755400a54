//! What a passage must hold when a search filters by entities or by the dates mentioned: the
//! article query already asks its article for them; a passage shown or ranked must also hold them
//! itself. It is checked on the article's fast columns of what each passage mentions (see
//! [`crate::index::passage_tags`]), not on its stored document.

use super::filters::{EntityMatch, MentionPeriod};
use crate::analyze::annotate::short_form_term_name;
use crate::index::day_range::day_number;
use crate::index::passage_tags::{EntityKey, days_of, passage_of};

/// The entity and mentioned-period filters of a request, as a passage must pass them.
#[derive(Debug, Clone)]
pub(crate) struct PassageFilter {
    /// Each wanted or excluded entity (any of its keys), and whether it is excluded.
    entities: Vec<(Vec<EntityKey>, bool)>,
    /// Day numbers, inclusive.
    mentions: Option<(i64, i64)>,
}

/// What one article's passages mention: its `passage_entities` and `passage_days` values.
#[derive(Debug, Clone, Default)]
pub(crate) struct PassageMentions {
    /// Entity values, tagged with their passage.
    pub entities: Vec<u64>,
    /// Day span values, tagged with their passage.
    pub days: Vec<u64>,
}

impl PassageFilter {
    /// The filter for these entities and period; `None` when there is nothing to check.
    pub fn new(entities: &[EntityMatch], mentions: Option<MentionPeriod>) -> Option<PassageFilter> {
        (!entities.is_empty() || mentions.is_some()).then(|| PassageFilter {
            entities: entities
                .iter()
                .map(|entity| {
                    // An article that wrote a short form of a name tags its passages by the name.
                    let keys = entity
                        .terms
                        .iter()
                        .map(|term| match short_form_term_name(term) {
                            Some(name) => EntityKey::new(&name),
                            None => EntityKey::new(term),
                        });
                    (keys.collect(), entity.exclude)
                })
                .collect(),
            mentions: mentions.map(|period| (day_number(period.first), day_number(period.last))),
        })
    }

    /// Whether the filter reads the days column (it has a period).
    pub fn reads_days(&self) -> bool {
        self.mentions.is_some()
    }

    /// Whether the filter reads the entities column.
    pub fn reads_entities(&self) -> bool {
        !self.entities.is_empty()
    }

    /// Whether passage `passage` of an article that mentions `mentions` holds every wanted
    /// entity, none of the excluded ones, and (with a period) a date within the period.
    pub fn passes(&self, mentions: &PassageMentions, passage: usize) -> bool {
        let entities_pass = self.entities.iter().all(|(keys, exclude)| {
            let held = mentions
                .entities
                .iter()
                .any(|&value| keys.iter().any(|key| key.is_in(value, passage)));
            held != *exclude
        });
        let mentions_pass = self.mentions.is_none_or(|(first, last)| {
            mentions.days.iter().any(|&value| {
                let (from, to) = days_of(value);
                passage_of(value) == passage && from >= first && to <= last
            })
        });
        entities_pass && mentions_pass
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::annotate::EntityName;
    use crate::index::passage_tags::{days_value, entity_value};
    use crate::search::filters::EntityFilter;

    /// What passage 1 of an article mentions (passage 0 mentions the other entities and a day in
    /// March 1987, so that a match on the wrong passage shows).
    fn mentions(entities: &[&str], days: &[(&str, &str)]) -> PassageMentions {
        let all = [
            "PER:Sam Altman",
            "ORG:Anthropic",
            "ORG:OpenAI",
            "ORG:Sam Altman",
        ];
        let values = |keys: &mut dyn Iterator<Item = &str>, passage: usize| -> Vec<u64> {
            keys.filter_map(EntityName::from_key)
                .filter_map(|entity| entity_value(passage, &entity))
                .collect()
        };
        let mut entity_values = values(&mut entities.iter().copied(), 1);
        entity_values.extend(values(
            &mut all.iter().copied().filter(|key| !entities.contains(key)),
            0,
        ));
        let day = |text: &str| day_number(text.parse().unwrap());
        let mut day_values: Vec<u64> = days
            .iter()
            .filter_map(|(a, b)| days_value(1, day(a), day(b)))
            .collect();
        day_values.extend(days_value(0, day("1987-03-10"), day("1987-03-10")));
        PassageMentions {
            entities: entity_values,
            days: day_values,
        }
    }

    /// The filter `spec` as a search applies it without other names for it.
    fn matched(spec: &str) -> EntityMatch {
        let filter = EntityFilter::parse(spec).unwrap();
        EntityMatch {
            terms: filter.indexed_terms(),
            exclude: filter.exclude,
        }
    }

    #[test]
    fn entities_must_all_be_there_and_the_excluded_absent() {
        let altman = matched("PER:Sam Altman");
        let untyped = matched("anthropic");
        let excluded = matched("-ORG:OpenAI");
        let filter = PassageFilter::new(&[altman, untyped, excluded], None).unwrap();
        assert!(filter.passes(&mentions(&["PER:Sam Altman", "ORG:Anthropic"], &[]), 1));
        assert!(!filter.passes(&mentions(&["PER:Sam Altman"], &[]), 1));
        assert!(!filter.passes(
            &mentions(&["PER:Sam Altman", "ORG:Anthropic", "ORG:OpenAI"], &[]),
            1
        ));
        // The type must match when the filter names one.
        assert!(!filter.passes(&mentions(&["ORG:Sam Altman", "ORG:Anthropic"], &[]), 1));
        // Another passage's entities do not count.
        assert!(!filter.passes(&mentions(&["PER:Sam Altman", "ORG:Anthropic"], &[]), 2));
        assert!(PassageFilter::new(&[], None).is_none());
    }

    #[test]
    fn any_of_an_entity_s_names_will_do() {
        let reagan = EntityMatch {
            terms: vec!["per:reagan".into(), "per:ronald reagan".into()],
            exclude: false,
        };
        let filter = PassageFilter::new(&[reagan], None).unwrap();
        assert!(filter.passes(&mentions(&["PER:Ronald Reagan"], &[]), 1));
        assert!(filter.passes(&mentions(&["PER:Reagan"], &[]), 1));
        assert!(!filter.passes(&mentions(&["PER:Nancy Reagan"], &[]), 1));
        assert!(!filter.passes(&mentions(&["ORG:Reagan"], &[]), 1));
    }

    #[test]
    fn a_mentioned_span_must_lie_within_the_period() {
        let march = MentionPeriod::parse("1987-03").unwrap();
        let filter = PassageFilter::new(&[], Some(march)).unwrap();
        assert!(filter.passes(&mentions(&[], &[("1987-03-03", "1987-03-03")]), 1));
        assert!(filter.passes(
            &mentions(
                &[],
                &[("1986-01-01", "1986-12-31"), ("1987-03-01", "1987-03-31")]
            ),
            1
        ));
        assert!(!filter.passes(&mentions(&[], &[("1987-01-01", "1987-12-31")]), 1));
        // Passage 0's day in March is not passage 1's.
        assert!(!filter.passes(&mentions(&[], &[]), 1));
        assert!(filter.passes(&mentions(&[], &[]), 0));
    }
}
