//! `lede extract --dates`: the date expressions of a text, for inspection and
//! for the TempEval-3 scorer.
//!
//! With `--jsonl`, each input line is `{"doc","dct","text"}` and each output
//! line `{"doc","dates":[{"start","end","text","value","type"}]}`, offsets in
//! characters of `text`, relative dates resolved against `dct`. Without it,
//! a plain text is one article, its publication date looked for in the text
//! and the file name, and each mention is printed as `value<TAB>type<TAB>text`;
//! a file of another format (Markdown, JSON, a web page…) is read as `lede
//! index` reads it, and each article's body is printed so under a line naming
//! it and its publication date (from its metadata, else its text).

use std::io::{BufRead, Write};

use super::numbered_lines::NumberedLines;
use anyhow::Context as _;
use jiff::civil::Date;
use lede::analyze::dates::{DateMention, extract_dates, publication_date};
use serde::{Deserialize, Serialize};

#[derive(Deserialize)]
struct InputDoc {
    doc: String,
    #[serde(default)]
    dct: Option<String>,
    text: String,
}

#[derive(Serialize)]
struct OutputDoc<'a> {
    doc: &'a str,
    dates: Vec<OutputDate>,
}

#[derive(Serialize)]
struct OutputDate {
    start: usize,
    end: usize,
    text: String,
    value: String,
    #[serde(rename = "type")]
    kind: &'static str,
}

/// Runs date extraction over `input` (a path, or `-` for standard input).
pub fn run(input: &str, jsonl: bool) -> anyhow::Result<i32> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let (found, skipped) = if jsonl {
        let reader: Box<dyn BufRead> = if input == "-" {
            Box::new(std::io::stdin().lock())
        } else {
            let file = std::fs::File::open(input).with_context(|| format!("opening {input}"))?;
            Box::new(std::io::BufReader::new(file))
        };
        run_jsonl(reader, &mut out, input)?
    } else if let Some(format) = super::extract::article_format(input) {
        run_articles(input, format, &mut out)?
    } else {
        (
            run_text(&super::extract::read_input(input)?, &mut out, input)?,
            0,
        )
    };
    match out.flush() {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        other => other.context("writing the output")?,
    }
    if skipped > 0 {
        eprintln!("lede: {skipped} lines skipped; the others were read");
        return Ok(2);
    }
    Ok(if found { 0 } else { 1 })
}

/// Reads `{"doc","dct","text"}` lines; a line that cannot be read is reported with its number
/// and skipped, the others are read. Returns whether any date was found and the lines skipped.
fn run_jsonl(
    reader: Box<dyn BufRead>,
    out: &mut impl Write,
    input: &str,
) -> anyhow::Result<(bool, usize)> {
    let (mut found, mut skipped) = (false, 0);
    let mut lines = NumberedLines::new(reader, input);
    while let Some((n, line)) = lines.next_line()? {
        let doc = match line.and_then(read_doc) {
            Ok(Some(doc)) => doc,
            Ok(None) => continue,
            Err(reason) => {
                eprintln!("lede: skipped: {input}:{n}: {reason}");
                skipped += 1;
                continue;
            }
        };
        let anchor = match doc.dct.as_deref() {
            Some(dct) => match parse_dct(dct) {
                Ok(anchor) => Some(anchor),
                Err(err) => {
                    eprintln!("lede: skipped: {input}:{n}: bad dct {dct:?}: {err}");
                    skipped += 1;
                    continue;
                }
            },
            None => publication_date(&doc.text, Some(&doc.doc)).map(|(d, _)| d),
        };
        let mentions = extract_dates(&doc.text, anchor);
        found |= !mentions.is_empty();
        let dates = char_offsets(&doc.text, mentions);
        serde_json::to_writer(
            &mut *out,
            &OutputDoc {
                doc: &doc.doc,
                dates,
            },
        )?;
        if let Err(e) = writeln!(out) {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                return Ok((found, skipped));
            }
            return Err(e).context("writing the output");
        }
    }
    Ok((found, skipped))
}

