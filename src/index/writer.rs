//! Writing the index: articles in, tantivy documents out, incrementally.
//!
//! [`Indexer::index_paths`] walks the corpus, skips files whose size and modification time are
//! unchanged since the last run, re-reads the others (streaming `.jsonl` files and large `.json` arrays in batches), replaces
//! articles whose content hash changed, and removes articles whose files are gone from the walked
//! folders. It commits every so many articles or seconds and at the end; a commit is atomic, so a
//! run killed at any moment leaves the last commit intact, and the next run re-reads only what that
//! commit lacks: files whose stamp changed, files a stopped run left unfinished (listed in the
//! commit's payload) and files whose articles carry mixed stamps. Removals happen only at the end
//! of a complete walk. [`Indexer::add_articles`] takes articles from any iterator instead of files.

use super::day_range::{self, day_number};
use super::passage_record::{PassageRecord, pack_span};
use super::passage_tags;
use super::published_date;
use super::schema::Fields;
use super::segment_tail;
use super::state::IndexState;
use super::{Index, commit_with_payload, map_lock_error};
use crate::analyze::annotate::{
    AnnotateOptions, AnnotatedArticle, EntityName, annotate_batch, short_form_term,
};
use crate::analyze::passages::Passage;
use crate::analyze::token_spans::token_spans;
use crate::article::Article;
use crate::error::{Error, Result};
use crate::ingest::{
    self, FileArticles, Problem, ProblemKind, ReadOptions, Severity, SourceFile, WalkOptions,
};
use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;
use rustc_hash::FxHashSet as HashSet;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};
use tantivy::indexer::UserOperation;
use tantivy::{IndexWriter, TantivyDocument, TantivyError, Term};

/// How an index run works.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexOptions {
    /// How articles are analysed: passage sizes, entities, dates.
    pub analysis: AnnotateOptions,
    /// The writer's memory budget in bytes, shared by its threads.
    pub memory_bytes: usize,
    /// The writer's indexing threads.
    pub threads: usize,
    /// How files are read: the size limit per file (per line in `.jsonl`).
    pub read: ReadOptions,
    /// Commit after this many articles written since the last commit (0: only at the end), so an
    /// interrupted run keeps most of its work.
    pub commit_every: usize,
    /// Commit when this long has passed since the last commit and something was written (zero: only
    /// by count).
    pub commit_interval: Duration,
    /// How the corpus paths are walked: whether symbolic links are followed.
    #[serde(default)]
    pub walk: WalkOptions,
}

impl IndexOptions {
    /// The writer's threads and memory in bytes as the writer takes them (at least one thread,
    /// at least 16 MB a thread), or an error when they are past tantivy's bounds: it would spawn
    /// any number of threads asked for (and abort when the system refuses) and gives each an
    /// arena under 4 GiB.
    pub fn writer_budget(&self) -> Result<(usize, usize)> {
        let threads = self.threads.max(1);
        if threads > MAX_WRITER_THREADS {
            return Err(crate::Error::BadRequest(format!(
                "writer threads: at most {MAX_WRITER_THREADS}, got {threads}"
            )));
        }
        let memory = self.memory_bytes.max(threads * 16 * 1024 * 1024);
        if memory / threads > MAX_THREAD_MEMORY {
            return Err(crate::Error::BadRequest(format!(
                "writer memory: at most {} MB a thread ({} MB for {threads}), got {} MB",
                MAX_THREAD_MEMORY >> 20,
                (MAX_THREAD_MEMORY >> 20) * threads,
                memory >> 20
            )));
        }
        Ok((threads, memory))
    }
}

impl Default for IndexOptions {
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        IndexOptions {
            analysis: AnnotateOptions::default(),
            memory_bytes: 256 * 1024 * 1024,
            threads: cores.clamp(1, 4),
            read: ReadOptions::default(),
            commit_every: 100_000,
            commit_interval: Duration::from_secs(60),
            walk: WalkOptions::default(),
        }
    }
}

/// What an index run did with one file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileOutcome {
    /// The file: its path relative to the corpus root, or its canonical path when it is gone.
    pub path: String,
    /// Whether it was read; an unchanged file (same size and time) is not.
    pub read: bool,
    /// Articles new to the index.
    pub added: usize,
    /// Articles whose content changed.
    pub updated: usize,
    /// Articles already indexed as they are.
    pub unchanged: usize,
    /// Articles removed because the file or their record is gone.
    pub removed: usize,
    /// The file itself, or records of it, not indexed (see the problems for why).
    pub skipped: usize,
}

/// What an index run did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexSummary {
    /// Files walked.
    pub files: usize,
    /// Articles new to the index.
    pub added: usize,
    /// Articles whose content changed.
    pub updated: usize,
    /// Articles already indexed as they are.
    pub unchanged: usize,
    /// Articles removed because their file or record is gone.
    pub removed: usize,
    /// Passages written in this run.
    pub passages: usize,
    /// Problems met: skipped files and records, warnings.
    pub problems: Vec<Problem>,
    /// What happened to each file, in walk order (removed files last).
    pub file_outcomes: Vec<FileOutcome>,
    /// Commits made, the periodic ones and the last.
    pub commits: usize,
    /// The run was stopped (see [`Indexer::cancel_on`]) before it had read everything: what it
    /// wrote is committed and nothing was removed. Running it again finishes the work.
    pub interrupted: bool,
    /// The index's articles had been analysed by an earlier version of lede's analysis, so those
    /// this run read were analysed again (and counted as updated).
    pub reanalysed: bool,
    /// An earlier run on this index did not finish (it was killed): its last commit was kept and
    /// this run took over. Says which process it was and when it started.
    pub after_unfinished_run: Option<String>,
}

