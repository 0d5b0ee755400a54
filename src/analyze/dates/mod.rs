//! Date expressions: finding them in an article's text and normalising them
//! TIMEX3-style against the publication date.
//!
//! [`extract_dates`] finds absolute dates (`March 3, 1987`, `1987-03-03`,
//! `the 1990s`) and relative ones (`Saturday`, `yesterday`, `last week`,
//! `two years ago`, `the third quarter`), resolving the relative ones against
//! an anchor — normally the publication date, which [`publication_date`]
//! recovers from the text or file name when the metadata has none. Each
//! [`DateMention`] carries its TIMEX3 value and the calendar span it covers.
//!
//! ```
//! use jiff::civil::date;
//! use lede::analyze::dates::extract_dates;
//!
//! // Monday 2 March 2026.
//! let found = extract_dates("The minister resigned on Saturday.", Some(date(2026, 3, 2)));
//! assert_eq!(found[0].value, "2026-02-28");
//! assert_eq!(found[0].range, Some((date(2026, 2, 28), date(2026, 2, 28))));
//! ```
//!
//! How relative values are chosen (rules from grammar and the calendar):
//! - a weekday on the anchor's weekday is the anchor; otherwise the previous
//!   one, or the next when the nearest tense marker is a future one ("will",
//!   "set to", "until"); "last"/"next" force the direction;
//! - a month, or a month and day, without a year takes the nearest instance,
//!   one on the side the tense points away from counting five times as far
//!   (so "Dec. 15" in a story of Nov. 2 is next month, "December" in January
//!   is last month, and a past-tense "January" in late October is this
//!   year's);
//! - "the quarter", "a year earlier" and "the 1988 period" refer to the last
//!   finished quarter the story named as its own (not one brought in with
//!   "a"; a fiscal quarter the story opens on in the past tense counts as
//!   finished), or to the year once the story has moved on to "the nine
//!   months" or "the first half"; "the following year" and "the previous
//!   Friday" refer to its last mentioned date, and "that day" with no
//!   earlier date is no date at all; "the quarter ended July 31" is the
//!   calendar quarter holding the middle of its three months (Q2) unless the
//!   story has named its quarter;
//! - a weekday named as the day of an event ("Wednesday's ruling") is on or
//!   before the anchor; "effective" points ahead and "since" back, and so
//!   does "until" opening a sentence in the past perfect ("Until Thursday,
//!   they had not called him a suspect"); "the day before Tuesday's
//!   hearing" is the Monday;
//! - "this quarter" in a story that reports on a quarter of the year that
//!   has ended is that quarter ("This quarter's loss includes..."), else
//!   the current one;
//! - "in the past", "current", "now", "recently", "at this moment", "in
//!   the short term", "at a later date" are references (`PAST_REF`,
//!   `PRESENT_REF`, `FUTURE_REF`); "the year" is the anchor's year; "the
//!   future of our peoples" is a fate, "the people of tomorrow" no day, and
//!   in "most recently last October" only the date is one;
//! - a clock time next to a day ("5 p.m. EST Nov. 9", "noon Thursday") makes
//!   the mention a TIME (`1989-11-09T17:00`);
//! - "in five years" after a future tense ("would be redeemed in five
//!   years") is the date that far ahead, otherwise (and in records: "the
//!   first time in 40 years") a duration;
//! - durations and recurrences ("the year-earlier nine months", "daily")
//!   are reported with type DURATION and SET and have no range.
//!
//! On the 256 TempEval-3 training documents (`lede extract --dates --jsonl`
//! and `dates_score.py`), DATE mentions score relaxed extraction F1 0.945 and
//! value F1 0.852.
//!
//! One file per concept: `lexicon` (words), `absolute` and `relative`
//! (patterns), `expr` (meaning before anchoring), `scan` (matching), `tense`,
//! `anchor` (resolution), `clock` (times of day), `timex` (TIMEX3 values),
//! `pubdate` (publication date from text).

mod absolute;
mod anchor;
mod clock;
mod expr;
mod lexicon;
mod pubdate;
mod relative;
mod rule_dfa;
mod scan;
mod tense;
mod timex;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

