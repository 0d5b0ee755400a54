//! A parliament's chamber or an armed force named alone is an organisation, as CoNLL annotates
//! `Senate`, `House of Commons`, `Navy` and `Army`: the model read `Lower House` as a place in
//! 13 known-item Reuters articles (`the 512-seat Lower House`) and `Upper House` in 2, and
//! `Navy` as another name in 22 (ORG in 16). So is `House` alone, the House of Representatives.
//!
//! A country's embassy is no name of its own beside the country's, as CoNLL annotates `Polish
//! embassy` (only `Polish`): the model cut `U.S. Embassy` into a place and another name (MISC
//! `Embassy` in 19 known-item Reuters articles).

use super::recognizer::{Entity, retype};
use super::tags::{EntityKind, Span};

/// Armed forces' names, as news writes them alone. Not `Marines`: its members as often, which
/// CoNLL annotates as another name (MISC).
const FORCES: &[&str] = &[
    "Navy",
    "Army",
    "Air Force",
    "Marine Corps",
    "Coast Guard",
    "National Guard",
];

/// Makes an organisation of each name among `entities` that is a chamber's (`Lower` or
/// `Upper` and `House` or `Chamber`, or `House` alone) or one of [`FORCES`], in any case.
pub(crate) fn institutions_as_organisations(entities: &mut [Entity]) {
    retype(entities, EntityKind::Organization, |entity| {
        // Every such name is at most 14 bytes (`National Guard`): nearly every name is not.
        if entity.text.len() > "National Guard".len() {
            return false;
        }
        let written = entity.text.split_whitespace().collect::<Vec<_>>().join(" ");
        let chamber = written.split_once(' ').is_some_and(|(side, chamber)| {
            ["Lower", "Upper"]
                .iter()
                .any(|s| s.eq_ignore_ascii_case(side))
                && ["House", "Chamber"]
                    .iter()
                    .any(|c| c.eq_ignore_ascii_case(chamber))
        });
        // `House` alone is the House of Representatives (ORG in 72 known-item Reuters
        // articles, MISC in 13: `told the House agriculture subcommittee`).
        chamber
            || written.eq_ignore_ascii_case("House")
            || FORCES
                .iter()
                .any(|force| force.eq_ignore_ascii_case(&written))
    });
}

/// Drops, in one sentence's `words`, each name `Embassy` or `Consulate` (in any case) just
/// after a place or other name (`U.S. Embassy`, `Brazilian EMBASSY`), which stays.
pub(crate) fn drop_embassies(words: &[&str], spans: &mut Vec<Span>) {
    let mut i = 1;
    while i < spans.len() {
        let (country, mission) = (spans[i - 1], spans[i]);
        let is_mission = mission.end - mission.start == 1
            && ["Embassy", "Consulate"]
                .iter()
                .any(|m| m.eq_ignore_ascii_case(words[mission.start]));
        if is_mission
            && country.end == mission.start
            && matches!(country.kind, EntityKind::Location | EntityKind::Misc)
        {
            spans.remove(i);
        } else {
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tags::span_rules;
    use super::*;
    use EntityKind::*;

    #[test]
    fn chambers_and_forces_are_organisations() {
        let names = [
            (Location, "Lower House", Organization),
            (Misc, "UPPER HOUSE", Organization),
            (Location, "Upper\nChamber", Organization),
            (Misc, "Navy", Organization),
            (Misc, "House", Organization),
            (Misc, "AIR FORCE", Organization),
            (Location, "Coast\nGuard", Organization),
            // Other houses, other words and longer names keep their kind.
            (Location, "White House", Location),
            (Person, "Lower", Person),
            (Misc, "Lower House Speaker", Misc),
            (Misc, "Navy Secretary", Misc),
            (Misc, "Air", Misc),
        ];
        Entity::check_retyped(&names, institutions_as_organisations);
    }

    #[test]
    fn a_country_s_embassy_is_no_name_of_its_own() {
        let text = "the U.S. Embassy said Brazilian EMBASSY De Laurentiis Embassy";
        let spans = [
            (1, 2, Location),
            (2, 3, Misc),
            (4, 5, Misc),
            (5, 6, Misc),
            (6, 8, Organization),
            (8, 9, Organization),
        ];
        let name = |name: &str, kind| (name.to_string(), kind);
        assert_eq!(
            span_rules::after(drop_embassies, text, &spans),
            [
                name("U.S.", Location),
                name("Brazilian", Misc),
                name("De Laurentiis", Organization),
                name("Embassy", Organization),
            ]
        );
    }
}
