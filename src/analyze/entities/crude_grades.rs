//! A crude oil's grade is a commodity, not a company or a place: `West Texas Intermediate`
//! (an organisation in 41 known-item Reuters articles), `West Texas Sour` (a place in 13, an
//! organisation in 11), `Light Louisiana Sweet` (an organisation in 9). The CoNLL news the
//! model learnt from names few grades; products and commodities are MISC there.

use super::acronyms::spellings;
use super::recognizer::{Entity, retype};
use super::tags::EntityKind;

/// Last words of a grade's name: its place's name, then what kind of crude it is.
const GRADE_WORDS: &[&str] = &["Intermediate", "Sour", "Sweet"];

/// Makes another name (MISC) of each name among `entities` that is a crude oil grade's:
/// capitalised words of a place before one of [`GRADE_WORDS`]. Not a person's (`John
/// Sweet`), and not once it is one word. So is the grade's acronym in the same article
/// (`WTI`), which then resolves to the grade ([`super::acronyms`] reads names of its kind).
pub(crate) fn grades_as_other_names(entities: &mut [Entity]) {
    let mut acronyms: Vec<String> = Vec::new();
    for entity in entities.iter_mut() {
        if entity.kind != EntityKind::Person && is_grade(&entity.text) {
            entity.kind = EntityKind::Misc;
            acronyms.extend(spellings(&entity.text));
        }
    }
    if !acronyms.is_empty() {
        retype(entities, EntityKind::Misc, |entity| {
            acronyms.contains(&entity.text)
        });
    }
}

/// Whether `name` is two to four capitalised words, the last a grade's word.
fn is_grade(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some((last, before)) = words.split_last() else {
        return false;
    };
    let capitalised = |word: &&str| {
        word.starts_with(|c: char| c.is_ascii_uppercase())
            && word.chars().all(|c| c.is_ascii_alphabetic())
    };
    (1..=3).contains(&before.len())
        && before.iter().all(capitalised)
        && GRADE_WORDS.iter().any(|w| last.eq_ignore_ascii_case(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityKind::*;

    #[test]
    fn crude_grades_are_other_names() {
        let names = [
            (Organization, "West Texas Intermediate", Misc),
            (Location, "West Texas Sour", Misc),
            (Organization, "Light Louisiana Sweet", Misc),
            (Organization, "WEST TEXAS INTERMEDIATE", Misc),
            // Places, persons and other names keep their kind.
            (Location, "West Texas", Location),
            (Person, "John Sweet", Person),
            (Organization, "Sweet", Organization),
            (
                Organization,
                "Intermediate Export Credit Guarantee Program",
                Organization,
            ),
            (Organization, "Sour and Sweet", Organization),
        ];
        Entity::check_retyped(&names, grades_as_other_names);
    }

    #[test]
    fn a_grade_s_acronym_in_the_article_is_the_grade() {
        let text = "West Texas Intermediate (WTI) rose; WTI and the WSJ";
        let mut entities = vec![
            Entity::nth_in(text, Organization, "West Texas Intermediate", 0),
            Entity::nth_in(text, Organization, "WTI", 0),
            Entity::nth_in(text, Organization, "WTI", 1),
            Entity::nth_in(text, Organization, "WSJ", 0),
        ];
        grades_as_other_names(&mut entities);
        let kinds: Vec<EntityKind> = entities.iter().map(|e| e.kind).collect();
        assert_eq!(kinds, [Misc, Misc, Misc, Organization]);
    }
}
