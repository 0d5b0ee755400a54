//! BM25 statistics for one kind of document. Articles and passages share an index but not their
//! fields; tantivy's default statistics count every document, which would shrink the average field
//! length and skew the scores of both. This provider counts only documents of one kind.

use tantivy::query::Bm25StatisticsProvider;
use tantivy::schema::Field;
use tantivy::{Searcher, Term};

/// BM25 statistics restricted to `num_docs` documents of one kind.
pub(crate) struct KindStatistics<'a> {
    searcher: &'a Searcher,
    num_docs: u64,
}

impl<'a> KindStatistics<'a> {
    /// Statistics over the documents whose `kind_field` holds `kind`.
    pub fn new(searcher: &'a Searcher, kind_field: Field, kind: &str) -> tantivy::Result<Self> {
        let num_docs = searcher.doc_freq(&Term::from_field_text(kind_field, kind))?;
        Ok(KindStatistics { searcher, num_docs })
    }
}

impl Bm25StatisticsProvider for KindStatistics<'_> {
    fn total_num_tokens(&self, field: Field) -> tantivy::Result<u64> {
        self.searcher.total_num_tokens(field)
    }

    fn total_num_docs(&self) -> tantivy::Result<u64> {
        Ok(self.num_docs.max(1))
    }

    /// The documents holding `term`, at most the documents of the kind: fields that both kinds
    /// share (`id`, `entity`) count documents of the other kind too, and BM25 requires the
    /// frequency not to exceed the total.
    fn doc_freq(&self, term: &Term) -> tantivy::Result<u64> {
        Ok(self.searcher.doc_freq(term)?.min(self.num_docs.max(1)))
    }
}
