//! Document-level consistency after tagging: an untagged run of capitalised words that
//! spells (case-insensitively) a name tagged elsewhere in the same document gets that name's
//! kind. This mainly catches names in all-capitals headlines ("APPLE AND GOOGLE FACE EU
//! PROBE") that the body spells normally.

use std::ops::Range;

use super::features::TokInfo;
use super::hash;
use super::lexicon::{HashKeyed, MAX_PHRASE, phrase_feed, word_key};
use super::tags::{EntityKind, Span, Tag, spans_from_tags, tags_from_spans};

/// Corporate designators: "Apple Inc." in the body also names "APPLE" in a headline.
const DESIGNATORS: &[&str] = &[
    "inc", "inc.", "corp", "corp.", "co", "co.", "ltd", "ltd.", "plc", "ag", "sa", "group",
];

/// In all-capitals sentences (headlines), an untagged run of capitalised words that spells
/// a name tagged in the body (case-insensitively) becomes an entity of that name's kind.
/// Besides the body's names as written, a person's surname and a company's name without
/// its designator count. (On CoNLL eng.testa, applying it to every sentence gained nothing
/// more, and also re-typing headline entities to the body's kind lost 0.0007 F1.)
pub(crate) fn propagate(infos: &[TokInfo], sentences: &[Range<usize>], tags: &mut [Tag]) {
    let caps = |r: &Range<usize>| infos.get(r.start).is_some_and(|t| t.in_caps_sentence());
    if !sentences.iter().any(caps) {
        return;
    }
    // The body's names by phrase hash: counts per kind.
    let mut names: HashKeyed<[u16; 4]> = HashKeyed::default();
    let mut add = |keys: &[u64], kind: EntityKind| {
        if !keys.is_empty() && keys.len() <= MAX_PHRASE {
            let h = keys.iter().fold(hash::EMPTY, |h, &k| phrase_feed(h, k));
            names.entry(h).or_default()[kind.index()] += 1;
        }
    };
    let designators: Vec<u64> = DESIGNATORS.iter().map(|d| word_key(d)).collect();
    let mut keys = Vec::new();
    for r in sentences.iter().filter(|r| !caps(r)) {
        for s in spans_from_tags(&tags[r.clone()]) {
            keys.clear();
            keys.extend((r.start + s.start..r.start + s.end).map(|i| infos[i].key));
            add(&keys, s.kind);
            match s.kind {
                EntityKind::Person if keys.len() > 1 => add(&keys[keys.len() - 1..], s.kind),
                EntityKind::Organization
                    if keys.len() > 1 && keys.last().is_some_and(|k| designators.contains(k)) =>
                {
                    add(&keys[..keys.len() - 1], s.kind)
                }
                _ => {}
            }
        }
    }
    if names.is_empty() {
        return;
    }
    for r in sentences.iter().filter(|r| caps(r)) {
        let mut found = spans_from_tags(&tags[r.clone()]);
        let mut changed = false;
        let mut i = r.start;
        while i < r.end {
            let mut h = hash::EMPTY;
            let mut best = None;
            for len in 1..=MAX_PHRASE.min(r.end - i) {
                if !infos[i + len - 1].capitalised() {
                    break;
                }
                h = phrase_feed(h, infos[i + len - 1].key);
                if let Some(counts) = names.get(&h) {
                    let k = (0..4).max_by_key(|&k| (counts[k], 4 - k)).unwrap_or(0);
                    best = Some((len, EntityKind::ALL[k]));
                }
            }
            let Some((len, kind)) = best else {
                i += 1;
                continue;
            };
            let (start, end) = (i - r.start, i - r.start + len);
            if !found.iter().any(|s| s.start < end && start < s.end) {
                found.push(Span { start, end, kind });
                changed = true;
            }
            i += len;
        }
        if changed {
            found.sort_by_key(|s| s.start);
            let new = tags_from_spans(r.len(), &found);
            tags[r.clone()].copy_from_slice(&new);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::entities::features::Extractor;
    use crate::analyze::entities::lexicon::Lexicon;
    use crate::analyze::entities::tags::Part;

    #[test]
    fn headline_names_take_the_kind_found_in_the_body() {
        let tokens = [
            "APPLE", "AND", "GOOGLE", "SUED", "Apple", "Inc", "and", "Google", "were",
        ];
        let sentences = [0..4, 4..9];
        let mut ex = Extractor::default();
        ex.document(&Lexicon::default(), &tokens, &sentences);
        let org = Tag::new(EntityKind::Organization, Part::Single);
        let loc = Tag::new(EntityKind::Location, Part::Single);
        let mut tags = vec![Tag::O; 9];
        tags[2] = loc;
        tags[4] = Tag::new(EntityKind::Organization, Part::Begin);
        tags[5] = Tag::new(EntityKind::Organization, Part::End);
        tags[7] = org;
        propagate(ex.infos(), &sentences, &mut tags);
        assert_eq!(tags[0], org, "company without its designator");
        assert_eq!(tags[2], loc, "the model's own entities stay");
        assert_eq!(tags[1], Tag::O);
        assert_eq!(tags[3], Tag::O);
        // Body sentences are left alone.
        let mut tags = vec![Tag::O; 9];
        tags[0] = org;
        propagate(ex.infos(), &sentences, &mut tags);
        assert_eq!(tags[4], Tag::O);
    }
}
