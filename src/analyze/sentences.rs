//! Sentence and paragraph splitting for English news text.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or brackets) followed by white
//! space and a word that can start a sentence. Abbreviations (Mr., Dr., U.S., Jan., Inc., No.),
//! initials (J. P. Morgan) and decimal numbers (1.6 million) do not end a sentence, unless what follows
//! is a word that typically opens one ("… in the U.S. The company …").

use serde::{Deserialize, Serialize};

/// A byte range `[start, end)` of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// Abbreviations that never end a sentence (titles, and forms that are followed by a name or number).
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "gen", "gov", "sen", "rep", "lt", "col",
    "capt", "sgt", "maj", "adm", "cmdr", "rev", "hon", "pres", "supt", "messrs", "mt", "ft", "no",
    "nos", "vs", "v", "e.g", "i.e", "cf", "approx", "fig", "vol", "pp", "ed", "op",
];

/// Abbreviations that may end a sentence: they end one only before a typical sentence opener.
const SUFFIXES: &[&str] = &[
    "inc", "corp", "co", "ltd", "llc", "plc", "bros", "etc", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur",
    "thurs", "fri", "sat", "sun", "a.m", "p.m", "dept", "est", "ave", "blvd", "approx",
];

/// Words that commonly open a sentence: after an ambiguous abbreviation they signal a boundary.
const OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "But",
    "And",
    "In",
    "On",
    "At",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "As",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "However",
    "Meanwhile",
    "Also",
    "Some",
    "Many",
    "Most",
    "For",
    "Under",
    "According",
    "Analysts",
    "Officials",
    "Shares",
    "Earlier",
    "Last",
    "Next",
];

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | ')' | ']' | '”' | '’' | '»')
}

fn is_opening(c: char) -> bool {
    matches!(c, '"' | '\'' | '(' | '[' | '“' | '‘' | '«')
}

/// The word (letters, digits and inner dots) that ends just before byte `end`.
fn word_before(text: &str, end: usize) -> &str {
    let start = text[..end]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || c == '.')
        .last()
        .map_or(end, |(i, _)| i);
    &text[start..end]
}

/// The word that starts at byte `start` (after any opening quotes).
fn word_after(text: &str, start: usize) -> &str {
    let rest = text[start..].trim_start_matches(is_opening);
    let len = rest
        .char_indices()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(rest.len(), |(i, _)| i);
    &rest[..len]
}

/// Whether a `.` after `word` can end a sentence, given the word that follows.
fn period_ends_sentence(word: &str, next: &str) -> bool {
    let lower = word.trim_end_matches('.').to_lowercase();
    if TITLES.contains(&lower.as_str()) {
        return false;
    }
    let is_initial = word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase());
    let is_dotted = lower.contains('.') && lower.split('.').all(|p| p.chars().count() <= 2);
    if is_initial || is_dotted || SUFFIXES.contains(&lower.as_str()) {
        return OPENERS.contains(&next);
    }
    true
}

/// Splits a paragraph-free stretch of text into sentences (trimmed byte spans).
pub fn split_sentences(text: &str) -> Vec<Span> {
    split_sentences_in(text, 0, text.len())
}

/// Splits `text[from..to]` into sentences (byte spans into `text`, trimmed of white space).
pub fn split_sentences_in(text: &str, from: usize, to: usize) -> Vec<Span> {
    first_sentences_in(text, from, to, usize::MAX)
}

/// The first sentence of `text`, as [`split_sentences`] finds it, without splitting the rest.
pub(crate) fn first_sentence_span(text: &str) -> Option<Span> {
    first_sentences_in(text, 0, text.len(), 1).pop()
}

/// The first `most` sentences of `text[from..to]`: the splitter goes left to right and a
/// sentence, once found, depends on nothing after the next word, so it stops there.
fn first_sentences_in(text: &str, from: usize, to: usize, most: usize) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start = from;
    let bytes = text.as_bytes();
    let mut pos = from;
    // Candidates are found byte-wise: `.`, `!`, `?` and the first byte of `…` (and of other
    // three-byte characters, told apart below); decoding every character was the splitter's
    // cost, then a byte loop was.
    let mut candidates = Candidates::new(&bytes[..to], from);
    while let Some(i) = candidates.next_from(pos) {
        let c = text[i..].chars().next().expect("a char boundary");
        pos = i + c.len_utf8();
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        // Include further terminal punctuation and closing quotes.
        let mut end = pos;
        for d in text[end..to].chars() {
            if matches!(d, '.' | '!' | '?' | '…') || is_closing(d) {
                end += d.len_utf8();
            } else {
                break;
            }
        }
        pos = end;
        if end >= to || !(bytes[end] as char).is_ascii_whitespace() {
            continue;
        }
        let next_start = end + text[end..to].len() - text[end..to].trim_start().len();
        if next_start >= to {
            continue;
        }
        let next = word_after(text, next_start);
        let next_char = text[next_start..]
            .trim_start_matches(is_opening)
            .chars()
            .next();
        let starts_like_sentence = next_char
            .is_some_and(|ch| ch.is_uppercase() || ch.is_ascii_digit())
            || text[next_start..].starts_with(is_opening);
        if !starts_like_sentence {
            continue;
        }
        if c == '.' && !period_ends_sentence(word_before(text, i), next) {
            continue;
        }
        push_trimmed(text, start, end, &mut spans);
        if spans.len() == most {
            return spans;
        }
        start = end;
    }
    push_trimmed(text, start, to, &mut spans);
    spans
}

