//! Passages: consecutive sentences of a paragraph grouped into units of about 40–120 words, the
//! unit lede ranks and shows. A paragraph shorter than the minimum runs on into the next one; a
//! sentence longer than the maximum is cut into pieces of the maximum (a table, a list, a text
//! without full stops). Each passage keeps its byte range in the body.

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

/// Pieces of `max` words of a sentence longer than that (a table, a list or a text without
/// full stops), each from its first word's start to its last word's end, with their word counts.
fn cut_long(body: &str, sentence: Span, max: usize) -> Vec<(Span, usize)> {
    let mut pieces = Vec::new();
    let (mut start, mut count, mut end) = (None, 0, 0);
    for word in body[sentence.start..sentence.end].split_whitespace() {
        let from = word.as_ptr() as usize - body.as_ptr() as usize;
        if count == max {
            pieces.push((
                Span {
                    start: start.take().unwrap_or(from),
                    end,
                },
                count,
            ));
            count = 0;
        }
        start.get_or_insert(from);
        end = from + word.len();
        count += 1;
    }
    if let Some(start) = start {
        pieces.push((Span { start, end }, count));
    }
    pieces
}

/// Adds a sentence (or a piece of one) of `words` words to the passage being built, closing
/// that passage first when the sentence would take it past `max` words.
fn add(
    current: &mut Option<(Span, usize)>,
    passages: &mut Vec<Passage>,
    sentence: Span,
    words: usize,
    max: usize,
) {
    if let Some((_, count)) = *current
        && count + words > max
    {
        close(current, passages);
    }
    *current = Some(match *current {
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

/// Ends the passage being built, if any.
fn close(current: &mut Option<(Span, usize)>, passages: &mut Vec<Passage>) {
    if let Some((span, _)) = current.take() {
        passages.push(Passage {
            index: passages.len(),
            start: span.start,
            end: span.end,
        });
    }
}

/// Splits a body into passages.
pub fn build_passages(body: &str, options: PassageOptions) -> Vec<Passage> {
    let mut passages = Vec::new();
    let mut current: Option<(Span, usize)> = None;
    for paragraph in split_paragraphs(body) {
        for sentence in split_sentences_in(body, paragraph.start, paragraph.end) {
            let words = word_count(&body[sentence.start..sentence.end]);
            let max = options.max_words;
            if max > 0 && words > max {
                for (piece, words) in cut_long(body, sentence, max) {
                    add(&mut current, &mut passages, piece, words, max);
                }
            } else {
                add(&mut current, &mut passages, sentence, words, max);
            }
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
    fn a_long_sentence_is_cut_into_pieces_of_the_maximum() {
        // A table or a text without full stops would otherwise be one passage, however long.
        let long = format!("Long {}.", vec!["word"; 200].join(" "));
        let body = format!("Short one here. {long} Another short one.");
        let options = PassageOptions {
            min_words: 5,
            max_words: 20,
        };
        let got = texts(&body, options);
        let counts: Vec<usize> = got.iter().map(|t| word_count(t)).collect();
        assert_eq!(counts, [3, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 4]);
        assert_eq!(got[0], "Short one here.");
        assert!(got[1].starts_with("Long word word"));
        assert_eq!(got[11], "word. Another short one.");
        // Nothing lost or repeated: the pieces are the body's words in order.
        let words: Vec<&str> = got.iter().flat_map(|t| t.split_whitespace()).collect();
        assert_eq!(words, body.split_whitespace().collect::<Vec<_>>());
        // Without a maximum, nothing is cut.
        let uncut = PassageOptions {
            min_words: 5,
            max_words: 0,
        };
        assert!(texts(&body, uncut).contains(&long.as_str()));
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
