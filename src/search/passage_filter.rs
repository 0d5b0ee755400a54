//! What a passage must hold when a search filters by entities or by the dates mentioned: the
//! article query already asks its article for them; a passage shown or ranked must also hold them
//! itself. It is checked on the passage's stored record.

use super::filters::{EntityFilter, MentionPeriod};
use crate::analyze::annotate::EntityName;
use crate::index::day_range::{self, day_number};
use crate::index::passage_record::PassageRecord;

/// The entity and mentioned-period filters of a request, as a passage must pass them.
#[derive(Debug, Clone)]
pub(crate) struct PassageFilter {
    entities: Vec<EntityFilter>,
    /// Day numbers, inclusive.
    mentions: Option<(i64, i64)>,
}

impl PassageFilter {
    /// The filter for these entities and period; `None` when there is nothing to check.
    pub fn new(
        entities: &[EntityFilter],
        mentions: Option<MentionPeriod>,
    ) -> Option<PassageFilter> {
        (!entities.is_empty() || mentions.is_some()).then(|| PassageFilter {
            entities: entities.to_vec(),
            mentions: mentions.map(|period| (day_number(period.first), day_number(period.last))),
        })
    }

    /// Whether a passage holds every wanted entity, none of the excluded ones, and (with a period)
    /// a date within the period.
    pub fn passes(&self, record: &PassageRecord) -> bool {
        let terms: Vec<String> = record
            .entities
            .iter()
            .filter_map(|key| EntityName::from_key(key))
            .flat_map(|entity| entity.terms())
            .collect();
        let entities_pass = self.entities.iter().all(|filter| {
            let term = filter.term();
            terms.contains(&term) != filter.exclude
        });
        let mentions_pass = self.mentions.is_none_or(|(first, last)| {
            record
                .days
                .iter()
                .any(|&value| day_range::within(value, first, last))
        });
        entities_pass && mentions_pass
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(entities: &[&str], days: &[(&str, &str)]) -> PassageRecord {
        PassageRecord {
            start: 0,
            end: 1,
            entities: entities.iter().map(|e| e.to_string()).collect(),
            dates: Vec::new(),
            days: days
                .iter()
                .map(|(a, b)| day_range::encode(a.parse().unwrap(), b.parse().unwrap()))
                .collect(),
        }
    }

    #[test]
    fn entities_must_all_be_there_and_the_excluded_absent() {
        let altman = EntityFilter::parse("PER:Sam Altman").unwrap();
        let untyped = EntityFilter::parse("anthropic").unwrap();
        let mut excluded = EntityFilter::parse("ORG:OpenAI").unwrap();
        excluded.exclude = true;
        let filter = PassageFilter::new(&[altman, untyped, excluded], None).unwrap();
        assert!(filter.passes(&record(&["PER:Sam Altman", "ORG:Anthropic"], &[])));
        assert!(!filter.passes(&record(&["PER:Sam Altman"], &[])));
        assert!(!filter.passes(&record(
            &["PER:Sam Altman", "ORG:Anthropic", "ORG:OpenAI"],
            &[]
        )));
        // The type must match when the filter names one.
        assert!(!filter.passes(&record(&["ORG:Sam Altman", "ORG:Anthropic"], &[])));
        assert!(PassageFilter::new(&[], None).is_none());
    }

    #[test]
    fn a_mentioned_span_must_lie_within_the_period() {
        let march = MentionPeriod::parse("1987-03").unwrap();
        let filter = PassageFilter::new(&[], Some(march)).unwrap();
        assert!(filter.passes(&record(&[], &[("1987-03-03", "1987-03-03")])));
        assert!(filter.passes(&record(
            &[],
            &[("1986-01-01", "1986-12-31"), ("1987-03-01", "1987-03-31")]
        )));
        assert!(!filter.passes(&record(&[], &[("1987-01-01", "1987-12-31")])));
        assert!(!filter.passes(&record(&[], &[])));
    }
}
