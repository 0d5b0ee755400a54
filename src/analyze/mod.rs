//! Analysis: sentences, passages, entities and dates of an article's text.

pub mod annotate;
pub mod ascii_fold;
pub mod dates;
pub mod entities;
pub mod lead;
pub mod passages;
pub mod sentences;
pub mod token_spans;
