//! Plain-text articles: the title is the first line when it is short and does not end like a
//! sentence, and the body the rest; otherwise the title is the first sentence, and the body the
//! whole text (that sentence is the story's lede: its passages, dates and snippets need it).

use super::Report;
use crate::analyze::sentences::first_sentence_span;
use crate::article::Article;

/// A first line longer than this (in characters) is not a title.
const MAX_TITLE_CHARS: usize = 150;

/// Whether a line reads like a headline rather than the first sentence of the body.
fn looks_like_title(line: &str) -> bool {
    let line = line.trim();
    let ends_like_sentence = line
        .trim_end_matches(['"', '\'', '”', '’', ')'])
        .ends_with(['.', '!', '?', ':', ';', ',']);
    !line.is_empty() && line.chars().count() < MAX_TITLE_CHARS && !ends_like_sentence
}

/// Splits a text into title and body: a headline line is taken off the body, a first sentence
/// serving as the title stays in it.
pub(crate) fn split_title(text: &str) -> (String, String) {
    let text = text.trim();
    let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
    if looks_like_title(first) && !rest.trim().is_empty() {
        return (first.trim().to_string(), rest.trim().to_string());
    }
    match first_sentence_span(text) {
        Some(first) if first.end < text.len() => (
            text[first.start..first.end].trim().to_string(),
            text.to_string(),
        ),
        _ => (String::new(), text.to_string()),
    }
}

/// Reads a `.txt` article.
pub(crate) fn read(text: &str, path: &str, _report: &mut Report<'_>) -> Vec<Article> {
    let (title, body) = split_title(text);
    vec![Article {
        id: path.to_string(),
        title,
        body,
        ..Article::default()
    }]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_first_line_is_the_title() {
        let (title, body) =
            split_title("Markets Rally on Rate Hopes\n\nStocks rose on Monday. Bonds fell.");
        assert_eq!(title, "Markets Rally on Rate Hopes");
        assert_eq!(body, "Stocks rose on Monday. Bonds fell.");
    }

    #[test]
    fn a_first_line_ending_like_a_sentence_is_body() {
        let text = "Stocks rose on Mr. Smith's news. Bonds fell.\nMore text.";
        let (title, body) = split_title(text);
        assert_eq!(title, "Stocks rose on Mr. Smith's news.");
        assert_eq!(body, text, "the first sentence stays in the body");
    }

    #[test]
    fn the_seed_article_takes_its_first_sentence_as_title() {
        let seed = include_str!("../../corpus/000_feb3187bc183f0b1.txt");
        let (title, body) = split_title(seed);
        assert!(title.starts_with("OpenAI has signed an agreement"));
        assert!(title.ends_with("sensitive government systems."));
        assert!(body.starts_with("OpenAI has signed an agreement"));
        assert!(body.contains("Sam Altman, Chief Executive Officer"));
    }

    #[test]
    fn a_single_sentence_is_all_body() {
        let (title, body) = split_title("Just one sentence here.");
        assert_eq!(title, "");
        assert_eq!(body, "Just one sentence here.");
    }
}
