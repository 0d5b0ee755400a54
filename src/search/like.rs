//! "More like this": an article's key words as a query, as Lucene's `MoreLikeThis` builds one.
//!
//! The article's title and body are analysed as the index analysed them; each term is weighed by
//! its frequency in the article (a title word counts twice) times its BM25 inverse document
//! frequency. The [`MAX_LIKE_WORDS`] best terms found in at least one other article but not in
//! most (`the`, `said` tell no article apart), and only those the article repeats when it repeats
//! that many, become a plain-word query, each written as it first appears in the article, of which
//! an article must hold 30%; the article itself is left out of the results. The query then runs
//! as any other, with the request's filters, ranking and passages.

use super::lookup::first_text;
use super::request::{QuerySyntax, SearchRequest};
use crate::error::{Error, Result};
use crate::index::Index;
use std::borrow::Cow;
use std::collections::HashMap;
use tantivy::{Searcher, TantivyDocument, Term};

/// The most words a "like" query holds (Lucene's `MoreLikeThis` default).
pub const MAX_LIKE_WORDS: usize = 25;

/// The share of the words, in percent, that an article must hold to be like the one asked about
/// (Elasticsearch's `more_like_this` default): any one of 25 words would match most of a
/// collection, which a ranking hides but a count, a date order or a timeline would not.
const MIN_SHARE_MATCHED_PCT: usize = 30;

/// How many times a word of the title counts: a headline names what the story is about.
const TITLE_COUNT: u32 = 2;

/// One term of the article: how often it occurs and the word that first gave it.
struct TermCount {
    count: u32,
    word: String,
}

impl Index {
    /// The request itself, or, when it asks for articles like one (`like`), the request with that
    /// article's key words as its plain-word query and the article among the ids left out. An
    /// unknown id, or a query given with `like`, is a [`Error::BadRequest`].
    pub(crate) fn with_like_words<'r>(
        &self,
        searcher: &Searcher,
        request: &'r SearchRequest,
    ) -> Result<Cow<'r, SearchRequest>> {
        let Some(id) = request.like.as_deref() else {
            return Ok(Cow::Borrowed(request));
        };
        let query = request.query.trim();
        if !query.is_empty() && query != "*" {
            return Err(Error::BadRequest(format!(
                "a search for articles like {id:?} takes no query ({query:?}); narrow it with filters"
            )));
        }
        let Some(address) = self.article_address(searcher, id)? else {
            return Err(Error::BadRequest(format!("no article with id {id:?}")));
        };
        let doc: TantivyDocument = searcher.doc(address)?;
        let words = self.key_words(searcher, &doc, MAX_LIKE_WORDS)?;
        let mut resolved = request.clone();
        resolved.like = None;
        resolved.query = words.join(" ");
        resolved.syntax = QuerySyntax::Plain;
        resolved.minimum_should_match = (words.len() * MIN_SHARE_MATCHED_PCT / 100).max(1);
        resolved.exclude_ids.push(id.to_string());
        Ok(Cow::Owned(resolved))
    }

    /// An article document's key words, best first: at most `max` words whose terms occur in
    /// another article too but not in half of them, weighed by count in the article times inverse document frequency;
    /// only words it repeats when there are `max` of those.
    /// Only words of letters and digits with a letter among them are taken, so that each reads
    /// back to its term as a plain-word query.
    pub(crate) fn key_words(
        &self,
        searcher: &Searcher,
        doc: &TantivyDocument,
        max: usize,
    ) -> Result<Vec<String>> {
        let fields = &self.fields;
        let mut analyzer = self.index.tokenizer_for_field(fields.body)?;
        let mut terms: HashMap<String, TermCount> = HashMap::new();
        let texts = [
            (
                first_text(doc, fields.title).unwrap_or_default(),
                TITLE_COUNT,
            ),
            (first_text(doc, fields.body).unwrap_or_default(), 1),
        ];
        for (text, weight) in &texts {
            let mut stream = analyzer.token_stream(text);
            while let Some(token) = stream.next() {
                let word = &text[token.offset_from..token.offset_to];
                if !word.chars().all(char::is_alphanumeric)
                    || !word.chars().any(char::is_alphabetic)
                {
                    continue;
                }
                terms
                    .entry(token.text.clone())
                    .or_insert_with(|| TermCount {
                        count: 0,
                        word: word.to_lowercase(),
                    })
                    .count += weight;
            }
        }
        let articles = searcher.num_docs() as f64;
        let mut weighed = Vec::with_capacity(terms.len());
        for (term, TermCount { count, word }) in terms {
            let df = searcher.doc_freq(&Term::from_field_text(fields.body, &term))? as f64;
            if df < 2.0 || df * 2.0 > articles {
                // In this article alone (or its title alone), it finds nothing else; in most
                // articles (`the`, `said`), it tells none apart.
                continue;
            }
            let idf = (1.0 + (articles - df + 0.5) / (df + 0.5)).ln();
            weighed.push((f64::from(count) * idf, count, word));
        }
        // A long article has enough words it repeats: those it says once (an aside, a typo) are
        // left out then, as Lucene's `minTermFreq` of 2 does.
        if weighed.iter().filter(|&&(_, count, _)| count > 1).count() >= max {
            weighed.retain(|&(_, count, _)| count > 1);
        }
        weighed.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.2.cmp(&b.2)));
        Ok(weighed
            .into_iter()
            .take(max)
            .map(|(_, _, word)| word)
            .collect())
    }
}
