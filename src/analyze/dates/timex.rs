//! TIMEX3 values: the normalised meaning of a date mention, written the way
//! TimeML writes it (`1987-03-03`, `1987-W10`, `1987-Q3`, `198`, `PAST_REF`, …)
//! and turned into the inclusive calendar span it covers, which the index stores.
//!
//! A [`TimexValue`] is built by the extractor and printed with `Display`; it can
//! also be parsed back from a stored string with `FromStr`, so the index can
//! recover a range from a value it has kept.

use std::fmt;
use std::str::FromStr;

use jiff::civil::{Date, ISOWeekDate, Weekday};
use serde::{Deserialize, Serialize};

/// The TIMEX3 type of a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or period: a day, month, year, week, quarter, season, decade.
    Date,
    /// A time of day.
    Time,
    /// A length of time: `two years`, `the past three months`.
    Duration,
    /// A recurring time: `every week`, `annually`.
    Set,
}

impl TimexType {
    /// The TIMEX3 spelling: `DATE`, `TIME`, `DURATION` or `SET`.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// A season of the year, as TIMEX3 abbreviates it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Season {
    /// `SP`: March to May.
    Spring,
    /// `SU`: June to August.
    Summer,
    /// `FA`: September to November.
    Fall,
    /// `WI`: December to February of the next year.
    Winter,
}

impl Season {
    fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }

    /// The season a month falls in (December counts for the winter that starts in it).
    pub fn of_month(month: i8) -> Season {
        match month {
            3..=5 => Season::Spring,
            6..=8 => Season::Summer,
            9..=11 => Season::Fall,
            _ => Season::Winter,
        }
    }
}

/// A general reference to the past, present or future (`recently`, `now`, `soon`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Reference {
    /// `PAST_REF`
    Past,
    /// `PRESENT_REF`
    Present,
    /// `FUTURE_REF`
    Future,
}

/// A normalised TIMEX3 value: a date or period (type DATE), a time of day
/// on a day (TIME), a duration or a recurrence.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TimexValue {
    /// A day: `1987-03-03`.
    Day(Date),
    /// A time of day on a day: `1987-03-03T17:00` ("5 p.m. Tuesday"), of
    /// type TIME; midnight ending a day is hour 24, as TimeML writes it.
    Time {
        /// The day.
        date: Date,
        /// The hour, 0 to 24.
        hour: i8,
        /// The minute, 0 to 59.
        minute: i8,
    },
    /// A month: `1987-03`.
    Month {
        /// The year.
        year: i16,
        /// The month, 1 to 12.
        month: i8,
    },
    /// A year: `1987`.
    Year(i16),
    /// A decade, written with the first three digits of its years: `198`.
    Decade(i16),
    /// A century, written with its first two digits: `19` for the 1900s.
    Century(i16),
    /// An ISO week: `1987-W10`.
    Week {
        /// The ISO week-numbering year.
        year: i16,
        /// The ISO week, 1 to 53.
        week: i8,
    },
    /// The weekend of an ISO week: `1987-W10-WE`.
    Weekend {
        /// The ISO week-numbering year.
        year: i16,
        /// The ISO week, 1 to 53.
        week: i8,
    },
    /// A quarter: `1987-Q3`.
    Quarter {
        /// The year.
        year: i16,
        /// The quarter, 1 to 4.
        quarter: i8,
    },
    /// A half year: `1987-H1`.
    Half {
        /// The year.
        year: i16,
        /// The half, 1 or 2.
        half: i8,
    },
    /// A season: `1987-SU`.
    Season {
        /// The year the season starts in.
        year: i16,
        /// The season.
        season: Season,
    },
    /// `PAST_REF`, `PRESENT_REF` or `FUTURE_REF`.
    Ref(Reference),
    /// A duration in ISO 8601 form, kept as written: `P2Y`, `P3M`, `P10D`.
    Duration(String),
    /// A recurrence, written as the period between repeats: `P1D` for
    /// "daily", `P1Y` for "a year" in "$5 a year". (Parsing a `P…` string
    /// gives a [`TimexValue::Duration`]; the type tells the two apart.)
    Set(String),
}

