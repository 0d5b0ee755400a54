//! A state's or a province's name alone is the place, whatever the model made of it: it read
//! `Oregon` as an organisation in 10 known-item Reuters articles (`its sawmill in Lakeview,
//! Oregon`), `Ontario` as another name in 10 (`the Ontario government`), `Michigan` in 7,
//! `Nova Scotia` as a person in 4 (`Trenton, Nova Scotia`), `Northern Territory` and `Western
//! Australia` as organisations, and other countries' provinces in the crop reports (ORG
//! `PARANA` in 8, MISC `Sichuan` in 7, PER `Minas Gerais` and `Mato Grosso` in 5); CoNLL
//! annotates them LOC, before a noun too.
//!
//! A name the text goes on with a capitalised word is left alone: it is likely the start of a
//! longer name the model cut (`Michigan General`, `Texas Commerce Bank`), unless the word is a
//! title (`Texas Sen. John Tower`); in a headline in capitals every word is, so there a state
//! stays as the model read it (`OREGON ALUMINUM SMELTER`). So is a name a number follows: a
//! team's in sports results and standings (`CALIFORNIA 14 New York 3`, `TEXAS 75 58 .564`),
//! an organisation as CoNLL annotates it (26 of eng.testa's names). So is a person's name that
//! is a state's one word (`Washington`, `Montana`): surnames and given names too.

use super::recognizer::{Entity, is_person_title};
use super::states::{STATES, is_state};
use super::tags::EntityKind;

/// The provinces, states and territories of other federations and large countries, in
/// alphabetical order (searched by halves): Canada's and Australia's; Brazil's and Argentina's,
/// whose crops the commodity wires report by state (`Parana`, `La Pampa`); China's provinces;
/// Germany's and India's states. Left out: `Victoria` (a city, a lake and a person's name as
/// often), `Santa Fe` (a railway's name as often), `Para` and `Acre` (words), `Mendoza`
/// (a surname).
const PROVINCES: &[&str] = &[
    "Alagoas",
    "Alberta",
    "Amapa",
    "Amazonas",
    "Andhra Pradesh",
    "Anhui",
    "Baden-Wuerttemberg",
    "Bahia",
    "Bavaria",
    "Bihar",
    "British Columbia",
    "Buenos Aires",
    "Catamarca",
    "Ceara",
    "Chaco",
    "Chubut",
    "Cordoba",
    "Corrientes",
    "Entre Rios",
    "Espirito Santo",
    "Fujian",
    "Gansu",
    "Goias",
    "Guangdong",
    "Guangxi",
    "Guizhou",
    "Gujarat",
    "Hainan",
    "Hebei",
    "Heilongjiang",
    "Henan",
    "Hesse",
    "Hubei",
    "Hunan",
    "Inner Mongolia",
    "Jiangsu",
    "Jiangxi",
    "Jilin",
    "Jujuy",
    "Karnataka",
    "Kerala",
    "La Pampa",
    "La Rioja",
    "Liaoning",
    "Lower Saxony",
    "Madhya Pradesh",
    "Maharashtra",
    "Manitoba",
    "Maranhao",
    "Mato Grosso",
    "Mato Grosso do Sul",
    "Minas Gerais",
    "Misiones",
    "Neuquen",
    "New Brunswick",
    "New South Wales",
    "Newfoundland",
    "Ningxia",
    "North Rhine-Westphalia",
    "Northern Territory",
    "Northwest Territories",
    "Nova Scotia",
    "Ontario",
    "Paraiba",
    "Parana",
    "Pernambuco",
    "Piaui",
    "Prince Edward Island",
    "Punjab",
    "Qinghai",
    "Quebec",
    "Queensland",
    "Rajasthan",
    "Rhineland-Palatinate",
    "Rio Grande do Norte",
    "Rio Grande do Sul",
    "Rio Negro",
    "Rondonia",
    "Roraima",
    "Saarland",
    "Salta",
    "Santa Catarina",
    "Santa Cruz",
    "Santiago del Estero",
    "Sao Paulo",
    "Saskatchewan",
    "Saxony",
    "Schleswig-Holstein",
    "Sergipe",
    "Shaanxi",
    "Shandong",
    "Shanxi",
    "Sichuan",
    "South Australia",
    "Tamil Nadu",
    "Tasmania",
    "Thuringia",
    "Tierra del Fuego",
    "Tocantins",
    "Tucuman",
    "Uttar Pradesh",
    "West Bengal",
    "Western Australia",
    "Xinjiang",
    "Yukon",
    "Yunnan",
    "Zhejiang",
];

