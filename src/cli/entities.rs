//! `lede entities`: the entities of the matching articles, most frequent first; with `--with`, who
//! is mentioned with whom.

use super::filter_args::{FilterArgs, MentionsArg};
use anyhow::Context;
use clap::{Args, ValueEnum};
use lede::analyze::entities::EntityKind;
use lede::search::{EntityCountOptions, EntityCounts, EntityFilter, SearchRequest};
use std::io::{BufWriter, Write};
use std::path::PathBuf;

/// Entity types on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
#[value(rename_all = "UPPER")]
enum Kind {
    /// People.
    Per,
    /// Organisations.
    Org,
    /// Locations.
    Loc,
    /// Other names.
    Misc,
}

impl From<Kind> for EntityKind {
    fn from(kind: Kind) -> EntityKind {
        match kind {
            Kind::Per => EntityKind::Person,
            Kind::Org => EntityKind::Organization,
            Kind::Loc => EntityKind::Location,
            Kind::Misc => EntityKind::Misc,
        }
    }
}

/// Arguments of `lede entities`.
#[derive(Args, Debug)]
pub struct EntitiesArgs {
    /// Count over the articles matching this query (default: every article).
    query: Option<String>,
    /// Only entities of this type.
    #[arg(long = "type", value_enum, ignore_case = true)]
    kind: Option<Kind>,
    /// Only articles that mention this entity ([TYPE:]NAME), which is left out of the counts.
    #[arg(long, value_name = "[TYPE:]NAME")]
    with: Option<String>,
    #[command(flatten)]
    filters: FilterArgs,
    #[command(flatten)]
    mentions: MentionsArg,
    /// Entities to list.
    #[arg(short = 'n', long, default_value_t = 20)]
    limit: usize,
    /// Print JSON.
    #[arg(long, conflicts_with = "csv")]
    json: bool,
    /// Print a CSV table: type, name, articles.
    #[arg(long)]
    csv: bool,
    /// The index folder.
    #[arg(long, default_value = super::DEFAULT_INDEX)]
    index: PathBuf,
}

/// Runs `lede entities`.
pub fn run(args: EntitiesArgs) -> anyhow::Result<i32> {
    let index = super::open_or_build(&args.index)?;
    let mut request = SearchRequest::new(args.query.clone().unwrap_or_default());
    args.filters.apply(&mut request)?;
    args.mentions.apply(&mut request)?;
    let options = EntityCountOptions {
        kind: args.kind.map(EntityKind::from),
        with: args
            .with
            .as_deref()
            .map(EntityFilter::parse)
            .transpose()
            .context("--with")?,
        limit: args.limit,
    };
    let counts = index.entity_counts(&request, &options)?;
    for warning in &counts.warnings {
        eprintln!("lede: {warning}");
    }
    let mut out = BufWriter::new(std::io::stdout().lock());
    if args.json {
        serde_json::to_writer_pretty(&mut out, &counts)?;
        writeln!(out)?;
    } else if args.csv {
        super::csv_output::write_entities(&mut out, &counts)?;
    } else {
        print_table(&mut out, &counts)?;
    }
    out.flush()?;
    Ok(if counts.entities.is_empty() { 1 } else { 0 })
}

/// The other names shown on an entity's line (`lede entities`), the rest counted.
const MAX_ALSO: usize = 3;

fn print_table(out: &mut impl Write, counts: &EntityCounts) -> anyhow::Result<()> {
    for e in &counts.entities {
        write!(
            out,
            "{:>7}  {:<4}  {}",
            e.articles,
            e.entity.kind.label(),
            e.entity.name
        )?;
        // The other names counted with it: the first few.
        if !e.also.is_empty() {
            let shown: Vec<&str> = e.also.iter().take(MAX_ALSO).map(String::as_str).collect();
            let more = e.also.len() - shown.len();
            write!(out, "  (also {}", shown.join(", "))?;
            if more > 0 {
                write!(out, ", +{more} more")?;
            }
            write!(out, ")")?;
        }
        writeln!(out)?;
    }
    writeln!(
        out,
        "{} of {} entities in {} articles",
        counts.entities.len(),
        counts.distinct_entities,
        counts.total_articles
    )?;
    Ok(())
}
