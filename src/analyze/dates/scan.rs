//! Scanning a text for date expressions: one pass of the rule set over each
//! sentence-like piece of the text tells which rules match there, and each
//! rule then runs over its pieces only; matches are widened over leading
//! modifiers ("early", "late", "mid-", "the end of"), numbers that are
//! amounts rather than years dropped, and the longest of overlapping matches
//! kept.
//!
//! The patterns are compiled once per process (`OnceLock`); the rule set is searched as a DFA
//! built ahead of time ([`super::rule_dfa`]).

use std::sync::OnceLock;

use regex::{Regex, RegexSet, RegexSetBuilder};

use super::rule_dfa::RuleDfa;

/// The rule set's lazy DFA cache, per thread that searches with it.
const DFA_CACHE_BYTES: usize = 32 << 20;

use super::expr::{CONTEXT_BYTES, Expr, Rule};
use super::{absolute, relative};

/// A matched expression: its byte span in the text and its meaning.
#[derive(Debug, Clone)]
pub(super) struct Candidate {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) expr: Expr,
}

fn rules() -> &'static [Rule] {
    static RULES: OnceLock<Vec<Rule>> = OnceLock::new();
    RULES.get_or_init(|| {
        let mut rules = absolute::rules();
        rules.extend(relative::rules());
        rules
    })
}

/// The rules' patterns, in rule order (a rule's index in the rule set).
pub(super) fn rule_patterns() -> impl Iterator<Item = &'static str> {
    rules().iter().map(|rule| rule.pattern.as_str())
}

/// The rule set prebuilt as a DFA; `None` when its file is not the current patterns' (see
/// [`super::rule_dfa`]).
pub(super) fn rule_dfa() -> Option<&'static RuleDfa> {
    static DFA: OnceLock<Option<RuleDfa>> = OnceLock::new();
    DFA.get_or_init(|| RuleDfa::load(&rule_patterns().collect::<Vec<_>>()))
        .as_ref()
}

/// All the rules' patterns as one set: a single pass over the text tells
/// which rules match anywhere, and only those are run for their matches.
fn rule_set() -> Option<&'static RegexSet> {
    static SET: OnceLock<Option<RegexSet>> = OnceLock::new();
    SET.get_or_init(|| {
        // The set's lazy DFA grows large on varied news text; with the default 2 MB cache it
        // was cleared and rebuilt over and over (a fifth of indexing time on Reuters).
        RegexSetBuilder::new(rule_patterns())
            .dfa_size_limit(DFA_CACHE_BYTES)
            .build()
            .ok()
    })
    .as_ref()
}

fn modifier() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| {
        super::expr::compile(r"(?i)\b(?:(?:the\s+)?(?:early|late|mid)|earlier|later|sometime|around|the\s+(?:end|beginning|start|middle|close)\s+of)[\s-]+$").ok()
    })
    .as_ref()
}

/// How many rules compile, each and in the set (0 when the set does not); the tests check that
/// none is lost.
#[cfg(test)]
pub(super) fn rule_count() -> usize {
    if rule_set().is_none() {
        return 0;
    }
    rules().iter().filter(|rule| rule.regex().is_some()).count()
}

/// Whether a match starting with a digit reads as a date rather than an
/// amount: not `$1990`, `1,990`, `1990.5`, `1990%`.
fn plausible_number(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().rev().take(2).collect::<Vec<_>>();
    if let Some(&c) = before.first() {
        if matches!(c, '$' | '#' | '£' | '€' | '¥') {
            return false;
        }
        if matches!(c, ',' | '.') && before.get(1).is_some_and(|d| d.is_ascii_digit()) {
            return false;
        }
    }
    let after: Vec<char> = text[end..].chars().take(9).collect();
    match after.first() {
        Some('%') => false,
        Some(',' | '.') if after.get(1).is_some_and(|d| d.is_ascii_digit()) => false,
        _ => {
            let rest: String = after.iter().collect::<String>().to_ascii_lowercase();
            !rest.starts_with(" percent")
        }
    }
}

/// All date expressions in `text`, in text order, without overlaps.
pub(super) fn scan(text: &str) -> Vec<Candidate> {
    scan_bounded(text, true)
}

