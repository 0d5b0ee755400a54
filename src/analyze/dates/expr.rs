//! What a matched phrase means before it is anchored: the bridge between the
//! pattern files (`absolute`, `relative`) and `anchor`, which turns an
//! [`Expr`] into a TIMEX3 value against the publication date.
//!
//! A [`Rule`] pairs one precompiled regular expression with the function that
//! reads its captures into an `Expr`.

use jiff::civil::Weekday;
use regex::{Captures, Regex};
use std::sync::OnceLock;

use super::lexicon::Unit;
use super::timex::{Reference, Season, TimexValue};

/// Which way a relative expression points when its words say so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shift {
    /// No direction word: the tense of the sentence decides.
    Auto,
    /// "last", "past", "previous".
    Last,
    /// "this", "current".
    This,
    /// "next", "coming".
    Next,
}

/// A named day whose date depends on the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Holiday {
    /// A fixed month and day (Christmas, New Year's Day, Independence Day…).
    Fixed(i8, i8),
    /// The nth (negative: from the end) weekday of a month (Labor Day, Memorial Day).
    Nth(i8, i8, Weekday),
    /// The day after the nth weekday of a month: the U.S. Election Day, the
    /// Tuesday after the first Monday of November.
    DayAfterNth(i8, i8, Weekday),
}

/// The meaning of a matched phrase.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Expr {
    /// Needs no anchor: "March 3, 1987", "1987", "the 1990s".
    Fixed(TimexValue),
    /// A month and day without a year: "Mar. 3".
    MonthDay { month: i8, day: i8 },
    /// A month without a year: "March", "last April", "April last year".
    Month {
        month: i8,
        shift: Shift,
        year_offset: Option<i32>,
    },
    /// A weekday: "Saturday", "last Friday"; `past` when the words place it
    /// on or before the anchor whatever the tense ("Wednesday's ruling");
    /// `days` moves the day found ("the day before Tuesday's hearing": -1).
    Weekday {
        weekday: Weekday,
        shift: Shift,
        past: bool,
        days: i8,
    },
    /// "the week of March 6": the ISO week holding that day (the year, when
    /// not given, chosen as for [`Expr::MonthDay`]).
    WeekOf {
        month: i8,
        day: i8,
        year: Option<i16>,
    },
    /// "the previous Friday" (-1), "the following Monday" (1): the weekday
    /// before or after the story's last mentioned day (else the anchor).
    WeekdayFromLast { weekday: Weekday, direction: i32 },
    /// A day counted from the anchor: today (0), yesterday (-1), tomorrow (1).
    DayOffset(i32),
    /// The unit containing the anchor, shifted: "last week" (-1), "this year" (0).
    UnitOffset { unit: Unit, n: i32 },
    /// "in five years": after a future tense ("would be redeemed in five
    /// years") the date that many units after the anchor, as [`Expr::Ago`];
    /// otherwise a length of time ("the smallest gain in a year").
    Within { unit: Unit, n: i32 },
    /// A count of units before or after the anchor: "two years ago" (-2).
    Ago { unit: Unit, n: i32 },
    /// A quarter: "the third quarter", "the third quarter of 1990".
    Quarter {
        quarter: i8,
        year: Option<i16>,
        year_offset: i32,
    },
    /// A half year: "the first half".
    Half {
        half: i8,
        year: Option<i16>,
        year_offset: i32,
    },
    /// A season: "last fall", "this summer", "the winter of 1994".
    Season {
        season: Season,
        year: Option<i16>,
        shift: Shift,
    },
    /// A weekend: "the weekend", "last weekend".
    Weekend(Shift),
    /// A holiday: "Thanksgiving", "Christmas".
    Holiday { holiday: Holiday, shift: Shift },
    /// The reporting period a business story is about: "the quarter",
    /// "the latest period" — the last quarter mentioned, else the last
    /// finished one; `years` shifts it ("the year-ago quarter": -1).
    ReportingQuarter { years: i32 },
    /// "the quarter ended July 31": the calendar quarter holding the middle of
    /// the three months that end on that day (the day's year chosen as for a
    /// past [`Expr::MonthDay`]), unless the story has already named its
    /// quarter ("the fiscal first quarter").
    QuarterEnded { month: i8, day: i8 },
    /// "this quarter": in a story that reports on a finished quarter of the
    /// anchor's year, that quarter ("This quarter's loss includes..."); else,
    /// or when the tense looks ahead, the quarter holding the anchor.
    ThisQuarter,
    /// "the 1988 quarter", "the 1989 period": the reporting quarter in that year.
    ReportingQuarterIn(i16),
    /// "the following year", "that year": the period of the last mention,
    /// moved by `n` of `unit`.
    Following { unit: Unit, n: i32 },
    /// "a year ago", "a year earlier": the same period a year before — a
    /// quarter when the story is about one, else the year.
    YearBefore,
    /// `PAST_REF`, `PRESENT_REF`, `FUTURE_REF`.
    Ref(Reference),
    /// The century containing the anchor, shifted: "this century" (0).
    CenturyOffset(i32),
    /// A duration, reported with type DURATION.
    Duration(String),
    /// A recurrence, reported with type SET.
    Set(String),
}