/// States' names that are people's names as well.
const PERSONS_TOO: &[&str] = &[
    "Washington",
    "Virginia",
    "Georgia",
    "Indiana",
    "Montana",
    "Carolina",
];

/// Whether `name` is one of the fifty states or of [`PROVINCES`] (`Texas`, `Ontario`).
pub(crate) fn is_state_or_province(name: &str) -> bool {
    is_state(name) || PROVINCES.binary_search(&name).is_ok()
}

/// Makes a place of each name among `entities` of `text` that is a state's or a province's
/// name (as written or in capitals), unless the text goes on with a capitalised word that is
/// not a title or with a number, or the model took it for a person and it is one of
/// [`PERSONS_TOO`].
pub(crate) fn states_as_places(text: &str, entities: &mut [Entity]) {
    for entity in entities.iter_mut() {
        if entity.kind == EntityKind::Location || !is_named_state(&entity.text) {
            continue;
        }
        if entity.kind == EntityKind::Person && PERSONS_TOO.contains(&entity.text.as_str()) {
            continue;
        }
        let next = text[entity.end..].split_whitespace().next().unwrap_or("");
        let longer = next.starts_with(|c: char| c.is_uppercase()) && !is_person_title(next);
        let scored = next.starts_with(|c: char| c.is_ascii_digit());
        if !longer && !scored {
            entity.kind = EntityKind::Location;
        }
    }
}

/// Whether `name`, its whitespace as one space and in any case (a dateline's `MISSOURI`), is a
/// state's or a province's name.
fn is_named_state(name: &str) -> bool {
    if !(4..=22).contains(&name.len()) || !name.starts_with(|c: char| c.is_ascii_uppercase()) {
        return false;
    }
    if is_state_or_province(name) {
        return true;
    }
    let in_capitals = !name.bytes().any(|b| b.is_ascii_lowercase());
    let spaced = name.contains(['\n', '\t']) || name.contains("  ");
    if !in_capitals && !spaced {
        return false;
    }
    // The words as one space apart; in capitals, compared without case (`RIO GRANDE DO SUL`).
    let written = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if in_capitals {
        STATES
            .iter()
            .chain(PROVINCES)
            .any(|place| place.eq_ignore_ascii_case(&written))
    } else {
        is_state_or_province(&written)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityKind::*;

    #[test]
    fn a_state_or_province_alone_is_the_place() {
        let text = "its sawmill in Lakeview, Oregon and the Ontario government, in Trenton, \
                    Nova Scotia. MISSOURI plans. Michigan General's offer, Texas Commerce Bank \
                    and former Texas Sen. John Tower; Washington said and Montana passed. Ohio \
                    ruled in Western\nAustralia, Victoria and Quebec Inc. CALIFORNIA 14 New York 3";
        let mentions = [
            (Organization, "Oregon", Location),
            (Misc, "Ontario", Location),
            (Person, "Nova Scotia", Location),
            (Organization, "MISSOURI", Location),
            (Misc, "Michigan", Misc),
            (Organization, "Texas", Organization),
            (Organization, "Texas", Location),
            (Person, "Washington", Person),
            (Person, "Montana", Person),
            (Person, "Ohio", Location),
            (Organization, "Western\nAustralia", Location),
            (Person, "Victoria", Person),
            (Organization, "Quebec", Organization),
            (Organization, "CALIFORNIA", Organization),
            (Organization, "New York", Organization),
        ];
        let mut seen = std::collections::HashMap::new();
        let mut entities: Vec<Entity> = mentions
            .iter()
            .map(|&(kind, name, _)| {
                let nth = seen.entry(name).or_insert(0);
                *nth += 1;
                Entity::nth_in(text, kind, name, *nth - 1)
            })
            .collect();
        states_as_places(text, &mut entities);
        for (entity, &(_, name, kind)) in entities.iter().zip(&mentions) {
            assert_eq!(entity.kind, kind, "{name} at {}", entity.start);
        }
    }

    #[test]
    fn the_lists_are_in_order() {
        assert!(PROVINCES.windows(2).all(|w| w[0] < w[1]));
        assert!(is_state("Alabama") && is_state("Wyoming") && is_state("New Jersey"));
    }

    #[test]
    fn provinces_and_states_are_whole_places() {
        assert!(is_state_or_province("Ontario"));
        assert!(is_state_or_province("New South Wales"));
        assert!(is_state_or_province("Parana"));
        assert!(is_state_or_province("North Rhine-Westphalia"));
        assert!(is_named_state("RIO GRANDE DO SUL") && is_named_state("LA PAMPA"));
        assert!(is_state_or_province("Texas"));
        assert!(!is_state_or_province("Victoria"));
        assert!(!is_state_or_province("Toronto"));
    }
}
