//! What the index keeps of each passage, inside its article's document.
//!
//! An article's passages are not documents of their own: the article document holds their body
//! token spans in a fast column (`passage_spans`, what scoring reads) and one stored record each
//! (`passages`, what display reads): the byte range, the entities and the dates it mentions.
//! Passage filters read what each passage mentions from fast columns instead (see
//! [`super::passage_tags`]).

use serde::{Deserialize, Serialize};

/// One passage's stored record.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct PassageRecord {
    /// First byte in the body.
    pub start: usize,
    /// One past the last byte in the body.
    pub end: usize,
    /// The entities it mentions, as keys (`PER:Sam Altman`), in order of first mention.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entities: Vec<String>,
    /// TIMEX3 values of the dates it mentions, in text order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dates: Vec<String>,
}

impl PassageRecord {
    /// The record as stored: one line of JSON.
    pub fn to_stored(&self) -> String {
        serde_json::to_string(self).expect("passage records serialise")
    }

    /// A stored record; `None` for text that is not one (only a corrupt index has such).
    pub fn from_stored(text: &str) -> Option<PassageRecord> {
        serde_json::from_str(text).ok()
    }
}

/// Packs a passage's body token span `[first, end)` into one fast-column value.
pub(crate) fn pack_span(first: u32, end: u32) -> u64 {
    u64::from(first) << 32 | u64::from(end)
}

/// The body token span `first..end` of a packed value.
pub(crate) fn unpack_span(value: u64) -> std::ops::Range<u32> {
    (value >> 32) as u32..value as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_and_spans_round_trip() {
        let record = PassageRecord {
            start: 10,
            end: 420,
            entities: vec!["PER:Sam Altman".into(), "ORG:Anthropic".into()],
            dates: vec!["2026-02-28".into()],
        };
        let stored = record.to_stored();
        assert_eq!(PassageRecord::from_stored(&stored), Some(record));
        let bare = PassageRecord {
            start: 0,
            end: 5,
            ..PassageRecord::default()
        };
        assert_eq!(bare.to_stored(), r#"{"start":0,"end":5}"#);
        assert_eq!(PassageRecord::from_stored("not json"), None);
        assert_eq!(unpack_span(pack_span(7, 4_000_000_000)), 7..4_000_000_000);
    }
}
