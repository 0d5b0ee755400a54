//! A parliament's chamber is an organisation, as CoNLL annotates `Senate` and `House of
//! Commons`: the model read `Lower House` as a place in 13 known-item Reuters articles (`the
//! 512-seat Lower House`) and `Upper House` in 2.

use super::recognizer::{Entity, retype};
use super::tags::EntityKind;

/// Makes an organisation of each name among `entities` that is `Lower` or `Upper` and `House`
/// or `Chamber`, in any case.
pub(crate) fn chambers_as_organisations(entities: &mut [Entity]) {
    retype(entities, EntityKind::Organization, |entity| {
        let mut words = entity.text.split_whitespace();
        match (words.next(), words.next(), words.next()) {
            (Some(side), Some(chamber), None) => {
                ["Lower", "Upper"]
                    .iter()
                    .any(|s| s.eq_ignore_ascii_case(side))
                    && ["House", "Chamber"]
                        .iter()
                        .any(|c| c.eq_ignore_ascii_case(chamber))
            }
            _ => false,
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityKind::*;

    #[test]
    fn a_parliament_s_chamber_is_an_organisation() {
        let names = [
            (Location, "Lower House", Organization),
            (Misc, "UPPER HOUSE", Organization),
            (Location, "Upper\nChamber", Organization),
            // Other houses and longer names keep their kind.
            (Location, "White House", Location),
            (Person, "Lower", Person),
            (Misc, "Lower House Speaker", Misc),
        ];
        Entity::check_retyped(&names, chambers_as_organisations);
    }
}
