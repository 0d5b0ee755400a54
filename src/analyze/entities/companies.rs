//! Companies' names the model cut where wire copy puts punctuation or a ticker inside them.
//!
//! - A designator's full stop inside a name ends it: the model ran on across a sentence's end
//!   (`Apollo Computer Inc. Phoenix`, PER `Corp. Also`).
//! - A bracketed qualifier before the designator: `Morgan Stanley International (Europe)
//!   Ltd`, `MIM (Canada) Inc`, `Cheung Kong (Holdings) Ltd`, as wire copy names a group's
//!   regional arms. The model, trained on text with few of them, cut such a name in three
//!   (ORG `Morgan Stanley International`, LOC `Europe`, ORG `Ltd`, the last then resolved to
//!   whatever longer name ends in `Ltd`) or took the bracket into a name (ORG `Securities)
//!   Ltd`). A capitalised name, a bracket of one to four capitalised words and a designator
//!   are one company.
//! - Partners' names with a comma between them and `and Co` after (`Goldman, Sachs and Co`):
//!   the model took the first for a place or a person (LOC `Kidder` in 43 known-item Reuters
//!   articles, beside ORG `Peabody and Co Inc`).
//!   Three or more partners with commas between them and a designator after are one firm
//!   too (`L.F. Rothschild, Unterberg, Towbin Inc`), unless they list companies the model found.
//! - A designator alone (ORG `Co` after `Touche Ross and`, `Sons Inc` after `Brown and`,
//!   `PLC` after `Lloyds Bank <LLOY.L>`) ends the name before it, across `and` or `&`; with
//!   no name there (or a ticker) it names nothing and is dropped; across a comma too, after a
//!   name the model found (`Petroleos de Venezuela, S.A.`: LOC `S.A.` was in 14 known-item
//!   articles). `S.A.` and `N.V.` written with full stops are designators, `A.G.` (initials as
//!   often) is not.
//! - A name with `and Co` after it the model left out (`Lazard Freres and Co.`, `Brown and
//!   Sons`, French `et Cie`) is a company's with them: the model read `Lazard Freres` as a
//!   person in 6 known-item Reuters articles.
//! - A name ending in a designator is a company's, whatever kind the model gave it (PER
//!   `Samuel Montagu Ltd`, LOC `Fiat SpA`, MISC `Getty Oil Co`).
//! - Across the article ([`short_names`]): a name that opens such a company's name is that
//!   company's short form (LOC `Dome` beside `Dome Petroleum Ltd`), unless it is a place or a
//!   nationality in its own right.

use super::canonical::{DESIGNATORS, normalize};
use super::recognizer::Entity;
use super::tags::{EntityKind, Span};
use rustc_hash::{FxHashMap, FxHashSet};

/// Designators of other countries' companies, beside [`DESIGNATORS`], which name a
/// company's end after a qualifier (`(Australia) Pty Ltd`, `(Malaysia) Bhd`).
const MORE_DESIGNATORS: &[&str] = &[
    "pty",
    "limited",
    "corporation",
    "nv",
    "bv",
    "gmbh",
    "bhd",
    "berhad",
    "spa",
    "pte",
    "sdn",
    // Danish and Norwegian (`Copenhagen Handelsbank A/S`: ORG `A/S` alone was in 8 known-item
    // Reuters articles).
    "a/s",
];

/// Most words a qualifier holds.
const MAX_QUALIFIER: usize = 4;

/// Most words of a company's name before its qualifier when the model found none of them.
const MAX_NAME: usize = 6;

/// Whether `word` is a company's designator (`Inc`, `Corp.`, `Plc`, `GmbH`), in any case, also
/// with full stops between its letters (`S.A.`, `N.V.`: [`DOTTED`]).
pub(crate) fn is_designator(word: &str) -> bool {
    // Past a full stop (`Inc.`) or a bracket the tokenizer left on it (`Ltd)'s`).
    let word = word.trim_end_matches(|c: char| !c.is_alphanumeric());
    let listed = |word: &str| {
        DESIGNATORS
            .iter()
            .chain(MORE_DESIGNATORS)
            .any(|d| d.eq_ignore_ascii_case(word))
    };
    listed(word)
        || (is_dotted(word) && DOTTED.contains(&word.replace('.', "").to_lowercase().as_str()))
}

/// Designators also written with full stops between their letters; not `AG`, whose `A.G.`
/// is as often a person's initials (`A.G. Edwards and Sons Inc`).
const DOTTED: &[&str] = &["sa", "nv", "bv", "spa"];

/// Where the designators that open at word `at` end (`at` itself when none does): past `Co Inc`
/// in `Lane, Space, Smith and Co Inc`.
fn past_designators(words: &[&str], at: usize) -> usize {
    at + words[at.min(words.len())..]
        .iter()
        .take_while(|w| is_designator(w))
        .count()
}

/// Whether `word` has a full stop between its letters (`S.A.`, `N.V`), not only after them
/// (`Inc.`).
fn is_dotted(word: &str) -> bool {
    word.trim_end_matches('.').contains('.')
}

