//! Filters a search can carry besides its date bounds: entities (`--entity PER:"Sam Altman"`,
//! `entity:"Sam Altman"` in query text) and mentioned periods (`--mentions 1987-03`).

use super::{short_forms, surnames};
use crate::analyze::annotate::{entity_term, typed_term};
use crate::analyze::entities::{EntityKind, department_as_written};
use crate::error::{Error, Result};
use crate::index::Index;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use tantivy::Searcher;

/// An entity that hits must mention (or, when `exclude` is set, must not).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityFilter {
    /// Only this type, when given.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<EntityKind>,
    /// The name, matched whole, ignoring case, whitespace and a possessive; a person's also in
    /// its other forms (a surname alone, the full name of the surname's person).
    pub name: String,
    /// Hits must not mention the entity.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub exclude: bool,
}

impl EntityFilter {
    /// Parses `Sam Altman`, `PER:Sam Altman` or `per:"Sam Altman"`; quotes around the name are
    /// dropped. A prefix that is not a type label is part of the name (`Reuters: Markets`). A `-`
    /// in front makes it an exclusion (`-ORG:OpenAI`), a `+` changes nothing.
    pub fn parse(spec: &str) -> Result<EntityFilter> {
        let spec = spec.trim();
        // `-NAME` excludes, `+NAME` includes, as `-entity:`/`+entity:` do in query text.
        let (exclude, spec) = match spec.strip_prefix('-') {
            Some(rest) => (true, rest.trim_start()),
            None => (false, spec.strip_prefix('+').unwrap_or(spec).trim_start()),
        };
        let (kind, name) = match spec.split_once(':') {
            Some((label, rest)) => match EntityKind::from_label(&label.trim().to_uppercase()) {
                Some(kind) => (Some(kind), rest),
                None => (None, spec),
            },
            None => (None, spec),
        };
        let name = name.trim().trim_matches('"').trim();
        if name.is_empty() {
            return Err(Error::BadRequest(format!(
                "empty entity name in {spec:?}: expected NAME or TYPE:NAME (TYPE is PER, ORG, LOC or MISC)"
            )));
        }
        Ok(EntityFilter {
            kind,
            name: name.to_string(),
            exclude,
        })
    }

    /// The filter's term: the name normalised as indexed, with its type when it has one
    /// (`per:sam altman`, or `sam altman` for any type).
    pub fn term(&self) -> String {
        entity_term(self.kind, &self.name)
    }

    /// The indexed terms any of which an article must hold to match: the term itself, and
    /// without a type the name under each type too (`per:sam altman`, `org:sam altman`, …).
    /// Entities are indexed with their type only, so an untyped name (`sam altman`) matches
    /// through those; one that reads as a typed term (`per:sam altman`) matches as itself.
    pub fn indexed_terms(&self) -> Vec<String> {
        let term = self.term();
        if self.kind.is_some() {
            return vec![term];
        }
        let typed = EntityKind::ALL.iter().map(|&kind| typed_term(kind, &term));
        std::iter::once(term.clone()).chain(typed).collect()
    }
}

/// The indexed entity terms any of which an article must hold to match `filter`: its own
/// ([`EntityFilter::indexed_terms`]), the order a department was written in before names were
/// put in one order (an index analysed before that holds it), the short forms of a name or the
/// name they stand for ([`short_forms`]), and a person's other name ([`surnames`]).
pub(crate) fn matching_terms(
    index: &Index,
    searcher: &Searcher,
    filter: &EntityFilter,
) -> Vec<String> {
    let mut terms = filter.indexed_terms();
    let former: Vec<String> = terms
        .iter()
        .filter_map(|term| department_as_written(term))
        .collect();
    terms.extend(former);
    let untyped = entity_term(None, &filter.name);
    let written = short_forms::WrittenLookup::new(searcher, index.fields.entity);
    let mut gained = short_forms::other_forms(&written, filter.kind, &untyped);
    if filter
        .kind
        .is_none_or(|kind| kind == EntityKind::Organization)
    {
        // A company's names by its designators, for the name and the names it is a written
        // short form of, each with its own written short forms (`Moody's` for the `Moody's
        // Investors Service Inc` that `Moody's Investors Service` stands for); not for a form
        // the written short forms decide for (`Bankers Trust`, which articles write for the
        // `Bankers Trust New York Corp`, is not the `Bankers Trust Co`'s), as the listing counts.
        let own = typed_term(EntityKind::Organization, &untyped);
        let mut names = written.long_of(&own);
        if !written.decides(&own) {
            names.push(own);
        }
        for name in names {
            for form in short_forms::company_forms(searcher, index.fields.entity, &name) {
                if written.decides(&form) {
                    continue;
                }
                gained.extend(written.other_forms(&form));
                gained.push(form);
            }
        }
    }
    gained.sort_unstable();
    gained.dedup();
    gained.retain(|term| !terms.contains(term));
    terms.extend(gained);
    terms.extend(surnames::person_forms(index, searcher, filter));
    terms
}

/// An entity filter as a search applies it: the indexed terms any of which an article (and a
/// passage shown) must hold, or, excluded, none of (see [`matching_terms`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct EntityMatch {
    /// The entity terms, typed (`per:ronald reagan`) or not (`reagan`).
    pub terms: Vec<String>,
    /// Hits must not mention the entity.
    pub exclude: bool,
}

