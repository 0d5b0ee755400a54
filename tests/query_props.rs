//! Property test of the query path through the library API: whatever the query text (random
//! strings, any Unicode, unbalanced quotes and parentheses, operators in odd places, control
//! characters, fields that do not exist, 10,000 terms), `Index::search` answers without panicking,
//! in bounded time, and says what it ignored.

use lede::search::{QuerySyntax, SearchRequest, SortOrder};
use lede::{Article, Index, IndexOptions, Indexer};
use proptest::prelude::*;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// A search may take this long at most (generous: CI runs debug builds).
const BOUND: Duration = Duration::from_secs(10);

fn index() -> &'static Index {
    static INDEX: OnceLock<(tempfile::TempDir, Index)> = OnceLock::new();
    &INDEX
        .get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            let index = Index::create(dir.path()).unwrap();
            let bodies = [
                "Gold prices rose in London as the dollar fell against the yen.",
                "Copper output in Chile fell after strikes at the Escondida mine.",
                "Le café à Genève coûte cher; the Zürich vote was close.",
                "東京の株式市場は上昇した。 Tokyo stocks rose on Monday.",
            ];
            let articles = bodies.iter().enumerate().map(|(i, body)| Article {
                id: format!("a{i}"),
                title: format!("Story {i}"),
                body: body.to_string(),
                published: Some(format!("2026-03-0{}T09:00:00Z", i + 1).parse().unwrap()),
                ..Article::default()
            });
            Indexer::new(&index, IndexOptions::default())
                .unwrap()
                .add_articles(articles)
                .unwrap();
            (dir, index)
        })
        .1
}

/// Pieces of query syntax, valid and broken, to string together.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "\"",
            "(",
            ")",
            "AND",
            "OR",
            "NOT",
            "-",
            "+",
            "*",
            "~",
            "~2",
            "^",
            "^3",
            ":",
            "title:",
            "body:",
            "source:",
            "nosuchfield:",
            "entity:",
            "entity:PER:",
            "entity:\"",
            "-entity:",
            "date_source:",
            "[",
            "]",
            "{",
            "}",
            "TO",
            "[1 TO",
            "\\",
            "/",
            "/re.*/",
            "gold",
            "copper",
            "Genève",
            "東京",
            "\u{0}",
            "\u{7}",
            "\u{1b}[31m",
            "\u{202e}",
            "\u{feff}",
            "\u{fffd}",
            "\r\n",
            "\t",
            "''",
            "&&",
            "||",
            "!",
            "?",
            "IN",
            "[\"a\" \"b\"]",
        ])
        .prop_map(str::to_string),
        "[a-z]{1,8}",
        any::<char>().prop_map(|c| c.to_string()),
    ]
}

fn query() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::collection::vec(piece(), 0..24).prop_map(|p| p.join(" ")),
        prop::collection::vec(piece(), 0..24).prop_map(|p| p.concat()),
    ]
}

/// Runs a search and checks the bound; returns its warnings.
fn search(request: &SearchRequest) -> Vec<String> {
    let started = Instant::now();
    let result = index().search(request);
    let took = started.elapsed();
    assert!(took < BOUND, "{:?} took {took:?}", request.query);
    match result {
        Ok(results) => results.warnings,
        Err(lede::Error::BadRequest(message)) => vec![message],
        Err(other) => panic!("{:?}: unexpected error {other}", request.query),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_query_text_is_answered(text in query(), plain in any::<bool>(), by_date in any::<bool>(), passages in any::<bool>()) {
        let mut request = SearchRequest::new(text);
        if plain {
            request.syntax = QuerySyntax::Plain;
        }
        if by_date {
            request.sort = SortOrder::Date;
        }
        request.passages = passages;
        search(&request);
    }
}

#[test]
fn a_query_of_ten_thousand_terms_is_answered_in_bounded_time() {
    // Balanced groups, a stray quote, fields, operators; see below for deep nesting.
    let words = [
        "gold", "copper", "(yen", "strikes)", "\"", "title:", "zz", "AND", "-mine", "nosuch:x",
    ];
    let text: Vec<&str> = (0..10_000).map(|i| words[i % words.len()]).collect();
    let text = text.join(" ");
    search(&SearchRequest::new(text.clone()));
    let mut plain = SearchRequest::new(text);
    plain.syntax = QuerySyntax::Plain;
    search(&plain);
}

/// tantivy's query grammar recurses once per open parenthesis, so ~1,000 nested `(` would overflow
/// an 8 MB stack (far fewer on this 2 MB test thread) and abort the process: lede cuts the nesting
/// before parsing and says so.
#[test]
fn deeply_nested_parentheses_do_not_overflow_the_stack() {
    let text = "( gold ".repeat(2_000);
    let warnings = search(&SearchRequest::new(text));
    assert!(!warnings.is_empty());
}

#[test]
fn what_is_ignored_is_said_and_the_rest_searched() {
    let results = index()
        .search(&SearchRequest::new("nosuchfield:gold copper"))
        .unwrap();
    assert!(
        results.warnings.iter().any(|w| w.contains("nosuchfield")),
        "{:?}",
        results.warnings
    );
    assert_eq!(results.hits[0].article_id, "a1");
    let results = index()
        .search(&SearchRequest::new("(gold AND \"dollar"))
        .unwrap();
    assert!(!results.hits.is_empty(), "{results:?}");
}

/// Found by the `query` fuzz target: the lenient parser accepts `field:*` (an "exists" query) on a
/// field that is not a fast field, or on a field named "", and the search then failed. Now the
/// query's words are searched, with a warning.
#[test]
fn queries_that_parse_but_cannot_run_fall_back_to_their_words() {
    for text in ["title:*", "\u{b}:*", "gold title:*"] {
        let results = index()
            .search(&SearchRequest::new(text))
            .unwrap_or_else(|e| panic!("{text:?}: {e}"));
        assert!(
            results
                .warnings
                .iter()
                .any(|w| w.contains("searching its words")),
            "{text:?}: {:?}",
            results.warnings
        );
    }
    let gold = index().search(&SearchRequest::new("gold title:*")).unwrap();
    assert_eq!(gold.hits[0].article_id, "a0");
}
