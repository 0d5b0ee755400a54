//! Publication dates from metadata: RFC 3339, ISO dates, `YYYY-MM-DD HH:MM:SS`, RFC 2822 (RSS) and
//! Unix seconds, all normalised to a UTC timestamp. A value with no offset is taken as UTC.

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
    if value.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return value.parse::<f64>().ok().and_then(unix_seconds);
    }
    None
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
    fn rejects_what_is_not_a_date() {
        assert_eq!(iso(""), "none");
        assert_eq!(iso("last Tuesday"), "none");
        assert_eq!(iso("2026-13-45"), "none");
        assert_eq!(iso("-5"), "none");
    }
}
