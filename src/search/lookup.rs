//! Looking up one article by id: its metadata, body and passages, for `lede show` and for the
//! stored fields of hits.

use super::passage_scores::passage_records;
use crate::analyze::annotate::EntityName;
use crate::article::Article;
use crate::error::Result;
use crate::index::Index;
use serde::{Deserialize, Serialize};
use tantivy::collector::DocSetCollector;
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DocAddress, Searcher, TantivyDocument, Term};

/// A stored article with its passages, as `lede show` prints it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredArticle {
    /// The article as indexed (its `path` relative to its corpus root).
    pub article: Article,
    /// Its entities, most mentioned first.
    #[serde(default)]
    pub entities: Vec<EntityName>,
    /// Its passages, in order.
    pub passages: Vec<StoredPassage>,
}

/// One passage of a stored article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredPassage {
    /// Position among the article's passages, from 0.
    pub index: usize,
    /// First byte in the body.
    pub start: usize,
    /// One past the last byte in the body.
    pub end: usize,
    /// The text.
    pub text: String,
    /// The entities it mentions, in order of first mention.
    #[serde(default)]
    pub entities: Vec<EntityName>,
    /// TIMEX3 values of the dates it mentions, in text order.
    #[serde(default)]
    pub dates: Vec<String>,
}

pub(crate) fn first_text(doc: &TantivyDocument, field: tantivy::schema::Field) -> Option<String> {
    doc.get_first(field)
        .and_then(|v| v.as_str())
        .map(str::to_string)
}

pub(crate) fn all_texts(doc: &TantivyDocument, field: tantivy::schema::Field) -> Vec<String> {
    doc.get_all(field)
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect()
}

/// The entities stored in a document's `entity_name` field, in stored order.
pub(crate) fn entity_names(
    doc: &TantivyDocument,
    field: tantivy::schema::Field,
) -> Vec<EntityName> {
    doc.get_all(field)
        .filter_map(|v| v.as_str().and_then(EntityName::from_key))
        .collect()
}

/// The text of a passage: bytes `start..end` of the article body (empty if they do not fall on
/// character boundaries of it, which only a corrupt index could cause).
pub(crate) fn passage_text(body: &str, start: usize, end: usize) -> String {
    body.get(start..end).unwrap_or_default().to_string()
}

pub(crate) fn timestamp(date: tantivy::DateTime) -> Option<jiff::Timestamp> {
    jiff::Timestamp::from_second(date.into_timestamp_secs()).ok()
}

impl Index {
    /// The article document of an id.
    pub(crate) fn article_address(
        &self,
        searcher: &Searcher,
        id: &str,
    ) -> Result<Option<DocAddress>> {
        let query = TermQuery::new(
            Term::from_field_text(self.fields.id, id),
            IndexRecordOption::Basic,
        );
        Ok(searcher.search(&query, &DocSetCollector)?.into_iter().min())
    }

    /// An article document's passages, in order; their text is cut from `body`.
    pub(crate) fn passages_of(&self, doc: &TantivyDocument, body: &str) -> Vec<StoredPassage> {
        passage_records(doc, &self.fields)
            .into_iter()
            .enumerate()
            .map(|(index, record)| StoredPassage {
                index,
                start: record.start,
                end: record.end,
                text: passage_text(body, record.start, record.end),
                entities: record
                    .entities
                    .iter()
                    .filter_map(|key| EntityName::from_key(key))
                    .collect(),
                dates: record.dates,
            })
            .collect()
    }

    /// The article stored under `id`, with its passages; `None` when there is none.
    pub fn article(&self, id: &str) -> Result<Option<StoredArticle>> {
        let searcher = self.reader.searcher();
        let Some(address) = self.article_address(&searcher, id)? else {
            return Ok(None);
        };
        let doc: TantivyDocument = searcher.doc(address)?;
        let article = self.stored_article(&doc, id);
        let passages = self.passages_of(&doc, &article.body);
        Ok(Some(StoredArticle {
            article,
            entities: entity_names(&doc, self.fields.entity_name),
            passages,
        }))
    }

    /// The article an article document holds, as it was indexed.
    pub(crate) fn stored_article(&self, doc: &TantivyDocument, id: &str) -> Article {
        let f = &self.fields;
        Article {
            id: id.to_string(),
            title: first_text(doc, f.title).unwrap_or_default(),
            body: first_text(doc, f.body).unwrap_or_default(),
            published: doc
                .get_first(f.published)
                .and_then(|v| v.as_datetime())
                .and_then(timestamp),
            date_source: first_text(doc, f.date_source)
                .and_then(|label| crate::analyze::dates::DateSource::from_label(&label)),
            source: first_text(doc, f.source),
            author: first_text(doc, f.author),
            url: first_text(doc, f.url),
            tags: all_texts(doc, f.tags),
            path: first_text(doc, f.path).unwrap_or_default(),
            line: None,
        }
    }
}
