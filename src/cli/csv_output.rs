//! `--csv`: results as a table for spreadsheets and data tools, one row a hit, an entity or a
//! period, with a header row (RFC 4180, as the `csv` crate writes it).

use lede::SearchResults;
use lede::search::{EntityCounts, FacetCounts, Timeline};
use std::io::Write;

/// Text on one line: runs of whitespace (a passage's line breaks) as one space.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A search's hits: rank (from 1, counting the offset), id, publication time (RFC 3339, empty
/// when undated), title, source, url, path, score and the best passage shown.
pub fn write_hits(out: impl Write, results: &SearchResults, offset: usize) -> anyhow::Result<()> {
    let mut table = csv::Writer::from_writer(out);
    table.write_record([
        "rank",
        "article_id",
        "published",
        "title",
        "source",
        "url",
        "path",
        "score",
        "passage",
    ])?;
    for (i, hit) in results.hits.iter().enumerate() {
        table.write_record([
            (offset + i + 1).to_string(),
            hit.article_id.clone(),
            hit.published.map(|t| t.to_string()).unwrap_or_default(),
            hit.title.clone(),
            hit.source.clone().unwrap_or_default(),
            hit.url.clone().unwrap_or_default(),
            hit.path.clone(),
            hit.score.to_string(),
            hit.passages
                .first()
                .map(|p| one_line(&p.text))
                .unwrap_or_default(),
        ])?;
    }
    table.flush()?;
    Ok(())
}

/// Entity counts: type, name and the number of matching articles that mention it.
pub fn write_entities(out: impl Write, counts: &EntityCounts) -> anyhow::Result<()> {
    let mut table = csv::Writer::from_writer(out);
    table.write_record(["type", "name", "articles"])?;
    for count in &counts.entities {
        table.write_record([
            count.entity.kind.label(),
            &count.entity.name,
            &count.articles.to_string(),
        ])?;
    }
    table.flush()?;
    Ok(())
}

/// Field values: the value and the number of matching articles that hold it.
pub fn write_facets(out: impl Write, counts: &FacetCounts) -> anyhow::Result<()> {
    let mut table = csv::Writer::from_writer(out);
    table.write_record(["value", "articles"])?;
    for count in &counts.values {
        table.write_record([count.value.as_str(), &count.articles.to_string()])?;
    }
    table.flush()?;
    Ok(())
}

/// A timeline: each period's name, first day and count (undated articles are not a period).
pub fn write_timeline(out: impl Write, timeline: &Timeline) -> anyhow::Result<()> {
    let mut table = csv::Writer::from_writer(out);
    table.write_record(["period", "start", "count"])?;
    for bucket in &timeline.buckets {
        table.write_record([
            bucket.period.as_str(),
            &bucket.start.to_string(),
            &bucket.count.to_string(),
        ])?;
    }
    table.flush()?;
    Ok(())
}
