//! The [`Recognizer`]: loads the model once, tags token sequences and extracts entities
//! with byte spans and canonical names from raw text.

use std::cell::RefCell;
use std::ops::Range;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::EntitiesError;
use super::canonical::canonical_names;
use super::consistency::{headline_verb, propagate, short_forms};
use super::decoder::{Lanes, viterbi_lanes};
use super::features::Extractor;
use super::lexicon::{GAZ_LOC, GAZ_MISC, GAZ_PER, word_key};
use super::model::{Layer, Model, Row, Tokens};
use super::stacked::Stacker;
use super::tags::{EntityKind, NUM_TAGS, Tag, spans_from_tags};
use super::tokenize::{possessive, tokenize};
use super::words::WordCache;
use super::{
    acronyms, adverbs, affiliations, after_initials, brackets, capitals, clippings, common_words,
    companies, contractions, countries, crude_grades, firms, foreign_firms, fused_designators,
    holidays, indices, institutions, joined_places, landforms, month_points, names, nationalities,
    numerals, offices, particles, portfolios, provinces, ranks, ratings, slashes, states, tickers,
    wire_codes, wrapped_names,
};
use crate::analyze::ascii_fold::AsciiFolder;

/// The model shipped with lede, trained by `scripts/train-ner.sh`.
static MODEL_BYTES: &[u8] = include_bytes!("../../../models/ner.bin");

/// Gives `kind` to each of `entities` of another kind that `is` picks: the rules that know a
/// name's kind better than the model (a landform's name is a place's).
pub(crate) fn retype(entities: &mut [Entity], kind: EntityKind, is: impl Fn(&Entity) -> bool) {
    for entity in entities {
        if entity.kind != kind && is(entity) {
            entity.kind = kind;
        }
    }
}

/// A named entity found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Its type (`"type"` in JSON).
    #[serde(rename = "type")]
    pub kind: EntityKind,
    /// The text as written (`input[start..end]`).
    pub text: String,
    /// Byte offset of its first byte in the input.
    pub start: usize,
    /// Byte offset one past its last byte.
    pub end: usize,
    /// The name it refers to in this text: the fullest mention of it ("Altman" resolves to
    /// "Sam Altman"), with case, whitespace and possessives normalised.
    pub canonical: String,
}

#[cfg(test)]
impl Entity {
    /// The `nth` mention (from 0) of `name` in `text` as an entity of `kind`, its canonical
    /// name as written: what the rules after the model are tested on.
    pub(crate) fn nth_in(text: &str, kind: EntityKind, name: &str, nth: usize) -> Entity {
        let start = text.match_indices(name).nth(nth).expect("in the text").0;
        Entity {
            kind,
            text: name.to_string(),
            start,
            end: start + name.len(),
            canonical: name.to_string(),
        }
    }

    /// The canonical name and kind of each of `mentions` (the `nth_in` of `text` of each) once
    /// `resolve` has run over them, in order: a rule that resolves names across an article.
    pub(crate) fn resolved_by(
        text: &str,
        mentions: &[(EntityKind, &str, usize)],
        resolve: impl FnOnce(&mut Vec<Entity>),
    ) -> Vec<(String, EntityKind)> {
        let mut entities: Vec<Entity> = mentions
            .iter()
            .map(|&(kind, name, nth)| Entity::nth_in(text, kind, name, nth))
            .collect();
        resolve(&mut entities);
        entities
            .into_iter()
            .map(|e| (e.canonical, e.kind))
            .collect()
    }

    /// Runs `rule` over one entity for each of `names` (its kind before, its name, the kind it
    /// should have after) and checks each kind after: a rule that retypes names one by one.
    pub(crate) fn check_retyped(
        names: &[(EntityKind, &str, EntityKind)],
        rule: impl FnOnce(&mut [Entity]),
    ) {
        let mut entities: Vec<Entity> = names
            .iter()
            .map(|&(kind, name, _)| Entity::nth_in(name, kind, name, 0))
            .collect();
        rule(&mut entities);
        for (entity, &(_, name, kind)) in entities.iter().zip(names) {
            assert_eq!(entity.kind, kind, "{name}");
        }
    }

    /// The canonical name and kind of each of `entities`, in order.
    pub(crate) fn names_and_kinds(entities: &[Entity]) -> Vec<(&str, EntityKind)> {
        entities
            .iter()
            .map(|e| (e.canonical.as_str(), e.kind))
            .collect()
    }
}

