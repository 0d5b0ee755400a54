//! Requests given as named text parameters, as a URL query string carries them
//! (`q=cocoa&since=1987-03&entity=ORG:Reuters&entity=LOC:Bahia`): turned into the library's typed
//! requests once, here, so that every front end reads them the same way. Each value goes through the
//! parser the command line uses ([`parse_date_bound`], [`EntityFilter::parse`],
//! [`MentionPeriod::parse`]); a bad one is an [`Error::BadRequest`] that names the parameter.

use super::entity_counts::EntityCountOptions;
use super::facets::FacetField;
use super::filters::{EntityFilter, MentionPeriod};
use super::request::{BoundKind, SearchRequest, SortOrder, check_bounds, parse_date_bound};
use super::timeline::{Interval, TimelineBasis};
use crate::analyze::entities::EntityKind;
use crate::error::{Error, Result};

/// The most hits one page may ask for.
pub const MAX_LIMIT: usize = 100;
/// The deepest page start: paging stays cheap (the ranking collects `offset + limit` articles).
pub const MAX_OFFSET: usize = 10_000;
/// The most entities one count may list.
pub const MAX_ENTITIES: usize = 1000;

/// The parameters of a search page: the query, filters, paging and order.
pub const SEARCH_PARAMS: &[&str] = &[
    "q", "like", "limit", "offset", "since", "until", "entity", "mentions", "sort", "collapse",
    "explain",
];
/// The parameters of an entity count: the query, filters, `type`, `with` and `limit`.
pub const ENTITY_PARAMS: &[&str] = &[
    "q", "like", "type", "with", "limit", "since", "until", "entity", "mentions",
];
/// The parameters of a field's value count: the query, filters, `field` and `limit`.
pub const FACET_PARAMS: &[&str] = &[
    "q", "like", "field", "limit", "since", "until", "entity", "mentions",
];
/// The parameters of a timeline: the query, filters, `by` and `mentions` (a flag here: place
/// articles by the dates they mention).
pub const TIMELINE_PARAMS: &[&str] = &["q", "like", "by", "mentions", "since", "until", "entity"];

/// Named text parameters, in the order given; `entity` may repeat, the others may not.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Params {
    pairs: Vec<(String, String)>,
}

impl Params {
    /// Parameters from name–value pairs (already percent-decoded).
    pub fn new(pairs: impl IntoIterator<Item = (String, String)>) -> Params {
        Params {
            pairs: pairs.into_iter().collect(),
        }
    }

    /// Checks that every name is one of `known` and that only `entity` repeats.
    pub fn check(&self, known: &[&str]) -> Result<()> {
        for (i, (name, _)) in self.pairs.iter().enumerate() {
            if !known.contains(&name.as_str()) {
                return Err(Error::BadRequest(format!(
                    "unknown parameter {name:?}: expected one of {}",
                    known.join(", ")
                )));
            }
            if name != "entity" && self.pairs[..i].iter().any(|(n, _)| n == name) {
                return Err(Error::BadRequest(format!(
                    "parameter {name:?} given more than once"
                )));
            }
        }
        Ok(())
    }

