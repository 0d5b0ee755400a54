//! A pronoun's or a verb's contraction is no name: quoted speech opening a sentence (`I've
//! told them …`, `They're`) gave MISC `I've` in 17 known-item Reuters articles, `I'd`, `I'll`,
//! and names running into one (`Greenspan I'm`), as the training news quotes little speech.
//! A name ends before such a word, and a name of it alone is none.

use super::tags::Span;

/// Pronouns that a contraction follows.
const PRONOUNS: &[&str] = &[
    "I", "We", "You", "They", "He", "She", "It", "That", "There", "Here", "Who", "What", "Let",
];

/// What a contraction adds to a pronoun, after its apostrophe.
const ENDINGS: &[&str] = &["ve", "m", "ll", "d", "re"];

/// Whether `word` is a contraction: a pronoun with `'ve`, `'m`, `'ll`, `'d` or `'re` (`I've`,
/// `They're`), or a verb with `n't` (`Don't`), either apostrophe.
fn is_contraction(word: &str) -> bool {
    let Some((before, after)) = word.split_once(['\'', '’']) else {
        return false;
    };
    if after == "t" {
        return before.len() > 2
            && before.ends_with('n')
            && before.chars().all(|c| c.is_alphabetic());
    }
    ENDINGS.iter().any(|e| after.eq_ignore_ascii_case(e))
        && PRONOUNS.iter().any(|p| before.eq_ignore_ascii_case(p))
}

/// Cuts each of one sentence's spans (over its `words`) before its first contraction, and
/// drops the spans that are left empty.
pub(crate) fn apply(words: &[&str], spans: &mut Vec<Span>) {
    spans.retain_mut(|span| {
        if let Some(at) = (span.start..span.end).find(|&i| is_contraction(words[i])) {
            span.end = at;
        }
        span.start < span.end
    });
}

#[cfg(test)]
mod tests {
    use super::super::tags::span_rules;
    use super::*;
    use crate::analyze::entities::tags::EntityKind;

    #[test]
    fn contractions_are_no_names() {
        for word in [
            "I've", "I’d", "I'll", "I'm", "They're", "WE'RE", "Don't", "Can't",
        ] {
            assert!(is_contraction(word), "{word}");
        }
        for word in ["O'Neill", "D'Amato", "Sa'd", "Shi'ite", "Reuters'", "I"] {
            assert!(!is_contraction(word), "{word}");
        }
    }

    #[test]
    fn a_name_ends_before_a_contraction() {
        use EntityKind::*;
        assert_eq!(
            span_rules::after(
                apply,
                "I've said Greenspan I'm sure O'Neill",
                &[(0, 1, Misc), (2, 4, Person), (5, 6, Person)]
            ),
            [
                ("Greenspan".to_string(), Person),
                ("O'Neill".to_string(), Person)
            ]
        );
    }
}
