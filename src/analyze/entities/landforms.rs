//! The name of a landform or a body of water is a place: `Gulf of Mexico`, `Strait of
//! Hormuz`, `Mississippi River`, `Kharg Island`, `Yellow Sea`. The CoNLL news the model learnt
//! from has few of them (not one `Gulf of`), and it made organisations, persons or other names
//! of them: over known-item Reuters ORG `Gulf of Mexico` in 24 articles, ORG `Strait(s) of
//! Hormuz` in 21, PER `Rhode Island` in 7, PER `Mississippi River` in 6. CoNLL annotates such
//! names LOC (`Great Barrier Reef`, `Indian Ocean`, `Taiwan Strait`).
//!
//! So is a continent's or a region of one's: `Latin America` (MISC in 22 articles and PER
//! in 9, after the adjective `Latin`), ORG `Central America` in 5, MISC `sub-Saharan Africa`
//! in 7.

use super::recognizer::{Entity, retype};
use super::tags::EntityKind;

/// Last words that make a name of capitalised words a landform's or a water's.
const HEADS: &[&str] = &[
    "Archipelago",
    "Basin",
    "Canal",
    "Desert",
    "Island",
    "Islands",
    "Mountains",
    "Ocean",
    "Peninsula",
    "Reef",
    "River",
    "Sea",
    "Strait",
    "Straits",
];

/// Last words that end persons' names too (`Anthony Lake`, `Michael Bay`): only a name the
/// model did not take for a person's is made a place by them. `Coast` is not one: CoNLL
/// annotates `West Coast` and `Gold Coast` teams; nor `Delta` (`Oldsmobile Delta`).
const HEADS_OF_NO_PERSON: &[&str] = &["Bay", "Gulf", "Lake", "Valley"];

/// First words of a landform's name before `of` (`Gulf of Mexico`, `Isle of Man`).
const BEFORE_OF: &[&str] = &[
    "Bay", "Cape", "Gulf", "Isle", "Isles", "Lake", "Sea", "Strait", "Straits",
];

/// Continents, the last word of a region's name.
const CONTINENTS: &[&str] = &[
    "Africa",
    "America",
    "Americas",
    "Antarctica",
    "Asia",
    "Australasia",
    "Europe",
    "Oceania",
];

/// Words before a continent that name a region of it (`Latin America`, `South-east Asia`).
const REGION_WORDS: &[&str] = &[
    "Central",
    "East",
    "Eastern",
    "Latin",
    "North",
    "Northern",
    "Northeast",
    "Northwest",
    "South",
    "South-east",
    "South-west",
    "Southeast",
    "Southern",
    "Southwest",
    "sub-Saharan",
    "Sub-Saharan",
    "West",
    "Western",
];

/// Whether `name` is a continent's (`Africa`, `Americas`), as [`CONTINENTS`] writes it.
pub(crate) fn is_continent(name: &str) -> bool {
    CONTINENTS.contains(&name)
}

/// Whether the one word `name` is a continent's or an ocean's, which also name the regions
/// companies are named for (`BT Asia Ltd`, `Swire Pacific Ltd`) and stand alone as places.
pub(crate) fn is_world_region(name: &str) -> bool {
    is_continent(name) || matches!(name, "Atlantic" | "Caribbean" | "Pacific")
}

/// Makes a place of each name among `entities` that is a landform's, a water's or a region's.
pub(crate) fn landforms_as_places(entities: &mut [Entity]) {
    retype(entities, EntityKind::Location, |entity| {
        is_landform(&entity.text, entity.kind == EntityKind::Person)
            || is_region(&entity.text, entity.kind == EntityKind::Organization)
    });
}

/// Whether `name` is a continent's, or a region's of one (`Latin America`, `sub-Saharan
/// Africa`). A continent alone taken for an organisation's name keeps that kind: it may be
/// the short form of a company's (`Hospital Corp of America`).
fn is_region(name: &str, organisation: bool) -> bool {
    let among = |words: &[&str], word: &str| words.iter().any(|w| w.eq_ignore_ascii_case(word));
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some((last, before)) = words.split_last() else {
        return false;
    };
    among(CONTINENTS, last)
        && before.len() <= 2
        && before.iter().all(|w| among(REGION_WORDS, w))
        && !(organisation && before.is_empty())
}

