//! Search embedded in a tool: open an index once, run a query with filters, and print each hit's
//! title, date, entities and best passage with its matched words in [brackets].
//!
//! `cargo run --release --example embed_search -- INDEX_DIR QUERY [ENTITY]`
//! (build the index first with `lede index`, e.g. `lede index corpus --index index`).

use lede::search::{EntityFilter, SearchRequest};
use lede::{Index, PassageHit};

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(query)) = (args.first(), args.get(1)) else {
        anyhow::bail!("usage: embed_search INDEX_DIR QUERY [[TYPE:]ENTITY]");
    };
    let index = Index::open(dir)?;
    let mut request = SearchRequest::new(query.as_str());
    request.limit = 5;
    if let Some(entity) = args.get(2) {
        // The same parser as `lede search --entity` and the API's `entity=`.
        request.entities.push(EntityFilter::parse(entity)?);
    }
    let results = index.search(&request)?;
    for warning in &results.warnings {
        eprintln!("note: {warning}");
    }
    println!("{} articles match {query:?}", results.total_hits);
    for hit in &results.hits {
        let date = hit.published.map_or("undated".into(), |t| t.to_string());
        println!("\n{}  ({date})", hit.title);
        let names: Vec<&str> = hit
            .entities
            .iter()
            .take(5)
            .map(|e| e.name.as_str())
            .collect();
        println!("  entities: {}", names.join(", "));
        if let Some(passage) = hit.passages.first() {
            println!("  {}", bracketed(passage));
            if !passage.dates.is_empty() {
                println!("  dates mentioned: {}", passage.dates.join(", "));
            }
        }
    }
    Ok(())
}

/// The passage with each highlight (a byte range of its text) in brackets.
fn bracketed(passage: &PassageHit) -> String {
    let mut out = String::new();
    let mut at = 0;
    for &[start, end] in &passage.highlights {
        out.push_str(&passage.text[at..start]);
        out.push('[');
        out.push_str(&passage.text[start..end]);
        out.push(']');
        at = end;
    }
    out.push_str(&passage.text[at..]);
    out
}
