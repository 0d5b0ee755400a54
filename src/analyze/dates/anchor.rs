//! Anchoring: turning an [`Expr`] into a TIMEX3 value against the
//! publication date, using the tense of the sentence where the words leave
//! the direction open, and what the story has already mentioned where the
//! words refer back ("the quarter", "a year earlier").
//!
//! All calendar arithmetic is jiff's; nothing here can panic — an
//! out-of-range result is simply no value.

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

use super::expr::{Expr, Holiday, Shift};
use super::lexicon::Unit;
use super::tense::Tense;
use super::timex::TimexValue;

/// What the story has mentioned so far, for expressions that refer back.
#[derive(Debug, Default, Clone)]
pub(super) struct Context {
    /// The last quarter the story named as its reporting period: (year, quarter).
    last_quarter: Option<(i16, i8)>,
    /// Whether the story last reported on a span of several quarters ("the
    /// nine months", "the first half") after naming its quarter: "a year
    /// earlier" then compares that span, whose TIMEX3 value is the year.
    longer_period: bool,
    /// The last day, month or year mentioned.
    last_date: Option<TimexValue>,
}

/// How a mention is written where it stands, beyond its own words.
#[derive(Debug, Clone, Copy)]
pub(super) struct Setting {
    /// The tense of its clause.
    pub(super) tense: Tense,
    /// Whether an indefinite article introduces it ("a flat second quarter"):
    /// a period brought in by the way, not the story's own.
    pub(super) indefinite: bool,
}

impl Context {
    /// Remembers a resolved value that later mentions may refer back to.
    /// Quarters count only when named as the story's own period ("the third
    /// quarter", "the quarter"), not when they are a comparison ("the
    /// year-ago quarter"), brought in with "a" ("after a weak second
    /// quarter"), or a forecast: still to come at `anchor`, unless the story
    /// opens on it in the past tense ("reported fourth-quarter earnings" in
    /// November: a fiscal quarter that is over, whatever the calendar says).
    /// A span of several quarters reported after the quarter ("the nine
    /// months", "the first half") makes later year-ago comparisons years.
    pub(super) fn note(
        &mut self,
        expr: &Expr,
        value: &TimexValue,
        anchor: Option<Date>,
        setting: Setting,
    ) {
        // A period still running or to come is a forecast, not the one reported on.
        let finished = match (value.range(), anchor) {
            (Some((_, last)), Some(anchor)) => last < anchor,
            _ => true,
        } || (setting.tense == Tense::Past && self.last_quarter.is_none());
        match (expr, value) {
            (
                Expr::Quarter { .. }
                | Expr::QuarterEnded { .. }
                | Expr::ReportingQuarter { years: 0 }
                | Expr::ThisQuarter
                | Expr::UnitOffset {
                    unit: Unit::Quarter,
                    ..
                },
                TimexValue::Quarter { year, quarter },
            ) if finished && !setting.indefinite => {
                self.last_quarter = Some((*year, *quarter));
                self.longer_period = false;
            }
            // "the first nine months", "the six months", "the first half".
            (Expr::Duration(d), _)
                if self.last_quarter.is_some() && matches!(d.as_str(), "P6M" | "P9M") =>
            {
                self.longer_period = true;
            }
            (Expr::Half { .. }, _) if self.last_quarter.is_some() => self.longer_period = true,
            (_, TimexValue::Day(_) | TimexValue::Month { .. } | TimexValue::Year(_)) => {
                self.last_date = Some(value.clone())
            }
            _ => {}
        }
    }
}

/// Whether the tense of its clause can change what `expr` resolves to or how
/// [`Context::note`] remembers it: not for an expression that carries its own
/// value (`March 3, 1987`, `now`, `three years`, `the first half of 1987`).
/// A quarter with its year still needs it: past tense makes it a finished one.
pub(super) fn needs_tense(expr: &Expr) -> bool {
    !matches!(
        expr,
        Expr::Fixed(_)
            | Expr::Ref(_)
            | Expr::Duration(_)
            | Expr::Set(_)
            | Expr::Half { year: Some(_), .. }
            | Expr::Season { year: Some(_), .. }
    )
}

