//! Annotation: an article's passages, each with the entities and dates it mentions, and the
//! article's own entity set and dates. This is the analysis stage's output, what the indexer turns
//! into documents.

use super::ascii_fold::AsciiFolder;
use super::dates::{DateMention, extract_dates};
use super::entities::{EntityKind, Recognizer, abbreviates, clips, is_ticker, normalize_name};
use super::lead::{Lead, lead};
use super::passages::{Passage, PassageOptions, build_passages};
use crate::article::Article;
use jiff::civil::Date;
use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

/// What to annotate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnnotateOptions {
    /// How passages are sized.
    pub passages: PassageOptions,
    /// Find named entities.
    pub entities: bool,
    /// Find date mentions.
    pub dates: bool,
}

impl Default for AnnotateOptions {
    fn default() -> Self {
        AnnotateOptions {
            passages: PassageOptions::default(),
            entities: true,
            dates: true,
        }
    }
}

/// A named entity as the index knows it: its type and canonical name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct EntityName {
    /// PER, ORG, LOC or MISC.
    #[serde(rename = "type")]
    pub kind: EntityKind,
    /// The canonical name ("Sam Altman").
    pub name: String,
}

impl EntityName {
    /// The stored form, `PER:Sam Altman`.
    pub fn key(&self) -> String {
        format!("{}:{}", self.kind.label(), self.name)
    }

    /// Parses the stored form written by [`EntityName::key`].
    pub fn from_key(key: &str) -> Option<EntityName> {
        let (label, name) = key.split_once(':')?;
        Some(EntityName {
            kind: EntityKind::from_label(label)?,
            name: name.to_string(),
        })
    }

    /// This entity's name alone and with its type, normalised as [`entity_term`] normalises a
    /// filter: the first keys its passage tags, the second is the term indexed (an untyped
    /// filter looks its name up under every type).
    pub fn terms(&self) -> [String; 2] {
        // The name normalised once: `entity_term` with a type prefixes the same string.
        let name = entity_term(None, &self.name);
        let typed = typed_term(self.kind, &name);
        [name, typed]
    }
}

/// The indexed term for an entity filter: the name normalised (whitespace, quotes, possessive)
/// and lower-cased, prefixed with the type's label when there is one (`per:sam altman`).
pub fn entity_term(kind: Option<EntityKind>, name: &str) -> String {
    let name = name_term(normalize_name(name));
    match kind {
        Some(kind) => typed_term(kind, &name),
        None => name,
    }
}

/// A normalised name as its term: lower-cased and, as words are, folded to ASCII (`zurich` for
/// Zürich, ZURICH and Zurich alike), its final designator in its usual writing (see
/// [`DESIGNATOR_WRITINGS`]).
fn name_term(name: String) -> String {
    let name = name_form(name);
    match COUNTRY_WRITINGS.iter().find(|(other, _)| *other == name) {
        Some((_, country)) => (*country).to_string(),
        None => name,
    }
}

/// A name lower-cased, folded to ASCII and its final designator in its usual writing: its term
/// but for a country's other names, so that writings of one term with other forms are other
/// names of it (`u.s.` of the `united states`), and those with one form are one name written
/// otherwise (`Zürich` and `ZURICH`, `Gillette Company` and `Gillette Co`).
pub(crate) fn name_form(name: String) -> String {
    let mut name = lower_folded(name);
    if name.contains([',', '&']) || name.contains("bro") {
        name = joining_words_folded(&name);
    }
    if let Some((long, short)) = DESIGNATOR_WRITINGS
        .iter()
        .find(|(long, _)| name.len() > long.len() && name.ends_with(long))
    {
        name.truncate(name.len() - long.len());
        name.push_str(short);
    }
    name
}

