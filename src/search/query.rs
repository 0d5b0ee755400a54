//! From query text to tantivy queries: one over articles (title and body) with the request's
//! filters, and what the query and filters ask of passages. Full syntax is parsed leniently: what
//! cannot be parsed is dropped and reported.

use super::date_clauses::rewrite_published;
use super::expansion::{Expandable, ExpandedWord, Expander, take_expandables};
use super::filters;
use super::filters::{EntityFilter, EntityMatch};
use super::highlight::QueryWords;
use super::mention_query::MentionQuery;
use super::passage_filter::PassageFilter;
use super::passage_query::PassageQuery;
use super::request::{QuerySyntax, SearchRequest};
use crate::index::Index;
use crate::index::day_range::day_number;
use crate::index::published_date;
use regex::Regex;
use std::sync::OnceLock;
use tantivy::Term;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, EmptyQuery, EnableScoring, Occur, Query,
    QueryParser, QueryParserError, RangeQuery, TermQuery, TermSetQuery,
};
use tantivy::schema::{Field, IndexRecordOption};

/// Weight of a title match against a body match.
const TITLE_BOOST: f32 = 1.5;

/// A query ready to run against articles and their passages.
pub(crate) struct CompiledQuery {
    /// Matches and scores articles.
    pub article: Box<dyn Query>,
    /// Matches and scores passages, on the positions of its terms in their article's body.
    pub passage: PassageQuery,
    /// What a passage must also hold when the request filters by entities or mentioned dates.
    pub passage_filter: Option<PassageFilter>,
    /// The query's distinct terms as the index holds them (analysed text), but none under a
    /// `NOT`: what an article's lead and its title or body are checked for (see
    /// [`super::term_presence`]). Each is a group of alternatives (one term, or the terms a
    /// wildcard or fuzzy word stands for), any of which counts, as much as its weight (how near
    /// it is to the word written, 1 at most). Empty for a match-all query.
    pub terms: Vec<Vec<(String, f32)>>,
    /// What was ignored in the query text, and why.
    pub warnings: Vec<String>,
    /// Whether `article` is a flat disjunction of terms, which tantivy runs with block-max WAND
    /// when it collects the top alone (so matches are best counted apart).
    pub prunable: bool,
    /// What a hit's title lights up: the query's title words and phrases.
    pub title_terms: QueryWords,
    /// What a hit's passages light up: the body's words and phrases ([`PassageQuery::highlighted`]).
    pub passage_terms: QueryWords,
}

/// The query text with every character that is not part of a word turned into a space, and
/// lower-cased so that AND, OR, NOT and TO are words too.
pub(crate) fn plain_text(query: &str) -> String {
    query
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .to_lowercase()
}

fn is_match_all(text: &str) -> bool {
    let text = text.trim();
    text.is_empty() || text == "*"
}

fn filter(query: Box<dyn Query>) -> (Occur, Box<dyn Query>) {
    (Occur::Must, Box::new(ConstScoreQuery::new(query, 0.0)))
}

/// `entity:NAME`, `entity:"A NAME"`, `entity:PER:"A NAME"`, with `+` or `-` in front.
fn entity_clause_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r#"(?:^|\s)([+-]?)entity:((?:[A-Za-z]{3,4}:)?(?:"[^"]*"|[^\s"()]+))"#)
            .expect("valid regex")
    })
}

/// The byte ranges of full-syntax query text's `entity:` clauses.
pub(crate) fn entity_clause_spans(text: &str) -> Vec<(usize, usize)> {
    entity_clause_re()
        .find_iter(text)
        .map(|m| (m.start(), m.end()))
        .collect()
}