/// Reusable buffers for tagging, one set per thread.
#[derive(Default)]
struct Scratch {
    extractor: Extractor,
    stacker: Stacker,
    emissions: Vec<i32>,
    second: Vec<i32>,
    back: Vec<u8>,
    path: Vec<Tag>,
    /// The model the caches below (and the extractor's words) belong to.
    model: u64,
    /// Summed own-spelling weights of each word of the extractor's cache, by id.
    rows: Vec<Row>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// A named-entity recogniser: a loaded model.
#[derive(Debug, Clone)]
pub struct Recognizer {
    model: Model,
}

impl Recognizer {
    /// The recogniser with the model shipped in lede, loaded on first use.
    ///
    /// Should the embedded model ever fail to load, this is a recogniser that finds nothing
    /// (and says so once on standard error), never a panic.
    pub fn global() -> &'static Recognizer {
        static GLOBAL: OnceLock<Recognizer> = OnceLock::new();
        GLOBAL.get_or_init(|| {
            Recognizer::from_bytes(MODEL_BYTES).unwrap_or_else(|err| {
                eprintln!("lede: {err}; entity recognition disabled");
                Recognizer {
                    model: Model {
                        layers: vec![Layer::with_capacity(0, vec![0; NUM_TAGS * NUM_TAGS])],
                        ..Model::default()
                    },
                }
            })
        })
    }

    /// A recogniser from model bytes (the format of `models/ner.bin`).
    pub fn from_bytes(bytes: &[u8]) -> Result<Recognizer, EntitiesError> {
        Ok(Recognizer {
            model: Model::from_bytes(bytes)?,
        })
    }

    #[cfg(feature = "train")]
    pub(crate) fn from_model(model: Model) -> Recognizer {
        Recognizer {
            model: model.finish(),
        }
    }

    /// Tags the tokens of one document given as `sentences` of `tokens`, returning one BIOES
    /// tag per token in order.
    pub(crate) fn tag_ranges<S: AsRef<str>>(
        &self,
        tokens: &[S],
        sentences: &[Range<usize>],
        out: &mut Vec<Tag>,
    ) {
        // The model learnt its words, shapes and gazetteers from text without diacritics: a
        // word with them is tagged as its ASCII letters read (`Zürich` as `Zurich`, a place,
        // not a person), as search matches it. The tags still fall on the tokens as written.
        if tokens.iter().any(|token| !token.as_ref().is_ascii()) {
            let mut folder = AsciiFolder::default();
            let folded: Vec<String> = tokens
                .iter()
                .map(|token| {
                    let mut word = token.as_ref().to_string();
                    folder.fold_in_place(&mut word);
                    word
                })
                .collect();
            return self.tag_folded(&folded, sentences, out);
        }
        self.tag_folded(tokens, sentences, out)
    }