/// A name (lower-cased) without the commas between its words and with one writing of the words
/// news writes several ways: `Goldman, Sachs and Co` is `Goldman Sachs and Co`, `Standard &
/// Poor's` is `Standard and Poor's`, `Salomon Bros Inc` is `Salomon Brothers Inc`.
fn joining_words_folded(name: &str) -> String {
    let mut folded = String::with_capacity(name.len());
    for word in name.split(' ') {
        let word = match word.trim_end_matches(',') {
            "&" => "and",
            "brothers" | "bros." => "bros",
            word => word,
        };
        if word.is_empty() {
            continue;
        }
        if !folded.is_empty() {
            folded.push(' ');
        }
        folded.push_str(word);
    }
    folded
}

/// A name lower-cased and folded to ASCII (`zurich` for Zürich, ZURICH and Zurich alike).
fn lower_folded(mut name: String) -> String {
    // `to_lowercase` gives the same for ASCII, through a new string.
    if name.is_ascii() {
        name.make_ascii_lowercase();
    } else {
        name = name.to_lowercase();
        AsciiFolder::default().fold_in_place(&mut name);
    }
    name
}

/// Countries' abbreviations and other names as news writes them, in lower case, with the
/// name their term takes: `U.S.`, `USA` and the `United States` are one place, `Britain`,
/// `U.K.` and the `United Kingdom` another.
const COUNTRY_WRITINGS: &[(&str, &str)] = &[
    ("u.s.", "united states"),
    ("us", "united states"),
    ("u.s.a.", "united states"),
    ("usa", "united states"),
    ("united states of america", "united states"),
    ("u.k.", "united kingdom"),
    ("uk", "united kingdom"),
    ("britain", "united kingdom"),
    ("great britain", "united kingdom"),
    ("u.s.s.r.", "soviet union"),
    ("ussr", "soviet union"),
    ("u.a.e.", "united arab emirates"),
    ("uae", "united arab emirates"),
];

/// A final designator's other writings (spelt out, or with full stops) and the usual one, in
/// lower case: `International Finance Corporation` is the `International Finance Corp` of
/// other articles, `Baker International Finance N.V.` the `Baker International Finance NV`.
const DESIGNATOR_WRITINGS: &[(&str, &str)] = &[
    (" corporation", " corp"),
    (" incorporated", " inc"),
    (" limited", " ltd"),
    (" company", " co"),
    (" n.v.", " nv"),
    (" b.v.", " bv"),
    (" s.a.", " sa"),
    (" a.g.", " ag"),
    (" s.p.a.", " spa"),
    (" p.l.c.", " plc"),
];

/// `name` (normalised already) prefixed with `kind`'s label in lower case: `per:sam altman`.
pub(crate) fn typed_term(kind: EntityKind, name: &str) -> String {
    let label = kind.label();
    let mut term = String::with_capacity(label.len() + 1 + name.len());
    term.extend(label.chars().map(|c| c.to_ascii_lowercase()));
    term.push(':');
    term.push_str(name);
    term
}

/// The term that says an article writes the name of typed term `typed` (`org:securities and
/// exchange commission`) in the short form `short` (`SEC`): `~org:sec>securities and exchange
/// commission`, indexed among the entity terms (whose own begin with a type's label) for
/// [`crate::search::short_forms`] to count.
pub(crate) fn short_form_term(typed: &str, short: &str) -> String {
    let (label, name) = typed.split_once(':').unwrap_or(("", typed));
    format!("~{label}:{}>{name}", name_term(short.to_string()))
}

/// The typed term of the name a [`short_form_term`] gives (`org:securities and exchange
/// commission`); `None` for another term.
pub(crate) fn short_form_term_name(term: &str) -> Option<String> {
    let (acronym, name) = term.strip_prefix('~')?.split_once('>')?;
    let (label, _) = acronym.split_once(':')?;
    Some(format!("{label}:{name}"))
}