impl IndexSummary {
    /// Files and records that were not indexed.
    pub fn skipped(&self) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Skipped)
            .count()
    }

    /// Skipped files and records by kind of problem, most frequent first.
    pub fn skipped_by_kind(&self) -> Vec<(ProblemKind, usize)> {
        let mut counts: BTreeMap<ProblemKind, usize> = BTreeMap::new();
        for problem in &self.problems {
            if problem.severity == Severity::Skipped {
                *counts.entry(problem.kind).or_default() += 1;
            }
        }
        let mut counts: Vec<_> = counts.into_iter().collect();
        counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        counts
    }
}

/// Files are read and analysed in parallel in batches of at most this many files…
const READ_BATCH: usize = 256;

/// …and this many bytes (a batch holds at least one file): what a batch's articles and
/// documents take in memory is about a few times its bytes.
const READ_BATCH_BYTES: u64 = 32 << 20;

/// `files` cut into consecutive batches of at most [`READ_BATCH`] files and [`READ_BATCH_BYTES`]
/// bytes, each with at least one file.
fn read_batches<'f>(files: &'f [&'f SourceFile]) -> impl Iterator<Item = &'f [&'f SourceFile]> {
    let mut rest = files;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut bytes = 0;
        let mut len = 0;
        while len < rest.len()
            && len < READ_BATCH
            && (len == 0 || bytes + rest[len].size <= READ_BATCH_BYTES)
        {
            bytes += rest[len].size;
            len += 1;
        }
        let (batch, tail) = rest.split_at(len);
        rest = tail;
        Some(batch)
    })
}

/// A streamed file is read and written in batches of this many articles.
const STREAM_BATCH: usize = 1_000;

/// A file in the index folder that exists while a run is going on: finding it at the start means
/// an earlier run was killed (the lock itself is an OS lock, released when a process dies).
const RUN_MARKER: &str = ".lede-indexing";

/// Writes articles into an [`Index`]. Holds the index's writer lock until dropped; nothing is
/// visible to searchers before a commit, and dropping without one discards the work since the last.
pub struct Indexer<'a> {
    index: &'a Index,
    writer: IndexWriter,
    options: IndexOptions,
    state: IndexState,
    /// The articles written (or found unchanged) by this run, by id.
    seen: SeenIds,
    summary: IndexSummary,
    cancel: Option<Arc<AtomicBool>>,
    /// Files that must be re-read by a later run if this one stops now: those an earlier run left
    /// unfinished and this one has not finished yet, and the file being streamed.
    unfinished: BTreeSet<String>,
    written_since_commit: usize,
    last_commit: Instant,
    progress: Progress,
    on_progress: Option<ProgressCallback<'a>>,
    /// The analysis version commits record: the index's own until a run has analysed every one
    /// of its articles again (see [`crate::analyze::ANALYSIS_VERSION`]).
    recorded_analysis: u32,
}

/// How far an index run is, as reported to [`Indexer::on_progress`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// Files read so far (unchanged files count as done at once).
    pub files_done: usize,
    /// Files in the walk.
    pub files_total: usize,
    /// Bytes of the files read so far (of a streamed file, as far as it was read).
    pub bytes_done: u64,
    /// Bytes of all the files to read.
    pub bytes_total: u64,
    /// Articles written (added or updated) so far.
    pub articles_written: usize,
}

/// The ids a run has met, each with where it was first met, to refuse a second article of the
/// same id and name the first in the message. A place is 8 bytes: the file as a number into
/// `files`, in which consecutive articles of one file share an entry.
#[derive(Default)]
struct SeenIds {
    ids: HashMap<String, (u32, u32)>,
    files: Vec<String>,
}

impl SeenIds {
    /// Records `article`'s id, or returns where an article of that id was met first
    /// (`file:line`, or the file).
    fn insert(&mut self, article: &Article) -> Option<String> {
        if let Some(&(file, line)) = self.ids.get(&article.id) {
            let file = &self.files[file as usize];
            return Some(match line {
                0 => file.clone(),
                line => format!("{file}:{line}"),
            });
        }
        if self.files.last() != Some(&article.path) {
            self.files.push(article.path.clone());
        }
        let file = (self.files.len() - 1) as u32;
        let line = article
            .line
            .map_or(0, |line| u32::try_from(line).unwrap_or(u32::MAX));
        self.ids.insert(article.id.clone(), (file, line));
        None
    }
}