/// Why a TIMEX3 value string could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TimexParseError {
    /// The string has no form this module knows.
    #[error("unrecognised TIMEX3 value {0:?}")]
    Unrecognised(String),
    /// The string has a known form but names no real calendar date or period.
    #[error("TIMEX3 value {0:?} is outside the calendar")]
    OutOfRange(String),
}

impl TimexValue {
    /// The inclusive calendar span the value covers, or `None` for references
    /// and durations (and for spans outside jiff's calendar).
    pub fn range(&self) -> Option<(Date, Date)> {
        match *self {
            TimexValue::Day(d) | TimexValue::Time { date: d, .. } => Some((d, d)),
            TimexValue::Month { year, month } => {
                let first = Date::new(year, month, 1).ok()?;
                Some((first, first.last_of_month()))
            }
            TimexValue::Year(y) => year_span(y, y),
            TimexValue::Decade(d) => {
                year_span(d.checked_mul(10)?, d.checked_mul(10)?.checked_add(9)?)
            }
            TimexValue::Century(c) => {
                year_span(c.checked_mul(100)?, c.checked_mul(100)?.checked_add(99)?)
            }
            TimexValue::Week { year, week } => {
                let mon = ISOWeekDate::new(year, week, Weekday::Monday).ok()?;
                let sun = ISOWeekDate::new(year, week, Weekday::Sunday).ok()?;
                Some((mon.date(), sun.date()))
            }
            TimexValue::Weekend { year, week } => {
                let sat = ISOWeekDate::new(year, week, Weekday::Saturday).ok()?;
                let sun = ISOWeekDate::new(year, week, Weekday::Sunday).ok()?;
                Some((sat.date(), sun.date()))
            }
            TimexValue::Quarter { year, quarter } => month_span(year, (quarter - 1) * 3 + 1, 3),
            TimexValue::Half { year, half } => month_span(year, (half - 1) * 6 + 1, 6),
            TimexValue::Season { year, season } => match season {
                Season::Spring => month_span(year, 3, 3),
                Season::Summer => month_span(year, 6, 3),
                Season::Fall => month_span(year, 9, 3),
                Season::Winter => {
                    let first = Date::new(year, 12, 1).ok()?;
                    let last = Date::new(year.checked_add(1)?, 3, 1)
                        .ok()?
                        .yesterday()
                        .ok()?;
                    Some((first, last))
                }
            },
            TimexValue::Ref(_) | TimexValue::Duration(_) | TimexValue::Set(_) => None,
        }
    }

    /// The TIMEX3 type this value belongs to.
    pub fn kind(&self) -> TimexType {
        match self {
            TimexValue::Duration(_) => TimexType::Duration,
            TimexValue::Set(_) => TimexType::Set,
            TimexValue::Time { .. } => TimexType::Time,
            _ => TimexType::Date,
        }
    }
}

fn year_span(first: i16, last: i16) -> Option<(Date, Date)> {
    Some((Date::new(first, 1, 1).ok()?, Date::new(last, 12, 31).ok()?))
}

fn month_span(year: i16, first_month: i8, months: i8) -> Option<(Date, Date)> {
    let first = Date::new(year, first_month, 1).ok()?;
    let last = Date::new(year, first_month + months - 1, 1)
        .ok()?
        .last_of_month();
    Some((first, last))
}

impl fmt::Display for TimexValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TimexValue::Day(d) => write!(f, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
            TimexValue::Time { date, hour, minute } => write!(
                f,
                "{:04}-{:02}-{:02}T{hour:02}:{minute:02}",
                date.year(),
                date.month(),
                date.day()
            ),
            TimexValue::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            TimexValue::Year(y) => write!(f, "{y:04}"),
            TimexValue::Decade(d) => write!(f, "{d:03}"),
            TimexValue::Century(c) => write!(f, "{c:02}"),
            TimexValue::Week { year, week } => write!(f, "{year:04}-W{week:02}"),
            TimexValue::Weekend { year, week } => write!(f, "{year:04}-W{week:02}-WE"),
            TimexValue::Quarter { year, quarter } => write!(f, "{year:04}-Q{quarter}"),
            TimexValue::Half { year, half } => write!(f, "{year:04}-H{half}"),
            TimexValue::Season { year, season } => write!(f, "{year:04}-{}", season.code()),
            TimexValue::Ref(Reference::Past) => f.write_str("PAST_REF"),
            TimexValue::Ref(Reference::Present) => f.write_str("PRESENT_REF"),
            TimexValue::Ref(Reference::Future) => f.write_str("FUTURE_REF"),
            TimexValue::Duration(s) | TimexValue::Set(s) => f.write_str(s),
        }
    }
}

