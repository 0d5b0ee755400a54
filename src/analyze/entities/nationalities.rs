//! A nationality with a compass word or region before it (`West German`, `North American`,
//! `Saudi Arabian`) is a nationality, as CoNLL annotates it (MISC), not the place the model
//! made of it: it read `West German` as a place in 298 Reuters-21578 stories, as often as
//! `West Germany`.

use super::recognizer::{Entity, retype};
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

/// Makes a nationality (MISC) of each place or organisation among `entities` that is one word
/// made of a place's name and `i` or `is` (`Kuwaiti`, `Qataris`), the place one `known_place`
/// knows: the model read `Kuwaiti`, a word not in its training text, as a place in 11
/// known-item Reuters articles. A person's name stays, surnames are made so too (`Wallis`,
/// `Milani`), unless the place is one of [`I_COUNTRIES`] (PER `Kuwaiti` was in 6 articles: `the
/// Kuwaiti dinar`).
pub(crate) fn place_adjectives(entities: &mut [Entity], known_place: impl Fn(&str) -> bool) {
    retype(entities, EntityKind::Misc, |entity| {
        let word = entity.text.as_str();
        // In a headline's capitals too (`KUWAITI`).
        let stem = ["is", "IS", "i", "I"]
            .iter()
            .find_map(|end| word.strip_suffix(end))
            .unwrap_or("");
        if entity.kind == EntityKind::Person {
            return I_COUNTRIES.iter().any(|c| c.eq_ignore_ascii_case(stem));
        }
        stem.len() >= 4
            && !word.contains(char::is_whitespace)
            && stem.starts_with(|c: char| c.is_uppercase())
            && known_place(stem)
    });
}

/// Countries whose people are named by `i` after the country's name, no person's surname.
const I_COUNTRIES: &[&str] = &[
    "Kuwait",
    "Iraq",
    "Israel",
    "Pakistan",
    "Qatar",
    "Yemen",
    "Oman",
    "Bahrain",
    "Bangladesh",
];

/// Cuts a number or a measure off the front of each name among `entities` that is one and a
/// nationality, which is left as another name (MISC): `denominations of 1,000 Australian dlrs`
/// (MISC `1,000 Australian` in 7 known-item Reuters articles), `the 162,046-ton Iranian
/// tanker`. A number before another name stays (`1,000 Lakes`, a rally in CoNLL).
pub(crate) fn numbers_before_nationalities(entities: &mut [Entity]) {
    for entity in entities.iter_mut() {
        let Some((number, rest)) = entity.text.split_once(char::is_whitespace) else {
            continue;
        };
        let rest = rest.trim_start();
        if number.starts_with(|c: char| c.is_ascii_digit())
            && !rest.contains(char::is_whitespace)
            && is_nationality(rest)
        {
            entity.start = entity.end - rest.len();
            entity.text = rest.to_string();
            entity.kind = EntityKind::Misc;
        }
    }
}

/// Second halves of the adjectives news makes of a name with a hyphen (`U.S.-made`).
const ADJECTIVE_ENDS: &[&str] = &[
    "-based",
    "-made",
    "-owned",
    "-listed",
    "-led",
    "-controlled",
    "-backed",
    "-born",
    "-registered",
    "-flagged",
    "-built",
];

/// Makes another name (MISC) of each name among `entities` that is a name and one of
/// [`ADJECTIVE_ENDS`] (`U.S.-made`, `Hong Kong-listed`), as CoNLL annotates `London-based`:
/// the model read `U.S.-made` as an organisation in 11 known-item Reuters articles.
pub(crate) fn compound_adjectives(entities: &mut [Entity]) {
    retype(entities, EntityKind::Misc, |entity| {
        entity.text.contains('-')
            && ADJECTIVE_ENDS.iter().any(|end| {
                entity
                    .text
                    .strip_suffix(end)
                    .is_some_and(|name| name.starts_with(|c: char| c.is_uppercase()))
            })
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_and_made_or_based_is_another_name() {
        use EntityKind::*;
        let names = [
            (Organization, "U.S.-made", Misc),
            (Person, "Hong Kong-listed", Misc),
            (Location, "London-based", Misc),
            // Not a name's adjective.
            (Organization, "Rhone-Poulenc", Organization),
            (Organization, "Hewlett-Packard", Organization),
            (Misc, "-based", Misc),
        ];
        Entity::check_retyped(&names, compound_adjectives);
    }

    #[test]
    fn a_number_before_a_nationality_is_no_part_of_it() {
        let text = "of 1,000 Australian dlrs, the 162,046-ton Iranian tanker, 1,000 Lakes";
        let mut entities = vec![
            Entity::nth_in(text, EntityKind::Misc, "1,000 Australian", 0),
            Entity::nth_in(text, EntityKind::Organization, "162,046-ton Iranian", 0),
            Entity::nth_in(text, EntityKind::Misc, "1,000 Lakes", 0),
        ];
        numbers_before_nationalities(&mut entities);
        for e in &entities {
            assert_eq!(&text[e.start..e.end], e.text);
        }
        let names: Vec<(EntityKind, &str)> =
            entities.iter().map(|e| (e.kind, e.text.as_str())).collect();
        assert_eq!(
            names,
            [
                (EntityKind::Misc, "Australian"),
                (EntityKind::Misc, "Iranian"),
                (EntityKind::Misc, "1,000 Lakes")
            ]
        );
    }

    #[test]
    fn a_place_s_name_and_i_is_a_nationality() {
        use EntityKind::*;
        let names = [
            (Location, "Kuwaiti", Misc),
            (Location, "Qataris", Misc),
            (Organization, "Iraqi", Misc),
            // A person's name, not a place's name and `i`, or not one word.
            (Person, "Milani", Person),
            (Person, "Kuwaiti", Misc),
            (Person, "Pakistanis", Misc),
            (Person, "KUWAITI", Misc),
            (Person, "Mali", Person),
            (Location, "Kuwait", Location),
            (Location, "Helsinki", Location),
            (Organization, "Kuwaiti Oil", Organization),
        ];
        let places = ["Kuwait", "Qatar", "Iraq", "Helsinki", "Milan"];
        Entity::check_retyped(&names, |entities| {
            place_adjectives(entities, |name| places.contains(&name))
        });
    }

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