/// The positions of the bytes that may end a sentence (`.`, `!`, `?`, and 0xE2, the first
/// byte of `…`) in order, found with SIMD searches: one for the three ASCII marks, one for
/// 0xE2 (rare in most text, so looked for again only once passed).
struct Candidates<'a> {
    bytes: &'a [u8],
    /// The first 0xE2 at or after the last position asked for, or the end.
    next_e2: usize,
}

impl<'a> Candidates<'a> {
    /// The candidates in `bytes` from `from` on.
    fn new(bytes: &'a [u8], from: usize) -> Self {
        let next_e2 = Self::e2_from(bytes, from);
        Candidates { bytes, next_e2 }
    }

    /// The first 0xE2 of `bytes` at or after `pos`, or the end.
    fn e2_from(bytes: &[u8], pos: usize) -> usize {
        bytes
            .get(pos..)
            .and_then(|rest| memchr::memchr(0xE2, rest))
            .map_or(bytes.len(), |offset| pos + offset)
    }

    /// The first candidate at or after `pos`.
    fn next_from(&mut self, pos: usize) -> Option<usize> {
        if pos >= self.bytes.len() {
            return None;
        }
        if self.next_e2 < pos {
            self.next_e2 = Self::e2_from(self.bytes, pos);
        }
        match memchr::memchr3(b'.', b'!', b'?', &self.bytes[pos..self.next_e2]) {
            Some(offset) => Some(pos + offset),
            None => (self.next_e2 < self.bytes.len()).then_some(self.next_e2),
        }
    }
}

fn push_trimmed(text: &str, start: usize, end: usize, spans: &mut Vec<Span>) {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if !trimmed.is_empty() {
        spans.push(Span {
            start: start + lead,
            end: start + lead + trimmed.len(),
        });
    }
}

/// Whether a line starts a list item (`- `, `* `, `• `, `1. `).
fn starts_item(line: &str) -> bool {
    let line = line.trim_start();
    // A number is one to three digits, then ". " (looked for there only, not along the line).
    let digits = line.bytes().take(4).take_while(u8::is_ascii_digit).count();
    line.starts_with("- ")
        || line.starts_with("* ")
        || line.starts_with("• ")
        || (1..=3).contains(&digits) && line[digits..].starts_with(". ")
}

/// The first sentence of a text's first paragraph (a slice of `text`, its line breaks as
/// written); empty for an empty text.
pub fn first_sentence(text: &str) -> &str {
    let Some(paragraph) = split_paragraphs(text).into_iter().next() else {
        return "";
    };
    first_sentences_in(text, paragraph.start, paragraph.end, 1)
        .first()
        .map_or("", |sentence| &text[sentence.start..sentence.end])
}

