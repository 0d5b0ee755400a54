//! Places in the capitals of wire datelines (`WASHINGTON, March 3 -`, `NEW YORK`, `SAN JOSE,
//! Calif.`) named as running text writes them (`Washington`, `New York`, `San Jose`), so that a
//! story filed from a city gives the city's name as other stories do. Only a dateline's place is
//! rewritten (a name in capitals alone opening a line, a comma after it), and only when the
//! model's unlabelled text knows each of its words and writes one of them capitalised inside
//! sentences nearly always: acronyms keep their capitals (`USSR`), as do initials (`U.S.`), names
//! in capitals elsewhere (a headline's) and anything but a place. When the dateline's date
//! follows the name (`SAO PAULO, March 5 -`), the name is a place whatever the model made of
//! it, and words the lexicon lacks are written capitalised too (`GREAT NECK` is `Great Neck`).

use super::month_points::is_month;
use super::recognizer::Entity;
use super::tags::EntityKind;

/// The lexicon's capitalisation prior of a word: 0 unknown, 1 (mostly lowercase) to 5
/// (always capitalised); see `lexicon::WordInfo::case`.
pub(crate) type CasePrior<'a> = &'a dyn Fn(&str) -> u8;

/// The lowest prior of one of the name's words for the name to be written capitalised (`Kansas`
/// in `KANSAS CITY`, where `city` is mostly lower case).
const CAPITALISED: u8 = 4;
/// The highest prior of a short inner word written in lower case (`Rio de Janeiro`, `Isle of
/// Man`: `de` and `of` have 2 and 1).
const LOWER_CASE: u8 = 2;
/// The longest inner word written in lower case by its prior (`del`, `the`, `and`).
const LOWER_CASE_CHARS: usize = 3;

/// Writes each place a dateline of `text` gives in capitals alone as running text writes it,
/// wherever the article names it.
///
/// A name in capitals that opens a dateline with its date (`SAO PAULO, March 5 -`, `GREAT NECK,
/// N.Y., April 2 -`) is a place whatever the model made of it (it read `SAO PAULO` as a person
/// in 47 Reuters stories), and is written with capitals at the start of its words even when the
/// lexicon lacks them (`Great Neck`, `Bala Cynwyd`).
pub(crate) fn places_as_written_in_text(text: &str, entities: &mut [Entity], prior: CasePrior<'_>) {
    let mut rewritten: Vec<(String, String)> = Vec::new();
    for entity in entities.iter_mut() {
        if entity.text.chars().any(char::is_lowercase) || !opens_a_dateline(text, entity) {
            continue;
        }
        let dated = date_follows(&text[entity.end..]);
        if dated {
            entity.kind = EntityKind::Location;
        }
        if entity.kind != EntityKind::Location
            || rewritten.iter().any(|(name, _)| *name == entity.canonical)
        {
            continue;
        }
        if let Some(written) = as_in_text(&entity.canonical, prior, dated) {
            rewritten.push((entity.canonical.clone(), written));
        }
    }
    for entity in entities
        .iter_mut()
        .filter(|e| e.kind == EntityKind::Location)
    {
        if let Some((_, written)) = rewritten.iter().find(|(name, _)| *name == entity.canonical) {
            entity.canonical = written.clone();
        }
    }
}

/// Whether a mention opens a line (after white space) and a comma follows it: a dateline's
/// place.
fn opens_a_dateline(text: &str, entity: &Entity) -> bool {
    let (Some(before), Some(after)) = (text.get(..entity.start), text.get(entity.end..)) else {
        return false;
    };
    // Only the spaces before it are looked at, not the whole line: a long text without line
    // breaks costs nothing more.
    let before = before.trim_end_matches([' ', '\t', '\r']);
    let line_start = before.is_empty() || before.ends_with('\n');
    line_start && after.starts_with(',')
}

/// The most bytes after a dateline's place looked at for its date.
const DATELINE_TAIL: usize = 48;

/// Whether the text after a dateline's place goes on with its date: a comma, up to two parts
/// of a region of capitalised words (`Calif.`, `N.Y.`, `West Germany`), then a month and a
/// day (`, March 5`, `, Calif., Feb 26`).
fn date_follows(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(',') else {
        return false;
    };
    let end = rest.floor_char_boundary(DATELINE_TAIL.min(rest.len()));
    for part in rest[..end].split(',').take(3) {
        let words: Vec<&str> = part.split_whitespace().collect();
        if let [month, day, ..] = words.as_slice()
            && is_month(month)
            && day.starts_with(|c: char| c.is_ascii_digit())
        {
            return true;
        }
        let region = !words.is_empty()
            && words.len() <= 3
            && words
                .iter()
                .all(|w| w.starts_with(|c: char| c.is_uppercase()));
        if !region {
            return false;
        }
    }
    false
}

/// A name in capitals alone written with capitals at the start of its words (and after a
/// hyphen: `WINSTON-SALEM` is `Winston-Salem`; `MCLEAN` is `McLean`), inner words that running
/// text writes in lower case in lower case, or `None` when it stays as it is: when the lexicon
/// lacks a word or writes none of them capitalised, unless the name opens a `dated` dateline.
fn as_in_text(name: &str, prior: CasePrior<'_>, dated: bool) -> Option<String> {
    // Words, and the parts of a hyphenated one, each looked up.
    let words: Vec<&str> = name.split([' ', '-']).collect();
    let plain = |word: &&str| {
        word.chars().count() >= 2 && word.chars().all(|c| c.is_alphabetic() && c.is_uppercase())
    };
    if !words.iter().all(plain) {
        return None;
    }
    let trusted = if dated {
        // One word the lexicon lacks, too short to be other than an acronym (`UAE`; `SAO` in
        // `SAO PAULO` is not).
        !matches!(words[..], [word] if word.chars().count() < 4 && prior(word) == 0)
    } else {
        words.iter().all(|word| prior(word) > 0)
            && words.iter().any(|word| prior(word) >= CAPITALISED)
    };
    trusted.then(|| written_name(name, prior))
}