/// A word that can stand in a name: it opens with a capital or a digit (`3M`), or joins a
/// name's words (`and`, `&`, `of`).
fn is_name_word(word: &str) -> bool {
    word.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        || matches!(word, "&" | "and" | "of")
}

/// Whether `word` joins partners' names: `and`, `&`, or `And` as some releases write it.
pub(crate) fn is_and(word: &str) -> bool {
    matches!(word, "and" | "And" | "&")
}

fn is_capitalised(word: &str) -> bool {
    word.starts_with(char::is_uppercase)
}

/// Applies the rules to one sentence's `words` and its entity `spans` (in order, apart);
/// `place` tells a word the gazetteer knows as a place.
pub(crate) fn apply(words: &[&str], spans: &mut Vec<Span>, place: &dyn Fn(&str) -> bool) {
    cut_after_full_stops(words, spans);
    join_qualified(words, spans);
    join_comma_partners(words, spans, place);
    join_partners(words, spans, place);
    join_designators(words, spans);
    join_and_co(words, spans);
    for span in spans.iter_mut() {
        // The last word, past a bracket the span took in (`(John Labatt Ltd)'s`).
        let last = words[span.start..span.end]
            .iter()
            .rev()
            .find(|w| w.chars().any(char::is_alphanumeric));
        if last.is_some_and(|w| is_designator(w)) {
            span.kind = EntityKind::Organization;
        }
    }
}

/// Across one article's `entities`: a name that opens a company's name in the same article
/// (one ending in a designator) is that company's short form (LOC `Dome` beside `Dome
/// Petroleum Ltd`, `Hughes` beside `Hughes Tool Co`, MISC `Cyclops` beside `Cyclops Corp`),
/// whatever kind the model gave it, unless it is a place or other name in its own right:
/// `known` says so (`China` beside `China International Trust and Investment Corp`), or it is
/// a nationality (`British` beside `British Petroleum Co PLC`, `Swiss`).
///
/// Beside [`super::consistency::short_forms`], which runs on the tagger's output (also for
/// CoNLL) and makes persons' names companies' only: this one sees whole companies' names, as
/// the rules above made them, and all kinds. Over known-item Reuters it changed about 500
/// (kind, name) counts, nearly all right (LOC `Dome` 16 articles, `Hughes` 15, MISC
/// `Cyclops` 26, `Dixons` 18); wrong ones left are places a company is named after that the
/// gazetteer does not hold (`Midwest` 2, `British Columbia` 2). On eng.testa as running text
/// F1 0.9171 → 0.9178. A name in capitals alone is the short form of a company whose name opens
/// with it in any case (`DOME`, `HOECHST`, `SONY` in the headlines of Reuters-21578 as JSON
/// Lines, beside `Dome Petroleum Ltd`, `Hoechst AG`, `Sony Corp`), checked as the company
/// writes it.
pub(crate) fn short_names(entities: &mut [Entity], known: impl Fn(&str) -> bool) {
    // The words each company's name opens with (`Dome`, `Dome Petroleum`), so that a long text's
    // many names are each looked up once; by their capitals too (`DOME`, as a headline in
    // capitals writes the short form), to the opening as the company writes it.
    let mut openings: FxHashSet<String> = FxHashSet::default();
    let mut in_capitals: FxHashMap<String, String> = FxHashMap::default();
    for company in entities
        .iter()
        .filter(|e| e.kind == EntityKind::Organization)
        .filter(|e| e.text.rsplit(' ').next().is_some_and(is_designator))
    {
        let name = normalize(&company.text);
        for (at, _) in name.match_indices(' ') {
            // Partners' names open before a comma (`Kidder` of `Kidder, Peabody and Co Inc`).
            let opening = name[..at].trim_end_matches(',');
            openings.insert(opening.to_string());
            in_capitals.insert(opening.to_uppercase(), opening.to_string());
        }
    }
    if openings.is_empty() {
        return;
    }
    for entity in entities.iter_mut() {
        if entity.kind == EntityKind::Organization {
            continue;
        }
        let name = normalize(&entity.text);
        let opening = if openings.contains(&name) {
            Some(name.as_str())
        } else if !name.chars().any(char::is_lowercase) {
            in_capitals.get(&name).map(String::as_str)
        } else {
            None
        };
        // Checked as the company writes it: the gazetteer's and the nationalities' writing.
        let Some(opening) = opening else {
            continue;
        };
        let nationality = entity.kind == EntityKind::Misc
            && opening.rsplit(' ').next().is_some_and(is_nationality);
        if !nationality && !known(opening) {
            entity.kind = EntityKind::Organization;
        }
    }
}