/// The value of `expr`, or `None` when it needs an anchor and has none, or
/// falls outside the calendar.
pub(super) fn resolve(
    expr: &Expr,
    anchor: Option<Date>,
    tense: Tense,
    ctx: &Context,
) -> Option<TimexValue> {
    match expr {
        Expr::Fixed(v) => Some(v.clone()),
        Expr::Ref(r) => Some(TimexValue::Ref(*r)),
        Expr::Duration(d) => Some(TimexValue::Duration(d.clone())),
        Expr::Set(s) => Some(TimexValue::Set(s.clone())),
        Expr::Quarter {
            quarter,
            year: Some(year),
            ..
        } if (1..=4).contains(quarter) => Some(TimexValue::Quarter {
            year: *year,
            quarter: *quarter,
        }),
        Expr::Half {
            half,
            year: Some(year),
            ..
        } => Some(TimexValue::Half {
            year: *year,
            half: *half,
        }),
        Expr::Season {
            season,
            year: Some(year),
            ..
        } => Some(TimexValue::Season {
            year: *year,
            season: *season,
        }),
        Expr::Within { unit, n } if tense != Tense::Future => {
            Some(TimexValue::Duration(unit.duration(*n)))
        }
        _ => resolve_relative(expr, anchor?, tense, ctx),
    }
}

