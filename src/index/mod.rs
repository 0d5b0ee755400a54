//! The index: a tantivy index in a folder, with lede's schema, analyzers and commit metadata.
//!
//! [`Index`] opens or creates the folder (refusing folders that hold something else), checks the
//! schema version, and gives the searcher used by [`crate::search`]. Writing goes through
//! [`Indexer`](writer::Indexer); what is already indexed is read back by [`state`].

pub mod corpus_summary;
pub mod day_range;
pub mod english_tokenizer;
pub(crate) mod passage_record;
pub(crate) mod passage_tags;
pub mod published_date;
mod readable_dir;
pub mod schema;
pub(crate) mod segment_tail;
pub mod state;
pub mod stem_cache;
pub(crate) mod str_column;
pub mod upgrade;
pub mod writer;

use crate::error::{Error, Result};
use schema::{Fields, SCHEMA_VERSION, build_schema, register_analyzers};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use tantivy::{IndexReader, ReloadPolicy};

/// What every commit records in tantivy's commit payload.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct CommitPayload {
    /// The schema version the index was written with.
    pub lede_schema: u32,
    /// When the commit was made.
    pub committed_at: jiff::Timestamp,
    /// Files whose articles are only partly in this commit (a run stopped inside them): the next
    /// run re-reads them even though their stamps match.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unfinished_files: Vec<String>,
    /// The [analysis version](crate::analyze::ANALYSIS_VERSION) of the index's articles (0 for
    /// indexes written before it was recorded).
    #[serde(default)]
    pub analysis: u32,
}

/// Figures about an index, for `lede stats`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct IndexStats {
    /// Where the index is.
    pub path: PathBuf,
    /// Articles indexed.
    pub articles: u64,
    /// Passages indexed.
    pub passages: u64,
    /// Bytes on disk.
    pub size_bytes: u64,
    /// Number of segments.
    pub segments: usize,
    /// When the last commit was made.
    pub last_commit: Option<jiff::Timestamp>,
    /// The schema version.
    pub schema_version: u32,
    /// The analysis version of its articles (see [`crate::analyze::ANALYSIS_VERSION`]; 0 for an
    /// index from before it was recorded).
    pub analysis_version: u32,
    /// The source files and publication dates of the articles.
    pub corpus: corpus_summary::CorpusSummary,
}

/// An open lede index. Each open index keeps a small pool of search threads (one per core, up to
/// four) that run a query over its segments in parallel; open an index once and share it.
pub struct Index {
    dir: PathBuf,
    pub(crate) index: tantivy::Index,
    pub(crate) fields: Fields,
    pub(crate) reader: IndexReader,
    pub(crate) id_cache: crate::search::IdCache,
    pub(crate) surname_cache: crate::search::surnames::SurnameCache,
    pub(crate) short_form_cache: crate::search::short_forms::ShortFormCache,
}

/// Whether a folder holds nothing but hidden files (such as a `.gitignore`).
fn is_empty_dir(dir: &Path) -> Result<bool> {
    let entries = std::fs::read_dir(dir).map_err(|cause| Error::Io {
        path: dir.to_path_buf(),
        cause,
    })?;
    for entry in entries {
        let entry = entry.map_err(|cause| Error::Io {
            path: dir.to_path_buf(),
            cause,
        })?;
        if !entry.file_name().to_string_lossy().starts_with('.') {
            return Ok(false);
        }
    }
    Ok(true)
}

fn read_payload(index: &tantivy::Index) -> Result<Option<CommitPayload>> {
    Ok(payload_of(&index.load_metas()?))
}

fn payload_of(metas: &tantivy::IndexMeta) -> Option<CommitPayload> {
    metas
        .payload
        .as_deref()
        .and_then(|p| serde_json::from_str(p).ok())
}

/// What one reading of an index's `meta.json` says it is. One reading: a search that read it
/// twice (the payload, then whether the index was empty) could see an indexer's first commit
/// land in between and take a new lede index for someone else's.
enum Recorded {
    /// Lede's commit payload.
    Payload(CommitPayload),
    /// An index lede created and has not committed yet ([`Index::create`] commits nothing; a
    /// run killed before its first commit leaves it so): no payload, no segments, lede's
    /// fields. It is opened as an empty index; its first commit adds the payload.
    Created,
    /// Anything else: not lede's.
    Foreign,
}

