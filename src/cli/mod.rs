//! Command-line parsing and dispatch: clap structs here, converted once into the library's option
//! types; every command returns an exit code (0 results, 1 no results, 2 error).

mod csv_output;
mod entities;
mod extract;
mod extract_dates;
mod facets;
mod filter_args;
mod index;
mod numbered_lines;
mod output;
mod progress;
mod search;
#[cfg(feature = "serve")]
mod serve;
mod show;
mod stats;
mod timeline;
mod trec_topics;

use clap::{Parser, Subcommand, ValueEnum};
use std::path::{Path, PathBuf};

/// lede: full-text search for news archives.
#[derive(Parser, Debug)]
#[command(name = "lede", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Index a corpus (default ./corpus) into an index (default ./index), incrementally.
    Index(index::IndexArgs),
    /// Search the index: ranked articles with their best passages highlighted.
    Search(search::SearchArgs),
    /// Show one article: its metadata, text and passages.
    Show(show::ShowArgs),
    /// Figures about the index: articles, passages, size, last commit.
    Stats(stats::StatsArgs),
    /// The entities of the matching articles, most frequent first, with article counts.
    Entities(entities::EntitiesArgs),
    /// The sources (or tags, or bylines) of the matching articles, most frequent first, with
    /// article counts.
    Facets(facets::FacetsArgs),
    /// Matching articles per day, week, month or year, by publication date or mentioned dates.
    Timeline(timeline::TimelineArgs),
    /// Extract entities and dates from text.
    Extract(extract::ExtractArgs),
    /// Serve the HTTP JSON API and the web page (loopback only unless --addr says otherwise).
    #[cfg(feature = "serve")]
    Serve(serve::ServeArgs),
}

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// The default index folder.
pub(crate) const DEFAULT_INDEX: &str = "index";
/// The default corpus folder.
pub(crate) const DEFAULT_CORPUS: &str = "corpus";

/// Opens the index in `dir`, building it from the default corpus when it does not exist yet,
/// and building it anew when an older lede wrote it from that corpus.
pub(crate) fn open_or_build(dir: &Path) -> anyhow::Result<lede::Index> {
    let corpus = PathBuf::from(DEFAULT_CORPUS);
    if dir.join("meta.json").is_file() {
        if !corpus.exists() {
            return Ok(lede::Index::open(dir)?);
        }
        let (index, rebuilt) = lede::Index::open_for_paths(dir, std::slice::from_ref(&corpus))?;
        let Some(found) = rebuilt else {
            return Ok(index);
        };
        eprintln!(
            "{}",
            rebuilt_note(dir, &found, &format!("./{DEFAULT_CORPUS}"))
        );
        return build(index, corpus);
    }
    if !corpus.exists() {
        anyhow::bail!(
            "no index at {} and no ./{DEFAULT_CORPUS} folder to build one from: run `lede index PATH` on your articles first",
            dir.display()
        );
    }
    eprintln!(
        "lede: no index at {}; building it from ./{DEFAULT_CORPUS}",
        dir.display()
    );
    build(lede::Index::open_or_create(dir)?, corpus)
}

/// Indexes `corpus` into `index`, with the summary `lede index` prints.
fn build(index: lede::Index, corpus: PathBuf) -> anyhow::Result<lede::Index> {
    let summary =
        lede::Indexer::new(&index, lede::IndexOptions::default())?.index_paths(&[corpus])?;
    index::print_summary(
        &summary,
        std::time::Duration::ZERO,
        index::Verbosity::Normal,
    );
    Ok(index)
}

/// Says that the index in `dir`, of schema version `found`, is being rebuilt from `source`.
pub(crate) fn rebuilt_note(dir: &Path, found: &str, source: &str) -> String {
    format!(
        "lede: the index at {} was written by another version of lede (schema {found}, this one \
         reads {}) from {source}: rebuilding it from there",
        dir.display(),
        lede::index::schema::SCHEMA_VERSION
    )
}

/// Parses the command line, runs the command and returns the process exit code.
pub fn run() -> i32 {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Index(args) => index::run(args),
        Command::Search(args) => search::run(args),
        Command::Show(args) => show::run(args),
        Command::Stats(args) => stats::run(args),
        Command::Entities(args) => entities::run(args),
        Command::Facets(args) => facets::run(args),
        Command::Timeline(args) => timeline::run(args),
        Command::Extract(args) => extract::run(args),
        #[cfg(feature = "serve")]
        Command::Serve(args) => serve::run(args),
    };
    match result {
        Ok(code) => code,
        Err(err) if output::is_broken_pipe(&err) => 0,
        Err(err) => {
            eprintln!("lede: error: {err:#}");
            2
        }
    }
}