/// The mention `text` normalised, when it is a short form of the name `canonical` of kind `kind`
/// it resolved to in its article: an acronym of it (`SEC`) or its ticker (`MER`, when
/// `ticker`: written between angle brackets), an organisation's name with its last words left
/// out (`Moody's` of `Moody's Investors Service Inc`) or clipped (`Fed` of `Federal Reserve`);
/// not the name written otherwise (`CHRYSLER CORP`, accents left out), nor a shorter place
/// (`Kansas` is not `Kansas City` elsewhere), nor a name's last words (`National Bank` is not
/// the `Swiss National Bank`).
fn short_form(kind: EntityKind, text: &str, canonical: &str, ticker: bool) -> Option<String> {
    let in_capitals = !text.bytes().any(|b| b.is_ascii_lowercase());
    // Only an acronym may stand for another kind's name: the rest is not normalised again.
    if !in_capitals && kind != EntityKind::Organization {
        return None;
    }
    let written = normalize_name(text);
    let (short, name) = (name_term(written.clone()), name_term(canonical.to_string()));
    // One name's writings (`US` of the `United States`) are its term already.
    if short == name {
        return None;
    }
    if in_capitals {
        return (ticker || abbreviates(&written, canonical)).then_some(written);
    }
    (leads(&short, &name) || clips(&written, canonical)).then_some(written)
}

/// Whether the name of term `name` starts with the words of term `short` (`moody's` and
/// `moody's investors service inc`, or typed: `org:moody's`): a name with its last words left
/// out, not an acronym or a clipped name (`fed` of `federal reserve`).
pub(crate) fn leads(short: &str, name: &str) -> bool {
    name.strip_prefix(short)
        .is_some_and(|rest| rest.starts_with(' '))
}

/// An entity of an article with the number of times it is mentioned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountedEntity {
    /// The entity.
    #[serde(flatten)]
    pub entity: EntityName,
    /// Mentions in the article (title and body).
    pub mentions: usize,
    /// The shorter forms the article also writes the name in, each once, normalised as
    /// written: an acronym (`SEC` for the `Securities and Exchange Commission`), an
    /// organisation's name with its last words left out (`Moody's` for `Moody's Investors
    /// Service Inc`) or clipped (`Fed` for the `Federal Reserve`). Never a person's (surnames
    /// are counted apart).
    #[serde(default, alias = "acronyms", skip_serializing_if = "Vec::is_empty")]
    pub short_forms: Vec<String>,
}

/// A date mention with a calendar span, as the index keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentionedDate {
    /// The TIMEX3 value (`1987-03`).
    pub value: String,
    /// First day of the span.
    pub first: Date,
    /// Last day of the span (inclusive).
    pub last: Date,
}

/// One passage with what it mentions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnnotatedPassage {
    /// Where the passage lies in the body.
    pub passage: Passage,
    /// Entities mentioned in the passage, in order of first mention, each once.
    pub entities: Vec<EntityName>,
    /// Dates mentioned in the passage, in text order.
    pub dates: Vec<MentionedDate>,
}

/// An article's annotations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnnotatedArticle {
    /// The passages, in order.
    pub passages: Vec<AnnotatedPassage>,
    /// The article's entities, most mentioned first (ties by first mention).
    pub entities: Vec<CountedEntity>,
    /// Every date the body mentions that has a calendar span, in text order.
    pub dates: Vec<MentionedDate>,
    /// The body's lead and how news-like the article is.
    pub lead: Lead,
}

/// The publication date of an article as a calendar day in UTC: the anchor of relative dates.
pub fn anchor_date(article: &Article) -> Option<Date> {
    article
        .published
        .map(|t| t.to_zoned_datetime(jiff::tz::TimeZone::UTC).date())
}

/// Splits an article into passages, finds the entities and dates each mentions, and its lead.
///
/// Entities are found in the title and body together (the recogniser reads a first line as a
/// headline); dates in the body, anchored on the publication date.
pub fn annotate(article: &Article, options: &AnnotateOptions) -> AnnotatedArticle {
    annotate_batch(&[article], options)
        .pop()
        .expect("one annotation an article")
}

