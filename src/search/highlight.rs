//! Highlighting: the byte ranges of a text whose analysed tokens are among the query's terms. The
//! text is run through the same analyzer as the index, so "designated" is lit up by a query for
//! "designation" exactly when the index would have matched it.

use crate::index::schema::english_analyzer;
use std::collections::HashSet;

/// Byte ranges of `text` to highlight: tokens whose analysed form is in `terms`, with neighbours
/// joined when only a hyphen or an apostrophe separates them ("supply-chain").
pub fn highlight(text: &str, terms: &HashSet<String>) -> Vec<[usize; 2]> {
    let mut ranges: Vec<[usize; 2]> = Vec::new();
    if terms.is_empty() {
        return ranges;
    }
    let mut analyzer = english_analyzer();
    let mut stream = analyzer.token_stream(text);
    while let Some(token) = stream.next() {
        if !terms.contains(&token.text) {
            continue;
        }
        let (start, end) = (token.offset_from, token.offset_to);
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
    fn no_terms_no_highlights() {
        assert!(highlight("anything at all", &HashSet::new()).is_empty());
    }
}