/// Takes the `entity:` clauses out of full-syntax query text: they are filters (every one must
/// hold; `-entity:` excludes), not scored terms. Returns the rest of the text and the filters.
pub(crate) fn split_entity_clauses(
    text: &str,
    warnings: &mut Vec<String>,
) -> (String, Vec<EntityFilter>) {
    let mut rest = String::with_capacity(text.len());
    let mut filters = Vec::new();
    let mut last = 0;
    for caps in entity_clause_re().captures_iter(text) {
        let whole = caps.get(0).expect("match");
        rest.push_str(&text[last..whole.start()]);
        rest.push(' ');
        last = whole.end();
        // The sign goes with the name: `EntityFilter::parse` reads `-NAME` as an exclusion.
        match EntityFilter::parse(&format!("{}{}", &caps[1], &caps[2])) {
            Ok(filter) => filters.push(filter),
            Err(err) => warnings.push(format!("ignored part of the query: {err}")),
        }
    }
    rest.push_str(&text[last..]);
    (rest, filters)
}

/// The filters a request's article query carries: the date range, entities and mentioned periods.
fn filters(
    index: &Index,
    request: &SearchRequest,
    entities: &[EntityMatch],
) -> Vec<(Occur, Box<dyn Query>)> {
    let fields = &index.fields;
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    if !request.exclude_ids.is_empty() {
        let ids = request
            .exclude_ids
            .iter()
            .map(|id| Term::from_field_text(fields.id, id));
        clauses.push((Occur::MustNot, Box::new(TermSetQuery::new(ids))));
    }
    for entity in entities {
        let terms = &entity.terms;
        let term: Box<dyn Query> = match terms.as_slice() {
            [term] => Box::new(TermQuery::new(
                Term::from_field_text(fields.entity, term),
                IndexRecordOption::Basic,
            )),
            _ => Box::new(TermSetQuery::new(
                terms
                    .iter()
                    .map(|term| Term::from_field_text(fields.entity, term)),
            )),
        };
        if entity.exclude {
            clauses.push((Occur::MustNot, Box::new(ConstScoreQuery::new(term, 0.0))));
        } else {
            clauses.push(filter(term));
        }
    }
    if let Some(period) = request.mentions {
        let name = index
            .index
            .schema()
            .get_field_name(fields.mention)
            .to_string();
        clauses.push(filter(Box::new(MentionQuery::new(
            &name,
            day_number(period.first),
            day_number(period.last),
        ))));
    }
    if request.since.is_some() || request.until.is_some() {
        let term = |date| Term::from_field_date(fields.published, date);
        clauses.push(filter(Box::new(RangeQuery::new(
            published_date::lower_bound(request.since).map(term),
            published_date::upper_bound(request.until).map(term),
        ))));
    }
    clauses
}

/// Parses full-syntax `text` over `fields`, its `expandables` (placeholders in the text) expanded
/// into the terms they stand for.
fn parse(
    index: &Index,
    fields: &[Field],
    text: &str,
    expandables: &[Expandable],
    warnings: Option<&mut Vec<String>>,
) -> Box<dyn Query> {
    if is_match_all(text) {
        return Box::new(AllQuery);
    }
    let mut parser = QueryParser::for_index(&index.index, fields.to_vec());
    // The parser hides a field's boost inside a query that cannot be rewritten, so with words
    // to expand the expander applies it instead (and only then is a searcher taken for it).
    let mut expander = (!expandables.is_empty()).then(|| {
        let title_boost = fields
            .contains(&index.fields.title)
            .then_some((index.fields.title, TITLE_BOOST));
        Expander::new(
            &index.index,
            index.reader.searcher(),
            expandables,
            title_boost,
        )
    });
    if expander.is_none() {
        parser.set_field_boost(index.fields.title, TITLE_BOOST);
    }
    // The text parsed, and its expandable words replaced by their terms.
    let mut parse_text = |text: &str, ignored: &mut Vec<String>| match &mut expander {
        None => parser.parse_query_lenient(text),
        Some(expander) => {
            let (query, errors) = expander.parse_lenient(&parser, text);
            let query = expander.rewrite(&*query).unwrap_or_else(|err| {
                ignored.push(format!(
                    "ignored the query's wildcards and fuzzy words: {err}"
                ));
                Box::new(EmptyQuery)
            });
            (query, errors)
        }
    };
    let mut ignored = Vec::new();
    let (query, errors) = parse_text(text, &mut ignored);
    // A query of exclusions alone (`NOT b`) is reported as an error, though the lenient parser
    // builds what it means: every document but those.
    ignored.splice(
        0..0,
        errors
            .iter()
            .filter(|e| !matches!(e, QueryParserError::AllButQueryForbidden))
            .map(|e| format!("ignored part of the query: {e}")),
    );
    // The lenient parser can still build a query that fails when it runs (`title:*` asks for a
    // fast field, `:*` for a field named ""): then only the query's words are searched.
    let schema = index.index.schema();
    let query = match query.weight(EnableScoring::disabled_from_schema(&schema)) {
        Ok(_) => query,
        Err(err) => {
            ignored.push(format!(
                "ignored the query's syntax ({err}); searching its words"
            ));
            parse_text(&plain_text(text), &mut ignored).0
        }
    };
    if let Some(warnings) = warnings {
        warnings.extend(ignored);
        warnings.extend(expander.iter().flat_map(Expander::warnings));
    }
    if has_bare_exclusions(&*query, false) {
        with_negations_completed(&*query, false)
    } else {
        query
    }
}