/// Whether `word` looks like a nationality or a region's adjective by its ending (`American`,
/// `Japanese`, `British`, `Swiss`, `Iraqi`, `Arabic`, `Dutch`, `Philippine`, `Western`), or is
/// one of those the endings miss. Some companies' short forms look so too (`Nissan`,
/// `Republic`) and stay as the model tagged them.
pub(crate) fn is_nationality(word: &str) -> bool {
    const ENDINGS: &[&str] = &["an", "ese", "ish", "ss", "i", "ic", "ch", "ine", "ern"];
    const OTHERS: &[&str] = &["Arab", "Greek", "Thai", "Welsh", "Scots", "Basque", "Kurd"];
    ENDINGS.iter().any(|ending| word.ends_with(ending)) || OTHERS.contains(&word)
}

/// Puts `company` in `spans` in place of the spans it overlaps.
fn replace_with(spans: &mut Vec<Span>, company: Span) {
    spans.retain(|s| s.end <= company.start || s.start >= company.end);
    let at = spans.partition_point(|s| s.start < company.start);
    spans.insert(at, company);
}

/// The full-stop rule: a designator with a full stop inside a span ends a sentence the span ran
/// across (`Apollo Computer Inc. Phoenix`, `Corp. Also`): the span ends there, and what follows
/// stays a name only if it is a company's too (`Corp. Salomon Brothers Inc`).
fn cut_after_full_stops(words: &[&str], spans: &mut Vec<Span>) {
    let mut i = 0;
    while i < spans.len() {
        let span = spans[i];
        let stop = (span.start..span.end - 1).find_map(|k| {
            // `N.V.` may open a name (`N.V. Philips`); `Inc.` ends one.
            let designator = is_designator(words[k]) && !is_dotted(words[k]);
            if designator && words[k].ends_with('.') {
                Some(k + 1)
            } else if designator && words[k + 1] == "." {
                Some(k + 2)
            } else {
                None
            }
        });
        let Some(cut) = stop.filter(|&cut| cut < span.end) else {
            i += 1;
            continue;
        };
        spans[i].end = cut;
        let rest = Span {
            start: cut,
            end: span.end,
            kind: EntityKind::Organization,
        };
        if is_designator(words[rest.end - 1]) && is_capitalised(words[rest.start]) {
            spans.insert(i + 1, rest);
        }
        i += 1;
    }
}

/// The qualifier rule: a name, a bracketed qualifier and a designator.
fn join_qualified(words: &[&str], spans: &mut Vec<Span>) {
    if !words.contains(&"(") {
        return;
    }
    let mut open = 0;
    while let Some(at) = words[open..].iter().position(|w| *w == "(") {
        open += at;
        if let Some(company) = company_around(words, spans, open) {
            replace_with(spans, company);
            open = company.end;
        } else {
            open += 1;
        }
    }
}

/// The designators rule: a span of designators alone (or `Sons` and designators after `and`)
/// joins the name before it or is dropped.
fn join_designators(words: &[&str], spans: &mut Vec<Span>) {
    let mut i = 0;
    while i < spans.len() {
        let lone = spans[i];
        // After `and`, `Sons` or `Company` opens a designator too (`Brown and Sons Inc`).
        let after_and = lone.start > 0 && is_and(words[lone.start - 1]);
        let opens = usize::from(after_and && is_partnership(words[lone.start]));
        if !words[lone.start + opens..lone.end]
            .iter()
            .all(|w| is_designator(w))
        {
            i += 1;
            continue;
        }
        let mut before = lone.start;
        // `and` or `&` may stand between name and designator, or a comma (`Petroleos de
        // Venezuela, S.A.`); a ticker (`Lloyds Bank <LLOY.L> PLC`) ends the name (see
        // `brackets`), and the designator is dropped.
        if before >= 1 && (is_and(words[before - 1]) || words[before - 1] == ",") {
            before -= 1;
        }
        // Across a comma, only a name the model found (not `Meanwhile, N.V.`).
        let named = words[before] != "," || spans.iter().any(|s| s.end == before);
        match name_ending_at(words, spans, before).filter(|_| named) {
            Some(start) => {
                let company = Span {
                    start,
                    end: lone.end,
                    kind: EntityKind::Organization,
                };
                replace_with(spans, company);
                i = spans.partition_point(|s| s.start <= company.start);
            }
            None => {
                spans.remove(i);
            }
        }
    }
}

/// The `and Co` rule: a name followed by `and` (or `&`) and a capitalised partnership's word
/// the model left out of it (`Lazard Freres and Co.`, `Brown and Sons`, `Arvid Jauppi and
/// Associates`), or by French `et Cie`, takes them in, with any designators after (`and Co
/// Ltd`), as a company's. Not when a capitalised word goes on after them, which may open
/// another name (`Smith and Company Chairman`).
fn join_and_co(words: &[&str], spans: &mut [Span]) {
    for span in spans.iter_mut() {
        let partners = match (words.get(span.end), words.get(span.end + 1)) {
            (Some(and), Some(w)) if is_and(and) => is_capitalised(w) && is_partnership(w),
            (Some(&"et"), Some(w)) => w.trim_end_matches('.') == "Cie",
            _ => false,
        };
        if !partners {
            continue;
        }
        let end = past_designators(words, span.end + 2);
        if words.get(end).is_some_and(|w| is_capitalised(w)) {
            continue;
        }
        span.end = end;
        span.kind = EntityKind::Organization;
    }
}

