//! A common word alone, capitalised, is no name. The model took words opening a table's line
//! or a heading for other names (MISC): `Loans 2.20 billion vs 1.81 billion`, `Open interest
//! in the Nikkei contract`, `Net 14.7 mln vs 11.7 mln`, and words left over from longer names
//! it cut (`Budget` of `Office of Management and Budget`, `Series` of `Series 62 bonds`). Over
//! known-item Reuters that was 246 mentions in 207 articles, of about 100 such words (`Series`
//! in 16 articles, `Net` in 13, `Budget` and `Bourse` in 10).
//!
//! Only other names go: a single common word the model took for an organisation or a place
//! is mostly one that news capitalises when it stands for one (`Treasury`, `Commission`).
//! Economic and financial terms' acronyms go whatever their kind (`GNP`, `LIFO`, `CDs`).

use super::recognizer::Entity;
use super::tags::EntityKind;

/// Words that name nothing alone, whatever kind the model gave them: institutions' adjectives,
/// as CoNLL leaves `Presidential` and `Parliamentary` (ORG `Congressional` in 22 known-item
/// Reuters articles, LOC in 12: `Congressional sources said`), and a title that names no
/// company either (ORG `Chancellor` in 13, of `Chancellor of the Exchequer`).
const NAMES_NOTHING_ALONE: &[&str] = &[
    "Congressional",
    "Parliamentary",
    "Presidential",
    "Ministerial",
    "Chancellor",
];

/// Drops each other name (MISC) among `entities` that is one word of letters only, not all
/// capitals, that unlabelled news writes in lower case most of the time (`mostly_lower_case`);
/// and the same word in capitals (a headline's `BUDGET` beside the body's `Budget`). A word in
/// capitals alone stays: it may be an acronym (`AIDS`). So goes such a word taken for an
/// organisation or another name, in capitals too, that opens a table's row in `text`: two
/// spaces or more and a figure after it (ORG `Oats     1.24` in 9 known-item Reuters articles,
/// `ZINC       455 457` in 6). Not a place: a table's `US` is the country's. And one of
/// [`NAMES_NOTHING_ALONE`], and the government's `Administration` alone (ORG in 15: `the
/// Administration has proposed`), which CoNLL writes in lower case, where no longer name of the
/// article ends in it.
pub(crate) fn drop_common_words(
    text: &str,
    entities: &mut Vec<Entity>,
    mostly_lower_case: impl Fn(&str) -> bool,
) {
    let opens_a_row = |entity: &Entity| {
        let after = text[entity.end..].trim_start_matches(' ');
        text.len() - after.len() - entity.end >= 2
            && after.starts_with(|c: char| c.is_ascii_digit())
    };
    // `the Administration` is the government's, unless the article names an administration
    // it may stand for (`Food and Drug Administration`).
    let administrations = entities
        .iter()
        .any(|e| e.text.ends_with("Administration") && e.text.contains(char::is_whitespace));
    let common = |entity: &Entity| {
        let word = entity.text.as_str();
        if word == "Administration" {
            return !administrations;
        }
        let letters = word.chars().all(char::is_alphabetic);
        let misc = entity.kind == EntityKind::Misc
            && letters
            && word.chars().skip(1).any(char::is_lowercase)
            && mostly_lower_case(word);
        misc || NAMES_NOTHING_ALONE.contains(&word)
            || (letters
                && matches!(entity.kind, EntityKind::Organization | EntityKind::Misc)
                && opens_a_row(entity)
                && mostly_lower_case(word))
    };
    let dropped: Vec<String> = entities
        .iter()
        .filter(|e| common(e))
        .map(|e| e.text.to_uppercase())
        .collect();
    if dropped.is_empty() {
        return;
    }
    let in_capitals =
        |entity: &Entity| entity.kind == EntityKind::Misc && dropped.contains(&entity.text);
    entities.retain(|entity| !common(entity) && !in_capitals(entity));
}

