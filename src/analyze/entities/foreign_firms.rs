//! A name that opens with another language's word for a bank, a group or a company (`Gruppo
//! Ferruzzi`, `Banca Popolare di Novara`, `Caisse Nationale de Credit Agricole`), or closes
//! with its company form (`Neste Oy`, `Graan Elevator Mij`), is an organisation's, whatever
//! the model made of it. The CoNLL news it learnt from has few of them: over known-item Reuters
//! it took `Gruppo Ferruzzi` for a person in 7 articles, `Graan Elevator Mij` in 6, `Istituto
//! Mobiliare Italiano` in 3, and a score of French `Caisse`, `Compagnie` and `Societe` names
//! for places.

use super::recognizer::{Entity, retype};
use super::tags::EntityKind;

/// First words of a bank's, a group's or a company's name in other languages.
const OPENING_WORDS: &[&str] = &[
    "Banca",
    "Banco",
    "Banque",
    "Caisse",
    "Cie",
    "Compagnie",
    "Compania",
    "Companhia",
    "Groupe",
    "Grupo",
    "Gruppo",
    "Instituto",
    "Istituto",
    "Koninklijke",
    "Kredietbank",
    "Landesbank",
    "Sociedad",
    "Societe",
    "Société",
];

/// Company forms that close a name in other languages, as they are written (`SA`, not the
/// surname `Sa`).
const CLOSING_FORMS: &[&str] = &[
    "AB", "AG", "Bhd", "Berhad", "BV", "GmbH", "KK", "Mij", "NV", "Oy", "Oyj", "SA", "SARL", "SpA",
    "Srl",
];

/// Makes an organisation of each name among `entities` of two words or more that opens with
/// one of [`OPENING_WORDS`] or closes with one of [`CLOSING_FORMS`], and of a person's or a
/// place's name that is part of one (`Ferruzzi` beside `Gruppo Ferruzzi`, `Boliden` beside
/// `Boliden AB`), which the model gave the kind it gave the whole; not a place `known_place`
/// knows (`Luxembourg` beside `Banque Internationale a Luxembourg SA`).
pub(crate) fn foreign_firms_as_organisations(
    entities: &mut [Entity],
    known_place: impl Fn(&str) -> bool,
) {
    let firms: Vec<String> = entities
        .iter()
        .filter(|entity| is_foreign_firm(&entity.text))
        .map(|entity| entity.text.clone())
        .collect();
    if firms.is_empty() {
        return;
    }
    retype(entities, EntityKind::Organization, |entity| {
        is_foreign_firm(&entity.text)
            || (entity.kind == EntityKind::Person
                || entity.kind == EntityKind::Location && !known_place(&entity.text))
                && firms.iter().any(|firm| holds_words(firm, &entity.text))
    });
}

/// Whether the words of `part` stand together in `name`.
fn holds_words(name: &str, part: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let part: Vec<&str> = part.split_whitespace().collect();
    !part.is_empty() && words.windows(part.len()).any(|window| window == part)
}

fn is_foreign_firm(name: &str) -> bool {
    let mut words = name.split_whitespace();
    let (Some(first), Some(last)) = (words.next(), words.next_back()) else {
        return false;
    };
    OPENING_WORDS.contains(&first) || CLOSING_FORMS.contains(&last.trim_end_matches('.'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityKind::*;

    #[test]
    fn other_languages_banks_and_companies_are_organisations() {
        let names = [
            (Person, "Gruppo Ferruzzi", Organization),
            (Person, "Graan Elevator Mij", Organization),
            (Person, "Istituto Mobiliare Italiano", Organization),
            (
                Location,
                "Caisse Nationale de Credit Agricole",
                Organization,
            ),
            (Location, "Compagnie Francaise des Petroles", Organization),
            (Person, "Neste Oy", Organization),
            (Person, "Kredietbank SA Luxembourgeoise", Organization),
            (Misc, "Montedison SpA.", Organization),
            // One word, a surname written as a form, and other names keep their kind.
            (Misc, "Caisse", Misc),
            (Person, "Jorge Sa", Person),
            (Location, "Sao Paulo", Location),
            (Person, "Banks", Person),
        ];
        Entity::check_retyped(&names, |entities| {
            foreign_firms_as_organisations(entities, |_| false)
        });
    }

    #[test]
    fn a_part_of_the_name_the_model_read_as_a_person_s_is_the_firm() {
        let text = "Gruppo Ferruzzi said Ferruzzi and Raul Gardini, in Ravenna; Boliden AB, \
                    Boliden, Banque Internationale a Luxembourg SA, Luxembourg";
        let mut entities = vec![
            Entity::nth_in(text, Person, "Gruppo Ferruzzi", 0),
            Entity::nth_in(text, Person, "Ferruzzi", 1),
            Entity::nth_in(text, Person, "Raul Gardini", 0),
            Entity::nth_in(text, Location, "Ravenna", 0),
            Entity::nth_in(text, Location, "Boliden AB", 0),
            Entity::nth_in(text, Location, "Boliden", 1),
            Entity::nth_in(text, Location, "Banque Internationale a Luxembourg SA", 0),
            Entity::nth_in(text, Location, "Luxembourg", 1),
        ];
        foreign_firms_as_organisations(&mut entities, |name| name == "Luxembourg");
        let kinds: Vec<EntityKind> = entities.iter().map(|e| e.kind).collect();
        let firm = Organization;
        assert_eq!(
            kinds,
            [firm, firm, Person, Location, firm, firm, firm, Location]
        );
    }
}
