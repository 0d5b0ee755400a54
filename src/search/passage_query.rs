//! What a query asks of a passage, answered from the positions of its terms in the article's body.
//!
//! Passages are not indexed on their own: their text is the body's, indexed once. A passage is a
//! range of the body's token positions, so the query's terms that fall in that range are the
//! passage's terms. The query (parsed for the body) is read into a small tree of terms, phrases
//! and boolean clauses, evaluated on those positions with tantivy's rules (a `MUST` clause must
//! match, a `MUST_NOT` must not, and without a `MUST` one `SHOULD` must), and scored by BM25 over
//! passages: the term's rarity among articles, its frequency in the passage, the passage's length
//! against the average passage's.

use super::highlight::QueryWords;
use std::ops::Range;
use tantivy::Term;
use tantivy::query::{AllQuery, BooleanQuery, EmptyQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::Field;

/// BM25's term frequency saturation, as tantivy's.
const K1: f32 = 1.2;
/// BM25's length normalisation, as tantivy's.
const B: f32 = 0.75;

/// A query as a passage sees it: its body terms, and how they combine.
#[derive(Debug, Clone)]
pub(crate) struct PassageQuery {
    /// The distinct body terms the query names, in any clause (excluded ones too).
    pub terms: Vec<Term>,
    root: Node,
}

/// One part of a query, its terms by index into [`PassageQuery::terms`].
#[derive(Debug, Clone)]
enum Node {
    /// A word.
    Term(usize),
    /// Words next to each other, in order; or, with a slop, near each other: the words moved
    /// from their places in the phrase by at most `slop` positions in all.
    Phrase(Vec<usize>, u32),
    /// Any of some words: a query that is neither a term, a phrase nor boolean (fuzzy, boosted,
    /// ranges…), by the body terms it names.
    AnyOf(Vec<usize>),
    /// Clauses, as tantivy's boolean query combines them.
    Bool(Vec<(Occur, Node)>),
    /// Matches every passage and scores nothing: match-all text, or a clause on another field
    /// (`title:…`), which a passage cannot hold and its article already matched.
    Everything,
    /// Matches no passage.
    Nothing,
}

/// The BM25 statistics of passages: how rare each term is, how long a passage is on average.
#[derive(Debug, Clone)]
pub(crate) struct PassageStatistics {
    /// The inverse document frequency of each of the query's terms, among articles.
    pub idf: Vec<f32>,
    /// The average passage length in tokens.
    pub average_length: f32,
}

impl PassageStatistics {
    /// Statistics from the number of articles, each term's article frequency and the average
    /// passage length.
    pub fn new(articles: u64, doc_freqs: &[u64], average_length: f32) -> PassageStatistics {
        let n = articles.max(1) as f32;
        let idf = doc_freqs
            .iter()
            .map(|&df| {
                let df = (df as f32).min(n);
                (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
            })
            .collect();
        PassageStatistics {
            idf,
            average_length: average_length.max(1.0),
        }
    }
}

impl PassageQuery {
    /// Reads a query parsed for `body` (other fields' clauses match every passage).
    pub fn new(query: &dyn Query, body: Field) -> PassageQuery {
        let mut terms = Vec::new();
        let root = node(query, body, &mut terms);
        PassageQuery { terms, root }
    }

    /// What a passage's highlights light up: the query's words, and its exact phrases where they
    /// stand (a phrase with a slop lights up its words; excluded words are never shown).
    pub fn highlighted(&self) -> QueryWords {
        let mut words = QueryWords::default();
        self.collect_highlighted(&self.root, &mut words);
        words
    }

    fn collect_highlighted(&self, node: &Node, out: &mut QueryWords) {
        let text = |i: usize| self.terms[i].value().as_str().map(str::to_owned);
        match node {
            Node::Term(i) => out.words.extend(text(*i)),
            Node::AnyOf(terms) | Node::Phrase(terms, 1..) => {
                out.words.extend(terms.iter().filter_map(|&i| text(i)));
            }
            Node::Phrase(terms, 0) => {
                let phrase: Option<Vec<String>> = terms.iter().map(|&i| text(i)).collect();
                out.phrases.extend(phrase);
            }
            Node::Bool(clauses) => {
                for (occur, clause) in clauses {
                    if *occur != Occur::MustNot {
                        self.collect_highlighted(clause, out);
                    }
                }
            }
            Node::Everything | Node::Nothing => {}
        }
    }

    /// The score of the passage spanning `span` (body token positions), `None` when it does not
    /// match; `positions[i]` holds the sorted body positions of `terms[i]` in the article.
    pub fn score(
        &self,
        positions: &[Vec<u32>],
        span: Range<u32>,
        statistics: &PassageStatistics,
    ) -> Option<f32> {
        let passage = Passage {
            positions,
            span,
            statistics,
        };
        passage.evaluate(&self.root)
    }
}

/// The index of `term` among `terms`, added when new.
fn term_index(term: &Term, terms: &mut Vec<Term>) -> usize {
    match terms.iter().position(|t| t == term) {
        Some(i) => i,
        None => {
            terms.push(term.clone());
            terms.len() - 1
        }
    }
}

fn node(query: &dyn Query, body: Field, terms: &mut Vec<Term>) -> Node {
    if let Some(boolean) = query.downcast_ref::<BooleanQuery>() {
        return Node::Bool(
            boolean
                .clauses()
                .iter()
                .map(|(occur, clause)| (*occur, node(&**clause, body, terms)))
                .collect(),
        );
    }
    if let Some(term) = query.downcast_ref::<TermQuery>() {
        return if term.term().field() == body {
            Node::Term(term_index(term.term(), terms))
        } else {
            Node::Everything
        };
    }
    if let Some(phrase) = query.downcast_ref::<PhraseQuery>() {
        return if phrase.field() == body {
            Node::Phrase(
                phrase
                    .phrase_terms()
                    .iter()
                    .map(|term| term_index(term, terms))
                    .collect(),
                slop_of(phrase),
            )
        } else {
            Node::Everything
        };
    }
    if query.downcast_ref::<AllQuery>().is_some() {
        return Node::Everything;
    }
    if query.downcast_ref::<EmptyQuery>().is_some() {
        return Node::Nothing;
    }
    let mut named = Vec::new();
    query.query_terms(&mut |term, _| {
        if term.field() == body {
            named.push(term_index(term, terms));
        }
    });
    named.dedup();
    if named.is_empty() {
        Node::Everything
    } else {
        Node::AnyOf(named)
    }
}

/// The slop of a phrase (`"volcker fed"~5`): tantivy 0.27 sets it but has no getter, so it is
/// read from the query's `Debug` form, whose last field it is (a test pins that form).
fn slop_of(phrase: &PhraseQuery) -> u32 {
    let debug = format!("{phrase:?}");
    debug
        .rsplit_once("slop: ")
        .and_then(|(_, rest)| rest.trim_end_matches([' ', '}']).parse().ok())
        .unwrap_or(0)
}

/// One passage being evaluated.
struct Passage<'a> {
    positions: &'a [Vec<u32>],
    span: Range<u32>,
    statistics: &'a PassageStatistics,
}

impl Passage<'_> {
    /// The positions of term `i` within the passage.
    fn within(&self, i: usize) -> &[u32] {
        let all = &self.positions[i];
        let from = all.partition_point(|&p| p < self.span.start);
        let to = all.partition_point(|&p| p < self.span.end);
        &all[from..to]
    }

    /// BM25 of `tf` occurrences weighted by `idf`.
    fn bm25(&self, idf: f32, tf: u32) -> f32 {
        let length = (self.span.end - self.span.start) as f32;
        let tf = tf as f32;
        let norm = K1 * (1.0 - B + B * length / self.statistics.average_length);
        idf * tf * (K1 + 1.0) / (tf + norm)
    }

    fn term(&self, i: usize) -> Option<f32> {
        let tf = self.within(i).len() as u32;
        (tf > 0).then(|| self.bm25(self.statistics.idf[i], tf))
    }

    fn phrase(&self, terms: &[usize], slop: u32) -> Option<f32> {
        let tf = if slop == 0 {
            self.exact_phrase(terms)
        } else {
            self.sloppy_phrase(terms, slop)
        };
        let idf: f32 = terms.iter().map(|&t| self.statistics.idf[t]).sum();
        (tf > 0).then(|| self.bm25(idf, tf))
    }

    /// How many times the phrase's words stand next to each other in order.
    fn exact_phrase(&self, terms: &[usize]) -> u32 {
        let Some((&first, rest)) = terms.split_first() else {
            return 0;
        };
        self.within(first)
            .iter()
            .filter(|&&p| {
                rest.iter().enumerate().all(|(k, &t)| {
                    let at = p + k as u32 + 1;
                    at < self.span.end && self.positions[t].binary_search(&at).is_ok()
                })
            })
            .count() as u32
    }

    /// How many places the phrase's last word ends it with its words moved from their places in
    /// the phrase by at most `slop` positions in all, as tantivy counts a sloppy phrase: each word's
    /// position less its place in the phrase is compared with the previous word's, and the
    /// differences add up (so two words swapped cost 2). The cheapest way to each position of
    /// each word is kept; passages are short, so each word's positions are compared with all of
    /// the previous word's.
    fn sloppy_phrase(&self, terms: &[usize], slop: u32) -> u32 {
        let Some((&first, rest)) = terms.split_first() else {
            return 0;
        };
        // (position less place in the phrase, slop spent to reach it)
        let mut reached: Vec<(i64, u32)> = self
            .within(first)
            .iter()
            .map(|&p| (i64::from(p), 0))
            .collect();
        for (place, &term) in rest.iter().enumerate() {
            let place = place as i64 + 1;
            reached = self
                .within(term)
                .iter()
                .filter_map(|&p| {
                    let shifted = i64::from(p) - place;
                    reached
                        .iter()
                        .map(|&(before, spent)| spent as u64 + shifted.abs_diff(before))
                        .min()
                        .filter(|&spent| spent <= u64::from(slop))
                        .map(|spent| (shifted, spent as u32))
                })
                .collect();
            if reached.is_empty() {
                return 0;
            }
        }
        reached.len() as u32
    }

    fn evaluate(&self, node: &Node) -> Option<f32> {
        match node {
            Node::Term(i) => self.term(*i),
            Node::Phrase(terms, slop) => self.phrase(terms, *slop),
            Node::AnyOf(terms) => terms
                .iter()
                .filter_map(|&i| self.term(i))
                .reduce(|a, b| a + b),
            Node::Everything => Some(0.0),
            Node::Nothing => None,
            Node::Bool(clauses) => {
                let mut score = 0.0;
                let mut required = false;
                let mut matched_should = false;
                for (occur, clause) in clauses {
                    let result = self.evaluate(clause);
                    match occur {
                        Occur::Must => {
                            required = true;
                            score += result?;
                        }
                        Occur::MustNot => {
                            if result.is_some() {
                                return None;
                            }
                        }
                        Occur::Should => {
                            if let Some(s) = result {
                                matched_should = true;
                                score += s;
                            }
                        }
                    }
                }
                (required || matched_should).then_some(score)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::query::QueryParser;
    use tantivy::schema::{Schema, TEXT};

    /// A query parsed over a `body` and a `title` field, the passage tree read from it.
    fn passage_query(text: &str) -> (PassageQuery, Field) {
        let mut builder = Schema::builder();
        let body = builder.add_text_field("body", TEXT);
        let title = builder.add_text_field("title", TEXT);
        let index = tantivy::Index::create_in_ram(builder.build());
        let parser = QueryParser::for_index(&index, vec![body]);
        let _ = title;
        let query = parser
            .parse_query(text)
            .unwrap_or_else(|e| panic!("{text}: {e}"));
        (PassageQuery::new(&*query, body), body)
    }

    /// Positions of each of the query's terms in `words` (already analysed: one word a token).
    fn positions(query: &PassageQuery, words: &str) -> Vec<Vec<u32>> {
        let words: Vec<&str> = words.split_whitespace().collect();
        query
            .terms
            .iter()
            .map(|term| {
                let value = term.value();
                let text = value.as_str().unwrap();
                (0..words.len() as u32)
                    .filter(|&i| words[i as usize] == text)
                    .collect()
            })
            .collect()
    }

    fn statistics(query: &PassageQuery) -> PassageStatistics {
        PassageStatistics::new(100, &vec![10; query.terms.len()], 4.0)
    }

    /// Scores of the query on the passages of `words` split at `cuts`.
    fn scores(text: &str, words: &str, spans: &[(u32, u32)]) -> Vec<Option<f32>> {
        let (query, _) = passage_query(text);
        let positions = positions(&query, words);
        let statistics = statistics(&query);
        spans
            .iter()
            .map(|&(first, end)| query.score(&positions, first..end, &statistics))
            .collect()
    }

    const WORDS: &str = "oil price rose opec met in vienna price of oil fell";

    #[test]
    fn a_passage_matches_on_the_terms_within_its_span() {
        let got = scores("opec vienna", WORDS, &[(0, 3), (3, 7), (7, 11)]);
        assert_eq!(got[0], None);
        assert!(got[1].unwrap() > 0.0);
        assert_eq!(got[2], None);
        // Two terms score more than one.
        let one = scores("opec", WORDS, &[(3, 7)])[0].unwrap();
        assert!(got[1].unwrap() > one);
    }

    #[test]
    fn boolean_clauses_follow_tantivys_rules() {
        let spans = [(0, 3), (3, 7), (7, 11)];
        let got = scores("+oil -opec", WORDS, &spans);
        assert!(got[0].is_some() && got[2].is_some());
        assert_eq!(got[1], None);
        let got = scores("oil AND fell", WORDS, &spans);
        assert_eq!((got[0], got[2].is_some()), (None, true));
        let got = scores("vienna -opec", WORDS, &spans);
        assert_eq!(got, [None, None, None]);
        let got = scores("title:oil opec", WORDS, &spans);
        assert_eq!((got[0], got[1].is_some()), (Some(0.0), true));
    }

    #[test]
    fn phrases_need_their_words_in_order_and_inside_the_span() {
        let got = scores("\"oil price\"", WORDS, &[(0, 3), (3, 11)]);
        assert!(got[0].is_some());
        assert_eq!(got[1], None, "\"price of oil\" is not the phrase");
        let got = scores("\"price rose\"", WORDS, &[(0, 2), (2, 11)]);
        assert_eq!(
            got,
            [None, None],
            "the phrase is cut by the passage boundary"
        );
    }

    #[test]
    fn a_phrase_with_slop_allows_words_between_and_swaps_within_the_budget() {
        let (query, _) = passage_query("\"price oil\"~1");
        assert!(matches!(query.root, Node::Phrase(_, 1)), "{:?}", query.root);
        // "price of oil": one word between.
        let got = scores("\"price oil\"~1", WORDS, &[(0, 7), (7, 11)]);
        assert_eq!((got[0], got[1].is_some()), (None, true), "{got:?}");
        let got = scores("\"price oil\"~0", WORDS, &[(7, 11)]);
        assert_eq!(got, [None]);
        // "oil price" read as "price oil" is a swap: 2.
        let got = scores("\"price oil\"~1", WORDS, &[(0, 3)]);
        assert_eq!(got, [None]);
        let got = scores("\"price oil\"~2", WORDS, &[(0, 3)]);
        assert!(got[0].is_some());
        // Three words, the budget shared: "opec ... vienna ... price" in "opec met in vienna price".
        let got = scores("\"opec vienna price\"~2", WORDS, &[(3, 8)]);
        assert!(got[0].is_some(), "two words between opec and vienna");
        let got = scores("\"opec vienna price\"~1", WORDS, &[(3, 8)]);
        assert_eq!(got, [None]);
        // The passage's bounds still cut it.
        let got = scores("\"opec vienna\"~5", WORDS, &[(3, 6), (6, 11)]);
        assert_eq!(got, [None, None]);
    }

    #[test]
    fn highlights_take_words_and_exact_phrases_but_no_excluded_word() {
        let (query, _) = passage_query("\"oil price\" opec -vienna \"rose fell\"~2");
        let words = query.highlighted();
        let mut free: Vec<&str> = words.words.iter().map(String::as_str).collect();
        free.sort_unstable();
        assert_eq!(free, ["fell", "opec", "rose"]);
        assert_eq!(words.phrases, [["oil", "price"]]);
    }

    #[test]
    fn the_slop_is_read_from_tantivys_phrase_query() {
        let mut builder = Schema::builder();
        let body = builder.add_text_field("body", TEXT);
        let terms = ["a", "b"].map(|w| Term::from_field_text(body, w)).to_vec();
        let mut phrase = PhraseQuery::new(terms);
        assert_eq!(slop_of(&phrase), 0);
        phrase.set_slop(7);
        assert_eq!(slop_of(&phrase), 7);
        phrase.set_slop(123_456);
        assert_eq!(slop_of(&phrase), 123_456);
    }

    #[test]
    fn more_occurrences_and_shorter_passages_score_higher() {
        let words = "gold gold mine gold talks";
        let got = scores("gold", words, &[(0, 2), (2, 5)]);
        assert!(got[0].unwrap() > got[1].unwrap());
        let rare = PassageStatistics::new(100, &[1], 4.0);
        let common = PassageStatistics::new(100, &[90], 4.0);
        assert!(rare.idf[0] > common.idf[0]);
    }

    #[test]
    fn match_all_and_empty_queries() {
        let got = scores("*", WORDS, &[(0, 3)]);
        assert_eq!(got, [Some(0.0)]);
        let query = PassageQuery {
            terms: Vec::new(),
            root: node(&EmptyQuery, Field::from_field_id(0), &mut Vec::new()),
        };
        let statistics = statistics(&query);
        assert_eq!(query.score(&[], 0..3, &statistics), None);
    }
}