    /// [`Recognizer::tag_ranges`] for tokens with no diacritics left to fold.
    fn tag_folded<S: AsRef<str>>(
        &self,
        tokens: &[S],
        sentences: &[Range<usize>],
        out: &mut Vec<Tag>,
    ) {
        out.clear();
        SCRATCH.with(|cell| {
            let mut guard = cell.borrow_mut();
            let s = &mut *guard;
            s.extractor.prune = true;
            let words = s.extractor.words.get_or_insert_with(WordCache::default);
            if s.model != self.model.id {
                words.clear();
                s.model = self.model.id;
            }
            s.extractor.document_with(
                &self.model.lexicon,
                Some(&self.model.direct),
                Some(&self.model.joint),
                tokens,
                sentences,
            );
            // Each word's own-spelling features are summed once, when first seen.
            if let Some(words) = &s.extractor.words {
                s.rows.truncate(words.first_new as usize);
                for w in words.offsets.windows(2) {
                    let row = self
                        .model
                        .joint
                        .row(&words.feats[w[0] as usize..w[1] as usize]);
                    s.rows.push(row);
                }
            }
            // Both layers score the token features in one pass over the merged table.
            let Some(first) = self.model.layers.first() else {
                return;
            };
            let joint = &self.model.joint;
            let n_tokens = s.extractor.offsets.len() - 1;
            // Every score is overwritten: no need to clear first.
            s.emissions.resize(n_tokens * NUM_TAGS, 0);
            s.emissions.truncate(n_tokens * NUM_TAGS);
            s.second.resize(n_tokens * NUM_TAGS, 0);
            s.second.truncate(n_tokens * NUM_TAGS);
            let doc = Tokens {
                feats: &s.extractor.feats,
                offsets: &s.extractor.offsets,
                base: &s.extractor.word_ids,
                bases: &s.rows,
                slots: &s.extractor.slots,
                slot_offsets: &s.extractor.slot_offsets,
                outside: &s.extractor.outside,
            };
            joint.score_tokens(doc, &mut s.emissions, &mut s.second);
            let outside = &s.extractor.outside;
            // A layer's transitions are always a full matrix (see `Layer::read`).
            let Some(trans) = Transitions::new(&first.trans) else {
                return;
            };
            for r in sentences {
                decode(
                    r.clone(),
                    outside,
                    &mut s.emissions,
                    &trans,
                    &mut s.back,
                    &mut s.path,
                    out,
                );
            }
            // The second layer adds features on the first layer's tags across the document.
            let Some(second) = self.model.layers.get(1) else {
                return;
            };
            s.stacker
                .values(s.extractor.infos(), sentences, out, &s.extractor.outside);
            out.clear();
            self.model
                .second
                .add(joint, &s.stacker.tokens, outside, &mut s.second);
            let Some(trans) = Transitions::new(&second.trans) else {
                return;
            };
            for r in sentences {
                decode(
                    r.clone(),
                    outside,
                    &mut s.second,
                    &trans,
                    &mut s.back,
                    &mut s.path,
                    out,
                );
            }
            propagate(tokens, s.extractor.infos(), sentences, out);
            short_forms(s.extractor.infos(), sentences, out);
        });
    }

