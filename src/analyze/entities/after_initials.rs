//! A word the wire capitalised after a country's initials (`the U.S. Trade deficit`, `the U.S.
//! Will be dependent`, `the U.S. Economy is`): the copy was run through a tool that took the
//! full stop of `U.S.` for a sentence's end, and the model read the initials and the word as one
//! name (ORG `U.S. Trade` in 46 known-item Reuters articles, `U.S. Government` in 47, MISC
//! `U.S. Will` in 14). A name of initials and a word that running text writes in lower case,
//! followed by a word in lower case, is the country alone.

use super::tags::{EntityKind, Span};

/// Whether `word` is a country's initials (`U.S.`, `U.K.`, `U.S.A.`), not a person's
/// (`E.F. Hutton`) or an organisation's (`U.N.`).
pub(crate) fn is_country_initials(word: &str) -> bool {
    matches!(word, "U.S." | "U.K." | "U.S.A.")
}

/// Words that make an event's name after a country's initials (`the U.S. Open champion`).
const EVENTS: &[&str] = &["Open", "Masters"];

/// Cuts each of one sentence's spans (over its `words`) that is initials and a capitalised word
/// that `lower_case` says running text writes in lower case, and that a word in lower case
/// follows, to the initials, a place. A longer name is left whole (`U.K. Intervention Board`),
/// and so is an event's (`U.S. Open`, one of [`EVENTS`]).
pub(crate) fn apply(words: &[&str], spans: &mut [Span], lower_case: &dyn Fn(&str) -> bool) {
    for span in spans.iter_mut() {
        let cut = span.end - span.start == 2
            && is_country_initials(words[span.start])
            && !EVENTS.contains(&words[span.start + 1])
            && words[span.start + 1].starts_with(|c: char| c.is_ascii_uppercase())
            && lower_case(words[span.start + 1])
            && words
                .get(span.end)
                .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()));
        if cut {
            span.end = span.start + 1;
            span.kind = EntityKind::Location;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tags::span_rules;
    use super::*;
    use EntityKind::*;

    /// The rule with a few words running text writes in lower case, as the tests' harness
    /// takes a rule (which may drop spans).
    #[allow(clippy::ptr_arg)]
    fn rule(words: &[&str], spans: &mut Vec<Span>) {
        apply(words, spans, &|word| {
            matches!(word, "Trade" | "Will" | "Economy" | "Agriculture" | "Open")
        });
    }

    #[test]
    fn a_capitalised_word_after_a_country_s_initials_is_no_name() {
        assert_eq!(
            span_rules::after(
                rule,
                "the U.S. Trade deficit and U.K. Economy is as the U.S. Will be",
                &[(1, 3, Organization), (5, 7, Misc), (10, 12, Misc)]
            ),
            [
                ("U.S.".to_string(), Location),
                ("U.K.".to_string(), Location),
                ("U.S.".to_string(), Location)
            ]
        );
        for (text, spans) in [
            // A name goes on after it, or holds more words.
            (
                "the U.S. Agriculture Department said",
                [(1, 3, Organization)],
            ),
            ("the U.K. Trade Board said", [(1, 4, Organization)]),
            // A name's word, not one running text writes in lower case.
            ("the U.S. Navy said", [(1, 3, Organization)]),
            // Not a country's initials.
            ("the E.F. Trade unit", [(1, 3, Organization)]),
            // The end of the sentence.
            ("by the U.S. Trade", [(2, 4, Organization)]),
            // An event.
            ("the U.S. Open champion", [(1, 3, Misc)]),
        ] {
            span_rules::assert_unchanged(rule, text, &spans);
        }
    }
}
