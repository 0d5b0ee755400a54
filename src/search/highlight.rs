//! Highlighting: the byte ranges of a text whose analysed tokens are among the query's terms. The
//! text is run through the same analyzer as the index, so "designated" is lit up by a query for
//! "designation" exactly when the index would have matched it. A phrase's words are lit up only
//! where the phrase stands: `"U.S."` is the phrase `u s`, and the `s` of every "Moody's" is not
//! part of it.

use crate::index::schema::english_analyzer;
use std::collections::HashSet;

/// What a query lights up in a text: its words wherever they stand, its phrases' words where the
/// whole phrase stands (analysed terms).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueryWords {
    /// Terms lit up wherever they stand.
    pub words: HashSet<String>,
    /// Phrases, each lit up where its terms stand one after the other.
    pub phrases: Vec<Vec<String>>,
}

/// Byte ranges of `text` to highlight: tokens whose analysed form is in `terms`, with neighbours
/// joined when only a hyphen or an apostrophe separates them ("supply-chain").
pub fn highlight(text: &str, terms: &HashSet<String>) -> Vec<[usize; 2]> {
    let query = QueryWords {
        words: terms.clone(),
        phrases: Vec::new(),
    };
    highlight_query(text, &query)
}

/// Byte ranges of `text` to highlight for `query`: its words, and its phrases where they stand,
/// neighbours joined as [`highlight`] joins them.
pub fn highlight_query(text: &str, query: &QueryWords) -> Vec<[usize; 2]> {
    let mut ranges: Vec<[usize; 2]> = Vec::new();
    if query.words.is_empty() && query.phrases.is_empty() {
        return ranges;
    }
    let in_phrase = |term: &str| query.phrases.iter().any(|p| p.iter().any(|t| t == term));
    // The tokens that may be lit up: (term, position, byte range, lit).
    let mut tokens: Vec<(String, usize, [usize; 2], bool)> = Vec::new();
    let mut analyzer = english_analyzer();
    let mut stream = analyzer.token_stream(text);
    while let Some(token) = stream.next() {
        let word = query.words.contains(&token.text);
        if word || in_phrase(&token.text) {
            let range = [token.offset_from, token.offset_to];
            tokens.push((token.text.clone(), token.position, range, word));
        }
    }
    for phrase in &query.phrases {
        for first in 0..tokens.len() {
            let stands = phrase.iter().enumerate().all(|(k, term)| {
                tokens.get(first + k).is_some_and(|(text, position, ..)| {
                    text == term && *position == tokens[first].1 + k
                })
            });
            if stands {
                for token in &mut tokens[first..first + phrase.len()] {
                    token.3 = true;
                }
            }
        }
    }
    for (_, _, [start, end], lit) in tokens {
        if !lit {
            continue;
        }
        match ranges.last_mut() {
            Some(last) if matches!(&text[last[1]..start], "-" | "'" | "’") => last[1] = end,
            _ => ranges.push([start, end]),
        }
    }
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_match_and_hyphenated_words_join() {
        let terms: HashSet<String> = ["suppli", "chain", "risk", "design"]
            .into_iter()
            .map(String::from)
            .collect();
        let text = "the Pentagon reportedly designated the company a supply-chain risk.";
        let got: Vec<&str> = highlight(text, &terms)
            .into_iter()
            .map(|[s, e]| &text[s..e])
            .collect();
        assert_eq!(got, ["designated", "supply-chain", "risk"]);
    }

    #[test]
    fn a_phrase_is_lit_up_where_it_stands_only() {
        let query = QueryWords {
            words: ["deficit".to_string()].into_iter().collect(),
            phrases: vec![vec!["u".to_string(), "s".to_string()]],
        };
        let text = "Moody's said the U.S. deficit, the U.N.'s and the US's, grew.";
        let got: Vec<&str> = highlight_query(text, &query)
            .into_iter()
            .map(|[s, e]| &text[s..e])
            .collect();
        assert_eq!(got, ["U", "S", "deficit"]);
        // A word of the query that is also in a phrase is lit up everywhere.
        let query = QueryWords {
            words: ["s".to_string()].into_iter().collect(),
            ..query
        };
        let all: Vec<&str> = highlight_query(text, &query)
            .into_iter()
            .map(|[s, e]| &text[s..e])
            .collect();
        assert_eq!(all, ["s", "U", "S", "s", "s"]);
    }

    #[test]
    fn no_terms_no_highlights() {
        assert!(highlight("anything at all", &HashSet::new()).is_empty());
    }
}
