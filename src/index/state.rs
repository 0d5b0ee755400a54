//! What the index already holds, read back from its fast fields: each article's content hash, its
//! source file and that file's stamp. The incremental indexer compares a new run against this, so
//! the state lives inside the index itself and cannot drift from it.

use super::Index;
use super::str_column::all_terms;
use crate::error::Result;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use tantivy::columnar::{Column, StrColumn};
use tantivy::{DocId, Searcher, SegmentReader};

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

/// What a source file holds in the index: its stamp when indexed (`None` when its articles carry
/// different stamps) and how many live articles came from it.
type FileStat = (Option<u64>, usize);

/// Every live article in the index, by id, and its source files.
///
/// An index run reads the articles by id only when it needs them ([`IndexState::load_files`],
/// then [`IndexState::load_articles`] for files to read or files gone): a run over an unchanged
/// corpus reads the files' stamps and counts alone, not a million ids.
pub struct IndexState {
    /// Articles by id (empty after [`IndexState::load_files`] until
    /// [`IndexState::load_articles`]).
    pub articles: HashMap<String, IndexedArticle>,
    /// The canonical paths of the articles' source files, each once (a corpus of a few large
    /// files has a million articles and a few paths: one copy each, not one an article).
    pub files: Vec<String>,
    /// Files that a stopped run left partly indexed (from the last commit's payload).
    pub unfinished_files: HashSet<String>,
    /// The analysis version of the index's articles (from the last commit's payload; the
    /// current one for an index never committed).
    pub analysis: u32,
    /// Each file's stamp and article count, by number.
    file_stats: Vec<FileStat>,
    /// File numbers by path.
    file_numbers: HashMap<String, u32>,
    /// The commit read, until its articles by id are read ([`IndexState::load_articles`]).
    searcher: Option<Searcher>,
}

impl std::fmt::Debug for IndexState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IndexState")
            .field("articles", &self.articles.len())
            .field("files", &self.files.len())
            .field("unfinished_files", &self.unfinished_files)
            .field("analysis", &self.analysis)
            .field("articles_loaded", &self.searcher.is_none())
            .finish()
    }
}

/// A segment's columns that the state reads.
struct SegmentColumns {
    hashes: Column<u64>,
    stamps: Column<u64>,
    ids: StrColumn,
    files: StrColumn,
}

impl SegmentColumns {
    /// The columns of a segment; `None` for a segment without articles' columns.
    fn of(segment: &SegmentReader) -> Result<Option<SegmentColumns>> {
        let fast = segment.fast_fields();
        let (Some(ids), Some(files)) = (fast.str("id")?, fast.str("file")?) else {
            return Ok(None);
        };
        Ok(Some(SegmentColumns {
            hashes: fast.u64("hash")?,
            stamps: fast.u64("stamp")?,
            ids,
            files,
        }))
    }
}

impl IndexState {
    /// Whether the index's articles were analysed by an earlier version of the analysis.
    pub fn analysis_is_stale(&self) -> bool {
        self.analysis != crate::analyze::ANALYSIS_VERSION
    }

    /// Reads the state of an index's last commit: its articles by id and its source files.
    pub fn load(index: &Index) -> Result<IndexState> {
        let mut state = IndexState::load_files(index)?;
        state.load_articles()?;
        Ok(state)
    }

    /// Reads an index's source files, their stamps and article counts, and not its articles by id
    /// (they wait for [`IndexState::load_articles`]): what an index run needs to tell whether
    /// anything changed.
    pub fn load_files(index: &Index) -> Result<IndexState> {
        index.reload()?;
        let searcher = index.reader.searcher();
        let payload = super::read_payload(&index.index)?;
        let analysis = payload
            .as_ref()
            .map_or(crate::analyze::ANALYSIS_VERSION, |p| p.analysis);
        let unfinished_files = payload
            .map(|p| p.unfinished_files.into_iter().collect())
            .unwrap_or_default();
        let mut state = IndexState {
            articles: HashMap::default(),
            files: Vec::new(),
            unfinished_files,
            analysis,
            file_stats: Vec::new(),
            file_numbers: HashMap::default(),
            searcher: None,
        };
        state.for_each_article(&searcher, false, |state, _, article| {
            let stat = &mut state.file_stats[article.file as usize];
            if stat.1 == 0 {
                stat.0 = Some(article.stamp);
            } else if stat.0 != Some(article.stamp) {
                stat.0 = None;
            }
            stat.1 += 1;
        })?;
        state.searcher = Some(searcher);
        Ok(state)
    }

    /// Reads every live article of the commit [`IndexState::load_files`] read, by id (once).
    pub fn load_articles(&mut self) -> Result<()> {
        let Some(searcher) = self.searcher.take() else {
            return Ok(());
        };
        let mut articles = HashMap::default();
        let read = self.for_each_article(&searcher, true, |_, id, article| {
            articles.insert(id.unwrap_or_default().to_string(), article);
        });
        if read.is_err() {
            // Not read: a later call tries again.
            self.searcher = Some(searcher);
        }
        read?;
        self.articles = articles;
        Ok(())
    }