impl FromStr for TimexValue {
    type Err = TimexParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        let unrecognised = || TimexParseError::Unrecognised(s.to_string());
        let out_of_range = || TimexParseError::OutOfRange(s.to_string());
        match s {
            "PAST_REF" => return Ok(TimexValue::Ref(Reference::Past)),
            "PRESENT_REF" => return Ok(TimexValue::Ref(Reference::Present)),
            "FUTURE_REF" => return Ok(TimexValue::Ref(Reference::Future)),
            _ => {}
        }
        if s.starts_with('P') && s.len() > 1 {
            return Ok(TimexValue::Duration(s.to_string()));
        }
        let num = |t: &str| -> Result<i16, TimexParseError> {
            if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
                return Err(unrecognised());
            }
            t.parse::<i16>().map_err(|_| out_of_range())
        };
        if let Some((day, clock)) = s.split_once('T') {
            let TimexValue::Day(date) = day.parse::<TimexValue>()? else {
                return Err(unrecognised());
            };
            let (h, m) = clock.split_once(':').ok_or_else(unrecognised)?;
            if h.len() != 2 || m.len() != 2 {
                return Err(unrecognised());
            }
            let hour = small(num(h)?, 0, 24).ok_or_else(out_of_range)?;
            let minute = small(num(m)?, 0, 59).ok_or_else(out_of_range)?;
            if hour == 24 && minute != 0 {
                return Err(out_of_range());
            }
            return Ok(TimexValue::Time { date, hour, minute });
        }
        let parts: Vec<&str> = s.split('-').collect();
        let value = match parts.as_slice() {
            [y] if y.len() == 4 => TimexValue::Year(num(y)?),
            [d] if d.len() == 3 => TimexValue::Decade(num(d)?),
            [c] if c.len() == 2 => TimexValue::Century(num(c)?),
            [y, rest] if y.len() == 4 => {
                let year = num(y)?;
                if let Some(w) = rest.strip_prefix('W') {
                    TimexValue::Week {
                        year,
                        week: small(num(w)?, 1, 53).ok_or_else(out_of_range)?,
                    }
                } else if let Some(q) = rest.strip_prefix('Q') {
                    TimexValue::Quarter {
                        year,
                        quarter: small(num(q)?, 1, 4).ok_or_else(out_of_range)?,
                    }
                } else if let Some(h) = rest.strip_prefix('H') {
                    TimexValue::Half {
                        year,
                        half: small(num(h)?, 1, 2).ok_or_else(out_of_range)?,
                    }
                } else {
                    let season = match *rest {
                        "SP" => Some(Season::Spring),
                        "SU" => Some(Season::Summer),
                        "FA" => Some(Season::Fall),
                        "WI" => Some(Season::Winter),
                        _ => None,
                    };
                    match season {
                        Some(season) => TimexValue::Season { year, season },
                        None if rest.len() == 2 => TimexValue::Month {
                            year,
                            month: small(num(rest)?, 1, 12).ok_or_else(out_of_range)?,
                        },
                        None => return Err(unrecognised()),
                    }
                }
            }
            [y, w, "WE"] if y.len() == 4 && w.starts_with('W') => TimexValue::Weekend {
                year: num(y)?,
                week: small(num(&w[1..])?, 1, 53).ok_or_else(out_of_range)?,
            },
            [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
                let month = small(num(m)?, 1, 12).ok_or_else(out_of_range)?;
                let day = small(num(d)?, 1, 31).ok_or_else(out_of_range)?;
                TimexValue::Day(Date::new(num(y)?, month, day).map_err(|_| out_of_range())?)
            }
            _ => return Err(unrecognised()),
        };
        if value.range().is_none() {
            return Err(out_of_range());
        }
        Ok(value)
    }
}