pub use pubdate::{
    DateSource, publication_date, publication_date_with_year, resolve_publication_date,
};
pub use timex::{Reference, Season, TimexParseError, TimexType, TimexValue};

/// A date expression found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateMention {
    /// Byte offset of the first byte of the mention in the text.
    pub start: usize,
    /// Byte offset just past the mention.
    pub end: usize,
    /// The mention as written.
    pub text: String,
    /// The TIMEX3 value: `1987-03-03`, `1987-03`, `1987`, `198`, `1987-W10`,
    /// `1987-Q3`, `1987-SU`, `PAST_REF`, `P2Y`, …
    pub value: String,
    /// The TIMEX3 type.
    pub kind: TimexType,
    /// The inclusive calendar span the mention covers (a day, or the first and
    /// last day of its month, quarter, year…); `None` for references such as
    /// `PAST_REF` and for durations.
    pub range: Option<(Date, Date)>,
}

/// Loads the date rules' prebuilt automaton, which the first scan would otherwise load (see
/// [`crate::analyze::annotate::warm_up`]).
pub(crate) fn warm_up() {
    scan::rule_dfa();
}

/// Finds the date expressions in `text` and normalises them.
///
/// Relative expressions ("Saturday", "last week") are resolved against
/// `anchor`, normally the publication date; without an anchor they are left
/// out, and only expressions that carry their own value (`March 3, 1987`,
/// `1987`, `now`) are returned. Mentions come in text order and never overlap.
pub fn extract_dates(text: &str, anchor: Option<Date>) -> Vec<DateMention> {
    let mut ctx = anchor::Context::default();
    let mut out: Vec<DateMention> = Vec::new();
    for cand in scan::scan(text) {
        let prev_end = out.last().map_or(0, |m| m.end);
        if cand.start < prev_end {
            continue;
        }
        let tense = if anchor::needs_tense(&cand.expr) {
            tense::tense_at(text, cand.start, cand.end)
        } else {
            tense::Tense::Unknown
        };
        let Some(mut value) = anchor::resolve(&cand.expr, anchor, tense, &ctx) else {
            continue;
        };
        let setting = anchor::Setting {
            tense,
            // "a flat second quarter", but not "a third-quarter loss", where
            // the article goes with the noun the quarter qualifies.
            indefinite: indefinite_before(text, cand.start)
                && !text[cand.start..cand.end].contains('-'),
        };
        ctx.note(&cand.expr, &value, anchor, setting);
        let (mut start, mut end) = (cand.start, cand.end);
        // "5 p.m. Tuesday", "noon Thursday": a time on that day.
        if let TimexValue::Day(date) = value
            && let Some((s, e, hour, minute)) = clock::time_next_to(text, prev_end, start, end)
        {
            (start, end) = (s, e);
            value = TimexValue::Time { date, hour, minute };
        }
        out.push(DateMention {
            start,
            end,
            text: text[start..end].to_string(),
            value: value.to_string(),
            kind: value.kind(),
            range: value.range(),
        });
    }
    out
}

/// Whether an indefinite article introduces the mention at `start`, right
/// before it or before one adjective ("a weak second quarter").
fn indefinite_before(text: &str, start: usize) -> bool {
    let mut rest = &text[..start];
    for _ in 0..2 {
        let trimmed = rest.trim_end_matches([' ', '\t', '\n']);
        if trimmed.len() == rest.len() {
            return false;
        }
        // ASCII letters back from the end: always a character boundary.
        let word_start = trimmed
            .bytes()
            .rposition(|b| !b.is_ascii_alphabetic())
            .map_or(0, |i| i + 1);
        let word = &trimmed[word_start..];
        if word.eq_ignore_ascii_case("a") || word.eq_ignore_ascii_case("an") {
            return true;
        }
        if word.is_empty() || !word.bytes().all(|b| b.is_ascii_lowercase()) {
            return false;
        }
        rest = &trimmed[..word_start];
    }
    false
}

#[cfg(test)]
mod tests;
