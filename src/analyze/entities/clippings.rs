//! Clipped names: an organisation's word of three letters that stands for the article's longer
//! name of the kind whose first word it begins (`Fed` for the `Federal Reserve`, `Pru` for
//! `Prudential-Bache Securities`), as the article's acronym stands for the name it abbreviates
//! ([`super::acronyms`]). Longer words that begin a name's first word are mostly names or
//! words of their own (`Nova` is not `Novacor Inc`, nor `Congress` the `Congressional Budget
//! Office`).

use super::recognizer::Entity;
use super::tags::EntityKind;

/// The letters of a clipped name.
const LETTERS: usize = 3;

/// The fewest letters the full word has past the clipped name's.
const MIN_CUT: usize = 3;

/// Resolves each one-word name among `entities` (one article's, canonical names filled in) that
/// begins the first word of a longer organisation's name in the article, the word going on in
/// lower case (`Fed` and `Federal`, not `Ban` and `BankAmerica`), to that name (the most
/// mentioned when several do), as an organisation: the model took `the Fed` for another name
/// (MISC) in some sentences of articles that give the `Federal Reserve`. A person's name stays
/// one, so does a place (`Tex` and `Ken` are states beside a `Texaco Inc`), and so does a word
/// the article also writes in lower case (`cattle were fed`).
pub(crate) fn resolve_clippings(text: &str, entities: &mut [Entity]) {
    let clipped = |e: &Entity| {
        matches!(e.kind, EntityKind::Organization | EntityKind::Misc) && is_clipping(&e.canonical)
    };
    if !entities.iter().any(clipped) {
        return;
    }
    // The article's longer organisations' names, with their mentions.
    let mut names: Vec<(&str, usize)> = Vec::new();
    for e in entities.iter() {
        if e.kind != EntityKind::Organization || !e.canonical.contains(' ') {
            continue;
        }
        match names.iter_mut().find(|(name, _)| *name == e.canonical) {
            Some((_, mentions)) => *mentions += 1,
            None => names.push((e.canonical.as_str(), 1)),
        }
    }
    let mut resolved: Vec<(usize, String)> = Vec::new();
    for (i, e) in entities.iter().enumerate() {
        if !clipped(e) {
            continue;
        }
        let word = e.canonical.as_str();
        let mut best: Option<(usize, &str)> = None;
        for &(name, mentions) in &names {
            if clips(word, name) && best.is_none_or(|(most, _)| mentions > most) {
                best = Some((mentions, name));
            }
        }
        if let Some((_, name)) = best
            && !written_in_lower_case(text, word)
        {
            resolved.push((i, name.to_string()));
        }
    }
    for (i, name) in resolved {
        entities[i].kind = EntityKind::Organization;
        entities[i].canonical = name;
    }
}

/// Whether `word` may be a clipped name: three letters, a capital and two lower-case ones.
fn is_clipping(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() == LETTERS && b[0].is_ascii_uppercase() && b[1..].iter().all(u8::is_ascii_lowercase)
}

/// Whether `word` (as written, normalised) is `name` clipped: a clipped name that begins the
/// name's first word, which goes on in lower case for at least [`MIN_CUT`] more letters, up to
/// a hyphen if any (`Fed` and `Federal Reserve`, `Pru` and `Prudential-Bache`; not `Ban` and
/// `BankAmerica`).
pub(crate) fn clips(word: &str, name: &str) -> bool {
    let Some((first, _)) = name.split_once(' ') else {
        return false;
    };
    let part = first.split('-').next().unwrap_or(first);
    is_clipping(word)
        && part.strip_prefix(word).is_some_and(|rest| {
            rest.len() >= MIN_CUT && rest.bytes().all(|b| b.is_ascii_lowercase())
        })
}

/// Whether `text` has `word` in lower case as a word of its own.
fn written_in_lower_case(text: &str, word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    text.match_indices(&lower).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + lower.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityKind::*;

    fn resolved(text: &str, mentions: &[(EntityKind, &str, usize)]) -> Vec<(String, EntityKind)> {
        Entity::resolved_by(text, mentions, |entities| resolve_clippings(text, entities))
    }

    #[test]
    fn a_clipped_name_is_the_article_s_name_it_begins() {
        assert!(clips("Fed", "Federal Reserve"));
        assert!(clips("Pru", "Prudential-Bache Securities"));
        // Too long, a name of its own, a word going on in capitals, a name of one word.
        assert!(!clips("Nova", "Novacor Inc"));
        assert!(!clips("Congress", "Congressional Budget Office"));
        assert!(!clips("Ban", "BankAmerica Corp"));
        assert!(!clips("Fed", "Federal"));
        assert!(!clips("FED", "Federal Reserve"));
        let text = "The Federal Reserve added reserves. The Fed said it would act.";
        let names = resolved(
            text,
            &[
                (Organization, "Federal Reserve", 0),
                (Organization, "Fed", 0),
            ],
        );
        assert_eq!(names[1], ("Federal Reserve".to_string(), Organization));
        // Another name (MISC) too, not a person's or a place's, and not where the article writes
        // the word as a word.
        let names = resolved(
            text,
            &[(Organization, "Federal Reserve", 0), (Misc, "Fed", 0)],
        );
        assert_eq!(names[1], ("Federal Reserve".to_string(), Organization));
        for kind in [Person, Location] {
            let names = resolved(
                text,
                &[(Organization, "Federal Reserve", 0), (kind, "Fed", 0)],
            );
            assert_eq!(names[1], ("Fed".to_string(), kind));
        }
        let text = "The Federal Reserve said cattle were fed well. The Fed agreed.";
        let names = resolved(
            text,
            &[
                (Organization, "Federal Reserve", 0),
                (Organization, "Fed", 0),
            ],
        );
        assert_eq!(names[1], ("Fed".to_string(), Organization));
    }
}
