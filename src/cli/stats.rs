//! `lede stats`: figures about the index.

use clap::Args;
use std::io::Write;
use std::path::PathBuf;

/// Arguments of `lede stats`.
#[derive(Args, Debug)]
pub struct StatsArgs {
    /// Print JSON.
    #[arg(long)]
    json: bool,
    /// The index folder.
    #[arg(long, default_value = super::DEFAULT_INDEX)]
    index: PathBuf,
}

/// Runs `lede stats`.
pub fn run(args: StatsArgs) -> anyhow::Result<i32> {
    let index = lede::Index::open(&args.index)?;
    let stats = index.stats()?;
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &stats)?;
        writeln!(out)?;
        return Ok(0);
    }
    writeln!(out, "index:        {}", stats.path.display())?;
    writeln!(out, "articles:     {}", stats.articles)?;
    writeln!(out, "passages:     {}", stats.passages)?;
    let corpus = &stats.corpus;
    writeln!(out, "files:        {}", corpus.files)?;
    let plural = |n: u64, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    for kind in &corpus.kinds {
        let articles = plural(kind.articles, "article");
        match kind.kind.as_str() {
            "added" => writeln!(out, "  {:<12}{articles}", "(added)")?,
            ext => {
                let name = if ext == "none" {
                    "(no ext.)".to_string()
                } else {
                    format!(".{ext}")
                };
                writeln!(
                    out,
                    "  {name:<12}{}, {articles}",
                    plural(kind.files, "file")
                )?;
            }
        }
    }
    let day = |t: jiff::Timestamp| t.to_string()[..10].to_string();
    let span = match (corpus.published_from, corpus.published_to) {
        (Some(from), Some(to)) => format!("{} to {}", day(from), day(to)),
        _ => "no dates".to_string(),
    };
    writeln!(out, "published:    {span}, {} undated", corpus.undated)?;
    writeln!(out, "size on disk: {:.1} MB", stats.size_bytes as f64 / 1e6)?;
    writeln!(out, "segments:     {}", stats.segments)?;
    let last = stats
        .last_commit
        .map_or("never".to_string(), |t| t.to_string());
    writeln!(out, "last commit:  {last}")?;
    writeln!(out, "schema:       version {}", stats.schema_version)?;
    let analysis = stats.analysis_version;
    if analysis == lede::analyze::ANALYSIS_VERSION {
        writeln!(out, "analysis:     version {analysis}")?;
    } else {
        writeln!(
            out,
            "analysis:     version {analysis} (lede's is {}: the next `lede index` analyses the articles again)",
            lede::analyze::ANALYSIS_VERSION
        )?;
    }
    Ok(0)
}