/// Deletes the files of `index` that its last commit does not use: a new writer sees that
/// commit alone, and its cleanup deletes the rest. Best effort (another run may hold the lock).
///
/// When a writer thread fails, tantivy's commit joins the threads only up to the failed one and
/// leaves the others running, unjoinable: one may still be writing its segment and open more
/// files. So the cleanup is repeated until three in a row, 150 ms apart, find nothing to
/// delete and no file of the folder growing (within 9 s; only a failed run waits): a debug build
/// on a loaded machine may write one segment for longer than three quiet passes.
fn delete_uncommitted(index: &Index) {
    let cleaner: tantivy::Result<IndexWriter> = index.index.writer_with_num_threads(1, 15_000_000);
    let Ok(cleaner) = cleaner else {
        return;
    };
    let mut quiet = 0;
    let mut last_sizes = folder_sizes(index.dir());
    for _ in 0..60 {
        let deleted = cleaner
            .garbage_collect_files()
            .wait()
            .map_or(0, |result| result.deleted_files.len());
        let sizes = folder_sizes(index.dir());
        let still = deleted == 0 && sizes == last_sizes;
        last_sizes = sizes;
        quiet = if still { quiet + 1 } else { 0 };
        if quiet == 3 {
            return;
        }
        std::thread::sleep(Duration::from_millis(150));
    }
}

/// The number of files in `dir` and the bytes they hold, to tell whether a thread is writing
/// there.
fn folder_sizes(dir: &Path) -> (usize, u64) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return (0, 0);
    };
    entries
        .filter_map(|entry| entry.ok()?.metadata().ok())
        .fold((0, 0), |(files, bytes), meta| {
            (files + 1, bytes + meta.len())
        })
}

/// Writes and deletes a file of 1 MiB in `dir`: the error, if writing there fails now.
fn write_probe(dir: &Path) -> std::io::Result<()> {
    let probe = dir.join(".lede-write-probe");
    let written = std::fs::write(&probe, vec![0u8; 1 << 20]);
    let _ = std::fs::remove_file(&probe);
    written
}

/// What [`Indexer::on_progress`] calls.
type ProgressCallback<'a> = Box<dyn FnMut(&Progress) + 'a>;

/// The content hash of an article: any change to any field changes it. Each field goes into the
/// hasher as it is, its length first (so that no two articles give the same stream); hashing the
/// article's JSON cost twice as much.
fn article_hash(article: &Article) -> u64 {
    // Every field by name: a field added to `Article` does not compile here until it is hashed.
    let Article {
        id,
        title,
        body,
        published,
        date_source,
        source,
        author,
        url,
        tags,
        path,
        line: _,
    } = article;
    let mut hasher = xxhash_rust::xxh3::Xxh3Default::new();
    for field in [id, title, body, path] {
        hash_text(&mut hasher, Some(field));
    }
    for field in [source, author, url] {
        hash_text(&mut hasher, field.as_deref());
    }
    hash_text(&mut hasher, date_source.map(|source| source.label()));
    hash_text(&mut hasher, published.map(|t| t.to_string()).as_deref());
    hasher.update(&(tags.len() as u64).to_le_bytes());
    for tag in tags {
        hash_text(&mut hasher, Some(tag));
    }
    hasher.digest()
}

/// Feeds a text (its length first) or its absence (a length no text has) to `hasher`.
fn hash_text(hasher: &mut xxhash_rust::xxh3::Xxh3Default, text: Option<&str>) {
    match text {
        Some(text) => {
            hasher.update(&(text.len() as u64).to_le_bytes());
            hasher.update(text.as_bytes());
        }
        None => {
            hasher.update(&u64::MAX.to_le_bytes());
        }
    }
}

/// The document of one article, with its passages (their token spans and stored records, each with
/// the entities and dates it mentions), and how many passages it has.
fn documents(
    fields: &Fields,
    article: &Article,
    annotated: AnnotatedArticle,
    hash: u64,
    file: &str,
    stamp: u64,
) -> (TantivyDocument, usize) {
    let published = article.published.and_then(published_date::to_field);
    let mut doc = TantivyDocument::default();
    doc.add_text(fields.id, &article.id);
    doc.add_text(fields.title, &article.title);
    doc.add_text(fields.body, &article.body);
    doc.add_u64(fields.lead_tokens, u64::from(annotated.lead.tokens));
    doc.add_f64(fields.newsiness, f64::from(annotated.lead.newsiness));
    if let Some(date) = published {
        doc.add_date(fields.published, date);
    }
    doc.add_text(fields.date_source, article.date_source().label());
    for (field, value) in [
        (fields.source, &article.source),
        (fields.author, &article.author),
        (fields.url, &article.url),
    ] {
        if let Some(value) = value {
            doc.add_text(field, value);
        }
    }
    if let Some(author) = &article.author {
        for writer in ingest::byline::writers(author) {
            doc.add_text(fields.author_name, writer);
        }
    }
    doc.add_text(fields.path, &article.path);
    doc.add_text(fields.file, file);
    for tag in &article.tags {
        doc.add_text(fields.tags, tag);
    }
    doc.add_u64(fields.hash, hash);
    doc.add_u64(fields.stamp, stamp);
    // Each entity's terms and passage tag, its name normalised once.
    let mut entity_payloads: Vec<(&EntityName, u64)> = Vec::with_capacity(annotated.entities.len());
    for counted in &annotated.entities {
        let entity = &counted.entity;
        let [name, typed] = entity.terms();
        entity_payloads.push((entity, passage_tags::entity_payload(&name, entity.kind)));
        for short in &counted.short_forms {
            doc.add_text(fields.entity, short_form_term(&typed, short));
        }
        doc.add_text(fields.entity, typed);
        doc.add_text(fields.entity_name, entity.key());
    }
    for date in &annotated.dates {
        doc.add_u64(fields.mention, day_range::encode(date.first, date.last));
    }
    let passages: Vec<Passage> = annotated.passages.iter().map(|p| p.passage).collect();
    let spans = token_spans(&article.body, &passages);
    for (index, (annotated_passage, (first, end))) in
        annotated.passages.iter().zip(spans).enumerate()
    {
        let passage = annotated_passage.passage;
        doc.add_u64(fields.passage_spans, pack_span(first, end));
        for entity in &annotated_passage.entities {
            // A passage's entities are among its article's.
            let value = match entity_payloads.iter().find(|(known, _)| *known == entity) {
                Some(&(_, payload)) => passage_tags::entity_value_of(index, payload),
                None => passage_tags::entity_value(index, entity),
            };
            if let Some(value) = value {
                doc.add_u64(fields.passage_entities, value);
            }
        }
        for date in &annotated_passage.dates {
            let (first, last) = (day_number(date.first), day_number(date.last));
            if let Some(value) = passage_tags::days_value(index, first, last) {
                doc.add_u64(fields.passage_days, value);
            }
        }
        let record = PassageRecord {
            start: passage.start,
            end: passage.end,
            entities: annotated_passage
                .entities
                .iter()
                .map(EntityName::key)
                .collect(),
            dates: annotated_passage
                .dates
                .iter()
                .map(|date| date.value.clone())
                .collect(),
        };
        doc.add_text(fields.passages, record.to_stored());
    }
    (doc, passages.len())
}

