//! Fuzzes the query path: any text, in either syntax, is searched on a small index without a
//! panic; only a `BadRequest` may come back as an error.
#![no_main]

use lede::search::{QuerySyntax, SearchRequest};
use lede::{Article, Index, IndexOptions, Indexer};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("lede-fuzz-query-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let index = Index::create(&dir).expect("create the fuzz index");
        let bodies = [
            "Gold prices rose in London as the dollar fell against the yen.",
            "Copper output in Chile fell after strikes at the Escondida mine.",
            "Le café à Genève coûte cher; the Zürich vote was close.",
        ];
        let articles = bodies.iter().enumerate().map(|(i, body)| Article {
            id: format!("a{i}"),
            title: format!("Story {i}"),
            body: body.to_string(),
            ..Article::default()
        });
        Indexer::new(&index, IndexOptions::default())
            .and_then(|indexer| indexer.add_articles(articles))
            .expect("index the fuzz articles");
        index
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for syntax in [QuerySyntax::Full, QuerySyntax::Plain] {
        let mut request = SearchRequest::new(text);
        request.syntax = syntax;
        match index().search(&request) {
            Ok(_) | Err(lede::Error::BadRequest(_)) => {}
            Err(other) => panic!("{text:?}: {other}"),
        }
    }
});
