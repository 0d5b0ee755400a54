//! "Did you mean": a query whose words the index does not hold, each replaced by the word it most
//! likely meant, as Elasticsearch's term suggester proposes one (`suggest_mode: missing`).
//!
//! A word is unknown when no article's title or body holds its term. Its candidates are the
//! body's terms within the edits its length allows (one up to 5 letters, two beyond), opening
//! with the same letter (the suggester's `prefix_length` 1: a first letter is seldom the one
//! mistyped, and without it `volker` proposes `bolger` as readily as `volcker`). A term is a
//! stem, so of the nearest, most frequent first, the one with a word that articles' bodies write
//! for it nearest the word typed wins, shown in the case the query wrote the word in.
//! Between words as near, the query's other words decide, as Elasticsearch's phrase suggester
//! lets a word's neighbours: the word more of whose articles hold one of them (`opek prices`:
//! OPEC, though `open` is the more frequent word).

use super::expansion::{Levenshtein, auto_edits, dictionary_terms, levenshtein_builder, one_term};
use super::request::{QuerySyntax, SearchRequest};
use crate::index::Index;
use rustc_hash::FxHashMap;
use tantivy::collector::Count;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TokenStream;
use tantivy::{DocAddress, DocSet, Searcher, TERMINATED, TantivyDocument, Term};

/// Shorter words are not corrected (the suggester's `min_word_length`).
const MIN_WORD_LENGTH: usize = 4;
/// The most unknown words looked up for a correction (each walks the dictionary): a query of
/// thousands of made-up words walks it no more often than a query of eight.
const MAX_CORRECTIONS: usize = 8;

/// The query with each unknown word replaced by the word it most likely meant; `None` when every
/// word is known or none has a likely replacement.
pub(crate) fn did_you_mean(
    index: &Index,
    searcher: &Searcher,
    request: &SearchRequest,
) -> tantivy::Result<Option<String>> {
    if request.like.is_some() {
        return Ok(None);
    }
    let text = &request.query;
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    let mut changed = false;
    let mut looked_up = 0;
    let words = correctable_words(text, request.syntax);
    let mut unknown = Vec::with_capacity(words.len());
    for &(start, end) in &words {
        unknown.push(unknown_term(index, searcher, &text[start..end])?);
    }
    if unknown.iter().all(Option::is_none) {
        return Ok(None);
    }
    // The query's known words: what the words it meant are likely to stand beside.
    let context: Vec<Term> = words
        .iter()
        .zip(&unknown)
        .filter(|(_, unknown)| unknown.is_none())
        .filter_map(|(&(start, end), _)| {
            one_term(&index.index, index.fields.body, &text[start..end])
        })
        .map(|term| Term::from_field_text(index.fields.body, &term))
        .collect();
    for (&(start, end), term) in words.iter().zip(&unknown) {
        let Some(term) = term else {
            continue;
        };
        let word = &text[start..end];
        if looked_up == MAX_CORRECTIONS {
            break;
        }
        looked_up += 1;
        if let Some(better) = nearest_word(index, searcher, word, term, &context)? {
            out.push_str(&text[last..start]);
            out.push_str(&better);
            last = end;
            changed = true;
        }
    }
    out.push_str(&text[last..]);
    Ok(changed.then_some(out))
}

/// The byte ranges of the query's words that a correction may replace: runs of letters, but in
/// full syntax none that is an operator, a field's name or value, an exclusion, a wildcard, a
/// fuzzy word or part of an `entity:` clause.
fn correctable_words(text: &str, syntax: QuerySyntax) -> Vec<(usize, usize)> {
    let entity_clauses: Vec<(usize, usize)> = match syntax {
        QuerySyntax::Plain => Vec::new(),
        QuerySyntax::Full => super::query::entity_clause_spans(text),
    };
    let mut words = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(from)) => {
                start = None;
                let word = &text[from..i];
                if !word.chars().all(char::is_alphabetic) {
                    continue;
                }
                if syntax == QuerySyntax::Full {
                    let before = text[..from].chars().next_back();
                    let before_that = text[..from].chars().rev().nth(1);
                    let after = text[i..].chars().next();
                    let operator = matches!(word, "AND" | "OR" | "NOT" | "TO");
                    let excluded = before == Some('-')
                        && before_that.is_none_or(|c| c.is_whitespace() || c == '(');
                    let special = |c: Option<char>| matches!(c, Some(':' | '*' | '?' | '~' | '^'));
                    let in_clause = entity_clauses.iter().any(|&(a, b)| a <= from && i <= b);
                    // A `?` ending a word is a question's mark (see `expansion`), no wildcard.
                    let question = after == Some('?')
                        && !text[i..]
                            .trim_start_matches('?')
                            .starts_with(|c: char| c.is_alphanumeric() || c == '*');
                    let special_after = special(after) && !question;
                    if operator || excluded || special(before) || special_after || in_clause {
                        continue;
                    }
                }
                words.push((from, i));
            }
            _ => {}
        }
    }
    words
}