/// Whether `file` lies in one of the walked scopes (a file given alone, or a folder).
fn in_scope(file: &str, scopes: &[PathBuf]) -> bool {
    scopes.iter().any(|scope| ingest::lies_under(file, scope))
}

/// Whether a cancel flag is there and raised.
fn is_set(flag: Option<&AtomicBool>) -> bool {
    flag.is_some_and(|flag| flag.load(Ordering::Relaxed))
}

/// Each article's content hash and, unless it is indexed as it is, its document and passage count.
type Prepared = Vec<(u64, Option<(TantivyDocument, usize)>)>;

/// What analysing articles into documents needs, apart from the indexer (whose progress callback
/// keeps it on one thread): shared by the threads that read and analyse files.
struct Preparer<'s> {
    fields: &'s Fields,
    analysis: &'s AnnotateOptions,
    state: &'s IndexState,
}

/// Articles analysed together, a stage at a time ([`annotate_batch`]): enough for each stage's
/// tables to stay in the caches from one article to the next (chunks of 16 saved a third of what
/// 64 to 256 save), few enough that a batch of files or of a streamed file's lines still splits
/// evenly between the threads.
const ANALYSIS_CHUNK: usize = 64;

impl Preparer<'_> {
    /// The documents of one file's articles, analysed in parallel ([`Preparer::prepare_files`]).
    fn prepare(&self, articles: &[Article], file: &str, stamp: u64) -> Prepared {
        self.prepare_files(&[(articles, file, stamp)], None)
            .and_then(|mut prepared| prepared.pop())
            .expect("not cancelled: one file's documents")
    }

    /// The documents of several files' articles (each file's with its path and stamp), in
    /// order, analysed in parallel in chunks of articles that run across files (most files hold
    /// one article). `None` when `cancel` was raised before every chunk was analysed.
    ///
    /// Analysis (entities above all) is the costly part: it is skipped for articles indexed as
    /// they are from the same file, which a re-run of a grown or touched file mostly holds. Such
    /// articles keep their old file stamp, so the file is re-read (not re-analysed) by later runs:
    /// the content hash decides.
    fn prepare_files(
        &self,
        files: &[(&[Article], &str, u64)],
        cancel: Option<&AtomicBool>,
    ) -> Option<Vec<Prepared>> {
        let articles: Vec<(&Article, &str, u64)> = files
            .iter()
            .flat_map(|&(articles, file, stamp)| articles.iter().map(move |a| (a, file, stamp)))
            .collect();
        let chunks: Vec<Option<Prepared>> = articles
            .par_chunks(ANALYSIS_CHUNK)
            .map(|chunk| (!is_set(cancel)).then(|| self.prepare_chunk(chunk)))
            .collect();
        let mut prepared = chunks
            .into_iter()
            .collect::<Option<Vec<Prepared>>>()?
            .into_iter()
            .flatten();
        Some(
            files
                .iter()
                .map(|(articles, _, _)| prepared.by_ref().take(articles.len()).collect())
                .collect(),
        )
    }

    /// The documents of a chunk of articles (each with its file and stamp), the changed ones
    /// analysed together.
    fn prepare_chunk(&self, chunk: &[(&Article, &str, u64)]) -> Prepared {
        let hashes: Vec<u64> = chunk
            .iter()
            .map(|(article, _, _)| article_hash(article))
            .collect();
        let changed: Vec<bool> = chunk
            .iter()
            .zip(&hashes)
            .map(|(&(article, file, _), &hash)| {
                self.state.analysis_is_stale()
                    || !self
                        .state
                        .articles
                        .get(&article.id)
                        .is_some_and(|old| old.hash == hash && self.state.file_of(old) == file)
            })
            .collect();
        let to_analyse: Vec<&Article> = chunk
            .iter()
            .zip(&changed)
            .filter(|(_, changed)| **changed)
            .map(|(&(article, _, _), _)| article)
            .collect();
        let mut annotated = annotate_batch(&to_analyse, self.analysis).into_iter();
        chunk
            .iter()
            .zip(hashes)
            .zip(changed)
            .map(|((&(article, file, stamp), hash), changed)| {
                let document = changed.then(|| {
                    let annotated = annotated.next().expect("one annotation a changed article");
                    documents(self.fields, article, annotated, hash, file, stamp)
                });
                (hash, document)
            })
            .collect()
    }
}

