//! Words of a query that stand for several of the index's terms, as Lucene's query syntax writes
//! them: a wildcard (`gorba*`, `wom?n`, `*stan`) and a fuzzy word (`gorbachov~`, `pentagn~1`).
//!
//! tantivy's parser reads neither (a lone `word*` is an error, and `word~1` a term whose slop
//! nothing uses), so they are taken out of the query text first, each replaced by a placeholder
//! word, and the parsed query's placeholder terms are then replaced by the terms of the field's
//! dictionary that the word stands for, found with an automaton over each segment's terms. As
//! Elasticsearch's `scoring_boolean` rewrite scores them, an expansion is a disjunction of term
//! queries scored by BM25, but with their rarity blended as Lucene blends a fuzzy query's (each
//! term as common as the most common of them); a fuzzy word's terms are weighed as Lucene's
//! `FuzzyQuery` weighs them, `1 − edits / length`, so the word as written counts most.

use levenshtein_automata::LevenshteinAutomatonBuilder;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;
use tantivy::query::{
    BooleanQuery, BoostQuery, EmptyQuery, EnableScoring, Occur, PhraseQuery, Query, QueryParser,
    QueryParserError, TermQuery, Weight,
};
use tantivy::query_grammar::{UserInputAst, UserInputLeaf};
use tantivy::schema::{Field, FieldType, IndexRecordOption, Schema};
use tantivy::{Searcher, Term};

/// The most terms a fuzzy word stands for, the nearest and then the most frequent (Lucene's
/// `maxExpansions`).
pub(crate) const FUZZY_EXPANSIONS: usize = 50;
/// The most terms a wildcard stands for, the most frequent.
pub(crate) const WILDCARD_EXPANSIONS: usize = 256;
/// The most edits a fuzzy word allows (Lucene's limit).
const MAX_EDITS: u8 = 2;
/// The most wildcards and fuzzy words a query expands (a query of many could ask for thousands
/// of terms: Lucene refuses more than 1,024 clauses); later ones go to the parser as written,
/// which ignores them with a warning.
pub(crate) const MAX_EXPANDABLES: usize = 16;

/// What a word of the query stands for.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Pattern {
    /// `*` for any characters, `?` for one; the rest as written.
    Wildcard(String),
    /// The word within some edits (`None`: by its length, as Elasticsearch's `AUTO`).
    Fuzzy { word: String, edits: Option<u8> },
}

/// A word of the query to expand, and the placeholder standing for it in the text parsed.
#[derive(Debug, Clone)]
pub(crate) struct Expandable {
    /// As the query wrote it (for messages).
    pub written: String,
    /// The placeholder word put in its place.
    pub placeholder: String,
    /// What it stands for.
    pub pattern: Pattern,
    /// Its `^boost`, 1 without one.
    pub boost: f32,
}

/// `[+-]` `field:` word `*`/`?`/`~N` `^boost`: a query word to expand, outside quotes.
fn expandable_re() -> &'static regex::Regex {
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    RE.get_or_init(|| {
        regex::Regex::new(
            r#"^([+-]?(?:[A-Za-z_][A-Za-z0-9_]*:)?)(?:([^\s"():^~*?\[\]{}\\]*[*?][^\s"():^~\[\]{}\\]*)|([^\s"():^~*?\[\]{}\\]+)~([0-9]*))(?:\^([0-9]+(?:\.[0-9]+)?))?$"#,
        )
        .expect("valid regex")
    })
}

/// The placeholder of the `n`th expandable word: one token that every analyzer keeps as it is
/// (lower-case ASCII letters and digits, nothing a stemmer strips).
fn placeholder(n: usize) -> String {
    format!("qxledeexpand{n}qx")
}

/// Takes the wildcards and fuzzy words out of full-syntax query text, each replaced by a
/// placeholder. Words inside quotes, a lone `*` (every article) and `field:*` are left alone.
pub(crate) fn take_expandables(text: &str) -> (String, Vec<Expandable>) {
    let mut out = String::with_capacity(text.len());
    let mut found = Vec::new();
    let mut quoted = false;
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String, found: &mut Vec<Expandable>| {
        if !word.is_empty() {
            out.push_str(&replace_word(word, found));
            word.clear();
        }
    };
    for c in text.chars() {
        if c == '"' {
            quoted = !quoted;
            word.push(c);
        } else if !quoted && (c.is_whitespace() || c == '(' || c == ')') {
            flush(&mut word, &mut out, &mut found);
            out.push(c);
        } else {
            word.push(c);
        }
    }
    flush(&mut word, &mut out, &mut found);
    (out, found)
}

