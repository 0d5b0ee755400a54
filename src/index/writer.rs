//! Writing the index: articles in, tantivy documents out, incrementally.
//!
//! [`Indexer::index_paths`] walks the corpus, skips files whose size and modification time are
//! unchanged since the last run, re-reads the others, replaces articles whose content hash changed,
//! removes articles whose files are gone from the walked folders, and commits once at the end, so an
//! interrupted run leaves the previous commit intact. [`Indexer::add_articles`] takes articles from
//! any iterator instead of files.

use super::day_range;
use super::schema::{Fields, KIND_ARTICLE, KIND_PASSAGE};
use super::state::IndexState;
use super::{Index, commit_with_payload, map_lock_error};
use crate::analyze::annotate::{AnnotateOptions, EntityName, annotate};
use crate::article::Article;
use crate::error::Result;
use crate::ingest::{self, Problem, Severity, SourceFile};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use tantivy::{DateTime, IndexWriter, TantivyDocument, Term};

/// How an index run works.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexOptions {
    /// How articles are analysed: passage sizes, entities, dates.
    pub analysis: AnnotateOptions,
    /// The writer's memory budget in bytes, shared by its threads.
    pub memory_bytes: usize,
    /// The writer's indexing threads.
    pub threads: usize,
}

impl Default for IndexOptions {
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        IndexOptions {
            analysis: AnnotateOptions::default(),
            memory_bytes: 256 * 1024 * 1024,
            threads: cores.clamp(1, 4),
        }
    }
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
}

impl IndexSummary {
    /// Files and records that were not indexed.
    pub fn skipped(&self) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Skipped)
            .count()
    }
}

/// Files are read in parallel in batches of this many.
const READ_BATCH: usize = 64;

/// Writes articles into an [`Index`]. Holds the index's writer lock until dropped; nothing is
/// visible to searchers before a commit, and dropping without one discards the work.
pub struct Indexer<'a> {
    index: &'a Index,
    writer: IndexWriter,
    options: IndexOptions,
    state: IndexState,
    seen: HashSet<String>,
    summary: IndexSummary,
}

/// The content hash of an article: any change to any field changes it.
fn article_hash(article: &Article) -> u64 {
    let bytes = serde_json::to_vec(article).expect("articles serialise");
    crate::ingest::walk::hash64(&bytes)
}

/// The documents of one article: the article itself, then its passages, each with the entities
/// and dates it mentions.
fn documents(
    fields: &Fields,
    article: &Article,
    hash: u64,
    file: &str,
    stamp: u64,
    options: &AnnotateOptions,
) -> Vec<TantivyDocument> {
    let annotated = annotate(article, options);
    let published = article
        .published
        .map(|t| DateTime::from_timestamp_secs(t.as_second()));
    let mut doc = TantivyDocument::default();
    doc.add_text(fields.kind, KIND_ARTICLE);
    doc.add_text(fields.id, &article.id);
    doc.add_text(fields.title, &article.title);
    doc.add_text(fields.body, &article.body);
    doc.add_text(fields.lead, &article.body[..annotated.lead.end]);
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
    doc.add_text(fields.path, &article.path);
    doc.add_text(fields.file, file);
    for tag in &article.tags {
        doc.add_text(fields.tags, tag);
    }
    doc.add_u64(fields.hash, hash);
    doc.add_u64(fields.stamp, stamp);
    for counted in &annotated.entities {
        add_entity(fields, &mut doc, &counted.entity);
    }
    for date in &annotated.dates {
        doc.add_u64(fields.mention, day_range::encode(date.first, date.last));
    }
    let mut docs = vec![doc];
    for annotated_passage in &annotated.passages {
        let passage = annotated_passage.passage;
        let mut doc = TantivyDocument::default();
        doc.add_text(fields.kind, KIND_PASSAGE);
        doc.add_text(fields.id, &article.id);
        doc.add_text(fields.text, &article.body[passage.start..passage.end]);
        doc.add_u64(fields.passage, passage.index as u64);
        doc.add_u64(fields.start, passage.start as u64);
        doc.add_u64(fields.end, passage.end as u64);
        if let Some(date) = published {
            doc.add_date(fields.published, date);
        }
        for entity in &annotated_passage.entities {
            add_entity(fields, &mut doc, entity);
        }
        for date in &annotated_passage.dates {
            doc.add_u64(fields.mention, day_range::encode(date.first, date.last));
            doc.add_text(fields.mention_value, &date.value);
        }
        docs.push(doc);
    }
    docs
}

/// Adds an entity's filter terms and its shown name to a document.
fn add_entity(fields: &Fields, doc: &mut TantivyDocument, entity: &EntityName) {
    for term in entity.terms() {
        doc.add_text(fields.entity, term);
    }
    doc.add_text(fields.entity_name, entity.key());
}

/// Whether `file` lies in one of the walked scopes (a file given alone, or a folder).
fn in_scope(file: &str, scopes: &[PathBuf]) -> bool {
    let file = Path::new(file);
    scopes.iter().any(|scope| file.starts_with(scope))
}

