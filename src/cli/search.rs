//! `lede search`: ranked, highlighted passages for a query, or a TREC run for a batch of queries.

use super::ColorChoice;
use super::filter_args::{FilterArgs, MentionsArg};
use super::numbered_lines::NumberedLines;
use super::output::{BOLD, DIM, Style, entity_list, paint_highlighted, render_passage};
use super::trec_topics::{self, TopicText};
use anyhow::Context;
use clap::{Args, ValueEnum};
use lede::search::{QuerySyntax, SearchRequest, SortOrder};
use lede::{Index, PassageHit, SearchResults};
use std::io::{BufWriter, Write};
use std::path::PathBuf;

/// Result order on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Sort {
    /// Best match first.
    Relevance,
    /// Newest first (the same time: best match first); undated articles last.
    #[value(alias = "newest")]
    Date,
    /// Oldest first, as a story's chronology reads (the same time: best match first); undated
    /// articles last.
    Oldest,
}

/// Arguments of `lede search`.
#[derive(Args, Debug)]
pub struct SearchArgs {
    /// The query: words, "phrases", "near words"~3, AND/OR/NOT, field:term, fuzzy~ and fuzzy~1, wild*card,
    /// entity:"NAME" (see the README). Without one (and with a filter), every article that passes the filters.
    #[arg(
        required_unless_present_any = ["batch", "entities", "mentions", "like"],
        allow_hyphen_values = true
    )]
    query: Option<String>,
    /// Hits to show [default: 10; with -l, every match].
    #[arg(short = 'n', long)]
    limit: Option<usize>,
    /// Hits to skip.
    #[arg(long, default_value_t = 0)]
    offset: usize,
    #[command(flatten)]
    filters: FilterArgs,
    #[command(flatten)]
    mentions: MentionsArg,
    /// Result order.
    #[arg(long, value_enum, default_value_t = Sort::Relevance)]
    sort: Sort,
    /// Rank passages on their own instead of articles.
    #[arg(long)]
    passages: bool,
    /// Show each story once: near-duplicates (repeats, corrections, other copies of one story)
    /// are folded into the best-ranked one and listed under it.
    #[arg(long, conflicts_with = "passages")]
    collapse: bool,
    /// Show what each hit's score is made of: the article's BM25, its best passage's, its lead
    /// and its coverage of the query (`explanation` in the JSON).
    #[arg(long, conflicts_with = "passages")]
    explain: bool,
    /// Read the query as plain words: no operators, quotes or fields.
    #[arg(long)]
    plain: bool,
    /// Print the results as one JSON document.
    #[arg(long, conflicts_with_all = ["jsonl", "csv"])]
    json: bool,
    /// Print one JSON hit per line.
    #[arg(long, conflicts_with = "csv")]
    jsonl: bool,
    /// Print only the ids of the matching articles, one a line, in the order asked (`--sort`), as
    /// `rg -l` lists files: every match unless `-n` says how many.
    #[arg(
        short = 'l',
        long,
        conflicts_with_all = ["json", "jsonl", "csv", "count", "explain", "passages", "collapse"]
    )]
    ids: bool,
    /// Print only the number of matches (articles, or passages with --passages), as `grep -c`.
    #[arg(short = 'c', long, conflicts_with_all = ["json", "jsonl", "csv", "explain"])]
    count: bool,
    /// Print a CSV table, a hit a row: rank, article_id, published, title, source, url, path,
    /// score, passage (the best one shown, on one line).
    #[arg(long)]
    csv: bool,
    /// Run every `qid<TAB>query` line of this file (plain words), or every topic of a TREC
    /// topic file (`<top>` blocks).
    #[arg(long, value_name = "FILE", requires = "trec")]
    batch: Option<PathBuf>,
    /// With --batch of TREC topics: the fields each topic's query is made of.
    #[arg(long, value_enum, default_value_t = TopicText::Title, requires = "batch")]
    topic_text: TopicText,
    /// With --batch: write a TREC run (`qid Q0 article_id rank score lede`), top 1000 per query.
    #[arg(long)]
    trec: bool,
    /// Weight of the whole-article score against the best passage's (0 to 1).
    #[arg(long, default_value_t = lede::search::request::DEFAULT_ARTICLE_WEIGHT)]
    article_weight: f32,
    /// Weight of a lead match, scaled by how news-like the article is (0 turns it off).
    #[arg(long, default_value_t = lede::search::request::DEFAULT_LEAD_WEIGHT)]
    lead_weight: f32,
    /// The index folder.
    #[arg(long, default_value = super::DEFAULT_INDEX)]
    index: PathBuf,
    /// When to colour output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
}

/// Hits shown when `-n` does not say.
const DEFAULT_LIMIT: usize = 10;

/// Entities shown under a hit's title.
const HIT_ENTITIES: usize = 8;

/// Hits per query in a TREC run.
const TREC_DEPTH: usize = 1000;