/// Loads what analysis with `options` needs, the entity model and the date rules' automaton,
/// each on a thread of the pool and in the background, and returns at once. Left to the first
/// article that needs them, one analysis thread loaded them while the other waited for the same
/// `OnceLock`s (a core idle for some 40 ms at the start of a run, in perf's timeline). A caller
/// that is about to analyse articles starts this first; what it needs is then ready, or being
/// readied.
pub fn warm_up(options: &AnnotateOptions) {
    if options.entities {
        rayon::spawn(|| {
            Recognizer::global();
        });
    }
    if options.dates {
        rayon::spawn(super::dates::warm_up);
    }
}

/// [`annotate`] for several articles, in order: the same annotations as article by article, but
/// one stage at a time over all of them (passages and leads, then entities, then dates), so that
/// a stage's tables (the entity model's weights and word cache, the date rules' automata) stay
/// in the processor's caches from one article to the next instead of evicting each other. On
/// known-item Reuters, chunks of 64 articles took 7–10% less CPU than one article at a time.
pub fn annotate_batch(articles: &[&Article], options: &AnnotateOptions) -> Vec<AnnotatedArticle> {
    let mut all: Vec<AnnotatedArticle> = articles
        .iter()
        .map(|article| AnnotatedArticle {
            passages: build_passages(&article.body, options.passages)
                .into_iter()
                .map(|passage| AnnotatedPassage {
                    passage,
                    entities: Vec::new(),
                    dates: Vec::new(),
                })
                .collect(),
            entities: Vec::new(),
            dates: Vec::new(),
            lead: lead(&article.body),
        })
        .collect();
    if options.entities {
        for (article, annotated) in articles.iter().zip(&mut all) {
            annotated.entities = annotate_entities(article, &mut annotated.passages);
        }
    }
    if options.dates {
        for (article, annotated) in articles.iter().zip(&mut all) {
            annotated.dates = annotate_dates(article, &mut annotated.passages);
        }
    }
    all
}

/// The passage holding byte `offset` of the body, if any.
fn passage_at(passages: &[AnnotatedPassage], offset: usize) -> Option<usize> {
    let i = passages.partition_point(|p| p.passage.end <= offset);
    (i < passages.len() && passages[i].passage.start <= offset).then_some(i)
}

/// The longest sign-off line [`without_sign_off`] takes for one, in bytes.
const MAX_SIGN_OFF_BYTES: usize = 12;

/// The body without its sign-off: a last line that is one word of letters alone (`Reuter`, `AP`,
/// a desk's initials), which wire copy ends with and which is not a mention in the story (the
/// recogniser took Reuters' `Reuter` for a person in 234 of its articles).
fn without_sign_off(body: &str) -> &str {
    let trimmed = body.trim_end();
    let Some(newline) = trimmed.rfind('\n') else {
        return body;
    };
    let last = trimmed[newline + 1..].trim();
    if last.len() <= MAX_SIGN_OFF_BYTES
        && is_sign_off(last)
        && !trimmed[..newline].trim().is_empty()
    {
        &body[..newline]
    } else {
        body
    }
}

/// Whether a line reads as a sign-off: a word of letters, alone or followed by what wire
/// archives leave after it (Reuters-21578 writes `REUTER...`, `REUTER^M` with the carriage
/// return spelt out, `Reuter4`, `REUTER N` with a desk's code); not a word and a full stop
/// (`Merkel.`), nor two words (`German Chancellor`).
fn is_sign_off(line: &str) -> bool {
    let letters = line.bytes().take_while(u8::is_ascii_alphabetic).count();
    if letters == 0 {
        return false;
    }
    let rest = &line[letters..];
    if let Some(code) = rest.strip_prefix(' ') {
        return (1..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_uppercase());
    }
    let rest = rest.strip_suffix("^M").unwrap_or(rest);
    match rest.as_bytes() {
        [] => true,
        [digit] => digit.is_ascii_digit(),
        dots => dots.len() >= 2 && dots.iter().all(|&b| b == b'.'),
    }
}

