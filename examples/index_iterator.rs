//! Indexing articles that are not files: any iterator of [`lede::Article`]s (rows of a database,
//! a feed, a message queue). Indexing again is incremental: unchanged articles are skipped by
//! their content hash, changed ones replaced.
//!
//! `cargo run --release --example index_iterator`

use lede::search::SearchRequest;
use lede::{Article, Index, IndexOptions, Indexer};

/// Stand-in for rows from elsewhere: id, date, headline, text.
const ROWS: &[(&str, &str, &str, &str)] = &[
    (
        "wire-1",
        "2026-03-02T09:00:00Z",
        "Central bank holds rates",
        "The European Central Bank kept interest rates unchanged on Monday, \
         President Christine Lagarde said in Frankfurt.",
    ),
    (
        "wire-2",
        "2026-03-03T14:30:00Z",
        "Copper climbs on supply worries",
        "Copper prices rose in London on Tuesday after a strike at a mine in Chile.",
    ),
    (
        "wire-3",
        "2026-03-04T08:15:00Z",
        "Lagarde sees slower inflation",
        "Christine Lagarde said inflation would slow by the end of the year.",
    ),
];

fn articles() -> impl Iterator<Item = Article> {
    ROWS.iter().map(|&(id, date, title, body)| Article {
        id: id.into(),
        published: date.parse().ok(),
        title: title.into(),
        body: body.into(),
        source: Some("Example Wire".into()),
        ..Article::default()
    })
}

fn main() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let index = Index::create(dir.path())?;

    let first = Indexer::new(&index, IndexOptions::default())?.add_articles(articles())?;
    println!(
        "first run: {} added, {} passages",
        first.added, first.passages
    );
    let again = Indexer::new(&index, IndexOptions::default())?.add_articles(articles())?;
    println!("second run: {} unchanged", again.unchanged);

    index.reload()?; // see the commit now rather than shortly after
    let results = index.search(&SearchRequest::new("Lagarde"))?;
    for hit in &results.hits {
        println!("{}  {}", hit.article_id, hit.title);
    }
    Ok(())
}
