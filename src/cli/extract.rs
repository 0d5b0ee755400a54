//! `lede extract`: entities and dates of a text, for inspection and for the scorers.

use std::io::{Read, Write};

use anyhow::Context;
use clap::Args;
use lede::analyze::annotate::anchor_date;
use lede::analyze::dates::{DateMention, extract_dates, publication_date};
use lede::analyze::entities::{Entity, Recognizer};
use lede::ingest::Format;
use serde::Serialize;

/// Arguments of `lede extract`.
#[derive(Args, Debug)]
pub struct ExtractArgs {
    /// Input file, or `-` for standard input.
    #[arg(default_value = "-")]
    pub input: String,
    /// Only date expressions (TIMEX3 values), as `value<TAB>type<TAB>text` lines.
    #[arg(long, conflicts_with = "conll")]
    pub dates: bool,
    /// With --dates: read `{"doc","dct","text"}` lines and write one JSON line per document.
    #[arg(long, requires = "dates")]
    pub jsonl: bool,
    /// Read CoNLL-2003 column text (token first) and write each token line back with the
    /// predicted entity tag (BIO) appended; `-DOCSTART-` and blank lines pass through.
    #[arg(long)]
    pub conll: bool,
    /// With --conll: tag each document as an article's text (its tokens a space apart, clitics
    /// joined, its sentences paragraphs) through every rule `lede index` applies after the
    /// tagger, not the tagger alone, to score the names the index keeps.
    #[arg(long, requires = "conll")]
    pub articles: bool,
}

/// What `lede extract` prints for an article.
#[derive(Serialize)]
struct Extracted {
    /// The article's id, for an article read from a file of a format (not plain text).
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    /// The text the offsets refer to (title, blank line, body), for an article read from a file
    /// of a format: not the file's bytes, whose markup is no text.
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<String>,
    /// Named entities in text order.
    entities: Vec<Entity>,
    /// Date expressions in text order, resolved against the publication date found in the text
    /// or the file name (byte offsets).
    dates: Vec<DateMention>,
}

/// The text of `input` (a file, or `-` for standard input), decoded as `lede index` decodes files.
pub(crate) fn read_input(input: &str) -> anyhow::Result<String> {
    let mut bytes = Vec::new();
    if input == "-" {
        std::io::stdin()
            .read_to_end(&mut bytes)
            .context("reading standard input")?;
    } else {
        bytes = std::fs::read(input).with_context(|| format!("reading {input}"))?;
    }
    // Read as `lede index` reads a file: a Latin-1 text is decoded (and said so), not refused.
    let name = if input == "-" {
        "standard input"
    } else {
        input
    };
    match lede::ingest::decode_text(&bytes) {
        Ok(decoded) => {
            if let Some(note) = decoded.note {
                eprintln!("lede: warning: {name}: {note}");
            }
            Ok(decoded.text.into_owned())
        }
        Err(not_text) => anyhow::bail!("{name}: {}", not_text.reason),
    }
}

/// Runs `lede extract`.
pub fn run(args: ExtractArgs) -> anyhow::Result<i32> {
    if args.dates {
        return super::extract_dates::run(&args.input, args.jsonl);
    }
    if let Some(format) = article_format(&args.input).filter(|_| !args.conll) {
        return extract_articles(&args.input, format);
    }
    let text = read_input(&args.input)?;
    let recognizer = Recognizer::global();
    let mut out = std::io::stdout().lock();
    if args.conll {
        let tagged = if args.articles {
            recognizer.tag_conll_articles(&text)?
        } else {
            recognizer.tag_conll(&text)?
        };
        out.write_all(tagged.as_bytes())?;
        return Ok(0);
    }
    let file_name = std::path::Path::new(&args.input)
        .file_name()
        .and_then(|n| n.to_str())
        .filter(|_| args.input != "-");
    let anchor = publication_date(&text, file_name).map(|(date, _)| date);
    let extracted = Extracted {
        id: None,
        text: None,
        entities: recognizer.extract(&text),
        dates: extract_dates(&text, anchor),
    };
    serde_json::to_writer_pretty(&mut out, &extracted)?;
    writeln!(out)?;
    Ok(if extracted.found_nothing() { 1 } else { 0 })
}

/// The format of a file `lede index` reads articles from (Markdown, JSON, a web page…); `None`
/// for standard input and plain text, read as they are.
pub(crate) fn article_format(input: &str) -> Option<Format> {
    Some(std::path::Path::new(input))
        .filter(|_| input != "-")
        .and_then(Format::of_file)
        .filter(|&format| format != Format::Text)
}

impl Extracted {
    /// Whether neither an entity nor a date was found.
    fn found_nothing(&self) -> bool {
        self.entities.is_empty() && self.dates.is_empty()
    }
}

/// `lede extract` of a file of a format (Markdown, JSON, a web page, a feed…): each article it
/// holds, read as `lede index` reads it, its dates resolved against its publication date.
fn extract_articles(input: &str, format: Format) -> anyhow::Result<i32> {
    let bytes = std::fs::read(input).with_context(|| format!("reading {input}"))?;
    let read = lede::ingest::read_bytes(&bytes, input, format);
    for problem in &read.problems {
        eprintln!("lede: {}: {problem}", problem.severity.label());
    }
    let recognizer = Recognizer::global();
    let mut out = std::io::stdout().lock();
    let mut found = false;
    for article in read.articles {
        // The publication date, from the metadata or (as `lede index` reads it) the text.
        let anchor = anchor_date(&article);
        // What the recogniser reads of the article as `lede index` analyses it.
        let text = lede::analyze::annotate::entity_text(&article)
            .0
            .into_owned();
        let extracted = Extracted {
            entities: recognizer.extract(&text),
            dates: extract_dates(&text, anchor),
            id: Some(article.id),
            text: Some(text),
        };
        found |= !extracted.found_nothing();
        serde_json::to_writer_pretty(&mut out, &extracted)?;
        writeln!(out)?;
    }
    Ok(if found { 0 } else { 1 })
}
