//! An acronym resolved to the name it abbreviates in the same article: news gives the name
//! once and the acronym after it (`the Securities and Exchange Commission (SEC) … the SEC
//! said`), so `SEC` there is the commission, as `Altman` is `Sam Altman`
//! ([`super::canonical`]). An acronym matches a longer name of its kind whose words' initials
//! spell it, the small words left out (`GATT` for `General Agreement on Tariffs and Trade`),
//! initials read letter by letter (`USDA`, `U.S. Department of Agriculture`), a hyphenated
//! word by its first letter or each part's (`OECD`, `Organisation for Economic Co-operation
//! and Development`) and a final corporate designator with or without its letter (`IBM`,
//! `International Business Machines Corp`; `CCC`, `Commodity Credit Corporation`).
//!
//! A name that contains the acronym as a word (`EC Commission` for `EC`) is what
//! [`super::canonical`] resolved it to; a name it abbreviates (`European Community`) wins over
//! that. Over Reuters-21578, before this, an article that wrote both `SEC` and the commission's
//! name counted under both.

use super::canonical::normalize;
use super::companies::is_designator;
use super::recognizer::Entity;
use super::tags::EntityKind;

/// The longest acronym looked at (`NASDAQ` is six letters).
const MAX_LETTERS: usize = 8;

/// Words an acronym leaves out, lower-case.
const SMALL_WORDS: &[&str] = &[
    "of", "and", "the", "for", "on", "in", "to", "at", "de", "du", "des", "la", "le", "&",
];

/// Whether `name` reads as an acronym: two to [`MAX_LETTERS`] capital letters and nothing else.
fn is_acronym(name: &str) -> bool {
    (2..=MAX_LETTERS).contains(&name.len()) && name.bytes().all(|b| b.is_ascii_uppercase())
}

/// The ways `name`'s initials spell an acronym, in capitals: each word's first letter (each
/// letter of initials such as `U.S.`; a hyphenated word's first letter, or each part's), the
/// small words left out, and a final designator with and without its letter. Empty for a
/// name of one word or one that holds an acronym.
pub(crate) fn spellings(name: &str) -> Vec<String> {
    let words: Vec<&str> = name.split(' ').collect();
    // One word abbreviates nothing; a name holding an acronym (`EC Commission`, a headline's
    // `SEC CHAIRMAN`) is not spelt out.
    if words.len() < 2
        || words
            .iter()
            .any(|w| is_acronym(w.trim_end_matches([',', '.'])))
    {
        return Vec::new();
    }
    let mut spelt = vec![String::new()];
    let mut before_designator = None;
    for (i, word) in words.iter().enumerate() {
        let lower = word.to_ascii_lowercase();
        let bare = lower.trim_end_matches(['.', ',']);
        if SMALL_WORDS.contains(&bare) {
            continue;
        }
        if i + 1 == words.len()
            && i > 0
            && (is_designator(bare) || matches!(bare, "company" | "incorporated"))
        {
            before_designator = Some(spelt.clone());
        }
        let letters: Vec<String> = if word.len() > 2 && word.ends_with('.') && word.contains('.') {
            // Initials: `U.S.` spells `US`.
            vec![word.chars().filter(char::is_ascii_alphabetic).collect()]
        } else if word.contains('-') {
            let parts: String = word
                .split('-')
                .filter_map(|part| part.chars().next())
                .collect();
            let first: String = word.chars().take(1).collect();
            vec![first, parts]
        } else {
            vec![word.chars().take(1).collect()]
        };
        let mut next = Vec::with_capacity(spelt.len() * letters.len());
        for head in &spelt {
            for tail in &letters {
                let mut s = head.clone();
                s.push_str(tail);
                if s.len() <= MAX_LETTERS {
                    next.push(s.to_ascii_uppercase());
                }
            }
        }
        spelt = next;
    }
    spelt.extend(before_designator.unwrap_or_default());
    spelt.retain(|s| s.len() >= 2);
    spelt.sort();
    spelt.dedup();
    spelt
}

/// Whether `acronym` (as written, normalised) is one way to spell `name`'s initials: what
/// [`resolve_acronyms`] resolved it by, rather than a name holding it (`EC Commission`).
pub(crate) fn abbreviates(acronym: &str, name: &str) -> bool {
    is_acronym(acronym) && spellings(name).iter().any(|s| s == acronym)
}