/// Whether a nested boolean query holds exclusions alone (what [`with_negations_completed`]
/// mends); checked first so that other queries are used as parsed.
fn has_bare_exclusions(query: &dyn Query, nested: bool) -> bool {
    let Some(boolean) = query.downcast_ref::<BooleanQuery>() else {
        return false;
    };
    let clauses = boolean.clauses();
    (nested && exclusions_only(clauses))
        || clauses
            .iter()
            .any(|(_, clause)| has_bare_exclusions(&**clause, true))
}

/// Whether boolean clauses are exclusions and nothing else.
fn exclusions_only(clauses: &[(Occur, Box<dyn Query>)]) -> bool {
    !clauses.is_empty() && clauses.iter().all(|(occur, _)| *occur == Occur::MustNot)
}

/// tantivy's parser reads `a AND NOT b` as `a` and a nested query of the exclusion `b` alone,
/// and such a query matches nothing, so `a AND NOT b` found nothing. Each nested query of
/// exclusions alone gets every article as its wanted clause (scoring nothing), as the parser
/// already does for a whole query of exclusions (`NOT b`): `a AND NOT b` is `a` without `b`,
/// and `NOT NOT b` is `b`.
fn with_negations_completed(query: &dyn Query, nested: bool) -> Box<dyn Query> {
    let Some(boolean) = query.downcast_ref::<BooleanQuery>() else {
        return query.box_clone();
    };
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = boolean
        .clauses()
        .iter()
        .map(|(occur, clause)| (*occur, with_negations_completed(&**clause, true)))
        .collect();
    if nested && exclusions_only(&clauses) {
        let everything = ConstScoreQuery::new(Box::new(AllQuery), 0.0);
        clauses.push((Occur::Should, Box::new(everything)));
    }
    Box::new(BooleanQuery::new(clauses))
}

/// Whether full-syntax query text is nothing but words: letters, digits and spaces, and none of
/// the operators `AND`, `OR`, `NOT`. The parser would read it as a disjunction of its words.
fn is_words_only(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_alphanumeric() || c.is_whitespace())
        && !text
            .split_whitespace()
            .any(|word| matches!(word, "AND" | "OR" | "NOT"))
}

/// The article query for words alone, as the parser would score it (each word's title and body
/// terms, the title boosted; a word written twice counts once) but flat: one disjunction of term
/// queries, which tantivy runs with block-max WAND, skipping the documents that cannot enter the
/// top. `None` when the text has no term (match-all text, or words the analyzer drops).
fn article_term_union(index: &Index, text: &str) -> Option<Box<dyn Query>> {
    let clauses: Vec<_> = word_clauses(index, text).into_iter().flatten().collect();
    (!clauses.is_empty()).then(|| Box::new(BooleanQuery::new(clauses)) as Box<dyn Query>)
}