/// Reads a match into its meaning, or rejects it.
pub(super) type Builder = fn(&Captures) -> Option<Expr>;

/// Tells from the text just before a match (up to [`CONTEXT_BYTES`]) and the mention itself that
/// it is not a mention.
pub(super) type ContextCheck = fn(before: &str, mention: &str) -> bool;

/// How much text before a match a [`ContextCheck`] sees.
pub(super) const CONTEXT_BYTES: usize = 64;

/// One pattern and the reader of its matches.
pub(super) struct Rule {
    /// The pattern, with ASCII word boundaries (see [`compile`]).
    pub(super) pattern: String,
    /// The pattern compiled, on first use: the rule set finds which rules match, and a run over a
    /// few articles needs few of them (compiling them all was some 15 ms of every `lede index`).
    re: OnceLock<Option<Regex>>,
    /// Reads a match into its meaning, or rejects it.
    pub(super) build: Builder,
    /// Rejects a match by the text before it. Context that would otherwise be a pattern's
    /// optional prefix ("the worst drought in 26 years") is checked here: a prefix of bounded
    /// length over any characters multiplies the states of the rule set's automaton, which
    /// then spends its time being rebuilt.
    pub(super) reject_after: Option<ContextCheck>,
}

impl Rule {
    /// A rule; its pattern is compiled on first use. The patterns are constants, so a pattern
    /// that does not compile is a bug caught by the tests (`regex` is then `None` and the rule
    /// finds nothing rather than panicking).
    pub(super) fn new(pattern: &str, build: Builder) -> Rule {
        Rule {
            pattern: ascii_boundaries(pattern),
            re: OnceLock::new(),
            build,
            reject_after: None,
        }
    }

    /// The compiled pattern.
    pub(super) fn regex(&self) -> Option<&Regex> {
        self.re
            .get_or_init(|| match Regex::new(&self.pattern) {
                Ok(re) => Some(re),
                Err(err) => {
                    debug_assert!(false, "bad date pattern {}: {err}", self.pattern);
                    None
                }
            })
            .as_ref()
    }
}

impl Rule {
    /// The rule, rejecting the matches after which `check` holds.
    pub(super) fn rejecting_after(self, check: ContextCheck) -> Rule {
        Rule {
            reject_after: Some(check),
            ..self
        }
    }
}

/// Compiles a date pattern with ASCII word boundaries.
///
/// A Unicode `\b` stops the regex crate's fast automaton at the first
/// non-ASCII byte (a curly quote or a dash in a news story is enough) and
/// leaves the search to its slow engines; the date words are all ASCII, so
/// an ASCII boundary means the same here.
pub(super) fn compile(pattern: &str) -> Result<Regex, regex::Error> {
    Regex::new(&ascii_boundaries(pattern))
}

/// `pattern` with each `\b` made ASCII (see [`compile`]).
fn ascii_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 32);
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('b') => out.push_str(r"(?-u:\b)"),
            Some(next) => {
                out.push('\\');
                out.push(next);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// The text of a named capture group, if it took part in the match.
pub(super) fn group<'t>(caps: &Captures<'t>, name: &str) -> Option<&'t str> {
    caps.name(name).map(|m| m.as_str())
}

/// The shift a direction word names.
pub(super) fn shift(word: Option<&str>) -> Shift {
    match word.map(|w| w.to_ascii_lowercase()) {
        None => Shift::Auto,
        Some(w) => {
            let w = w.split_whitespace().collect::<Vec<_>>().join(" ");
            match w.as_str() {
                "last" | "past" | "previous" | "the last" | "the past" | "the previous"
                | "this past" | "late last" | "early last" => Shift::Last,
                "next" | "coming" | "this coming" | "the coming" | "the next" | "early next"
                | "late next" => Shift::Next,
                "this" | "current" | "the current" | "earlier this" | "later this"
                | "early this" | "late this" => Shift::This,
                _ => Shift::Auto,
            }
        }
    }
}