/// The most indexing threads a writer takes (tantivy's `MAX_NUM_THREAD`).
pub const MAX_WRITER_THREADS: usize = 8;

/// The most memory a writer thread takes, in bytes: tantivy's arena holds under 4 GiB
/// (`MEMORY_BUDGET_NUM_BYTES_MAX`, less a margin of 1,000,000 bytes).
pub const MAX_THREAD_MEMORY: usize = u32::MAX as usize - 1_000_001;

impl<'a> Indexer<'a> {
    /// Takes the index's writer lock and reads what the index holds.
    pub fn new(index: &'a Index, options: IndexOptions) -> Result<Indexer<'a>> {
        let (threads, memory) = options.writer_budget()?;
        let writer = index
            .index
            .writer_with_num_threads(threads, memory)
            .map_err(|e| map_lock_error(e, index.dir()))?;
        // Files a killed or failed run left behind (tantivy deletes them after its next
        // commit, which a disk they filled may keep from happening) go first.
        let _ = writer.garbage_collect_files().wait();
        let state = IndexState::load_files(index)?;
        let summary = IndexSummary {
            after_unfinished_run: std::fs::read_to_string(index.dir().join(RUN_MARKER)).ok(),
            ..IndexSummary::default()
        };
        Ok(Indexer {
            index,
            writer,
            options,
            unfinished: state.unfinished_files.iter().cloned().collect(),
            recorded_analysis: state.analysis,
            state,
            seen: SeenIds::default(),
            summary,
            cancel: None,
            written_since_commit: 0,
            last_commit: Instant::now(),
            progress: Progress::default(),
            on_progress: None,
        })
    }

    /// Stops [`index_paths`](Self::index_paths) early, cleanly, once `flag` is set (by a Ctrl-C
    /// handler, say): what was written is committed, nothing is removed, and the summary says
    /// [`interrupted`](IndexSummary::interrupted).
    pub fn cancel_on(mut self, flag: Arc<AtomicBool>) -> Self {
        self.cancel = Some(flag);
        self
    }

    /// Calls `report` as the run goes: after each file and each streamed batch.
    pub fn on_progress(mut self, report: impl FnMut(&Progress) + 'a) -> Self {
        self.on_progress = Some(Box::new(report));
        self
    }

    fn report_progress(&mut self) {
        self.progress.articles_written = self.summary.added + self.summary.updated;
        if let Some(report) = self.on_progress.as_mut() {
            report(&self.progress);
        }
    }

    fn cancelled(&self) -> bool {
        is_set(self.cancel.as_deref())
    }

    /// The analysis side of this indexer, to share with threads.
    fn preparer(&self) -> Preparer<'_> {
        Preparer {
            fields: &self.index.fields,
            analysis: &self.options.analysis,
            state: &self.state,
        }
    }

    /// Indexes the files under `paths`, incrementally, committing periodically and at the end.
    /// Articles from files under those paths that are gone are removed (at the end of a complete
    /// walk only); articles from elsewhere are left alone.
    ///
    /// An index analysed by an earlier version of the analysis has every article under `paths`
    /// analysed again; once a run has done so for all of its files, it records the current
    /// version.
    pub fn index_paths(mut self, paths: &[PathBuf]) -> Result<IndexSummary> {
        let marker = self.index.dir().join(RUN_MARKER);
        let covers_index =
            self.state.analysis_is_stale() && super::upgrade::rebuilt_from(self.index.dir(), paths);
        self.summary.reanalysed = self.state.analysis_is_stale();
        if let Err(err) = self.write_paths(paths, &marker) {
            return Err(self.abandon(err));
        }
        if covers_index && !self.summary.interrupted {
            self.recorded_analysis = crate::analyze::ANALYSIS_VERSION;
        }
        let summary = self.commit()?;
        let _ = std::fs::remove_file(&marker);
        Ok(summary)
    }

