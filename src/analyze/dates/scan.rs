//! Scanning a text for date expressions: runs every pattern once over the
//! text, widens matches over leading modifiers ("early", "late", "mid-",
//! "the end of"), drops numbers that are amounts rather than years, and
//! keeps the longest of overlapping matches.
//!
//! The patterns are compiled once per process (`OnceLock`).

use std::sync::OnceLock;

use regex::{Regex, RegexSet, RegexSetBuilder};

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

/// All the rules' patterns as one set: a single pass over the text tells
/// which rules match anywhere, and only those are run for their matches.
fn rule_set() -> Option<&'static RegexSet> {
    static SET: OnceLock<Option<RegexSet>> = OnceLock::new();
    SET.get_or_init(|| {
        // The set's lazy DFA grows large on varied news text; with the default 2 MB cache it
        // was cleared and rebuilt over and over (a fifth of indexing time on Reuters).
        RegexSetBuilder::new(rules().iter().map(|r| r.re.as_str()))
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

/// How many rules compiled; the tests check that none was lost.
#[cfg(test)]
pub(super) fn rule_count() -> usize {
    rules().len()
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
    let mut found = Vec::new();
    let rules = rules();
    let hits = rule_set().map(|set| set.matches(text));
    for (order, rule) in rules.iter().enumerate() {
        if hits.as_ref().is_some_and(|h| !h.matched(order)) {
            continue;
        }
        for caps in rule.re.captures_iter(text) {
            // A rule may match context it does not report: group "mention" is then the mention.
            let Some(m) = caps.name("mention").or_else(|| caps.get(0)) else {
                continue;
            };
            if m.as_str().starts_with(|c: char| c.is_ascii_digit())
                && !plausible_number(text, m.start(), m.end())
            {
                continue;
            }
            if let Some(check) = rule.reject_after {
                let start = caps.get(0).map_or(m.start(), |whole| whole.start());
                let from = floor_char_boundary(text, start.saturating_sub(CONTEXT_BYTES));
                if check(&text[from..start]) {
                    continue;
                }
            }
            if let Some(expr) = (rule.build)(&caps) {
                found.push((m.start(), m.end(), order, expr));
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

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}