    /// Calls `visit` with each live article of `searcher` (its id when `with_ids`: reading the
    /// id dictionaries is most of the cost), numbering source files as they come.
    fn for_each_article(
        &mut self,
        searcher: &Searcher,
        with_ids: bool,
        mut visit: impl FnMut(&mut IndexState, Option<&str>, IndexedArticle),
    ) -> Result<()> {
        for segment in searcher.segment_readers() {
            let Some(columns) = SegmentColumns::of(segment)? else {
                continue;
            };
            // Each dictionary read once, not an ordinal at a time.
            let id_terms = with_ids
                .then(|| all_terms(&columns.ids))
                .transpose()
                .map_err(tantivy::TantivyError::from)?;
            let file_of_ord = self.file_numbers_of(&columns.files)?;
            for doc in segment.doc_ids_alive() {
                let Some(hash) = columns.hashes.first(doc) else {
                    continue; // not an article: every article document has a hash
                };
                let id = id_terms.as_ref().map(|terms| {
                    let ord = columns.ids.term_ords(doc).next();
                    ord.and_then(|ord| terms.get(ord)).unwrap_or_default()
                });
                let article = IndexedArticle {
                    hash,
                    file: self.file_of_doc(&columns.files, &file_of_ord, doc),
                    stamp: columns.stamps.first(doc).unwrap_or(0),
                };
                visit(self, id, article);
            }
        }
        Ok(())
    }

    /// A segment's file ordinals as numbers of `files`, adding the paths not seen yet.
    fn file_numbers_of(&mut self, column: &StrColumn) -> Result<Vec<u32>> {
        let terms = all_terms(column).map_err(tantivy::TantivyError::from)?;
        Ok((0..column.num_terms() as u64)
            .map(|ord| self.intern(terms.get(ord).unwrap_or_default()))
            .collect())
    }

    /// The number of a document's source file ("" when it has none).
    fn file_of_doc(&mut self, column: &StrColumn, file_of_ord: &[u32], doc: DocId) -> u32 {
        match column.term_ords(doc).next() {
            Some(ord) => file_of_ord[ord as usize],
            None => self.intern(""),
        }
    }

    /// The number of a file's path, given one when new.
    fn intern(&mut self, path: &str) -> u32 {
        if let Some(&number) = self.file_numbers.get(path) {
            return number;
        }
        let number = self.files.len() as u32;
        self.files.push(path.to_string());
        self.file_numbers.insert(path.to_string(), number);
        self.file_stats.push((None, 0));
        number
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
    pub fn files(&self) -> HashMap<&str, FileStat> {
        self.files
            .iter()
            .zip(&self.file_stats)
            .filter(|(_, stat)| stat.1 > 0)
            .map(|(file, &(stamp, count))| {
                let stamp = stamp.filter(|_| !self.unfinished_files.contains(file));
                (file.as_str(), (stamp, count))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_count_articles_and_forget_stamps_that_cannot_be_trusted() {
        let mut state = IndexState {
            articles: HashMap::default(),
            files: Vec::new(),
            unfinished_files: HashSet::from_iter(["/c/c.jsonl".to_string()]),
            analysis: crate::analyze::ANALYSIS_VERSION,
            file_stats: Vec::new(),
            file_numbers: HashMap::default(),
            searcher: None,
        };
        for path in ["/c/a.jsonl", "/c/b.jsonl", "/c/c.jsonl", "/c/gone.md"] {
            state.intern(path);
        }
        assert_eq!(state.intern("/c/b.jsonl"), 1, "a path keeps its number");
        state.file_stats[0] = (Some(7), 2);
        state.file_stats[1] = (None, 2);
        state.file_stats[2] = (Some(9), 1);
        let files = state.files();
        assert_eq!(files["/c/a.jsonl"], (Some(7), 2));
        // Mixed stamps: a re-read stopped half way.
        assert_eq!(files["/c/b.jsonl"], (None, 2));
        // Left unfinished by a stopped run.
        assert_eq!(files["/c/c.jsonl"], (None, 1));
        // A file no live article comes from is not listed.
        assert_eq!(files.len(), 3);
        let article = IndexedArticle {
            hash: 1,
            file: 1,
            stamp: 8,
        };
        assert_eq!(state.file_of(&article), "/c/b.jsonl");
    }

    #[test]
    fn stamps_and_counts_come_from_the_index_and_articles_when_asked() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("corpus");
        std::fs::create_dir_all(&corpus).unwrap();
        std::fs::write(corpus.join("a.txt"), "Gold rose.").unwrap();
        std::fs::write(
            corpus.join("b.jsonl"),
            "{\"id\":\"b1\",\"body\":\"Oil fell.\"}\n{\"id\":\"b2\",\"body\":\"Tin.\"}\n",
        )
        .unwrap();
        let index = Index::create(dir.path().join("index")).unwrap();
        crate::Indexer::new(&index, crate::IndexOptions::default())
            .unwrap()
            .index_paths(std::slice::from_ref(&corpus))
            .unwrap();
        let mut state = IndexState::load_files(&index).unwrap();
        assert!(state.articles.is_empty(), "ids wait until asked for");
        let counts: Vec<usize> = {
            let files = state.files();
            let mut counts: Vec<(String, usize)> = files
                .iter()
                .map(|(path, stat)| {
                    assert!(stat.0.is_some());
                    (path.rsplit('/').next().unwrap().to_string(), stat.1)
                })
                .collect();
            counts.sort();
            counts.into_iter().map(|(_, n)| n).collect()
        };
        assert_eq!(counts, [1, 2]);
        state.load_articles().unwrap();
        let mut ids: Vec<&str> = state.articles.keys().map(String::as_str).collect();
        ids.sort();
        assert_eq!(ids, ["a.txt", "b1", "b2"]);
        assert!(state.file_of(&state.articles["b2"]).ends_with("b.jsonl"));
        let whole = IndexState::load(&index).unwrap();
        assert_eq!(whole.articles, state.articles);
    }
}
