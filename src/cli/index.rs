//! `lede index`: build or update an index from corpus paths.

use super::progress::IndexBar;
use anyhow::Context;
use clap::Args;
use lede::ingest::{ReadOptions, Severity, WalkOptions};
use lede::{Index, IndexOptions, IndexSummary, Indexer};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// The exit code of a run stopped by Ctrl-C (128 + SIGINT, as shells report it).
const EXIT_INTERRUPTED: i32 = 130;

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
    /// Writer memory budget in MB, shared by its threads (default 256; at least 16 and at most
    /// 4095 a thread).
    #[arg(long, value_name = "MB")]
    memory: Option<usize>,
    /// Writer threads (default: the machine's cores, at most 4; 8 at most). Analysis (passages,
    /// entities, dates) runs on every core regardless.
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
    /// Skip any file larger than this (in a .jsonl file or a larger .json array, any record), in MB.
    #[arg(long, value_name = "MB", default_value_t = 10.0)]
    max_size: f64,
    /// Commit every N articles written (0: only by time and at the end).
    #[arg(long, value_name = "N", default_value_t = IndexOptions::default().commit_every)]
    commit_every: usize,
    /// Commit when this many seconds have passed since the last commit (0: only by count).
    #[arg(long, value_name = "SECONDS", default_value_t = IndexOptions::default().commit_interval.as_secs())]
    commit_interval: u64,
    /// Follow symbolic links to files and folders (a link loop is reported and skipped); without
    /// it a linked folder or article is left out with a warning.
    #[arg(short = 'L', long)]
    follow: bool,
    /// Any skipped file or record is an error (exit code 2), after committing the rest.
    #[arg(long)]
    strict: bool,
    /// Print only errors.
    #[arg(short, long, conflicts_with = "verbose")]
    quiet: bool,
    /// Print every file and every problem, warnings included.
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

