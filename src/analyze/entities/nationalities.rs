//! A nationality with a compass word or region before it (`West German`, `North American`,
//! `Saudi Arabian`) is a nationality, as CoNLL annotates it (MISC), not the place the model
//! made of it: it read `West German` as a place in 298 Reuters-21578 stories, as often as
//! `West Germany`.

use super::recognizer::Entity;
use super::tags::EntityKind;

/// Words that qualify a nationality by region.
const QUALIFIERS: [&str; 8] = [
    "West", "East", "North", "South", "Central", "Latin", "Saudi", "W.",
];

/// Nationalities that do not end as most do.
const NATIONALITIES: [&str; 8] = [
    "German", "French", "Dutch", "Swiss", "Greek", "Thai", "Arab", "Korean",
];

/// Whether `word` reads as a nationality: listed, or ending as most do (`-ian`, `-ean`,
/// `-ican`, `-ese`, `-ish`), in any case; not `Ocean`. Stricter than `companies`' test of a
/// word the model already took for a nationality: its `-an` and `-i` would make places of
/// `East Pakistan` and `North Michigan`.
pub(crate) fn is_nationality(word: &str) -> bool {
    let lower = word.to_lowercase();
    NATIONALITIES.iter().any(|n| n.eq_ignore_ascii_case(word))
        || (lower != "ocean"
            && ["ian", "ean", "ican", "ese", "ish"]
                .iter()
                .any(|end| lower.ends_with(end)))
}

/// Whether `name` is a qualifier and a nationality.
pub(crate) fn is_qualified_nationality(name: &str) -> bool {
    let mut words = name.split_whitespace();
    matches!(
        (words.next(), words.next(), words.next()),
        (Some(qualifier), Some(nationality), None)
            if QUALIFIERS.iter().any(|q| q.eq_ignore_ascii_case(qualifier))
                && is_nationality(nationality)
    )
}

/// Makes each place of `entities` written as a qualifier and a nationality a nationality. Run
/// before the canonical names, so that a shorter place (`the West`) is not resolved to it.
pub(crate) fn qualified_nationalities(entities: &mut [Entity]) {
    for entity in entities
        .iter_mut()
        .filter(|e| e.kind == EntityKind::Location && is_qualified_nationality(&e.text))
    {
        entity.kind = EntityKind::Misc;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_qualified_nationality_is_no_place() {
        let text = "West German, WEST GERMAN and North American banks in West Germany, \
                    South Africa and the Indian Ocean; South Korean exports.";
        let mut entities: Vec<Entity> = [
            "West German",
            "WEST GERMAN",
            "North American",
            "West Germany",
            "South Africa",
            "Indian Ocean",
            "South Korean",
        ]
        .iter()
        .map(|name| Entity::nth_in(text, EntityKind::Location, name, 0))
        .collect();
        qualified_nationalities(&mut entities);
        let kinds: Vec<EntityKind> = entities.iter().map(|e| e.kind).collect();
        use EntityKind::*;
        assert_eq!(
            kinds,
            [Misc, Misc, Misc, Location, Location, Location, Misc]
        );
    }
}
