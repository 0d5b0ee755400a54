//! Search: from a [`SearchRequest`] to [`SearchResults`].
//!
//! Articles are ranked by whole-article BM25 mixed with their best passage (`ranking`); each hit
//! shows its best passages with the query's terms highlighted. With `passages` set, passages are
//! ranked on their own. Articles and passages are scored with statistics of their own kind.

mod collect;
mod date_clauses;
pub mod entity_counts;
mod exact_order;
mod expansion;
pub mod facets;
pub mod filters;
pub mod highlight;
pub mod like;
pub mod lookup;
mod mention_query;
mod name_forms;
pub mod near_duplicates;
pub mod params;
mod passage_filter;
mod passage_page;
mod passage_query;
mod passage_scores;
mod query;
mod ranking;
pub mod request;
pub mod results;
pub(crate) mod short_forms;
mod suggest;
pub(crate) mod surnames;
mod term_presence;
pub mod timeline;

pub use entity_counts::{EntityCount, EntityCountOptions, EntityCounts};
pub use facets::{FacetCount, FacetCounts, FacetField};
pub use filters::{EntityFilter, MentionPeriod};
pub use params::Params;
pub use request::{
    BoundKind, QuerySyntax, SearchRequest, SortOrder, check_bounds, parse_date_bound,
};
pub use results::{Explanation, Hit, PassageHit, SearchResults};
pub use timeline::{Interval, Timeline, TimelineBasis, TimelineBucket};

use crate::analyze::annotate::EntityName;
use crate::error::Result;
use crate::index::Index;
use crate::index::passage_record::PassageRecord;
pub(crate) use collect::IdCache;
use collect::SegmentIds;
use highlight::QueryWords;
pub use lookup::{StoredArticle, StoredPassage};
use lookup::{entity_names, passage_text};
use passage_page::PassagePage;
use passage_scores::{candidate_passages, passage_records};
use ranking::Candidate;
use std::cmp::Reverse;
use std::collections::HashMap;
use std::time::Instant;
use tantivy::collector::Count;
use tantivy::{DocAddress, Searcher, TantivyDocument};

/// An article id with its ranking score: the light form of a hit, for runs that need no text.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct RankedArticle {
    /// The article id.
    pub article_id: String,
    /// The mixed score.
    pub score: f32,
}

impl RankedArticle {
    /// The article as a line of a TREC run: `QID Q0 ARTICLE_ID RANK SCORE TAG` (rank from 1).
    pub fn trec_line(&self, qid: &str, rank: usize, tag: &str) -> String {
        format!(
            "{} Q0 {} {} {:.6} {tag}",
            qid.trim(),
            self.article_id,
            rank,
            self.score
        )
    }
}