/// A word that, after `and` or `&`, ends a partnership's name (`Sachs and Co`, `Sons`,
/// `Rothschild and Cie`).
fn is_partners(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    ["co", "sons", "company", "cie"]
        .iter()
        .any(|p| p.eq_ignore_ascii_case(word))
}

/// [`is_partners`], or a word that ends a firm's name after one name and `and`
/// (`Jauppi and Associates`), but that after two names with a comma between them ends a
/// list of a company and a firm as often (`Singer Inc, Raymond James and Associates`).
pub(crate) fn is_partnership(word: &str) -> bool {
    is_partners(word) || {
        let word = word.trim_end_matches('.');
        ["associates", "partners"]
            .iter()
            .any(|p| p.eq_ignore_ascii_case(word))
    }
}

/// The most words of the last partner's name before its designator (`Jenrette Securities`).
const MAX_LAST_PARTNER: usize = 3;

/// The partners rule: two partners' names and `and Co` (`Goldman, Sachs and Co`, `Smith
/// Barney, Harris Upham and Co Inc`) are one company, each name one or two capitalised words.
/// So are they before a third partner's name and a designator (`Donaldson, Lufkin and
/// Jenrette Securities Corp`, `Piper, Jaffray and Hopwood Inc`: the model read `Donaldson` and
/// `Lufkin` as places in 17 and 20 known-item articles) when the model took neither of the
/// first two for an organisation, which a list of companies is (`Chrysler, Ford and American
/// Motors Corp`), and neither is a `place` (`of Milan, Italy and ARCO Seed Co`). A list of
/// names ends otherwise (`France, Italy and Canada`).
fn join_partners(words: &[&str], spans: &mut Vec<Span>, place: &dyn Fn(&str) -> bool) {
    let mut at = 0;
    while let Some(found) = words[at..].iter().position(|w| is_and(w)) {
        let and = at + found;
        at = and + 1;
        let and_co = words.get(and + 1).is_some_and(|w| is_partners(w));
        let partners_end = if and_co {
            Some(and + 2)
        } else {
            last_partner_end(words, and + 1)
        };
        let Some(partners_end) = partners_end else {
            continue;
        };
        let comma = (2..=3)
            .filter_map(|n| and.checked_sub(n))
            .find(|&c| words[c] == "," && words[c + 1..and].iter().all(|w| is_capitalised(w)));
        let Some(comma) = comma.filter(|&c| {
            c > 0 && is_capitalised(words[c - 1]) && (and_co || !is_designator(words[c - 1]))
        }) else {
            continue;
        };
        let listed = || {
            spans
                .iter()
                .any(|s| s.kind == EntityKind::Organization && s.start < and && s.end >= comma)
                || words[comma - 1..and].iter().any(|w| place(w))
        };
        if !and_co && listed() {
            continue;
        }
        // The first partner: the model's name ending at the comma, if it is short enough;
        // the model's own start if it took the comma in (`Lane, Space, Smith and Co Inc`).
        let start = match spans.iter().find(|s| s.start < comma && comma <= s.end) {
            Some(span) if span.end > comma => span.start,
            Some(span) if comma - span.start > 2 => continue,
            Some(span) => span.start,
            None => comma - 1,
        };
        let end = past_designators(words, partners_end);
        replace_with(
            spans,
            Span {
                start,
                end,
                kind: EntityKind::Organization,
            },
        );
        at = end;
    }
}

/// The most partners a firm's name lists with commas.
const MAX_PARTNERS: usize = 6;

