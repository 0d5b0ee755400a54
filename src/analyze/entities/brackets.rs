//! Angle brackets in wire copy. Reuters marks a company's name and its ticker with them
//! (`<Seiko Epson Corp>`, `Merrill Lynch and Co Inc <MER>`); the model, trained on text
//! without any, took a bracket for part of a name (ORG `Seiko Epson Corp>`) and a bare ticker
//! for a person (PER `MER`). A name holds no bracket; a name standing alone between brackets
//! is a company, and so is a name followed by a ticker (one word between brackets).

use super::tags::{EntityKind, Span};

fn is_bracket(word: &str) -> bool {
    word == "<" || word == ">"
}

/// Applies the rule to one sentence's `words` and its entity `spans`: each span is cut at its
/// first bracket (after those it opens with); one that fills a pair of brackets, or stands
/// before a ticker, becomes an organisation.
pub(crate) fn apply(words: &[&str], spans: &mut Vec<Span>) {
    if !words.iter().any(|w| is_bracket(w)) {
        return;
    }
    spans.retain_mut(|span| {
        while span.start < span.end && is_bracket(words[span.start]) {
            span.start += 1;
        }
        if let Some(at) = (span.start..span.end).find(|&i| is_bracket(words[i])) {
            span.end = at;
        }
        let bracketed = span.start > 0
            && words[span.start - 1] == "<"
            && words.get(span.end).is_some_and(|w| *w == ">");
        let before_ticker = words.get(span.end).is_some_and(|w| *w == "<")
            && words.get(span.end + 2).is_some_and(|w| *w == ">");
        if span.start < span.end && (bracketed || before_ticker) {
            span.kind = EntityKind::Organization;
        }
        span.start < span.end
    });
}

#[cfg(test)]
mod tests {
    use super::super::tags::span_rules;
    use super::*;

    fn spans(words: &[&str], spans: &[(usize, usize, EntityKind)]) -> Vec<(String, EntityKind)> {
        span_rules::after(apply, &words.join(" "), spans)
    }

    #[test]
    fn a_name_ends_at_a_bracket_and_a_bracketed_name_is_a_company() {
        use EntityKind::*;
        let words = [
            "by", "<", "Seiko", "Epson", "Corp", ">", "and", "Merrill", "<", "MER", ">",
        ];
        assert_eq!(
            spans(&words, &[(1, 6, Person), (7, 10, Person)]),
            [
                ("Seiko Epson Corp".to_string(), Organization),
                ("Merrill".to_string(), Organization)
            ]
        );
        assert_eq!(
            spans(&words, &[(9, 10, Person)]),
            [("MER".to_string(), Organization)]
        );
        // A span of brackets alone is dropped; a name outside brackets keeps its kind.
        assert_eq!(
            spans(&words, &[(5, 6, Misc), (2, 3, Person)]),
            [("Seiko".to_string(), Person)]
        );
        // Before a bracketed name of more than one word: no ticker.
        let words = ["Smith", "<", "Acme", "Corp", ">"];
        assert_eq!(
            spans(&words, &[(0, 1, Person)]),
            [("Smith".to_string(), Person)]
        );
    }
}