/// One file's line in verbose output: what happened to its articles.
fn describe(outcome: &lede::index::writer::FileOutcome) -> String {
    let parts: Vec<String> = [
        (outcome.added, "added"),
        (outcome.updated, "updated"),
        (outcome.unchanged, "unchanged"),
        (outcome.removed, "removed"),
        (outcome.skipped, "skipped"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| format!("{n} {what}"))
    .collect();
    let parts = if parts.is_empty() {
        "nothing indexed".to_string()
    } else {
        parts.join(", ")
    };
    if outcome.read || outcome.removed > 0 {
        parts
    } else {
        format!("{parts} (not re-read: same size and time)")
    }
}

/// `n` and the word, in the plural unless `n` is 1: "1 file", "2 files".
fn counted(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// Prints the problems and the closing summary to standard error.
pub(crate) fn print_summary(summary: &IndexSummary, elapsed: Duration, verbosity: Verbosity) {
    if verbosity == Verbosity::Quiet {
        return;
    }
    if let Some(run) = &summary.after_unfinished_run {
        eprintln!(
            "lede: note: an earlier `lede index` on this index did not finish ({run}): it was killed or failed, its lock was released when it ended and its last commit was kept; this run took over"
        );
    }
    if summary.reanalysed {
        eprintln!(
            "lede: note: the index was analysed by an earlier lede: the articles read were analysed again (passages, entities, dates)"
        );
    }
    if verbosity == Verbosity::Verbose {
        for outcome in &summary.file_outcomes {
            eprintln!("lede: file: {}: {}", outcome.path, describe(outcome));
        }
    }
    for problem in &summary.problems {
        let is_warning = problem.severity == Severity::Warning;
        if is_warning && verbosity != Verbosity::Verbose {
            continue;
        }
        eprintln!("lede: {}: {problem}", problem.severity.label());
    }
    let warnings = summary.problems.len() - summary.skipped();
    let seconds = elapsed.as_secs_f64();
    let written = summary.added + summary.updated;
    let rate = if seconds > 0.0 && written > 0 {
        format!(", {:.0} articles/s", written as f64 / seconds)
    } else {
        String::new()
    };
    eprintln!(
        "lede: {}: {} added, {} updated, {} unchanged, {} removed, {} skipped, {} warnings; {} written in {:.2}s ({}){}",
        counted(summary.files, "file"),
        summary.added,
        summary.updated,
        summary.unchanged,
        summary.removed,
        summary.skipped(),
        warnings,
        counted(summary.passages, "passage"),
        seconds,
        counted(summary.commits, "commit"),
        rate
    );
    let by_kind = summary.skipped_by_kind();
    if !by_kind.is_empty() {
        let groups: Vec<String> = by_kind
            .iter()
            .map(|(kind, n)| format!("{n} {}", kind.label()))
            .collect();
        eprintln!("lede: skipped by reason: {}", groups.join(", "));
    }
}

/// Runs `lede index`.
pub fn run(args: IndexArgs) -> anyhow::Result<i32> {
    if args.passage_min > args.passage_max {
        anyhow::bail!("--passage-min must not exceed --passage-max");
    }
    if args.max_size.is_nan() || args.max_size <= 0.0 {
        anyhow::bail!("--max-size must be a positive number of MB");
    }
    // A path that is not there is a typo more often than not: say so before any index is
    // created or changed (what an earlier run indexed from it is left alone either way).
    if let Some(missing) = args.paths.iter().find(|p| p.symlink_metadata().is_err()) {
        anyhow::bail!("{}: no such file or folder", missing.display());
    }
    let started = Instant::now();
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
        memory_bytes: match args.memory {
            None => defaults.memory_bytes,
            Some(mb) => mb
                .checked_mul(1024 * 1024)
                .with_context(|| format!("--memory {mb}: more bytes than this machine counts"))?,
        },
        threads: args.threads.unwrap_or(defaults.threads),
        read: ReadOptions {
            max_bytes: (args.max_size * 1024.0 * 1024.0) as u64,
        },
        commit_every: args.commit_every,
        commit_interval: Duration::from_secs(args.commit_interval),
        walk: WalkOptions {
            follow_links: args.follow,
        },
    };
    options.writer_budget().context("--memory, --threads")?;
    let index = if args.rebuild {
        Index::rebuild(&args.index)?
    } else {
        let (index, rebuilt) = Index::open_for_paths(&args.index, &args.paths)?;
        if let Some(found) = rebuilt {
            let source = if args.paths.len() == 1 {
                args.paths[0].display().to_string()
            } else {
                "the paths given".to_string()
            };
            eprintln!("{}", super::rebuilt_note(&args.index, &found, &source));
        }
        index
    };
    let stop = Arc::new(AtomicBool::new(false));
    let handler_stop = Arc::clone(&stop);
    ctrlc::set_handler(move || {
        if handler_stop.swap(true, Ordering::SeqCst) {
            eprintln!("lede: interrupted again: stopping now; the index keeps its last commit");
            std::process::exit(EXIT_INTERRUPTED);
        }
        eprintln!(
            "lede: interrupted: finishing the current batch and committing it (Ctrl-C again to stop at once)"
        );
    })?;
    let bar = IndexBar::new(args.quiet);
    let summary = Indexer::new(&index, options)?
        .cancel_on(stop)
        .on_progress(|progress| bar.update(progress))
        .index_paths(&args.paths);
    bar.finish();
    let summary = summary?;
    let verbosity = match (args.quiet, args.verbose) {
        (true, _) => Verbosity::Quiet,
        (_, true) => Verbosity::Verbose,
        _ => Verbosity::Normal,
    };
    print_summary(&summary, started.elapsed(), verbosity);
    if summary.interrupted {
        eprintln!(
            "lede: interrupted: committed the {} articles added and {} updated so far; nothing was removed. Run `lede index` again to finish (unchanged files are not re-read)",
            summary.added, summary.updated
        );
        return Ok(EXIT_INTERRUPTED);
    }
    if args.strict && summary.skipped() > 0 {
        let first = summary
            .problems
            .iter()
            .find(|p| p.severity == Severity::Skipped)
            .map(|p| p.to_string())
            .unwrap_or_default();
        anyhow::bail!(
            "--strict: {} files or records were skipped (the rest is indexed and committed); first: {first}",
            summary.skipped()
        );
    }
    Ok(0)
}
