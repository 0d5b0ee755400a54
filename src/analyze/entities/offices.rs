//! A person named with the office before the name, which the model took, office and all, for
//! an organisation: ORG `U.S. Trade Representative Clayton Yeutter` in 26 known-item Reuters
//! articles, `Defence Secretary Caspar Weinberger`, `West German Chancellor Helmut Schmidt`.
//! The words after the office's title are the person (`Clayton Yeutter`), as CoNLL annotates
//! them; the office is no name. They are taken only when they look like a person's name: two
//! or three words that are capitalised wherever the model's unlabelled text has them
//! (`Executive Officer` after `Chief` is not), or whose last word ends a person's name in the
//! same article (`Yeutter said`).

use super::companies::is_designator;
use super::recognizer::{Entity, PERSON_TITLES};
use super::tags::EntityKind;
use rustc_hash::FxHashSet;
use std::sync::OnceLock;

/// Offices written before a name besides [`PERSON_TITLES`] (which the tagger's span rules
/// trim off a person's name): `Trade Representative`.
const MORE_OFFICES: &[&str] = &["Representative"];

/// Most words of a person's name after the office.
const MAX_NAME_WORDS: usize = 3;

/// Titles that open companies' names far more often than they stand before a person's in
/// business news (`General Motors`, `General Electric Co`).
const COMPANY_WORDS: &[&str] = &["General"];

/// Whether `word` is an office's title written before a name (looked up in a set: this runs
/// on every word of every name).
fn is_office(word: &str) -> bool {
    static OFFICES: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    let offices = OFFICES.get_or_init(|| {
        PERSON_TITLES
            .iter()
            .chain(MORE_OFFICES)
            .filter(|title| !COMPANY_WORDS.contains(title))
            .copied()
            .collect()
    });
    word.starts_with(|c: char| c.is_ascii_uppercase()) && offices.contains(word)
}

/// Turns an organisation's, place's or other name that holds an office's title followed by a
/// person's name into that person, the span cut to the name. `capitalised` tells whether a
/// word is capitalised in most of the text it is known from (unknown words are).
pub(crate) fn persons_in_office(entities: &mut [Entity], capitalised: impl Fn(&str) -> bool) {
    // The last words of the article's persons' names, found once a name needs them.
    let mut surnames: Option<Vec<String>> = None;
    for at in 0..entities.len() {
        let entity = &entities[at];
        if entity.kind == EntityKind::Person || !entity.text.split_whitespace().any(is_office) {
            continue;
        }
        let words: Vec<(usize, &str)> = words_at(&entity.text).collect();
        let Some(office) = words.iter().rposition(|&(_, w)| is_office(w)) else {
            continue;
        };
        let name = &words[office + 1..];
        let Some(&(name_at, _)) = name.first() else {
            continue;
        };
        let looks_like_a_name = name.len() <= MAX_NAME_WORDS
            && name.iter().all(|&(_, w)| {
                w.starts_with(|c: char| c.is_uppercase()) && !is_office(w) && !is_designator(w)
            });
        if !looks_like_a_name {
            continue;
        }
        let last = name[name.len() - 1].1;
        let capitalised_name = name.len() >= 2 && name.iter().all(|&(_, w)| capitalised(w));
        if !capitalised_name {
            let surnames = surnames.get_or_insert_with(|| persons_last_words(entities));
            if !surnames.iter().any(|s| s == last) {
                continue;
            }
        }
        let (text, start) = (entity.text[name_at..].to_string(), entity.start + name_at);
        let entity = &mut entities[at];
        entity.kind = EntityKind::Person;
        entity.text = text;
        entity.start = start;
    }
}

/// A president's (or governor's) administration is no name; the president is a person, as
/// CoNLL annotates `Clinton administration` (PER `Clinton`). The model read `Reagan
/// Administration` as an organisation in 38 known-item Reuters articles, and `Reagan` before
/// `administration` as another name in 10. A name of one word before `administration` (any
/// case), or such a name and `Administration`, becomes that person where a person's name in
/// the same article ends in the word (`President Reagan`, `Ronald Reagan`): not the `Maritime
/// Administration` nor the `Food and Drug Administration`.
pub(crate) fn persons_of_administrations(
    text: &str,
    entities: &mut [Entity],
    known_person: impl Fn(&str) -> bool,
) {
    // Most articles name none.
    if !text.contains("dministration") && !text.contains("DMINISTRATION") {
        return;
    }
    let is_administration = |word: &str| word.eq_ignore_ascii_case("administration");
    let followed = |entity: &Entity| {
        text[entity.end..]
            .trim_start()
            .split(|c: char| !c.is_alphabetic())
            .next()
            .is_some_and(is_administration)
    };
    let mut surnames: Option<Vec<String>> = None;
    for at in 0..entities.len() {
        let entity = &entities[at];
        if entity.kind == EntityKind::Person {
            continue;
        }
        let mut words = entity.text.split_whitespace();
        let (name, cut) = match (words.next(), words.next(), words.next()) {
            (Some(name), None, None) if followed(entity) => (name, false),
            (Some(name), Some(last), None) if is_administration(last) => (name, true),
            _ => continue,
        };
        if !name.starts_with(|c: char| c.is_uppercase()) {
            continue;
        }
        let surnames = surnames.get_or_insert_with(|| persons_last_words(entities));
        if !surnames.iter().any(|s| s == name) && !known_person(name) {
            continue;
        }
        let name = name.to_string();
        let entity = &mut entities[at];
        if cut {
            entity.end = entity.start + name.len();
            entity.text = name;
        }
        entity.kind = EntityKind::Person;
    }
}