/// One input line as a document; `None` for a blank line.
fn read_doc(line: &str) -> Result<Option<InputDoc>, String> {
    if line.trim().is_empty() {
        return Ok(None);
    }
    serde_json::from_str(line)
        .map(Some)
        .map_err(|err| format!("not a {{doc, dct, text}} object: {err}"))
}

fn run_text(text: &str, out: &mut impl Write, input: &str) -> anyhow::Result<bool> {
    let file_name = (input != "-").then_some(input);
    let anchor = publication_date(text, file_name);
    match anchor {
        Some((d, source)) => writeln!(out, "# published {d} (from {source:?})").ok(),
        None => writeln!(out, "# publication date unknown: relative dates left out").ok(),
    };
    let mentions = extract_dates(text, anchor.map(|(d, _)| d));
    // A closed pipe ends the output.
    let _ = write_mentions(out, &mentions);
    Ok(!mentions.is_empty())
}

/// The date mentions of each article of a file of a format, in its body as `lede index` finds
/// them, under a line naming the article and its publication date. Returns whether any date was
/// found, and no skipped lines (the reader's problems are reported as `lede index` reports
/// them).
fn run_articles(
    input: &str,
    format: lede::ingest::Format,
    out: &mut impl Write,
) -> anyhow::Result<(bool, usize)> {
    let bytes = std::fs::read(input).with_context(|| format!("reading {input}"))?;
    let read = lede::ingest::read_bytes(&bytes, input, format);
    for problem in &read.problems {
        eprintln!("lede: {}: {problem}", problem.severity.label());
    }
    let mut found = false;
    for article in read.articles {
        let anchor = lede::analyze::annotate::anchor_date(&article);
        let written = match anchor {
            Some(d) => writeln!(
                out,
                "# {}: published {d} (from {})",
                article.id,
                article.date_source().label()
            ),
            None => writeln!(
                out,
                "# {}: publication date unknown: relative dates left out",
                article.id
            ),
        };
        let mentions = extract_dates(&article.body, anchor);
        found |= !mentions.is_empty();
        if written
            .and_then(|()| write_mentions(out, &mentions))
            .is_err()
        {
            break; // a closed pipe ends the output
        }
    }
    Ok((found, 0))
}

/// Each mention as `value<TAB>type<TAB>text` (line breaks in the text as spaces).
fn write_mentions(out: &mut impl Write, mentions: &[DateMention]) -> std::io::Result<()> {
    for m in mentions {
        writeln!(
            out,
            "{}\t{}\t{}",
            m.value,
            m.kind.as_str(),
            m.text.replace('\n', " ")
        )?;
    }
    Ok(())
}

/// Reads a creation time such as `1998-02-13`, `1998-02-13T14:26:00` or `19980213`.
fn parse_dct(dct: &str) -> anyhow::Result<Date> {
    let head: String = dct.chars().take(10).collect();
    if let Ok(d) = head.parse::<Date>() {
        return Ok(d);
    }
    let digits: String = dct.chars().take(8).collect();
    anyhow::ensure!(
        digits.len() == 8 && digits.bytes().all(|b| b.is_ascii_digit()),
        "not a date"
    );
    Ok(Date::new(
        digits[..4].parse()?,
        digits[4..6].parse()?,
        digits[6..8].parse()?,
    )?)
}

/// Converts byte offsets to character offsets, which the scorer counts in.
fn char_offsets(text: &str, mentions: Vec<DateMention>) -> Vec<OutputDate> {
    let to_char = |byte: usize| text[..byte].chars().count();
    mentions
        .into_iter()
        .map(|m| OutputDate {
            start: to_char(m.start),
            end: to_char(m.end),
            text: m.text,
            value: m.value,
            kind: m.kind.as_str(),
        })
        .collect()
}