    /// Tags a document given as sentences of tokens (CoNLL-style tokens: punctuation and
    /// possessive `'s` separate). Returns one BIO tag (`B-PER`, `I-ORG`, `O`, …) per token.
    ///
    /// The whole document is context: a word's tag can depend on how it is written in
    /// other sentences.
    pub fn tag<S: AsRef<str>>(&self, sentences: &[Vec<S>]) -> Vec<Vec<&'static str>> {
        let tokens: Vec<&str> = sentences.iter().flatten().map(AsRef::as_ref).collect();
        let mut ranges = Vec::with_capacity(sentences.len());
        let mut start = 0;
        for s in sentences {
            ranges.push(start..start + s.len());
            start += s.len();
        }
        let mut tags = Vec::new();
        self.tag_ranges(&tokens, &ranges, &mut tags);
        ranges
            .iter()
            .map(|r| bio_labels(&tags[r.clone()]))
            .collect()
    }

    /// Tags a text longer than [`WINDOW_TOKENS`] in runs of whole sentences, each a document.
    fn tag_in_windows(&self, words: &[&str], sentences: &[Range<usize>], tags: &mut Vec<Tag>) {
        let mut window_tags = Vec::new();
        for window in windows(sentences, WINDOW_TOKENS) {
            let first = window[0].start;
            let end = window[window.len() - 1].end;
            let ranges: Vec<Range<usize>> = window
                .iter()
                .map(|r| r.start - first..r.end - first)
                .collect();
            self.tag_ranges(&words[first..end], &ranges, &mut window_tags);
            tags.extend_from_slice(&window_tags);
        }
    }

    /// Finds the entities of a raw text (one article): tokenises it, tags it, lets the
    /// hand-kept list of recent names (`names.tsv`) override the model on exact matches,
    /// and resolves each mention to a canonical name. Spans are byte offsets into `text`.
    pub fn extract(&self, text: &str) -> Vec<Entity> {
        let tokenized = tokenize(text);
        let words: Vec<&str> = tokenized
            .tokens
            .iter()
            .map(|t| possessive(t.text(text)))
            .collect();
        let mut tags = Vec::with_capacity(words.len());
        if words.len() <= WINDOW_TOKENS {
            // Nearly every article: one document, its ranges and tags as they are.
            self.tag_ranges(&words, &tokenized.sentences, &mut tags);
        } else {
            self.tag_in_windows(&words, &tokenized.sentences, &mut tags);
        }
        let mut entities = Vec::new();
        // A place the gazetteer knows (`Italy`, `Milan`).
        let known_place =
            |name: &str| self.model.lexicon.phrase_kinds(name.split(' ')) & GAZ_LOC != 0;
        // The last words of the names the firms' and particles' rules made organisations.
        let mut firms = Vec::new();
        for r in &tokenized.sentences {
            let mut spans = spans_from_tags(&tags[r.clone()]);
            names::apply(&words[r.clone()], &mut spans);
            joined_places::apply(&words[r.clone()], &mut spans, &known_place);
            institutions::drop_embassies(&words[r.clone()], &mut spans);
            brackets::apply(&words[r.clone()], &mut spans);
            if r.start == 0 {
                brackets::widen_to_headline_start(&words[r.clone()], &mut spans, &|word| {
                    headline_verb(
                        word,
                        self.model.lexicon.word(word_key(word)).mostly_lower_case(),
                    )
                });
            }
            after_initials::apply(&words[r.clone()], &mut spans, &|word| {
                self.model.lexicon.word(word_key(word)).mostly_lower_case()
            });
            companies::apply(&words[r.clone()], &mut spans, &known_place);
            affiliations::apply(&words[r.clone()], &mut spans);
            firms::join_pairs(&words[r.clone()], &mut spans);
            firms::apply(&words[r.clone()], &mut spans, &mut firms, &known_place);
            adverbs::apply(&words[r.clone()], &mut spans);
            contractions::apply(&words[r.clone()], &mut spans);
            particles::apply(&words[r.clone()], &mut spans, &mut firms);
            month_points::apply(&words[r.clone()], &mut spans);
            indices::widen_rates(&words[r.clone()], &mut spans);
            wire_codes::apply(&words[r.clone()], &mut spans);
            numerals::apply(&words[r.clone()], &mut spans);
            for mut span in spans {
                if span.kind == EntityKind::Person {
                    while span.end - span.start > 1 && is_person_title(words[r.start + span.start])
                    {
                        span.start += 1;
                    }
                    // A title alone names no one (`Chairman` opening a sentence).
                    if is_person_title(words[r.start + span.start]) {
                        continue;
                    }
                }
                // An initial or a title's abbreviation alone names nothing, whatever its kind
                // (`C.` before `Fred Bergsten`, `Rep.` before `Pat Roberts`, `V.` after `Dr.`).
                if span.end - span.start == 1 && is_stray_abbreviation(words[r.start + span.start])
                {
                    continue;
                }
                let first = tokenized.tokens[r.start + span.start];
                let last = tokenized.tokens[r.start + span.end - 1];
                entities.push(Entity {
                    kind: span.kind,
                    text: text[first.start..last.end].to_string(),
                    start: first.start,
                    end: last.end,
                    canonical: String::new(),
                });
            }
        }
        wrapped_names::join_wrapped(text, &mut entities);
        firms::founders_names(&mut entities, &firms);
        firms::founders_short_names(&mut entities, known_place);
        let lexicon = &self.model.lexicon;
        slashes::split_joined_names(&mut entities, &|name| lexicon.phrase_kinds(name.split(' ')));
        // Capitalised inside sentences at least 70% of the times the unlabelled text has it.
        offices::persons_in_office(&mut entities, |word| {
            matches!(lexicon.word(word_key(word)).case, 0 | 4 | 5)
        });
        offices::persons_of_administrations(text, &mut entities, |name| {
            lexicon.phrase_kinds([name]) & GAZ_PER != 0
        });
        // What is left of a country and a portfolio: a place the gazetteer knows, a state or a
        // country's initials (`U.S.`), else a nationality.
        portfolios::portfolios_before_offices(text, &mut entities, |name| {
            if after_initials::is_country_initials(name)
                || known_place(name)
                || provinces::is_state_or_province(name)
            {
                Some(EntityKind::Location)
            } else if nationalities::is_qualified_nationality(name)
                || (!name.contains(' ') && companies::is_nationality(name))
            {
                Some(EntityKind::Misc)
            } else {
                None
            }
        });
        ranks::ranks_before_titles(text, &mut entities);
        landforms::landforms_as_places(&mut entities);
        countries::countries_as_places(&mut entities);
        provinces::states_as_places(text, &mut entities);
        institutions::institutions_as_organisations(&mut entities);
        holidays::holidays_as_other_names(&mut entities);
        common_words::drop_common_words(text, &mut entities, |word| {
            lexicon.word(word_key(word)).mostly_lower_case()
        });
        common_words::drop_financial_terms(&mut entities);
        crude_grades::grades_as_other_names(&mut entities);
        indices::indices_as_other_names(&mut entities);
        foreign_firms::foreign_firms_as_organisations(&mut entities, known_place);
        fused_designators::fused_designators_as_organisations(&mut entities, known_place);
        // A place or other name the gazetteer knows, a state or initials (`U.S.`) stays so.
        companies::short_names(&mut entities, |name| {
            lexicon.phrase_kinds(name.split(' ')) & (GAZ_LOC | GAZ_MISC) != 0
                || provinces::is_state_or_province(name)
                || name.contains('.')
        });
        // Before the canonical names, which resolve a short mention to a longer one of its kind.
        nationalities::qualified_nationalities(&mut entities);
        nationalities::numbers_before_nationalities(&mut entities);
        nationalities::place_adjectives(&mut entities, known_place);
        nationalities::compound_adjectives(&mut entities);
        ratings::ratings_cut_from_names(text, &mut entities);
        canonical_names(&mut entities);
        acronyms::resolve_acronyms(&mut entities);
        ratings::drop_ratings(text, &mut entities);
        tickers::resolve_tickers(text, &mut entities);
        clippings::resolve_clippings(text, &mut entities);
        states::abbreviations_as_states(text, &mut entities);
        capitals::places_as_written_in_text(text, &mut entities, &|word| {
            lexicon.word(word_key(word)).case
        });
        entities
    }
}

