//! A credit rating is no name. In the rating agencies' reports the model took the grades for
//! names of every kind: over known-item Reuters, MISC `A-2` in 34 articles, ORG `AAA` in 29
//! and `BBB` in 27, LOC `B-plus` in 13 and `Caa` in 12, some 310 mentions in all; and once in a
//! while it took one for the start of the company's name that follows it (`cut to CCC from
//! B-minus International Rectifier Corp`).
//!
//! Only where an article names an agency (Moody's, Standard and Poor's, Duff and Phelps,
//! Fitch): elsewhere `CCC` is the Commodity Credit Corporation and `B-1` a bomber. A grade the
//! article spells out as a longer name is that name, and stays (`CCC` resolved to `Commodity
//! Credit Corporation` in a grain report that quotes S and P).

use super::recognizer::Entity;

/// How the rating agencies are written, in lower case.
const AGENCIES: &[&str] = &[
    "moody's",
    "standard and poor's",
    "standard & poor's",
    "s and p",
    "s&p",
    "s/p",
    "duff and phelps",
    "duff & phelps",
    "fitch",
];

/// Whether `text` names a rating agency.
fn names_an_agency(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    AGENCIES.iter().any(|agency| lower.contains(agency))
}

/// Whether `word` is a credit rating: Standard and Poor's letters (`BBB`, `CCC-plus`, `A+`),
/// Moody's (`Baa`, `Aa3`, `B-1`) or a short-term grade (`A-1`, `P-2`, `Prime-1`, `MIG-1`), in
/// any case of its `plus` or `minus`. One letter alone is not taken for one.
pub(crate) fn is_rating(word: &str) -> bool {
    // From `AA` to `VMIG-1-plus`, opening with a capital.
    if !(2..=11).contains(&word.len()) || !word.starts_with(|c: char| c.is_ascii_uppercase()) {
        return false;
    }
    let mut core = word;
    for suffix in ["-plus", "-minus", "plus", "minus", "+", "-"] {
        let at = core.len().saturating_sub(suffix.len());
        if core.len() > suffix.len()
            && core.is_char_boundary(at)
            && core[at..].eq_ignore_ascii_case(suffix)
        {
            core = &core[..at];
            break;
        }
    }
    let (letters, digit) = match core.as_bytes() {
        [.., b'-', d @ b'1'..=b'3'] => (&core[..core.len() - 2], Some(*d)),
        [.., d @ b'1'..=b'3'] => (&core[..core.len() - 1], Some(*d)),
        _ => (core, None),
    };
    const LETTERS: &[&str] = &[
        "AAA", "AA", "A", "BBB", "BB", "B", "CCC", "CC", "C", "DDD", "DD", "D",
    ];
    const MOODYS: &[&str] = &["Aaa", "Aa", "A", "Baa", "Ba", "B", "Caa", "Ca", "C"];
    const SHORT_TERM: &[&str] = &["A", "P", "F", "SP", "MIG", "VMIG", "Prime"];
    match digit {
        None => LETTERS.contains(&letters) || MOODYS.contains(&letters),
        Some(_) => MOODYS.contains(&letters) || SHORT_TERM.contains(&letters),
    }
}

/// Cuts a rating written with a sign, a `plus` or `minus` or a digit off the start of each
/// longer name among `entities` of `text` (`B-minus International Rectifier Corp` to the
/// company), where the article names an agency. Run before the canonical names are made.
pub(crate) fn ratings_cut_from_names(text: &str, entities: &mut [Entity]) {
    let leading_rating = |entity: &Entity| {
        let (first, rest) = entity.text.split_once(char::is_whitespace)?;
        let rest = rest.trim_start();
        // Only a grade that cannot be a company's initials (`BB Holdings`).
        let graded = first.contains(|c: char| matches!(c, '-' | '+' | '1'..='3'));
        (graded && is_rating(first) && rest.starts_with(|c: char| c.is_uppercase()))
            .then(|| entity.text.len() - rest.len())
    };
    if !entities.iter().any(|e| leading_rating(e).is_some()) || !names_an_agency(text) {
        return;
    }
    for entity in entities.iter_mut() {
        if let Some(cut) = leading_rating(entity) {
            entity.start += cut;
            entity.text.drain(..cut);
        }
    }
}

/// Drops each name among `entities` of `text` that is a rating alone and resolves to no
/// longer name, where the article names an agency. Run once names are resolved.
pub(crate) fn drop_ratings(text: &str, entities: &mut Vec<Entity>) {
    // A headline's grade in capitals is the body's (`CAA` of `Caa`).
    let rating = |entity: &Entity| {
        is_rating(&entity.canonical) && entity.canonical.eq_ignore_ascii_case(&entity.text)
    };
    if entities.iter().any(rating) && names_an_agency(text) {
        entities.retain(|entity| !rating(entity));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::entities::EntityKind::*;

    #[test]
    fn grades_of_every_agency_are_ratings() {
        for grade in [
            "AAA",
            "BBB-plus",
            "CCC-minus",
            "A+",
            "BB-",
            "AA-PLUS",
            "Aaa",
            "Baa3",
            "Caa",
            "B-1",
            "A-1",
            "A-1-plus",
            "P-2",
            "Prime-1",
            "MIG-1",
            "DD",
        ] {
            assert!(is_rating(grade), "{grade}");
        }
        for word in [
            "A", "B", "ABC", "Baal", "AAAA", "A-4", "CBS", "Ba5", "-", "plus", "Apr",
        ] {
            assert!(!is_rating(word), "{word}");
        }
    }

    #[test]
    fn ratings_are_dropped_where_an_agency_is_named() {
        let text = "Standard and Poor's cut to CCC from B-minus International Rectifier \
                    Corp's BBB debt; the CCC, or Commodity Credit Corp, and AAA. BB Holdings. \
                    CUT TO CAA.";
        let mut entities = vec![
            Entity::nth_in(text, Organization, "CCC", 0),
            Entity::nth_in(
                text,
                Organization,
                "B-minus International Rectifier Corp",
                0,
            ),
            Entity::nth_in(text, Misc, "BBB", 0),
            Entity::nth_in(text, Organization, "CCC", 1),
            Entity::nth_in(text, Organization, "AAA", 0),
            Entity::nth_in(text, Organization, "BB Holdings", 0),
            Entity::nth_in(text, Location, "CAA", 0),
        ];
        ratings_cut_from_names(text, &mut entities);
        entities[3].canonical = "Commodity Credit Corp".to_string();
        entities[6].canonical = "Caa".to_string();
        drop_ratings(text, &mut entities);
        let left: Vec<&str> = entities.iter().map(|e| e.text.as_str()).collect();
        assert_eq!(left, ["International Rectifier Corp", "CCC", "BB Holdings"]);
        assert_eq!(&text[entities[0].start..entities[0].end], entities[0].text);
    }

    #[test]
    fn grades_stay_where_no_agency_is_named() {
        let text = "The B-1 bomber and the CCC, said AAA Corp.";
        let mut entities = vec![
            Entity::nth_in(text, Misc, "B-1", 0),
            Entity::nth_in(text, Organization, "CCC", 0),
        ];
        let before = entities.clone();
        drop_ratings(text, &mut entities);
        assert_eq!(entities, before);
    }
}