/// The word as it goes to the parser: a placeholder when it is to be expanded.
fn replace_word(word: &str, found: &mut Vec<Expandable>) -> String {
    let Some(caps) = expandable_re()
        .captures(word)
        .filter(|_| found.len() < MAX_EXPANDABLES)
    else {
        return word.to_string();
    };
    let pattern = if let Some(wildcard) = caps.get(2) {
        let wildcard = wildcard.as_str();
        if wildcard.chars().all(|c| c == '*') {
            // `*` is every article, `title:*` every article with a title: the parser's.
            return word.to_string();
        }
        if !wildcard.trim_end_matches('?').contains(['*', '?']) {
            // A question's mark (`who chairs opec?`), not a wildcard: the word as written.
            return word.to_string();
        }
        Pattern::Wildcard(wildcard.to_string())
    } else {
        let edits = caps.get(4).map(|m| m.as_str()).unwrap_or("");
        Pattern::Fuzzy {
            word: caps[3].to_string(),
            edits: if edits.is_empty() {
                None
            } else {
                Some(
                    edits
                        .parse::<u32>()
                        .unwrap_or(u32::MAX)
                        .min(MAX_EDITS.into()) as u8,
                )
            },
        }
    };
    let boost = caps
        .get(5)
        .and_then(|b| b.as_str().parse::<f32>().ok())
        .filter(|b| b.is_finite())
        .unwrap_or(1.0);
    let placeholder = placeholder(found.len());
    let replaced = format!("{}{placeholder}", &caps[1]);
    found.push(Expandable {
        written: word.trim_start_matches(['+', '-']).to_string(),
        placeholder,
        pattern,
        boost,
    });
    replaced
}

/// A query word standing for several terms of one field: matches an article holding any of
/// them, scored as the disjunction of their term queries, each weighed.
#[derive(Debug, Clone)]
pub(crate) struct ExpandedWord {
    /// The terms.
    terms: Vec<ExpandedTerm>,
}

/// One of the terms a word stands for.
#[derive(Debug, Clone)]
struct ExpandedTerm {
    term: Term,
    /// How near it is to the word: 1 for the word as written and any term of a wildcard, less
    /// for a fuzzy word's terms at an edit or two.
    similarity: f32,
    /// Its term query's boost: the similarity, blended rarity and the query's boosts.
    boost: f32,
}

impl ExpandedWord {
    /// The terms it stands for, each with how near it is to the word written (at most 1).
    pub fn terms(&self) -> impl Iterator<Item = (&Term, f32)> {
        self.terms.iter().map(|t| (&t.term, t.similarity))
    }
}

impl Query for ExpandedWord {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let clauses: Vec<(Occur, Box<dyn Query>)> = self
            .terms
            .iter()
            .map(|t| {
                let query = TermQuery::new(t.term.clone(), IndexRecordOption::WithFreqs);
                (Occur::Should, boosted(&query, t.boost))
            })
            .collect();
        BooleanQuery::new(clauses).weight(enable_scoring)
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for t in &self.terms {
            visitor(&t.term, false);
        }
    }
}

/// How a field's terms were made from its text, as far as expansion cares.
enum Analysis {
    /// lede's English analyzer: lower-cased, folded to ASCII, stemmed.
    English,
    /// Lower-cased, the whole value one term.
    Keyword,
    /// As written.
    Raw,
}

fn analysis(schema: &Schema, field: Field) -> Option<Analysis> {
    let FieldType::Str(options) = schema.get_field_entry(field).field_type() else {
        return None;
    };
    Some(match options.get_indexing_options()?.tokenizer() {
        crate::index::schema::ENGLISH => Analysis::English,
        crate::index::schema::KEYWORD => Analysis::Keyword,
        _ => Analysis::Raw,
    })
}

/// The terms of `field` in any segment accepted by `automaton`, with their document counts.
pub(super) fn dictionary_terms<A>(
    searcher: &Searcher,
    field: Field,
    automaton: &A,
    found: &mut FxHashMap<Vec<u8>, u64>,
) -> tantivy::Result<()>
where
    A: tantivy_fst::Automaton,
    A::State: Clone,
{
    for reader in searcher.segment_readers() {
        let inverted = reader.inverted_index(field)?;
        let mut stream = inverted.terms().search(automaton).into_stream()?;
        while stream.advance() {
            *found.entry(stream.key().to_vec()).or_default() += u64::from(stream.value().doc_freq);
        }
    }
    Ok(())
}

