//! What the index already holds, read back from its fast fields: each article's content hash, its
//! source file and that file's stamp. The incremental indexer compares a new run against this, so
//! the state lives inside the index itself and cannot drift from it.

use super::Index;
use super::str_column::all_terms;
use crate::error::Result;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// One indexed article as the incremental indexer sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IndexedArticle {
    /// Content hash of the article when indexed.
    pub hash: u64,
    /// Its source file: an index into [`IndexState::files`].
    pub file: u32,
    /// Size and modification stamp of that file when indexed.
    pub stamp: u64,
}

/// Every live article in the index, by id.
#[derive(Debug, Default)]
pub struct IndexState {
    /// Articles by id.
    pub articles: HashMap<String, IndexedArticle>,
    /// The canonical paths of the articles' source files, each once (a corpus of a few large
    /// files has a million articles and a few paths: one copy each, not one an article).
    pub files: Vec<String>,
    /// Files that a stopped run left partly indexed (from the last commit's payload).
    pub unfinished_files: HashSet<String>,
}

impl IndexState {
    /// Reads the state of an index's last commit.
    pub fn load(index: &Index) -> Result<IndexState> {
        index.reload()?;
        let searcher = index.reader.searcher();
        let mut articles = HashMap::default();
        let mut files: Vec<String> = Vec::new();
        let mut file_numbers: HashMap<String, u32> = HashMap::default();
        for segment in searcher.segment_readers() {
            let fast = segment.fast_fields();
            let hashes = fast.u64("hash")?;
            let stamps = fast.u64("stamp")?;
            let (Some(ids), Some(file_column)) = (fast.str("id")?, fast.str("file")?) else {
                continue;
            };
            // Each dictionary read once, not an ordinal at a time.
            let id_terms = all_terms(&ids).map_err(tantivy::TantivyError::from)?;
            let file_terms = all_terms(&file_column).map_err(tantivy::TantivyError::from)?;
            // This segment's file ordinals as numbers of `files`.
            let mut intern = |path: &str| -> u32 {
                *file_numbers.entry(path.to_string()).or_insert_with(|| {
                    files.push(path.to_string());
                    (files.len() - 1) as u32
                })
            };
            let file_of_ord: Vec<u32> = (0..file_column.num_terms() as u64)
                .map(|ord| intern(file_terms.get(ord).unwrap_or_default()))
                .collect();
            for doc in segment.doc_ids_alive() {
                let Some(hash) = hashes.first(doc) else {
                    continue; // not an article: every article document has a hash
                };
                let id = ids
                    .term_ords(doc)
                    .next()
                    .and_then(|ord| id_terms.get(ord))
                    .unwrap_or_default();
                let file = match file_column.term_ords(doc).next() {
                    Some(ord) => file_of_ord[ord as usize],
                    None => intern(""),
                };
                articles.insert(
                    id.to_string(),
                    IndexedArticle {
                        hash,
                        file,
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
            files,
            unfinished_files,
        })
    }

    /// The source file of an indexed article.
    pub fn file_of(&self, article: &IndexedArticle) -> &str {
        self.files
            .get(article.file as usize)
            .map_or("", String::as_str)
    }

    /// For each source file: its stamp when indexed and how many articles came from it. The stamp
    /// is `None` when the file must be read again whatever its stamp: a stopped run left it
    /// unfinished, or its articles carry different stamps (a re-read stopped before the articles
    /// that left the file were removed).
    pub fn files(&self) -> HashMap<&str, (Option<u64>, usize)> {
        let mut by_number: Vec<Option<(Option<u64>, usize)>> = vec![None; self.files.len()];
        for article in self.articles.values() {
            let entry = by_number[article.file as usize].get_or_insert((Some(article.stamp), 0));
            if entry.0 != Some(article.stamp) {
                entry.0 = None;
            }
            entry.1 += 1;
        }
        self.files
            .iter()
            .zip(by_number)
            .filter_map(|(file, entry)| {
                let (mut stamp, count) = entry?;
                if self.unfinished_files.contains(file) {
                    stamp = None;
                }
                Some((file.as_str(), (stamp, count)))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_count_articles_and_forget_stamps_that_cannot_be_trusted() {
        let article = |file: u32, stamp: u64| IndexedArticle {
            hash: 1,
            file,
            stamp,
        };
        let state = IndexState {
            articles: [
                ("a1", article(0, 7)),
                ("a2", article(0, 7)),
                ("b1", article(1, 7)),
                ("b2", article(1, 8)),
                ("c1", article(2, 9)),
            ]
            .into_iter()
            .map(|(id, a)| (id.to_string(), a))
            .collect(),
            files: ["/c/a.jsonl", "/c/b.jsonl", "/c/c.jsonl", "/c/gone.md"]
                .map(String::from)
                .to_vec(),
            unfinished_files: HashSet::from_iter(["/c/c.jsonl".to_string()]),
        };
        let files = state.files();
        assert_eq!(files["/c/a.jsonl"], (Some(7), 2));
        // Mixed stamps: a re-read stopped half way.
        assert_eq!(files["/c/b.jsonl"], (None, 2));
        // Left unfinished by a stopped run.
        assert_eq!(files["/c/c.jsonl"], (None, 1));
        // A file no live article comes from is not listed.
        assert_eq!(files.len(), 3);
        assert_eq!(state.file_of(&state.articles["b2"]), "/c/b.jsonl");
    }
}
