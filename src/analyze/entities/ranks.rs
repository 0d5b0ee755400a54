//! A rank written before an office's title (`Federal Reserve Board Vice Chairman Manuel
//! Johnson`, `ICCO Executive Director`) is no part of the name before it: CoNLL leaves `Vice
//! Chairman` out and annotates `Federal Reserve Board` alone. The model ended names with the
//! rank: ORG `Federal Reserve Board Vice` in 10 known-item Reuters articles, `U.S. Department
//! of Agriculture Deputy`, `J.A.M. Executive Vice`. The rank's words are cut off such a name; a
//! rank alone is no name.

use super::portfolios::{opens_with_title, split_last_word};
use super::recognizer::Entity;
use super::tags::EntityKind;

/// Ranks written before an office's title.
const RANKS: &[&str] = &[
    "Acting",
    "Assistant",
    "Associate",
    "Chief",
    "Deputy",
    "Executive",
    "Senior",
    "Vice",
];

/// Offices' titles a rank stands before.
const TITLES: &[&str] = &[
    "Administrator",
    "Chairman",
    "Chairwoman",
    "Commissioner",
    "Counsel",
    "Director",
    "Editor",
    "Governor",
    "Manager",
    "Minister",
    "Officer",
    "President",
    "Representative",
    "Secretary",
    "Treasurer",
];

/// Cuts the rank's words off each name among `entities` (not a person's) that ends in them and
/// stands before an office's title in `text`; a name of a rank alone is dropped.
pub(crate) fn ranks_before_titles(text: &str, entities: &mut Vec<Entity>) {
    entities.retain_mut(|entity| {
        if entity.kind == EntityKind::Person || !opens_with_title(&text[entity.end..], TITLES) {
            return true;
        }
        let kept = without_ranks(&entity.text);
        if kept.len() == entity.text.len() {
            return true;
        }
        if kept.is_empty() {
            return false;
        }
        entity.end = entity.start + kept.len();
        entity.text.truncate(kept.len());
        true
    });
}

/// `name` without the ranks' words it ends in (a prefix of it, trimmed; empty when the name is
/// ranks alone).
fn without_ranks(name: &str) -> &str {
    let mut kept = name.trim_end();
    loop {
        let (before, word) = split_last_word(kept);
        if !RANKS.contains(&word) {
            return kept;
        }
        kept = before.trim_end();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityKind::*;

    fn cut(text: &str, names: &[(EntityKind, &str)]) -> Vec<(EntityKind, String)> {
        let mut entities: Vec<Entity> = names
            .iter()
            .map(|&(kind, name)| Entity::nth_in(text, kind, name, 0))
            .collect();
        ranks_before_titles(text, &mut entities);
        for e in &entities {
            assert_eq!(&text[e.start..e.end], e.text);
        }
        entities.into_iter().map(|e| (e.kind, e.text)).collect()
    }

    #[test]
    fn a_rank_before_an_office_is_no_part_of_a_name() {
        let text = "Federal Reserve Board Vice Chairman Manuel Johnson met ICCO Executive\n\
                    Director Kees Van der Meer, J.A.M. Executive Vice President Ray Jones and \
                    Deputy Secretary Smith.";
        let got = cut(
            text,
            &[
                (Organization, "Federal Reserve Board Vice"),
                (Misc, "ICCO Executive"),
                (Organization, "J.A.M. Executive Vice"),
                (Organization, "Deputy"),
            ],
        );
        let want = [
            (Organization, "Federal Reserve Board"),
            (Misc, "ICCO"),
            (Organization, "J.A.M."),
        ];
        assert_eq!(got, want.map(|(k, t)| (k, t.to_string())));
    }

    #[test]
    fn names_keep_ranks_elsewhere() {
        let text = "Acting Governor Jones of the Senior Executive Service, Chief Executive \
                    Officer at Vice Media, and Walter Deputy President.";
        let names = [
            // No title after it, a rank inside the name, a person's name.
            (Organization, "Senior Executive Service"),
            (Organization, "Vice Media"),
            (Person, "Walter Deputy"),
        ];
        let got = cut(text, &names);
        assert_eq!(got, names.map(|(k, t)| (k, t.to_string())));
    }
}