/// The words within some edits of one, as an automaton over a term dictionary; with `first`,
/// only those opening with that byte (the walk then skips every other branch at the root).
pub(super) struct Levenshtein {
    /// The words within the edits.
    pub dfa: levenshtein_automata::DFA,
    /// The byte the words must open with, if any.
    pub first: Option<u8>,
}

impl Levenshtein {
    /// The edits between `key` and the word (at least as many when beyond the automaton's).
    pub fn distance(&self, key: &[u8]) -> u8 {
        match self.dfa.eval(key) {
            levenshtein_automata::Distance::Exact(d) => d,
            levenshtein_automata::Distance::AtLeast(d) => d,
        }
    }
}

impl tantivy_fst::Automaton for Levenshtein {
    /// The DFA's state, and whether a byte has been read.
    type State = (u32, bool);

    fn start(&self) -> (u32, bool) {
        (self.dfa.initial_state(), false)
    }

    fn is_match(&self, state: &(u32, bool)) -> bool {
        matches!(
            self.dfa.distance(state.0),
            levenshtein_automata::Distance::Exact(_)
        )
    }

    fn can_match(&self, state: &(u32, bool)) -> bool {
        state.0 != levenshtein_automata::SINK_STATE
    }

    fn accept(&self, &(state, started): &(u32, bool), byte: u8) -> (u32, bool) {
        if !started && self.first.is_some_and(|first| first != byte) {
            return (levenshtein_automata::SINK_STATE, true);
        }
        (self.dfa.transition(state, byte), true)
    }
}

/// The automaton builder for words within `edits` (at most [`MAX_EDITS`]; a transposition is
/// one edit), built once: building one for two edits takes milliseconds.
pub(super) fn levenshtein_builder(edits: u8) -> &'static LevenshteinAutomatonBuilder {
    static BUILDERS: [OnceLock<LevenshteinAutomatonBuilder>; MAX_EDITS as usize + 1] =
        [const { OnceLock::new() }; MAX_EDITS as usize + 1];
    let edits = edits.min(MAX_EDITS);
    BUILDERS[usize::from(edits)].get_or_init(|| LevenshteinAutomatonBuilder::new(edits, true))
}

/// What one word became in one field: its terms with their weights and article counts, and how
/// many the field held before the limit.
struct Expansion {
    terms: Vec<(Term, f32, u64)>,
    matched: usize,
}