fn recorded(index: &tantivy::Index) -> Result<Recorded> {
    let metas = index.load_metas()?;
    Ok(match payload_of(&metas) {
        Some(payload) => Recorded::Payload(payload),
        None if metas.segments.is_empty() && Fields::new(&metas.schema).is_ok() => {
            Recorded::Created
        }
        None => Recorded::Foreign,
    })
}

/// How stored fields are kept: LZ4 in blocks of 16 KiB (tantivy's defaults, chosen on
/// measurement). A page of hits reads its articles' bodies from the store: on known-item
/// Reuters, zstd (level 1) made the index 15% smaller (26.6 → 22.6 MB) for a page of ten
/// 25% slower (p50 0.77 → 0.97 ms) at the same indexing time; no compression, 43% larger for
/// nothing measurable; blocks of 4 or 64 KiB, ±4% in size and no change in latency.
fn doc_store_settings() -> tantivy::IndexSettings {
    tantivy::IndexSettings {
        docstore_compression: tantivy::store::Compressor::Lz4,
        docstore_blocksize: 16 * 1024,
        ..tantivy::IndexSettings::default()
    }
}

impl Index {
    /// Opens the lede index in `dir`. A `lede index` may be committing meanwhile: the last commit
    /// is opened, and when a merge removes one of its segments between reading `meta.json` and
    /// opening the segment, the opening starts over from the newer commit.
    pub fn open(dir: impl AsRef<Path>) -> Result<Index> {
        let dir = dir.as_ref();
        let mut attempts = 0;
        loop {
            match Self::open_once(dir) {
                Err(Error::Tantivy(tantivy::TantivyError::OpenReadError(
                    tantivy::directory::error::OpenReadError::FileDoesNotExist(_),
                ))) if attempts < 5 => attempts += 1,
                other => return other,
            }
        }
    }

    fn open_once(dir: &Path) -> Result<Index> {
        if !dir.join("meta.json").is_file() {
            return Err(Error::NoIndex(dir.to_path_buf()));
        }
        let directory =
            readable_dir::ReadableDirectory::open(dir).map_err(tantivy::TantivyError::from)?;
        let index = tantivy::Index::open(directory)?;
        let found = match recorded(&index)? {
            Recorded::Payload(payload) if payload.lede_schema == SCHEMA_VERSION => None,
            Recorded::Created => None,
            Recorded::Payload(payload) => Some(payload.lede_schema.to_string()),
            Recorded::Foreign => Some("none".to_string()),
        };
        if let Some(found) = found {
            return Err(Error::SchemaVersion {
                path: dir.to_path_buf(),
                found,
                expected: SCHEMA_VERSION,
            });
        }
        Self::from_tantivy(dir, index)
    }

    /// Creates a new, empty lede index in `dir` (created when missing). Refuses a folder that
    /// holds anything but hidden files.
    pub fn create(dir: impl AsRef<Path>) -> Result<Index> {
        let dir = dir.as_ref();
        if dir.exists() && !dir.is_dir() {
            return Err(Error::NotAnIndex(dir.to_path_buf()));
        }
        std::fs::create_dir_all(dir).map_err(|cause| Error::Io {
            path: dir.to_path_buf(),
            cause,
        })?;
        if !is_empty_dir(dir)? {
            return Err(Error::NotAnIndex(dir.to_path_buf()));
        }
        let index = tantivy::Index::builder()
            .schema(build_schema())
            .settings(doc_store_settings())
            .create_in_dir(dir)?;
        // No commit of its own: until the first one adds lede's payload, an empty index with
        // lede's fields is opened as lede's ([`Recorded::Created`]). Committing here took
        // a writer's threads and two more syncs, a tenth of indexing a small corpus.
        Self::from_tantivy(dir, index)
    }

    /// Opens the index in `dir`, creating it when the folder is missing or empty.
    pub fn open_or_create(dir: impl AsRef<Path>) -> Result<Index> {
        let dir = dir.as_ref();
        if dir.join("meta.json").is_file() {
            Self::open(dir)
        } else {
            Self::create(dir)
        }
    }

    /// Opens the index in `dir` for a run over `paths`, creating it when missing. An index that
    /// another schema version of lede wrote is rebuilt (emptied, to be filled by the run) when
    /// every file it holds articles from lies under `paths`, since the run gives them all back;
    /// otherwise it is refused as [`Index::open`] refuses it. Returns the index and, when it was
    /// rebuilt, the schema version it had.
    pub fn open_for_paths(
        dir: impl AsRef<Path>,
        paths: &[PathBuf],
    ) -> Result<(Index, Option<String>)> {
        let dir = dir.as_ref();
        match Self::open_or_create(dir) {
            // "none": a tantivy index lede did not write, never touched.
            Err(Error::SchemaVersion { found, .. })
                if found != "none" && upgrade::rebuilt_from(dir, paths) =>
            {
                Ok((Self::rebuild(dir)?, Some(found)))
            }
            other => other.map(|index| (index, None)),
        }
    }