    /// What [`index_paths`](Self::index_paths) does before its last commit.
    fn write_paths(&mut self, paths: &[PathBuf], marker: &Path) -> Result<()> {
        // Best effort: without the marker only the note about a killed run is lost.
        let _ = std::fs::write(
            marker,
            format!(
                "process {}, started {}",
                std::process::id(),
                jiff::Timestamp::now().strftime("%Y-%m-%d %H:%M:%S UTC")
            ),
        );
        let mut walked = ingest::walk_with(paths, self.options.walk);
        // An index kept inside the corpus (`lede index .`) is not read as articles, nor reached
        // through a followed link.
        if let Ok(own) = self.index.dir().canonicalize() {
            let follow = self.options.walk.follow_links;
            let inside = |path: &Path| path.starts_with(&own);
            walked.files.retain(|file| {
                let through_link = follow && file.abs_path.canonicalize().is_ok_and(|p| inside(&p));
                !inside(&file.abs_path) && !through_link
            });
        }
        self.summary.problems.extend(walked.problems);
        self.summary.files = walked.files.len();
        let files_state = self.state.files();
        let mut to_read: Vec<&SourceFile> = Vec::new();
        let mut kept_files: HashSet<String> = HashSet::default();
        for file in &walked.files {
            let key = ingest::path_text(&file.abs_path);
            match files_state.get(key.as_str()) {
                Some(&(Some(stamp), count))
                    if stamp == file.stamp() && !self.state.analysis_is_stale() =>
                {
                    kept_files.insert(key);
                    self.summary.unchanged += count;
                    self.summary.file_outcomes.push(FileOutcome {
                        path: file.rel_path.clone(),
                        unchanged: count,
                        ..FileOutcome::default()
                    });
                }
                _ => to_read.push(file),
            }
        }
        if !to_read.is_empty() {
            crate::analyze::annotate::warm_up(&self.options.analysis);
            // What is read is compared with what each id holds now.
            self.state.load_articles()?;
        }
        self.progress = Progress {
            files_done: walked.files.len() - to_read.len(),
            files_total: walked.files.len(),
            bytes_done: 0,
            bytes_total: to_read.iter().map(|f| f.size).sum(),
            articles_written: 0,
        };
        self.report_progress();
        let read_options = self.options.read;
        'files: for batch in read_batches(&to_read) {
            if self.cancelled() {
                break;
            }
            // Small files are read in parallel, then their articles analysed in parallel (one
            // article a file is common); `.jsonl` files and large `.json` arrays are streamed
            // one at a time below.
            let cancel = self.cancel.as_deref();
            let read: Vec<_> = batch
                .par_iter()
                .map(|file| {
                    let streamed = ingest::is_streamed(file, &read_options);
                    // Once cancelled, the rest of the batch is left unread (and its analysis
                    // stops between chunks): a batch can take seconds to analyse.
                    let read = (!streamed && !is_set(cancel))
                        .then(|| ingest::read_file(file, &read_options));
                    (*file, read)
                })
                .collect();
            let paths: Vec<_> = read
                .iter()
                .map(|(file, _)| ingest::path_text(&file.abs_path))
                .collect();
            let parts: Vec<(&[Article], &str, u64)> = read
                .iter()
                .zip(&paths)
                .filter_map(|((file, result), path)| {
                    let result = result.as_ref()?;
                    Some((&result.articles[..], &**path, file.stamp()))
                })
                .collect();
            let Some(prepared) = self.preparer().prepare_files(&parts, cancel) else {
                break;
            };
            let mut prepared = prepared.into_iter();
            // Each file read has its documents; a file not read is streamed below.
            let read: Vec<_> = read
                .into_iter()
                .map(|(file, result)| {
                    let result = result.map(|result| {
                        let documents = prepared.next().expect("documents for each file read");
                        (result, documents)
                    });
                    (file, result)
                })
                .collect();
            for (file, result) in read {
                if self.cancelled() {
                    break 'files;
                }
                let abs = ingest::path_text(&file.abs_path);
                let mut outcome = FileOutcome {
                    path: file.rel_path.clone(),
                    read: true,
                    ..FileOutcome::default()
                };
                let mut failed = false;
                let bytes_before = self.progress.bytes_done;
                match result {
                    Some((result, prepared)) => {
                        failed = result.file_failed();
                        self.write_part(result, prepared, &mut outcome)?;
                    }
                    None => {
                        self.unfinished.insert(abs.clone());
                        let mut parts = ingest::stream_records(file, &read_options, STREAM_BATCH);
                        while let Some(part) = parts.next() {
                            failed |= part.file_failed();
                            let prepared =
                                self.preparer().prepare(&part.articles, &abs, file.stamp());
                            self.write_part(part, prepared, &mut outcome)?;
                            self.progress.bytes_done =
                                bytes_before + parts.bytes_read().min(file.size);
                            self.report_progress();
                            if self.cancelled() {
                                self.summary.file_outcomes.push(outcome);
                                break 'files;
                            }
                            self.maybe_commit()?;
                        }
                    }
                }
                self.unfinished.remove(&abs);
                self.progress.files_done += 1;
                self.progress.bytes_done =
                    (bytes_before + file.size).min(self.progress.bytes_total);
                self.report_progress();
                if failed {
                    // Keep what an earlier run indexed from a file that cannot be read now.
                    kept_files.insert(abs);
                }
                self.summary.file_outcomes.push(outcome);
                self.maybe_commit()?;
            }
        }
        if self.cancelled() {
            self.summary.interrupted = true;
        } else {
            self.remove_gone(&kept_files, &walked.scopes)?;
        }
        Ok(())
    }

    /// Removes the articles that an earlier run indexed from files under `scopes` and that this
    /// complete walk did not meet again.
    fn remove_gone(&mut self, kept_files: &HashSet<String>, scopes: &[PathBuf]) -> Result<()> {
        // Decided once a file, not once an article.
        let file_gone: Vec<bool> = self
            .state
            .files
            .iter()
            .map(|file| !kept_files.contains(file) && in_scope(file, scopes))
            .collect();
        if !file_gone.contains(&true) {
            return Ok(());
        }
        self.state.load_articles()?;
        let state = &self.state;
        let mut gone: Vec<(&str, &String)> = state
            .articles
            .iter()
            .filter(|(id, article)| {
                file_gone[article.file as usize] && !self.seen.ids.contains_key(*id)
            })
            .map(|(id, article)| (state.file_of(article), id))
            .collect();
        gone.sort();
        let mut removed_files: BTreeMap<&str, usize> = BTreeMap::new();
        for (file, id) in gone {
            self.writer
                .delete_term(Term::from_field_text(self.index.fields.id, id));
            self.summary.removed += 1;
            *removed_files.entry(file).or_default() += 1;
        }
        for (file, removed) in removed_files {
            self.summary.file_outcomes.push(FileOutcome {
                path: file.to_string(),
                removed,
                ..FileOutcome::default()
            });
        }
        Ok(())
    }

    /// Adds or replaces articles from any source (ids decide what is replaced) and commits. Nothing
    /// is removed.
    pub fn add_articles(
        mut self,
        articles: impl IntoIterator<Item = Article>,
    ) -> Result<IndexSummary> {
        self.summary.reanalysed = self.state.analysis_is_stale();
        if let Err(err) = self.write_all(articles) {
            return Err(self.abandon(err));
        }
        self.commit()
    }

    /// What [`add_articles`](Self::add_articles) does before its last commit.
    fn write_all(&mut self, articles: impl IntoIterator<Item = Article>) -> Result<()> {
        self.state.load_articles()?;
        let mut batch = Vec::with_capacity(1024);
        for article in articles {
            batch.push(article);
            if batch.len() == batch.capacity() {
                let prepared = self.preparer().prepare(&batch, "", 0);
                self.write_articles(std::mem::take(&mut batch), prepared)?;
                batch.reserve(1024);
                self.maybe_commit()?;
            }
        }
        let prepared = self.preparer().prepare(&batch, "", 0);
        self.write_articles(batch, prepared)
    }

    /// Writes what a file (or one batch of a streamed file) yielded and counts it in `outcome`.
    fn write_part(
        &mut self,
        part: FileArticles,
        prepared: Prepared,
        outcome: &mut FileOutcome,
    ) -> Result<()> {
        let before = (
            self.summary.added,
            self.summary.updated,
            self.summary.unchanged,
            self.summary.problems.len(),
        );
        self.summary.problems.extend(part.problems);
        self.write_articles(part.articles, prepared)?;
        outcome.added += self.summary.added - before.0;
        outcome.updated += self.summary.updated - before.1;
        outcome.unchanged += self.summary.unchanged - before.2;
        outcome.skipped += self.summary.problems[before.3..]
            .iter()
            .filter(|p| p.severity == Severity::Skipped)
            .count();
        Ok(())
    }

    /// Writes one file's articles, prepared by [`Preparer::prepare`]: new ones added, changed
    /// ones replaced, the same ones counted.
    fn write_articles(&mut self, articles: Vec<Article>, prepared: Prepared) -> Result<()> {
        let fields = &self.index.fields;
        for (article, (hash, document)) in articles.iter().zip(prepared) {
            // A file's records were checked as they were read, with their lines; an article a
            // library caller hands in is checked here.
            let problem = |kind, severity, message| Problem {
                path: article.path.clone(),
                line: article.line,
                message,
                severity,
                kind,
            };
            if let Some(message) = crate::article::id_problem(&article.id) {
                let skipped = problem(ProblemKind::InvalidId, Severity::Skipped, message);
                self.summary.problems.push(skipped);
                continue;
            }
            if let Some(message) = article.published.and_then(published_date::out_of_range) {
                let warning = problem(ProblemKind::BadDate, Severity::Warning, message);
                self.summary.problems.push(warning);
            }
            if let Some(first) = self.seen.insert(article) {
                let message = format!(
                    "duplicate article id {} (first at {first}); only the first is kept",
                    crate::article::id_for_message(&article.id)
                );
                let skipped = problem(ProblemKind::DuplicateId, Severity::Skipped, message);
                self.summary.problems.push(skipped);
                continue;
            }
            // No document: the article is indexed as it is, from this file.
            let Some((doc, passages)) = document else {
                self.summary.unchanged += 1;
                continue;
            };
            let mut operations = Vec::with_capacity(2);
            match self.state.articles.get(&article.id) {
                Some(old) => {
                    if old.hash == hash && !self.state.analysis_is_stale() {
                        self.summary.unchanged += 1;
                    } else {
                        self.summary.updated += 1;
                    }
                    operations.push(UserOperation::Delete(Term::from_field_text(
                        fields.id,
                        &article.id,
                    )));
                }
                None => self.summary.added += 1,
            }
            self.summary.passages += passages;
            self.written_since_commit += 1;
            // One group: the old version's removal and the new one's addition.
            operations.push(UserOperation::Add(doc));
            self.writer.run(operations)?;
        }
        Ok(())
    }

    /// Commits when [`IndexOptions::commit_every`] articles were written since the last commit, or
    /// [`IndexOptions::commit_interval`] has passed with something written.
    fn maybe_commit(&mut self) -> Result<()> {
        let options = &self.options;
        let by_count =
            options.commit_every > 0 && self.written_since_commit >= options.commit_every;
        let by_time = !options.commit_interval.is_zero()
            && self.written_since_commit > 0
            && self.last_commit.elapsed() >= options.commit_interval;
        if by_count || by_time {
            self.commit_now()?;
        }
        Ok(())
    }

    /// Ends a run that failed: what was written since the last commit is deleted now, so a run
    /// that filled the disk gives the space back at once instead of at a later commit that the
    /// full disk would keep from happening, and the error says what a user can act on.
    fn abandon(self, err: Error) -> Error {
        let Indexer { index, writer, .. } = self;
        // Dropping the writer joins the threads it still holds (see `delete_uncommitted` for
        // those a failed commit let go).
        drop(writer);
        let dir = index.dir().to_path_buf();
        let cause = match err {
            // tantivy says only that a writer thread stopped; its error (a full disk, say) is
            // lost with it, so the folder is tried once more to give the cause.
            Error::Tantivy(TantivyError::ErrorInThread(message)) => write_probe(&dir)
                .err()
                .map_or(message, |err| err.to_string()),
            Error::Tantivy(TantivyError::InternalError(message)) => message,
            Error::Tantivy(TantivyError::IoError(err)) => err.to_string(),
            Error::Tantivy(other) => other.to_string(),
            other => {
                delete_uncommitted(index);
                return other;
            }
        };
        delete_uncommitted(index);
        Error::Write { path: dir, cause }
    }

    /// Commits what was written so far, recording the files left unfinished.
    fn commit_now(&mut self) -> Result<()> {
        commit_with_payload(
            &mut self.writer,
            self.unfinished.iter().cloned().collect(),
            self.recorded_analysis,
        )?;
        self.summary.commits += 1;
        self.written_since_commit = 0;
        self.last_commit = Instant::now();
        Ok(())
    }

    /// Commits and reloads the searcher.
    fn commit(mut self) -> Result<IndexSummary> {
        if let Err(err) = self.commit_now() {
            return Err(self.abandon(err));
        }
        self.writer.wait_merging_threads()?;
        let changed = self.summary.added + self.summary.updated + self.summary.removed > 0;
        // Best effort: the run is committed, and a tail left unmerged only costs speed; what a
        // failed merge wrote (on a full disk, say) is deleted.
        let merged = match (changed && !self.summary.interrupted)
            .then(|| segment_tail::merge_small_segments(&self.index.index))
        {
            Some(Ok(merged)) => merged,
            Some(Err(_)) => {
                delete_uncommitted(self.index);
                0
            }
            None => 0,
        };
        self.index.reload()?;
        if merged > 0 {
            let _ = segment_tail::delete_merged(&self.index.index);
        }
        Ok(self.summary)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_batches_hold_every_file_once_in_order_within_their_bounds() {
        let sizes = [
            1u64,
            READ_BATCH_BYTES,
            7,
            READ_BATCH_BYTES / 2,
            READ_BATCH_BYTES / 2,
            3,
        ]
        .into_iter()
        .chain(std::iter::repeat_n(10, 2 * READ_BATCH + 5));
        let files: Vec<SourceFile> = sizes
            .enumerate()
            .map(|(i, size)| SourceFile {
                abs_path: PathBuf::from(format!("/c/{i}")),
                rel_path: i.to_string(),
                size,
                modified_ns: 0,
            })
            .collect();
        let refs: Vec<&SourceFile> = files.iter().collect();
        let batches: Vec<&[&SourceFile]> = read_batches(&refs).collect();
        let lens: Vec<usize> = batches.iter().map(|b| b.len()).collect();
        // A file of the whole budget goes alone; a half and a half do not fit with 7 bytes more;
        // then the count is the bound.
        assert_eq!(lens[..5], [1, 1, 2, READ_BATCH, READ_BATCH]);
        let flat: Vec<&str> = batches
            .concat()
            .iter()
            .map(|f| f.rel_path.as_str())
            .collect();
        let all: Vec<&str> = files.iter().map(|f| f.rel_path.as_str()).collect();
        assert_eq!(flat, all);
        for batch in &batches {
            let bytes: u64 = batch.iter().map(|f| f.size).sum();
            assert!(!batch.is_empty() && batch.len() <= READ_BATCH);
            assert!(batch.len() == 1 || bytes <= READ_BATCH_BYTES);
        }
        assert!(read_batches(&[]).next().is_none());
    }

    #[test]
    fn every_field_changes_the_content_hash() {
        let seed = include_str!("../../corpus/000_feb3187bc183f0b1.txt");
        let article = Article {
            id: "seed".into(),
            title: "A title with \"quotes\" and ünïcode".into(),
            body: seed.into(),
            tags: vec!["ai".into(), "defence".into()],
            source: Some("Wire".into()),
            ..Article::default()
        };
        let base = article_hash(&article);
        assert_eq!(article_hash(&article.clone()), base);
        let edits: Vec<fn(&mut Article)> = vec![
            |a| a.id.push('x'),
            |a| a.title.push('x'),
            |a| a.body.push('.'),
            |a| a.path.push('x'),
            |a| a.source = None,
            |a| a.source = Some(String::new()),
            |a| a.author = Some("A. Writer".into()),
            |a| a.url = Some("https://example.com".into()),
            |a| a.published = Some("2026-03-02T12:00:00Z".parse().unwrap()),
            |a| a.date_source = Some(crate::analyze::dates::DateSource::Dateline),
            |a| a.tags.push("x".into()),
            |a| a.tags = vec!["aidefence".into()],
            // Text moved from one field to the next is a change too.
            |a| {
                a.id.push('A');
                a.title.remove(0);
            },
        ];
        let mut seen = std::collections::HashSet::from([base]);
        for (i, edit) in edits.iter().enumerate() {
            let mut edited = article.clone();
            edit(&mut edited);
            assert!(seen.insert(article_hash(&edited)), "edit {i} kept the hash");
        }
    }
}
