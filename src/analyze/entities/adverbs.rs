//! Sentence adverbs the model took for names: a capitalised adverb opening a sentence
//! (`Additionally, TWA said …`) was a person in each of the 17 known-item Reuters articles
//! that use it, as the training news has few such openings. A one-word name ending the way
//! English adverbs do (`-ically`, `-ionally`, `-ently`, `-ately`, `-ingly`, `-ously`,
//! `-ively`, `-edly`) is no name: none of the names in CoNLL-2003's training and development
//! sets ends so (`Mullally`, `Kelly` and `Italy` end otherwise).

use super::tags::{Span, drop_single_words};

/// Word endings of English adverbs that no name has.
const ADVERB_ENDINGS: &[&str] = &[
    "ically", "ionally", "ently", "ately", "ingly", "ously", "ively", "edly",
];

/// Whether `word` is a capitalised adverb (`Additionally`, `Realistically`).
fn is_adverb(word: &str) -> bool {
    word.len() >= 7
        && word.starts_with(|c: char| c.is_ascii_uppercase())
        && word[1..].bytes().all(|b| b.is_ascii_lowercase())
        && ADVERB_ENDINGS.iter().any(|ending| word.ends_with(ending))
}

/// Drops one sentence's spans (over its `words`) that are a single adverb.
pub(crate) fn apply(words: &[&str], spans: &mut Vec<Span>) {
    drop_single_words(words, spans, |word, _| is_adverb(word));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::entities::tags::EntityKind;

    #[test]
    fn a_capitalised_adverb_is_no_name() {
        for word in [
            "Additionally",
            "Realistically",
            "Currently",
            "Belatedly",
            "Separately",
        ] {
            assert!(is_adverb(word), "{word}");
        }
        for word in [
            "Mullally",
            "Kelly",
            "Italy",
            "Beverly",
            "Ately",
            "ADDITIONALLY",
            "additionally",
        ] {
            assert!(!is_adverb(word), "{word}");
        }
        let words = ["Additionally", ",", "Kelly", "Additionally", "Corp"];
        let mut spans = vec![
            Span {
                start: 0,
                end: 1,
                kind: EntityKind::Person,
            },
            Span {
                start: 2,
                end: 3,
                kind: EntityKind::Person,
            },
            Span {
                start: 3,
                end: 5,
                kind: EntityKind::Organization,
            },
        ];
        apply(&words, &mut spans);
        assert_eq!(spans.iter().map(|s| s.start).collect::<Vec<_>>(), [2, 3]);
    }
}