/// The last word of each person's name among `entities` (`Yeutter` of `Clayton Yeutter`), found
/// once a name needs them.
fn persons_last_words(entities: &[Entity]) -> Vec<String> {
    entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .filter_map(|e| e.text.split_whitespace().last().map(str::to_string))
        .collect()
}

/// The whitespace-separated words of `text`, with their byte offsets.
fn words_at(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_whitespace()
        .map(move |word| (word.as_ptr() as usize - text.as_ptr() as usize, word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(kind: EntityKind, text: &str, start: usize) -> Entity {
        Entity {
            kind,
            text: text.to_string(),
            start,
            end: start + text.len(),
            canonical: String::new(),
        }
    }

    /// Words the model's text writes in lower case more often than not.
    fn capitalised(word: &str) -> bool {
        !["Executive", "Officer", "Systems", "Lines", "Call"].contains(&word)
    }

    #[test]
    fn a_president_s_administration_is_the_president() {
        use EntityKind::{Misc, Organization as Org, Person as Per};
        let text = "The Reagan Administration and the Carter administration, said Jimmy Carter. \
                    The Maritime Administration and the Food and Drug Administration, and a \
                    Nixon Administration official; Acme administration.";
        let mut entities = vec![
            Entity::nth_in(text, Org, "Reagan Administration", 0),
            Entity::nth_in(text, Misc, "Carter", 0),
            Entity::nth_in(text, Per, "Jimmy Carter", 0),
            Entity::nth_in(text, Org, "Maritime Administration", 0),
            Entity::nth_in(text, Org, "Food and Drug Administration", 0),
            Entity::nth_in(text, Org, "Nixon Administration", 0),
            Entity::nth_in(text, Org, "Acme", 0),
        ];
        // `Reagan` the gazetteer knows as a person's name; `Carter` a person of the article.
        persons_of_administrations(text, &mut entities, |name| name == "Reagan");
        let found: Vec<(EntityKind, &str)> =
            entities.iter().map(|e| (e.kind, e.text.as_str())).collect();
        assert_eq!(
            found,
            [
                (Per, "Reagan"),
                (Per, "Carter"),
                (Per, "Jimmy Carter"),
                (Org, "Maritime Administration"),
                (Org, "Food and Drug Administration"),
                (Org, "Nixon Administration"),
                (Org, "Acme"),
            ]
        );
        assert_eq!(&text[entities[0].start..entities[0].end], "Reagan");
    }

    #[test]
    fn an_office_before_a_name_is_left_out_of_the_person() {
        let mut entities = vec![
            entity(
                EntityKind::Organization,
                "U.S. Trade Representative Clayton Yeutter",
                10,
            ),
            entity(
                EntityKind::Organization,
                "Defence Secretary\nCaspar Weinberger",
                80,
            ),
            // One word: a person's only when a person's name in the article ends in it.
            entity(
                EntityKind::Organization,
                "ICCO Executive Director Kobena",
                120,
            ),
            entity(EntityKind::Organization, "EC Policy Director Heinrich", 160),
            entity(EntityKind::Person, "Heinrich", 200),
        ];
        persons_in_office(&mut entities, capitalised);
        let found: Vec<(EntityKind, &str, usize)> = entities
            .iter()
            .map(|e| (e.kind, e.text.as_str(), e.start))
            .collect();
        assert_eq!(
            found,
            [
                (EntityKind::Person, "Clayton Yeutter", 36),
                (EntityKind::Person, "Caspar Weinberger", 98),
                (
                    EntityKind::Organization,
                    "ICCO Executive Director Kobena",
                    120
                ),
                (EntityKind::Person, "Heinrich", 179),
                (EntityKind::Person, "Heinrich", 200),
            ]
        );
        for e in &entities {
            assert_eq!(e.end - e.start, e.text.len(), "{e:?}");
        }
    }

    #[test]
    fn companies_and_offices_named_after_titles_stay() {
        let names = [
            "American President Lines",
            "American President Cos Ltd",
            "Votrax Call Director Systems",
            "Chief Executive Officer",
            "General Motors Corp",
            "General Motors Canada",
            "Federal Reserve Governor",
        ];
        let mut entities: Vec<Entity> = names
            .iter()
            .map(|name| entity(EntityKind::Organization, name, 0))
            .collect();
        persons_in_office(&mut entities, capitalised);
        for (e, name) in entities.iter().zip(names) {
            assert_eq!((e.kind, e.text.as_str()), (EntityKind::Organization, name));
        }
    }
}