/// tantivy's BM25 idf.
fn idf(doc_freq: u64, documents: u64) -> f32 {
    let (df, n) = (doc_freq as f32, documents.max(doc_freq) as f32);
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

/// The terms' weights blended as Lucene blends a fuzzy query's terms: each scored as though it
/// were as common as the most common of them, so that a rarer term (a misspelling, or another
/// name a letter or two away) does not outscore the word meant for being rare.
fn blended(terms: Vec<(Term, f32, u64)>, documents: u64, boost: f32) -> Vec<ExpandedTerm> {
    let most = terms.iter().map(|&(_, _, df)| df).max().unwrap_or(0);
    let common = idf(most, documents);
    terms
        .into_iter()
        .map(|(term, similarity, df)| ExpandedTerm {
            term,
            similarity,
            boost: boost * similarity * common / idf(df, documents),
        })
        .collect()
}

/// Lower-cased, and folded to ASCII for the English analyzer.
fn normalised(text: &str, analysis: &Analysis) -> String {
    match analysis {
        Analysis::Raw => text.to_string(),
        Analysis::Keyword => text.to_lowercase(),
        Analysis::English => {
            let mut text = text.to_lowercase();
            crate::analyze::ascii_fold::AsciiFolder::default().fold_in_place(&mut text);
            text
        }
    }
}

/// `text` analysed as `field`'s text, when it is one term.
pub(super) fn one_term(index: &tantivy::Index, field: Field, text: &str) -> Option<String> {
    let mut analyzer = index.tokenizer_for_field(field).ok()?;
    let mut stream = analyzer.token_stream(text);
    let first = stream.next()?.text.clone();
    stream.next().is_none().then_some(first)
}

/// The edits a fuzzy word of `chars` characters allows by default: none up to 2, one up to 5,
/// two beyond (Elasticsearch's `AUTO`).
pub(super) fn auto_edits(chars: usize) -> u8 {
    match chars {
        0..=2 => 0,
        3..=5 => 1,
        _ => 2,
    }
}

fn expand(
    index: &tantivy::Index,
    searcher: &Searcher,
    field: Field,
    pattern: &Pattern,
) -> tantivy::Result<Expansion> {
    let schema = index.schema();
    let Some(analysis) = analysis(&schema, field) else {
        return Ok(Expansion {
            terms: Vec::new(),
            matched: 0,
        });
    };
    let mut found: FxHashMap<Vec<u8>, u64> = FxHashMap::default();
    let mut ranked: Vec<(Vec<u8>, u64, f32)> = match pattern {
        Pattern::Wildcard(wildcard) => {
            let mut regex = String::new();
            for c in normalised(wildcard, &analysis).chars() {
                match c {
                    '*' => regex.push_str(".*"),
                    '?' => regex.push('.'),
                    c => regex.push_str(&regex::escape(c.encode_utf8(&mut [0; 4]))),
                }
            }
            let automaton = tantivy_fst::Regex::new(&regex).map_err(|err| {
                tantivy::TantivyError::InvalidArgument(format!("{wildcard}: {err}"))
            })?;
            dictionary_terms(searcher, field, &automaton, &mut found)?;
            // A word before a final `*` matches as itself too: `presidential*` holds
            // "presidential", which the English analyzer indexes as `presidenti`.
            if let Some(prefix) = wildcard
                .strip_suffix('*')
                .filter(|p| !p.contains(['*', '?']))
                && let Some(term) = matches!(analysis, Analysis::English)
                    .then(|| one_term(index, field, prefix))
                    .flatten()
            {
                let exact = tantivy_fst::Regex::new(&regex::escape(&term))
                    .map_err(|err| tantivy::TantivyError::InvalidArgument(err.to_string()))?;
                dictionary_terms(searcher, field, &exact, &mut found)?;
            }
            found.into_iter().map(|(key, df)| (key, df, 1.0)).collect()
        }
        Pattern::Fuzzy { word, edits } => {
            let Some(term) = one_term(index, field, word) else {
                return Ok(Expansion {
                    terms: Vec::new(),
                    matched: 0,
                });
            };
            let length = term.chars().count();
            let edits = edits.unwrap_or_else(|| auto_edits(length));
            let automaton = Levenshtein {
                dfa: levenshtein_builder(edits).build_dfa(&term),
                first: None,
            };
            dictionary_terms(searcher, field, &automaton, &mut found)?;
            found
                .into_iter()
                .map(|(key, df)| {
                    let distance = automaton.distance(&key);
                    let shorter = length.min(String::from_utf8_lossy(&key).chars().count());
                    let weight = 1.0 - f32::from(distance) / shorter.max(1) as f32;
                    (key, df, weight.max(0.1))
                })
                .collect()
        }
    };
    let matched = ranked.len();
    let limit = match pattern {
        Pattern::Wildcard(_) => WILDCARD_EXPANSIONS,
        Pattern::Fuzzy { .. } => FUZZY_EXPANSIONS,
    };
    // The nearest first, then the most frequent; ties by the term, so the choice is stable.
    ranked.sort_by(|a, b| {
        b.2.total_cmp(&a.2)
            .then(b.1.cmp(&a.1))
            .then_with(|| a.0.cmp(&b.0))
    });
    ranked.truncate(limit);
    let terms = ranked
        .into_iter()
        .filter_map(|(key, df, weight)| {
            let text = String::from_utf8(key).ok()?;
            Some((Term::from_field_text(field, &text), weight, df))
        })
        .collect();
    Ok(Expansion { terms, matched })
}

/// Replaces the placeholders of parsed query text by the words they stand for.
pub(crate) struct Expander<'a> {
    index: &'a tantivy::Index,
    searcher: Searcher,
    expandables: &'a [Expandable],
    /// A weight for every term of this field that is not an expansion's (the parser's field
    /// boost, which it puts out of reach inside a `BoostQuery`, so it is applied here instead).
    boosted: Option<(Field, f32)>,
    /// For each expandable word, the most terms it matched in a field and whether it was cut;
    /// `None` until the rewrite meets it.
    matched: Vec<Option<(usize, bool)>>,
    /// For each expandable word, the boosts of the groups around it (1 outside any), which
    /// [`Expander::parse_lenient`] moves onto it.
    group_boosts: Vec<f32>,
}

