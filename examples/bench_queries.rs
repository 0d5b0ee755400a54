//! Per-query latency of lede, for the benchmark harness (`bench/run`, `bench/scale.py`).
//!
//! `cargo run --release --example bench_queries -- INDEX QUERIES RUN_OUT LATENCIES_OUT [DEPTH [MODE]]`
//!
//! Opens the index once, then runs every `qid<TAB>query` line of QUERIES exactly as
//! `lede search --batch QUERIES --trec` does (plain words, ids only, the top DEPTH articles,
//! default 1000), timing each `Index::rank` call on its own. Writes the TREC run to RUN_OUT
//! (same format as the CLI, so both can be compared) and one latency in milliseconds per query,
//! in query order, to LATENCIES_OUT. Writing the run is not timed.
//!
//! MODE times what a person at the terminal waits for instead (`Index::search`, the top DEPTH
//! hits loaded with their highlighted passages, as `lede search` shows them): `page`; `passages`
//! (`--passages`: every passage of every matching article ranked); `mentions` (`--mentions
//! 1987-03`); `entity` (`--entity LOC:U.S.`). The run then lists the hits' articles.

use lede::Index;
use lede::search::{EntityFilter, MentionPeriod, QuerySyntax, SearchRequest};
use std::io::{BufRead, BufWriter, Write};
use std::time::Instant;

/// The allocator of the `lede` binary, so that latencies are what its searches see.
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 4 || args.len() > 6 {
        anyhow::bail!("usage: bench_queries INDEX QUERIES RUN_OUT LATENCIES_OUT [DEPTH [MODE]]");
    }
    let depth: usize = args.get(4).map_or(Ok(1000), |d| d.parse())?;
    let mode = args.get(5).map_or("ids", String::as_str);
    if !["ids", "page", "passages", "mentions", "entity"].contains(&mode) {
        anyhow::bail!("unknown MODE {mode:?}: ids, page, passages, mentions or entity");
    }
    let index = Index::open(&args[0])?;
    let queries = std::io::BufReader::new(std::fs::File::open(&args[1])?);
    let mut run = BufWriter::new(std::fs::File::create(&args[2])?);
    let mut latencies = BufWriter::new(std::fs::File::create(&args[3])?);
    for line in queries.lines() {
        let line = line?;
        let Some((qid, query)) = line.split_once('\t') else {
            continue;
        };
        let mut request = SearchRequest::new(query);
        request.syntax = QuerySyntax::Plain;
        request.limit = depth;
        if mode == "ids" {
            request.load_documents = false;
            let started = Instant::now();
            let ranked = index.rank(&request)?;
            let elapsed = started.elapsed();
            writeln!(latencies, "{:.6}", elapsed.as_secs_f64() * 1000.0)?;
            for (rank, hit) in ranked.iter().enumerate() {
                writeln!(run, "{}", hit.trec_line(qid, rank + 1, "lede"))?;
            }
            continue;
        }
        match mode {
            "passages" => request.passages = true,
            "mentions" => request.mentions = Some(MentionPeriod::parse("1987-03")?),
            "entity" => request.entities = vec![EntityFilter::parse("LOC:U.S.")?],
            _ => {}
        }
        let started = Instant::now();
        let results = index.search(&request)?;
        let elapsed = started.elapsed();
        writeln!(latencies, "{:.6}", elapsed.as_secs_f64() * 1000.0)?;
        for (rank, hit) in results.hits.iter().enumerate() {
            writeln!(
                run,
                "{qid} Q0 {} {} {} lede",
                hit.article_id,
                rank + 1,
                hit.score
            )?;
        }
    }
    run.flush()?;
    latencies.flush()?;
    Ok(())
}
