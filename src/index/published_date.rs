//! Publication dates as the index's `published` field holds them. tantivy keeps a date as
//! nanoseconds since 1970 in an `i64`, which reaches from 1677-09-21 to 2262-04-11: a date
//! outside that span would wrap around (1500 read back as 2084), so it is never indexed, and a
//! search bound outside it is moved to the span's end (a date filter still leaves out undated
//! articles).

use jiff::Timestamp;
use std::ops::Bound;
use tantivy::DateTime;

/// The first second the field holds (1677-09-21T00:12:44Z).
pub const FIRST_SECOND: i64 = i64::MIN / 1_000_000_000;
/// The last second the field holds (2262-04-11T23:47:16Z).
pub const LAST_SECOND: i64 = i64::MAX / 1_000_000_000;

/// `time` as the field holds it, to the second; `None` outside the field's span.
pub fn to_field(time: Timestamp) -> Option<DateTime> {
    let second = time.as_second();
    (FIRST_SECOND..=LAST_SECOND)
        .contains(&second)
        .then(|| DateTime::from_timestamp_secs(second))
}

/// `time` moved into the field's span (to the second): the nearest time the field holds.
pub(crate) fn within_span(time: Timestamp) -> Timestamp {
    let second = time.as_second().clamp(FIRST_SECOND, LAST_SECOND);
    Timestamp::from_second(second).expect("the field's span lies within jiff's")
}

/// Why a publication date cannot be indexed, if it cannot.
pub(crate) fn out_of_range(time: Timestamp) -> Option<String> {
    to_field(time).is_none().then(|| {
        format!(
            "publication date {time} is outside the dates the index holds (1677-09-21 to \
             2262-04-11); ignored"
        )
    })
}

/// The lower bound of a search from `since` (inclusive).
pub(crate) fn lower_bound(since: Option<Timestamp>) -> Bound<DateTime> {
    match since.map(|t| (t, to_field(t))) {
        None => Bound::Unbounded,
        Some((_, Some(date))) => Bound::Included(date),
        Some((t, None)) if t.as_second() < FIRST_SECOND => {
            Bound::Included(DateTime::from_timestamp_secs(FIRST_SECOND))
        }
        // Past the last date held: nothing can match.
        Some((_, None)) => Bound::Excluded(DateTime::from_timestamp_secs(LAST_SECOND)),
    }
}

/// The upper bound of a search up to `until` (exclusive).
pub(crate) fn upper_bound(until: Option<Timestamp>) -> Bound<DateTime> {
    match until.map(|t| (t, to_field(t))) {
        None => Bound::Unbounded,
        Some((_, Some(date))) => Bound::Excluded(date),
        Some((t, None)) if t.as_second() > LAST_SECOND => {
            Bound::Included(DateTime::from_timestamp_secs(LAST_SECOND))
        }
        // Before the first date held: nothing can match.
        Some((_, None)) => Bound::Excluded(DateTime::from_timestamp_secs(FIRST_SECOND)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    #[test]
    fn dates_in_the_span_round_trip_to_the_second() {
        for text in [
            "1970-01-01T00:00:00Z",
            "1987-03-03T09:30:15Z",
            "1677-09-21T00:12:44Z",
            "2262-04-11T23:47:16Z",
        ] {
            let date = to_field(at(text)).unwrap();
            assert_eq!(date.into_timestamp_secs(), at(text).as_second(), "{text}");
        }
    }

    #[test]
    fn dates_outside_the_span_are_refused_not_wrapped() {
        for text in [
            "1677-09-21T00:12:43Z",
            "2262-04-11T23:47:17Z",
            "1500-01-01T00:00:00Z",
            "2500-06-01T00:00:00Z",
        ] {
            assert!(to_field(at(text)).is_none(), "{text}");
            assert!(out_of_range(at(text)).unwrap().contains(text), "{text}");
        }
        assert!(out_of_range(at("1987-03-03T00:00:00Z")).is_none());
    }

    #[test]
    fn bounds_outside_the_span_move_to_its_ends() {
        let (before, after) = (
            Some(at("1500-01-01T00:00:00Z")),
            Some(at("2500-01-01T00:00:00Z")),
        );
        assert!(
            matches!(lower_bound(before), Bound::Included(d) if d.into_timestamp_secs() == FIRST_SECOND)
        );
        assert!(
            matches!(upper_bound(after), Bound::Included(d) if d.into_timestamp_secs() == LAST_SECOND)
        );
        assert!(matches!(lower_bound(None), Bound::Unbounded));
        assert!(matches!(upper_bound(None), Bound::Unbounded));
        assert!(
            matches!(lower_bound(after), Bound::Excluded(d) if d.into_timestamp_secs() == LAST_SECOND)
        );
        assert!(
            matches!(upper_bound(before), Bound::Excluded(d) if d.into_timestamp_secs() == FIRST_SECOND)
        );
        let inside = Some(at("1987-03-03T00:00:00Z"));
        assert!(matches!(lower_bound(inside), Bound::Included(_)));
        assert!(matches!(upper_bound(inside), Bound::Excluded(_)));
    }
}