/// The text the entity recogniser reads of an article, and where its body starts in it: the
/// title, a blank line and the body without its sign-off; the body alone when the title is empty
/// or opens it (an untitled text's first sentence is read once, there).
pub fn entity_text(article: &Article) -> (std::borrow::Cow<'_, str>, usize) {
    let body = without_sign_off(&article.body);
    if article.title.trim().is_empty() || body.starts_with(&article.title) {
        (std::borrow::Cow::Borrowed(body), 0)
    } else {
        let joined = format!("{}\n\n{}", article.title, body);
        let offset = article.title.len() + 2;
        (std::borrow::Cow::Owned(joined), offset)
    }
}

fn annotate_entities(article: &Article, passages: &mut [AnnotatedPassage]) -> Vec<CountedEntity> {
    let (text, body_offset) = entity_text(article);
    let found = Recognizer::global().extract(&text);
    // Counted by the name's term (lower case, folded to ASCII: the canonical name is normalised
    // already) so that a headline in capitals or a writing without accents joins the first
    // writing met, as entity filters and counts take them to be one entity.
    let mut counted: Vec<CountedEntity> = Vec::new();
    let mut position: HashMap<(EntityKind, String), usize> = HashMap::default();
    for entity in found {
        if entity.canonical.trim().is_empty() {
            continue;
        }
        let key = (entity.kind, name_term(entity.canonical.clone()));
        let slot = *position.entry(key).or_insert_with(|| {
            counted.push(CountedEntity {
                entity: EntityName {
                    kind: entity.kind,
                    name: entity.canonical.clone(),
                },
                mentions: 0,
                short_forms: Vec::new(),
            });
            counted.len() - 1
        });
        counted[slot].mentions += 1;
        // A shorter form the article gives the name in, kept for other articles to find the
        // name by (most mentions are written as their name: those are not normalised again).
        if entity.kind != EntityKind::Person
            && entity.canonical != entity.text
            && let Some(short) = short_form(
                entity.kind,
                &entity.text,
                &entity.canonical,
                is_ticker(&text, entity.start, entity.end),
            )
            && !counted[slot].short_forms.contains(&short)
        {
            counted[slot].short_forms.push(short);
        }
        let name = &counted[slot].entity;
        if entity.start >= body_offset
            && let Some(p) = passage_at(passages, entity.start - body_offset)
            && !passages[p].entities.contains(name)
        {
            passages[p].entities.push(name.clone());
        }
    }
    // Stable: ties keep the order of first mention.
    counted.sort_by_key(|c| std::cmp::Reverse(c.mentions));
    counted
}

