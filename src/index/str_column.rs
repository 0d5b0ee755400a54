//! Reading the terms of a string fast column (`id`, `file`, `entity_name`) in bulk.
//!
//! A column's dictionary is a compressed sstable: looking up one ordinal decompresses the block
//! that holds it with a new zstd context, which cost more than anything else where ordinals were
//! looked up one by one (loading the index state before an index run, counting entities). These
//! read each block once, in order.

use std::io;
use tantivy::columnar::StrColumn;

/// Every term of the column, by ordinal.
pub(crate) fn all_terms(column: &StrColumn) -> io::Result<Vec<String>> {
    let mut terms = Vec::with_capacity(column.num_terms());
    let mut stream = column.dictionary().stream()?;
    while stream.advance() {
        terms.push(String::from_utf8_lossy(stream.key()).into_owned());
    }
    Ok(terms)
}

/// The terms of `ords` (sorted, ascending), in that order.
pub(crate) fn terms_of(column: &StrColumn, ords: &[u64]) -> io::Result<Vec<String>> {
    let mut terms = Vec::with_capacity(ords.len());
    column.dictionary().sorted_ords_to_term_cb(ords, |bytes| {
        terms.push(String::from_utf8_lossy(bytes).into_owned());
    })?;
    Ok(terms)
}