fn small(n: i16, lo: i16, hi: i16) -> Option<i8> {
    if (lo..=hi).contains(&n) {
        i8::try_from(n).ok()
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn values_print_as_timex3() {
        assert_eq!(TimexValue::Day(date(1987, 3, 3)).to_string(), "1987-03-03");
        assert_eq!(
            TimexValue::Month {
                year: 1987,
                month: 3
            }
            .to_string(),
            "1987-03"
        );
        assert_eq!(TimexValue::Decade(198).to_string(), "198");
        assert_eq!(
            TimexValue::Week {
                year: 1987,
                week: 10
            }
            .to_string(),
            "1987-W10"
        );
        assert_eq!(
            TimexValue::Quarter {
                year: 1987,
                quarter: 3
            }
            .to_string(),
            "1987-Q3"
        );
        assert_eq!(
            TimexValue::Season {
                year: 1987,
                season: Season::Summer
            }
            .to_string(),
            "1987-SU"
        );
        assert_eq!(TimexValue::Ref(Reference::Past).to_string(), "PAST_REF");
    }

    #[test]
    fn ranges_cover_the_period() {
        assert_eq!(
            TimexValue::Month {
                year: 2024,
                month: 2
            }
            .range(),
            Some((date(2024, 2, 1), date(2024, 2, 29)))
        );
        assert_eq!(
            TimexValue::Quarter {
                year: 1987,
                quarter: 3
            }
            .range(),
            Some((date(1987, 7, 1), date(1987, 9, 30)))
        );
        assert_eq!(
            TimexValue::Decade(198).range(),
            Some((date(1980, 1, 1), date(1989, 12, 31)))
        );
        assert_eq!(
            TimexValue::Week {
                year: 1987,
                week: 10
            }
            .range(),
            Some((date(1987, 3, 2), date(1987, 3, 8)))
        );
        assert_eq!(
            TimexValue::Season {
                year: 2023,
                season: Season::Winter
            }
            .range(),
            Some((date(2023, 12, 1), date(2024, 2, 29)))
        );
        assert_eq!(TimexValue::Ref(Reference::Future).range(), None);
    }

    #[test]
    fn values_parse_back() {
        for s in [
            "1987-03-03",
            "1987-03",
            "1987",
            "198",
            "19",
            "1987-W10",
            "1987-W10-WE",
            "1987-Q3",
            "1987-H2",
            "1987-SU",
            "PAST_REF",
            "P2Y",
            "1987-03-03T17:00",
            "1987-03-03T24:00",
        ] {
            assert_eq!(s.parse::<TimexValue>().unwrap().to_string(), s);
        }
        assert!(matches!(
            "1987-13".parse::<TimexValue>(),
            Err(TimexParseError::OutOfRange(_))
        ));
        assert!(matches!(
            "1987-02-30".parse::<TimexValue>(),
            Err(TimexParseError::OutOfRange(_))
        ));
        assert!(matches!(
            "soon".parse::<TimexValue>(),
            Err(TimexParseError::Unrecognised(_))
        ));
        assert!(matches!(
            "".parse::<TimexValue>(),
            Err(TimexParseError::Unrecognised(_))
        ));
        // Out of the calendar: no value, never a panic.
        assert_eq!(TimexValue::Century(327).range(), None);
        assert_eq!(TimexValue::Decade(i16::MAX).range(), None);
        assert!("2021-W53".parse::<TimexValue>().is_err());
        assert!("1987-03-03T25:00".parse::<TimexValue>().is_err());
        assert!("1987-03-03T24:30".parse::<TimexValue>().is_err());
        assert!("1987-03-03T5".parse::<TimexValue>().is_err());
        assert_eq!(
            "1987-03-03T17:00".parse::<TimexValue>().unwrap().kind(),
            TimexType::Time
        );
    }
}
