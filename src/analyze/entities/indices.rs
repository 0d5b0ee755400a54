//! A market's or a price index's name, a currency unit's or a reference rate's is another name
//! (MISC), not a company's nor a place's: the model took `Dow Jones Industrial Average` for an
//! organisation in 24 known-item Reuters articles, `European Currency Units` in 26 and
//! `European Currency Unit` in 17 (MISC in 10 and 3, where it read them so), `Nikkei Stock
//! Average` and `Straits Times Industrial Index` too; `Ecus` for a place in 20 (`European
//! Currency Units (Ecus)`), `Special Drawing Rights` for an organisation in 21, and `Libor` for
//! a place in 26. CoNLL annotates indexes MISC (`Index` is MISC in 6 of its 7 names in
//! eng.train), and `Ecus` and `LIBOR` too.
//!
//! The model also stops `London Interbank Offered Rate` short, at an organisation `London
//! Interbank` (in 56 articles): a name the words `Offered Rate(s)` or `Bid Rate(s)` follow is
//! widened over them.

use super::recognizer::{Entity, retype};
use super::tags::{EntityKind, Span};

/// Last words of an index's name.
const INDEX_WORDS: &[&str] = &["Average", "Averages", "Index", "Indexes", "Indices"];

/// Currency units and reference rates that are one word, as news writes them.
const UNITS_AND_RATES: &[&str] = &[
    "Ecu", "Ecus", "ECU", "ECUs", "SDR", "SDRs", "LIBOR", "Libor", "LIBID", "Libid", "PIBOR",
    "Pibor", "HIBOR", "Hibor", "SIBOR", "Sibor", "EURIBOR", "Euribor",
];

/// Widens each of one sentence's spans (over its `words`) that `Offered` or `Bid` and `Rate(s)`
/// follow, and no other span holds, over them, as the rate's name (MISC).
pub(crate) fn widen_rates(words: &[&str], spans: &mut [Span]) {
    for i in 0..spans.len() {
        let end = spans[i].end;
        let free = spans.get(i + 1).is_none_or(|next| next.start >= end + 2);
        let rate = matches!(
            (words.get(end), words.get(end + 1)),
            (Some(&("Offered" | "Bid")), Some(&("Rate" | "Rates")))
        );
        if free && rate {
            spans[i].end += 2;
            spans[i].kind = EntityKind::Misc;
        }
    }
}

/// Makes another name (MISC) of each name among `entities`, not a person's, that is an index's
/// (two words or more ending in one of [`INDEX_WORDS`]), a currency unit's (`… Currency
/// Unit(s)`, `Special Drawing Right(s)`, one of [`UNITS_AND_RATES`]) or a rate's (`… Offered
/// Rate(s)`).
pub(crate) fn indices_as_other_names(entities: &mut [Entity]) {
    retype(entities, EntityKind::Misc, |entity| {
        entity.kind != EntityKind::Person && is_index_unit_or_rate(&entity.text)
    });
}

fn is_index_unit_or_rate(name: &str) -> bool {
    let mut words = name.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let mut from_end = words.rev();
    let Some(last) = from_end.next() else {
        return UNITS_AND_RATES.contains(&first);
    };
    let before_last = from_end.next().unwrap_or(first);
    match (first, before_last, last) {
        (_, "Currency", "Unit" | "Units") => true,
        ("Special", "Drawing", "Right" | "Rights") => from_end.next().is_none(),
        (_, "Offered" | "Bid", "Rate" | "Rates") => true,
        _ => INDEX_WORDS.contains(&last),
    }
}

#[cfg(test)]
mod tests {
    use super::super::tags::span_rules;
    use super::*;
    use crate::analyze::entities::Recognizer;
    use EntityKind::*;

    #[test]
    fn indexes_and_currency_units_are_other_names() {
        let names = [
            (Organization, "Dow Jones Industrial Average", Misc),
            (Organization, "Nikkei Stock Average", Misc),
            (Organization, "Straits Times Industrial Index", Misc),
            (Organization, "FT-Actuaries World Indices", Misc),
            (Organization, "European Currency Units", Misc),
            (Location, "European Currency Unit", Misc),
            (Misc, "Consumer Price Index", Misc),
            // One word, a person's name and other units keep their kind.
            (Organization, "Index", Organization),
            (Person, "John Average", Person),
            (Organization, "Economist Intelligence Unit", Organization),
            (Organization, "Dow Jones", Organization),
            (Organization, "Special Drawing Rights Fund", Organization),
            (Organization, "Currency Units", Misc),
        ];
        Entity::check_retyped(&names, indices_as_other_names);
    }

    #[test]
    fn currency_units_and_rates_are_other_names() {
        let names = [
            (Location, "Ecus", Misc),
            (Organization, "ECUs", Misc),
            (Organization, "Special Drawing Rights", Misc),
            (Location, "SDRs", Misc),
            (Location, "Libor", Misc),
            (Organization, "LIBOR", Misc),
            // A person's name, and words that merely hold one, keep their kind.
            (Person, "Ecu", Person),
            (Organization, "Libor Capital", Organization),
            (Organization, "Ecuador", Organization),
        ];
        Entity::check_retyped(&names, indices_as_other_names);
    }

    /// The rule as the tests' harness takes one.
    #[allow(clippy::ptr_arg)]
    fn rule(words: &[&str], spans: &mut Vec<Span>) {
        widen_rates(words, spans);
    }

    #[test]
    fn a_name_before_offered_rate_is_the_rate_s() {
        let text = "over London Interbank Offered Rate ( Libor ) , the London Interbank Offered \
                    Rates , Paris Interbank Bid Rate and London Interbank Offered Ratex ; Acme \
                    offered rates and Tokyo Offered Rate Index";
        assert_eq!(
            span_rules::after(
                rule,
                text,
                &[
                    (1, 3, Organization),
                    (6, 7, Location),
                    (10, 12, Organization),
                    (15, 17, Location),
                    (20, 22, Organization),
                    (25, 26, Organization),
                    (29, 30, Location),
                    (30, 33, Misc),
                ]
            ),
            [
                ("London Interbank Offered Rate".to_string(), Misc),
                ("Libor".to_string(), Location),
                ("London Interbank Offered Rates".to_string(), Misc),
                ("Paris Interbank Bid Rate".to_string(), Misc),
                ("London Interbank".to_string(), Organization),
                ("Acme".to_string(), Organization),
                // Another name holds the words.
                ("Tokyo".to_string(), Location),
                ("Offered Rate Index".to_string(), Misc),
            ]
        );
    }

    #[test]
    fn the_rate_s_name_is_whole_across_lines() {
        // Wire copy wrapped as Reuters wraps it: the line is full, so the name runs on.
        let text = "The notes pay interest quarterly at a margin over the London Interbank\n\
                    Offered Rate (Libor), the company said, and mature in 1992.";
        let names: Vec<(String, EntityKind)> = Recognizer::global()
            .extract(text)
            .into_iter()
            .map(|e| (e.text, e.kind))
            .collect();
        assert!(
            names.contains(&("London Interbank\nOffered Rate".to_string(), Misc)),
            "{names:?}"
        );
    }
}
