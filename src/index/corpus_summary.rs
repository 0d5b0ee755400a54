//! What an index holds, told from its columns: the source files its articles came from (by
//! kind), and the span of their publication dates. For `lede stats`.

use super::str_column::all_terms;
use crate::error::Result;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Articles of one kind of source file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileKind {
    /// The file's extension, lower case (`jsonl`, `html`, `warc.gz`); `none` for files without
    /// one, `added` for articles given to the library directly (no file).
    pub kind: String,
    /// Source files of this kind.
    pub files: u64,
    /// Articles from them.
    pub articles: u64,
}

/// The corpus an index holds, in figures.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorpusSummary {
    /// Source files the articles came from.
    pub files: u64,
    /// Articles by kind of source file, most first.
    pub kinds: Vec<FileKind>,
    /// The earliest publication date.
    pub published_from: Option<jiff::Timestamp>,
    /// The latest publication date.
    pub published_to: Option<jiff::Timestamp>,
    /// Articles without a publication date.
    pub undated: u64,
}

/// The kind of a source file by its name: its extension (both of `.warc.gz`, `.jsonl.gz`).
fn kind_of(file: &str) -> String {
    let name = file.rsplit('/').next().unwrap_or(file).to_ascii_lowercase();
    let mut parts = name.rsplit('.');
    let last = parts.next().filter(|_| name.contains('.'));
    match (last, parts.next()) {
        (Some("gz"), Some(inner)) if name.matches('.').count() >= 2 => format!("{inner}.gz"),
        (Some(ext), _) if !ext.is_empty() => ext.to_string(),
        _ => "none".to_string(),
    }
}

/// Reads the summary from the live articles of every segment.
pub(crate) fn summarize(searcher: &tantivy::Searcher) -> Result<CorpusSummary> {
    let mut per_file: HashMap<String, u64> = HashMap::new();
    let mut summary = CorpusSummary::default();
    for segment in searcher.segment_readers() {
        let fast = segment.fast_fields();
        let published = fast.date("published")?;
        let mut counts: HashMap<u64, u64> = HashMap::new();
        let files = fast.str("file")?;
        for doc in segment.doc_ids_alive() {
            match published.first(doc) {
                Some(date) => {
                    let time = jiff::Timestamp::from_second(date.into_timestamp_secs()).ok();
                    summary.published_from = summary.published_from.min(time).or(time);
                    summary.published_to = summary.published_to.max(time);
                }
                None => summary.undated += 1,
            }
            let ord = files
                .as_ref()
                .and_then(|column| column.term_ords(doc).next())
                .unwrap_or(u64::MAX);
            *counts.entry(ord).or_default() += 1;
        }
        let terms = match &files {
            Some(column) => Some(all_terms(column).map_err(tantivy::TantivyError::from)?),
            None => None,
        };
        for (ord, articles) in counts {
            let name = terms.as_ref().and_then(|t| t.get(ord)).unwrap_or("");
            *per_file.entry(name.to_string()).or_default() += articles;
        }
    }
    let mut kinds: HashMap<String, FileKind> = HashMap::new();
    for (file, articles) in per_file {
        let kind = if file.is_empty() {
            "added".to_string()
        } else {
            kind_of(&file)
        };
        let entry = kinds.entry(kind.clone()).or_insert(FileKind {
            kind,
            files: 0,
            articles: 0,
        });
        entry.files += u64::from(!file.is_empty());
        entry.articles += articles;
        summary.files += u64::from(!file.is_empty());
    }
    summary.kinds = kinds.into_values().collect();
    summary
        .kinds
        .sort_by(|a, b| b.articles.cmp(&a.articles).then(a.kind.cmp(&b.kind)));
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_extensions_with_their_compression() {
        for (file, kind) in [
            ("/c/news.jsonl", "jsonl"),
            ("/c/CC-NEWS.warc.gz", "warc.gz"),
            ("/c/a.Markdown", "markdown"),
            ("/c/v1.2/notes", "none"),
            ("/c/data.gz", "gz"),
            ("plain", "none"),
        ] {
            assert_eq!(kind_of(file), kind, "{file}");
        }
    }
}