/// A name in capitals written word by word ([`written_word`]), its spaces and hyphens kept.
fn written_name(name: &str, prior: CasePrior<'_>) -> String {
    let mut written = String::with_capacity(name.len());
    for (i, piece) in name.split_inclusive([' ', '-']).enumerate() {
        let word = piece.trim_end_matches([' ', '-']);
        written.push_str(&written_word(word, i == 0, prior));
        written.push_str(&piece[word.len()..]);
    }
    written
}

/// One word of a name in capitals as running text writes it: in lower case when it is an inner
/// word that text writes so (`de`, `of`), else with a capital first letter (and a capital after
/// `Mc`: `McLean`).
fn written_word(word: &str, first: bool, prior: CasePrior<'_>) -> String {
    if !first && word.chars().count() <= LOWER_CASE_CHARS && prior(word) <= LOWER_CASE {
        return word.to_lowercase();
    }
    let mc = word.len() > 3 && word.starts_with("MC");
    let mut out = String::with_capacity(word.len());
    for (i, c) in word.chars().enumerate() {
        if i == 0 || (mc && i == 2) {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Priors as the lexicon gives them for a few words.
    fn prior(word: &str) -> u8 {
        match word.to_lowercase().as_str() {
            "washington" | "york" | "jose" | "san" | "winston" | "salem" | "rio" | "janeiro"
            | "mclean" | "kansas" => 5,
            "new" | "city" => 2,
            "de" => 2,
            "may" => 3,
            _ => 0,
        }
    }

    #[test]
    fn dateline_capitals_are_written_as_in_running_text() {
        for (name, written) in [
            ("WASHINGTON", Some("Washington")),
            ("NEW YORK", Some("New York")),
            ("SAN JOSE", Some("San Jose")),
            ("WINSTON-SALEM", Some("Winston-Salem")),
            ("RIO DE JANEIRO", Some("Rio de Janeiro")),
            ("MCLEAN", Some("McLean")),
            // Unknown words (acronyms), a last word not nearly always capitalised, initials,
            // names already written in lower case, single letters.
            ("USSR", None),
            ("KANSAS CITY", Some("Kansas City")),
            ("NEW MAY", None),
            ("U.S.", None),
            ("Washington", None),
            ("New YORK", None),
            ("A", None),
        ] {
            assert_eq!(
                as_in_text(name, &prior, false).as_deref(),
                written,
                "{name}"
            );
        }
    }

    #[test]
    fn a_dateline_is_told_by_its_date() {
        for (after, dated) in [
            (", March 5 - Brazil's", true),
            (", Feb 26 - Showers", true),
            (", Calif., April 2 - Net", true),
            (", N.Y., Sept. 3 - Shr", true),
            (", West Germany, June 1 - A", true),
            (", not WASHINGTON, sold.", false),
            (", the company said on March 5", false),
            (" March 5", false),
            (", March", false),
        ] {
            assert_eq!(date_follows(after), dated, "{after}");
        }
    }

    #[test]
    fn a_dated_dateline_names_a_place_whatever_the_model_made_of_it() {
        let text = "SAO PAULO, March 5 - Banks shut.\nGREAT NECK, N.Y., March 5 - Net.\n\
                    UAE, March 6 - Oil.\nACME CORP, the company, said.";
        let entity = |kind, name: &str| Entity::nth_in(text, kind, name, 0);
        use EntityKind::*;
        let mut entities = [
            entity(Person, "SAO PAULO"),
            entity(Location, "GREAT NECK"),
            entity(Organization, "UAE"),
            entity(Organization, "ACME CORP"),
        ];
        places_as_written_in_text(text, &mut entities, &prior);
        let names = Entity::names_and_kinds(&entities);
        // Words the lexicon lacks are written capitalised; a short one may be an acronym; a
        // name before a comma with no date after it is left to the model.
        assert_eq!(
            names,
            [
                ("Sao Paulo", Location),
                ("Great Neck", Location),
                ("UAE", Location),
                ("ACME CORP", Organization)
            ]
        );
    }

    #[test]
    fn only_a_dateline_s_place_is_rewritten_wherever_it_is_named() {
        let text = "WASHINGTON, March 3 - The WASHINGTON office said.\nMCLEAN said NEW YORK, not \
                    WASHINGTON, sold.\n  NEW YORK, March 4 - More.";
        let entity = |kind, name: &str, nth: usize| Entity::nth_in(text, kind, name, nth);
        let (place, company) = (EntityKind::Location, EntityKind::Organization);
        let mut entities = [
            entity(place, "WASHINGTON", 0),
            entity(company, "WASHINGTON", 1),
            entity(place, "MCLEAN", 0),
            entity(place, "NEW YORK", 0),
            entity(place, "WASHINGTON", 2),
            entity(place, "NEW YORK", 1),
        ];
        places_as_written_in_text(text, &mut entities, &prior);
        let names: Vec<&str> = entities.iter().map(|e| e.canonical.as_str()).collect();
        // `MCLEAN` opens a line but no comma follows it; `NEW YORK` opens the last line.
        assert_eq!(
            names,
            [
                "Washington",
                "WASHINGTON",
                "MCLEAN",
                "New York",
                "Washington",
                "New York"
            ]
        );
    }
}
