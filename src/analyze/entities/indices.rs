//! A market's or a price index's name, or a currency's, is another name (MISC), not a company's:
//! the model took `Dow Jones Industrial Average` for an organisation in 24 known-item Reuters
//! articles, `European Currency Units` in 26 and `European Currency Unit` in 17 (MISC in 10
//! and 3, where it read them so), `Nikkei Stock Average` and `Straits Times Industrial Index`
//! too. CoNLL annotates indexes MISC (`Index` is MISC in 6 of its 7 names in eng.train).

use super::recognizer::{Entity, retype};
use super::tags::EntityKind;

/// Last words of an index's name.
const INDEX_WORDS: &[&str] = &["Average", "Averages", "Index", "Indexes", "Indices"];

/// Makes another name (MISC) of each name among `entities` of two words or more, not a
/// person's, that ends in one of [`INDEX_WORDS`] or in `Currency Unit(s)`.
pub(crate) fn indices_as_other_names(entities: &mut [Entity]) {
    retype(entities, EntityKind::Misc, |entity| {
        entity.kind != EntityKind::Person && is_index_or_currency(&entity.text)
    });
}

fn is_index_or_currency(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    match words.as_slice() {
        [.., "Currency", "Unit" | "Units"] => true,
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
}
