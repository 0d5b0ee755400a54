//! `--csv`: results as a table for spreadsheets and data tools, one row a hit, an entity or a
//! period, with a header row (RFC 4180, as the `csv` crate writes it).

use lede::SearchResults;
use lede::search::{EntityCounts, FacetCounts, Timeline};
use std::io::Write;

/// Text on one line: runs of whitespace (a passage's line breaks) as one space.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A table: `header`, then `rows`.
fn write_table<const N: usize>(
    out: impl Write,
    header: [&str; N],
    rows: impl IntoIterator<Item = [String; N]>,
) -> anyhow::Result<()> {
    let mut table = csv::Writer::from_writer(out);
    table.write_record(header)?;
    for row in rows {
        table.write_record(row)?;
    }
    table.flush()?;
    Ok(())
}

/// A search's hits: rank (from 1, counting the offset), id, publication time (RFC 3339, empty
/// when undated), title, an untitled article's first sentence (its heading on the terminal;
/// empty when titled), source, url, path, score and the best passage shown.
pub fn write_hits(out: impl Write, results: &SearchResults, offset: usize) -> anyhow::Result<()> {
    let header = [
        "rank",
        "article_id",
        "published",
        "title",
        "opening",
        "source",
        "url",
        "path",
        "score",
        "passage",
    ];
    let rows = results.hits.iter().enumerate().map(|(i, hit)| {
        [
            (offset + i + 1).to_string(),
            hit.article_id.clone(),
            hit.published.map(|t| t.to_string()).unwrap_or_default(),
            hit.title.clone(),
            one_line(&hit.opening),
            hit.source.clone().unwrap_or_default(),
            hit.url.clone().unwrap_or_default(),
            hit.path.clone(),
            hit.score.to_string(),
            hit.passages
                .first()
                .map(|p| one_line(&p.text))
                .unwrap_or_default(),
        ]
    });
    write_table(out, header, rows)
}

/// Entity counts: type, name and the number of matching articles that mention it.
pub fn write_entities(out: impl Write, counts: &EntityCounts) -> anyhow::Result<()> {
    let rows = counts.entities.iter().map(|count| {
        [
            count.entity.kind.label().to_string(),
            count.entity.name.clone(),
            count.articles.to_string(),
        ]
    });
    write_table(out, ["type", "name", "articles"], rows)
}

/// Field values: the value and the number of matching articles that hold it.
pub fn write_facets(out: impl Write, counts: &FacetCounts) -> anyhow::Result<()> {
    let rows = counts
        .values
        .iter()
        .map(|count| [count.value.clone(), count.articles.to_string()]);
    write_table(out, ["value", "articles"], rows)
}

/// A timeline: each period's name, first day and count (undated articles are not a period).
pub fn write_timeline(out: impl Write, timeline: &Timeline) -> anyhow::Result<()> {
    let rows = timeline.buckets.iter().map(|bucket| {
        [
            bucket.period.clone(),
            bucket.start.to_string(),
            bucket.count.to_string(),
        ]
    });
    write_table(out, ["period", "start", "count"], rows)
}