    /// Removes the lede index in `dir` (only a lede index: another folder's files are never
    /// touched) and creates an empty one.
    pub fn rebuild(dir: impl AsRef<Path>) -> Result<Index> {
        let dir = dir.as_ref();
        if dir.join("meta.json").is_file() {
            let index = tantivy::Index::open_in_dir(dir)?;
            if matches!(recorded(&index)?, Recorded::Foreign) {
                return Err(Error::NotAnIndex(dir.to_path_buf()));
            }
            // Hold the writer lock while deleting, so a running indexer is not pulled from under.
            let writer: tantivy::IndexWriter = index
                .writer_with_num_threads(1, 15_000_000)
                .map_err(|e| map_lock_error(e, dir))?;
            let io = |cause| Error::Io {
                path: dir.to_path_buf(),
                cause,
            };
            for entry in std::fs::read_dir(dir).map_err(io)? {
                let entry = entry.map_err(io)?;
                let name = entry.file_name().to_string_lossy().into_owned();
                let is_lock = name == ".tantivy-writer.lock" || name == ".tantivy-meta.lock";
                if entry.file_type().map_err(io)?.is_file() && name != ".gitignore" && !is_lock {
                    std::fs::remove_file(entry.path()).map_err(io)?;
                }
            }
            drop(writer);
        } else if dir.exists() && !is_empty_dir(dir)? {
            return Err(Error::NotAnIndex(dir.to_path_buf()));
        }
        Self::create(dir)
    }

    fn from_tantivy(dir: &Path, mut index: tantivy::Index) -> Result<Index> {
        register_analyzers(&index);
        // A search runs over the segments in parallel, one thread per core (up to 4).
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        if cores > 1 {
            index.set_multithread_executor(cores.min(4))?;
        }
        let fields = Fields::new(&index.schema())?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()?;
        Ok(Index {
            dir: dir.to_path_buf(),
            index,
            fields,
            reader,
            id_cache: Default::default(),
            surname_cache: Default::default(),
            short_form_cache: Default::default(),
        })
    }

    /// The folder the index lives in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Makes the searcher see the latest commit now (it also does so by itself shortly after one).
    pub fn reload(&self) -> Result<()> {
        Ok(self.reader.reload()?)
    }

    /// The passages of the live articles: the values of their `passage_spans` column.
    fn count_passages(&self) -> Result<u64> {
        let searcher = self.reader.searcher();
        let mut passages = 0;
        for reader in searcher.segment_readers() {
            let spans = reader.fast_fields().u64("passage_spans")?;
            let alive = reader.alive_bitset();
            for doc in 0..reader.max_doc() {
                if alive.is_none_or(|alive| alive.is_alive(doc)) {
                    passages += spans.values_for_doc(doc).count() as u64;
                }
            }
        }
        Ok(passages)
    }

    /// Figures about the index.
    pub fn stats(&self) -> Result<IndexStats> {
        let mut size_bytes = 0;
        if let Ok(entries) = std::fs::read_dir(&self.dir) {
            for entry in entries.flatten() {
                size_bytes += entry.metadata().map(|m| m.len()).unwrap_or(0);
            }
        }
        let payload = read_payload(&self.index)?;
        Ok(IndexStats {
            path: self.dir.clone(),
            articles: self.reader.searcher().num_docs(),
            passages: self.count_passages()?,
            size_bytes,
            segments: self.reader.searcher().segment_readers().len(),
            last_commit: payload.as_ref().map(|p| p.committed_at),
            schema_version: SCHEMA_VERSION,
            analysis_version: payload.map_or(crate::analyze::ANALYSIS_VERSION, |p| p.analysis),
            corpus: corpus_summary::summarize(&self.reader.searcher())?,
        })
    }
}

/// Commits a writer's work, recording the schema version, the time, the files left unfinished
/// and the analysis version of the index's articles.
pub(crate) fn commit_with_payload(
    writer: &mut tantivy::IndexWriter,
    unfinished_files: Vec<String>,
    analysis: u32,
) -> Result<()> {
    let payload = CommitPayload {
        lede_schema: SCHEMA_VERSION,
        committed_at: jiff::Timestamp::now(),
        unfinished_files,
        analysis,
    };
    let mut prepared = writer.prepare_commit()?;
    prepared.set_payload(&serde_json::to_string(&payload).expect("payload serialises"));
    prepared.commit()?;
    Ok(())
}