/// [`scan`], each rule reading a piece to the whitespace after its last match (`bounded`, see
/// [`read_to`]) or to the piece's end; the tests check that both find the same.
pub(super) fn scan_bounded(text: &str, bounded: bool) -> Vec<Candidate> {
    let mut found = Vec::new();
    let rules = rules();
    // The rules each piece matches, then each rule run over the pieces it matches: each
    // (piece, end of the text the rule reads there), see `read_to`.
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    let mut matched: Vec<Vec<(usize, usize)>> = vec![Vec::new(); rules.len()];
    // The prebuilt DFA; for the pieces it cannot read, the `RegexSet`, compiled on first need;
    // should neither be there (a bug the tests catch), every rule on every piece.
    let mut dfa = rule_dfa().map(|dfa| (dfa, dfa.scratch()));
    for (start, end) in split_pieces(text) {
        let piece = &text[start..end];
        let here = pieces.len();
        let mut mark = |order: usize, last_end: usize| {
            let to = if bounded {
                read_to(text, start + last_end, end)
            } else {
                end
            };
            matched[order].push((here, to));
        };
        let any = if let Some(hits) = dfa.as_mut().and_then(|(dfa, s)| dfa.matches(piece, s)) {
            hits.iter()
                .for_each(|&(order, last_end)| mark(order, last_end));
            !hits.is_empty()
        } else if let Some(set) = rule_set() {
            let hits = set.matches(piece);
            hits.iter().for_each(|order| mark(order, piece.len()));
            hits.matched_any()
        } else {
            (0..rules.len()).for_each(|order| mark(order, piece.len()));
            true
        };
        if any {
            pieces.push((start, end));
        }
    }
    for (order, rule) in rules.iter().enumerate() {
        let Some(re) = matched[order].first().and_then(|_| rule.regex()) else {
            continue;
        };
        for &(p, end) in &matched[order] {
            let (base, _) = pieces[p];
            for caps in re.captures_iter(&text[base..end]) {
                // A rule may match context it does not report: group "mention" is then the mention.
                let Some(m) = caps.name("mention").or_else(|| caps.get(0)) else {
                    continue;
                };
                let (m_start, m_end) = (base + m.start(), base + m.end());
                if m.as_str().starts_with(|c: char| c.is_ascii_digit())
                    && !plausible_number(text, m_start, m_end)
                {
                    continue;
                }
                if let Some(check) = rule.reject_after {
                    let start = base + caps.get(0).map_or(m.start(), |whole| whole.start());
                    let from = floor_char_boundary(text, start.saturating_sub(CONTEXT_BYTES));
                    if check(&text[from..start], m.as_str()) {
                        continue;
                    }
                }
                if let Some(expr) = (rule.build)(&caps) {
                    found.push((m_start, m_end, order, expr));
                }
            }
        }
    }
    // Longest first among those starting at the same place, earlier rules first on ties.
    found.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then((b.1 - b.0).cmp(&(a.1 - a.0)))
            .then(a.2.cmp(&b.2))
    });
    let mut kept: Vec<Candidate> = Vec::new();
    for (start, end, _, expr) in found {
        if let Some(last) = kept.last_mut()
            && start < last.end
        {
            // Overlap: keep the longer one.
            if end - start > last.end - last.start {
                *last = Candidate { start, end, expr };
            }
            continue;
        }
        kept.push(Candidate { start, end, expr });
    }
    let mut prev_end = 0;
    for c in &mut kept {
        let window_start = floor_char_boundary(text, c.start.saturating_sub(40)).max(prev_end);
        if let Some(m) = modifier().and_then(|re| re.find(&text[window_start..c.start])) {
            c.start = window_start + m.start();
        }
        prev_end = c.end;
    }
    kept
}

/// Where a rule's search of a piece (which ends at `end`) may stop: at the first whitespace at
/// or after `last_end`, where the rule's last match in the piece ends (`end` when there is
/// none). Each match lies before it, and the search gives the same matches as over the whole
/// piece: before that point the text is the same, and at it a boundary (`\b`, `\B`) reads the end
/// of the text as it reads whitespace (the patterns hold no assertion of the text's end, which
/// a test checks). The search no longer reads on to the piece's end after the last match.
fn read_to(text: &str, last_end: usize, end: usize) -> usize {
    if last_end >= end {
        return end;
    }
    text[last_end..end]
        .find(char::is_whitespace)
        .map_or(end, |at| last_end + at)
}