/// The term of `word` when it is long enough to correct and no article's title or body holds it.
fn unknown_term(index: &Index, searcher: &Searcher, word: &str) -> tantivy::Result<Option<String>> {
    let fields = &index.fields;
    if word.chars().count() < MIN_WORD_LENGTH {
        return Ok(None);
    }
    let Some(term) = one_term(&index.index, fields.body, word) else {
        return Ok(None);
    };
    let known = |field: Field| searcher.doc_freq(&Term::from_field_text(field, &term));
    if known(fields.body)? > 0 || known(fields.title)? > 0 || auto_edits(term.chars().count()) == 0
    {
        return Ok(None);
    }
    Ok(Some(term))
}

/// The word `word` (whose term is `term`) most likely meant, in its case; between candidates as
/// near, the one the query's `context` terms stand beside most often.
fn nearest_word(
    index: &Index,
    searcher: &Searcher,
    word: &str,
    term: &str,
    context: &[Term],
) -> tantivy::Result<Option<String>> {
    let fields = &index.fields;
    let edits = auto_edits(term.chars().count());
    let automaton = Levenshtein {
        dfa: levenshtein_builder(edits).build_dfa(term),
        first: term.as_bytes().first().copied(),
    };
    let mut found: FxHashMap<Vec<u8>, u64> = FxHashMap::default();
    dictionary_terms(searcher, fields.body, &automaton, &mut found)?;
    let mut candidates: Vec<(u8, std::cmp::Reverse<u64>, Vec<u8>)> = found
        .into_iter()
        .map(|(key, df)| (automaton.distance(&key), std::cmp::Reverse(df), key))
        .collect();
    candidates.sort_unstable();
    // The nearest stems, the most frequent first; of those, the one whose word as the text
    // writes it is nearest the word typed (`opek` is a letter from the stem `oper`, but far
    // from "operation", and a letter from "opec").
    let typed = word.to_lowercase();
    let mut nearest: Vec<(usize, String, String)> = Vec::new();
    for (_, _, key) in candidates.into_iter().take(SURFACE_CANDIDATES) {
        let Ok(stem) = String::from_utf8(key) else {
            continue;
        };
        let Some((distance, shown)) = nearest_surface(index, searcher, &stem, &typed)? else {
            continue;
        };
        if nearest.first().is_some_and(|(d, ..)| distance > *d) {
            continue;
        }
        if nearest.first().is_some_and(|(d, ..)| distance < *d) {
            nearest.clear();
        }
        nearest.push((distance, stem, shown));
    }
    // As near and the most frequent first; the context decides between them (`opek prices`:
    // `opec` stands beside prices in more of its articles than `open` does).
    let mut best = 0;
    if nearest.len() > 1 && !context.is_empty() {
        let mut best_share = -1.0;
        for (i, (_, stem, _)) in nearest.iter().enumerate().take(CONTEXT_CANDIDATES) {
            let share = context_share(index, searcher, stem, context)?;
            if share > best_share {
                (best, best_share) = (i, share);
            }
        }
    }
    Ok(nearest
        .into_iter()
        .nth(best)
        .map(|(_, _, shown)| in_case_of(word, &shown)))
}

/// How many of the candidates as near (the most frequent first) the context decides between: each
/// is a count over the index, and a short unknown word (a ticker in a headline) has many.
const CONTEXT_CANDIDATES: usize = 3;

/// Articles that hold a candidate but few of them weigh less: a candidate held by one article
/// that also holds a context word is no surer than one held by thousands, most of them with it.
const CONTEXT_PRIOR: f64 = 10.0;

/// The share of the articles holding `stem` that also hold one of the `context` terms (with
/// [`CONTEXT_PRIOR`] articles added to the whole, so rare candidates are not sure by chance).
fn context_share(
    index: &Index,
    searcher: &Searcher,
    stem: &str,
    context: &[Term],
) -> tantivy::Result<f64> {
    let candidate = Term::from_field_text(index.fields.body, stem);
    let held = searcher.doc_freq(&candidate)? as f64;
    let any_context = BooleanQuery::new(
        context
            .iter()
            .map(|term| {
                let query: Box<dyn Query> =
                    Box::new(TermQuery::new(term.clone(), IndexRecordOption::Basic));
                (Occur::Should, query)
            })
            .collect(),
    );
    let both = BooleanQuery::new(vec![
        (
            Occur::Must,
            Box::new(TermQuery::new(candidate, IndexRecordOption::Basic)),
        ),
        (Occur::Must, Box::new(any_context)),
    ]);
    let together = searcher.search(&both, &Count)? as f64;
    Ok(together / (held + CONTEXT_PRIOR))
}