fn annotate_dates(article: &Article, passages: &mut [AnnotatedPassage]) -> Vec<MentionedDate> {
    let mut dates = Vec::new();
    for DateMention {
        start,
        value,
        range,
        ..
    } in extract_dates(&article.body, anchor_date(article))
    {
        let Some((first, last)) = range else {
            continue;
        };
        let date = MentionedDate { value, first, last };
        if let Some(p) = passage_at(passages, start) {
            passages[p].dates.push(date.clone());
        }
        dates.push(date);
    }
    dates
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn short_forms_are_acronyms_and_an_organisation_s_first_words() {
        let org = EntityKind::Organization;
        let short = |kind, text: &str, name: &str| short_form(kind, text, name, false);
        assert_eq!(
            short(org, "SEC", "Securities and Exchange Commission").as_deref(),
            Some("SEC")
        );
        assert_eq!(
            short(org, "Moody's", "Moody's Investors Service Inc").as_deref(),
            Some("Moody's")
        );
        // The name written otherwise, a name's last words, a shorter place: none.
        assert_eq!(short(org, "CHRYSLER CORP", "Chrysler Corp"), None);
        assert_eq!(
            short(org, "Chrysler", "Chrysler Corp"),
            Some("Chrysler".into())
        );
        assert_eq!(short(org, "Moody's Investors", "Moody's Investors"), None);
        assert_eq!(short(org, "National Bank", "Swiss National Bank"), None);
        assert_eq!(short(EntityKind::Location, "Kansas", "Kansas City"), None);
        assert_eq!(short(org, "Moody", "Moody's Investors Service Inc"), None);
        // A ticker is a short form when written as one (between angle brackets).
        assert_eq!(short(org, "MER", "Merrill Lynch and Co Inc"), None);
        assert_eq!(
            short_form(org, "MER", "Merrill Lynch and Co Inc", true).as_deref(),
            Some("MER")
        );
    }

    fn article(title: &str, body: &str, published: Option<&str>) -> Article {
        Article {
            id: "a".into(),
            title: title.into(),
            body: body.into(),
            published: published.map(|p| p.parse().unwrap()),
            ..Article::default()
        }
    }

    #[test]
    fn writings_of_one_name_are_one_entity_of_the_article() {
        let body = "Bankers met in Zürich on Monday. Officials in ZURICH said rates would rise. \
                    Zurich banks agreed, and Zürich shares rose.";
        let annotated = annotate(&article("", body, None), &AnnotateOptions::default());
        let places: Vec<&CountedEntity> = annotated
            .entities
            .iter()
            .filter(|c| c.entity.kind == EntityKind::Location)
            .collect();
        assert_eq!(places.len(), 1, "{places:?}");
        assert!(places[0].mentions >= 3, "{places:?}");
        let in_passages: usize = annotated
            .passages
            .iter()
            .map(|p| {
                p.entities
                    .iter()
                    .filter(|e| e.kind == EntityKind::Location)
                    .count()
            })
            .sum();
        assert_eq!(in_passages, 1);
    }

    #[test]
    fn a_wire_sign_off_is_no_mention() {
        let names = |body: &str| -> Vec<String> {
            let annotated = annotate(&article("", body, None), &AnnotateOptions::default());
            annotated
                .entities
                .into_iter()
                .map(|c| c.entity.name)
                .collect()
        };
        // Reuters' stories end so (the known-item corpus: "Reuter" a person in 234 of them).
        let story = "Fidelity National Financial Inc said it agreed to buy a title insurer in \
                     Texas.\n Terms were not disclosed.\n Reuter\n";
        let found = names(story);
        assert!(found.iter().any(|n| n == "Texas"), "{found:?}");
        assert!(!found.iter().any(|n| n.contains("Reuter")), "{found:?}");
        assert_eq!(
            without_sign_off(story),
            &story[..story.rfind("\n Reuter").unwrap()]
        );
        // What wire archives leave after the word.
        for sign_off in [
            "REUTER...",
            "REUTER^M",
            "Reuter...^M",
            "Reuter4",
            "REUTER N",
            "AP TAW",
        ] {
            let body = format!("Talks went on.\n{sign_off}\n");
            assert_eq!(without_sign_off(&body), "Talks went on.", "{sign_off}");
        }
        // A last line of more than one word, or of anything but letters, is the story's own;
        // so is a body of one line.
        for body in [
            "Talks went on.\nGerman Chancellor",
            "Talks went on.\nMerkel.",
            "Talks went on.\nMerkel said",
            "Talks went on.\nGM Corp",
            "Talks went on.\n1987",
            "Talks went on.\nMerkel.^M",
            "Reuter",
        ] {
            assert_eq!(without_sign_off(body), body);
        }
    }

    #[test]
    fn passages_carry_their_own_entities_and_dates() {
        let first =
            "Sam Altman said on Saturday that OpenAI would open an office in Paris. ".repeat(5);
        let second =
            "Anthropic declined to comment. Altman spoke to Bloomberg in March 2025. ".repeat(5);
        let body = format!("{first}\n\n{second}");
        let a = article("", &body, Some("2026-03-02T09:00:00Z"));
        let options = AnnotateOptions {
            passages: PassageOptions {
                min_words: 20,
                max_words: 80,
            },
            ..AnnotateOptions::default()
        };
        let got = annotate(&a, &options);
        assert_eq!(got.passages.len(), 2, "{got:#?}");
        let names = |p: &AnnotatedPassage| -> Vec<String> {
            p.entities.iter().map(EntityName::key).collect()
        };
        let p0 = names(&got.passages[0]);
        let p1 = names(&got.passages[1]);
        assert!(p0.contains(&"PER:Sam Altman".to_string()), "{p0:?}");
        assert!(p0.contains(&"ORG:OpenAI".to_string()), "{p0:?}");
        assert!(!p0.contains(&"ORG:Anthropic".to_string()), "{p0:?}");
        // "Altman" alone resolves to the full name.
        assert!(p1.contains(&"PER:Sam Altman".to_string()), "{p1:?}");
        assert!(p1.contains(&"ORG:Anthropic".to_string()), "{p1:?}");
        assert_eq!(got.entities[0].entity.key(), "PER:Sam Altman");
        assert_eq!(got.entities[0].mentions, 10);
        let saturday = &got.passages[0].dates[0];
        assert_eq!(
            (saturday.first, saturday.last),
            (date(2026, 2, 28), date(2026, 2, 28))
        );
        let march = &got.passages[1].dates[0];
        assert_eq!(march.value, "2025-03");
        assert_eq!(
            (march.first, march.last),
            (date(2025, 3, 1), date(2025, 3, 31))
        );
    }

    #[test]
    fn a_batch_annotates_each_article_as_it_would_be_alone() {
        let seed = include_str!("../../corpus/000_feb3187bc183f0b1.txt");
        let (first_half, second_half) =
            seed.split_at(seed.len() / 2 + seed[seed.len() / 2..].find('\n').unwrap());
        let fixtures: Vec<serde_json::Value> = include_str!("../../tests/dates_fixture.jsonl")
            .lines()
            .map(|line| serde_json::from_str(line).unwrap())
            .collect();
        let mut articles = vec![
            article(
                "OpenAI signs defence deal",
                seed,
                Some("2026-02-28T18:00:00Z"),
            ),
            article("", first_half, Some("2025-11-02T09:00:00Z")),
            article("The second half", second_half, None),
            article("A title alone", "", None),
            article("", "", None),
        ];
        for fixture in &fixtures {
            let dct = fixture["dct"].as_str().unwrap();
            let published = format!("{}T12:00:00Z", &dct[..10]);
            articles.push(article(
                "",
                fixture["text"].as_str().unwrap(),
                Some(&published),
            ));
        }
        let alone: Vec<AnnotatedArticle> = articles
            .iter()
            .map(|a| annotate(a, &AnnotateOptions::default()))
            .collect();
        assert!(alone.iter().any(|a| !a.entities.is_empty()));
        assert!(alone.iter().any(|a| !a.dates.is_empty()));
        let refs: Vec<&Article> = articles.iter().collect();
        assert_eq!(annotate_batch(&refs, &AnnotateOptions::default()), alone);
        let reversed: Vec<&Article> = articles.iter().rev().collect();
        let mut batch = annotate_batch(&reversed, &AnnotateOptions::default());
        batch.reverse();
        assert_eq!(batch, alone);
        assert!(annotate_batch(&[], &AnnotateOptions::default()).is_empty());
    }

    #[test]
    fn options_turn_extraction_off() {
        let a = article("Altman in Paris", "Sam Altman visited Paris in 1987.", None);
        let options = AnnotateOptions {
            entities: false,
            dates: false,
            ..AnnotateOptions::default()
        };
        let got = annotate(&a, &options);
        assert!(got.entities.is_empty() && got.dates.is_empty());
        assert!(
            got.passages
                .iter()
                .all(|p| p.entities.is_empty() && p.dates.is_empty())
        );
        let full = annotate(&a, &AnnotateOptions::default());
        assert!(!full.entities.is_empty() && !full.dates.is_empty());
    }

    #[test]
    fn an_entitys_terms_are_its_filter_terms() {
        for (kind, name) in [
            (EntityKind::Person, "Sam Altman"),
            (EntityKind::Organization, "OpenAI’s"),
            (EntityKind::Location, "  São \n Paulo "),
            (EntityKind::Misc, "“Codex”"),
        ] {
            let entity = EntityName {
                kind,
                name: name.to_string(),
            };
            assert_eq!(
                entity.terms(),
                [entity_term(None, name), entity_term(Some(kind), name)]
            );
        }
    }

    #[test]
    fn entity_terms_are_normalised() {
        assert_eq!(entity_term(None, "  Sam   Altman's "), "sam altman");
        assert_eq!(
            entity_term(Some(EntityKind::Organization), "OpenAI’s"),
            "org:openai"
        );
        let name = EntityName::from_key("PER:Sam Altman").unwrap();
        assert_eq!(name.terms(), ["sam altman", "per:sam altman"]);
        // Beyond ASCII, lower case as `str::to_lowercase` gives it, folded to ASCII.
        assert_eq!(
            entity_term(Some(EntityKind::Location), "ZÜRICH’s"),
            "loc:zurich"
        );
        let name = EntityName::from_key("MISC:ΣΟΦΊΑ İstanbul").unwrap();
        let lower = "ΣΟΦΊΑ İstanbul".to_lowercase();
        assert_eq!(name.terms(), [lower.clone(), format!("misc:{lower}")]);
        assert_eq!(EntityName::from_key("XYZ:foo"), None);
    }

    #[test]
    fn a_final_designator_is_one_term_however_written() {
        let org = |name: &str| entity_term(Some(EntityKind::Organization), name);
        for (written, usual) in [
            (
                "International Finance Corporation",
                "International Finance Corp",
            ),
            ("FORD MOTOR COMPANY", "Ford Motor Co"),
            ("Hambros Bank Limited", "Hambros Bank Ltd"),
            ("Unilever N.V.", "Unilever NV"),
            ("Fiat S.p.A.", "Fiat SpA"),
        ] {
            assert_eq!(org(written), org(usual), "{written}");
        }
        assert_eq!(org("Ford Motor Company"), "org:ford motor co");
        // Only a final word after others: a name of the word alone, or with it inside, stays.
        assert_eq!(org("Company"), "org:company");
        assert_eq!(org("Corporation Bancaria"), "org:corporation bancaria");
    }

    #[test]
    fn commas_ampersands_and_brothers_are_one_term_however_written() {
        let org = |name: &str| entity_term(Some(EntityKind::Organization), name);
        for (written, usual) in [
            ("Goldman, Sachs and Co", "Goldman Sachs and Co"),
            ("Kidder, Peabody and Co Inc", "Kidder Peabody and Co Inc"),
            ("Standard & Poor's Corp", "Standard and Poor's Corp"),
            ("Salomon Bros Inc", "Salomon Brothers Inc"),
            ("SHEARSON LEHMAN BROS. INC", "Shearson Lehman Brothers Inc"),
            ("Warner Bros.", "Warner Brothers"),
        ] {
            assert_eq!(org(written), org(usual), "{written}");
        }
        assert_eq!(org("Salomon Brothers Inc"), "org:salomon bros inc");
        // Words that merely begin so stay.
        assert_eq!(
            org("Brotherhood of Teamsters"),
            "org:brotherhood of teamsters"
        );
        assert_eq!(org("A & W"), "org:a and w");
    }

    #[test]
    fn a_country_s_writings_are_one_term() {
        let place = |name: &str| entity_term(Some(EntityKind::Location), name);
        for written in ["U.S.", "US", "USA", "U.S.A.", "United States of America"] {
            assert_eq!(place(written), "loc:united states", "{written}");
        }
        for written in ["Britain", "U.K.", "UK", "Great Britain"] {
            assert_eq!(place(written), "loc:united kingdom", "{written}");
        }
        assert_eq!(place("U.S. Virgin Islands"), "loc:u.s. virgin islands");
        // No short form is kept for them: the term is the name's.
        let short = |text: &str, name: &str| short_form(EntityKind::Location, text, name, false);
        assert_eq!(short("US", "United States"), None);
        assert_eq!(short("U.K.", "Britain"), None);
    }
}