/// The text cut into sentence-like pieces that no date expression crosses, so that each rule
/// runs only over the pieces the rule set says it matches: a piece ends after a `.`, `!` or `?`
/// (and any closing quote or bracket) followed by a line break and a capital letter or a quote,
/// unless the `.` closes a short capitalised word ("Feb.", "Sept." and "Mon." go on with their
/// day on the next line).
fn split_pieces(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let (mut start, mut i) = (0, 0);
    std::iter::from_fn(move || {
        while i < bytes.len() {
            let at = i;
            i += 1;
            if !matches!(bytes[at], b'.' | b'!' | b'?')
                || bytes[at] == b'.' && abbreviation_before(&bytes[..at])
            {
                continue;
            }
            let mut end = i;
            while end < bytes.len() && matches!(bytes[end], b'"' | b'\'' | b')') {
                end += 1;
            }
            let mut k = end;
            let mut line_break = false;
            while k < bytes.len() && matches!(bytes[k], b' ' | b'\t' | b'\r' | b'\n') {
                line_break |= bytes[k] == b'\n';
                k += 1;
            }
            if line_break && k < bytes.len() && matches!(bytes[k], b'A'..=b'Z' | b'"' | b'\'') {
                let piece = (start, end);
                start = end;
                i = k;
                return Some(piece);
            }
        }
        (start < bytes.len()).then(|| {
            let piece = (start, bytes.len());
            start = bytes.len();
            piece
        })
    })
}