/// Economic and financial terms' acronyms, no names: CoNLL leaves `GDP`, `VAT` and `FRN`
/// unannotated. The model took them for organisations (ORG `GNP` in 13 known-item Reuters
/// articles, `LIFO` in 12, `FRN` in 10). `ADR` and the money supply's `M-1` are left as they
/// are: CoNLL annotates `ADRs` as other names.
const FINANCIAL_TERMS: &[&str] = &[
    "GNP", "GDP", "VAT", "CPI", "PPI", "LIFO", "FIFO", "FRN", "FRNS", "PIK", "LDC", "LDCS", "CD",
    "CDS", "CMO", "CMOS", "LNG", "LPG", "FCOJ", "T-BILL", "T-BILLS", "T-BOND", "T-BONDS",
];

/// Drops each name among `entities` that is one of [`FINANCIAL_TERMS`], in any case (`CDs`,
/// `T-bonds`).
pub(crate) fn drop_financial_terms(entities: &mut Vec<Entity>) {
    entities.retain(|entity| {
        !FINANCIAL_TERMS
            .iter()
            .any(|term| term.eq_ignore_ascii_case(&entity.text))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityKind::*;

    #[test]
    fn the_administration_alone_is_no_name_unless_an_administration_is_named() {
        let text = "The Food and Drug Administration said the Administration agreed.";
        let mut entities = vec![
            Entity::nth_in(text, Organization, "Food and Drug Administration", 0),
            Entity::nth_in(text, Organization, "Administration", 1),
        ];
        drop_common_words(text, &mut entities, |_| false);
        assert_eq!(entities.len(), 2);
        entities.remove(0);
        drop_common_words(text, &mut entities, |_| false);
        assert!(entities.is_empty());
    }

    #[test]
    fn financial_terms_are_no_names() {
        let text = "GNP rose, CDs and T-bonds fell, Gross National Product, ADRs and GNPX";
        let mut entities = vec![
            Entity::nth_in(text, Organization, "GNP", 0),
            Entity::nth_in(text, Misc, "CDs", 0),
            Entity::nth_in(text, Misc, "T-bonds", 0),
            Entity::nth_in(text, Misc, "Gross National Product", 0),
            Entity::nth_in(text, Misc, "ADRs", 0),
            Entity::nth_in(text, Organization, "GNPX", 0),
        ];
        drop_financial_terms(&mut entities);
        let left: Vec<&str> = entities.iter().map(|e| e.text.as_str()).collect();
        assert_eq!(left, ["Gross National Product", "ADRs", "GNPX"]);
    }

    #[test]
    fn a_common_word_alone_is_no_other_name() {
        let text = "Loans rose. Open interest in Series 62 and Japanese GMT. Treasury said \
                    NET and Net-to-gross. LOANS UP. ZINC     455 457 and Oats  1.24, Treasury 1.5. \
                    Congressional sources, Chancellor and the Administration";
        let mut entities = vec![
            Entity::nth_in(text, Misc, "Loans", 0),
            Entity::nth_in(text, Misc, "Open", 0),
            Entity::nth_in(text, Misc, "Series 62", 0),
            Entity::nth_in(text, Misc, "Japanese", 0),
            Entity::nth_in(text, Misc, "GMT", 0),
            Entity::nth_in(text, Organization, "Treasury", 0),
            Entity::nth_in(text, Misc, "NET", 0),
            Entity::nth_in(text, Misc, "Net-to-gross", 0),
            Entity::nth_in(text, Misc, "LOANS", 0),
            // A table's rows; not a word before a figure in running text.
            Entity::nth_in(text, Organization, "ZINC", 0),
            Entity::nth_in(text, Misc, "Oats", 0),
            Entity::nth_in(text, Organization, "Treasury", 1),
            Entity::nth_in(text, Location, "Congressional", 0),
            Entity::nth_in(text, Location, "Chancellor", 0),
            Entity::nth_in(text, Organization, "Administration", 0),
        ];
        let lower = [
            "loans", "open", "series", "treasury", "net", "gmt", "zinc", "oats",
        ];
        drop_common_words(text, &mut entities, |word| {
            lower.contains(&word.to_lowercase().as_str())
        });
        let left: Vec<&str> = entities.iter().map(|e| e.text.as_str()).collect();
        assert_eq!(
            left,
            [
                "Series 62",
                "Japanese",
                "GMT",
                "Treasury",
                "NET",
                "Net-to-gross",
                "Treasury"
            ]
        );
    }
}
