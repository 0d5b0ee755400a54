//! Indexes written by another schema version. Such an index cannot be read, but the files it
//! holds articles from can (the `file` column, read with no regard to the rest of its schema):
//! when a run is about to index all of them again, rebuilding it loses nothing, and a user who
//! upgraded lede need not be told to run `--rebuild` first.

use super::readable_dir::ReadableDirectory;
use super::str_column::all_terms;
use std::path::{Path, PathBuf};

/// The files an index holds articles from, as its runs recorded them (absolute, canonical
/// paths, as [`crate::ingest::path_text`] writes them; empty for an article a library caller added); `None` when they cannot be read. The
/// files of removed articles may still be listed: they err on the side of keeping the index.
pub fn recorded_files(dir: &Path) -> Option<Vec<String>> {
    let index = tantivy::Index::open(ReadableDirectory::open(dir).ok()?).ok()?;
    let searcher = index.reader().ok()?.searcher();
    let mut files = Vec::new();
    for segment in searcher.segment_readers() {
        let Some(column) = segment.fast_fields().str("file").ok()? else {
            continue; // a segment without the column holds no article with a file
        };
        let terms = all_terms(&column).ok()?;
        files.extend(
            (0..column.num_terms() as u64).filter_map(|ord| terms.get(ord).map(|t| t.to_string())),
        );
    }
    Some(files)
}

/// Whether indexing `paths` again would give back every article of the index in `dir`: each
/// file it recorded lies under one of them.
pub fn rebuilt_from(dir: &Path, paths: &[PathBuf]) -> bool {
    let roots: Vec<PathBuf> = paths.iter().filter_map(|p| p.canonicalize().ok()).collect();
    recorded_files(dir).is_some_and(|files| {
        files.iter().all(|file| {
            roots
                .iter()
                .any(|root| crate::ingest::lies_under(file, root))
        })
    })
}
