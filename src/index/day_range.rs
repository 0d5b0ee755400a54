//! Calendar spans packed into one `u64` fast-field value: the first day in the high 32 bits, the
//! last day in the low 32, each as a day number. Passages and articles keep the spans of the dates
//! they mention this way, so that "mentions a date within this period" is one column scan.

use jiff::civil::{Date, date};

/// Day numbers are counted from 1970-01-01 and shifted by this much to stay positive.
const SHIFT: i64 = 1 << 31;

fn epoch() -> Date {
    date(1970, 1, 1)
}

/// The day number of a date (days since 1970-01-01).
pub fn day_number(day: Date) -> i64 {
    epoch()
        .until(day)
        .map(|span| i64::from(span.get_days()))
        .unwrap_or(0)
}

/// The date of a day number.
pub fn from_day_number(days: i64) -> Date {
    epoch()
        .checked_add(jiff::Span::new().days(days))
        .unwrap_or(epoch())
}

/// Packs an inclusive span of days.
pub fn encode(first: Date, last: Date) -> u64 {
    let pack = |d: Date| (day_number(d) + SHIFT).clamp(0, u32::MAX as i64) as u64;
    (pack(first) << 32) | pack(last)
}

/// The inclusive span of day numbers of a packed value.
pub fn decode_days(value: u64) -> (i64, i64) {
    (
        (value >> 32) as i64 - SHIFT,
        (value & 0xFFFF_FFFF) as i64 - SHIFT,
    )
}

/// Whether the packed span lies wholly within the inclusive day numbers `first..=last`.
pub fn within(value: u64, first: i64, last: i64) -> bool {
    let (from, to) = decode_days(value);
    from >= first && to <= last
}

/// The inclusive span of dates of a packed value.
pub fn decode(value: u64) -> (Date, Date) {
    let (first, last) = decode_days(value);
    (from_day_number(first), from_day_number(last))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_round_trip() {
        for (first, last) in [
            (date(1987, 3, 1), date(1987, 3, 31)),
            (date(1066, 10, 14), date(1066, 10, 14)),
            (date(2028, 2, 29), date(2028, 12, 31)),
            (date(1969, 12, 31), date(1970, 1, 1)),
        ] {
            assert_eq!(decode(encode(first, last)), (first, last));
        }
        assert_eq!(day_number(date(1970, 1, 2)), 1);
        assert_eq!(day_number(date(1969, 12, 31)), -1);
    }

    #[test]
    fn packed_values_order_by_first_day() {
        let a = encode(date(1987, 3, 1), date(1987, 12, 31));
        let b = encode(date(1987, 3, 2), date(1987, 3, 2));
        assert!(a < b);
    }
}
