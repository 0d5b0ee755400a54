//! A one-word name that ends in a company's word (`Citicorp`, `Bundesbank`, `Metrobanc`) is an
//! organisation's, whatever the model made of it: it took `Citicorp` for a place in 26
//! known-item Reuters articles (`Citicorp and Chase Manhattan`), `Bundesbank` for another name
//! in 16, and `Westcorp`, `Gencorp` and `KeyCorp` for places or persons.

use super::recognizer::{Entity, retype};
use super::tags::EntityKind;

/// Endings that make a one-word name a company's or a bank's, in lower case.
const ENDINGS: &[&str] = &["corp", "bancorp", "banc", "bank"];

/// Letters a word has at least before its ending (`Bank` alone or `MCorp` are left alone).
const MIN_STEM: usize = 3;

/// Makes an organisation of each one-word name among `entities` that ends in a company's word
/// and is no place `known_place` knows (`Burbank`).
pub(crate) fn fused_designators_as_organisations(
    entities: &mut [Entity],
    known_place: impl Fn(&str) -> bool,
) {
    retype(entities, EntityKind::Organization, |entity| {
        has_fused_designator(&entity.text) && !known_place(&entity.text)
    });
}

/// Whether `name` is one capitalised word of letters ending in one of [`ENDINGS`] after at
/// least [`MIN_STEM`] letters.
fn has_fused_designator(name: &str) -> bool {
    if !name.starts_with(|c: char| c.is_ascii_uppercase())
        || !name.bytes().all(|b| b.is_ascii_alphabetic())
    {
        return false;
    }
    ENDINGS.iter().any(|ending| {
        name.len() >= ending.len() + MIN_STEM
            && name[name.len() - ending.len()..].eq_ignore_ascii_case(ending)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_company_s_word_fused_into_a_name_makes_it_a_company_s() {
        for name in [
            "Citicorp",
            "Bundesbank",
            "Metrobanc",
            "KeyCorp",
            "Westcorp",
            "Citibank",
        ] {
            assert!(has_fused_designator(name), "{name}");
        }
        for name in [
            "Bank",
            "MCorp",
            "Corp",
            "West Bank",
            "citicorp",
            "Citicorp's",
            "Morocco",
            "Mexico",
            "Bangkok",
        ] {
            assert!(!has_fused_designator(name), "{name}");
        }
        let place = |name: &str| Entity::nth_in(name, EntityKind::Location, name, 0);
        let mut entities = vec![place("Citicorp"), place("Burbank")];
        fused_designators_as_organisations(&mut entities, |name| name == "Burbank");
        let kinds: Vec<EntityKind> = entities.iter().map(|e| e.kind).collect();
        assert_eq!(kinds, [EntityKind::Organization, EntityKind::Location]);
    }
}
