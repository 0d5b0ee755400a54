//! The states of the United States, and the abbreviations datelines and addresses write them
//! with (`MELVILLE, N.Y.`, `LOS ANGELES, Calif.`, AP's style): an abbreviation found as a place
//! is the state's name, so that `--entity LOC:California` and the place listings take the 802
//! Reuters-21578 stories filed from `…, Calif.` as they take those that write `California`.

use super::recognizer::Entity;
use super::tags::EntityKind;

/// The states of the United States, as one or two words, in alphabetical order (searched by
/// halves).
pub(crate) const STATES: &[&str] = &[
    "Alabama",
    "Alaska",
    "Arizona",
    "Arkansas",
    "California",
    "Colorado",
    "Connecticut",
    "Delaware",
    "Florida",
    "Georgia",
    "Hawaii",
    "Idaho",
    "Illinois",
    "Indiana",
    "Iowa",
    "Kansas",
    "Kentucky",
    "Louisiana",
    "Maine",
    "Maryland",
    "Massachusetts",
    "Michigan",
    "Minnesota",
    "Mississippi",
    "Missouri",
    "Montana",
    "Nebraska",
    "Nevada",
    "New Hampshire",
    "New Jersey",
    "New Mexico",
    "New York",
    "North Carolina",
    "North Dakota",
    "Ohio",
    "Oklahoma",
    "Oregon",
    "Pennsylvania",
    "Rhode Island",
    "South Carolina",
    "South Dakota",
    "Tennessee",
    "Texas",
    "Utah",
    "Vermont",
    "Virginia",
    "Washington",
    "West Virginia",
    "Wisconsin",
    "Wyoming",
];

/// Whether `name` is one of the fifty states (`Texas`, `New Jersey`).
pub(crate) fn is_state(name: &str) -> bool {
    STATES.binary_search(&name).is_ok()
}

/// AP's abbreviations of the states' names, without their final full stop (`Calif`, `N.Y`),
/// and the states they stand for. Maine, Alaska, Hawaii, Idaho, Iowa, Ohio and Utah are written
/// out; `Me.` and `Ida.` read as words too often to be listed.
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("Ala", "Alabama"),
    ("Ariz", "Arizona"),
    ("Ark", "Arkansas"),
    ("Calif", "California"),
    ("Colo", "Colorado"),
    ("Conn", "Connecticut"),
    ("Del", "Delaware"),
    ("Fla", "Florida"),
    ("Ga", "Georgia"),
    ("Ill", "Illinois"),
    ("Ind", "Indiana"),
    ("Kan", "Kansas"),
    ("Kans", "Kansas"),
    ("Ky", "Kentucky"),
    ("La", "Louisiana"),
    ("Md", "Maryland"),
    ("Mass", "Massachusetts"),
    ("Mich", "Michigan"),
    ("Minn", "Minnesota"),
    ("Miss", "Mississippi"),
    ("Mo", "Missouri"),
    ("Mont", "Montana"),
    ("Neb", "Nebraska"),
    ("Nebr", "Nebraska"),
    ("Nev", "Nevada"),
    ("N.H", "New Hampshire"),
    ("N.J", "New Jersey"),
    ("N.M", "New Mexico"),
    ("N.Y", "New York"),
    ("N.C", "North Carolina"),
    ("N.D", "North Dakota"),
    ("Okla", "Oklahoma"),
    ("Ore", "Oregon"),
    ("Pa", "Pennsylvania"),
    ("R.I", "Rhode Island"),
    ("S.C", "South Carolina"),
    ("S.D", "South Dakota"),
    ("Tenn", "Tennessee"),
    ("Tex", "Texas"),
    ("Vt", "Vermont"),
    ("Va", "Virginia"),
    ("Wash", "Washington"),
    ("W.Va", "West Virginia"),
    ("Wis", "Wisconsin"),
    ("Wisc", "Wisconsin"),
    ("Wyo", "Wyoming"),
];

/// Whether `name` abbreviates a state's name (`Calif`, `N.Y.`, `MD`).
pub(crate) fn is_state_abbreviation(name: &str) -> bool {
    state_of(name).is_some()
}

