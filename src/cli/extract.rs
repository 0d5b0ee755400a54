//! `lede extract`: entities and dates of a text, for inspection and for the scorers.

use std::io::{Read, Write};

use anyhow::Context;
use clap::Args;
use lede::analyze::dates::{DateMention, extract_dates, publication_date};
use lede::analyze::entities::{Entity, Recognizer};
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
}

/// What `lede extract` prints for an article.
#[derive(Serialize)]
struct Extracted {
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
    let text = read_input(&args.input)?;
    let recognizer = Recognizer::global();
    let mut out = std::io::stdout().lock();
    if args.conll {
        out.write_all(recognizer.tag_conll(&text)?.as_bytes())?;
        return Ok(0);
    }
    let file_name = std::path::Path::new(&args.input)
        .file_name()
        .and_then(|n| n.to_str())
        .filter(|_| args.input != "-");
    let anchor = publication_date(&text, file_name).map(|(date, _)| date);
    let extracted = Extracted {
        entities: recognizer.extract(&text),
        dates: extract_dates(&text, anchor),
    };
    serde_json::to_writer_pretty(&mut out, &extracted)?;
    writeln!(out)?;
    Ok(
        if extracted.entities.is_empty() && extracted.dates.is_empty() {
            1
        } else {
            0
        },
    )
}