/// An inclusive period of days: hits mention a date whose whole span lies within it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentionPeriod {
    /// First day.
    pub first: Date,
    /// Last day.
    pub last: Date,
}

impl MentionPeriod {
    /// Parses `1987`, `1987-03`, `1987-03-03` (the whole year, month or day) or `FROM..TO` with
    /// either form at each end (`1987-03-01..1987-04-15`, `1987..1988-06`); an open end (`..1987`)
    /// is unbounded.
    pub fn parse(spec: &str) -> Result<MentionPeriod> {
        let spec = spec.trim();
        let (from, to) = spec.split_once("..").unwrap_or((spec, spec));
        let first = match from.trim() {
            "" => Date::MIN,
            from => calendar_period(from)?.0,
        };
        let last = match to.trim() {
            "" => Date::MAX,
            to => calendar_period(to)?.1,
        };
        if first > last {
            return Err(Error::BadRequest(format!(
                "empty period {spec:?}: it ends before it starts"
            )));
        }
        Ok(MentionPeriod { first, last })
    }
}

/// The first and last day of `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
pub fn calendar_period(value: &str) -> Result<(Date, Date)> {
    let bad = || {
        Error::BadRequest(format!(
            "invalid period {value:?}: expected YYYY, YYYY-MM or YYYY-MM-DD"
        ))
    };
    let number = |s: &str, len: usize| -> Result<i16> {
        if s.len() == len && s.bytes().all(|b| b.is_ascii_digit()) {
            s.parse().map_err(|_| bad())
        } else {
            Err(bad())
        }
    };
    let parts: Vec<&str> = value.split('-').collect();
    // The last day named outright, not as the next period's eve, which would not exist for
    // the calendar's last year.
    match parts.as_slice() {
        [y] => {
            let year = number(y, 4)?;
            let first = Date::new(year, 1, 1).map_err(|_| bad())?;
            let last = Date::new(year, 12, 31).map_err(|_| bad())?;
            Ok((first, last))
        }
        [y, m] => {
            let first = Date::new(number(y, 4)?, number(m, 2)? as i8, 1).map_err(|_| bad())?;
            Ok((first, first.last_of_month()))
        }
        [y, m, d] => {
            let day = Date::new(number(y, 4)?, number(m, 2)? as i8, number(d, 2)? as i8)
                .map_err(|_| bad())?;
            Ok((day, day))
        }
        _ => Err(bad()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn entity_filters_parse_type_and_name() {
        let f = EntityFilter::parse("PER:\"Sam Altman\"").unwrap();
        assert_eq!(
            (f.kind, f.name.as_str()),
            (Some(EntityKind::Person), "Sam Altman")
        );
        assert_eq!(f.term(), "per:sam altman");
        let f = EntityFilter::parse("org:OpenAI's").unwrap();
        assert_eq!(f.term(), "org:openai");
        let f = EntityFilter::parse("Sam  Altman").unwrap();
        assert_eq!((f.kind, f.term().as_str()), (None, "sam altman"));
        let f = EntityFilter::parse("Reuters: Markets").unwrap();
        assert_eq!(f.kind, None);
        assert!(EntityFilter::parse("PER:").is_err());
        assert!(EntityFilter::parse("  ").is_err());
        // A sign in front excludes or includes, as in query text.
        let f = EntityFilter::parse("-LOC:Japan").unwrap();
        assert_eq!(
            (f.kind, f.term().as_str(), f.exclude),
            (Some(EntityKind::Location), "loc:japan", true)
        );
        assert_eq!(f.indexed_terms(), ["loc:japan"]);
        let f = EntityFilter::parse("+ Sam Altman").unwrap();
        assert_eq!(
            f.indexed_terms(),
            [
                "sam altman",
                "per:sam altman",
                "org:sam altman",
                "loc:sam altman",
                "misc:sam altman"
            ]
        );
        assert_eq!((f.term().as_str(), f.exclude), ("sam altman", false));
        assert!(!EntityFilter::parse("Sam Altman").unwrap().exclude);
        assert!(EntityFilter::parse("-").is_err());
    }

    #[test]
    fn periods_cover_whole_calendar_units() {
        let p = MentionPeriod::parse("1987-03").unwrap();
        assert_eq!((p.first, p.last), (date(1987, 3, 1), date(1987, 3, 31)));
        let p = MentionPeriod::parse("2028-02").unwrap();
        assert_eq!(p.last, date(2028, 2, 29));
        let p = MentionPeriod::parse("1987-03-01..1987-04-15").unwrap();
        assert_eq!((p.first, p.last), (date(1987, 3, 1), date(1987, 4, 15)));
        let p = MentionPeriod::parse("1987..1988-06").unwrap();
        assert_eq!((p.first, p.last), (date(1987, 1, 1), date(1988, 6, 30)));
        let p = MentionPeriod::parse("..1987").unwrap();
        assert_eq!((p.first, p.last), (Date::MIN, date(1987, 12, 31)));
        for bad in ["87", "1987-13", "March", "1988..1987", "2023-02-29"] {
            assert!(MentionPeriod::parse(bad).is_err(), "{bad}");
        }
    }
}
