//! `lede index`: build or update an index from corpus paths.

use clap::Args;
use lede::{Index, IndexOptions, IndexSummary, Indexer};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Arguments of `lede index`.
#[derive(Args, Debug)]
pub struct IndexArgs {
    /// Files or folders to index.
    #[arg(default_value = super::DEFAULT_CORPUS)]
    paths: Vec<PathBuf>,
    /// The index folder.
    #[arg(long, default_value = super::DEFAULT_INDEX)]
    index: PathBuf,
    /// Remove the existing index (only a lede index) and build it anew.
    #[arg(long)]
    rebuild: bool,
    /// Writer memory budget in MB.
    #[arg(long, value_name = "MB")]
    memory: Option<usize>,
    /// Writer threads.
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    /// Words per passage: minimum.
    #[arg(long, default_value_t = 40, value_name = "WORDS")]
    passage_min: usize,
    /// Words per passage: maximum.
    #[arg(long, default_value_t = 120, value_name = "WORDS")]
    passage_max: usize,
    /// Skip named-entity recognition (faster; no entity filters or counts for these articles).
    #[arg(long)]
    no_entities: bool,
    /// Skip finding the dates the text mentions (publication dates are still read).
    #[arg(long)]
    no_dates: bool,
    /// Print only errors.
    #[arg(short, long)]
    quiet: bool,
    /// Print every problem, warnings included.
    #[arg(short, long)]
    verbose: bool,
}

/// How much `lede index` says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verbosity {
    Quiet,
    Normal,
    Verbose,
}

/// Prints the problems and the closing summary to standard error.
pub(crate) fn print_summary(summary: &IndexSummary, elapsed: Duration, verbosity: Verbosity) {
    if verbosity == Verbosity::Quiet {
        return;
    }
    for problem in &summary.problems {
        let is_warning = problem.severity == lede::ingest::Severity::Warning;
        if is_warning && verbosity != Verbosity::Verbose {
            continue;
        }
        let label = if is_warning { "warning" } else { "skipped" };
        eprintln!("lede: {label}: {problem}");
    }
    let warnings = summary.problems.len() - summary.skipped();
    let seconds = elapsed.as_secs_f64();
    let rate = if seconds > 0.0 {
        format!(
            ", {:.0} articles/s",
            (summary.added + summary.updated) as f64 / seconds
        )
    } else {
        String::new()
    };
    eprintln!(
        "lede: {} files: {} added, {} updated, {} unchanged, {} removed, {} skipped, {} warnings; {} passages written in {:.2}s{}",
        summary.files,
        summary.added,
        summary.updated,
        summary.unchanged,
        summary.removed,
        summary.skipped(),
        warnings,
        summary.passages,
        seconds,
        rate
    );
}

/// Runs `lede index`.
pub fn run(args: IndexArgs) -> anyhow::Result<i32> {
    if args.passage_min > args.passage_max {
        anyhow::bail!("--passage-min must not exceed --passage-max");
    }
    let started = Instant::now();
    let index = if args.rebuild {
        Index::rebuild(&args.index)?
    } else {
        Index::open_or_create(&args.index)?
    };
    let defaults = IndexOptions::default();
    let options = IndexOptions {
        analysis: lede::analyze::annotate::AnnotateOptions {
            passages: lede::analyze::passages::PassageOptions {
                min_words: args.passage_min,
                max_words: args.passage_max,
            },
            entities: !args.no_entities,
            dates: !args.no_dates,
        },
        memory_bytes: args
            .memory
            .map_or(defaults.memory_bytes, |mb| mb * 1024 * 1024),
        threads: args.threads.unwrap_or(defaults.threads),
    };
    let summary = Indexer::new(&index, options)?.index_paths(&args.paths)?;
    let verbosity = match (args.quiet, args.verbose) {
        (true, _) => Verbosity::Quiet,
        (_, true) => Verbosity::Verbose,
        _ => Verbosity::Normal,
    };
    print_summary(&summary, started.elapsed(), verbosity);
    Ok(0)
}