fn resolve_relative(expr: &Expr, anchor: Date, tense: Tense, ctx: &Context) -> Option<TimexValue> {
    let y = anchor.year();
    Some(match *expr {
        Expr::MonthDay { month, day } => TimexValue::Day(
            pick_near(anchor, tense, |yy| {
                Date::new(yy, month, day).ok().map(|d| (d, d))
            })?
            .0,
        ),
        Expr::Month {
            month,
            year_offset: Some(off),
            ..
        } => TimexValue::Month {
            year: y.checked_add(i16::try_from(off).ok()?)?,
            month,
        },
        Expr::Month {
            month,
            shift,
            year_offset: None,
        } => {
            let year = if shift == Shift::Auto {
                pick_near(anchor, tense, |yy| month_range(yy, month))
            } else {
                pick(anchor, tense, shift, |yy| month_range(yy, month))
            }?
            .0
            .year();
            TimexValue::Month { year, month }
        }
        Expr::Weekday {
            weekday,
            shift,
            past,
            days,
        } => {
            let tense = if past { Tense::Past } else { tense };
            let day = resolve_weekday(anchor, weekday, shift, tense)?;
            TimexValue::Day(day.checked_add(i32::from(days).days()).ok()?)
        }
        Expr::WeekOf { month, day, year } => {
            let d = match year {
                Some(y) => Date::new(y, month, day).ok()?,
                None => {
                    pick_near(anchor, tense, |yy| {
                        Date::new(yy, month, day).ok().map(|d| (d, d))
                    })?
                    .0
                }
            };
            let w = d.iso_week_date();
            TimexValue::Week {
                year: w.year(),
                week: w.week(),
            }
        }
        Expr::WeekdayFromLast { weekday, direction } => {
            let base = match ctx.last_date {
                Some(TimexValue::Day(d)) => d,
                _ => anchor,
            };
            TimexValue::Day(base.nth_weekday(direction, weekday).ok()?)
        }
        Expr::DayOffset(n) => TimexValue::Day(anchor.checked_add(n.days()).ok()?),
        Expr::UnitOffset { unit, n } => shifted_unit(anchor, unit, n)?,
        Expr::Ago { unit, n } | Expr::Within { unit, n } => match unit {
            Unit::Day => TimexValue::Day(anchor.checked_add(n.days()).ok()?),
            _ => shifted_unit(anchor, unit, n)?,
        },
        Expr::Quarter {
            quarter,
            year,
            year_offset,
        } => {
            if !(1..=4).contains(&quarter) {
                return None;
            }
            let year = match year {
                Some(yy) => yy,
                None => y.checked_add(i16::try_from(year_offset).ok()?)?,
            };
            TimexValue::Quarter { year, quarter }
        }
        Expr::Half {
            half,
            year,
            year_offset,
        } => {
            let year = match year {
                Some(yy) => yy,
                None => y.checked_add(i16::try_from(year_offset).ok()?)?,
            };
            TimexValue::Half { year, half }
        }
        Expr::Season {
            season,
            year: Some(year),
            ..
        } => TimexValue::Season { year, season },
        Expr::Season {
            season,
            year: None,
            shift,
        } => {
            // A season's year is the year it starts in (winter: December).
            let start = pick(anchor, tense, shift, |yy| {
                TimexValue::Season { year: yy, season }.range()
            })?
            .0;
            TimexValue::Season {
                year: start.year(),
                season,
            }
        }
        Expr::Weekend(shift) => {
            let saturday = match (shift, tense) {
                (Shift::Next, _) => anchor.nth_weekday(1, Weekday::Saturday).ok()?,
                (Shift::Last, _) => anchor
                    .tomorrow()
                    .ok()?
                    .nth_weekday(-1, Weekday::Saturday)
                    .ok()?,
                (_, Tense::Future) | (Shift::This, Tense::Present) => anchor
                    .yesterday()
                    .ok()?
                    .nth_weekday(1, Weekday::Saturday)
                    .ok()?,
                _ => {
                    if anchor.weekday() == Weekday::Sunday {
                        anchor.yesterday().ok()?
                    } else {
                        anchor
                            .tomorrow()
                            .ok()?
                            .nth_weekday(-1, Weekday::Saturday)
                            .ok()?
                    }
                }
            };
            let w = saturday.iso_week_date();
            TimexValue::Weekend {
                year: w.year(),
                week: w.week(),
            }
        }
        Expr::Holiday { holiday, shift } => TimexValue::Day(
            pick(anchor, tense, shift, |yy| {
                holiday_date(holiday, yy).map(|d| (d, d))
            })?
            .0,
        ),
        Expr::ReportingQuarter { years } => {
            let (qy, q) = ctx.last_quarter.or_else(|| {
                let prev = shifted_unit(anchor, Unit::Quarter, -1)?;
                match prev {
                    TimexValue::Quarter { year, quarter } => Some((year, quarter)),
                    _ => None,
                }
            })?;
            TimexValue::Quarter {
                year: qy.checked_add(i16::try_from(years).ok()?)?,
                quarter: q,
            }
        }
        // A story that has already named its (perhaps fiscal) quarter keeps it.
        Expr::QuarterEnded { .. } if ctx.last_quarter.is_some() => {
            let (year, quarter) = ctx.last_quarter?;
            TimexValue::Quarter { year, quarter }
        }
        Expr::QuarterEnded { month, day } => {
            let end = pick_near(anchor, Tense::Past, |yy| {
                Date::new(yy, month, day).ok().map(|d| (d, d))
            })?
            .0;
            // A quarter is about 91 days long: its middle is 45 days back.
            let middle = end.checked_sub(45.days()).ok()?;
            TimexValue::Quarter {
                year: middle.year(),
                quarter: (middle.month() - 1) / 3 + 1,
            }
        }
        Expr::ThisQuarter => match ctx.last_quarter {
            Some((year, quarter))
                if year == y
                    && tense != Tense::Future
                    && quarter_ended_before(year, quarter, anchor) =>
            {
                TimexValue::Quarter { year, quarter }
            }
            _ => shifted_unit(anchor, Unit::Quarter, 0)?,
        },
        Expr::ReportingQuarterIn(year) => match ctx.last_quarter {
            Some((_, quarter)) if !ctx.longer_period => TimexValue::Quarter { year, quarter },
            _ => TimexValue::Year(year),
        },
        Expr::Following { unit, n } => following(ctx.last_date.as_ref(), anchor, unit, n)?,
        Expr::YearBefore => match ctx.last_quarter {
            Some((qy, q)) if !ctx.longer_period => TimexValue::Quarter {
                year: qy.checked_sub(1)?,
                quarter: q,
            },
            Some((qy, _)) => TimexValue::Year(qy.checked_sub(1)?),
            None => TimexValue::Year(y.checked_sub(1)?),
        },
        Expr::CenturyOffset(n) => {
            TimexValue::Century(y.div_euclid(100).checked_add(i16::try_from(n).ok()?)?)
        }
        Expr::Fixed(_) | Expr::Ref(_) | Expr::Duration(_) | Expr::Set(_) => return None,
    })
}