impl<'a> Indexer<'a> {
    /// Takes the index's writer lock and reads what the index holds.
    pub fn new(index: &'a Index, options: IndexOptions) -> Result<Indexer<'a>> {
        let threads = options.threads.max(1);
        let memory = options.memory_bytes.max(threads * 16 * 1024 * 1024);
        let writer = index
            .index
            .writer_with_num_threads(threads, memory)
            .map_err(|e| map_lock_error(e, index.dir()))?;
        Ok(Indexer {
            index,
            writer,
            options,
            state: IndexState::load(index)?,
            seen: HashSet::new(),
            summary: IndexSummary::default(),
        })
    }

    /// Indexes the files under `paths`, incrementally, and commits. Articles from files under those
    /// paths that are gone are removed; articles from elsewhere are left alone.
    pub fn index_paths(mut self, paths: &[PathBuf]) -> Result<IndexSummary> {
        let walked = ingest::walk(paths);
        self.summary.problems.extend(walked.problems);
        self.summary.files = walked.files.len();
        let files_state = self.state.files();
        let mut to_read: Vec<&SourceFile> = Vec::new();
        let mut kept_files: HashSet<String> = HashSet::new();
        for file in &walked.files {
            let key = file.abs_path.to_string_lossy();
            match files_state.get(key.as_ref()) {
                Some(&(stamp, count)) if stamp == file.stamp() => {
                    kept_files.insert(key.into_owned());
                    self.summary.unchanged += count;
                }
                _ => to_read.push(file),
            }
        }
        for batch in to_read.chunks(READ_BATCH) {
            let read: Vec<_> = batch
                .par_iter()
                .map(|file| (*file, ingest::read_file(file)))
                .collect();
            for (file, result) in read {
                let whole_file_failed = result.articles.is_empty()
                    && result
                        .problems
                        .iter()
                        .any(|p| p.severity == Severity::Skipped && p.line.is_none());
                if whole_file_failed {
                    // Keep what an earlier run indexed from a file that cannot be read now.
                    kept_files.insert(file.abs_path.to_string_lossy().into_owned());
                }
                self.summary.problems.extend(result.problems);
                let abs = file.abs_path.to_string_lossy();
                self.write_articles(result.articles, &abs, file.stamp())?;
            }
        }
        let gone: Vec<String> = self
            .state
            .articles
            .iter()
            .filter(|(id, article)| {
                !self.seen.contains(*id)
                    && !kept_files.contains(&article.file)
                    && in_scope(&article.file, &walked.scopes)
            })
            .map(|(id, _)| id.clone())
            .collect();
        for id in gone {
            self.writer
                .delete_term(Term::from_field_text(self.index.fields.id, &id));
            self.summary.removed += 1;
        }
        self.commit()
    }

    /// Adds or replaces articles from any source (ids decide what is replaced) and commits. Nothing
    /// is removed.
    pub fn add_articles(
        mut self,
        articles: impl IntoIterator<Item = Article>,
    ) -> Result<IndexSummary> {
        let mut batch = Vec::with_capacity(1024);
        for article in articles {
            batch.push(article);
            if batch.len() == batch.capacity() {
                self.write_articles(std::mem::take(&mut batch), "", 0)?;
                batch.reserve(1024);
            }
        }
        self.write_articles(batch, "", 0)?;
        self.commit()
    }

    /// Writes one file's articles: new ones added, changed ones replaced, the same ones counted.
    fn write_articles(&mut self, articles: Vec<Article>, file: &str, stamp: u64) -> Result<()> {
        let fields = &self.index.fields;
        let analysis = &self.options.analysis;
        let prepared: Vec<(u64, Vec<TantivyDocument>)> = articles
            .par_iter()
            .map(|article| {
                let hash = article_hash(article);
                (
                    hash,
                    documents(fields, article, hash, file, stamp, analysis),
                )
            })
            .collect();
        for (article, (hash, docs)) in articles.iter().zip(prepared) {
            if !self.seen.insert(article.id.clone()) {
                self.summary.problems.push(Problem {
                    path: article.path.clone(),
                    line: None,
                    message: format!(
                        "duplicate article id {:?}; only the first is kept",
                        article.id
                    ),
                    severity: Severity::Skipped,
                });
                continue;
            }
            match self.state.articles.get(&article.id) {
                Some(old) if old.hash == hash && old.file == file && old.stamp == stamp => {
                    self.summary.unchanged += 1;
                    continue;
                }
                Some(old) => {
                    if old.hash == hash {
                        self.summary.unchanged += 1;
                    } else {
                        self.summary.updated += 1;
                    }
                    self.writer
                        .delete_term(Term::from_field_text(fields.id, &article.id));
                }
                None => self.summary.added += 1,
            }
            self.summary.passages += docs.len() - 1;
            for doc in docs {
                self.writer.add_document(doc)?;
            }
        }
        Ok(())
    }

    /// Commits and reloads the searcher.
    fn commit(mut self) -> Result<IndexSummary> {
        commit_with_payload(&mut self.writer)?;
        self.writer.wait_merging_threads()?;
        self.index.reload()?;
        Ok(self.summary)
    }
}
