//! Search: from a [`SearchRequest`] to [`SearchResults`].
//!
//! Articles are ranked by whole-article BM25 mixed with their best passage ([`ranking`]); each hit
//! shows its best passages with the query's terms highlighted. With `passages` set, passages are
//! ranked on their own. Articles and passages are scored with statistics of their own kind.

mod collect;
pub mod highlight;
pub mod lookup;
mod query;
mod ranking;
pub mod request;
pub mod results;
mod stats;

pub use request::{BoundKind, QuerySyntax, SearchRequest, SortOrder, parse_date_bound};
pub use results::{Hit, PassageHit, SearchResults};

use crate::error::Result;
use crate::index::Index;
use crate::index::schema::{KIND_ARTICLE, KIND_PASSAGE};
use collect::{AllScored, IdReader};
pub use lookup::{StoredArticle, StoredPassage};
use lookup::{first_text, first_u64, timestamp};
use ranking::Candidate;
use stats::KindStatistics;
use std::collections::{HashMap, HashSet};
use std::time::Instant;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, ConstScoreQuery, Occur, Query, TermSetQuery};
use tantivy::schema::Value;
use tantivy::{DateTime, DocAddress, Order, Searcher, TantivyDocument, Term};

/// An article id with its ranking score: the light form of a hit, for runs that need no text.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct RankedArticle {
    /// The article id.
    pub article_id: String,
    /// The mixed score.
    pub score: f32,
}

