//! Points in a month written as one word (`end-January`, `mid-March`, `early-June`): the model
//! took them for other names (MISC `end-January` in 11 known-item Reuters articles, `end-March`
//! in 9, `mid-March` in 5) as the month opens with a capital; they are dates, which the date
//! extractor reads, and no name: CoNLL-2003 leaves months unannotated. So are spans of months
//! in one word (`Oct/Dec`, `Dec/Feb-Jan/Mar`: a crop's or a contract's months, ORG `Oct/Dec`
//! in Reuters' first story, the Bahia cocoa review).

use super::tags::{Span, drop_single_words};

/// Months as news writes them, full or cut.
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
];

/// Whether `word` is a month, full or cut, with or without a full stop, in any case (`March`,
/// `Sept.`, `JUNE`).
pub(super) fn is_month(word: &str) -> bool {
    let word = word.strip_suffix('.').unwrap_or(word);
    MONTHS.iter().any(|month| month.eq_ignore_ascii_case(word))
}

/// Whether `word` is a point in a month: `end-`, `mid-`, `early-`, `late-` or `start-` before
/// a month, in any case (`END-JUNE` in a headline).
fn is_month_point(word: &str) -> bool {
    let Some((point, month)) = word.split_once('-') else {
        return false;
    };
    ["end", "mid", "early", "late", "start"]
        .iter()
        .any(|p| p.eq_ignore_ascii_case(point))
        && is_month(month)
}

/// Whether `word` is two months or more joined by `/` or `-` (`Oct/Dec`, `May-June`).
fn is_month_span(word: &str) -> bool {
    let mut months = word.split(['/', '-']);
    months.clone().count() >= 2 && months.all(is_month)
}

/// Drops one sentence's spans (over its `words`) that are a single point in a month or a span
/// of months.
pub(crate) fn apply(words: &[&str], spans: &mut Vec<Span>) {
    drop_single_words(words, spans, |word, _| {
        is_month_point(word) || is_month_span(word)
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::entities::EntityKind;

    #[test]
    fn a_point_in_a_month_is_no_name() {
        for word in [
            "end-January",
            "mid-March",
            "Mid-June",
            "early-Sept",
            "late-Dec.",
        ] {
            assert!(is_month_point(word), "{word}");
        }
        for word in [
            "non-OPEC",
            "mid-Atlantic",
            "end-user",
            "March",
            "Anglo-French",
        ] {
            assert!(!is_month_point(word), "{word}");
        }
        for word in ["Oct/Dec", "Dec/Feb-Jan/Mar", "May-June", "SEPT/DEC"] {
            assert!(is_month_span(word), "{word}");
        }
        for word in ["Oct", "Oct/", "Decision/Capital", "May/Smith", "March-"] {
            assert!(!is_month_span(word), "{word}");
        }
        let words = ["by", "end-January", "and", "mid-Atlantic", "States"];
        let span = |start, end| Span {
            start,
            end,
            kind: EntityKind::Misc,
        };
        let mut spans = vec![span(1, 2), span(3, 5)];
        apply(&words, &mut spans);
        assert_eq!(spans, [span(3, 5)]);
    }
}
