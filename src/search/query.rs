//! From query text to tantivy queries: one over articles (title and body), one over passages, with
//! the same filters. Full syntax is parsed leniently: what cannot be parsed is dropped and reported.

use super::request::{QuerySyntax, SearchRequest};
use crate::index::Index;
use crate::index::schema::{KIND_ARTICLE, KIND_PASSAGE};
use std::ops::Bound;
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, Occur, Query, QueryParser, RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DateTime, Term};

/// Weight of a title match against a body match.
const TITLE_BOOST: f32 = 1.5;

/// A query ready to run against both kinds of documents.
pub(crate) struct CompiledQuery {
    /// Matches and scores articles.
    pub article: Box<dyn Query>,
    /// Matches and scores passages.
    pub passage: Box<dyn Query>,
    /// What was ignored in the query text, and why.
    pub warnings: Vec<String>,
}

/// The query text with every character that is not part of a word turned into a space, and
/// lower-cased so that AND, OR, NOT and TO are words too.
pub(crate) fn plain_text(query: &str) -> String {
    query
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .to_lowercase()
}

fn is_match_all(text: &str) -> bool {
    let text = text.trim();
    text.is_empty() || text == "*"
}

fn filter(query: Box<dyn Query>) -> (Occur, Box<dyn Query>) {
    (Occur::Must, Box::new(ConstScoreQuery::new(query, 0.0)))
}

/// The filters every query of a request carries: its kind, and the date range.
fn filters(index: &Index, kind: &str, request: &SearchRequest) -> Vec<(Occur, Box<dyn Query>)> {
    let fields = &index.fields;
    let mut clauses = vec![filter(Box::new(TermQuery::new(
        Term::from_field_text(fields.kind, kind),
        IndexRecordOption::Basic,
    )))];
    if request.since.is_some() || request.until.is_some() {
        let bound = |t: Option<jiff::Timestamp>, inclusive: bool| match t {
            None => Bound::Unbounded,
            Some(t) => {
                let term = Term::from_field_date(
                    fields.published,
                    DateTime::from_timestamp_secs(t.as_second()),
                );
                if inclusive {
                    Bound::Included(term)
                } else {
                    Bound::Excluded(term)
                }
            }
        };
        clauses.push(filter(Box::new(RangeQuery::new(
            bound(request.since, true),
            bound(request.until, false),
        ))));
    }
    clauses
}

fn parse(
    index: &Index,
    fields: &[Field],
    text: &str,
    warnings: Option<&mut Vec<String>>,
) -> Box<dyn Query> {
    if is_match_all(text) {
        return Box::new(AllQuery);
    }
    let mut parser = QueryParser::for_index(&index.index, fields.to_vec());
    parser.set_field_boost(index.fields.title, TITLE_BOOST);
    let (query, errors) = parser.parse_query_lenient(text);
    if let Some(warnings) = warnings {
        warnings.extend(
            errors
                .iter()
                .map(|e| format!("ignored part of the query: {e}")),
        );
    }
    query
}

/// Compiles a request's query text and filters.
pub(crate) fn compile(index: &Index, request: &SearchRequest) -> CompiledQuery {
    let text = match request.syntax {
        QuerySyntax::Full => request.query.clone(),
        QuerySyntax::Plain => plain_text(&request.query),
    };
    let fields = &index.fields;
    let mut warnings = Vec::new();
    let article = parse(
        index,
        &[fields.title, fields.body],
        &text,
        Some(&mut warnings),
    );
    let passage = parse(index, &[fields.text], &text, None);
    let combine = |query: Box<dyn Query>, kind: &str| -> Box<dyn Query> {
        let mut clauses = vec![(Occur::Must, query)];
        clauses.extend(filters(index, kind, request));
        Box::new(BooleanQuery::new(clauses))
    };
    CompiledQuery {
        article: combine(article, KIND_ARTICLE),
        passage: combine(passage, KIND_PASSAGE),
        warnings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_keeps_only_words() {
        assert_eq!(
            plain_text("BAKER SAYS REAGAN TO MEET PRESS \"VERY SOON\" <NWL> AND: (x)"),
            "baker says reagan to meet press  very soon   nwl  and   x "
        );
    }
}
