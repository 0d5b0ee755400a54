//! Watching an index for new commits and re-running a query, as a dashboard or an alerting tool
//! would, while another writer (here a thread; usually `lede index`) adds articles.
//!
//! An open [`lede::Index`] reloads by itself shortly after each commit. To react at once, watch
//! the commit time ([`lede::Index::stats`] reads it from disk) and call [`lede::Index::reload`]
//! when it changes.
//!
//! `cargo run --release --example watch_commits`

use lede::search::SearchRequest;
use lede::{Article, Index, IndexOptions, Indexer};
use std::time::{Duration, Instant};

const STORIES: &[&str] = &[
    "Volcanic ash closed the airport in Catania on Monday.",
    "Flights resumed in Catania after the ash cloud moved east.",
    "Etna's eruption sent a new ash column over Sicily.",
];

fn main() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().to_path_buf();
    Index::create(&path)?;

    // The writer: one story per commit, a little apart.
    let writer = std::thread::spawn(move || -> lede::Result<()> {
        let index = Index::open(&path)?;
        for (i, body) in STORIES.iter().enumerate() {
            std::thread::sleep(Duration::from_millis(300));
            let story = Article {
                id: format!("ash-{i}"),
                title: format!("Ash report {i}"),
                body: body.to_string(),
                ..Article::default()
            };
            Indexer::new(&index, IndexOptions::default())?.add_articles([story])?;
        }
        Ok(())
    });

    // The watcher: its own handle on the same folder.
    let index = Index::open(dir.path())?;
    let request = SearchRequest::new("ash");
    let mut last_commit = None;
    let mut seen = 0;
    let deadline = Instant::now() + Duration::from_secs(15);
    while seen < STORIES.len() && Instant::now() < deadline {
        let commit = index.stats()?.last_commit;
        if commit != last_commit {
            last_commit = commit;
            index.reload()?;
            let results = index.search(&request)?;
            seen = results.total_hits;
            let newest = results.hits.iter().map(|h| h.article_id.as_str());
            println!(
                "commit at {}: {seen} articles match: {}",
                commit.map_or("-".into(), |t| t.to_string()),
                newest.collect::<Vec<_>>().join(", ")
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    writer.join().expect("writer thread")?;
    anyhow::ensure!(
        seen == STORIES.len(),
        "saw {seen} of {} stories",
        STORIES.len()
    );
    Ok(())
}