/// Whether `before` ends with a capitalised word of at most four letters (an abbreviation such
/// as "Feb" or "Sept" when a `.` follows).
fn abbreviation_before(before: &[u8]) -> bool {
    let letters = before
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    (1..=4).contains(&letters) && before[before.len() - letters].is_ascii_uppercase()
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<&str> {
        split_pieces(text).map(|(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn pieces_end_at_sentences_that_end_a_line() {
        let text = "Sales rose on Feb.\n17, 1987, it said.\n    The company \"grew.\"\nIt \
                    will report on Sept. 11. Profit was 3.5 mln dlrs in the U.S.\nWhy?\nNo.";
        assert_eq!(
            pieces(text),
            [
                "Sales rose on Feb.\n17, 1987, it said.",
                "\n    The company \"grew.\"",
                "\nIt will report on Sept. 11. Profit was 3.5 mln dlrs in the U.S.\nWhy?",
                "\nNo.",
            ]
        );
        // The pieces cover the text, in order.
        assert_eq!(pieces(text).concat(), text);
        assert!(pieces("").is_empty());
        assert_eq!(pieces("no end"), ["no end"]);
    }

    /// A piece, the rules it matches by the prebuilt DFA (`None` where it cannot read the
    /// piece) and those it matches by the `RegexSet`.
    type Matched<'t> = (&'t str, Option<Vec<usize>>, Vec<usize>);

    /// Each piece of `text` with the rules it matches both ways.
    fn rules_matched_both_ways(text: &str) -> Vec<Matched<'_>> {
        let dfa = rule_dfa().expect("the prebuilt DFA loads");
        let set = rule_set().expect("the rule set compiles");
        let mut scratch = dfa.scratch();
        split_pieces(text)
            .map(|(start, end)| {
                let piece = &text[start..end];
                let by_dfa = dfa.matches(piece, &mut scratch).map(|hits| {
                    let mut orders: Vec<usize> = hits.iter().map(|&(order, _)| order).collect();
                    orders.sort_unstable();
                    orders
                });
                (piece, by_dfa, set.matches(piece).into_iter().collect())
            })
            .collect()
    }

    #[test]
    fn the_prebuilt_rule_dfa_is_built_from_the_current_rules() {
        assert!(
            rule_dfa().is_some(),
            "models/date_rules.dfa.zst is not the current date rules' DFA: run \
             `cargo test --release --lib write_the_rule_dfa -- --ignored` and commit the file"
        );
    }

    #[test]
    fn the_prebuilt_rule_dfa_finds_the_rules_the_rule_set_finds() {
        // The date tests' lines hold every kind of expression the rules know, and the seed
        // article curly quotes; some forms are rare in both.
        let mut texts: Vec<String> = include_str!("tests.rs").lines().map(String::from).collect();
        texts.push(include_str!("../../../corpus/000_feb3187bc183f0b1.txt").to_string());
        texts.push("Filed 1987-03-04, signed 04.03.1987 and due 3/4/87.".to_string());
        texts.push("Since March nineteen eighty-seven, the eighties, the last century.".into());
        for (path, field) in [
            ("../shared/data/tempeval3/train_docs.jsonl", "text"),
            ("../shared/data/known-item-reuters/corpus.jsonl", "body"),
        ] {
            let Ok(lines) = std::fs::read_to_string(path) else {
                eprintln!("SKIPPED part of the_prebuilt_rule_dfa_finds_…: {path} is absent");
                continue;
            };
            for line in lines.lines().take(1500) {
                let value: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
                texts.push(value[field].as_str().unwrap_or_default().to_string());
            }
        }
        let (mut pieces, mut matching, mut not_ascii) = (0, 0, 0);
        let mut matched = std::collections::BTreeSet::new();
        for text in &texts {
            for (piece, by_dfa, by_set) in rules_matched_both_ways(text) {
                let by_dfa = by_dfa.expect("the DFA reads every piece here");
                assert_eq!(by_dfa, by_set, "{piece:?}");
                pieces += 1;
                matching += usize::from(!by_set.is_empty());
                not_ascii += usize::from(!piece.is_ascii());
                matched.extend(by_dfa);
            }
        }
        // Enough pieces, with and without a date and with other than ASCII, that a wrong DFA
        // or stand-in could not pass.
        assert!(
            pieces > 1000 && matching > 300 && not_ascii > 5,
            "{pieces} pieces, {matching} with a date, {not_ascii} not ASCII"
        );
        // Every rule matches some piece, so each rule's column of the DFA was compared.
        let never: Vec<usize> = (0..rules().len())
            .filter(|r| !matched.contains(r))
            .collect();
        assert!(never.is_empty(), "rules never matched: {never:?}");
    }

    #[test]
    fn the_prebuilt_rule_dfa_reads_other_characters_through_their_stand_ins() {
        let cases = [
            // No-break and thin spaces, curly quotes, dashes, accented neighbours.
            "Talks resumed on March\u{a0}3,\u{2009}1987 after \u{201c}last week\u{201d}.",
            "Sales rose March 3\u{2013}5 and fell \u{2014} Zürich\u{2019}s 1987 figures.",
            "The café1987 deal, signed Feb.\u{a0}17, closes in the third\u{a0}quarter.",
            "Déjà vu: two years ago, the 1980s, twenty\u{2013}first of May.",
            "\u{2026}yesterday\u{2026} and résumés \u{ab}tomorrow\u{bb}, next\u{3000}Friday.",
        ];
        for text in cases {
            for (_, by_dfa, by_set) in rules_matched_both_ways(text) {
                assert_eq!(by_dfa.as_ref(), Some(&by_set), "{text:?}");
            }
        }
        // A digit other than ASCII or a letter whose case is ASCII has no stand-in: the
        // `RegexSet` answers for the piece, and its dates are found all the same.
        for text in [
            "Founded in \u{661}\u{669}\u{668}\u{667}, it listed on March 3, 1987.",
            "Wee\u{212a}s later, on March 3, 1987, it listed.",
        ] {
            for (_, by_dfa, _) in rules_matched_both_ways(text) {
                assert_eq!(by_dfa, None, "{text:?}");
            }
            let found: Vec<&str> = scan(text).iter().map(|c| &text[c.start..c.end]).collect();
            assert_eq!(found, ["March 3, 1987"], "{text:?}");
        }
        let text = "Talks resumed on March\u{a0}3, 1987 after \u{201c}last week\u{201d}.";
        let found: Vec<&str> = scan(text).iter().map(|c| &text[c.start..c.end]).collect();
        assert_eq!(found, ["March\u{a0}3, 1987", "last week"]);
    }

    /// Unicode's whitespace other than ASCII.
    const OTHER_SPACES: &[char] = &[
        '\u{85}', '\u{a0}', '\u{1680}', '\u{2000}', '\u{2001}', '\u{2002}', '\u{2003}', '\u{2004}',
        '\u{2005}', '\u{2006}', '\u{2007}', '\u{2008}', '\u{2009}', '\u{200a}', '\u{2028}',
        '\u{2029}', '\u{202f}', '\u{205f}', '\u{3000}',
    ];

    #[test]
    fn other_spaces_are_unicode_s_whitespace_other_than_ascii() {
        let all: Vec<char> = ('\u{80}'..=char::MAX)
            .filter(|c| c.is_whitespace())
            .collect();
        assert_eq!(all, OTHER_SPACES);
    }

    /// Every character other than ASCII that a pattern can match, by the patterns' syntax.
    fn unsupported_by_the_stand_in(hir: &regex_syntax::hir::Hir, out: &mut Vec<String>) {
        use super::super::rule_dfa::{NOTHING, PATTERN_CHARS, SPACE, case_maps_to_ascii};
        use regex_syntax::hir::{Class, HirKind};
        let may_stand_in = |c: char| {
            c.is_ascii() && c != char::from(NOTHING)
                || c.is_whitespace()
                || c.is_numeric()
                || case_maps_to_ascii(c)
        };
        let stand_ins = [char::from(NOTHING), char::from(SPACE)];
        match hir.kind() {
            HirKind::Empty => {}
            HirKind::Literal(literal) => {
                for c in String::from_utf8_lossy(&literal.0).chars() {
                    if !(c.is_ascii() && !stand_ins.contains(&c) || PATTERN_CHARS.contains(&c)) {
                        out.push(format!("literal {c:?}"));
                    }
                }
            }
            HirKind::Class(Class::Unicode(class)) => {
                let has = |c: char| class.iter().any(|r| (r.start()..=r.end()).contains(&c));
                for range in class.iter() {
                    let bad = (range.start()..=range.end()).find(|&c| !may_stand_in(c));
                    out.extend(bad.map(|c| format!("class with {c:?}")));
                }
                // The vertical tab stands for all other whitespace: a class has all or none.
                let mut spaces = OTHER_SPACES.iter().copied().chain([char::from(SPACE)]);
                if spaces.any(|c| has(c) != has(char::from(SPACE))) {
                    out.push("class with some whitespace and not all".into());
                }
            }
            HirKind::Class(Class::Bytes(class)) => {
                for range in class.iter() {
                    let stand_in = |b: &u8| (range.start()..=range.end()).contains(b);
                    if range.end() >= 0x80 || [NOTHING, SPACE].iter().any(stand_in) {
                        out.push(format!("byte class {range:?}"));
                    }
                }
            }
            HirKind::Look(look) => {
                if format!("{look:?}").contains("Unicode") {
                    out.push(format!("{look:?}"));
                }
            }
            HirKind::Repetition(repetition) => unsupported_by_the_stand_in(&repetition.sub, out),
            HirKind::Capture(capture) => unsupported_by_the_stand_in(&capture.sub, out),
            HirKind::Concat(all) | HirKind::Alternation(all) => {
                for sub in all {
                    unsupported_by_the_stand_in(sub, out);
                }
            }
        }
    }

    #[test]
    fn the_patterns_match_other_characters_only_as_the_stand_in_assumes() {
        for pattern in rule_patterns() {
            let hir = regex_syntax::parse(pattern).expect("the pattern parses");
            let mut unsupported = Vec::new();
            unsupported_by_the_stand_in(&hir, &mut unsupported);
            assert!(
                unsupported.is_empty(),
                "{pattern}: {unsupported:?} (see rule_dfa::stand_in)"
            );
        }
        // The check sees what it must reject.
        for pattern in [
            r"a.b",
            r"\w+",
            r"[^a]",
            r"\bx",
            r"—",
            r"[- ]\x0b",
            r"[\x0b-]",
        ] {
            let mut unsupported = Vec::new();
            unsupported_by_the_stand_in(&regex_syntax::parse(pattern).unwrap(), &mut unsupported);
            assert!(!unsupported.is_empty(), "{pattern}");
        }
    }

    #[test]
    fn a_date_across_a_line_break_is_found_whole() {
        let text = "The offer expires Feb.\n17, 1987. Shares rose.\nTrading resumes March 3.";
        let found: Vec<&str> = scan(text).iter().map(|c| &text[c.start..c.end]).collect();
        assert_eq!(found, ["Feb.\n17, 1987", "March 3"]);
    }
}