/// The state an abbreviation (`Calif`, `Calif.`, `N.Y.`, a dateline's `CALIF.`) stands for,
/// and whether it was written in capitals with only two letters (`PA`, `LA`: Los Angeles too).
fn state_of(abbreviation: &str) -> Option<(&'static str, bool)> {
    let bare = abbreviation.strip_suffix('.').unwrap_or(abbreviation);
    // Every abbreviation is two to five bytes (`Ga`, `Calif`): nearly every name is not.
    if !(2..=5).contains(&bare.len()) {
        return None;
    }
    let in_capitals = bare.bytes().all(|b| !b.is_ascii_lowercase());
    ABBREVIATIONS.iter().find_map(|&(short, state)| {
        if short.len() != bare.len() {
            return None;
        }
        if short == bare {
            return Some((state, false));
        }
        let two_capitals = short.len() == 2 && short.bytes().all(|b| b.is_ascii_alphabetic());
        (in_capitals && bare.eq_ignore_ascii_case(short)).then_some((state, two_capitals))
    })
}

/// Names each state's abbreviation among `entities` of `text` by the state: one the model took
/// for a place, and one after a place and a comma whatever it took it for (ORG `Conn` in
/// `GREENWICH, Conn.`). Two capitals alone (`PA`, `LA`) count after a place and a comma only.
pub(crate) fn abbreviations_as_states(text: &str, entities: &mut [Entity]) {
    for i in 0..entities.len() {
        let Some((state, two_capitals)) = state_of(&entities[i].text) else {
            continue;
        };
        let after_a_place = || {
            let before = text[..entities[i].start].trim_end();
            let Some(comma) = before.strip_suffix(',') else {
                return false;
            };
            let comma_at = comma.trim_end().len();
            entities[..i]
                .iter()
                .any(|e| e.kind == EntityKind::Location && e.end == comma_at)
        };
        let a_place = entities[i].kind == EntityKind::Location && !two_capitals;
        if a_place || after_a_place() {
            entities[i].kind = EntityKind::Location;
            entities[i].canonical = state.to_string();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_state_s_abbreviation_is_the_state() {
        let text = "GREENWICH, Conn., March 3 - Acme Corp of Calif. and Ga said. Ill health.";
        let entity = |kind, name: &str| Entity::nth_in(text, kind, name, 0);
        use EntityKind::*;
        let mut entities = [
            entity(Location, "GREENWICH"),
            entity(Organization, "Conn."),
            entity(Organization, "Acme Corp"),
            entity(Location, "Calif."),
            entity(Person, "Ga"),
            entity(Misc, "Ill"),
        ];
        abbreviations_as_states(text, &mut entities);
        let names = Entity::names_and_kinds(&entities);
        // A person's or other name not after a place and a comma stays the model's.
        assert_eq!(
            names,
            [
                ("GREENWICH", Location),
                ("Connecticut", Location),
                ("Acme Corp", Organization),
                ("California", Location),
                ("Ga", Person),
                ("Ill", Misc)
            ]
        );
        assert_eq!(state_of("N.Y."), Some(("New York", false)));
        assert_eq!(state_of("CALIF."), Some(("California", false)));
        assert_eq!(state_of("PA"), Some(("Pennsylvania", true)));
        assert_eq!(state_of("NY"), None);
        assert_eq!(state_of("Calif.x"), None);
        // `LA` alone is not Louisiana; after a place and a comma it is.
        let text = "LA Gear. BATON ROUGE, LA., March 3";
        let mut entities = [
            Entity::nth_in(text, Location, "LA", 0),
            Entity::nth_in(text, Location, "BATON ROUGE", 0),
            Entity::nth_in(text, Organization, "LA.", 0),
        ];
        abbreviations_as_states(text, &mut entities);
        let names: Vec<&str> = entities.iter().map(|e| e.canonical.as_str()).collect();
        assert_eq!(names, ["LA", "BATON ROUGE", "Louisiana"]);
    }
}
