//! Document-level consistency after tagging: an untagged run of capitalised words that
//! spells (case-insensitively) a name tagged elsewhere in the same document gets that name's
//! kind. This mainly catches names in all-capitals headlines ("APPLE AND GOOGLE FACE EU
//! PROBE") that the body spells normally. And a short name that is part of a longer name of
//! another kind takes that kind ([`short_forms`]: `Moody` beside `Moody's Investors Service`).

use std::ops::Range;
use std::sync::OnceLock;

use super::canonical::DESIGNATORS;
use super::features::TokInfo;
use super::hash;
use super::lexicon::{HashKeyed, MAX_PHRASE, phrase_feed, word_key};
use super::recognizer::PERSON_TITLES;
use super::tags::{EntityKind, Span, Tag, spans_from_tags, tags_from_spans};

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
    // "Apple Inc." in the body also names "APPLE" in a headline.
    let designators = designator_keys();
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

/// The longest short form [`short_forms`] looks for, in words.
const SHORT_FORM_WORDS: usize = 2;

/// One sense per document for short names: a name of up to two words that is part of a longer
/// name of another kind in the same document, and of no longer name of its own kind there, takes
/// the longer name's kind when that makes another kind's name a person's (`CLINTON` beside
/// `Bill Clinton`) or a person's name a company's that it opens (`Moody` beside `Moody's
/// Investors Service Inc`, `Drexel` beside `Drexel Burnham Lambert`: the model read the word
/// alone as a surname), unless a title stands before it somewhere (`President Reagan` beside
/// the `Reagan Administration`). A company's name ending in a person's is more often the
/// model's error (ORG `U.S. Trade Representative Clayton Yeutter`) than a company's short form.
/// On CoNLL eng.testa: F1 0.9294 → 0.9331 (persons' names in companies' names anywhere
/// 0.9332, but `Yeutter` a company in 18 Reuters articles); making other kinds' names a
/// company's lost (0.9220 with places'), and so did giving each name written more than once
/// the kind most of its mentions have (0.9297; 0.9319 leaving headlines out).
pub(crate) fn short_forms(infos: &[TokInfo], sentences: &[Range<usize>], tags: &mut [Tag]) {
    let mut names: Vec<(usize, usize, EntityKind)> = Vec::new();
    for r in sentences {
        for s in spans_from_tags(&tags[r.clone()]) {
            names.push((r.start + s.start, r.start + s.end, s.kind));
        }
    }
    let has = |kind| names.iter().any(|n| n.2 == kind);
    if !has(EntityKind::Person) || names.len() < 2 {
        return;
    }
    let phrase = |start: usize, len: usize| {
        infos[start..start + len]
            .iter()
            .fold(hash::EMPTY, |h, t| phrase_feed(h, t.key))
    };
    // The short forms within each name (its runs of up to two words, when it is longer) by
    // the kinds of the names holding them; the last slot: opening a company's name.
    let mut within: HashKeyed<[bool; 5]> = HashKeyed::default();
    // Persons' names written after a title somewhere ("President Reagan"): persons, whatever
    // company (or "Reagan Administration") they open.
    let titles = title_keys();
    let titled: Vec<u64> = names
        .iter()
        .filter(|&&(start, end, kind)| {
            kind == EntityKind::Person
                && end - start <= SHORT_FORM_WORDS
                && start > 0
                && titles.contains(&infos[start - 1].key)
        })
        .map(|&(start, end, _)| phrase(start, end - start))
        .collect();
    for &(start, end, kind) in &names {
        for len in 1..=SHORT_FORM_WORDS.min(end - start - 1) {
            for at in start..=end - len {
                let kinds = within.entry(phrase(at, len)).or_default();
                kinds[kind.index()] = true;
                kinds[4] |= at == start && kind == EntityKind::Organization;
            }
        }
    }
    for &(start, end, kind) in &names {
        if end - start > SHORT_FORM_WORDS {
            continue;
        }
        let short = phrase(start, end - start);
        let Some(kinds) = within.get(&short) else {
            continue;
        };
        let (to, held) = match kind {
            EntityKind::Person => (
                EntityKind::Organization,
                kinds[4] && !titled.contains(&short),
            ),
            _ => (EntityKind::Person, kinds[EntityKind::Person.index()]),
        };
        if held && !kinds[kind.index()] {
            let span = Span {
                start: 0,
                end: end - start,
                kind: to,
            };
            tags[start..end].copy_from_slice(&tags_from_spans(end - start, &[span]));
        }
    }
}

/// The word keys of the corporate designators, with and without a full stop.
fn designator_keys() -> &'static [u64] {
    static KEYS: OnceLock<Vec<u64>> = OnceLock::new();
    KEYS.get_or_init(|| {
        DESIGNATORS
            .iter()
            .flat_map(|d| [word_key(d), word_key(&format!("{d}."))])
            .collect()
    })
}

/// The word keys of the titles written before a person's name.
fn title_keys() -> &'static [u64] {
    static KEYS: OnceLock<Vec<u64>> = OnceLock::new();
    KEYS.get_or_init(|| PERSON_TITLES.iter().map(|t| word_key(t)).collect())
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

    /// Tags of a document of `tokens` with the given names (token ranges and kinds).
    fn tagged(tokens: &[&str], names: &[(usize, usize, EntityKind)]) -> Vec<Tag> {
        let spans: Vec<Span> = names
            .iter()
            .map(|&(start, end, kind)| Span { start, end, kind })
            .collect();
        tags_from_spans(tokens.len(), &spans)
    }

    fn short_forms_of(tokens: &[&str], names: &[(usize, usize, EntityKind)]) -> Vec<Span> {
        let whole = 0..tokens.len();
        let sentences = [whole];
        let mut ex = Extractor::default();
        ex.document(&Lexicon::default(), tokens, &sentences);
        let mut tags = tagged(tokens, names);
        short_forms(ex.infos(), &sentences, &mut tags);
        spans_from_tags(&tags)
    }

    #[test]
    fn short_names_take_the_kind_of_the_long_name_they_are_part_of() {
        use EntityKind::*;
        let kinds = |spans: Vec<Span>| spans.iter().map(|s| s.kind).collect::<Vec<_>>();
        // A company's leading word read as a surname; a person's surname read as a place.
        let tokens = [
            "Moody",
            "'s",
            "Investors",
            "Service",
            "said",
            "Moody",
            "saw",
            "Bill",
            "Clinton",
            "in",
            "CLINTON",
        ];
        let names = [
            (0, 4, Organization),
            (5, 6, Person),
            (7, 9, Person),
            (10, 11, Location),
        ];
        assert_eq!(
            kinds(short_forms_of(&tokens, &names)),
            [Organization, Organization, Person, Person]
        );
        // Not when a person's name holds it too, nor after a title, nor at a company's end.
        for (tokens, names) in [
            (
                &[
                    "Ford", "Motor", "hired", "Henry", "Ford", "and", "Ford", "left",
                ][..],
                &[(0, 2, Organization), (3, 5, Person), (6, 7, Person)][..],
            ),
            (
                &[
                    "the",
                    "Reagan",
                    "Administration",
                    "and",
                    "President",
                    "Reagan",
                    "met",
                ][..],
                &[(1, 3, Organization), (5, 6, Person)][..],
            ),
            (
                &["Usines", "Renault", "and", "Renault", "met"][..],
                &[(0, 2, Organization), (3, 4, Person)][..],
            ),
        ] {
            assert_eq!(
                short_forms_of(tokens, names),
                spans_from_tags(&tagged(tokens, names)),
                "{tokens:?}"
            );
        }
    }
}