impl<'a> Expander<'a> {
    /// An expander of `expandables` over the index's current searcher.
    pub fn new(
        index: &'a tantivy::Index,
        searcher: Searcher,
        expandables: &'a [Expandable],
        boosted: Option<(Field, f32)>,
    ) -> Expander<'a> {
        Expander {
            index,
            searcher,
            expandables,
            boosted,
            matched: vec![None; expandables.len()],
            group_boosts: vec![1.0; expandables.len()],
        }
    }

    /// Parses full-syntax text as [`QueryParser::parse_query_lenient`] does, but with the boost
    /// of a group that holds an expandable word moved onto the group's parts: tantivy keeps a
    /// boosted query's parts out of reach of [`Expander::rewrite`]. A boolean query scores the
    /// sum of its clauses' scores, so `(oil* gas)^2` scores as `oil*^2 gas^2` does.
    pub fn parse_lenient(
        &mut self,
        parser: &QueryParser,
        text: &str,
    ) -> (Box<dyn Query>, Vec<QueryParserError>) {
        self.group_boosts.fill(1.0);
        let (ast, errors) = tantivy::query_grammar::parse_query_lenient(text);
        let mut errors: Vec<QueryParserError> = errors
            .into_iter()
            .map(|e| QueryParserError::SyntaxError(format!("{} at position {}", e.message, e.pos)))
            .collect();
        let ast = self.lift_group_boosts(ast, 1.0);
        let (query, more) = parser.build_query_from_user_input_ast_lenient(ast);
        errors.extend(more);
        (query, errors)
    }

    /// The placeholder's expandable word a leaf of the query is, if it is one.
    fn expandable_of(&self, leaf: &UserInputLeaf) -> Option<usize> {
        let UserInputLeaf::Literal(literal) = leaf else {
            return None;
        };
        self.expandables
            .iter()
            .position(|e| e.placeholder == literal.phrase)
    }

    /// Whether a part of the query holds an expandable word.
    fn holds_expandable(&self, ast: &UserInputAst) -> bool {
        match ast {
            UserInputAst::Clause(clauses) => clauses.iter().any(|(_, a)| self.holds_expandable(a)),
            UserInputAst::Boost(inner, _) => self.holds_expandable(inner),
            UserInputAst::Leaf(leaf) => self.expandable_of(leaf).is_some(),
        }
    }

    /// The query with `factor`, and the boosts of the groups holding an expandable word, moved
    /// onto their parts: other words and groups are boosted by it, expandable words keep theirs
    /// in `group_boosts`.
    fn lift_group_boosts(&mut self, ast: UserInputAst, factor: f64) -> UserInputAst {
        match ast {
            UserInputAst::Boost(inner, boost) if self.holds_expandable(&inner) => {
                self.lift_group_boosts(*inner, factor * boost.0)
            }
            UserInputAst::Clause(clauses) => UserInputAst::Clause(
                clauses
                    .into_iter()
                    .map(|(occur, a)| (occur, self.lift_group_boosts(a, factor)))
                    .collect(),
            ),
            UserInputAst::Leaf(leaf) => match self.expandable_of(&leaf) {
                Some(n) => {
                    self.group_boosts[n] *= factor as f32;
                    UserInputAst::Leaf(leaf)
                }
                None if factor == 1.0 => UserInputAst::Leaf(leaf),
                None => UserInputAst::Boost(Box::new(UserInputAst::Leaf(leaf)), factor.into()),
            },
            UserInputAst::Boost(inner, boost) => {
                UserInputAst::Boost(inner, (boost.0 * factor).into())
            }
        }
    }

    /// The query with its placeholders expanded (and the field boost applied).
    pub fn rewrite(&mut self, query: &dyn Query) -> tantivy::Result<Box<dyn Query>> {
        if let Some(boolean) = query.downcast_ref::<BooleanQuery>() {
            let clauses = boolean
                .clauses()
                .iter()
                .map(|(occur, clause)| Ok((*occur, self.rewrite(&**clause)?)))
                .collect::<tantivy::Result<Vec<_>>>()?;
            return Ok(Box::new(BooleanQuery::new(clauses)));
        }
        let field_boost = |field: Field| match self.boosted {
            Some((boosted, boost)) if boosted == field => boost,
            _ => 1.0,
        };
        if let Some(term) = query.downcast_ref::<TermQuery>() {
            let field = term.term().field();
            if let Some(n) = term
                .term()
                .value()
                .as_str()
                .and_then(|text| self.expandables.iter().position(|e| e.placeholder == text))
            {
                let expandable = &self.expandables[n];
                let expansion = expand(self.index, &self.searcher, field, &expandable.pattern)?;
                let seen = self.matched[n].get_or_insert((0, false));
                seen.0 = seen.0.max(expansion.matched);
                seen.1 |= expansion.matched > expansion.terms.len();
                if expansion.terms.is_empty() {
                    return Ok(Box::new(EmptyQuery));
                }
                let boost = expandable.boost * self.group_boosts[n] * field_boost(field);
                let terms = blended(expansion.terms, self.searcher.num_docs(), boost);
                return Ok(Box::new(ExpandedWord { terms }));
            }
            return Ok(boosted(query, field_boost(field)));
        }
        if let Some(phrase) = query.downcast_ref::<PhraseQuery>() {
            return Ok(boosted(query, field_boost(phrase.field())));
        }
        Ok(query.box_clone())
    }

    /// What the expansion left to say: words that matched nothing, more terms than were kept, or
    /// that were not reached (dropped with a part of the query the parser could not use).
    pub fn warnings(&self) -> Vec<String> {
        self.expandables
            .iter()
            .zip(&self.matched)
            .filter_map(|(expandable, &seen)| {
                let limit = match expandable.pattern {
                    Pattern::Wildcard(_) => WILDCARD_EXPANSIONS,
                    Pattern::Fuzzy { .. } => FUZZY_EXPANSIONS,
                };
                let Some((matched, cut)) = seen else {
                    return Some(format!(
                        "{} was not searched (in a part of the query that was ignored)",
                        expandable.written
                    ));
                };
                if matched == 0 {
                    Some(format!(
                        "{} matches no word of the index",
                        expandable.written
                    ))
                } else if cut {
                    Some(format!(
                        "{} matches {matched} words; searched the {limit} {}",
                        expandable.written,
                        match expandable.pattern {
                            Pattern::Wildcard(_) => "most frequent",
                            Pattern::Fuzzy { .. } => "nearest",
                        }
                    ))
                } else {
                    None
                }
            })
            .collect()
    }
}

