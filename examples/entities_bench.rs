//! Throughput of the entity recogniser on one core, in tokens per second.
//!
//! `cargo run --release --example entities_bench [CONLL_FILE]` (default
//! `../shared/data/conll2003/eng.testa`; the seed article repeated when that is absent).
//! Measures `Recognizer::tag` on pre-tokenised CoNLL documents (features, scoring, Viterbi)
//! and `Recognizer::extract` on the same text joined with spaces (adds tokenising, span and
//! canonical-name work), each repeated for about three seconds after a warm-up pass.
//! Prints tokens per wall-clock second and, on Linux, per second of this thread's CPU time
//! (from `/proc/thread-self/schedstat`), which stays meaningful on a busy machine.
//! With `ENTITIES_BENCH_ROUNDS=N` each measurement runs exactly N rounds instead (fixed work,
//! for comparing instruction counts under `perf stat` or callgrind); `ENTITIES_BENCH_ONLY=tag`
//! or `=extract` runs one of the two.

use std::time::{Duration, Instant};

use lede::analyze::entities::{Recognizer, read_conll};

fn main() -> anyhow::Result<()> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/data/conll2003/eng.testa".to_string());
    let docs: Vec<Vec<Vec<String>>> = match std::fs::read_to_string(&path) {
        Ok(text) => read_conll(&text)?
            .into_iter()
            .map(|d| d.sentences)
            .collect(),
        Err(_) => {
            eprintln!("{path} not found; using the seed article");
            let text = std::fs::read_to_string("corpus/000_feb3187bc183f0b1.txt")?;
            let sentence: Vec<String> = text.split_whitespace().map(String::from).collect();
            vec![vec![sentence]; 50]
        }
    };
    let tokens: usize = docs.iter().flatten().map(Vec::len).sum();
    let texts: Vec<String> = docs
        .iter()
        .map(|d| d.iter().map(|s| s.join(" ")).collect::<Vec<_>>().join("\n"))
        .collect();
    let r = Recognizer::global();
    let fixed: Option<usize> = std::env::var("ENTITIES_BENCH_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok());
    let only = std::env::var("ENTITIES_BENCH_ONLY").unwrap_or_default();
    let run = |what: &str, f: &dyn Fn() -> usize| {
        if !only.is_empty() && !what.starts_with(only.as_str()) {
            return;
        }
        let mut sink = f();
        let cpu_start = thread_cpu_ns();
        let start = Instant::now();
        let mut rounds = 0;
        while match fixed {
            Some(n) => rounds < n,
            None => start.elapsed() < Duration::from_secs(3),
        } {
            sink += f();
            rounds += 1;
        }
        let secs = start.elapsed().as_secs_f64();
        let cpu = match (cpu_start, thread_cpu_ns()) {
            (Some(a), Some(b)) if b > a => {
                let cpu_secs = (b - a) as f64 / 1e9;
                format!(
                    ", {:.0} tokens per CPU second",
                    (tokens * rounds) as f64 / cpu_secs
                )
            }
            _ => String::new(),
        };
        println!(
            "{what}: {:.0} tokens/s{cpu} ({} tokens x {rounds} rounds in {secs:.2}s; {sink} results)",
            (tokens * rounds) as f64 / secs,
            tokens
        );
    };
    run("tag (CoNLL tokens)", &|| {
        docs.iter().map(|d| r.tag(d).len()).sum()
    });
    run("extract (raw text)", &|| {
        texts.iter().map(|t| r.extract(t).len()).sum()
    });
    Ok(())
}

/// Nanoseconds of CPU time this thread has used, where the kernel tells.
fn thread_cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}