/// The comma partners rule: three or more partners' names with commas between them (`and`
/// before the last may stand for a comma), a designator or `and Co` after the last, are one
/// firm: `L.F. Rothschild, Unterberg, Towbin Inc`, `Merrill Lynch, Pierce, Fenner and Smith
/// Inc`, `Loewen, Ondaatje, McCutcheon and Co Ltd`. The model read the middle ones as places
/// or persons (LOC `Unterberg` in 8 known-item Reuters articles, `Pierce` in 9). The partners
/// between the first and the last are one word each, the first and the last up to three; the
/// first is a name the model found; none is a `place`. Not a list of companies:
/// the model took each partner before the last for one, or a comma goes before the first
/// (`Mobil Corp, Sohio, Shell, Texaco Inc`), or a partner has more words (`Tuscan Dairies,
/// Green Spring Dairy, EverFresh Juice Co`).
fn join_comma_partners(words: &[&str], spans: &mut Vec<Span>, place: &dyn Fn(&str) -> bool) {
    // Most sentences have fewer commas than a list of three partners needs.
    if words.iter().filter(|w| **w == ",").count() < 2 {
        return;
    }
    let mut e = 1;
    while e < words.len() {
        // The cheap test first: a designator or `and` after a capitalised word.
        if !is_capitalised(words[e - 1]) {
            e += 1;
            continue;
        }
        let and_co = is_and(words[e]) && words.get(e + 1).is_some_and(|w| is_partners(w));
        let ends = and_co || (is_designator(words[e]) && !is_designator(words[e - 1]));
        if !ends {
            e += 1;
            continue;
        }
        // The last partner: up to MAX_LAST_PARTNER capitalised words before the designator.
        let mut start = e - 1;
        while start > 0
            && e - start < MAX_LAST_PARTNER
            && is_capitalised(words[start - 1])
            && !is_designator(words[start - 1])
        {
            start -= 1;
        }
        let mut partners = Vec::with_capacity(MAX_PARTNERS);
        partners.push(start..e);
        let mut commas = 0;
        while partners.len() < MAX_PARTNERS && start >= 2 {
            let separator = words[start - 1];
            let by_and = is_and(separator) && partners.len() == 1;
            if separator != "," && !by_and {
                break;
            }
            let Some(name) = partner_ending_at(words, spans, start - 1) else {
                break;
            };
            commas += usize::from(separator == ",");
            start = name.start;
            partners.push(name);
        }
        let listed = || {
            partners[1..].iter().all(|p| {
                spans.iter().any(|s| {
                    s.kind == EntityKind::Organization && s.start <= p.start && p.end <= s.end
                })
            })
        };
        let placed = || {
            partners.iter().any(|p| {
                words[p.clone()].iter().any(|w| place(w)) || place(&words[p.clone()].join(" "))
            })
        };
        // Partners between the first and the last are one word each (`Pierce`, `Fenner`), and
        // a comma before the first continues a list (`Mobil Corp, Sohio, Shell, Texaco Inc`).
        let middle_words = || partners[1..partners.len() - 1].iter().all(|p| p.len() == 1);
        let in_a_list = start > 0 && words[start - 1] == ",";
        // The first partner is a name the model found (not `On Thursday, Bear, Stearns and Co`).
        let named = || spans.iter().any(|s| s.start == start);
        if partners.len() < 3
            || commas < 2
            || !middle_words()
            || in_a_list
            || !named()
            || listed()
            || placed()
        {
            e += 1;
            continue;
        }
        let end = past_designators(words, if and_co { e + 2 } else { e });
        replace_with(
            spans,
            Span {
                start,
                end,
                kind: EntityKind::Organization,
            },
        );
        e = end + 1;
    }
}

/// The partner's name that ends just before word `end` in a list of partners: the model's name
/// ending there, if of one to three capitalised words that are no designators; where the model
/// found none, the one capitalised word there.
fn partner_ending_at(words: &[&str], spans: &[Span], end: usize) -> Option<std::ops::Range<usize>> {
    let partner = |r: std::ops::Range<usize>| {
        words[r.clone()]
            .iter()
            .all(|w| is_capitalised(w) && !is_designator(w))
            .then_some(r)
    };
    match spans.iter().find(|s| s.end == end) {
        Some(span) if end - span.start <= 3 => partner(span.start..end),
        // A longer name is no partner's (`Merrill Lynch Capital Markets`).
        Some(_) => None,
        None if end > 0 => partner(end - 1..end),
        None => None,
    }
}

/// The end of a last partner's name that opens at word `start`: one to [`MAX_LAST_PARTNER`]
/// capitalised words and a designator (`Jenrette Securities Corp`).
fn last_partner_end(words: &[&str], start: usize) -> Option<usize> {
    let designator = (start + 1..=start + MAX_LAST_PARTNER)
        .take_while(|&k| {
            words
                .get(k - 1)
                .is_some_and(|w| is_capitalised(w) && !is_designator(w))
        })
        .find(|&k| words.get(k).is_some_and(|w| is_designator(w)))?;
    Some(designator + 1)
}

/// Where the name that ends just before word `end` starts: the span the model found there,
/// or else the capitalised words (with `and`, `&` and `of` between them) before `end`.
fn name_ending_at(words: &[&str], spans: &[Span], end: usize) -> Option<usize> {
    if end == 0 || !is_capitalised(words[end - 1]) {
        return None;
    }
    if let Some(span) = spans.iter().find(|s| s.start < end && end - 1 < s.end) {
        return Some(span.start);
    }
    let mut start = end - 1;
    while start > 0 && end - start < MAX_NAME && is_name_word(words[start - 1]) {
        start -= 1;
    }
    // A name opens with a capital, not with `and` or `of`.
    while !is_capitalised(words[start]) {
        start += 1;
    }
    Some(start)
}

/// The company whose qualifier opens at `open`, if the words around it make one.
fn company_around(words: &[&str], spans: &[Span], open: usize) -> Option<Span> {
    let close = open
        + 1
        + words[open + 1..]
            .iter()
            .take(MAX_QUALIFIER + 1)
            .position(|w| *w == ")")?;
    if close == open + 1 || !words[open + 1..close].iter().all(|w| is_capitalised(w)) {
        return None;
    }
    let end = past_designators(words, close + 1);
    if end == close + 1 {
        return None;
    }
    let start = name_ending_at(words, spans, open)?;
    Some(Span {
        start,
        end,
        kind: EntityKind::Organization,
    })
}

