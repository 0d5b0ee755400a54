//! The wire's codes in capitals are no names: a month in a price table or a market report's
//! date (`APR7  UNTRD  MAY7`, `HONG KONG GOLD 1230 - APR 7`), with the wire's own `MCH` and
//! `JLY`, and a table's `UNTRD` (untraded) and `UNCH` (unchanged). The model took them for
//! organisations: ORG `UNTRD` in 39 known-item Reuters articles, `APR` in 37, `JUN` in 12, `MCH`
//! in 11. So are a table's other codes (`TTL`, `T/O`) and the currencies' (`FFR`, `DMK`). A
//! month cut short is no name in other letters either (`Prices for Apr 6`, `Mch at 191`)
//! unless the model read a person's (`Jan`). `DEC` is left alone: news writes Digital Equipment
//! Corp so. Nor is an earnings table's heading of a period (`Nine Mths`).

use super::month_points::is_month;
use super::tags::{EntityKind, Span, drop_single_words};

/// Codes that are no names besides months: a table's untraded and unchanged, its totals and
/// turnover (`TTL`, `T/O`, ORG in 7 and 6 known-item Reuters articles), its volume and open
/// interest, the wire's live and feeder cattle, and its currencies' codes in exchange rate
/// tables (`FFR`, `IRL`: ORG in 10 and 6).
const CODES: &[&str] = &[
    "UNTRD",
    "UNCH",
    "TTL",
    "T/O",
    "VOL/OPEN",
    "VOLUME/OPEN",
    "L-CATTLE",
    "F-CATTLE",
    "FFR",
    "SFR",
    "BFR",
    "DMK",
    "DFL",
    "SKR",
    "NKR",
    "DKR",
    "IRL",
];

/// The wire's own cuts of months besides [`is_month`]'s.
const WIRE_MONTHS: &[&str] = &["Mch", "Apl", "Jly"];

/// Whether `word` is a month cut short (`Apr`, `Sept.`, `MCH`), not one written whole (`May`,
/// `June`).
fn is_cut_month(word: &str) -> bool {
    let letters = word.strip_suffix('.').unwrap_or(word);
    let whole = ["May", "June", "July"]
        .iter()
        .any(|m| m.eq_ignore_ascii_case(letters));
    letters.len() <= 4 && !whole && is_month(word)
        || WIRE_MONTHS.iter().any(|m| m.eq_ignore_ascii_case(letters))
}

/// Whether `word` is one of the wire's codes: a month in capitals (cut or not, `DEC` aside),
/// one of [`CODES`], or (unless `person`) a month cut short.
fn is_code(word: &str, person: bool) -> bool {
    if word == "DEC" {
        return false;
    }
    let capitals = word.bytes().all(|b| b.is_ascii_uppercase() || b == b'.');
    CODES.contains(&word)
        || capitals && (is_month(word) || is_cut_month(word))
        || !person && is_cut_month(word)
}

/// Whether `words` are an earnings table's heading of a period in months (`Nine Mths`, `Six
/// Mths`: MISC in 9 and 3 known-item Reuters articles, PER in 3): a count and `Mths`.
fn is_period_heading(words: &[&str]) -> bool {
    matches!(words, [_, mths] if mths.eq_ignore_ascii_case("Mths"))
}

/// Drops one sentence's spans (over its `words`) that are a single code or a period's
/// heading.
pub(crate) fn apply(words: &[&str], spans: &mut Vec<Span>) {
    drop_single_words(words, spans, |word, kind| {
        is_code(word, kind == EntityKind::Person)
    });
    spans.retain(|s| !is_period_heading(&words[s.start..s.end]));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wire_s_codes_are_no_names() {
        for word in [
            "APR", "JUN", "MCH", "JLY", "SEPT", "MARCH", "UNTRD", "UNCH", "Apr", "Mch", "TTL",
            "FFR", "L-CATTLE",
        ] {
            assert!(is_code(word, false), "{word}");
        }
        for word in [
            "DEC", "June", "May", "March", "NATO", "UNTRDX", "GMT", "Marc",
        ] {
            assert!(!is_code(word, false), "{word}");
        }
        // A person's `Jan` stays; capitals are codes whatever the model read.
        assert!(!is_code("Jan", true) && is_code("JAN", true));
        let words = ["JUN7", "UNTRD", "JUL7", "APR", "7", "DEC", "NY", "COMEX"];
        let span = |start, end| Span {
            start,
            end,
            kind: EntityKind::Organization,
        };
        let mut spans = vec![span(1, 2), span(3, 4), span(5, 6), span(6, 8)];
        apply(&words, &mut spans);
        assert_eq!(spans, [span(5, 6), span(6, 8)]);
        // A period's heading in an earnings table; not other names with a count.
        let words = [
            "Nine", "Mths", "Shr", "Group", "of", "Seven", "Nine", "MTHS",
        ];
        let mut spans = vec![span(0, 2), span(3, 6), span(6, 8)];
        apply(&words, &mut spans);
        assert_eq!(spans, [span(3, 6)]);
    }
}
