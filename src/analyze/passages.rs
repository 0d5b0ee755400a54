//! Passages: consecutive sentences of a paragraph grouped into units of about 40–120 words, the
//! unit lede ranks and shows. A paragraph shorter than the minimum runs on into the next one; a
//! sentence longer than the maximum stands alone. Each passage keeps its byte range in the body.

use super::sentences::{Span, split_paragraphs, split_sentences_in};
use serde::{Deserialize, Serialize};

/// How passages are sized, in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PassageOptions {
    /// A passage closes at a paragraph end once it has at least this many words.
    pub min_words: usize,
    /// A passage closes before a sentence that would take it past this many words.
    pub max_words: usize,
}

impl Default for PassageOptions {
    fn default() -> Self {
        PassageOptions {
            min_words: 40,
            max_words: 120,
        }
    }
}

/// One passage of an article body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Passage {
    /// Position among the article's passages, from 0.
    pub index: usize,
    /// First byte in the body.
    pub start: usize,
    /// One past the last byte in the body.
    pub end: usize,
}

/// 1 for the bytes `split_whitespace` splits ASCII text on (space, tab, line feed, vertical tab,
/// form feed, carriage return), 0 for the others.
const ASCII_SPACE: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut byte = 0;
    while byte < 128 {
        table[byte] = (byte as u8).is_ascii_whitespace() as u8;
        byte += 1;
    }
    table[0x0b] = 1;
    table
};

/// The white-space separated words of `text` (as `split_whitespace` counts them; ASCII text is
/// counted byte by byte, one table lookup and no branch a byte).
pub(crate) fn word_count(text: &str) -> usize {
    if !text.is_ascii() {
        return text.split_whitespace().count();
    }
    let mut count = 0;
    let mut previous = 1u8;
    for &byte in text.as_bytes() {
        let space = ASCII_SPACE[usize::from(byte & 0x7f)];
        count += usize::from(previous & !space & 1);
        previous = space;
    }
    count
}

/// Splits a body into passages.
pub fn build_passages(body: &str, options: PassageOptions) -> Vec<Passage> {
    let mut passages = Vec::new();
    let mut current: Option<(Span, usize)> = None;
    let close = |current: &mut Option<(Span, usize)>, passages: &mut Vec<Passage>| {
        if let Some((span, _)) = current.take() {
            passages.push(Passage {
                index: passages.len(),
                start: span.start,
                end: span.end,
            });
        }
    };
    for paragraph in split_paragraphs(body) {
        for sentence in split_sentences_in(body, paragraph.start, paragraph.end) {
            let words = word_count(&body[sentence.start..sentence.end]);
            if let Some((_, count)) = current
                && count + words > options.max_words
            {
                close(&mut current, &mut passages);
            }
            current = Some(match current {
                Some((span, count)) => (
                    Span {
                        start: span.start,
                        end: sentence.end,
                    },
                    count + words,
                ),
                None => (sentence, words),
            });
        }
        if current.is_some_and(|(_, count)| count >= options.min_words) {
            close(&mut current, &mut passages);
        }
    }
    close(&mut current, &mut passages);
    passages
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = include_str!("../../corpus/000_feb3187bc183f0b1.txt");

    fn texts(body: &str, options: PassageOptions) -> Vec<&str> {
        build_passages(body, options)
            .into_iter()
            .map(|p| &body[p.start..p.end])
            .collect()
    }

    #[test]
    fn words_are_counted_as_split_whitespace_counts_them() {
        for text in [
            SEED,
            "",
            "  one\ttwo\nthree\u{b}four\u{c}five\r\n",
            "non\u{a0}breaking and ünïcode words",
        ] {
            assert_eq!(
                word_count(text),
                text.split_whitespace().count(),
                "{text:?}"
            );
        }
        for byte in 0u8..128 {
            let c = char::from(byte);
            let text = format!("{c}x{c}y{c}{c}z{c}");
            let want = text.split_whitespace().count();
            assert_eq!(word_count(&text), want, "byte {byte}");
        }
    }

    #[test]
    fn seed_passages_cover_the_text_within_bounds() {
        let options = PassageOptions::default();
        let passages = build_passages(SEED, options);
        assert!(passages.len() >= 5, "{passages:?}");
        for (i, p) in passages.iter().enumerate() {
            assert_eq!(p.index, i);
            let words = word_count(&SEED[p.start..p.end]);
            assert!(words <= options.max_words, "passage {i} has {words} words");
            if i + 1 < passages.len() {
                assert!(words >= options.min_words, "passage {i} has {words} words");
                assert!(p.end <= passages[i + 1].start);
            }
        }
        let all_words: usize = passages
            .iter()
            .map(|p| word_count(&SEED[p.start..p.end]))
            .sum();
        assert_eq!(all_words, word_count(SEED));
        let pentagon = texts(SEED, options)
            .into_iter()
            .find(|t| t.contains("supply-chain risk"))
            .unwrap();
        assert!(pentagon.contains("Under the administration of Donald Trump"));
    }

    #[test]
    fn a_long_sentence_stands_alone() {
        let long = format!("Long {}.", vec!["word"; 200].join(" "));
        let body = format!("Short one here. {long} Another short one.");
        let options = PassageOptions {
            min_words: 5,
            max_words: 20,
        };
        let got = texts(&body, options);
        assert_eq!(got.len(), 3);
        assert_eq!(got[1], long);
    }

    #[test]
    fn sentences_group_up_to_the_maximum() {
        let sentence = "One two three four five six seven eight nine ten.";
        let body = vec![sentence; 30].join(" ");
        let got = texts(&body, PassageOptions::default());
        let counts: Vec<usize> = got.iter().map(|t| word_count(t)).collect();
        assert_eq!(counts, [120, 120, 60]);
    }

    #[test]
    fn empty_body_has_no_passages() {
        assert!(build_passages("", PassageOptions::default()).is_empty());
        assert!(build_passages(" \n\n ", PassageOptions::default()).is_empty());
    }
}
