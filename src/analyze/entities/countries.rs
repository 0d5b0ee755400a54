//! A country's initials or acronym alone (`USSR`, `U.K.`, `U.S.A.`, `UAE`) is the country,
//! whatever the model made of it: an organisation of `USSR` in 49 known-item Reuters articles
//! (where the `Soviet Union` is a place in 223) and of `U.S.A.` in 6, another name of `U.K.` in
//! 6. CoNLL annotates them LOC, before a noun too (`U.K. banks`). `US` and `UK` are left as
//! they are: a pronoun in headlines' capitals, and Union Carbide's ticker.

use super::after_initials::is_country_initials;
use super::recognizer::{Entity, retype};
use super::tags::EntityKind;

/// Countries' acronyms that name nothing else.
const ACRONYMS: &[&str] = &["USSR", "U.S.S.R.", "UAE", "U.A.E."];

/// Makes a place of each name among `entities` that is a country's initials or acronym alone,
/// its last full stop left out or not (`the U.K insisting`).
pub(crate) fn countries_as_places(entities: &mut [Entity]) {
    let country = |name: &str| is_country_initials(name) || ACRONYMS.contains(&name);
    retype(entities, EntityKind::Location, |entity| {
        let text = entity.text.as_str();
        country(text) || text.contains('.') && country(&format!("{text}."))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityKind::*;

    #[test]
    fn a_country_s_initials_alone_are_the_place() {
        let names = [
            (Organization, "USSR", Location),
            (Misc, "U.K.", Location),
            (Organization, "U.S.A.", Location),
            (Organization, "U.A.E.", Location),
            (Location, "U.S.", Location),
            (Misc, "U.K", Location),
            // Longer names, other initials, a pronoun and a ticker keep their kind.
            (Organization, "U.K. Intervention Board", Organization),
            (Organization, "Chevron U.S.A. Inc", Organization),
            (Organization, "U.N.", Organization),
            (Person, "E.F.", Person),
            (Misc, "US", Misc),
            (Organization, "UK", Organization),
            (Organization, "USSR.", Organization),
        ];
        Entity::check_retyped(&names, countries_as_places);
    }
}