#[cfg(test)]
mod tests {
    use super::super::tags::span_rules;
    use super::*;
    use EntityKind::*;

    /// The rules, with `Italy` the one place the gazetteer knows.
    fn rules(words: &[&str], spans: &mut Vec<Span>) {
        apply(words, spans, &|word| word == "Italy");
    }

    fn companies(text: &str, spans: &[(usize, usize, EntityKind)]) -> Vec<(String, EntityKind)> {
        span_rules::after(rules, text, spans)
    }

    fn org(name: &str) -> (String, EntityKind) {
        (name.to_string(), Organization)
    }

    #[test]
    fn a_qualified_company_is_one_name() {
        // As the model cut it: a name, the qualifier as a place, the designator alone.
        let text = "placed by Morgan Stanley International ( Europe ) Ltd and Jardine Fleming ( Securities ) Ltd .";
        assert_eq!(
            companies(
                text,
                &[
                    (2, 5, Organization),
                    (6, 7, Location),
                    (8, 9, Organization),
                    (10, 12, Person),
                    (13, 16, Organization),
                ]
            ),
            [
                org("Morgan Stanley International ( Europe ) Ltd"),
                org("Jardine Fleming ( Securities ) Ltd")
            ]
        );
        // No span before the bracket: the capitalised words are the name; two designators.
        let text = "a unit of Smith and Jones ( Australia ) Pty Ltd said";
        assert_eq!(
            companies(text, &[(7, 8, Location)]),
            [org("Smith and Jones ( Australia ) Pty Ltd")]
        );
    }

    #[test]
    fn other_brackets_are_left_alone() {
        // No designator after the bracket; an aside in lower case; nothing before it.
        for (text, spans) in [
            (
                "the International Monetary Fund ( IMF ) said",
                vec![(1, 4, Organization), (5, 6, Organization)],
            ),
            (
                "Acme ( a unit of Ajax ) Inc said",
                vec![(0, 1, Organization), (5, 6, Organization)],
            ),
            ("( Europe ) Ltd said", vec![(1, 2, Location)]),
            ("sales ( Europe ) Ltd said", vec![(2, 3, Location)]),
        ] {
            span_rules::assert_unchanged(rules, text, &spans);
        }
    }

    #[test]
    fn a_lone_designator_ends_the_name_before_it() {
        let text =
            "auditor Touche Ross and Co , a unit of Lloyds Bank < LLOY.L > PLC and Textron Inc .";
        assert_eq!(
            companies(
                text,
                &[
                    (1, 3, Person),
                    (4, 5, Organization),
                    (9, 11, Organization),
                    (14, 15, Organization),
                    (16, 17, Organization),
                    (17, 18, Organization)
                ]
            ),
            [
                org("Touche Ross and Co"),
                org("Lloyds Bank"),
                org("Textron Inc")
            ]
        );
        // Whatever kind the model gave a name, a designator ends a company's.
        assert_eq!(
            companies(
                "by Samuel Montagu Ltd and Fiat SpA or ( John Labatt Ltd ) 's",
                &[(1, 4, Person), (5, 7, Location), (9, 13, Person)]
            ),
            [
                org("Samuel Montagu Ltd"),
                org("Fiat SpA"),
                org("John Labatt Ltd )")
            ]
        );
        assert_eq!(
            companies(
                "by Brown and Sons Inc",
                &[(1, 2, Misc), (3, 5, Organization)]
            ),
            [org("Brown and Sons Inc")]
        );
        // After a comma, and with full stops between its letters.
        assert_eq!(
            companies(
                "Petroleos de Venezuela , S.A. said",
                &[(0, 3, Organization), (4, 5, Location)]
            ),
            [org("Petroleos de Venezuela , S.A.")]
        );
        // Not initials, not across a comma after a word the model found no name in, and not
        // cut after a designator that opens a name.
        assert_eq!(
            companies(
                "by A.G. Edwards and Sons Inc and N.V. Philips",
                &[(1, 6, Organization), (7, 9, Organization)]
            ),
            [org("A.G. Edwards and Sons Inc"), org("N.V. Philips")]
        );
        assert_eq!(
            companies("Meanwhile , N.V. said", &[(2, 3, Organization)]),
            Vec::<(String, EntityKind)>::new()
        );
        // No span before it: the capitalised words; none: dropped.
        assert_eq!(
            companies("said HBO and Co shares", &[(3, 4, Organization)]),
            [org("HBO and Co")]
        );
        assert_eq!(
            companies("the Co said", &[(1, 2, Organization)]),
            Vec::<(String, EntityKind)>::new()
        );
    }

