//! Publication dates from metadata: RFC 3339, ISO dates, `YYYY-MM-DD HH:MM:SS` (or with `/` or `.`
//! between the date's parts), RFC 2822 (RSS), Unix seconds, and a calendar date written out
//! (`27 Nov 2026`, `November 27, 2026`, `Fri, Nov 27, 2026`, `11/27/2026`, `27-NOV-2026`) as the
//! text's dates are read, all normalised to a UTC timestamp. A value with no offset is taken as
//! UTC; a date written out is the day at midnight.

use crate::analyze::dates::{TimexValue, extract_dates};
use jiff::{Timestamp, civil, tz::TimeZone};

/// Unix times above this are taken as milliseconds (in seconds it would be past the year 5000).
const MILLIS_THRESHOLD: f64 = 1e11;

/// Parses a metadata date value; `None` when it has none of the accepted forms.
pub fn parse_metadata_date(value: &str) -> Option<Timestamp> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    if let Ok(ts) = value.parse::<Timestamp>() {
        return Some(ts);
    }
    if let Ok(dt) = value.parse::<civil::DateTime>() {
        return TimeZone::UTC.to_timestamp(dt).ok();
    }
    if let Ok(date) = value.parse::<civil::Date>() {
        return TimeZone::UTC.to_timestamp(date.at(0, 0, 0, 0)).ok();
    }
    if let Ok(zoned) = jiff::fmt::rfc2822::parse(value) {
        return Some(zoned.timestamp());
    }
    if let Some(dashed) = dashed_date(value) {
        return parse_metadata_date(&dashed);
    }
    if let Some(time) = archive_date_time(value) {
        return TimeZone::UTC.to_timestamp(time).ok();
    }
    if value.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return value.parse::<f64>().ok().and_then(unix_seconds);
    }
    written_out_day(value).and_then(|day| TimeZone::UTC.to_timestamp(day.at(0, 0, 0, 0)).ok())
}

/// `2026/11/27` or `2026.11.27` (and any time after it) with dashes, as ISO writes the date.
fn dashed_date(value: &str) -> Option<String> {
    let bytes = value.as_bytes();
    let separator = *bytes.get(4)?;
    let shape = bytes.len() >= 8
        && bytes[..4].iter().all(u8::is_ascii_digit)
        && matches!(separator, b'/' | b'.');
    if !shape {
        return None;
    }
    let date_end = value.find([' ', 'T']).unwrap_or(value.len());
    let date = &value[..date_end];
    (date.bytes().filter(|&b| b == separator).count() == 2).then(|| {
        format!(
            "{}{}",
            date.replace(separator as char, "-"),
            &value[date_end..]
        )
    })
}

/// `26-FEB-1987 15:01:01.79`, as Reuters' archive writes a story's time (a time of day after
/// a day, month and year joined by dashes, the month's first three letters).
fn archive_date_time(value: &str) -> Option<civil::DateTime> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let (date, time) = value.split_once(' ')?;
    let mut parts = date.split('-');
    let (day, month, year) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || month.len() != 3 || year.len() != 4 {
        return None;
    }
    let month = MONTHS.iter().position(|m| m.eq_ignore_ascii_case(month))?;
    let day = civil::Date::new(year.parse().ok()?, month as i8 + 1, day.parse().ok()?).ok()?;
    Some(day.to_datetime(time.trim().parse::<civil::Time>().ok()?))
}

/// The one full day a value names as the text's dates are read (`27 Nov 2026`, `Friday,
/// November 27, 2026 10:30`, and Reuters' archive's `26-FEB-1987` without a time, or with one
/// [`archive_date_time`] cannot read); `None` when it names none, or more than one.
fn written_out_day(value: &str) -> Option<civil::Date> {
    let spaced;
    let value = match value.split_once('-') {
        Some((day, rest)) if day.len() <= 2 && day.bytes().all(|b| b.is_ascii_digit()) => {
            spaced = format!("{day} {}", rest.replacen('-', " ", 1));
            spaced.as_str()
        }
        _ => value,
    };
    let mut days = extract_dates(value, None)
        .into_iter()
        .filter_map(|mention| match mention.value.parse() {
            Ok(TimexValue::Day(day)) => Some(day),
            Ok(TimexValue::Time { date, .. }) => Some(date),
            _ => None,
        });
    let day = days.next()?;
    days.next().is_none().then_some(day)
}

