//! `lede timeline`: matching articles per day, week, month or year, as a bar chart or JSON.

use super::filter_args::FilterArgs;
use clap::{Args, ValueEnum};
use lede::search::{Interval, SearchRequest, Timeline, TimelineBasis};
use std::io::{BufWriter, Write};
use std::path::PathBuf;

/// Period lengths on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum By {
    /// Calendar days.
    Day,
    /// ISO weeks (Monday to Sunday).
    Week,
    /// Calendar months.
    Month,
    /// Calendar years.
    Year,
}

/// Arguments of `lede timeline`.
#[derive(Args, Debug)]
pub struct TimelineArgs {
    /// Count the articles matching this query (default: every article).
    query: Option<String>,
    /// The length of the periods.
    #[arg(long, value_enum, default_value_t = By::Month)]
    by: By,
    /// Place articles by the dates they mention instead of their publication date.
    #[arg(long)]
    mentions: bool,
    #[command(flatten)]
    filters: FilterArgs,
    /// Print JSON.
    #[arg(long, conflicts_with = "csv")]
    json: bool,
    /// Print a CSV table: period, start (its first day), count.
    #[arg(long)]
    csv: bool,
    /// The index folder.
    #[arg(long, default_value = super::DEFAULT_INDEX)]
    index: PathBuf,
}

/// Width of the longest bar.
const BAR_WIDTH: u64 = 50;

/// Runs `lede timeline`.
pub fn run(args: TimelineArgs) -> anyhow::Result<i32> {
    let index = super::open_or_build(&args.index)?;
    let mut request = SearchRequest::new(args.query.clone().unwrap_or_default());
    args.filters.apply(&mut request)?;
    let by = match args.by {
        By::Day => Interval::Day,
        By::Week => Interval::Week,
        By::Month => Interval::Month,
        By::Year => Interval::Year,
    };
    let basis = if args.mentions {
        TimelineBasis::Mentions
    } else {
        TimelineBasis::Published
    };
    let timeline = index.timeline(&request, by, basis)?;
    for warning in &timeline.warnings {
        eprintln!("lede: {warning}");
    }
    let mut out = BufWriter::new(std::io::stdout().lock());
    if args.json {
        serde_json::to_writer_pretty(&mut out, &timeline)?;
        writeln!(out)?;
    } else if args.csv {
        super::csv_output::write_timeline(&mut out, &timeline)?;
    } else {
        print_chart(&mut out, &timeline)?;
    }
    out.flush()?;
    Ok(if timeline.buckets.is_empty() { 1 } else { 0 })
}

/// One row per period: its name, its count and a bar scaled to the largest count.
fn print_chart(out: &mut impl Write, timeline: &Timeline) -> anyhow::Result<()> {
    let max = timeline.buckets.iter().map(|b| b.count).max().unwrap_or(0);
    let count_width = max.to_string().len();
    for bucket in &timeline.buckets {
        let cells = if max == 0 {
            0
        } else {
            (bucket.count * BAR_WIDTH).div_ceil(max)
        };
        writeln!(
            out,
            "{:<10} {:>count_width$} {}",
            bucket.period,
            bucket.count,
            "█".repeat(cells as usize)
        )?;
    }
    let basis = match timeline.basis {
        TimelineBasis::Published => "undated",
        TimelineBasis::Mentions => "mentioning no date of that precision",
    };
    writeln!(
        out,
        "{} articles; {} {basis}",
        timeline.total_articles, timeline.undated
    )?;
    Ok(())
}