    #[test]
    fn and_co_left_out_joins_the_name_before_it() {
        let text =
            "through Lazard Freres and Co. to Brown and Sons Ltd and Lazard Freres et Cie said";
        assert_eq!(
            companies(text, &[(1, 3, Person), (6, 7, Person), (11, 13, Person)]),
            [
                org("Lazard Freres and Co."),
                org("Brown and Sons Ltd"),
                org("Lazard Freres et Cie")
            ]
        );
        // A firm's associates after one name; after a list, the last name's alone.
        assert_eq!(
            companies(
                "Singer Inc , Raymond James and Associates said",
                &[(0, 2, Organization), (3, 5, Person)]
            ),
            [org("Singer Inc"), org("Raymond James and Associates")]
        );
        // Not the words of another name, nor sons in lower case.
        let text = "Smith and Company Chairman John Doe met Jones and sons";
        assert_eq!(
            companies(text, &[(0, 1, Person), (7, 8, Person)]),
            [("Smith".to_string(), Person), ("Jones".to_string(), Person)]
        );
    }

    #[test]
    fn partners_and_co_are_one_company() {
        let text = "by Goldman , Sachs and Co , Kidder , Peabody and Co Inc and Smith Barney , Harris Upham and Co .";
        assert_eq!(
            companies(
                text,
                &[
                    (1, 2, Location),
                    (3, 4, Person),
                    (7, 8, Location),
                    (9, 13, Organization),
                    (14, 16, Person),
                    (17, 19, Person)
                ]
            ),
            [
                org("Goldman , Sachs and Co"),
                org("Kidder , Peabody and Co Inc"),
                org("Smith Barney , Harris Upham and Co")
            ]
        );
        // With `And` in capitals, as some releases write it.
        assert_eq!(
            companies(
                "advisor , Smith Barney , Harris Upham And Co Inc , to",
                &[(2, 4, Location), (5, 9, Organization)]
            ),
            [org("Smith Barney , Harris Upham And Co Inc")]
        );
        // Before a third partner's name and a designator.
        let text = "by Donaldson , Lufkin and Jenrette Securities Corp and Piper , Jaffray and Hopwood Inc .";
        assert_eq!(
            companies(
                text,
                &[
                    (1, 2, Location),
                    (3, 4, Location),
                    (5, 8, Organization),
                    (9, 10, Person),
                    (13, 14, Person),
                ]
            ),
            [
                org("Donaldson , Lufkin and Jenrette Securities Corp"),
                org("Piper , Jaffray and Hopwood Inc")
            ]
        );
        // A list of names, or a long name before the comma: left alone.
        for (text, spans) in [
            (
                "Chrysler , Ford and American Motors Corp",
                vec![
                    (0, 1, Organization),
                    (2, 3, Organization),
                    (4, 7, Organization),
                ],
            ),
            (
                "Milan , Italy and ARCO Seed Co",
                vec![(0, 1, Location), (2, 3, Location), (4, 7, Organization)],
            ),
            (
                "Acme Ltd , Smith and Jones Inc",
                vec![(0, 2, Organization), (5, 7, Organization)],
            ),
            (
                "France , Italy and Canada",
                vec![(0, 1, Location), (2, 3, Location), (4, 5, Location)],
            ),
            (
                "Lane , Space , Smith and Co Inc",
                vec![(0, 8, Organization)],
            ),
        ] {
            span_rules::assert_unchanged(rules, text, &spans);
        }
        // A long name before the comma is not a partner: the name after it is a company with
        // its `and Co` alone.
        assert_eq!(
            companies(
                "Merrill Lynch Capital Markets , Smith and Co",
                &[(0, 4, Organization), (5, 6, Person)]
            ),
            [org("Merrill Lynch Capital Markets"), org("Smith and Co")]
        );
    }

    #[test]
    fn a_designators_full_stop_ends_a_name() {
        let text = "to Argo Communications Corp. Also , Apollo Computer Inc . Phoenix and Acme Corp. Salomon Brothers Inc did";
        assert_eq!(
            companies(
                text,
                &[
                    (1, 2, Misc),
                    (3, 5, Person),
                    (6, 11, Organization),
                    (12, 17, Organization)
                ]
            ),
            [
                org("Argo Communications Corp."),
                org("Apollo Computer Inc ."),
                org("Acme Corp."),
                org("Salomon Brothers Inc")
            ]
        );
    }

    /// Entities of `kind` and name, as `extract` makes them (offsets do not matter here).
    fn entities(names: &[(EntityKind, &str)]) -> Vec<Entity> {
        names
            .iter()
            .map(|&(kind, text)| Entity {
                kind,
                text: text.to_string(),
                start: 0,
                end: 0,
                canonical: String::new(),
            })
            .collect()
    }

    fn kinds(entities: &[Entity]) -> Vec<EntityKind> {
        entities.iter().map(|e| e.kind).collect()
    }