impl SearchArgs {
    fn request(&self, query: String) -> anyhow::Result<SearchRequest> {
        if !(0.0..=1.0).contains(&self.article_weight) {
            anyhow::bail!("--article-weight must be between 0 and 1");
        }
        let mut request = SearchRequest::new(query);
        request.limit = self.limit.unwrap_or(DEFAULT_LIMIT);
        request.offset = self.offset;
        self.filters.apply(&mut request)?;
        self.mentions.apply(&mut request)?;
        request.sort = match self.sort {
            Sort::Relevance => SortOrder::Relevance,
            Sort::Date => SortOrder::Date,
            Sort::Oldest => SortOrder::Oldest,
        };
        request.passages = self.passages;
        request.collapse = self.collapse;
        request.explain = self.explain;
        request.article_weight = self.article_weight;
        if !(0.0..=10.0).contains(&self.lead_weight) {
            anyhow::bail!("--lead-weight must be between 0 and 10");
        }
        request.lead_weight = self.lead_weight;
        if self.plain {
            request.syntax = QuerySyntax::Plain;
        }
        Ok(request)
    }
}

/// Runs `lede search`.
pub fn run(args: SearchArgs) -> anyhow::Result<i32> {
    let index = super::open_or_build(&args.index)?;
    if let Some(batch) = &args.batch {
        return run_batch(&index, &args, batch);
    }
    let mut request = args.request(args.query.clone().unwrap_or_default())?;
    if args.count || args.ids {
        (request.limit, request.load_documents) = (0, false);
    }
    let results = index.search(&request)?;
    for warning in &results.warnings {
        eprintln!("lede: {warning}");
    }
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if args.count {
        writeln!(out, "{}", results.total_hits)?;
        out.flush()?;
        return Ok(if results.total_hits == 0 { 1 } else { 0 });
    }
    if args.ids {
        // Counted first, so that listing every match collects no more than there are.
        request.limit = args.limit.unwrap_or(results.total_hits);
        let ranked = index.rank(&request)?;
        for hit in &ranked {
            writeln!(out, "{}", hit.article_id)?;
        }
        out.flush()?;
        return Ok(if ranked.is_empty() { 1 } else { 0 });
    }
    if args.json {
        serde_json::to_writer_pretty(&mut out, &results)?;
        writeln!(out)?;
    } else if args.jsonl {
        for hit in &results.hits {
            serde_json::to_writer(&mut out, hit)?;
            writeln!(out)?;
        }
    } else if args.csv {
        super::csv_output::write_hits(&mut out, &results, args.offset)?;
    } else {
        let style = Style::for_stdout(args.color);
        if let Some(id) = &args.filters.like {
            let line = format!("articles like {id}, by its words: {}", results.query);
            writeln!(out, "{}\n", style.paint(DIM, &line))?;
        }
        print_human(&mut out, &results, &style)?;
    }
    out.flush()?;
    Ok(if results.hits.is_empty() { 1 } else { 0 })
}

/// A score's parts on one line: `= article 0.700 (BM25 12.31) + passage …`.
fn explained(e: &lede::search::Explanation) -> String {
    if !e.rescored {
        return format!(
            "= article {:.3} (BM25 {:.2}; below the rescore window)",
            e.article, e.article_bm25
        );
    }
    format!(
        "= article {:.3} (BM25 {:.2}) + passage {:.3} (BM25 {:.2}) + lead {:.3} \
         (newsiness {:.2}, share {:.2}) + coverage {:.3} (share {:.2})",
        e.article,
        e.article_bm25,
        e.passage,
        e.passage_bm25,
        e.lead,
        e.newsiness,
        e.lead_share,
        e.coverage,
        e.coverage_share
    )
}

/// A passage as shown under its hit's heading: without the heading it opens with (an untitled
/// story's first sentence, as its title or its opening, printed just above), its highlights
/// moved with it; and whether text before it is left out.
fn after_title<'p>(passage: &'p PassageHit, title: &str) -> (&'p str, Vec<[usize; 2]>, bool) {
    let text = passage.text.as_str();
    if passage.start > 0 || title.is_empty() || !text.starts_with(title) {
        return (text, passage.highlights.clone(), passage.start > 0);
    }
    let rest = text[title.len()..].trim_start();
    let cut = text.len() - rest.len();
    let highlights = passage
        .highlights
        .iter()
        .filter(|[start, _]| *start >= cut)
        .map(|[start, end]| [start - cut, end - cut])
        .collect();
    (rest, highlights, true)
}