/// Converts a Unix time in seconds (or milliseconds, when implausibly large) to a timestamp.
pub(crate) fn unix_seconds(value: f64) -> Option<Timestamp> {
    if !value.is_finite() || value < 0.0 {
        return None;
    }
    let seconds = if value > MILLIS_THRESHOLD {
        value / 1000.0
    } else {
        value
    };
    Timestamp::from_second(seconds as i64).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(value: &str) -> String {
        parse_metadata_date(value)
            .map(|t| t.to_string())
            .unwrap_or_else(|| "none".into())
    }

    #[test]
    fn accepts_the_common_forms() {
        assert_eq!(iso("2026-03-02T09:30:00Z"), "2026-03-02T09:30:00Z");
        assert_eq!(iso("2026-03-02T09:30:00+02:00"), "2026-03-02T07:30:00Z");
        assert_eq!(iso("2026-03-02"), "2026-03-02T00:00:00Z");
        assert_eq!(iso("2026-03-02 09:30:00"), "2026-03-02T09:30:00Z");
        assert_eq!(iso("1987-02-26T15:01:01"), "1987-02-26T15:01:01Z");
        assert_eq!(iso("Mon, 02 Mar 2026 09:30:00 GMT"), "2026-03-02T09:30:00Z");
        assert_eq!(
            iso("Mon, 2 Mar 2026 09:30:00 -0500"),
            "2026-03-02T14:30:00Z"
        );
        assert_eq!(iso("1772443800"), "2026-03-02T09:30:00Z");
        assert_eq!(iso("1772443800000"), "2026-03-02T09:30:00Z");
    }

    #[test]
    fn accepts_dates_written_out_and_with_slashes() {
        for value in [
            "27 Nov 2026",
            "27 November 2026",
            "Nov 27, 2026",
            "Nov. 27, 2026",
            "November 27, 2026",
            "Friday, November 27, 2026",
            "November 27, 2026 10:30 am",
            "11/27/2026",
            "2026/11/27",
            "2026.11.27",
            "27-NOV-2026",
        ] {
            assert_eq!(iso(value), "2026-11-27T00:00:00Z", "{value:?}");
        }
        assert_eq!(iso("2026/11/27 09:30:00"), "2026-11-27T09:30:00Z");
        assert_eq!(iso("2026/11/27T09:30:00Z"), "2026-11-27T09:30:00Z");
        assert_eq!(iso("27-NOV-2026 15:01:01.79"), "2026-11-27T15:01:01.79Z");
        assert_eq!(iso(" 3-MAR-1987 09:15:30"), "1987-03-03T09:15:30Z");
        // A time that is none leaves the day.
        assert_eq!(iso("27-NOV-2026 25:00:00"), "2026-11-27T00:00:00Z");
    }

    #[test]
    fn rejects_what_is_not_a_date() {
        assert_eq!(iso(""), "none");
        assert_eq!(iso("last Tuesday"), "none");
        assert_eq!(iso("2026-13-45"), "none");
        assert_eq!(iso("-5"), "none");
        // A month without its day, two dates, a day without its year: no one day.
        assert_eq!(iso("November 2026"), "none");
        assert_eq!(iso("Nov 27, 2026 to Dec 1, 2026"), "none");
        assert_eq!(iso("Nov 27"), "none");
        assert_eq!(iso("2026/13/45"), "none");
        assert_eq!(iso("2026/11"), "none");
        assert_eq!(iso("27-NOV"), "none");
        assert_eq!(iso("31-FEB-1987 10:00:00"), "none");
    }
}
