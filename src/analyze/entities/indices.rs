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
//! Interbank` (in 56 articles): a name written just before `Offered Rate(s)` or `Bid Rate(s)`
//! is widened over them.

use super::recognizer::{Entity, retype};
use super::tags::EntityKind;

/// Last words of an index's name.
const INDEX_WORDS: &[&str] = &["Average", "Averages", "Index", "Indexes", "Indices"];

/// Currency units and reference rates that are one word, as news writes them.
const UNITS_AND_RATES: &[&str] = &[
    "Ecu", "Ecus", "ECU", "ECUs", "SDR", "SDRs", "LIBOR", "Libor", "LIBID", "Libid", "PIBOR",
    "Pibor", "HIBOR", "Hibor", "SIBOR", "Sibor", "EURIBOR", "Euribor",
];

/// What may follow the name of a rate's market as the rest of the rate's name.
const RATE_ENDS: &[&str] = &["Offered Rate", "Offered Rates", "Bid Rate", "Bid Rates"];

/// Widens each name among `entities` of `text` that `Offered Rate(s)` or `Bid Rate(s)` follows
/// over them, as the rate's name (MISC).
pub(crate) fn rates_widened(text: &str, entities: &mut [Entity]) {
    for i in 0..entities.len() {
        let next_start = entities.get(i + 1).map_or(text.len(), |e| e.start);
        let entity = &mut entities[i];
        if let Some(len) = rate_end_after(&text[entity.end..next_start.max(entity.end)]) {
            entity.end += len;
            entity.text = text[entity.start..entity.end].to_string();
            entity.kind = EntityKind::Misc;
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

/// The length of the rate's name's end that `after` (the text after a name) opens with:
/// whitespace and one of [`RATE_ENDS`], its words apart by any whitespace, then no letter.
fn rate_end_after(after: &str) -> Option<usize> {
    let rest = after.trim_start();
    if rest.len() == after.len() {
        return None;
    }
    RATE_ENDS.iter().find_map(|end| {
        let mut at = after.len() - rest.len();
        for (n, word) in end.split(' ').enumerate() {
            let tail = &after[at..];
            let spaced = tail.trim_start();
            if n > 0 && spaced.len() == tail.len() {
                return None;
            }
            at += tail.len() - spaced.len();
            if !spaced.starts_with(word) {
                return None;
            }
            at += word.len();
        }
        let next = after[at..].chars().next();
        (!next.is_some_and(char::is_alphanumeric)).then_some(at)
    })
}

fn is_index_unit_or_rate(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    match words.as_slice() {
        [.., "Currency", "Unit" | "Units"] => true,
        ["Special", "Drawing", "Right" | "Rights"] => true,
        [.., "Offered" | "Bid", "Rate" | "Rates"] => true,
        [word] => UNITS_AND_RATES.contains(word),
        [_, .., last] => INDEX_WORDS.contains(last),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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

    #[test]
    fn a_name_before_offered_rate_is_the_rate_s() {
        let text = "over London Interbank\nOffered Rate (Libor), the London Interbank  Offered\n\
                    Rates, Paris Interbank Bid Rate and London Interbank Offered Ratex; \
                    Acme offered rates.";
        let mut entities = vec![
            Entity::nth_in(text, Organization, "London Interbank", 0),
            Entity::nth_in(text, Location, "Libor", 0),
            Entity::nth_in(text, Organization, "London Interbank", 1),
            Entity::nth_in(text, Location, "Paris Interbank", 0),
            Entity::nth_in(text, Organization, "London Interbank", 2),
            Entity::nth_in(text, Organization, "Acme", 0),
        ];
        rates_widened(text, &mut entities);
        let names: Vec<(&str, EntityKind)> =
            entities.iter().map(|e| (e.text.as_str(), e.kind)).collect();
        assert_eq!(
            names,
            [
                ("London Interbank\nOffered Rate", Misc),
                ("Libor", Location),
                ("London Interbank  Offered\nRates", Misc),
                ("Paris Interbank Bid Rate", Misc),
                ("London Interbank", Organization),
                ("Acme", Organization),
            ]
        );
        for entity in &entities {
            assert_eq!(&text[entity.start..entity.end], entity.text);
        }
    }
}
