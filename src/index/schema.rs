//! The index schema: one document an article (title and whole body), which also holds its passages:
//! their body token spans in a fast column and a stored record each (see
//! `passage_record`). Fields are looked up once into [`Fields`].
//!
//! The schema has a version, stored in every commit's payload; an index of another version is
//! refused with a message to rebuild it.

use super::english_tokenizer::EnglishTokenizer;
use tantivy::schema::{
    DateOptions, DateTimePrecision, FAST, Field, IndexRecordOption, STORED, STRING, Schema,
    TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{LowerCaser, RawTokenizer, TextAnalyzer};

/// The version of the schema this build reads and writes. Bump it on any change to fields or
/// analyzers; older indexes then ask to be rebuilt. 14: `author_name`, for facets (the byline
/// whole; each writer it names since analysis 8). 15: `published` is a fast column and stored,
/// no longer indexed as terms.
pub const SCHEMA_VERSION: u32 = 15;

/// The English analyzer: words split on non-alphanumerics, lower-cased, stemmed.
pub const ENGLISH: &str = "lede_en";
/// Whole values lower-cased (sources, tags, bylines whole).
pub const KEYWORD: &str = "lede_keyword";

/// Handles to every field of the schema.
#[derive(Debug, Clone)]
pub struct Fields {
    /// The article id.
    pub id: Field,
    /// Headline.
    pub title: Field,
    /// Whole body.
    pub body: Field,
    /// The body token positions each passage spans, packed by
    /// `passage_record::pack_span`, in passage order (fast, one value a passage): a
    /// passage is scored from its article's body postings at those positions.
    pub passage_spans: Field,
    /// One stored `passage_record::PassageRecord` a passage, in order: its byte range,
    /// entities and dates.
    pub passages: Field,
    /// The entity filter terms each passage mentions, tagged with the passage's index (fast;
    /// see `passage_tags`): what passage filters by entity read.
    pub passage_entities: Field,
    /// The calendar spans of the dates each passage mentions, tagged with the passage's index
    /// (fast; see `passage_tags`): what passage filters by mentioned period read.
    pub passage_days: Field,
    /// How many of the body's tokens its lead spans (fast): the lead's terms are those
    /// the body holds at a position below it.
    pub lead_tokens: Field,
    /// How news-like the article is, from 0 to 1: how much a lead match counts (fast).
    pub newsiness: Field,
    /// Publication time (for filters and sorting).
    pub published: Field,
    /// Publisher.
    pub source: Field,
    /// Byline.
    pub author: Field,
    /// Each writer the byline names, lower-cased (indexed only): what facets by author count.
    pub author_name: Field,
    /// Address.
    pub url: Field,
    /// Path relative to the corpus root, as shown to users.
    pub path: Field,
    /// Canonical absolute path of the source file, for incremental updates (a fast column only:
    /// the state of a run reads it whole, nothing looks a file up by term).
    pub file: Field,
    /// Tags.
    pub tags: Field,
    /// Content hash of the article.
    pub hash: Field,
    /// Size and modification stamp of the source file when indexed.
    pub stamp: Field,
    /// Where the publication date came from: metadata, dateline, text, filename or none.
    pub date_source: Field,
    /// Entity filter terms, lower-cased, with their type (`per:sam altman`): the article's
    /// entity set. A filter without a type looks its name up under each type.
    pub entity: Field,
    /// Entities as shown and counted, `PER:Sam Altman` (stored; fast for counting), most
    /// mentioned first.
    pub entity_name: Field,
    /// Calendar spans of the dates mentioned, packed by [`super::day_range`] (fast).
    pub mention: Field,
}

fn text_options(tokenizer: &str, stored: bool) -> TextOptions {
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(tokenizer)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let options = TextOptions::default().set_indexing_options(indexing);
    if stored {
        options.set_stored()
    } else {
        options
    }
}

/// Whole values lower-cased, indexed only, without positions or norms: terms to filter and
/// count by.
fn whole_terms() -> TextOptions {
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(KEYWORD)
        .set_index_option(IndexRecordOption::Basic)
        .set_fieldnorms(false);
    TextOptions::default().set_indexing_options(indexing)
}

/// Builds the schema.
pub fn build_schema() -> Schema {
    let mut builder = Schema::builder();
    builder.add_text_field("id", STRING | STORED | FAST);
    builder.add_text_field("title", text_options(ENGLISH, true));
    builder.add_text_field("body", text_options(ENGLISH, true));
    // Passages are not documents: their text is the body's, scored from the body's postings at
    // their token spans, and the rest is a stored record each.
    builder.add_u64_field("passage_spans", FAST);
    builder.add_text_field("passages", STORED);
    builder.add_u64_field("passage_entities", FAST);
    builder.add_u64_field("passage_days", FAST);
    builder.add_u64_field("lead_tokens", FAST);
    builder.add_f64_field("newsiness", FAST);
    // Not indexed: every filter by publication time is a range, which tantivy reads from the
    // fast column; its terms (nearly one an article) cost about 2% of bare indexing.
    let date = DateOptions::default()
        .set_stored()
        .set_fast()
        .set_precision(DateTimePrecision::Seconds);
    builder.add_date_field("published", date);
    builder.add_text_field("source", text_options(KEYWORD, true));
    builder.add_text_field("author", text_options(ENGLISH, true));
    builder.add_text_field("author_name", whole_terms());
    builder.add_text_field("url", STORED);
    builder.add_text_field("path", STORED);
    builder.add_text_field("file", TextOptions::default().set_fast("raw"));
    builder.add_text_field("tags", text_options(KEYWORD, true));
    builder.add_u64_field("hash", FAST);
    builder.add_u64_field("stamp", FAST);
    builder.add_text_field("date_source", STRING | STORED);
    builder.add_text_field("entity", whole_terms());
    builder.add_text_field(
        "entity_name",
        TextOptions::default().set_stored().set_fast("raw"),
    );
    builder.add_u64_field("mention", FAST);
    builder.build()
}

impl Fields {
    /// Looks up the fields in a schema; fails when one is missing (an index of another layout).
    pub fn new(schema: &Schema) -> tantivy::Result<Fields> {
        let f = |name: &str| schema.get_field(name);
        Ok(Fields {
            id: f("id")?,
            title: f("title")?,
            body: f("body")?,
            passage_spans: f("passage_spans")?,
            passages: f("passages")?,
            passage_entities: f("passage_entities")?,
            passage_days: f("passage_days")?,
            lead_tokens: f("lead_tokens")?,
            newsiness: f("newsiness")?,
            published: f("published")?,
            source: f("source")?,
            author: f("author")?,
            author_name: f("author_name")?,
            url: f("url")?,
            path: f("path")?,
            file: f("file")?,
            tags: f("tags")?,
            hash: f("hash")?,
            stamp: f("stamp")?,
            date_source: f("date_source")?,
            entity: f("entity")?,
            entity_name: f("entity_name")?,
            mention: f("mention")?,
        })
    }
}

/// The English analyzer used for indexing and for queries.
pub fn english_analyzer() -> TextAnalyzer {
    TextAnalyzer::from(EnglishTokenizer::default())
}

/// Registers lede's analyzers on an index; tantivy needs this on every open.
pub fn register_analyzers(index: &tantivy::Index) {
    let tokenizers = index.tokenizers();
    tokenizers.register(ENGLISH, english_analyzer());
    tokenizers.register(
        KEYWORD,
        TextAnalyzer::builder(RawTokenizer::default())
            .filter(LowerCaser)
            .build(),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_resolves() {
        let schema = build_schema();
        let fields = Fields::new(&schema).unwrap();
        assert_eq!(schema.get_field_name(fields.passage_spans), "passage_spans");
        assert_eq!(schema.get_field_name(fields.stamp), "stamp");
    }

    #[test]
    fn the_english_analyzer_stems_and_lowercases() {
        let mut analyzer = english_analyzer();
        let mut stream = analyzer.token_stream("Supply-chain Risks designated");
        let mut terms = Vec::new();
        while let Some(token) = stream.next() {
            terms.push(token.text.clone());
        }
        assert_eq!(terms, ["suppli", "chain", "risk", "design"]);
    }
}