    #[test]
    fn a_name_opening_a_company_s_is_its_short_form() {
        let mut found = entities(&[
            (Organization, "Dome Petroleum Ltd"),
            (Location, "Dome"),
            (Person, "Hughes"),
            (Organization, "Hughes Tool Co"),
            (Misc, "Cyclops"),
            (Organization, "Cyclops Corp."),
            // Not a word of a company's name that opens it, or not the whole first word.
            (Location, "Petroleum"),
            (Person, "Dom"),
            (Location, "Calgary"),
            // A headline in capitals: the short form in capitals, but not a name in mixed case
            // that differs from the company's writing.
            (Location, "HUGHES"),
            (Location, "DOME PETROLEUM"),
            (Location, "CyClops"),
        ]);
        short_names(&mut found, |_| false);
        assert_eq!(
            kinds(&found),
            [
                Organization,
                Organization,
                Organization,
                Organization,
                Organization,
                Organization,
                Location,
                Person,
                Location,
                Organization,
                Organization,
                Location
            ]
        );
        // The first partner of a firm's name written with commas.
        let mut found = entities(&[
            (Organization, "Kidder, Peabody and Co Inc"),
            (Location, "Kidder"),
            (Location, "Kidder,"),
        ]);
        short_names(&mut found, |_| false);
        assert_eq!(kinds(&found), [Organization; 3]);
    }

    #[test]
    fn three_or_more_partners_with_commas_are_one_firm() {
        assert_eq!(
            companies(
                "said Merrill Lynch , Pierce , Fenner and Smith Inc and L.F. Rothschild , Unterberg , Towbin Inc .",
                &[
                    (1, 3, Organization),
                    (4, 5, Location),
                    (6, 7, Organization),
                    (8, 10, Organization),
                    (11, 13, Person),
                    (14, 15, Location),
                    (16, 18, Organization),
                ]
            ),
            [
                org("Merrill Lynch , Pierce , Fenner and Smith Inc"),
                org("L.F. Rothschild , Unterberg , Towbin Inc")
            ]
        );
        assert_eq!(
            companies(
                "by Loewen , Ondaatje , McCutcheon and Co Ltd .",
                &[(1, 2, Location), (3, 4, Person)]
            ),
            [org("Loewen , Ondaatje , McCutcheon and Co Ltd")]
        );
        // Lists: of companies the model found, after a comma, with a longer name, with a place,
        // or after a word the model did not take for a name.
        for (text, spans) in [
            (
                "as Sohio , Shell , Texaco Inc said",
                vec![
                    (1, 2, Organization),
                    (3, 4, Organization),
                    (5, 7, Organization),
                ],
            ),
            (
                "Mobil Corp , Sohio , Shell , Texaco Inc said",
                vec![
                    (0, 2, Organization),
                    (3, 4, Location),
                    (5, 6, Location),
                    (7, 9, Organization),
                ],
            ),
            (
                "bought Tuscan Dairies , Green Spring Dairy , EverFresh Juice Co",
                vec![(1, 3, Misc), (4, 7, Organization), (8, 11, Organization)],
            ),
            (
                "in Acme , Italy , Smith Inc",
                vec![(1, 2, Location), (3, 4, Location), (5, 7, Organization)],
            ),
            (
                "On Thursday , Bear , Stearns and Co said",
                vec![(3, 8, Organization)],
            ),
        ] {
            span_rules::assert_unchanged(rules, text, &spans);
        }
    }

    #[test]
    fn places_and_nationalities_stay_beside_companies_named_after_them() {
        let mut found = entities(&[
            (Organization, "British Petroleum Co PLC"),
            (Misc, "British"),
            (Organization, "Swiss Bank Corp"),
            (Misc, "Swiss"),
            (
                Organization,
                "China International Trust and Investment Corp",
            ),
            (Location, "China"),
            // An organisation's name without a designator names no company.
            (Organization, "Texaco Canada"),
            (Location, "Texaco"),
        ]);
        short_names(&mut found, |name| name == "China");
        assert_eq!(
            kinds(&found),
            [
                Organization,
                Misc,
                Organization,
                Misc,
                Organization,
                Location,
                Organization,
                Location
            ]
        );
        // In capitals, checked as the company writes it.
        let mut found = entities(&[
            (Organization, "British Petroleum Co PLC"),
            (Misc, "BRITISH"),
            (Organization, "China Steel Corp"),
            (Location, "CHINA"),
        ]);
        short_names(&mut found, |name| name == "China");
        assert_eq!(kinds(&found), [Organization, Misc, Organization, Location]);
        // No company at all: nothing changes.
        let mut found = entities(&[(Location, "Dome"), (Person, "Hughes")]);
        short_names(&mut found, |_| false);
        assert_eq!(kinds(&found), [Location, Person]);
    }

    #[test]
    fn nationalities_are_told_by_their_endings() {
        for word in [
            "American",
            "Japanese",
            "British",
            "Swiss",
            "Iraqi",
            "Arabic",
            "Dutch",
            "Philippine",
            "Western",
            "Greek",
            "Thai",
        ] {
            assert!(is_nationality(word), "{word}");
        }
        for word in ["Cyclops", "Dixons", "Dow", "Westinghouse", "Purolator"] {
            assert!(!is_nationality(word), "{word}");
        }
    }
}
