//! Micro-benchmarks of the analysis hot paths on the seed article: sentence splitting, passage
//! building, entity tagging and date extraction. `cargo bench --bench analyze`.
//!
//! Sample sizes are kept small so that `cargo bench` takes a few minutes on a shared machine;
//! criterion prints the time per call (one call = one whole article).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use lede::analyze::dates::extract_dates;
use lede::analyze::entities::Recognizer;
use lede::analyze::passages::{PassageOptions, build_passages};
use lede::analyze::sentences::{split_paragraphs, split_sentences};
use std::hint::black_box;
use std::time::Duration;

const SEED: &str = include_str!("../corpus/000_feb3187bc183f0b1.txt");

fn analyze(c: &mut Criterion) {
    let text = SEED;
    let anchor = Some(jiff::civil::date(2026, 3, 2));
    let recognizer = Recognizer::global();
    let mut group = c.benchmark_group("seed article");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("split_paragraphs", |b| {
        b.iter(|| split_paragraphs(black_box(text)))
    });
    group.bench_function("split_sentences", |b| {
        b.iter(|| split_sentences(black_box(text)))
    });
    group.bench_function("build_passages", |b| {
        b.iter(|| build_passages(black_box(text), PassageOptions::default()))
    });
    group.bench_function("entities (Recognizer::extract)", |b| {
        b.iter(|| recognizer.extract(black_box(text)))
    });
    group.bench_function("dates (extract_dates)", |b| {
        b.iter(|| extract_dates(black_box(text), anchor))
    });
    group.finish();
}

criterion_group!(benches, analyze);
criterion_main!(benches);