/// Turns tantivy's lock failure into lede's [`Error::Locked`].
pub(crate) fn map_lock_error(err: tantivy::TantivyError, dir: &Path) -> Error {
    match err {
        tantivy::TantivyError::LockFailure(tantivy::directory::error::LockError::LockBusy, _) => {
            Error::Locked(dir.to_path_buf())
        }
        // The lock file cannot be opened: a read-only folder, say.
        tantivy::TantivyError::LockFailure(
            tantivy::directory::error::LockError::IoError(cause),
            _,
        ) => Error::Write {
            path: dir.to_path_buf(),
            cause: cause.to_string(),
        },
        other => Error::Tantivy(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_index_keeps_its_stored_fields_as_chosen() {
        let dir = tempfile::tempdir().unwrap();
        Index::create(dir.path()).unwrap();
        let settings = tantivy::Index::open_in_dir(dir.path())
            .unwrap()
            .settings()
            .clone();
        let chosen = doc_store_settings();
        assert_eq!(settings.docstore_compression, chosen.docstore_compression);
        assert_eq!(settings.docstore_blocksize, chosen.docstore_blocksize);
        assert_eq!(settings.docstore_blocksize, 16 * 1024);
    }

    #[test]
    fn opening_while_the_first_commit_lands_never_mistakes_the_index() {
        // A search opening a new index as its indexer first commits: every opening either sees
        // the empty creation or the commit, never an error.
        for _ in 0..20 {
            let dir = tempfile::tempdir().unwrap();
            let index = Index::create(dir.path()).unwrap();
            let committed = std::sync::atomic::AtomicBool::new(false);
            std::thread::scope(|scope| {
                let opener = scope.spawn(|| {
                    let mut opened = 0;
                    loop {
                        let done = committed.load(std::sync::atomic::Ordering::SeqCst);
                        if let Err(err) = Index::open(dir.path()) {
                            panic!("opening while the first commit lands: {err}");
                        }
                        opened += 1;
                        if done {
                            return opened;
                        }
                    }
                });
                let mut writer: tantivy::IndexWriter =
                    index.index.writer_with_num_threads(1, 15_000_000).unwrap();
                let fields = &index.fields;
                let mut doc = tantivy::TantivyDocument::new();
                doc.add_text(fields.title, "A first article");
                writer.add_document(doc).unwrap();
                commit_with_payload(&mut writer, Vec::new(), crate::analyze::ANALYSIS_VERSION)
                    .unwrap();
                committed.store(true, std::sync::atomic::Ordering::SeqCst);
                assert!(opener.join().unwrap() > 0);
            });
        }
    }

    #[test]
    fn a_creation_cut_short_before_the_first_commit_opens_as_an_empty_index() {
        let dir = tempfile::tempdir().unwrap();
        // What a kill between tantivy's create and lede's first commit leaves: no payload.
        tantivy::Index::create_in_dir(dir.path(), build_schema()).unwrap();
        let index = Index::open(dir.path()).unwrap();
        assert_eq!(index.stats().unwrap().articles, 0);
        drop(index);
        // A rebuilt (newly created) index is the same until its first commit adds the payload.
        let index = Index::rebuild(dir.path()).unwrap();
        assert!(read_payload(&index.index).unwrap().is_none());
        let mut writer: tantivy::IndexWriter =
            index.index.writer_with_num_threads(1, 15_000_000).unwrap();
        commit_with_payload(&mut writer, Vec::new(), crate::analyze::ANALYSIS_VERSION).unwrap();
        drop(writer);
        let reopened = Index::open(dir.path()).unwrap();
        assert!(read_payload(&reopened.index).unwrap().is_some());
        assert_eq!(reopened.stats().unwrap().articles, 0);
        // A tantivy index of someone else's (other fields) is still refused.
        let other = tempfile::tempdir().unwrap();
        let mut builder = tantivy::schema::Schema::builder();
        builder.add_text_field("x", tantivy::schema::TEXT);
        tantivy::Index::create_in_dir(other.path(), builder.build()).unwrap();
        assert!(Index::open(other.path()).is_err());
        // Nor is it ever rebuilt, whatever the paths of the run.
        let everything = [PathBuf::from("/")];
        assert!(Index::open_for_paths(other.path(), &everything).is_err());
        assert!(other.path().join("meta.json").is_file());
    }
}