    /// The value of `name`, when given and not blank.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(n, v)| n == name && !v.trim().is_empty())
            .map(|(_, v)| v.as_str())
    }

    /// Every non-blank value of `name`, in order.
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.pairs
            .iter()
            .filter(move |(n, v)| n == name && !v.trim().is_empty())
            .map(|(_, v)| v.as_str())
    }

    /// A whole number from 0 to `max`, or `default` when not given.
    pub fn number(&self, name: &str, default: usize, max: usize) -> Result<usize> {
        let Some(value) = self.get(name) else {
            return Ok(default);
        };
        match value.trim().parse::<usize>() {
            Ok(n) if n <= max => Ok(n),
            _ => Err(Error::BadRequest(format!(
                "{name}: expected a whole number from 0 to {max}, got {value:?}"
            ))),
        }
    }

    /// A yes/no flag: `true`/`false`, `1`/`0`, `yes`/`no`, `on`/`off`; false when not given.
    pub fn flag(&self, name: &str) -> Result<bool> {
        match self
            .get(name)
            .map(|v| v.trim().to_ascii_lowercase())
            .as_deref()
        {
            None | Some("false" | "0" | "no" | "off") => Ok(false),
            Some("true" | "1" | "yes" | "on") => Ok(true),
            Some(other) => Err(Error::BadRequest(format!(
                "{name}: expected true or false, got {other:?}"
            ))),
        }
    }

    /// The query (`q`, every article when absent, or `like`: the id of an article whose key words
    /// are the query) and the filters: `since`, `until`, `entity` (repeatable) and, when
    /// `with_mentions`, `mentions` as a period. Paging and order keep their defaults.
    pub fn filtered_request(&self, with_mentions: bool) -> Result<SearchRequest> {
        let mut request = SearchRequest::new(self.get("q").unwrap_or_default());
        request.like = self.get("like").map(|id| id.trim().to_string());
        request.since = self
            .get("since")
            .map(|v| parse_date_bound(v, BoundKind::Since))
            .transpose()
            .map_err(named("since"))?;
        request.until = self
            .get("until")
            .map(|v| parse_date_bound(v, BoundKind::Until))
            .transpose()
            .map_err(named("until"))?;
        check_bounds(request.since, request.until).map_err(named("since, until"))?;
        for spec in self.all("entity") {
            let filter = EntityFilter::parse(spec).map_err(named("entity"))?;
            request.entities.push(filter);
        }
        if with_mentions {
            request.mentions = self
                .get("mentions")
                .map(MentionPeriod::parse)
                .transpose()
                .map_err(named("mentions"))?;
        }
        Ok(request)
    }

    /// A search page from [`SEARCH_PARAMS`]: the filters, `limit` (10, at most [`MAX_LIMIT`]),
    /// `offset` (at most [`MAX_OFFSET`]), `sort` (`relevance`, `date` or `newest`, `oldest`) and `collapse` (a flag).
    pub fn search_request(&self) -> Result<SearchRequest> {
        self.check(SEARCH_PARAMS)?;
        let mut request = self.filtered_request(true)?;
        request.limit = self.number("limit", request.limit, MAX_LIMIT)?;
        request.offset = self.number("offset", 0, MAX_OFFSET)?;
        request.collapse = self.flag("collapse")?;
        request.explain = self.flag("explain")?;
        request.sort = match self.get("sort").map(str::trim) {
            None | Some("relevance") => SortOrder::Relevance,
            Some("date" | "newest") => SortOrder::Date,
            Some("oldest") => SortOrder::Oldest,
            Some(other) => {
                return Err(Error::BadRequest(format!(
                    "sort: expected relevance, date (newest) or oldest, got {other:?}"
                )));
            }
        };
        Ok(request)
    }

    /// An entity count from [`ENTITY_PARAMS`]: the filters, `type` (PER, ORG, LOC or MISC), `with`
    /// (`[TYPE:]NAME`) and `limit` (20, at most [`MAX_ENTITIES`]).
    pub fn entity_request(&self) -> Result<(SearchRequest, EntityCountOptions)> {
        self.check(ENTITY_PARAMS)?;
        let request = self.filtered_request(true)?;
        let kind = self
            .get("type")
            .map(|label| {
                EntityKind::from_label(&label.trim().to_ascii_uppercase()).ok_or_else(|| {
                    Error::BadRequest(format!(
                        "type: expected PER, ORG, LOC or MISC, got {label:?}"
                    ))
                })
            })
            .transpose()?;
        let with = self
            .get("with")
            .map(EntityFilter::parse)
            .transpose()
            .map_err(named("with"))?;
        let limit = self.number("limit", 20, MAX_ENTITIES)?;
        Ok((request, EntityCountOptions { kind, with, limit }))
    }

    /// A field's value count from [`FACET_PARAMS`]: the filters, `field` (`source`, the
    /// default, or `tags`) and `limit` (20, at most [`MAX_ENTITIES`]).
    pub fn facet_request(&self) -> Result<(SearchRequest, FacetField, usize)> {
        self.check(FACET_PARAMS)?;
        let request = self.filtered_request(true)?;
        let field = self
            .get("field")
            .map_or(Ok(FacetField::Source), FacetField::parse)?;
        let limit = self.number("limit", 20, MAX_ENTITIES)?;
        Ok((request, field, limit))
    }

    /// A timeline from [`TIMELINE_PARAMS`]: the filters, `by` (`day`, `week`, `month` (the
    /// default) or `year`) and `mentions` (a flag: by mentioned dates instead of publication).
    pub fn timeline_request(&self) -> Result<(SearchRequest, Interval, TimelineBasis)> {
        self.check(TIMELINE_PARAMS)?;
        let request = self.filtered_request(false)?;
        let by = match self.get("by").map(str::trim) {
            None | Some("month") => Interval::Month,
            Some("day") => Interval::Day,
            Some("week") => Interval::Week,
            Some("year") => Interval::Year,
            Some(other) => {
                return Err(Error::BadRequest(format!(
                    "by: expected day, week, month or year, got {other:?}"
                )));
            }
        };
        let basis = if self.flag("mentions")? {
            TimelineBasis::Mentions
        } else {
            TimelineBasis::Published
        };
        Ok((request, by, basis))
    }
}