/// The article query for words of which an article must hold at least `least` (scored as
/// [`article_term_union`] scores them): one group of clauses a word. `None` when the text has
/// no term.
fn article_word_quorum(index: &Index, text: &str, least: usize) -> Option<Box<dyn Query>> {
    let groups: Vec<(Occur, Box<dyn Query>)> = word_clauses(index, text)
        .into_iter()
        .filter(|clauses| !clauses.is_empty())
        .map(|clauses| {
            (
                Occur::Should,
                Box::new(BooleanQuery::new(clauses)) as Box<dyn Query>,
            )
        })
        .collect();
    let least = least.min(groups.len());
    (!groups.is_empty()).then(|| {
        Box::new(BooleanQuery::with_minimum_required_clauses(groups, least)) as Box<dyn Query>
    })
}

/// Each distinct word's clauses: for each of its terms, a title term query (boosted) and a body
/// term query. Empty for match-all text.
fn word_clauses(index: &Index, text: &str) -> Vec<Vec<(Occur, Box<dyn Query>)>> {
    let fields = &index.fields;
    let Some(mut analyzer) = (!is_match_all(text))
        .then(|| index.index.tokenizer_for_field(fields.body).ok())
        .flatten()
    else {
        return Vec::new();
    };
    let mut words = Vec::new();
    // The parser counts a word written twice once (but "aero" and "aeroe", one stem, twice).
    let mut seen = std::collections::HashSet::new();
    for word in text.split_whitespace() {
        if !seen.insert(word) {
            continue;
        }
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut stream = analyzer.token_stream(word);
        while let Some(token) = stream.next() {
            let title = TermQuery::new(
                Term::from_field_text(fields.title, &token.text),
                IndexRecordOption::WithFreqs,
            );
            let body = TermQuery::new(
                Term::from_field_text(fields.body, &token.text),
                IndexRecordOption::WithFreqs,
            );
            clauses.push((
                Occur::Should,
                Box::new(BoostQuery::new(Box::new(title), TITLE_BOOST)),
            ));
            clauses.push((Occur::Should, Box::new(body)));
        }
        words.push(clauses);
    }
    words
}

/// Pushes the terms `query` asks for, leaving out those under a `MustNot` (an excluded term is
/// not something the lead should contain): each term a group of its own, but the terms a
/// wildcard or fuzzy word stands for one group, any of which counts as much as it is near the
/// word (see [`ExpandedWord::terms`]).
fn wanted_terms(query: &dyn Query, terms: &mut Vec<Vec<(Term, f32)>>) {
    if let Some(boolean) = query.downcast_ref::<BooleanQuery>() {
        for (occur, clause) in boolean.clauses() {
            if *occur != Occur::MustNot {
                wanted_terms(&**clause, terms);
            }
        }
    } else if let Some(word) = query.downcast_ref::<ExpandedWord>() {
        terms.push(word.terms().map(|(t, near)| (t.clone(), near)).collect());
    } else {
        query.query_terms(&mut |term, _| terms.push(vec![(term.clone(), 1.0)]));
    }
}

/// The query's distinct terms (parsed for the body: analysed text, the same for every text field
/// of the English analyser), in groups of alternatives (see [`wanted_terms`]).
fn distinct_terms(query: &dyn Query) -> Vec<Vec<(Term, f32)>> {
    let mut terms = Vec::new();
    wanted_terms(query, &mut terms);
    let key = |group: &Vec<(Term, f32)>| group.iter().map(|(t, _)| t.clone()).collect::<Vec<_>>();
    terms.sort_by_cached_key(key);
    terms.dedup_by(|a, b| key(a) == key(b));
    terms
}

/// The deepest nesting of parentheses passed to the parser: it recurses once per level, and a few
/// hundred levels overflow a thread's stack.
const MAX_NESTING: usize = 32;

