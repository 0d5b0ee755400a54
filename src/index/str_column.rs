//! Reading the terms of a string fast column (`id`, `file`, `entity_name`) in bulk.
//!
//! A column's dictionary is a compressed sstable: looking up one ordinal decompresses the block
//! that holds it with a new zstd context, which cost more than anything else where ordinals were
//! looked up one by one (loading the index state before an index run, counting entities). These
//! read each block once, in order.

use std::io;
use tantivy::columnar::StrColumn;

/// Every term of a column, by ordinal, in one buffer: a million ids are one allocation, not a
/// million (as `Vec<String>` they took 70 ms to load, most of it in the allocator).
#[derive(Debug, Default)]
pub(crate) struct Terms {
    text: String,
    /// Where each term ends in `text`; term `i` starts where term `i - 1` ends.
    ends: Vec<usize>,
}

impl Terms {
    /// The term of an ordinal.
    pub fn get(&self, ord: u64) -> Option<&str> {
        let ord = usize::try_from(ord).ok()?;
        let end = *self.ends.get(ord)?;
        let start = if ord == 0 { 0 } else { self.ends[ord - 1] };
        Some(&self.text[start..end])
    }
}

/// Every term of the column, by ordinal.
pub(crate) fn all_terms(column: &StrColumn) -> io::Result<Terms> {
    let mut terms = Terms {
        text: String::new(),
        ends: Vec::with_capacity(column.num_terms()),
    };
    let mut stream = column.dictionary().stream()?;
    while stream.advance() {
        match std::str::from_utf8(stream.key()) {
            Ok(term) => terms.text.push_str(term),
            Err(_) => terms.text.push_str(&String::from_utf8_lossy(stream.key())),
        }
        terms.ends.push(terms.text.len());
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
