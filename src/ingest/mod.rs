//! Ingest: from files on disk to [`Article`]s.
//!
//! [`walk`](walk::walk) lists the files under each corpus path in a deterministic order; [`read_file`]
//! picks a reader by extension (plain text, Markdown with front matter, JSON, JSON Lines) and returns
//! the articles it holds together with the problems met on the way. One bad record never loses the
//! others: each problem names the file (and line) and the reader goes on.

mod date;
mod fields;
mod json;
mod markdown;
mod text;
pub mod walk;

pub use date::parse_metadata_date;
pub use walk::{SourceFile, walk};

use crate::analyze::dates::DateSource;
use crate::article::Article;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// The formats lede reads, chosen by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// `.txt`: a title line (or first sentence) and a body.
    Text,
    /// `.md`, `.markdown`: optional YAML or TOML front matter, then Markdown.
    Markdown,
    /// `.json`: one article object or an array of them.
    Json,
    /// `.jsonl`, `.ndjson`: one article object per line.
    JsonLines,
}

impl Format {
    /// The format for a path's extension, or `None` when lede does not read it.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "json" => Some(Format::Json),
            "jsonl" | "ndjson" => Some(Format::JsonLines),
            _ => None,
        }
    }
}

/// How serious a [`Problem`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The article was indexed, with something missing (an unparseable date, say).
    Warning,
    /// The file or record was not indexed.
    Skipped,
}

/// Something wrong with an input file or one of its records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// The file, as given to the walk.
    pub path: String,
    /// The 1-based line, where the problem is tied to one.
    pub line: Option<usize>,
    /// What went wrong.
    pub message: String,
    /// Whether anything was lost.
    pub severity: Severity,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path, line, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

/// What one file yielded: its articles and the problems met.
#[derive(Debug, Default, Clone)]
pub struct FileArticles {
    /// The articles read, in file order.
    pub articles: Vec<Article>,
    /// Warnings and skipped records, in file order.
    pub problems: Vec<Problem>,
}

/// Collects problems for one file while a reader works through it.
pub(crate) struct Report<'a> {
    path: &'a str,
    problems: Vec<Problem>,
}

impl<'a> Report<'a> {
    fn new(path: &'a str) -> Self {
        Report {
            path,
            problems: Vec::new(),
        }
    }

    /// Records a warning: the article is still indexed.
    pub(crate) fn warn(&mut self, line: Option<usize>, message: impl Into<String>) {
        self.push(line, message.into(), Severity::Warning);
    }

    /// Records a skipped record or file.
    pub(crate) fn skip(&mut self, line: Option<usize>, message: impl Into<String>) {
        self.push(line, message.into(), Severity::Skipped);
    }

    fn push(&mut self, line: Option<usize>, message: String, severity: Severity) {
        self.problems.push(Problem {
            path: self.path.to_string(),
            line,
            message,
            severity,
        });
    }
}

/// How many leading bytes are checked for NUL bytes to tell binary files (as ripgrep does).
const BINARY_PROBE_BYTES: usize = 8 * 1024;

/// Reads the articles of one file's bytes. `rel_path` is the path relative to the corpus root: it is
/// the default article id and the name used in problems.
pub fn read_bytes(bytes: &[u8], rel_path: &str, format: Format) -> FileArticles {
    let mut report = Report::new(rel_path);
    let probe = &bytes[..bytes.len().min(BINARY_PROBE_BYTES)];
    if probe.contains(&0) {
        report.skip(None, "binary file (NUL byte found)");
        return FileArticles {
            articles: Vec::new(),
            problems: report.problems,
        };
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let line = 1 + bytes[..err.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            report.skip(
                Some(line),
                format!("not valid UTF-8 (byte {})", err.valid_up_to()),
            );
            return FileArticles {
                articles: Vec::new(),
                problems: report.problems,
            };
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        report.skip(None, "empty file");
        return FileArticles {
            articles: Vec::new(),
            problems: report.problems,
        };
    }
    let mut articles = match format {
        Format::Text => text::read(text, rel_path, &mut report),
        Format::Markdown => markdown::read(text, rel_path, &mut report),
        Format::Json => json::read_json(text, rel_path, &mut report),
        Format::JsonLines => json::read_json_lines(text, rel_path, &mut report),
    };
    let file_name = rel_path.rsplit('/').next();
    for article in &mut articles {
        article.path = rel_path.to_string();
        if article.published.is_some() {
            article.date_source = Some(DateSource::Metadata);
        } else {
            let (published, source) = date_from_text(article, file_name);
            article.published = published;
            article.date_source = Some(source);
        }
    }
    FileArticles {
        articles,
        problems: report.problems,
    }
}

/// A publication date for an article whose metadata has none: a dateline, a date at the top of the
/// text, or the file name (see [`crate::analyze::dates::publication_date`]), at midnight UTC.
fn date_from_text(
    article: &Article,
    file_name: Option<&str>,
) -> (Option<jiff::Timestamp>, DateSource) {
    let head: String = [article.title.as_str(), article.body.as_str()].join("\n");
    let Some((date, source)) = crate::analyze::dates::publication_date(&head, file_name) else {
        return (None, DateSource::None);
    };
    match jiff::tz::TimeZone::UTC.to_timestamp(date.at(0, 0, 0, 0)) {
        Ok(time) => (Some(time), source),
        Err(_) => (None, DateSource::None),
    }
}

/// Reads the articles of a file on disk.
pub fn read_file(file: &SourceFile) -> FileArticles {
    let Some(format) = Format::from_path(&file.abs_path) else {
        return FileArticles::default();
    };
    match std::fs::read(&file.abs_path) {
        Ok(bytes) => read_bytes(&bytes, &file.rel_path, format),
        Err(err) => {
            let mut report = Report::new(&file.rel_path);
            report.skip(None, format!("cannot read: {err}"));
            FileArticles {
                articles: Vec::new(),
                problems: report.problems,
            }
        }
    }
}