/// Drops the parentheses nested deeper than [`MAX_NESTING`] (outside quotes) and says so.
fn limit_nesting(text: &str, warnings: &mut Vec<String>) -> String {
    let mut depth = 0usize;
    let mut quoted = false;
    let mut dropped = 0usize;
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '(' if !quoted => {
                depth += 1;
                if depth > MAX_NESTING {
                    dropped += 1;
                    out.push(' ');
                    continue;
                }
            }
            ')' if !quoted && depth > 0 => {
                depth -= 1;
                if depth >= MAX_NESTING {
                    out.push(' ');
                    continue;
                }
            }
            _ => {}
        }
        out.push(c);
    }
    if dropped > 0 {
        warnings.push(format!(
            "ignored {dropped} parentheses nested deeper than {MAX_NESTING} levels"
        ));
    }
    out
}

/// Compiles a request's query text and filters.
pub(crate) fn compile(index: &Index, request: &SearchRequest) -> CompiledQuery {
    let mut warnings = Vec::new();
    let mut entities = request.entities.clone();
    let text = match request.syntax {
        QuerySyntax::Full => {
            let query = rewrite_published(&request.query, &mut warnings);
            let (rest, from_text) = split_entity_clauses(&query, &mut warnings);
            entities.extend(from_text);
            limit_nesting(&rest, &mut warnings)
        }
        QuerySyntax::Plain => plain_text(&request.query),
    };
    let entities: Vec<EntityMatch> = if entities.is_empty() {
        Vec::new()
    } else {
        let searcher = index.reader.searcher();
        entities
            .iter()
            .map(|filter| EntityMatch {
                terms: filters::matching_terms(index, &searcher, filter),
                exclude: filter.exclude,
            })
            .collect()
    };
    let (text, expandables) = match request.syntax {
        QuerySyntax::Full => take_expandables(&text),
        QuerySyntax::Plain => (text, Vec::new()),
    };
    let fields = &index.fields;
    let body = parse(index, &[fields.body], &text, &expandables, None);
    let passage = PassageQuery::new(&*body, fields.body);
    let terms: Vec<Vec<(String, f32)>> = distinct_terms(&*body)
        .iter()
        .map(|group| {
            group
                .iter()
                .filter_map(|(term, near)| Some((term.value().as_str()?.to_owned(), *near)))
                .collect()
        })
        .collect();
    let unfiltered = entities.is_empty()
        && request.exclude_ids.is_empty()
        && request.mentions.is_none()
        && request.since.is_none()
        && request.until.is_none();
    let words_only = match request.syntax {
        QuerySyntax::Plain => true,
        QuerySyntax::Full => expandables.is_empty() && is_words_only(&text),
    };
    let quorum = if request.minimum_should_match > 0 && is_match_all(&text) {
        // A quorum of no words: no article holds it.
        Some(Box::new(EmptyQuery) as Box<dyn Query>)
    } else {
        (words_only && request.minimum_should_match > 1)
            .then(|| article_word_quorum(index, &text, request.minimum_should_match))
            .flatten()
    };
    let union = match quorum {
        Some(_) => None,
        None => (unfiltered && words_only)
            .then(|| article_term_union(index, &text))
            .flatten(),
    };
    let prunable = union.is_some();
    let article = match quorum.or(union) {
        Some(query) if unfiltered => query,
        found => {
            let parsed = found.unwrap_or_else(|| {
                parse(
                    index,
                    &[fields.title, fields.body],
                    &text,
                    &expandables,
                    Some(&mut warnings),
                )
            });
            let mut clauses = vec![(Occur::Must, parsed)];
            clauses.extend(filters(index, request, &entities));
            Box::new(BooleanQuery::new(clauses))
        }
    };
    // A title's highlights: the title terms the article query names, but a term that the query
    // names only inside phrases lit up where the phrase stands. The article query hides a title
    // phrase inside the title's boost; the body's reading of the same text shows its phrases
    // (the fields share their analyzer), and reading the text a third time for the title alone
    // cost 4% of a page of ten.
    let passage_terms = passage.highlighted();
    let body_words = &passage_terms;
    let mut title_terms = QueryWords {
        words: Default::default(),
        phrases: body_words.phrases.clone(),
    };
    article.query_terms(&mut |term, _| {
        if term.field() == fields.title
            && let Some(text) = term.value().as_str()
        {
            let phrase_only = !body_words.words.contains(text)
                && body_words
                    .phrases
                    .iter()
                    .any(|p| p.iter().any(|t| t == text));
            if !phrase_only {
                title_terms.words.insert(text.to_owned());
            }
        }
    });
    CompiledQuery {
        title_terms,
        passage_terms,
        article,
        passage,
        passage_filter: PassageFilter::new(&entities, request.mentions),
        terms,
        warnings,
        prunable,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::entities::EntityKind;

    #[test]
    fn deep_nesting_is_cut_with_a_warning() {
        let mut warnings = Vec::new();
        let deep = format!("{}gold{}", "(".repeat(40), ")".repeat(40));
        let got = limit_nesting(&deep, &mut warnings);
        assert_eq!(got.matches('(').count(), MAX_NESTING);
        assert_eq!(got.matches(')').count(), MAX_NESTING);
        assert!(warnings[0].contains("8 parentheses"), "{warnings:?}");
        let mut none = Vec::new();
        assert_eq!(
            limit_nesting("(a OR \"((b\") AND c", &mut none),
            "(a OR \"((b\") AND c"
        );
        assert!(none.is_empty());
    }

    #[test]
    fn entity_clauses_become_filters() {
        let mut warnings = Vec::new();
        let (rest, found) = split_entity_clauses(
            r#"pentagon entity:"Sam Altman" -entity:ORG:Anthropic +entity:Codex risk"#,
            &mut warnings,
        );
        assert_eq!(
            rest.split_whitespace().collect::<Vec<_>>(),
            ["pentagon", "risk"]
        );
        assert_eq!(found.len(), 3);
        assert_eq!(
            (found[0].kind, found[0].term().as_str()),
            (None, "sam altman")
        );
        assert!(!found[0].exclude);
        assert_eq!(found[1].kind, Some(EntityKind::Organization));
        assert!(found[1].exclude);
        assert_eq!(found[2].term(), "codex");
        assert!(warnings.is_empty());
        let (rest, found) = split_entity_clauses("nonentity:x entity:\"\"", &mut warnings);
        assert!(rest.contains("nonentity:x"));
        assert!(found.is_empty());
        assert_eq!(warnings.len(), 1);
    }

    #[test]
    fn the_lead_counts_each_wanted_term_once_and_no_excluded_one() {
        let field = Field::from_field_id(0);
        let term = |text: &str| Term::from_field_text(field, text);
        let query = |text: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(term(text), IndexRecordOption::Basic))
        };
        let nested = BooleanQuery::new(vec![
            (Occur::Should, query("saudi")),
            (Occur::MustNot, query("iran")),
        ]);
        let whole = BooleanQuery::new(vec![
            (Occur::Should, query("oil")),
            (Occur::Should, query("price")),
            (Occur::Should, query("oil")),
            (Occur::MustNot, query("opec")),
            (Occur::Must, Box::new(nested)),
        ]);
        let want = vec![
            vec![(term("oil"), 1.0)],
            vec![(term("price"), 1.0)],
            vec![(term("saudi"), 1.0)],
        ];
        assert_eq!(distinct_terms(&whole), want);
        assert_eq!(
            distinct_terms(&*query("oil")),
            vec![vec![(term("oil"), 1.0)]]
        );
    }

    #[test]
    fn plain_text_keeps_only_words() {
        assert_eq!(
            plain_text("BAKER SAYS REAGAN TO MEET PRESS \"VERY SOON\" <NWL> AND: (x)"),
            "baker says reagan to meet press  very soon   nwl  and   x "
        );
    }
}