/// Resolves each acronym among `entities` (one article's, canonical names filled in) to the
/// name of its kind that it abbreviates in the article, the most mentioned when several do.
pub(crate) fn resolve_acronyms(entities: &mut [Entity]) {
    // The acronyms, by mention (a name in lower case is none: most are left out unread).
    let acronyms: Vec<(usize, String)> = entities
        .iter()
        .enumerate()
        .filter(|(_, e)| !e.text.bytes().any(|b| b.is_ascii_lowercase()))
        .filter_map(|(i, e)| {
            let written = normalize(&e.text);
            is_acronym(&written).then_some((i, written))
        })
        .collect();
    if acronyms.is_empty() {
        return;
    }
    // The article's names by kind, with their mentions and, once asked, what they spell.
    let mut names: Vec<(EntityKind, &str, usize, Option<Vec<String>>)> = Vec::new();
    for e in entities.iter() {
        match names
            .iter_mut()
            .find(|(kind, name, _, _)| *kind == e.kind && *name == e.canonical)
        {
            Some((_, _, mentions, _)) => *mentions += 1,
            None => names.push((e.kind, e.canonical.as_str(), 1, None)),
        }
    }
    let mut resolved: Vec<(usize, String)> = Vec::new();
    for (i, acronym) in &acronyms {
        let kind = entities[*i].kind;
        // The most mentioned of the names that spell it; the first named of those.
        let mut best: Option<(usize, &str)> = None;
        for (name_kind, name, mentions, spelt) in &mut names {
            if *name_kind != kind
                || !name.starts_with(&acronym[..1])
                || !name.contains(' ')
                || best.is_some_and(|(most, _)| *mentions <= most)
            {
                continue;
            }
            if spelt
                .get_or_insert_with(|| spellings(name))
                .contains(acronym)
            {
                best = Some((*mentions, name));
            }
        }
        if let Some((_, name)) = best {
            resolved.push((*i, name.to_string()));
        }
    }
    for (i, name) in resolved {
        entities[i].canonical = name;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityKind::*;

    #[test]
    fn a_name_s_initials_spell_its_acronyms() {
        let spelt = |name| spellings(name);
        assert_eq!(spelt("Securities and Exchange Commission"), ["SEC"]);
        assert_eq!(spelt("General Agreement on Tariffs and Trade"), ["GATT"]);
        assert_eq!(spelt("U.S. Department of Agriculture"), ["USDA"]);
        assert_eq!(
            spelt("Organisation for Economic Co-operation and Development"),
            ["OECD", "OECOD"]
        );
        assert_eq!(
            spelt("International Business Machines Corp"),
            ["IBM", "IBMC"]
        );
        assert_eq!(spelt("Commodity Credit Corporation"), ["CC", "CCC"]);
        assert!(spelt("Reuters").is_empty());
        assert!(spelt("EC Commission").is_empty());
        assert!(abbreviates("SEC", "Securities and Exchange Commission"));
        assert!(!abbreviates("EC", "EC Commission"));
        assert!(!abbreviates("Sec", "Securities and Exchange Commission"));
    }

    fn resolved(text: &str, mentions: &[(EntityKind, &str, usize)]) -> Vec<(String, EntityKind)> {
        Entity::resolved_by(text, mentions, |entities| resolve_acronyms(entities))
    }

    #[test]
    fn an_acronym_is_the_name_it_abbreviates_in_the_article() {
        let text = "The Securities and Exchange Commission (SEC) sued. The SEC said the \
                    SEC Act and the EC, the European Community, and the CIA agreed.";
        let names = resolved(
            text,
            &[
                (Organization, "Securities and Exchange Commission", 0),
                (Organization, "SEC", 0),
                (Organization, "SEC", 1),
                (Misc, "SEC Act", 0),
                (Organization, "EC", 0),
                (Organization, "European Community", 0),
                (Organization, "CIA", 0),
            ],
        );
        let sec = "Securities and Exchange Commission".to_string();
        assert_eq!(
            names,
            [
                (sec.clone(), Organization),
                (sec.clone(), Organization),
                (sec, Organization),
                // Not an acronym, and of another kind.
                ("SEC Act".to_string(), Misc),
                ("European Community".to_string(), Organization),
                ("European Community".to_string(), Organization),
                // Nothing in the article it abbreviates.
                ("CIA".to_string(), Organization),
            ]
        );
    }

    #[test]
    fn an_acronym_resolves_within_its_kind_only() {
        let text = "Ford Motor Co (FMC) and the FMC, a Food Machinery Corp unit.";
        let names = resolved(
            text,
            &[
                (Organization, "Ford Motor Co", 0),
                (Person, "FMC", 0),
                (Organization, "FMC", 1),
                (Organization, "Food Machinery Corp", 0),
            ],
        );
        // Two names of the kind spell FMC, each mentioned once: the first named.
        assert_eq!(names[1], ("FMC".to_string(), Person));
        assert_eq!(names[2], ("Ford Motor Co".to_string(), Organization));
    }
}