impl Index {
    /// Runs a search.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults> {
        let started = Instant::now();
        let searcher = self.reader.searcher();
        let request = &*self.with_like_words(&searcher, request)?;
        let compiled = query::compile(self, request);
        let (total_hits, hits) = if request.passages {
            self.search_passages(&searcher, &compiled, request)?
        } else if request.collapse && request.load_documents {
            self.search_collapsed(&searcher, &compiled, request)?
        } else {
            let (total, candidates) = self.rank_articles(&searcher, &compiled, request, true)?;
            let page = candidates
                .into_iter()
                .skip(request.offset)
                .take(request.limit);
            let hits = if request.load_documents {
                page.map(|c| self.article_hit(&searcher, &c, &compiled, request))
                    .collect::<Result<Vec<_>>>()?
            } else {
                page.map(|c| Hit::bare(c.id, c.score)).collect()
            };
            (total, hits)
        };
        // Not for runs that load no documents (a count, ids for a TREC run): no one reads it.
        let did_you_mean = match request.load_documents {
            true => suggest::did_you_mean(self, &searcher, request)?,
            false => None,
        };
        Ok(SearchResults {
            query: request.query.clone(),
            total_hits,
            took_ms: crate::search::results::millis_since(started),
            hits,
            warnings: compiled.warnings,
            did_you_mean,
        })
    }

    /// Ranks articles and returns ids and scores only: what a TREC run needs.
    pub fn rank(&self, request: &SearchRequest) -> Result<Vec<RankedArticle>> {
        let searcher = self.reader.searcher();
        let request = &*self.with_like_words(&searcher, request)?;
        let compiled = query::compile(self, request);
        let (_, candidates) = self.rank_articles(&searcher, &compiled, request, false)?;
        Ok(candidates
            .into_iter()
            .skip(request.offset)
            .take(request.limit)
            .map(|c| RankedArticle {
                article_id: c.id,
                score: c.score,
            })
            .collect())
    }

    /// The candidates of the requested page and above, ranked; and the number of matches when
    /// `count` is set (0 otherwise).
    ///
    /// The top articles are collected on their own, so that tantivy can skip the documents that
    /// cannot enter them (block-max WAND); the matches are counted apart, without scoring.
    fn rank_articles(
        &self,
        searcher: &Searcher,
        compiled: &query::CompiledQuery,
        request: &SearchRequest,
        count: bool,
    ) -> Result<(usize, Vec<Candidate>)> {
        // At least the whole rescore window, so that every page is cut from the same ranking; no
        // more than the articles there are (the collectors make room for the depth).
        let depth = match request.sort {
            SortOrder::Relevance => request
                .offset
                .saturating_add(request.limit)
                .max(request.rescore_window),
            SortOrder::Date | SortOrder::Oldest => request.offset.saturating_add(request.limit),
        }
        .min(searcher.num_docs() as usize);
        let segments = self.id_cache.for_searcher(searcher)?;
        // Canonical article scores (see `ranking::canonical_score`), best or newest first; the
        // date order brings each article's id with it.
        let (total, top): (usize, Vec<(f32, DocAddress, Option<String>)>) = match request.sort {
            SortOrder::Relevance => {
                // A query tantivy prunes is counted apart, without scoring; any other in the pass
                // that collects its top.
                let (top, counted) = exact_order::best_first(
                    searcher,
                    &*compiled.article,
                    &segments,
                    depth,
                    count && !compiled.prunable,
                )?;
                // Through the searcher, segments are counted in parallel (`Query::count` goes
                // through them one by one).
                let total = match counted {
                    Some(total) => total,
                    None if count => searcher.search(&*compiled.article, &Count)?,
                    None => 0,
                };
                let top = top
                    .into_iter()
                    .map(|(score, address)| (score, address, None))
                    .collect();
                (total, top)
            }
            SortOrder::Date | SortOrder::Oldest => {
                let oldest = request.sort == SortOrder::Oldest;
                let dated = exact_order::by_date(depth.max(1), searcher, &segments, oldest);
                let (top, total) = searcher.search(&*compiled.article, &(dated, Count))?;
                let top = top
                    .into_iter()
                    .map(|((_, score, Reverse(id)), address)| (score, address, Some(id)))
                    .collect();
                (total, top)
            }
        };
        let mut candidates = Vec::with_capacity(top.len());
        for (score, address, id) in top {
            candidates.push(Candidate {
                id: id.unwrap_or_else(|| id_of(&segments, address)),
                address,
                article_score: score,
                passages: Vec::new(),
                lead_coverage: 0.0,
                coverage: 0.0,
                newsiness: 0.0,
                explanation: Explanation::default(),
                score: 0.0,
            });
        }
        // Passages are needed for the rescore window and, to show them, for the requested page.
        let window = match request.sort {
            SortOrder::Relevance => request.rescore_window.min(candidates.len()),
            SortOrder::Date | SortOrder::Oldest => candidates.len(),
        };
        let page = request.offset.min(candidates.len())
            ..request
                .offset
                .saturating_add(request.limit)
                .min(candidates.len());
        let wanted: Vec<usize> = (0..window)
            .chain(page.filter(|&i| i >= window && request.load_documents))
            .collect();
        let wanted_addresses: Vec<DocAddress> =
            wanted.iter().map(|&i| candidates[i].address).collect();
        let passages = candidate_passages(
            searcher,
            &self.fields,
            &compiled.passage,
            compiled.passage_filter.as_ref(),
            &wanted_addresses,
        )?;
        let presence = term_presence::term_presence(
            searcher,
            &self.fields,
            &compiled.terms,
            &wanted_addresses,
        )?;
        let share = |counts: Vec<f32>| -> Vec<f32> {
            let terms = compiled.terms.len().max(1) as f32;
            counts.into_iter().map(|n| n / terms).collect()
        };
        let leads = share(presence.lead);
        let coverages = share(presence.coverage);
        for (&i, matches) in wanted.iter().zip(passages) {
            candidates[i].passages = matches;
        }
        let newsiness: Vec<Option<tantivy::columnar::Column<f64>>> = searcher
            .segment_readers()
            .iter()
            .map(|reader| reader.fast_fields().f64("newsiness").ok())
            .collect();
        for ((&i, lead), coverage) in wanted.iter().zip(leads).zip(coverages) {
            let c = &mut candidates[i];
            c.lead_coverage = lead;
            c.coverage = coverage;
            c.newsiness = newsiness[c.address.segment_ord as usize]
                .as_ref()
                .and_then(|column| column.first(c.address.doc_id))
                .unwrap_or(0.0) as f32;
        }
        if request.sort == SortOrder::Relevance {
            ranking::rank(
                &mut candidates,
                request.article_weight,
                request.lead_weight,
                window,
            );
        } else {
            let order: Vec<String> = candidates.iter().map(|c| c.id.clone()).collect();
            ranking::rank(
                &mut candidates,
                request.article_weight,
                request.lead_weight,
                window,
            );
            let position: HashMap<&str, usize> = order
                .iter()
                .enumerate()
                .map(|(i, id)| (id.as_str(), i))
                .collect();
            candidates.sort_by_key(|c| position[c.id.as_str()]);
        }
        Ok((total, candidates))
    }

    /// Ranks articles with near-duplicates folded into the best-ranked version of each story
    /// (see [`near_duplicates`]): up to [`COLLAPSE_DEPTH_FACTOR`] times the articles of the page
    /// and those before it are ranked, and read in order until the page's stories are found.
    fn search_collapsed(
        &self,
        searcher: &Searcher,
        compiled: &query::CompiledQuery,
        request: &SearchRequest,
    ) -> Result<(usize, Vec<Hit>)> {
        let wanted = request.offset.saturating_add(request.limit);
        // Ranked deeper, without the passages of what lies past the rescore window: those of the
        // page's hits are found once the page is known.
        let ranking = SearchRequest {
            offset: 0,
            limit: wanted.saturating_mul(COLLAPSE_DEPTH_FACTOR),
            load_documents: false,
            ..request.clone()
        };
        let (total, mut candidates) = self.rank_articles(searcher, compiled, &ranking, true)?;
        // Read in rank order, and only until the page's stories are found.
        let mut failed = None;
        let texts = candidates.iter().map_while(|candidate| {
            match searcher.doc::<TantivyDocument>(candidate.address) {
                Ok(doc) => {
                    let title = lookup::first_text(&doc, self.fields.title).unwrap_or_default();
                    let body = lookup::first_text(&doc, self.fields.body).unwrap_or_default();
                    Some(near_duplicates::shingles(&format!("{title}\n{body}")))
                }
                Err(err) => {
                    failed = Some(err);
                    None
                }
            }
        });
        let folded = near_duplicates::fold(texts, wanted);
        if let Some(err) = failed {
            return Err(err.into());
        }
        let page: Vec<(usize, Vec<usize>)> = folded.into_iter().skip(request.offset).collect();
        let missing: Vec<usize> = page
            .iter()
            .map(|&(rank, _)| rank)
            .filter(|&rank| candidates[rank].passages.is_empty())
            .collect();
        if !missing.is_empty() {
            let addresses: Vec<DocAddress> = missing
                .iter()
                .map(|&rank| candidates[rank].address)
                .collect();
            let passages = candidate_passages(
                searcher,
                &self.fields,
                &compiled.passage,
                compiled.passage_filter.as_ref(),
                &addresses,
            )?;
            for (&rank, matches) in missing.iter().zip(passages) {
                candidates[rank].passages = matches;
            }
        }
        let mut hits = Vec::with_capacity(page.len());
        for (rank, folded) in page {
            let mut hit = self.article_hit(searcher, &candidates[rank], compiled, request)?;
            hit.duplicates = folded
                .into_iter()
                .map(|rank| candidates[rank].id.clone())
                .collect();
            hits.push(hit);
        }
        Ok((total, hits))
    }

    /// Ranks passages on their own: every passage of every matching article is scored and
    /// counted, and the best (or, sorted by date, the newest articles' best) are shown; ties go
    /// by article id, never by document address, which depends on how the index was built.
    fn search_passages(
        &self,
        searcher: &Searcher,
        compiled: &query::CompiledQuery,
        request: &SearchRequest,
    ) -> Result<(usize, Vec<Hit>)> {
        let page = PassagePage::new(
            request.sort,
            request.offset.saturating_add(request.limit),
            self.fields.body,
            &compiled.passage,
            passage_scores::statistics(searcher, &self.fields, &compiled.passage)?,
            compiled.passage_filter.as_ref(),
            self.id_cache.for_searcher(searcher)?,
        );
        let (total, candidates) = searcher.search(&*compiled.article, &page)?;
        let mut hits = Vec::new();
        for (passage, id) in candidates.into_iter().skip(request.offset) {
            if !request.load_documents {
                hits.push(Hit::bare(id, passage.score));
                continue;
            }
            let doc: TantivyDocument = searcher.doc(passage.article)?;
            let (mut hit, body) = self.hit_from_article(&doc, &id, passage.score, compiled);
            let records = passage_records(&doc, &self.fields);
            hit.passages.extend(passage_hit(
                &records,
                passage.index,
                &body,
                &compiled.passage_terms,
            ));
            hits.push(hit);
        }
        Ok((total, hits))
    }

    /// Loads an article hit: its metadata and its best passages, highlighted (its first passage
    /// when none matches: a match in the title alone).
    fn article_hit(
        &self,
        searcher: &Searcher,
        candidate: &Candidate,
        compiled: &query::CompiledQuery,
        request: &SearchRequest,
    ) -> Result<Hit> {
        let terms = &compiled.passage_terms;
        let doc: TantivyDocument = searcher.doc(candidate.address)?;
        let (mut hit, body) = self.hit_from_article(&doc, &candidate.id, candidate.score, compiled);
        let records = passage_records(&doc, &self.fields);
        for &(_, index) in candidate.passages.iter().take(request.passages_per_hit) {
            hit.passages
                .extend(passage_hit(&records, index, &body, terms));
        }
        if hit.passages.is_empty() {
            hit.passages.extend(passage_hit(&records, 0, &body, terms));
        }
        hit.explanation = request.explain.then_some(candidate.explanation);
        Ok(hit)
    }

    /// A hit (without passages) from an article document, the query's terms lit up in its title
    /// (or an untitled article's opening), and the article's body.
    fn hit_from_article(
        &self,
        doc: &TantivyDocument,
        id: &str,
        score: f32,
        compiled: &query::CompiledQuery,
    ) -> (Hit, String) {
        let article = self.stored_article(doc, id);
        let opening = if article.title.is_empty() {
            crate::analyze::sentences::first_sentence(&article.body).to_string()
        } else {
            String::new()
        };
        let hit = Hit {
            article_id: article.id,
            title_highlights: highlight::highlight_query(&article.title, &compiled.title_terms),
            title: article.title,
            opening_highlights: highlight::highlight_query(&opening, &compiled.passage_terms),
            opening,
            published: article.published,
            date_source: article.date_source,
            source: article.source,
            url: article.url,
            path: article.path,
            score,
            entities: entity_names(doc, self.fields.entity_name),
            passages: Vec::new(),
            duplicates: Vec::new(),
            explanation: None,
        };
        (hit, article.body)
    }
}

/// Passage `index` of an article, its text cut from `body` and highlighted; `None` when the
/// article has no such passage.
fn passage_hit(
    records: &[PassageRecord],
    index: usize,
    body: &str,
    terms: &QueryWords,
) -> Option<PassageHit> {
    let record = records.get(index)?;
    let text = passage_text(body, record.start, record.end);
    Some(PassageHit {
        index,
        start: record.start,
        end: record.end,
        highlights: highlight::highlight_query(&text, terms),
        text,
        entities: record
            .entities
            .iter()
            .filter_map(|key| EntityName::from_key(key))
            .collect(),
        dates: record.dates.clone(),
    })
}

/// How many times the articles up to the end of the page a collapsed search ranks: room for the
/// versions folded away.
pub const COLLAPSE_DEPTH_FACTOR: usize = 3;

/// The article id of a document.
fn id_of(segments: &[std::sync::Arc<SegmentIds>], address: DocAddress) -> String {
    segments[address.segment_ord as usize]
        .id(address.doc_id)
        .unwrap_or_default()
        .to_string()
}
