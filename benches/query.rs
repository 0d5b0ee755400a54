//! Micro-benchmark of one query against a small index: the seed article plus the first 2,000
//! articles of `../shared/data/known-item-reuters/corpus.jsonl` when that is present (the seed
//! alone otherwise), built once in a temporary folder. `cargo bench --bench query`.
//!
//! Measures `Index::search` as `lede search` runs it (top 10, passages and highlights loaded) and
//! `Index::rank` as a TREC batch runs it (plain words, ids only, top 1000).

use criterion::{Criterion, criterion_group, criterion_main};
use lede::ingest::{Format, read_bytes};
use lede::search::QuerySyntax;
use lede::{Index, IndexOptions, Indexer, SearchRequest};
use std::hint::black_box;
use std::time::Duration;

const SEED: &str = include_str!("../corpus/000_feb3187bc183f0b1.txt");
const REUTERS: &str = "../shared/data/known-item-reuters/corpus.jsonl";
const REUTERS_ARTICLES: usize = 2000;

fn articles() -> Vec<lede::Article> {
    let mut articles =
        read_bytes(SEED.as_bytes(), "000_feb3187bc183f0b1.txt", Format::Text).articles;
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(REUTERS);
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            let head: String = text
                .lines()
                .take(REUTERS_ARTICLES)
                .flat_map(|line| [line, "\n"])
                .collect();
            articles
                .extend(read_bytes(head.as_bytes(), "reuters.jsonl", Format::JsonLines).articles);
        }
        Err(_) => eprintln!(
            "query bench: {} not found; indexing the seed article only",
            path.display()
        ),
    }
    articles
}

fn query(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let index = Index::create(dir.path()).expect("index");
    let articles = articles();
    let count = articles.len();
    Indexer::new(&index, IndexOptions::default())
        .expect("indexer")
        .add_articles(articles)
        .expect("indexing");
    let text = if count > 1 {
        "U.S. trade deficit with Japan widens, Baker says"
    } else {
        "OpenAI defense department contract"
    };
    let mut group = c.benchmark_group(format!("query ({count} articles)"));
    group
        .sample_size(30)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    group.bench_function("search top 10 with passages", |b| {
        let request = SearchRequest::new(text);
        b.iter(|| index.search(black_box(&request)).expect("search"))
    });
    group.bench_function("rank top 1000, ids only", |b| {
        let mut request = SearchRequest::new(text);
        request.syntax = QuerySyntax::Plain;
        request.limit = 1000;
        request.load_documents = false;
        b.iter(|| index.rank(black_box(&request)).expect("rank"))
    });
    group.finish();
}

criterion_group!(benches, query);
criterion_main!(benches);
