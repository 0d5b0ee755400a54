//! `published:` clauses written with calendar dates. tantivy's query parser reads RFC 3339
//! times only, so `published:1987-03` or `published:[1987-03-01 TO 1987-03-15]` were dropped as
//! syntax errors. Each calendar date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) of such a clause is
//! rewritten into the RFC 3339 bound it stands for, taking the date as the whole period, as
//! `--since` and `--until` do: `published:1987-03` is all of March 1987,
//! `published:[1987-03-01 TO 1987-03-15]` runs to the end of the 15th, `published:>1987`
//! starts in 1988. RFC 3339 times and `*` are left as they are, except an instant alone
//! (`published:1987-03-02T09:30:00Z`, quoted or not), which becomes the range that holds it: the
//! publication time is a fast column, which ranges read, not terms a term query looks up.

use super::filters::calendar_period;
use super::request::{BoundKind, parse_date_bound};
use crate::index::published_date::within_span;
use regex::{Captures, Regex};
use std::sync::OnceLock;

/// A calendar date as the clauses take one.
const CALENDAR: &str = r"\d{4}(?:-\d{2}){0,2}";

/// What may be an RFC 3339 time (a date, `T` and the rest up to a space, a bracket or a quote).
const INSTANT: &str = r#"\d{4}-\d{2}-\d{2}T[^\s()\[\]{}"]+"#;

fn clause_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            r#"\bpublished:(?:(?P<open>[\[{{])\s*(?P<low>\S+)\s+TO\s+(?P<high>[^\s\]}}]+)\s*(?P<close>[\]}}])|(?P<op>>=|<=|>|<)(?P<bound>{CALENDAR})(?P<after_bound>[\s)]|$)|(?P<day>{CALENDAR})(?P<after_day>[\s)]|$)|"?(?P<instant>{INSTANT})"?(?P<after_instant>[\s)]|$))"#
        ))
        .expect("valid regex")
    })
}

/// The RFC 3339 text of a calendar date's first instant (`Since`) or of the instant after it
/// (`Until`), kept within the dates the index holds; `None` for anything else.
fn bound(value: &str, kind: BoundKind) -> Option<String> {
    // Calendar dates only: an RFC 3339 time, which `parse_date_bound` takes too, stays as it is.
    calendar_period(value).ok()?;
    let time = parse_date_bound(value, kind).ok()?;
    Some(within_span(time).to_string())
}

/// One clause rewritten; `None` leaves it as written (a malformed date the parser will report).
fn rewrite(caps: &Captures, warnings: &mut Vec<String>) -> Option<String> {
    if let Some(day) = caps.name("day") {
        let (since, until) = (
            bound(day.as_str(), BoundKind::Since)?,
            bound(day.as_str(), BoundKind::Until)?,
        );
        let after = &caps["after_day"];
        return Some(format!("published:[{since} TO {until}}}{after}"));
    }
    if let Some(instant) = caps.name("instant") {
        let instant = instant.as_str();
        instant.parse::<jiff::Timestamp>().ok()?;
        let after = &caps["after_instant"];
        return Some(format!("published:[{instant} TO {instant}]{after}"));
    }
    if let (Some(op), Some(value)) = (caps.name("op"), caps.name("bound")) {
        let value = value.as_str();
        let (op, time) = match op.as_str() {
            ">=" => (">=", bound(value, BoundKind::Since)?),
            ">" => (">=", bound(value, BoundKind::Until)?),
            "<=" => ("<", bound(value, BoundKind::Until)?),
            _ => ("<", bound(value, BoundKind::Since)?),
        };
        return Some(format!("published:{op}{time}{}", &caps["after_bound"]));
    }
    let (low, high) = (&caps["low"], &caps["high"]);
    // `[A` starts with A's period, `{A` after it; `B]` ends with B's period, `B}` before it.
    let (open, low) = match (&caps["open"], bound(low, BoundKind::Since)) {
        (open, None) => (open, low.to_string()),
        ("{", Some(_)) => ("[", bound(low, BoundKind::Until)?),
        (_, Some(since)) => ("[", since),
    };
    let (high, close) = match (&caps["close"], bound(high, BoundKind::Since)) {
        (close, None) => (high.to_string(), close),
        ("]", Some(_)) => (bound(high, BoundKind::Until)?, "}"),
        (_, Some(since)) => (since, "}"),
    };
    if is_empty_range(open, &low, &high, close) {
        warnings.push(format!(
            "{} matches no date: its start is not before its end",
            &caps[0]
        ));
    }
    Some(format!("published:{open}{low} TO {high}{close}"))
}

/// Whether a range of RFC 3339 bounds holds no instant (`*` and malformed bounds are not judged:
/// the parser reports the latter).
fn is_empty_range(open: &str, low: &str, high: &str, close: &str) -> bool {
    let (Ok(low), Ok(high)) = (
        low.parse::<jiff::Timestamp>(),
        high.parse::<jiff::Timestamp>(),
    ) else {
        return false;
    };
    low > high || (low == high && (open == "{" || close == "}"))
}