/// Whether quarter `quarter` of `year` ended before `anchor`.
fn quarter_ended_before(year: i16, quarter: i8, anchor: Date) -> bool {
    TimexValue::Quarter { year, quarter }
        .range()
        .is_some_and(|(_, last)| last < anchor)
}

/// "the following year", "that day": the unit of the last mentioned date
/// (else of the anchor) moved by `n`.
fn following(last: Option<&TimexValue>, anchor: Date, unit: Unit, n: i32) -> Option<TimexValue> {
    let base = match last {
        Some(TimexValue::Day(d)) => *d,
        Some(TimexValue::Month { year, month }) if unit != Unit::Day && unit != Unit::Week => {
            Date::new(*year, *month, 1).ok()?
        }
        Some(TimexValue::Year(y)) if unit == Unit::Year => Date::new(*y, 1, 1).ok()?,
        // "that day", "the same week": with no earlier date to point back
        // to, the words refer to an event or to any day ("trades made that
        // day"), not to the publication date.
        _ if n == 0 => return None,
        _ => anchor,
    };
    shifted_unit(base, unit, n)
}

fn month_range(year: i16, month: i8) -> Option<(Date, Date)> {
    let first = Date::new(year, month, 1).ok()?;
    Some((first, first.last_of_month()))
}

fn holiday_date(holiday: Holiday, year: i16) -> Option<Date> {
    match holiday {
        Holiday::Fixed(m, d) => Date::new(year, m, d).ok(),
        Holiday::Nth(m, nth, wd) => Date::new(year, m, 1)
            .ok()?
            .nth_weekday_of_month(nth, wd)
            .ok(),
        Holiday::DayAfterNth(m, nth, wd) => holiday_date(Holiday::Nth(m, nth, wd), year)?
            .tomorrow()
            .ok(),
    }
}

/// Chooses among the instances of a yearly period (one per year around the
/// anchor) the one the words and the tense point to, returning its span.
///
/// `Last` is the latest instance that ends before the anchor, `Next` the
/// first that starts after it, `This` the one containing the anchor, else
/// the one in the anchor's year; with no direction word a past tense takes the latest instance that has started by
/// the anchor, a future tense the first that has not ended, and otherwise
/// the nearest instance (the one containing the anchor if any).
fn pick(
    anchor: Date,
    tense: Tense,
    shift: Shift,
    instance: impl Fn(i16) -> Option<(Date, Date)>,
) -> Option<(Date, Date)> {
    let y = anchor.year();
    let cands: Vec<(Date, Date)> = (-2..=2)
        .filter_map(|k| instance(y.checked_add(k)?))
        .collect();
    let latest = |ok: &dyn Fn(&(Date, Date)) -> bool| cands.iter().rev().find(|c| ok(c)).copied();
    let earliest = |ok: &dyn Fn(&(Date, Date)) -> bool| cands.iter().find(|c| ok(c)).copied();
    match shift {
        Shift::Last => latest(&|c| c.1 < anchor),
        Shift::Next => earliest(&|c| c.0 > anchor),
        Shift::This => cands
            .iter()
            .copied()
            .find(|c| c.0 <= anchor && anchor <= c.1)
            .or_else(|| instance(y)),
        Shift::Auto => match tense {
            Tense::Past => latest(&|c| c.0 <= anchor),
            Tense::Future => earliest(&|c| c.1 >= anchor),
            Tense::Present | Tense::Unknown => {
                cands.iter().copied().min_by_key(|c| distance(anchor, *c))
            }
        },
    }
}