fn boosted(query: &dyn Query, boost: f32) -> Box<dyn Query> {
    if boost == 1.0 {
        query.box_clone()
    } else {
        Box::new(BoostQuery::new(query.box_clone(), boost))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn taken(text: &str) -> (String, Vec<Pattern>) {
        let (text, found) = take_expandables(text);
        (text, found.into_iter().map(|e| e.pattern).collect())
    }

    #[test]
    fn wildcards_and_fuzzy_words_are_taken_out_of_the_text() {
        let (text, found) = taken(r#"gorba* AND "oil* prices~" +title:wom?n -pentagn~1^2 (x~)"#);
        assert_eq!(
            text,
            r#"qxledeexpand0qx AND "oil* prices~" +title:qxledeexpand1qx -qxledeexpand2qx (qxledeexpand3qx)"#
        );
        assert_eq!(
            found,
            [
                Pattern::Wildcard("gorba*".into()),
                Pattern::Wildcard("wom?n".into()),
                Pattern::Fuzzy {
                    word: "pentagn".into(),
                    edits: Some(1)
                },
                Pattern::Fuzzy {
                    word: "x".into(),
                    edits: None
                },
            ]
        );
        let (_, found) = take_expandables("pentagn~1^2 pentagn~9");
        assert_eq!(found[0].boost, 2.0);
        assert_eq!(found[0].written, "pentagn~1^2");
        assert_eq!(
            found[1].pattern,
            Pattern::Fuzzy {
                word: "pentagn".into(),
                edits: Some(MAX_EDITS)
            }
        );
    }

    #[test]
    fn match_all_ranges_and_phrases_stay_for_the_parser() {
        for text in [
            "*",
            "title:*",
            r#""big bad wo"*"#,
            r#""a b"~2"#,
            "published:[1987 TO 1988]",
            "oil^2",
            "opec?",
            "opec??",
        ] {
            let (out, found) = taken(text);
            assert_eq!(out, text);
            assert!(found.is_empty(), "{text}: {found:?}");
        }
    }

    #[test]
    fn only_so_many_words_are_expanded() {
        let text: Vec<String> = (0..20).map(|i| format!("w{i}*")).collect();
        let (out, found) = take_expandables(&text.join(" "));
        assert_eq!(found.len(), MAX_EXPANDABLES);
        assert!(out.ends_with("w19*"), "{out}");
    }

    #[test]
    fn auto_edits_grow_with_the_word() {
        assert_eq!([1, 2, 3, 5, 6, 12].map(auto_edits), [0, 0, 1, 1, 2, 2]);
    }
}
