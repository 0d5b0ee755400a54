//! What each passage mentions, as fast-column values that passage filters read without loading
//! the article's stored document.
//!
//! An article document holds, besides its passages' stored records, one value for each entity a
//! passage mentions (`passage_entities`) and one for each calendar span of a date it mentions
//! (`passage_days`). A value carries its passage's index in the high [`PASSAGE_BITS`] bits and the
//! payload below: a 44-bit hash of the entity's name as filters match it (the untyped term the
//! article-level `entity` field indexes) and its type in 4 bits, or the span's first and last day
//! numbers in 24 bits each. Filtering the passages of every matching article (`lede search
//! --passages --entity …`) read each article's stored document before; these columns are read
//! in place.

use crate::analyze::annotate::{EntityName, entity_term};
use crate::analyze::entities::EntityKind;

/// Bits of a value that hold the passage's index: passages from this index on (65,536, past what
/// a 10 MB article gives) get no values, so a filter never passes them.
pub(crate) const PASSAGE_BITS: u32 = 16;

/// Bits below the passage index.
const PAYLOAD_BITS: u32 = 64 - PASSAGE_BITS;

/// Bits of a day number in a span value; day numbers are shifted by half their range to stay
/// positive, which covers every date (jiff's years −9999 to 9999 are ±4.4 million days).
const DAY_BITS: u32 = PAYLOAD_BITS / 2;
const DAY_SHIFT: i64 = 1 << (DAY_BITS - 1);
const DAY_MASK: u64 = (1 << DAY_BITS) - 1;

/// The passage index of a value.
pub(crate) fn passage_of(value: u64) -> usize {
    (value >> PAYLOAD_BITS) as usize
}

fn tagged(passage: usize, payload: u64) -> Option<u64> {
    (passage < 1 << PASSAGE_BITS).then_some((passage as u64) << PAYLOAD_BITS | payload)
}

/// Bits of an entity value's payload that hold its type (0: none, in a filter).
const KIND_BITS: u32 = 4;

/// The code of an entity type in a value.
fn kind_code(kind: EntityKind) -> u64 {
    match kind {
        EntityKind::Person => 1,
        EntityKind::Organization => 2,
        EntityKind::Location => 3,
        EntityKind::Misc => 4,
    }
}

/// The hash of an untyped entity term (`sam altman`) in a `passage_entities` value.
fn name_hash(untyped_term: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(untyped_term.as_bytes()) >> (PASSAGE_BITS + KIND_BITS)
}

/// An entity filter's term as `passage_entities` values match it: the same terms match as in
/// the article-level `entity` field, where an entity is indexed as its untyped term (`sam
/// altman`) and its typed one (`per:sam altman`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct EntityKey {
    /// The term as an untyped name.
    untyped: u64,
    /// The term as a typed one (`per:…`): the name's hash and the type.
    typed: Option<(u64, EntityKind)>,
}

impl EntityKey {
    /// The key of an entity filter term (see [`entity_term`]).
    pub(crate) fn new(term: &str) -> EntityKey {
        let typed = term.split_once(':').and_then(|(label, name)| {
            EntityKind::from_label(&label.to_uppercase()).map(|kind| (name_hash(name), kind))
        });
        EntityKey {
            untyped: name_hash(term),
            typed,
        }
    }

    /// Whether `value` (of `passage_entities`) is this entity in passage `passage`.
    pub(crate) fn is_in(&self, value: u64, passage: usize) -> bool {
        let payload = value & ((1 << PAYLOAD_BITS) - 1);
        let (hash, kind) = (payload >> KIND_BITS, payload & ((1 << KIND_BITS) - 1));
        passage_of(value) == passage
            && (hash == self.untyped
                || self
                    .typed
                    .is_some_and(|(typed, wanted)| hash == typed && kind == kind_code(wanted)))
    }
}

/// The `passage_entities` value of an entity a passage mentions; `None` for a passage past the
/// index limit.
pub(crate) fn entity_value(passage: usize, entity: &EntityName) -> Option<u64> {
    entity_value_of(
        passage,
        entity_payload(&entity_term(None, &entity.name), entity.kind),
    )
}

/// What an entity's `passage_entities` values hold besides the passage: the hash of its untyped
/// term (`sam altman`, see [`entity_term`]) and its type. Computed once an article's entity,
/// it gives the value of each passage mentioning it ([`entity_value_of`]).
pub(crate) fn entity_payload(untyped_term: &str, kind: EntityKind) -> u64 {
    name_hash(untyped_term) << KIND_BITS | kind_code(kind)
}

/// [`entity_value`] from the entity's [`entity_payload`].
pub(crate) fn entity_value_of(passage: usize, payload: u64) -> Option<u64> {
    tagged(passage, payload)
}

/// The `passage_days` value of a span of day numbers (inclusive) a passage mentions.
pub(crate) fn days_value(passage: usize, first: i64, last: i64) -> Option<u64> {
    let pack = |day: i64| (day + DAY_SHIFT).clamp(0, DAY_MASK as i64) as u64;
    tagged(passage, pack(first) << DAY_BITS | pack(last))
}

/// The inclusive span of day numbers of a `passage_days` value.
pub(crate) fn days_of(value: u64) -> (i64, i64) {
    let day = |bits: u64| (bits & DAY_MASK) as i64 - DAY_SHIFT;
    (day(value >> DAY_BITS), day(value))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::day_range::day_number;
    use jiff::civil::date;

    #[test]
    fn day_spans_round_trip_over_the_whole_calendar() {
        for (passage, first, last) in [
            (0, date(1987, 3, 1), date(1987, 3, 31)),
            (7, date(-9999, 1, 1), date(-9999, 1, 1)),
            (65_535, date(9999, 12, 31), date(9999, 12, 31)),
            (42, date(1969, 12, 31), date(1970, 1, 1)),
        ] {
            let (first, last) = (day_number(first), day_number(last));
            let value = days_value(passage, first, last).unwrap();
            assert_eq!(passage_of(value), passage);
            assert_eq!(days_of(value), (first, last));
        }
        assert_eq!(days_value(65_536, 0, 0), None);
    }

    #[test]
    fn entity_values_match_the_name_with_or_without_the_type_in_their_passage_only() {
        let altman = EntityName {
            kind: EntityKind::Person,
            name: "Sam Altman".into(),
        };
        let value = entity_value(3, &altman).unwrap();
        let key = |kind, name| EntityKey::new(&entity_term(kind, name));
        for key in [
            key(None, "sam  ALTMAN"),
            key(Some(EntityKind::Person), "Sam Altman"),
        ] {
            assert!(key.is_in(value, 3), "{key:?}");
            assert!(!key.is_in(value, 2), "{key:?}");
        }
        assert!(!key(Some(EntityKind::Organization), "Sam Altman").is_in(value, 3));
        assert!(!key(None, "Sam Altmann").is_in(value, 3));
        // As in the article-level field, an untyped name that reads as a typed term is one.
        assert!(key(None, "per:sam altman").is_in(value, 3));
        // A name with a colon in it is not taken for a type.
        let odd = EntityName {
            kind: EntityKind::Organization,
            name: "Foo:Bar".into(),
        };
        let value = entity_value(0, &odd).unwrap();
        assert!(key(None, "foo:bar").is_in(value, 0));
        assert!(key(Some(EntityKind::Organization), "foo:bar").is_in(value, 0));
        assert!(!key(Some(EntityKind::Person), "foo:bar").is_in(value, 0));
        assert_eq!(entity_value(1 << PASSAGE_BITS, &altman), None);
    }
}