/// The instance nearest the anchor, where an instance on the side the tense
/// points away from counts as [`WRONG_SIDE`] times further: a bare "Dec. 15"
/// in a story of Nov. 2 is next month even in a past-tense sentence, but a
/// bare "August" in February, or "January" in a past-tense story of October,
/// follows the tense.
fn pick_near(
    anchor: Date,
    tense: Tense,
    instance: impl Fn(i16) -> Option<(Date, Date)>,
) -> Option<(Date, Date)> {
    let y = anchor.year();
    (-2..=2)
        .filter_map(|k| instance(y.checked_add(k)?))
        .min_by_key(|c| {
            let d = distance(anchor, *c);
            let wrong = match tense {
                Tense::Past => c.0 > anchor,
                Tense::Future => c.1 < anchor,
                _ => false,
            };
            if wrong { d * WRONG_SIDE } else { d }
        })
}

/// How much further an instance on the wrong side of the tense counts.
const WRONG_SIDE: i64 = 5;

fn distance(anchor: Date, (first, last): (Date, Date)) -> i64 {
    if anchor < first {
        (first - anchor).get_days().into()
    } else if anchor > last {
        (anchor - last).get_days().into()
    } else {
        0
    }
}

fn resolve_weekday(anchor: Date, weekday: Weekday, shift: Shift, tense: Tense) -> Option<Date> {
    let previous = || anchor.nth_weekday(-1, weekday).ok();
    let next = || anchor.nth_weekday(1, weekday).ok();
    match shift {
        Shift::Last => previous(),
        Shift::Next => next(),
        _ if anchor.weekday() == weekday => Some(anchor),
        Shift::This => match tense {
            Tense::Past => previous(),
            _ => next(),
        },
        Shift::Auto => match tense {
            Tense::Future => next(),
            _ => previous(),
        },
    }
}

/// The unit containing the anchor, moved by `n` units.
fn shifted_unit(anchor: Date, unit: Unit, n: i32) -> Option<TimexValue> {
    let y = anchor.year();
    Some(match unit {
        Unit::Day => TimexValue::Day(anchor.checked_add(n.days()).ok()?),
        Unit::Week => {
            let w = anchor.checked_add(n.weeks()).ok()?.iso_week_date();
            TimexValue::Week {
                year: w.year(),
                week: w.week(),
            }
        }
        Unit::Month => {
            let d = anchor.first_of_month().checked_add(n.months()).ok()?;
            TimexValue::Month {
                year: d.year(),
                month: d.month(),
            }
        }
        Unit::Quarter => {
            let index = i32::from(y) * 4 + i32::from((anchor.month() - 1) / 3) + n;
            TimexValue::Quarter {
                year: i16::try_from(index.div_euclid(4)).ok()?,
                quarter: i8::try_from(index.rem_euclid(4) + 1).ok()?,
            }
        }
        Unit::Year => TimexValue::Year(i16::try_from(i32::from(y) + n).ok()?),
        Unit::Decade => {
            TimexValue::Decade(i16::try_from((i32::from(y) + 10 * n).div_euclid(10)).ok()?)
        }
        Unit::Century => {
            TimexValue::Century(i16::try_from((i32::from(y) + 100 * n).div_euclid(100)).ok()?)
        }
    })
}