/// How many of the nearest stems are compared by the words the text writes for them.
const SURFACE_CANDIDATES: usize = 8;

/// Levenshtein's distance between two short words, by characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

/// How many articles holding a stem are read for the words that write it: enough that the
/// common ones are among them whatever order indexing left the segments in.
const SURFACE_ARTICLES: usize = 8;

/// Of the words the bodies of the first [`SURFACE_ARTICLES`] articles holding `term` write it as
/// (lower-cased), the one nearest `typed`, with its distance; between words as near, the one
/// written most often, then the first in alphabetical order, so that the answer does not depend
/// on which article comes first (`inflaton`: "inflation", though an article may say "inflated"
/// first).
fn nearest_surface(
    index: &Index,
    searcher: &Searcher,
    term: &str,
    typed: &str,
) -> tantivy::Result<Option<(usize, String)>> {
    let body = index.fields.body;
    let mut written: FxHashMap<String, usize> = FxHashMap::default();
    let mut articles = 0;
    'segments: for (ord, reader) in searcher.segment_readers().iter().enumerate() {
        let inverted = reader.inverted_index(body)?;
        let Some(mut postings) =
            inverted.read_postings(&Term::from_field_text(body, term), IndexRecordOption::Basic)?
        else {
            continue;
        };
        let mut doc = postings.doc();
        while doc != TERMINATED {
            if articles == SURFACE_ARTICLES {
                break 'segments;
            }
            if !reader.is_deleted(doc) {
                articles += 1;
                let stored: TantivyDocument = searcher.doc(DocAddress::new(ord as u32, doc))?;
                if let Some(text) = super::lookup::first_text(&stored, body) {
                    let mut analyzer = index.index.tokenizer_for_field(body)?;
                    let mut tokens = analyzer.token_stream(&text);
                    while tokens.advance() {
                        let token = tokens.token();
                        if token.text == term {
                            let word = text[token.offset_from..token.offset_to].to_lowercase();
                            *written.entry(word).or_default() += 1;
                        }
                    }
                }
            }
            doc = postings.advance();
        }
    }
    Ok(written
        .into_iter()
        .map(|(word, count)| (edit_distance(typed, &word), std::cmp::Reverse(count), word))
        .min()
        .map(|(distance, _, word)| (distance, word)))
}

/// `word` (lower-case) in the case of `model`: all capitals, a capital first, or lower case.
fn in_case_of(model: &str, word: &str) -> String {
    let mut letters = model.chars().filter(|c| c.is_alphabetic());
    let first_upper = letters.next().is_some_and(char::is_uppercase);
    if first_upper && model.chars().count() > 1 && model.chars().all(|c| !c.is_lowercase()) {
        return word.to_uppercase();
    }
    if first_upper {
        let mut chars = word.chars();
        return chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default();
    }
    word.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str, syntax: QuerySyntax) -> Vec<&str> {
        correctable_words(text, syntax)
            .into_iter()
            .map(|(a, b)| &text[a..b])
            .collect()
    }

    #[test]
    fn operators_fields_exclusions_and_patterns_are_not_corrected() {
        let text = r#"volker AND (greenspn OR title:fed) -yen supply-chain gorb* x~ entity:"Paul Volker" 1987 b2b wom?n opek?"#;
        assert_eq!(
            words(text, QuerySyntax::Full),
            ["volker", "greenspn", "supply", "chain", "opek"]
        );
        assert_eq!(
            words("volker AND title:fed", QuerySyntax::Plain),
            ["volker", "AND", "title", "fed"]
        );
    }

    #[test]
    fn edit_distance_counts_characters() {
        assert_eq!(edit_distance("opek", "opec"), 1);
        assert_eq!(edit_distance("opek", "operation"), 6);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("zürich", "zurich"), 1);
    }

    #[test]
    fn a_correction_takes_the_case_of_the_word_it_replaces() {
        assert_eq!(in_case_of("Volker", "volcker"), "Volcker");
        assert_eq!(in_case_of("VOLKER", "volcker"), "VOLCKER");
        assert_eq!(in_case_of("volker", "volcker"), "volcker");
        assert_eq!(in_case_of("vOLKER", "volcker"), "volcker");
    }
}
