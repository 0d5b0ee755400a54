//! Angle brackets in wire copy. Reuters marks a company's name and its ticker with them
//! (`<Seiko Epson Corp>`, `Merrill Lynch and Co Inc <MER>`); the model, trained on text
//! without any, took a bracket for part of a name (ORG `Seiko Epson Corp>`) and a bare ticker
//! for a person (PER `MER`). A name holds no bracket; a name standing alone between brackets
//! is a company, and so is a name followed by a ticker (one word between brackets). A name
//! inside a pair of brackets fills it: the model read part of `<ANCHOR FINANCIAL CORP>`, whose
//! `ANCHOR` is a common word, as the name `FINANCIAL CORP`.

use super::tags::{EntityKind, Span};

fn is_bracket(word: &str) -> bool {
    word == "<" || word == ">"
}

/// The most words a pair of brackets holds for a name inside it to fill them: a company's name
/// with its designators, not a passage of text.
const MAX_BRACKETED_WORDS: usize = 8;

/// Words written in lower case inside a company's name (`Bank of Boston`, `Procter and
/// Gamble`).
const INNER_LOWER_CASE: [&str; 7] = ["and", "of", "the", "de", "du", "for", "la"];

/// Applies the rule to one sentence's `words` and its entity `spans`: each span is cut at its
/// first bracket (after those it opens with); a span inside a pair of brackets that hold a
/// name's words alone is widened to fill them; one that fills a pair of brackets, or stands
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
        if span.start < span.end
            && let Some(inside) = bracketed_name_around(words, span.start, span.end)
        {
            (span.start, span.end) = (inside.start, inside.end);
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
    // Two names the model found in one pair of brackets are now one.
    spans.dedup_by(|later, earlier| later.start < earlier.end);
}

/// Words that end a company's name read back from its ticker in a headline: the headline says
/// what someone does to it (`DONALD TRUMP TO BUY CROSBY RESORTS <CRB>`, `S/P MAY DOWNGRADE`,
/// `PARTNERS CALL GENCORP`).
const HEADLINE_STOPS: &[&str] = &[
    "TO", "FOR", "IN", "ON", "AT", "BY", "WITH", "FROM", "INTO", "OVER", "AFTER", "MAY", "WILL",
    "CAN", "IS", "ARE", "HAS", "HAVE", "HAD", "NOT", "NO", "UP", "DOWN", "OFF", "OUT", "SAID",
    "SEE", "SET", "GET", "CUT", "BUY", "SELL", "PLAN", "WIN", "END", "ADD", "CALL", "URGE", "SEEK",
    "SUE", "BID", "SAY", "WANT", "JOIN", "NAME", "BACK", "REJECT", "OPPOSE",
];

/// In a headline in capitals that opens with a company's name and its ticker (`GOLDEN WEST
/// FINANCIAL CORP <GDW> 1ST QTR NET`, as Reuters heads 8,721 of its 21,578 stories), the name
/// before the ticker starts at the headline's first word: the model, short of the case that
/// tells names, found `FINANCIAL CORP` (9 stories), `FOODS INC`, `AMERICA INC`. Nothing is
/// widened over a word that is not a name's (one of [`HEADLINE_STOPS`], a word `verb` says
/// reads as a verb, punctuation), which keeps `INVESTMENT FIRM BOOSTS PUROLATOR <PCC>` as it is.
pub(crate) fn widen_to_headline_start(
    words: &[&str],
    spans: &mut Vec<Span>,
    verb: &dyn Fn(&str) -> bool,
) {
    let Some(ticked) = spans.iter().position(|s| {
        s.start > 0
            && s.kind == EntityKind::Organization
            && words.get(s.end) == Some(&"<")
            && words.get(s.end + 2) == Some(&">")
    }) else {
        return;
    };
    let in_capitals = words.iter().all(|w| !w.chars().any(char::is_lowercase));
    let name_word = |word: &&str| {
        word.chars().any(char::is_alphabetic)
            && word
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '&' | '-' | '.' | '\''))
            && !HEADLINE_STOPS.contains(word)
            && !verb(word)
    };
    if !in_capitals || !words[..spans[ticked].start].iter().all(name_word) {
        return;
    }
    spans[ticked].start = 0;
    spans.drain(..ticked);
}