/// Splits a text into paragraphs (trimmed byte spans). A blank line always separates paragraphs;
/// a single line break does when the next line is indented or a list item, or when the line before
/// ends a sentence (so hard-wrapped text keeps its paragraphs whole).
pub fn split_paragraphs(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start = 0;
    let mut offset = 0;
    let mut previous: Option<&str> = None;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end();
        let breaks = match previous {
            None => false,
            Some(prev) => {
                prev.trim().is_empty()
                    || content.trim().is_empty()
                    || line.starts_with([' ', '\t'])
                    || starts_item(content)
                    || prev
                        .trim_end()
                        .trim_end_matches(is_closing)
                        .ends_with(['.', '!', '?', ':', '…'])
            }
        };
        if breaks {
            push_trimmed(text, start, offset, &mut spans);
            start = offset;
        }
        previous = Some(line);
        offset += line.len();
    }
    push_trimmed(text, start, text.len(), &mut spans);
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_sentence_alone_is_the_first_of_all() {
        let seed = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/corpus/000_feb3187bc183f0b1.txt"
        ))
        .unwrap();
        for text in [
            seed.as_str(),
            "",
            "   \n ",
            "No full stop at all",
            "Mr. Smith met Dr. Jones in the U.S. on Friday. Then he left!",
            "  ... . ! Wait.\" \"Yes,\" she said. Done",
            "“Quoted.” Next sentence… and more? Yes.",
            "3.5 pct rose. 4 pct fell.",
        ] {
            let all = split_sentences(text);
            assert_eq!(first_sentence_span(text), all.first().copied(), "{text:?}");
        }
    }

    #[test]
    fn list_items_start_with_a_bullet_or_a_short_number() {
        for item in [
            "- one",
            "* two",
            "• three",
            "1. four",
            "  12. five",
            "123. six",
        ] {
            assert!(starts_item(item), "{item:?}");
        }
        for line in [
            "1234. no",
            "a. no",
            "3.5 percent. no",
            "Mr. Smith. no",
            "12 . no",
            "-no",
        ] {
            assert!(!starts_item(line), "{line:?}");
        }
    }

    fn sentences(text: &str) -> Vec<&str> {
        split_sentences(text)
            .into_iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn abbreviations_initials_and_decimals_do_not_split() {
        let text = "Mr. Smith met Dr. Jones of J. P. Morgan in the U.S. capital on Jan. 5. Shares rose 1.6 percent to No. 2! Was it Acme Inc. or not? \"Yes,\" he said.";
        assert_eq!(
            sentences(text),
            [
                "Mr. Smith met Dr. Jones of J. P. Morgan in the U.S. capital on Jan. 5.",
                "Shares rose 1.6 percent to No. 2!",
                "Was it Acme Inc. or not?",
                "\"Yes,\" he said."
            ]
        );
    }

    #[test]
    fn an_abbreviation_before_a_sentence_opener_splits() {
        assert_eq!(
            sentences("He moved to the U.S. The company followed him to Acme Corp. It grew."),
            [
                "He moved to the U.S.",
                "The company followed him to Acme Corp.",
                "It grew."
            ]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            sentences("“AI safety matters,” Altman said. “We agree.” Then it ended."),
            [
                "“AI safety matters,” Altman said.",
                "“We agree.”",
                "Then it ended."
            ]
        );
    }

    #[test]
    fn candidates_are_every_mark_and_0xe2_byte_in_order() {
        let texts = [
            "",
            ".",
            "…",
            "No marks at all",
            "He said “no”… then left. Why? Because! – “Yes.”",
            "…a.b–c“d!e?f…",
            "1.6 million. … End",
        ];
        for text in texts {
            for from in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let want: Vec<usize> = (from..text.len())
                    .filter(|&i| matches!(text.as_bytes()[i], b'.' | b'!' | b'?' | 0xE2))
                    .collect();
                let mut candidates = Candidates::new(text.as_bytes(), from);
                let mut got = Vec::new();
                let mut pos = from;
                while let Some(i) = candidates.next_from(pos) {
                    got.push(i);
                    pos = i + 1;
                }
                assert_eq!(got, want, "{text:?} from {from}");
            }
        }
    }

    #[test]
    fn titles_never_end_a_sentence_and_suffixes_only_before_an_opener() {
        assert!(period_ends_sentence("marketed", "shares"));
        assert!(!period_ends_sentence("Messrs", "Smith"));
        assert!(!period_ends_sentence("approx", "ten"));
        assert!(!period_ends_sentence("Thurs", "shares"));
        assert!(period_ends_sentence("Thurs", "The"));
    }

    #[test]
    fn the_seed_article_splits_into_its_sentences() {
        let seed = include_str!("../../corpus/000_feb3187bc183f0b1.txt");
        let all: Vec<&str> = split_paragraphs(seed)
            .into_iter()
            .flat_map(|p| split_sentences_in(seed, p.start, p.end))
            .map(|s| &seed[s.start..s.end])
            .collect();
        assert_eq!(all.len(), 16, "{all:#?}");
        assert!(all.contains(
            &"Under the administration of Donald Trump, federal agencies were recently directed to stop using software from AI firm Anthropic, while the Pentagon reportedly designated the company a supply-chain risk."
        ));
        assert!(all.contains(&"- ChatGPT now serves over 900 million weekly active users, including more than 50 million paying subscribers."));
    }

    #[test]
    fn the_first_sentence_is_the_first_paragraph_s() {
        assert_eq!(
            first_sentence("  Mr. Smith went to\nWashington. He left.\n"),
            "Mr. Smith went to\nWashington."
        );
        // A headline-like first paragraph without a full stop is a sentence of its own.
        assert_eq!(
            first_sentence("Markets quiet\n\nTraders were idle."),
            "Markets quiet"
        );
        assert_eq!(first_sentence(" \n"), "");
    }

    #[test]
    fn paragraphs_follow_blank_lines_indents_and_items_but_not_wrapping() {
        let text = "First line of a\nwrapped paragraph.\n    Indented second\nparagraph here.\n\nThird after blank.\n- item one\n- item two";
        let paragraphs: Vec<&str> = split_paragraphs(text)
            .into_iter()
            .map(|s| &text[s.start..s.end])
            .collect();
        assert_eq!(
            paragraphs,
            [
                "First line of a\nwrapped paragraph.",
                "Indented second\nparagraph here.",
                "Third after blank.",
                "- item one",
                "- item two"
            ]
        );
    }

    #[test]
    fn empty_and_odd_input_does_not_panic() {
        assert!(split_sentences("").is_empty());
        assert!(split_paragraphs("\n\n  \n").is_empty());
        assert_eq!(sentences("...?!"), ["...?!"]);
        assert_eq!(sentences("é. É. ü"), ["é.", "É. ü"]);
    }
}
