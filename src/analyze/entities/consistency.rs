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
///
/// Such a run also mends the model's names it overlaps, which capitals leave it guessing
/// at: a name that holds the run and a headline's verbs is cut to the run
/// (`OPEC WANTS` to `OPEC`, `NOMINATES GREENSPAN` to `GREENSPAN`), and names inside a longer
/// run become the run (`FINANCIAL CORP` in `GOLDEN WEST FINANCIAL CORP`). A name that
/// holds other words is the model's and stays.
pub(crate) fn propagate<S: AsRef<str>>(
    words: &[S],
    infos: &[TokInfo],
    sentences: &[Range<usize>],
    tags: &mut [Tag],
) {
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
        let runs = body_name_runs(infos, r.clone(), &names);
        if runs.is_empty() {
            continue;
        }
        let found = spans_from_tags(&tags[r.clone()]);
        let mended = mend_with_runs(&words[r.clone()], &infos[r.clone()], &found, &runs);
        if mended != found {
            let new = tags_from_spans(r.len(), &mended);
            tags[r.clone()].copy_from_slice(&new);
        }
    }
}

/// The runs of capitalised words of the sentence `r` that spell a name of `names`, the longest
/// at each word from the left, as spans within the sentence with the kind the name has most.
fn body_name_runs(infos: &[TokInfo], r: Range<usize>, names: &HashKeyed<[u16; 4]>) -> Vec<Span> {
    let mut runs = Vec::new();
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
        let start = i - r.start;
        runs.push(Span {
            start,
            end: start + len,
            kind,
        });
        i += len;
    }
    runs
}

/// The model's names `found` in a sentence of capitals (`words`, `infos`) mended by the `runs`
/// that spell the body's names (see [`propagate`]), in order.
fn mend_with_runs<S: AsRef<str>>(
    words: &[S],
    infos: &[TokInfo],
    found: &[Span],
    runs: &[Span],
) -> Vec<Span> {
    let overlap = |a: &Span, b: &Span| a.start < b.end && b.start < a.end;
    let in_run = |i: usize| runs.iter().any(|run| run.start <= i && i < run.end);
    // A name the runs replace: one inside a longer run, or one that holds a run and a
    // headline's verbs, nothing else. A name the runs cover in pieces (`ROBERTO DURAN`, the body
    // naming `Duran` alone) stays.
    let yields = |name: &Span| {
        let verb =
            |i: usize| !in_run(i) && headline_verb(words[i].as_ref(), infos[i].mostly_lower_case());
        let inside_a_run = runs
            .iter()
            .any(|run| run.start <= name.start && name.end <= run.end);
        inside_a_run
            || (runs.iter().any(|run| overlap(run, name))
                && (name.start..name.end).any(verb)
                && (name.start..name.end).all(|i| in_run(i) || verb(i)))
    };
    let mut mended: Vec<Span> = Vec::with_capacity(found.len() + runs.len());
    for name in found {
        let kept = !yields(name)
            || runs
                .iter()
                .any(|run| run.start == name.start && run.end == name.end);
        if kept {
            mended.push(*name);
        }
    }
    for run in runs {
        if !mended.iter().any(|name| overlap(name, run)) {
            mended.push(*run);
        }
    }
    mended.sort_by_key(|s| s.start);
    mended
}

/// Whether a word in capitals reads as a headline's verb: one news writes in lower case
/// (`lexicon::WordInfo::mostly_lower_case`), ending in a single `S` (`WANTS`, `ISSUES`,
/// `NOMINATES`). Nouns in names end otherwise more often than not (`U.S. OPEN`, `JAKARTA POST`,
/// `AMERICAN EXPRESS`); on CoNLL eng.testa, cutting names at any word written in lower case lost
/// three headline names for three gained.
pub(crate) fn headline_verb(word: &str, mostly_lower_case: bool) -> bool {
    mostly_lower_case
        && word.len() > 2
        && word.ends_with(['S', 's'])
        && !word.ends_with("SS")
        && !word.ends_with("ss")
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
        propagate(&tokens, ex.infos(), &sentences, &mut tags);
        assert_eq!(tags[0], org, "company without its designator");
        assert_eq!(tags[2], loc, "the model's own entities stay");
        assert_eq!(tags[1], Tag::O);
        assert_eq!(tags[3], Tag::O);
        // Body sentences are left alone.
        let mut tags = vec![Tag::O; 9];
        tags[0] = org;
        propagate(&tokens, ex.infos(), &sentences, &mut tags);
        assert_eq!(tags[4], Tag::O);
    }

    /// The names the shipped model finds in `text`, with their kinds.
    fn names_in(text: &str) -> Vec<(String, EntityKind)> {
        crate::analyze::entities::Recognizer::global()
            .extract(text)
            .into_iter()
            .map(|e| (e.text, e.kind))
            .collect()
    }

    #[test]
    fn a_headline_name_is_cut_at_a_verb_to_the_body_name_it_holds() {
        let names = names_in(
            "OPEC WANTS 18 DLR OIL PRICE - OAPEC OFFICIAL\n\nBRUSSELS, March 17 - OPEC \
             believes world oil prices should be set around a fixed average price of 18 dlrs a \
             barrel, OAPEC Assistant General Secretary Abdelaziz Al-Wattari said today.",
        );
        let headline: Vec<&(String, EntityKind)> = names
            .iter()
            .filter(|(text, _)| text.chars().all(|c| !c.is_lowercase()))
            .collect();
        assert!(
            headline
                .iter()
                .any(|(text, kind)| text == "OPEC" && *kind == EntityKind::Organization),
            "{names:?}"
        );
        assert!(
            !headline.iter().any(|(text, _)| text.contains("WANTS")),
            "{names:?}"
        );
    }

    #[test]
    fn mending_headline_names_keeps_what_the_runs_do_not_explain() {
        use EntityKind::*;
        let tokens = [
            "ROBERTO", "DURAN", "WANTS", "TITLE", "Duran", "said", "Roberto", "came",
        ];
        let sentences = [0..4, 4..8];
        let mut ex = Extractor::default();
        ex.document(&Lexicon::default(), &tokens, &sentences);
        let run = |start, end, kind| Span { start, end, kind };
        // The body names `Duran` and `Roberto` apart: the headline's `ROBERTO DURAN` stays
        // whole, and without a lexicon no word reads as a verb.
        let found = [run(0, 2, Person), run(2, 3, Organization)];
        let runs = [run(0, 1, Person), run(1, 2, Person)];
        assert_eq!(
            mend_with_runs(&tokens[0..4], &ex.infos()[0..4], &found, &runs),
            found
        );
        // A name inside a longer run is the run.
        let runs = [run(0, 3, Organization)];
        assert_eq!(
            mend_with_runs(&tokens[0..4], &ex.infos()[0..4], &found[..1], &runs),
            runs
        );
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
