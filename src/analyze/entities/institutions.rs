//! A parliament's chamber or an armed force named alone is an organisation, as CoNLL annotates
//! `Senate`, `House of Commons`, `Navy` and `Army`: the model read `Lower House` as a place in
//! 13 known-item Reuters articles (`the 512-seat Lower House`) and `Upper House` in 2, and
//! `Navy` as another name in 22 (ORG in 16). So is `House` alone, the House of Representatives.

use super::recognizer::{Entity, retype};
use super::tags::EntityKind;

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

#[cfg(test)]
mod tests {
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
}
