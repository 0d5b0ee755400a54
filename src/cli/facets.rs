//! `lede facets`: the values of an article field (its source, its tags or its byline) over the
//! matching articles, most frequent first: who covered a story, under which tags, who wrote it.

use super::filter_args::{FilterArgs, MentionsArg};
use clap::{Args, ValueEnum};
use lede::search::{FacetCounts, FacetField, SearchRequest};
use std::io::{BufWriter, Write};
use std::path::PathBuf;

/// Fields on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FieldArg {
    /// The publisher.
    Source,
    /// The article's tags.
    Tags,
    /// The byline, whole.
    Author,
}

/// Arguments of `lede facets`.
#[derive(Args, Debug)]
pub struct FacetsArgs {
    /// Count over the articles matching this query (default: every article).
    query: Option<String>,
    /// The field whose values are counted.
    #[arg(long, value_enum, default_value_t = FieldArg::Source)]
    field: FieldArg,
    #[command(flatten)]
    filters: FilterArgs,
    #[command(flatten)]
    mentions: MentionsArg,
    /// Values to list.
    #[arg(short = 'n', long, default_value_t = 20)]
    limit: usize,
    /// Print JSON.
    #[arg(long, conflicts_with = "csv")]
    json: bool,
    /// Print a CSV table: value, articles.
    #[arg(long)]
    csv: bool,
    /// The index folder.
    #[arg(long, default_value = super::DEFAULT_INDEX)]
    index: PathBuf,
}

/// Runs `lede facets`.
pub fn run(args: FacetsArgs) -> anyhow::Result<i32> {
    let index = super::open_or_build(&args.index)?;
    let mut request = SearchRequest::new(args.query.clone().unwrap_or_default());
    args.filters.apply(&mut request)?;
    args.mentions.apply(&mut request)?;
    let field = match args.field {
        FieldArg::Source => FacetField::Source,
        FieldArg::Tags => FacetField::Tags,
        FieldArg::Author => FacetField::Author,
    };
    let counts = index.facet_counts(&request, field, args.limit)?;
    for warning in &counts.warnings {
        eprintln!("lede: {warning}");
    }
    let mut out = BufWriter::new(std::io::stdout().lock());
    if args.json {
        serde_json::to_writer_pretty(&mut out, &counts)?;
        writeln!(out)?;
    } else if args.csv {
        super::csv_output::write_facets(&mut out, &counts)?;
    } else {
        print_table(&mut out, &counts)?;
    }
    out.flush()?;
    Ok(if counts.values.is_empty() { 1 } else { 0 })
}

fn print_table(out: &mut impl Write, counts: &FacetCounts) -> anyhow::Result<()> {
    for value in &counts.values {
        writeln!(out, "{:>7}  {}", value.articles, value.value)?;
    }
    let name = counts.field.name();
    match (counts.total_articles, counts.distinct_values) {
        (0, _) => writeln!(out, "no article matches")?,
        (1, 0) => writeln!(out, "no {name} values: the one matching article has none")?,
        (n, 0) => writeln!(
            out,
            "no {name} values: none of the {n} matching articles has one"
        )?,
        _ => writeln!(
            out,
            "{} of {} {name} values in {} articles ({} without)",
            counts.values.len(),
            counts.distinct_values,
            counts.total_articles,
            counts.without
        )?,
    }
    Ok(())
}
