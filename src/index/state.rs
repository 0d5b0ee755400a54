//! What the index already holds, read back from its fast fields: each article's content hash, its
//! source file and that file's stamp. The incremental indexer compares a new run against this, so
//! the state lives inside the index itself and cannot drift from it.

use super::Index;
use super::str_column::{Terms, all_terms};
use crate::error::Result;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// One indexed article as the incremental indexer sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexedArticle {
    /// Content hash of the article when indexed.
    pub hash: u64,
    /// Canonical path of its source file.
    pub file: String,
    /// Size and modification stamp of that file when indexed.
    pub stamp: u64,
}

/// Every live article in the index, by id.
#[derive(Debug, Default)]
pub struct IndexState {
    /// Articles by id.
    pub articles: HashMap<String, IndexedArticle>,
    /// Files that a stopped run left partly indexed (from the last commit's payload).
    pub unfinished_files: HashSet<String>,
}

impl IndexState {
    /// Reads the state of an index's last commit.
    pub fn load(index: &Index) -> Result<IndexState> {
        index.reload()?;
        let searcher = index.reader.searcher();
        let mut articles = HashMap::default();
        for segment in searcher.segment_readers() {
            let fast = segment.fast_fields();
            let hashes = fast.u64("hash")?;
            let stamps = fast.u64("stamp")?;
            let (Some(ids), Some(files)) = (fast.str("id")?, fast.str("file")?) else {
                continue;
            };
            // Each dictionary read once, not an ordinal at a time.
            let id_terms = all_terms(&ids).map_err(tantivy::TantivyError::from)?;
            let file_terms = all_terms(&files).map_err(tantivy::TantivyError::from)?;
            let term = |terms: &Terms, ord: Option<u64>| -> String {
                ord.and_then(|ord| terms.get(ord))
                    .unwrap_or_default()
                    .to_string()
            };
            for doc in segment.doc_ids_alive() {
                let Some(hash) = hashes.first(doc) else {
                    continue; // not an article: every article document has a hash
                };
                articles.insert(
                    term(&id_terms, ids.term_ords(doc).next()),
                    IndexedArticle {
                        hash,
                        file: term(&file_terms, files.term_ords(doc).next()),
                        stamp: stamps.first(doc).unwrap_or(0),
                    },
                );
            }
        }
        let unfinished_files = super::read_payload(&index.index)?
            .map(|p| p.unfinished_files.into_iter().collect())
            .unwrap_or_default();
        Ok(IndexState {
            articles,
            unfinished_files,
        })
    }

    /// For each source file: its stamp when indexed and how many articles came from it. The stamp
    /// is `None` when the file must be read again whatever its stamp: a stopped run left it
    /// unfinished, or its articles carry different stamps (a re-read stopped before the articles
    /// that left the file were removed).
    pub fn files(&self) -> HashMap<&str, (Option<u64>, usize)> {
        let mut files: HashMap<&str, (Option<u64>, usize)> = HashMap::default();
        for article in self.articles.values() {
            let entry = files
                .entry(&article.file)
                .or_insert((Some(article.stamp), 0));
            if entry.0 != Some(article.stamp) {
                entry.0 = None;
            }
            entry.1 += 1;
        }
        for (file, entry) in files.iter_mut() {
            if self.unfinished_files.contains(*file) {
                entry.0 = None;
            }
        }
        files
    }
}