fn print_human(out: &mut impl Write, results: &SearchResults, style: &Style) -> anyhow::Result<()> {
    if results.hits.is_empty() {
        writeln!(out, "no hits for {:?}", results.query)?;
    }
    if let Some(better) = &results.did_you_mean {
        let line = format!("did you mean: {better}");
        writeln!(out, "{}\n", style.paint(BOLD, &line))?;
    }
    if results.hits.is_empty() {
        return Ok(());
    }
    for (i, hit) in results.hits.iter().enumerate() {
        let title = if !hit.title.is_empty() {
            paint_highlighted(&hit.title, &hit.title_highlights, BOLD, style)
        } else if !hit.opening.is_empty() {
            let heading = paint_highlighted(&hit.opening, &hit.opening_highlights, BOLD, style);
            heading.split_whitespace().collect::<Vec<_>>().join(" ")
        } else {
            style.paint(BOLD, &hit.article_id)
        };
        writeln!(out, "{title}")?;
        let mut meta = vec![hit.published.map_or("undated".to_string(), |t| {
            t.strftime("%Y-%m-%d").to_string()
        })];
        meta.push(hit.source.clone().unwrap_or_else(|| hit.path.clone()));
        meta.push(format!("score {:.3}", hit.score));
        meta.push(hit.article_id.clone());
        writeln!(out, "{}", style.paint(DIM, &meta.join(" · ")))?;
        if let Some(e) = &hit.explanation {
            writeln!(out, "{}", style.paint(DIM, &format!("  {}", explained(e))))?;
        }
        if !hit.entities.is_empty() {
            let line = format!("  {}", entity_list(&hit.entities, HIT_ENTITIES));
            writeln!(out, "{}", style.paint(DIM, &line))?;
        }
        if !hit.duplicates.is_empty() {
            let line = format!(
                "  + {} near-duplicate{}: {}",
                hit.duplicates.len(),
                if hit.duplicates.len() == 1 { "" } else { "s" },
                hit.duplicates.join(", ")
            );
            writeln!(out, "{}", style.paint(DIM, &line))?;
        }
        let heading = if hit.title.is_empty() {
            &hit.opening
        } else {
            &hit.title
        };
        for passage in &hit.passages {
            let (shown, highlights, elided) = after_title(passage, heading);
            if shown.is_empty() {
                continue;
            }
            let text = render_passage(shown, &highlights, style, 2, 6, elided);
            writeln!(out, "{text}")?;
        }
        if i + 1 < results.hits.len() {
            writeln!(out)?;
        }
    }
    Ok(())
}

/// Runs every query of a `qid<TAB>query` file, or every topic of a TREC topic file, and writes
/// a TREC run.
fn run_batch(index: &Index, args: &SearchArgs, path: &PathBuf) -> anyhow::Result<i32> {
    use std::io::{BufRead, Read};
    if args.filters.like.is_some() {
        anyhow::bail!("--like takes no query, and --batch gives one a line: use one or the other");
    }
    let file = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let mut reader = std::io::BufReader::new(file);
    let name = path.display().to_string();
    let topics = trec_topics::is_topics(
        reader
            .fill_buf()
            .with_context(|| format!("reading {name}"))?,
    );
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let (mut any, mut skipped) = (false, 0);
    if topics {
        // A topic file is small: read whole, its topics each a query.
        let mut bytes = Vec::new();
        reader
            .read_to_end(&mut bytes)
            .with_context(|| format!("reading {name}"))?;
        for topic in trec_topics::parse(&String::from_utf8_lossy(&bytes), args.topic_text) {
            match topic {
                Ok(topic) => {
                    any |= run_batch_query(index, args, &topic.qid, &topic.query, &mut out)?
                }
                Err((line, reason)) => {
                    eprintln!("lede: skipped: {name}:{line}: {reason}");
                    skipped += 1;
                }
            }
        }
    } else {
        let mut lines = NumberedLines::new(reader, name.as_str());
        while let Some((n, line)) = lines.next_line()? {
            // A line that cannot be a query is reported with its number and skipped; the
            // others run.
            let line = match line {
                Ok(line) => line,
                Err(reason) => {
                    eprintln!("lede: skipped: {name}:{n}: {reason}");
                    skipped += 1;
                    continue;
                }
            };
            if line.trim().is_empty() {
                continue;
            }
            let Some((qid, query)) = line
                .split_once('\t')
                .filter(|(qid, _)| !qid.trim().is_empty())
            else {
                eprintln!("lede: skipped: {name}:{n}: expected qid<TAB>query");
                skipped += 1;
                continue;
            };
            any |= run_batch_query(index, args, qid, query, &mut out)?;
        }
    }
    out.flush()?;
    if skipped > 0 {
        let what = if topics { "topics" } else { "lines" };
        eprintln!("lede: {skipped} {what} skipped; the other queries ran");
        return Ok(2);
    }
    Ok(if any { 0 } else { 1 })
}

/// Runs one query of a batch (its words plain, the top [`TREC_DEPTH`]) and writes its run's
/// lines; whether it found anything.
fn run_batch_query(
    index: &Index,
    args: &SearchArgs,
    qid: &str,
    query: &str,
    out: &mut impl Write,
) -> anyhow::Result<bool> {
    let mut request = args.request(query.to_string())?;
    request.syntax = QuerySyntax::Plain;
    request.limit = TREC_DEPTH;
    request.offset = 0;
    request.load_documents = false;
    let ranked = index.rank(&request)?;
    for (rank, hit) in ranked.iter().enumerate() {
        writeln!(out, "{}", hit.trec_line(qid, rank + 1, "lede"))?;
    }
    Ok(!ranked.is_empty())
}