/// Whether `name` (of two to four words) is a landform's or a water's: `Gulf of Mexico`, or
/// capitalised words before a head word (of [`HEADS`], or of [`HEADS_OF_NO_PERSON`] when
/// the name was not taken for a person's).
fn is_landform(name: &str, person: bool) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    if !(2..=4).contains(&words.len()) {
        return false;
    }
    // Letters (and the full stops of `U.S.`), the first a capital.
    let capitalised = |word: &str| {
        word.starts_with(|c: char| c.is_uppercase())
            && word.chars().all(|c| c.is_alphabetic() || c == '.')
    };
    // Headlines write the words in capitals (`GULF OF MEXICO RIG COUNT FALLS`).
    let among = |words: &[&str], word: &str| words.iter().any(|w| w.eq_ignore_ascii_case(word));
    if words[1].eq_ignore_ascii_case("of") {
        return among(BEFORE_OF, words[0])
            && words.len() > 2
            && words[2..]
                .iter()
                .all(|&w| capitalised(w) || w.eq_ignore_ascii_case("the"));
    }
    let Some((head, before)) = words.split_last() else {
        return false;
    };
    (among(HEADS, head) || !person && among(HEADS_OF_NO_PERSON, head))
        && before.iter().all(|&w| capitalised(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waters_and_landforms_are_places() {
        use EntityKind::*;
        let names = [
            (Organization, "Gulf of Mexico"),
            (Organization, "Straits of\nHormuz"),
            (Misc, "Isle of Man"),
            (Person, "Mississippi River"),
            (Person, "Kharg Island"),
            (Misc, "Yellow Sea"),
            (Organization, "Welland Canal"),
            (Organization, "Prudhoe Bay"),
            (Organization, "U.S. Gulf"),
            (Location, "Persian Gulf"),
            (Organization, "GULF OF MEXICO"),
            (Organization, "PERSIAN GULF"),
            (Misc, "Latin America"),
            (Person, "Latin America"),
            (Organization, "Central America"),
            (Misc, "sub-Saharan Africa"),
            (Organization, "South-east Asia"),
            (Misc, "LATIN AMERICA"),
            (Person, "America"),
        ];
        let expected = names.map(|(kind, name)| (kind, name, Location));
        Entity::check_retyped(&expected, landforms_as_places);
    }

    #[test]
    fn persons_companies_and_longer_names_keep_their_kind() {
        use EntityKind::*;
        let names = [
            // Surnames that are landforms' words.
            (Person, "Anthony Lake"),
            (Person, "Michael Bay"),
            (Person, "Stephen Field"),
            // Teams, products and companies.
            (Organization, "West Coast"),
            (Misc, "Oldsmobile Delta"),
            (Organization, "McDonnell Douglas-designed Delta"),
            (Organization, "Gold Fields"),
            (Organization, "Bank of England"),
            (Organization, "Port of Singapore"),
            (Organization, "Citizens State Bank of Silver Lake"),
            (Organization, "Long Island Lighting Co"),
            // A head alone names no landform.
            (Organization, "River"),
            (Organization, "Gulf of"),
            (Organization, "Gulf of oil"),
            (Organization, "OFFSHORE DATA SERVICES"),
            // Names with a continent's name in them that are no region's.
            (Organization, "Bank of America"),
            (Organization, "Hyundai Motor America"),
            (Organization, "United Steelworkers of America"),
            (Organization, "Bank of East Asia"),
            (Misc, "Latin American"),
            (Person, "Brent Beesley"),
            // A continent alone may be a company's short name.
            (Organization, "America"),
        ];
        let unchanged = names.map(|(kind, name)| (kind, name, kind));
        Entity::check_retyped(&unchanged, landforms_as_places);
    }
}