impl Index {
    /// Runs a search.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults> {
        let started = Instant::now();
        let searcher = self.reader.searcher();
        let compiled = query::compile(self, request);
        let (total_hits, hits) = if request.passages {
            self.search_passages(&searcher, &*compiled.passage, request)?
        } else {
            let (total, candidates) = self.rank_articles(&searcher, &compiled, request)?;
            let page = candidates
                .into_iter()
                .skip(request.offset)
                .take(request.limit);
            let terms = highlight::query_terms(&*compiled.passage, self.fields.text);
            let hits = if request.load_documents {
                page.map(|c| self.article_hit(&searcher, &c, &terms, request))
                    .collect::<Result<Vec<_>>>()?
            } else {
                page.map(|c| bare_hit(c.id, c.score)).collect()
            };
            (total, hits)
        };
        Ok(SearchResults {
            query: request.query.clone(),
            total_hits,
            took_ms: started.elapsed().as_secs_f64() * 1000.0,
            hits,
            warnings: compiled.warnings,
        })
    }

    /// Ranks articles and returns ids and scores only: what a TREC run needs.
    pub fn rank(&self, request: &SearchRequest) -> Result<Vec<RankedArticle>> {
        let searcher = self.reader.searcher();
        let compiled = query::compile(self, request);
        let (_, candidates) = self.rank_articles(&searcher, &compiled, request)?;
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

    /// The candidates of the requested page and above, ranked; and the number of matches.
    fn rank_articles(
        &self,
        searcher: &Searcher,
        compiled: &query::CompiledQuery,
        request: &SearchRequest,
    ) -> Result<(usize, Vec<Candidate>)> {
        let depth = request.offset + request.limit;
        let article_stats = KindStatistics::new(searcher, self.fields.kind, KIND_ARTICLE)?;
        let mut ids = IdReader::new(searcher);
        let (total, top): (usize, Vec<(f32, DocAddress)>) = match request.sort {
            SortOrder::Relevance => {
                let collector = (TopDocs::with_limit(depth.max(1)).order_by_score(), Count);
                let (top, total) = searcher.search_with_statistics_provider(
                    &*compiled.article,
                    &collector,
                    &article_stats,
                )?;
                (total, top)
            }
            SortOrder::Date => {
                let collector = (
                    TopDocs::with_limit(depth.max(1))
                        .order_by_fast_field::<DateTime>("published", Order::Desc),
                    Count,
                );
                let (top, total) = searcher.search(&*compiled.article, &collector)?;
                (total, top.into_iter().map(|(_, a)| (0.0, a)).collect())
            }
        };
        let mut candidates = Vec::with_capacity(top.len());
        for (score, address) in top {
            candidates.push(Candidate {
                id: ids.id(address)?,
                address,
                article_score: score,
                passages: Vec::new(),
                score: 0.0,
            });
        }
        if request.sort == SortOrder::Date {
            self.fill_article_scores(
                searcher,
                &*compiled.article,
                &article_stats,
                &mut candidates,
                &mut ids,
            )?;
        }
        self.fill_passages(searcher, &*compiled.passage, &mut candidates, &mut ids)?;
        if request.sort == SortOrder::Relevance {
            ranking::rank(&mut candidates, request.article_weight);
        } else {
            let order: Vec<String> = candidates.iter().map(|c| c.id.clone()).collect();
            ranking::rank(&mut candidates, request.article_weight);
            let position: HashMap<&str, usize> = order
                .iter()
                .enumerate()
                .map(|(i, id)| (id.as_str(), i))
                .collect();
            candidates.sort_by_key(|c| position[c.id.as_str()]);
        }
        Ok((total, candidates))
    }

    /// Runs `query` restricted to the candidates' ids.
    fn restricted(&self, query: &dyn Query, candidates: &[Candidate]) -> BooleanQuery {
        let terms = candidates
            .iter()
            .map(|c| Term::from_field_text(self.fields.id, &c.id));
        BooleanQuery::new(vec![
            (Occur::Must, query.box_clone()),
            (
                Occur::Must,
                Box::new(ConstScoreQuery::new(
                    Box::new(TermSetQuery::new(terms)),
                    0.0,
                )),
            ),
        ])
    }

    /// Sets the whole-article scores of candidates found in another order (by date).
    fn fill_article_scores(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        stats: &KindStatistics,
        candidates: &mut [Candidate],
        ids: &mut IdReader,
    ) -> Result<()> {
        if candidates.is_empty() {
            return Ok(());
        }
        let scored = searcher.search_with_statistics_provider(
            &self.restricted(query, candidates),
            &AllScored,
            stats,
        )?;
        let mut by_id = HashMap::new();
        for (score, address) in scored {
            by_id.insert(ids.id(address)?, score);
        }
        for c in candidates {
            c.article_score = by_id.get(&c.id).copied().unwrap_or(0.0);
        }
        Ok(())
    }

    /// Finds every matching passage of the candidates, best first.
    fn fill_passages(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        candidates: &mut [Candidate],
        ids: &mut IdReader,
    ) -> Result<()> {
        if candidates.is_empty() {
            return Ok(());
        }
        let stats = KindStatistics::new(searcher, self.fields.kind, KIND_PASSAGE)?;
        let scored = searcher.search_with_statistics_provider(
            &self.restricted(query, candidates),
            &AllScored,
            &stats,
        )?;
        let mut by_id: HashMap<String, Vec<(f32, DocAddress)>> = HashMap::new();
        for (score, address) in scored {
            by_id
                .entry(ids.id(address)?)
                .or_default()
                .push((score, address));
        }
        for c in candidates {
            if let Some(mut passages) = by_id.remove(&c.id) {
                passages.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
                c.passages = passages;
            }
        }
        Ok(())
    }

    /// Ranks passages on their own.
    fn search_passages(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        request: &SearchRequest,
    ) -> Result<(usize, Vec<Hit>)> {
        let stats = KindStatistics::new(searcher, self.fields.kind, KIND_PASSAGE)?;
        let limit = (request.offset + request.limit).max(1);
        let (top, total): (Vec<(f32, DocAddress)>, usize) = match request.sort {
            SortOrder::Relevance => searcher.search_with_statistics_provider(
                query,
                &(TopDocs::with_limit(limit).order_by_score(), Count),
                &stats,
            )?,
            SortOrder::Date => {
                let (top, total) = searcher.search(
                    query,
                    &(
                        TopDocs::with_limit(limit)
                            .order_by_fast_field::<DateTime>("published", Order::Desc),
                        Count,
                    ),
                )?;
                (top.into_iter().map(|(_, a)| (0.0, a)).collect(), total)
            }
        };
        let terms = highlight::query_terms(query, self.fields.text);
        let mut ids = IdReader::new(searcher);
        let mut hits = Vec::new();
        for (score, address) in top.into_iter().skip(request.offset) {
            let id = ids.id(address)?;
            if !request.load_documents {
                hits.push(bare_hit(id, score));
                continue;
            }
            let mut hit = self.article_header(searcher, &id, score)?;
            hit.passages
                .push(self.passage_hit(searcher, address, &terms)?);
            hits.push(hit);
        }
        Ok((total, hits))
    }

    /// Loads an article hit: its metadata and its best passages, highlighted.
    fn article_hit(
        &self,
        searcher: &Searcher,
        candidate: &Candidate,
        terms: &HashSet<String>,
        request: &SearchRequest,
    ) -> Result<Hit> {
        let doc: TantivyDocument = searcher.doc(candidate.address)?;
        let mut hit = self.hit_from_article(&doc, candidate.id.clone(), candidate.score);
        for &(_, address) in candidate.passages.iter().take(request.passages_per_hit) {
            hit.passages
                .push(self.passage_hit(searcher, address, terms)?);
        }
        if hit.passages.is_empty()
            && let Some((first, _)) = self
                .passages_of(searcher, &candidate.id)?
                .into_iter()
                .next()
        {
            hit.passages.push(self.passage_hit(searcher, first, terms)?);
        }
        Ok(hit)
    }

    fn hit_from_article(&self, doc: &TantivyDocument, id: String, score: f32) -> Hit {
        let f = &self.fields;
        Hit {
            article_id: id,
            title: first_text(doc, f.title).unwrap_or_default(),
            published: doc
                .get_first(f.published)
                .and_then(|v| v.as_datetime())
                .and_then(timestamp),
            source: first_text(doc, f.source),
            url: first_text(doc, f.url),
            path: first_text(doc, f.path).unwrap_or_default(),
            score,
            passages: Vec::new(),
        }
    }

    /// An article's metadata, looked up by id.
    fn article_header(&self, searcher: &Searcher, id: &str, score: f32) -> Result<Hit> {
        Ok(match self.article_address(searcher, id)? {
            Some(address) => {
                let doc: TantivyDocument = searcher.doc(address)?;
                self.hit_from_article(&doc, id.to_string(), score)
            }
            None => bare_hit(id.to_string(), score),
        })
    }

    fn passage_hit(
        &self,
        searcher: &Searcher,
        address: DocAddress,
        terms: &HashSet<String>,
    ) -> Result<PassageHit> {
        let doc: TantivyDocument = searcher.doc(address)?;
        let f = &self.fields;
        let text = first_text(&doc, f.text).unwrap_or_default();
        Ok(PassageHit {
            index: first_u64(&doc, f.passage) as usize,
            start: first_u64(&doc, f.start) as usize,
            end: first_u64(&doc, f.end) as usize,
            highlights: highlight::highlight(&text, terms),
            text,
        })
    }
}

fn bare_hit(article_id: String, score: f32) -> Hit {
    Hit {
        article_id,
        title: String::new(),
        published: None,
        source: None,
        url: None,
        path: String::new(),
        score,
        passages: Vec::new(),
    }
}