/// Rewrites the `published:` clauses of full-syntax query text that use calendar dates; a range
/// that can match nothing (`published:[2000 TO 1990]`) adds a warning.
pub(crate) fn rewrite_published(text: &str, warnings: &mut Vec<String>) -> String {
    if !text.contains("published:") {
        return text.to_string();
    }
    clause_re()
        .replace_all(text, |caps: &Captures| {
            rewrite(caps, warnings).unwrap_or_else(|| caps[0].to_string())
        })
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text rewritten, with no warning expected.
    fn rewrite(text: &str) -> String {
        let mut warnings = Vec::new();
        let rewritten = rewrite_published(text, &mut warnings);
        assert!(warnings.is_empty(), "{text}: {warnings:?}");
        rewritten
    }

    #[test]
    fn a_range_that_holds_no_date_is_a_warning() {
        for (text, empty) in [
            ("published:[2000 TO 1990]", true),
            ("oil published:{1987 TO 1988}", true),
            (
                "published:[1987-03-02T00:00:00Z TO 1987-03-01T00:00:00Z]",
                true,
            ),
            (
                "published:{1987-03-01T00:00:00Z TO 1987-03-01T00:00:00Z]",
                true,
            ),
            (
                "published:[1987-03-01T00:00:00Z TO 1987-03-01T00:00:00Z]",
                false,
            ),
            ("published:[1987 TO 1987]", false),
            ("published:[1990 TO *]", false),
            ("published:[* TO 1990]", false),
        ] {
            let mut warnings = Vec::new();
            rewrite_published(text, &mut warnings);
            assert_eq!(warnings.len(), usize::from(empty), "{text}: {warnings:?}");
        }
        let mut warnings = Vec::new();
        rewrite_published("published:[2000 TO 1990]", &mut warnings);
        assert_eq!(
            warnings,
            ["published:[2000 TO 1990] matches no date: its start is not before its end"]
        );
    }

    #[test]
    fn calendar_dates_become_the_periods_they_name() {
        for (text, expected) in [
            (
                "oil +published:1987-03",
                "oil +published:[1987-03-01T00:00:00Z TO 1987-04-01T00:00:00Z}",
            ),
            (
                "published:[1987-03-01 TO 1987-03-15]",
                "published:[1987-03-01T00:00:00Z TO 1987-03-16T00:00:00Z}",
            ),
            (
                "published:{1987 TO 1989}",
                "published:[1988-01-01T00:00:00Z TO 1989-01-01T00:00:00Z}",
            ),
            (
                "published:[1987-02 TO *]",
                "published:[1987-02-01T00:00:00Z TO *]",
            ),
            ("published:>1987", "published:>=1988-01-01T00:00:00Z"),
            (
                "(published:1987-03) AND oil",
                "(published:[1987-03-01T00:00:00Z TO 1987-04-01T00:00:00Z}) AND oil",
            ),
            ("published:>=1987", "published:>=1987-01-01T00:00:00Z"),
            ("published:<=1987-03", "published:<1987-04-01T00:00:00Z"),
            ("published:<1987-03", "published:<1987-03-01T00:00:00Z"),
            (
                "-published:1987",
                "-published:[1987-01-01T00:00:00Z TO 1988-01-01T00:00:00Z}",
            ),
            (
                "oil published:1987-03-02T09:30:00Z",
                "oil published:[1987-03-02T09:30:00Z TO 1987-03-02T09:30:00Z]",
            ),
            (
                "published:\"1987-03-02T09:30:00Z\" oil",
                "published:[1987-03-02T09:30:00Z TO 1987-03-02T09:30:00Z] oil",
            ),
            (
                "(published:1987-03-02T09:30:00+01:00)",
                "(published:[1987-03-02T09:30:00+01:00 TO 1987-03-02T09:30:00+01:00])",
            ),
        ] {
            assert_eq!(rewrite(text), expected, "{text}");
        }
    }

    #[test]
    fn times_and_other_text_are_left_as_written() {
        for text in [
            "published:[1987-03-01T00:00:00Z TO 1987-03-02T00:00:00Z}",
            "published:>=1987-03-01T10:00:00Z",
            "published:1987-03-01T25:00:00Z",
            "unpublished:1987 and published 1987",
            "published:1987-13",
            "oil prices",
        ] {
            assert_eq!(rewrite(text), text);
        }
    }

    #[test]
    fn dates_past_what_the_index_holds_are_kept_within_it() {
        assert_eq!(
            rewrite("published:[1500 TO 9999]"),
            "published:[1677-09-21T00:12:44Z TO 2262-04-11T23:47:16Z}"
        );
    }
}