/// Prefixes an error's message with the parameter it came from.
fn named(name: &'static str) -> impl Fn(Error) -> Error {
    move |error| Error::BadRequest(format!("{name}: {error}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(pairs: &[(&str, &str)]) -> Params {
        Params::new(pairs.iter().map(|(n, v)| (n.to_string(), v.to_string())))
    }

    fn error(result: Result<impl std::fmt::Debug>) -> String {
        match result {
            Err(Error::BadRequest(message)) => message,
            other => panic!("expected a bad request, got {other:?}"),
        }
    }

    #[test]
    fn a_search_page_reads_every_parameter() {
        let request = params(&[
            ("q", "cocoa"),
            ("limit", "5"),
            ("offset", "10"),
            ("since", "1987-03"),
            ("until", "1987"),
            ("entity", "LOC:Bahia"),
            ("entity", "ORG:\"Reuters\""),
            ("mentions", "1987-03..1987-04"),
            ("sort", "date"),
        ])
        .search_request()
        .unwrap();
        assert_eq!(request.query, "cocoa");
        assert_eq!((request.limit, request.offset), (5, 10));
        assert_eq!(request.since.unwrap().to_string(), "1987-03-01T00:00:00Z");
        assert_eq!(request.until.unwrap().to_string(), "1988-01-01T00:00:00Z");
        let terms: Vec<String> = request.entities.iter().map(EntityFilter::term).collect();
        assert_eq!(terms, ["loc:bahia", "org:reuters"]);
        assert_eq!(request.mentions.unwrap().last.to_string(), "1987-04-30");
        assert_eq!(request.sort, SortOrder::Date);
    }

    #[test]
    fn a_period_that_ends_before_it_starts_is_a_bad_request() {
        let result = params(&[("since", "1987-03-05"), ("until", "1987-03-01")]).search_request();
        assert_eq!(
            error(result),
            "since, until: empty period: it ends before it starts"
        );
        let one_day = params(&[("since", "1987-03-05"), ("until", "1987-03-05")]);
        assert!(one_day.search_request().is_ok());
    }

    #[test]
    fn blank_parameters_are_absent() {
        let request = params(&[("q", ""), ("since", " "), ("entity", ""), ("limit", "")])
            .search_request()
            .unwrap();
        assert_eq!(request, SearchRequest::new(""));
    }

    #[test]
    fn bad_values_name_their_parameter() {
        for (pairs, wanted) in [
            (vec![("limit", "-1")], "limit: expected a whole number"),
            (
                vec![("limit", "101")],
                "limit: expected a whole number from 0 to 100",
            ),
            (vec![("offset", "1e9")], "offset: expected a whole number"),
            (vec![("since", "March")], "since: invalid date \"March\""),
            (vec![("until", "1987-13")], "until: invalid date"),
            (vec![("entity", "PER:")], "entity: empty entity name"),
            (vec![("mentions", "1988..1987")], "mentions: empty period"),
            (
                vec![("sort", "score")],
                "sort: expected relevance, date (newest) or oldest",
            ),
            (vec![("qq", "x")], "unknown parameter \"qq\""),
            (
                vec![("q", "a"), ("q", "b")],
                "parameter \"q\" given more than once",
            ),
        ] {
            let message = error(params(&pairs).search_request());
            assert!(message.starts_with(wanted), "{pairs:?}: {message}");
        }
    }

    #[test]
    fn entity_counts_and_timelines_read_their_own_parameters() {
        let (request, options) = params(&[("q", "budget"), ("type", "per"), ("with", "Merkel")])
            .entity_request()
            .unwrap();
        assert_eq!(request.query, "budget");
        assert_eq!(options.kind, Some(EntityKind::Person));
        assert_eq!(options.with.unwrap().name, "Merkel");
        assert_eq!(options.limit, 20);
        assert!(error(params(&[("type", "PERSON")]).entity_request()).starts_with("type:"));
        assert!(error(params(&[("sort", "date")]).entity_request()).starts_with("unknown"));

        let (_, by, basis) = params(&[("by", "week"), ("mentions", "true")])
            .timeline_request()
            .unwrap();
        assert_eq!((by, basis), (Interval::Week, TimelineBasis::Mentions));
        let (_, by, basis) = params(&[]).timeline_request().unwrap();
        assert_eq!((by, basis), (Interval::Month, TimelineBasis::Published));
        assert!(error(params(&[("by", "hour")]).timeline_request()).starts_with("by:"));
        assert!(error(params(&[("mentions", "1987")]).timeline_request()).starts_with("mentions:"));
    }
}