/// The most tokens tagged as one document. The tagger's working memory grows with the
/// document (some sixty feature keys a token): a text longer than this (a whole feed pasted
/// into one file, say; the longest Reuters story has 1,667 words) is tagged in runs of whole
/// sentences of up to this many tokens, each run a document of its own, so that a 10 MB text
/// needs tens of megabytes rather than hundreds.
const WINDOW_TOKENS: usize = 20_000;

/// `sentences` in consecutive runs of up to `max` tokens (a longer sentence is a run alone).
fn windows(sentences: &[Range<usize>], max: usize) -> impl Iterator<Item = &[Range<usize>]> {
    let mut rest = sentences;
    std::iter::from_fn(move || {
        let first = rest.first()?.start;
        let take = rest
            .iter()
            .position(|r| r.end - first > max)
            .unwrap_or(rest.len())
            .max(1);
        let (window, after) = rest.split_at(take);
        rest = after;
        Some(window)
    })
}

/// A layer's transitions as [`decode`] reads them: the matrix, and its lanes gathered once a
/// document for the many short stretches between the tokens left out.
struct Transitions<'a> {
    matrix: &'a [i32],
    lanes: Lanes<i32>,
}

impl<'a> Transitions<'a> {
    /// `None` when `matrix` is not a full matrix.
    fn new(matrix: &'a [i32]) -> Option<Transitions<'a>> {
        Some(Transitions {
            matrix,
            lanes: Lanes::new(matrix)?,
        })
    }
}

/// Decodes sentence `r` of a document's `emissions` into `out`: each stretch between the
/// tokens marked `outside` (which are `O`) by itself, as the whole sentence would decode
/// with those tokens forced to `O`: a stretch after one opens with the transition from `O`,
/// a stretch before one closes with the transition into `O` (both added to `emissions`).
fn decode(
    r: Range<usize>,
    outside: &[bool],
    emissions: &mut [i32],
    trans: &Transitions<'_>,
    back: &mut Vec<u8>,
    path: &mut Vec<Tag>,
    out: &mut Vec<Tag>,
) {
    let o = Tag::O.0 as usize;
    let mut i = r.start;
    while i < r.end {
        if outside.get(i) == Some(&true) {
            out.push(Tag::O);
            i += 1;
            continue;
        }
        let start = i;
        while i < r.end && outside.get(i) != Some(&true) {
            i += 1;
        }
        if start > r.start {
            let em = &mut emissions[start * NUM_TAGS..(start + 1) * NUM_TAGS];
            for (t, e) in em.iter_mut().enumerate() {
                *e += trans.matrix[o * NUM_TAGS + t];
            }
        }
        if i < r.end {
            let em = &mut emissions[(i - 1) * NUM_TAGS..i * NUM_TAGS];
            for (t, e) in em.iter_mut().enumerate() {
                *e += trans.matrix[t * NUM_TAGS + o];
            }
        }
        viterbi_lanes(
            &emissions[start * NUM_TAGS..i * NUM_TAGS],
            &trans.lanes,
            back,
            path,
        );
        out.extend_from_slice(path);
    }
}

/// Titles and offices written before a person's name ("Chancellor Angela Merkel", "Mr. Smith"):
/// not part of the name, so they are left out of a person's span and canonical name. Royal and
/// religious styles ("King", "Pope", "Sir") are kept, as they are usually part of how the person
/// is named.
pub(crate) fn is_person_title(word: &str) -> bool {
    PERSON_TITLES.contains(&word)
}

/// Whether `word` is an initial (`C.`) or a person's title abbreviated (`Rep.`, `Sen`, `Mr`,
/// `Sens.` before two senators' names: ORG `Sens` was in 5 known-item Reuters articles).
fn is_stray_abbreviation(word: &str) -> bool {
    let bytes = word.as_bytes();
    let initial = bytes.len() == 2 && bytes[0].is_ascii_uppercase() && bytes[1] == b'.';
    let abbreviated = |title: &str| title.ends_with('.') && is_person_title(title);
    // Without the full stop, only those that name nothing else (`Adm` is also ADM, a company).
    initial
        || abbreviated(word)
        || matches!(
            word,
            "Mr" | "Mrs" | "Ms" | "Dr" | "Rep" | "Sen" | "Reps" | "Sens"
        )
}

/// The titles and offices of [`is_person_title`].
pub(crate) const PERSON_TITLES: &[&str] = &[
    "Admiral",
    "Adm.",
    "Ambassador",
    "Capt.",
    "Captain",
    "CEO",
    "Chairman",
    "Chairwoman",
    "Chancellor",
    "Chief",
    "Col.",
    "Colonel",
    "Commissioner",
    "Deputy",
    "Director",
    "Dr",
    "Dr.",
    "Gen.",
    "General",
    "Gov.",
    "Governor",
    "Judge",
    "Justice",
    "Lt.",
    "Mayor",
    "Minister",
    "Mr",
    "Mr.",
    "Mrs",
    "Mrs.",
    "Ms",
    "Ms.",
    "Premier",
    "President",
    "Prof.",
    "Professor",
    "Rep.",
    "Reps.",
    "Secretary",
    "Sen.",
    "Sens.",
    "Senator",
    "Sgt.",
    "Speaker",
    "Vice",
];

/// BIO labels of a BIOES tag sequence.
pub(crate) fn bio_labels(tags: &[Tag]) -> Vec<&'static str> {
    const B: [&str; 4] = ["B-PER", "B-ORG", "B-LOC", "B-MISC"];
    const I: [&str; 4] = ["I-PER", "I-ORG", "I-LOC", "I-MISC"];
    use super::tags::Part;
    tags.iter()
        .map(|t| match (t.kind(), t.part()) {
            (Some(k), Some(Part::Begin | Part::Single)) => B[k.index()],
            (Some(k), _) => I[k.index()],
            _ => "O",
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::entities::decoder::viterbi;
    use crate::analyze::entities::tags::Part;

    #[test]
    fn windows_hold_whole_sentences_up_to_the_limit() {
        let sentences = [0..5, 5..10, 10..15, 15..40, 40..42];
        let got: Vec<&[Range<usize>]> = windows(&sentences, 10).collect();
        assert_eq!(
            got,
            [
                &sentences[0..2],
                &sentences[2..3],
                &sentences[3..4],
                &sentences[4..5]
            ]
        );
        assert_eq!(windows(&[], 10).count(), 0);
        assert_eq!(windows(&sentences, 100).count(), 1);
    }

    #[test]
    fn a_text_past_the_window_is_tagged_whole_and_each_run_like_a_document() {
        let recognizer = Recognizer::global();
        let story = "Chancellor Helmut Kohl met President Francois Mitterrand in Paris on Monday, \
                     officials in Bonn said. ";
        let one = recognizer.extract(story);
        assert!(one.iter().any(|e| e.text == "Helmut Kohl"), "{one:?}");
        // Many times the window: every copy's entities, at the right bytes, as the story alone
        // gives them (each run is a document; this text has nothing that depends on the rest).
        let copies = 2 * WINDOW_TOKENS / 15;
        let text = story.repeat(copies);
        let all = recognizer.extract(&text);
        assert_eq!(all.len(), one.len() * copies);
        for (i, entity) in all.iter().enumerate() {
            let alone = &one[i % one.len()];
            let offset = (i / one.len()) * story.len();
            assert_eq!(
                (entity.kind, entity.start, entity.end),
                (alone.kind, alone.start + offset, alone.end + offset)
            );
            assert_eq!(&text[entity.start..entity.end], entity.text);
        }
    }

    #[test]
    fn bio_from_bioes() {
        let tags = [
            Tag::new(EntityKind::Person, Part::Begin),
            Tag::new(EntityKind::Person, Part::End),
            Tag::new(EntityKind::Person, Part::Single),
            Tag::O,
        ];
        assert_eq!(bio_labels(&tags), ["B-PER", "I-PER", "B-PER", "O"]);
    }

    #[test]
    fn decoding_around_outside_tokens_equals_forcing_them_to_o() {
        let trans = &Recognizer::global().model.layers[0].trans;
        let n = 60;
        for seed in 1..=20u32 {
            let mut x = seed;
            let emissions: Vec<i32> = (0..n * NUM_TAGS)
                .map(|_| {
                    x = x.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                    (x >> 20) as i32 - 2048
                })
                .collect();
            // Runs of one and two outside tokens, at the start, inside and at the end.
            let outside: Vec<bool> = (0..n)
                .map(|i| i == 0 || i + 1 == n || (i + seed as usize) % 7 < 2)
                .collect();
            let mut forced = emissions.clone();
            for i in (0..n).filter(|&i| outside[i]) {
                for t in 0..NUM_TAGS {
                    forced[i * NUM_TAGS + t] = if t == Tag::O.0 as usize {
                        0
                    } else {
                        -1_000_000
                    };
                }
            }
            let (mut back, mut path, mut want, mut got) =
                (Vec::new(), Vec::new(), Vec::new(), Vec::new());
            viterbi(&forced, trans, &mut back, &mut want);
            let mut scores = emissions.clone();
            decode(
                0..n,
                &outside,
                &mut scores,
                &Transitions::new(trans).expect("a full matrix"),
                &mut back,
                &mut path,
                &mut got,
            );
            assert_eq!(got, want, "seed {seed}");
            assert!(
                want.iter().any(|t| *t != Tag::O),
                "seed {seed}: a test that tests"
            );
        }
    }

    #[test]
    fn words_between_lowercase_words_are_certainly_outside() {
        let tokens = "the Bank of England said on Tuesday that rates rose 2 pct in the euro zone ."
            .split(' ')
            .collect::<Vec<_>>();
        let mut ex = Extractor::default();
        ex.prune = true;
        ex.document(
            &Recognizer::global().model.lexicon,
            &tokens,
            &[0..10, 10..tokens.len()],
        );
        let outside: Vec<&str> = tokens
            .iter()
            .zip(&ex.outside)
            .filter(|(_, o)| **o)
            .map(|(t, _)| *t)
            .collect();
        assert_eq!(
            outside,
            [
                "rates", "rose", "2", "pct", "in", "the", "euro", "zone", "."
            ]
        );
        // Their features are left out; the others keep theirs.
        for (i, o) in ex.outside.iter().enumerate() {
            assert_eq!(ex.offsets[i] == ex.offsets[i + 1], *o, "{}", tokens[i]);
        }
    }

    #[test]
    fn a_place_is_not_named_by_a_nationality_that_holds_its_name() {
        let text = "Ventures were signed with Finnish, Japanese, West German and American firms. \
                    \"Business reaction in the West has been cool so far,\" one diplomat said.";
        let found = Recognizer::global().extract(text);
        let named = |written: &str| {
            found
                .iter()
                .find(|e| e.text == written)
                .map(|e| (e.canonical.as_str(), e.kind))
        };
        assert_eq!(
            named("West German"),
            Some(("West German", EntityKind::Misc))
        );
        assert!(
            named("West").is_none_or(|(canonical, _)| canonical == "West"),
            "{found:?}"
        );
    }

    #[test]
    fn a_possessive_written_with_a_double_quote_is_read_as_one() {
        // As Reuters-21578 writes some of them; the names are found as with `'s`.
        let names = |text: &str| -> Vec<(String, EntityKind)> {
            Recognizer::global()
                .extract(text)
                .into_iter()
                .map(|e| (e.text, e.kind))
                .collect()
        };
        let apostrophe = names("Venezuela's oil minister said Mexico's output fell.");
        assert!(
            apostrophe.contains(&("Mexico".to_string(), EntityKind::Location)),
            "{apostrophe:?}"
        );
        assert_eq!(
            names("Venezuela\"s oil minister said Mexico\"s output fell."),
            apostrophe
        );
    }

    #[test]
    fn initials_and_abbreviated_titles_alone_are_no_names() {
        for word in [
            "C.", "P.", "Rep.", "Rep", "Sen.", "Gov.", "Mr.", "Mr", "Dr", "Sens.", "Sens",
        ] {
            assert!(is_stray_abbreviation(word), "{word}");
        }
        // A title written whole is no abbreviation (`Chancellor` alone goes with the common
        // words).
        for word in [
            "U.S.",
            "C",
            "Co.",
            "Corp.",
            "St",
            "Reagan",
            "Senator",
            "Governor",
            "Chancellor",
        ] {
            assert!(!is_stray_abbreviation(word), "{word}");
        }
    }

    #[test]
    fn titles_are_not_part_of_a_persons_name() {
        let text = "German Chancellor Angela Merkel met French President Emmanuel Macron. \
                    Mr. Macron said little.";
        let people: Vec<(String, String)> = Recognizer::global()
            .extract(text)
            .into_iter()
            .filter(|e| e.kind == EntityKind::Person)
            .map(|e| (e.text, e.canonical))
            .collect();
        assert!(
            people.contains(&("Angela Merkel".into(), "Angela Merkel".into())),
            "{people:?}"
        );
        assert!(
            people.contains(&("Emmanuel Macron".into(), "Emmanuel Macron".into())),
            "{people:?}"
        );
        assert!(
            people
                .iter()
                .all(|(t, _)| !is_person_title(t.split(' ').next().unwrap())),
            "{people:?}"
        );
        assert!(is_person_title("Chancellor") && !is_person_title("King"));
        // A title alone is no one's name (the model read this `Chairman` as a person).
        let text = "\"The real question is how (Baker) will handle the dollar,\" said John \
                    Dalton, Vice Chairman of Acme Securities Co International Inc and former \
                    staff director at the Fed.";
        let found = Recognizer::global().extract(text);
        assert!(
            found
                .iter()
                .all(|e| !(e.kind == EntityKind::Person && is_person_title(&e.text))),
            "{found:?}"
        );
        assert!(found.iter().any(|e| e.text == "John Dalton"), "{found:?}");
    }

    #[test]
    fn names_with_diacritics_are_tagged_as_their_ascii_letters() {
        let r = Recognizer::global();
        let accented = "Officials in São Paulo and Zürich met José Manuel Barroso on Monday. \
                        Nestlé and Société Générale shares rose in Düsseldorf.";
        let plain = "Officials in Sao Paulo and Zurich met Jose Manuel Barroso on Monday. \
                     Nestle and Societe Generale shares rose in Dusseldorf.";
        let kinds = |text: &str| -> Vec<EntityKind> {
            r.extract(text).into_iter().map(|e| e.kind).collect()
        };
        assert_eq!(kinds(accented), kinds(plain));
        let found = r.extract(accented);
        // Spans and names are the text as written.
        let zurich = found.iter().find(|e| e.text == "Zürich").expect("Zürich");
        assert_eq!(zurich.kind, EntityKind::Location);
        assert_eq!(&accented[zurich.start..zurich.end], "Zürich");
        assert!(
            found
                .iter()
                .any(|e| e.canonical == "Société Générale" && e.kind == EntityKind::Organization)
        );
    }

    #[test]
    fn odd_input_never_panics() {
        let r = Recognizer::global();
        for text in [
            "",
            " ",
            "\n\n\n",
            "’",
            "\u{0}\u{feff}",
            "ÀÉÎ 𝔘𝔫𝔦 😀 OpenAI’s",
            "'s",
            "....",
            "-",
        ] {
            for e in r.extract(text) {
                assert!(e.start < e.end && e.end <= text.len());
                assert_eq!(&text[e.start..e.end], e.text);
            }
        }
        assert!(r.tag::<&str>(&[]).is_empty());
        assert_eq!(r.tag(&[Vec::<&str>::new()]), vec![Vec::<&str>::new()]);
    }

    #[test]
    fn bad_model_bytes_are_an_error() {
        assert!(matches!(
            Recognizer::from_bytes(b"LEDENER1"),
            Err(EntitiesError::Model(_))
        ));
    }
}
