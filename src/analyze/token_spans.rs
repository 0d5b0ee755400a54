//! Token positions as the index numbers them: tantivy's simple tokenizer gives the body's tokens
//! (maximal runs of alphanumeric characters) positions 0, 1, 2, … A passage is a range of those
//! positions, which lets a search score it from the body's postings alone.

use super::passages::Passage;

/// 1 for the ASCII letters and digits, 0 for the other ASCII characters.
const ASCII_ALPHANUMERIC: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut byte = 0;
    while byte < 128 {
        table[byte] = (byte as u8).is_ascii_alphanumeric() as u8;
        byte += 1;
    }
    table
};

/// The tokens tantivy's simple tokenizer finds in `text`: maximal runs of alphanumeric characters.
pub fn token_count(text: &str) -> u32 {
    let bytes = text.as_bytes();
    if text.is_ascii() {
        // A token starts at an alphanumeric byte after one that is not: one table lookup and
        // no branch a byte.
        let mut count = 0;
        let mut previous = 0u8;
        for &byte in bytes {
            let alphanumeric = ASCII_ALPHANUMERIC[usize::from(byte & 0x7f)];
            count += u32::from(alphanumeric & !previous);
            previous = alphanumeric;
        }
        return count;
    }
    let mut count = 0;
    let mut in_token = false;
    for c in text.chars() {
        let alphanumeric = c.is_alphanumeric();
        count += u32::from(alphanumeric && !in_token);
        in_token = alphanumeric;
    }
    count
}

/// The body token positions each passage spans, `[first, end)`: the tokens that start within
/// its bytes. `passages` are in body order, as [`super::passages::build_passages`] gives them.
pub fn token_spans(body: &str, passages: &[Passage]) -> Vec<(u32, u32)> {
    let mut spans = Vec::with_capacity(passages.len());
    let mut counted_to = 0;
    let mut count = 0;
    for passage in passages {
        let start = passage.start.max(counted_to);
        count += token_count_from(body, counted_to, start);
        let first = count;
        count += token_count_from(body, start, passage.end.max(start));
        counted_to = passage.end.max(start);
        spans.push((first, count));
    }
    spans
}

/// The tokens that start within `body[from..to]`: a token that began before `from` and runs on
/// is not counted again.
fn token_count_from(body: &str, from: usize, to: usize) -> u32 {
    let continues = body[..from]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
        && body[from..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric);
    token_count(&body[from..to]) - u32::from(continues && from < to)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::passages::{PassageOptions, build_passages};
    use crate::index::schema::english_analyzer;

    const SEED: &str = include_str!("../../corpus/000_feb3187bc183f0b1.txt");

    /// The positions the index's analyzer gives the tokens that start in `body[start..end]`.
    fn analyzer_positions(body: &str, start: usize, end: usize) -> (u32, u32) {
        let mut analyzer = english_analyzer();
        let mut stream = analyzer.token_stream(body);
        let mut inside = Vec::new();
        while let Some(token) = stream.next() {
            if (start..end).contains(&token.offset_from) {
                inside.push(token.position as u32);
            }
        }
        (inside[0], inside[inside.len() - 1] + 1)
    }

    #[test]
    fn seed_passages_span_the_positions_the_analyzer_gives_their_tokens() {
        let passages = build_passages(SEED, PassageOptions::default());
        let spans = token_spans(SEED, &passages);
        assert_eq!(spans.len(), passages.len());
        for (passage, span) in passages.iter().zip(&spans) {
            assert_eq!(
                *span,
                analyzer_positions(SEED, passage.start, passage.end),
                "{passage:?}"
            );
        }
        assert_eq!(spans[0].0, 0);
        assert_eq!(spans.last().unwrap().1, token_count(SEED));
    }

    #[test]
    fn abbreviations_numbers_and_other_scripts_split_as_the_index_splits_them() {
        let body = "U.S. output rose 3.5 pct.\n\nZürich's café-bar, 東京 and naïve users.";
        let passages = [
            Passage {
                index: 0,
                start: 0,
                end: 25,
            },
            Passage {
                index: 1,
                start: 27,
                end: body.len(),
            },
        ];
        assert_eq!(&body[..25], "U.S. output rose 3.5 pct.");
        let spans = token_spans(body, &passages);
        assert_eq!(spans, [(0, 7), (7, 15)]);
        assert_eq!(spans[1], analyzer_positions(body, 27, body.len()));
    }

    #[test]
    fn a_cut_inside_a_word_counts_the_word_once() {
        let body = "alpha beta gamma";
        let passages = [
            Passage {
                index: 0,
                start: 0,
                end: 8,
            },
            Passage {
                index: 1,
                start: 8,
                end: body.len(),
            },
        ];
        assert_eq!(token_spans(body, &passages), [(0, 2), (2, 3)]);
        assert_eq!(token_spans("", &[]), []);
    }
}