/// The words between the pair of brackets around `start..end`, when every one of them may be
/// part of a name: capitalised, a number or symbol, or one of [`INNER_LOWER_CASE`].
fn bracketed_name_around(
    words: &[&str],
    start: usize,
    end: usize,
) -> Option<std::ops::Range<usize>> {
    let open = words[..start].iter().rposition(|w| is_bracket(w))?;
    let close = end + words[end..].iter().position(|w| is_bracket(w))?;
    if words[open] != "<" || words[close] != ">" || close - open - 1 > MAX_BRACKETED_WORDS {
        return None;
    }
    let name_word = |word: &&str| {
        !word.starts_with(|c: char| c.is_lowercase()) || INNER_LOWER_CASE.contains(word)
    };
    words[open + 1..close]
        .iter()
        .all(name_word)
        .then_some(open + 1..close)
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
        // A span of brackets alone is dropped; part of a bracketed name fills the brackets.
        assert_eq!(
            spans(&words, &[(5, 6, Misc), (2, 3, Person)]),
            [("Seiko Epson Corp".to_string(), Organization)]
        );
        // Before a bracketed name of more than one word: no ticker.
        let words = ["Smith", "<", "Acme", "Corp", ">"];
        assert_eq!(
            spans(&words, &[(0, 1, Person)]),
            [("Smith".to_string(), Person)]
        );
    }

    /// The rule with `BOOSTS` and `SELLS` read as verbs.
    fn widen(words: &[&str], spans: &mut Vec<Span>) {
        widen_to_headline_start(words, spans, &|word| matches!(word, "BOOSTS" | "SELLS"));
    }

    #[test]
    fn a_headline_s_company_before_its_ticker_starts_the_headline() {
        use EntityKind::*;
        assert_eq!(
            span_rules::after(
                widen,
                "GOLDEN WEST FINANCIAL CORP < GDW > 1ST QTR NET",
                &[(0, 2, Location), (2, 4, Organization)]
            ),
            [("GOLDEN WEST FINANCIAL CORP".to_string(), Organization)]
        );
        for (text, spans) in [
            (
                "INVESTMENT FIRM BOOSTS PUROLATOR < PCC >",
                [(3, 4, Organization)],
            ),
            ("DONALD TRUMP TO BUY CROSBY < CRB >", [(4, 5, Organization)]),
            ("CORRECTED - FEDERAL PAPER < FBO >", [(2, 4, Organization)]),
            ("Golden West Financial < GDW > said", [(2, 3, Organization)]),
            ("GOLDEN WEST FINANCIAL CORP SAID", [(2, 4, Organization)]),
        ] {
            span_rules::assert_unchanged(widen, text, &spans);
        }
    }

    #[test]
    fn a_name_inside_brackets_fills_them() {
        use EntityKind::*;
        let words = ["<", "ANCHOR", "FINANCIAL", "CORP", ">", "1ST", "QTR", "NET"];
        assert_eq!(
            spans(&words, &[(2, 4, Organization)]),
            [("ANCHOR FINANCIAL CORP".to_string(), Organization)]
        );
        // Two names in one pair are one company.
        let words = ["<", "First", "Union", "Corp", "of", "Virginia", ">"];
        assert_eq!(
            spans(&words, &[(1, 4, Organization), (5, 6, Location)]),
            [("First Union Corp of Virginia".to_string(), Organization)]
        );
        // Brackets around words of running text are not a name's.
        let words = ["<", "Acme", "said", "so", ">"];
        assert_eq!(
            spans(&words, &[(1, 2, Person)]),
            [("Acme".to_string(), Person)]
        );
        // A name outside brackets stays outside them.
        let words = ["Acme", "Corp", "<", "ACM", ">"];
        assert_eq!(
            spans(&words, &[(0, 2, Organization)]),
            [("Acme Corp".to_string(), Organization)]
        );
    }
}
