//! Firms named after their founders, where market news quotes their people: `an analyst at Dean
//! Witter`, `a trader with Shearson Lehman`, `E.F. Hutton economist John Smith`, `brokers James
//! Capel`, `Caroline Levy of E.F. Hutton`. The model reads such names as persons (PER `E.F.
//! Hutton` in 17 known-item Reuters articles, `Dean Witter` in 10, `James Capel` in 13); where a
//! job at a firm stands before the name with `at` or `with` (a market job with `for` too), a
//! market job after it, the firm's trade just before it, or a person's name and `of`, the name is
//! the firm's (ORG), and so are its first and last words alone in the same article (`Capel`).
//! So is a name in a bond issue's syndicate (`lead manager Drexel Burnham`, `Bear Stearns
//! co-managed the deal`). Other names and places the gazetteer does not know become the
//! firm's where a job at a firm or the syndicate goes before them (MISC `Shearson Lehman`, LOC
//! `Smith Barney`).
//!
//! Two one-word names with `and` where one firm is named are one firm (`economist at brokers
//! Phillips and Drew`). Across the article, a company's short form takes its kind: the
//! founder's name after its initials (`Hutton` beside `E.F. Hutton Group Inc`) or the second
//! word of its two-word name (`Lilly` beside `Eli Lilly Inc`).

use super::companies::{is_and, is_designator, is_partnership};
use super::landforms::is_world_region;
use super::nationalities::is_nationality;
use super::provinces::is_state_or_province;
use super::recognizer::Entity;
use super::tags::{EntityKind, Span};

/// Market jobs a firm's name stands before (`Dean Witter analyst`); not a spokesman or an
/// aide, whom a politician's name stands before as well (`Reagan spokesman`).
fn names_its_firm(word: &str) -> bool {
    matches!(
        word,
        "analyst"
            | "analysts"
            | "economist"
            | "economists"
            | "strategist"
            | "strategists"
            | "trader"
            | "traders"
            | "dealer"
            | "dealers"
            | "broker"
            | "brokers"
            | "meteorologist"
            | "meteorologists"
    )
}

/// Jobs whose holder is said to be `at` or `with` a firm: the market jobs, specialists,
/// executives and spokesmen. Not offices (`replaced him as president with Stephen Fischer`).
fn works_at_a_firm(word: &str) -> bool {
    names_its_firm(word)
        || matches!(
            word,
            "specialist" | "specialists" | "executive" | "executives" | "spokesman" | "spokeswoman"
        )
}

/// Words that name a firm's trade just before its name (`brokers James Capel`, `brokerage
/// Shearson Lehman`); not `broker` alone, a person's (`Bombay broker Dinesh Walji`).
fn a_firm_s_trade(word: &str) -> bool {
    matches!(
        word,
        "brokers" | "Brokers" | "stockbrokers" | "Stockbrokers" | "brokerage"
    )
}

/// Whether the job before `with` names its holder's firm after it: a market job with `at`,
/// `with` or `for` (`an analyst for Shearson Lehman`), the other jobs at a firm with `at` or
/// `with` only (`a spokesman for James Baker` is his).
fn job_at_a_firm(job: &str, with: &str) -> bool {
    match with {
        "at" | "with" => works_at_a_firm(job),
        "for" => names_its_firm(job),
        _ => false,
    }
}

/// Whether the words before `start` name a role in a bond issue's syndicate, a bank's or a
/// broker's: `underwriter`, `co-managers`, a `lead` or `sole` manager (not a `general manager`,
/// a person).
fn in_a_syndicate(words: &[&str], start: usize) -> bool {
    match start.checked_sub(1).map(|at| words[at]) {
        Some("underwriter" | "underwriters" | "co-manager" | "co-managers") => true,
        Some("manager" | "managers") => {
            start >= 2 && matches!(words[start - 2], "lead" | "sole" | "co-lead" | "joint-lead")
        }
        _ => false,
    }
}

/// The spans that `co-managed` (or `co-managing`…) follows, a list's with its other names
/// (`Drexel Burnham and Tucker Anthony co-managed the deal`): what only banks and brokers do.
/// Empty, allocating nothing, for a sentence without the word.
fn co_managers(words: &[&str], spans: &[Span]) -> Vec<bool> {
    if !words.iter().any(|w| w.starts_with("co-manag")) {
        return Vec::new();
    }
    let mut managing = vec![false; spans.len()];
    for i in (0..spans.len()).rev() {
        let next = spans.get(i + 1);
        managing[i] = words
            .get(spans[i].end)
            .is_some_and(|w| w.starts_with("co-manag"))
            || next.is_some_and(|next| {
                managing[i + 1]
                    && next.start > spans[i].end
                    && words[spans[i].end..next.start]
                        .iter()
                        .all(|w| matches!(*w, "," | "and"))
            });
    }
    managing
}

/// Applies the rule to one sentence's `words` and its entity `spans`: a person's span after a
/// market job and `at`, `with` or `for`, before a market job, just after its trade (`brokers`)
/// or after another person's name and `of` becomes an organisation's; so does another name's
/// after a market job and `at`, `with` or `for` (MISC `Shearson Lehman`), unless it holds a
/// nationality (`an analyst at Japanese brokerage Nomura`), and a place's that `known_place`
/// does not know as one (LOC `Smith Barney`, not `an analyst at London`); and all three in a
/// bond issue's syndicate (`said lead manager Drexel Burnham`, `Bear Stearns and Ladenburg
/// Thalmann co-managed the deal`).
pub(crate) fn apply<'a>(
    words: &[&'a str],
    spans: &mut [Span],
    firms: &mut Vec<&'a str>,
    known_place: &dyn Fn(&str) -> bool,
) {
    let managing = co_managers(words, spans);
    for i in 0..spans.len() {
        let span = spans[i];
        let after_a_job = (span.start >= 2
            && job_at_a_firm(words[span.start - 2], words[span.start - 1]))
            || in_a_syndicate(words, span.start)
            || managing.get(i).copied().unwrap_or(false);
        let firm = match span.kind {
            EntityKind::Person => {
                let before_a_job = words.get(span.end).is_some_and(|w| names_its_firm(w));
                let after_its_trade = span.start >= 1 && a_firm_s_trade(words[span.start - 1]);
                // `Alan Gottesman of L.F. Rothschild`: a person is of a place or a firm.
                let of_a_person = i > 0
                    && span.start >= 1
                    && words[span.start - 1] == "of"
                    && spans[i - 1].kind == EntityKind::Person
                    && spans[i - 1].end + 1 == span.start;
                after_a_job || before_a_job || after_its_trade || of_a_person
            }
            EntityKind::Misc => {
                after_a_job
                    && !words[span.start..span.end]
                        .iter()
                        .any(|w| is_nationality(w))
            }
            EntityKind::Location => {
                after_a_job && !known_place(&words[span.start..span.end].join(" "))
            }
            _ => false,
        };
        if firm {
            spans[i].kind = EntityKind::Organization;
            firms.push(words[span.end - 1]);
            // `Drexel` beside `Drexel Burnham`.
            if span.end - span.start >= 2 {
                firms.push(words[span.start]);
            }
        }
    }
}

/// Whether `word` is one market job's holder (`analyst`, `Economist`), not several.
fn one_market_job(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    !lower.ends_with('s') && names_its_firm(&lower)
}

/// The pairs rule: two one-word names with `and` (or `&`) between them where one firm is named are
/// that firm's name: `economist at brokers Phillips and Drew`, `Lewis of Phillips and Drew`,
/// `Phillips and Drew analyst Stephen Lewis` (ORG `Drew` and `Phillips` apart in 18 and 13
/// known-item Reuters articles). One firm is named after one market job's holder and `at`,
/// `with` or `for` (past the firm's trade: `brokers`, `brokerage house`), after a person's name
/// and `of`, or before one market job; several jobs' holders may be at two firms
/// (`analysts at Nomura and Daiwa`).
pub(crate) fn join_pairs(words: &[&str], spans: &mut Vec<Span>) {
    let mut i = 0;
    while i + 1 < spans.len() {
        let (first, second) = (spans[i], spans[i + 1]);
        let pair = first.end - first.start == 1
            && second.end - second.start == 1
            && is_and(words[first.end])
            && second.start == first.end + 1;
        if !pair {
            i += 1;
            continue;
        }
        let mut at = first.start;
        while at > 0 && (a_firm_s_trade(words[at - 1]) || words[at - 1] == "house") {
            at -= 1;
        }
        let after_one_job = at >= 2
            && matches!(words[at - 1], "at" | "with" | "for")
            && one_market_job(words[at - 2]);
        let of_a_person = at >= 1
            && words[at - 1] == "of"
            && i > 0
            && spans[i - 1].kind == EntityKind::Person
            && (spans[i - 1].end + 1 == at || spans[i - 1].end + 2 == at && words[at - 2] == ",");
        let before_one_job = words.get(second.end).is_some_and(|w| one_market_job(w));
        if after_one_job || of_a_person || before_one_job {
            spans[i].end = second.end;
            spans[i].kind = EntityKind::Organization;
            spans.remove(i + 1);
        }
        i += 1;
    }
}

/// The rest of an article's persons named by the last word of a firm's name this rule or the
/// particles' found (`Capel` after `brokers James Capel`, `Renault` after `Regie Nationale des
/// Usines Renault`), or by the first word of one this rule found (`Drexel` after `lead manager
/// Drexel Burnham`): the firm's, as the other mentions of a name take the kind of its fullest
/// one. `firms` holds those words. Not a word that opens or ends a person's full name the
/// article keeps, the founder's own (`says Jauppi` beside `analyst Arvid Jauppi of Arvid
/// Jauppi`).
pub(crate) fn founders_names(entities: &mut [Entity], firms: &[&str]) {
    if firms.is_empty() {
        return;
    }
    // A set: an article may quote many firms' people.
    let mut firms: std::collections::HashSet<&str> = firms.iter().copied().collect();
    for word in full_names_words(entities) {
        firms.remove(word);
    }
    if firms.is_empty() {
        return;
    }
    for entity in entities.iter_mut() {
        if entity.kind == EntityKind::Person && firms.contains(entity.text.as_str()) {
            entity.kind = EntityKind::Organization;
        }
    }
}

/// The first and last words of each person's full name among `entities`, the last past a
/// generation's numeral (`Heinz` of `Henry Heinz II`): words the article keeps as a person's,
/// which the firms' rules leave to him (`says Jauppi` beside `analyst Arvid Jauppi`).
fn full_names_words(entities: &[Entity]) -> Vec<&str> {
    let mut kept = Vec::new();
    for entity in entities.iter().filter(|e| e.kind == EntityKind::Person) {
        let mut words = entity.text.split_whitespace();
        let (Some(given), Some(mut last)) = (words.next(), words.next_back()) else {
            continue;
        };
        if matches!(last, "II" | "III" | "IV" | "Jr" | "Jr." | "Sr" | "Sr.") {
            last = words.next_back().unwrap_or(given);
        }
        kept.extend([given, last]);
    }
    kept
}

/// Whether `word` is a founder's initials as a firm's name opens with them (`J.P.`, `E.F.`):
/// capital letters, each with its full stop, two or more; not a country's (`U.S. Steel`).
fn is_initials(word: &str) -> bool {
    word.len() >= 4
        && !super::after_initials::is_country_initials(word)
        && word
            .as_bytes()
            .chunks(2)
            .all(|pair| matches!(pair, [letter, b'.'] if letter.is_ascii_uppercase()))
}

/// The word of a company's name that its short form keeps, so that a one-word name of the
/// same article may be that short form:
/// - the founder's name after the initials the name opens with (`Morgan` of `J.P. Morgan and
///   Co Inc`, `Hutton` of `E.F. Hutton Group Inc`);
/// - the second word of a company's two-word name before its designators and partners (`Lilly`
///   of `Eli Lilly Inc`, `Kodak` of `Eastman Kodak Co`, `Labatt` of `John Labatt Ltd`). A name
///   without a designator is left alone: a party's or a ministry's second word stands alone
///   as another name (`Democrats`).
fn short_form_word(name: &str) -> Option<&str> {
    // Most organisations' names are one word (`Treasury`, `OPEC`): no company's short form.
    if !name.contains(char::is_whitespace) {
        return None;
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() >= 3 && is_initials(words[0]) {
        return Some(words[1]);
    }
    let mut core = &words[..];
    while let [rest @ .., last] = core {
        if is_designator(last) || is_partnership(last) || (is_and(last) && core.len() < words.len())
        {
            core = rest;
        } else {
            break;
        }
    }
    match core {
        [first, second]
            if core.len() < words.len()
                && first.starts_with(|c: char| c.is_uppercase())
                && second.starts_with(|c: char| c.is_uppercase())
                && second.chars().all(char::is_alphabetic) =>
        {
            Some(second)
        }
        _ => None,
    }
}

/// A one-word name of an article that is a company's short form as [`short_form_word`] finds
/// it (`Morgan` beside `J.P. Morgan and Co Inc`, `Lilly` beside `Eli Lilly Inc`, `Celanese`
/// beside `Hoechst Celanese Corp`) is that company's, whatever kind the model gave it: it read
/// the founders' names after initials as persons or other names in about 165 mentions over
/// known-item Reuters. Not where the article keeps a person's full name opening or ending in
/// the word (`Henry Heinz II` beside `H.J. Heinz Co`), nor a place `known_place` knows or a
/// state, a continent or an ocean (`Norway` beside `Amoco Norway A/S`, `Asia` beside `BT Asia Ltd`, `P.T. Indonesia Asahan Aluminium` opens with an
/// Indonesian company's form), nor a nationality.
pub(crate) fn founders_short_names(entities: &mut [Entity], known_place: impl Fn(&str) -> bool) {
    let founders: Vec<&str> = entities
        .iter()
        .filter(|e| e.kind == EntityKind::Organization)
        .filter_map(|e| short_form_word(&e.text))
        .collect();
    if founders.is_empty() {
        return;
    }
    let kept = full_names_words(entities);
    let founders: Vec<String> = founders
        .into_iter()
        .filter(|founder| {
            !kept.contains(founder)
                && !known_place(founder)
                && !is_state_or_province(founder)
                && !is_world_region(founder)
                && !is_nationality(founder)
        })
        .map(str::to_string)
        .collect();
    // Headlines in capitals write them so (`SACHS`).
    let in_capitals: Vec<String> = founders.iter().map(|f| f.to_uppercase()).collect();
    for entity in entities.iter_mut() {
        if entity.kind != EntityKind::Organization
            && (founders.contains(&entity.text) || in_capitals.contains(&entity.text))
        {
            entity.kind = EntityKind::Organization;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tags::span_rules;
    use super::*;

    /// The kinds of `spans` over `text`'s words once the rule applied.
    fn kinds(text: &str, spans: &[(usize, usize)]) -> Vec<EntityKind> {
        let words: Vec<&str> = text.split(' ').collect();
        let mut spans: Vec<Span> = spans
            .iter()
            .map(|&(start, end)| Span {
                start,
                end,
                kind: EntityKind::Person,
            })
            .collect();
        apply(&words, &mut spans, &mut Vec::new(), &|name| {
            name == "London"
        });
        spans.iter().map(|s| s.kind).collect()
    }

    #[test]
    fn a_person_s_name_after_a_market_job_at_or_before_one_is_a_firm_s() {
        use EntityKind::{Organization as Org, Person as Per};
        assert_eq!(
            kinds(
                "said Jack Smith , an analyst at Dean Witter .",
                &[(1, 3), (7, 9)]
            ),
            [Per, Org]
        );
        assert_eq!(
            kinds("a trader with Shearson Lehman said", &[(3, 5)]),
            [Org]
        );
        assert_eq!(
            kinds("E.F. Hutton economist John Smith said", &[(0, 2), (3, 5)]),
            [Org, Per]
        );
        assert_eq!(kinds("Stockbrokers James Capel said", &[(1, 3)]), [Org]);
        assert_eq!(kinds("Bombay broker Dinesh Walji said", &[(2, 4)]), [Per]);
        // A spokesman stands after a politician's name; persons met or quoted stay persons.
        assert_eq!(
            kinds("Reagan spokesman Marlin Fitzwater said", &[(0, 1), (2, 4)]),
            [Per, Per]
        );
        assert_eq!(
            kinds("he met with James Baker at the Treasury", &[(3, 5)]),
            [Per]
        );
        assert_eq!(kinds("a spokesman for James Baker said", &[(3, 5)]), [Per]);
        // A market job for a firm; a person of a firm.
        assert_eq!(
            kinds(
                "Chuck Levitt , analyst for Shearson Lehman said",
                &[(0, 2), (5, 7)]
            ),
            [Per, Org]
        );
        assert_eq!(
            kinds("Caroline Levy of E.F. Hutton said", &[(0, 2), (3, 5)]),
            [Per, Org]
        );
        // Not a person's name after `of` with nothing between: a list, or no person before.
        assert_eq!(
            kinds("Jim Baker , of James Capel , said", &[(0, 2), (4, 6)]),
            [Per, Per]
        );
        assert_eq!(kinds("the son of James Capel said", &[(3, 5)]), [Per]);
    }

    #[test]
    fn other_names_after_a_market_job_are_firms_unless_nationalities_or_places() {
        use EntityKind::{Location as Loc, Misc, Organization as Org};
        let kinds = |text: &str, span: (usize, usize), kind: EntityKind| {
            let words: Vec<&str> = text.split(' ').collect();
            let mut spans = [Span {
                start: span.0,
                end: span.1,
                kind,
            }];
            apply(&words, &mut spans, &mut Vec::new(), &|name| {
                name == "London"
            });
            spans[0].kind
        };
        assert_eq!(
            kinds("an analyst for Shearson Lehman said", (3, 5), Misc),
            Org
        );
        assert_eq!(
            kinds("an analyst at Japanese brokerage Nomura said", (3, 4), Misc),
            Misc
        );
        assert_eq!(
            kinds("a spokesman for Shearson Lehman said", (3, 5), Misc),
            Misc
        );
        assert_eq!(kinds("an analyst with Smith Barney said", (3, 5), Loc), Org);
        assert_eq!(kinds("a trader at London said", (3, 4), Loc), Loc);
    }

    #[test]
    fn a_company_s_short_form_takes_the_company_s_kind() {
        use EntityKind::{Location as Loc, Misc, Organization as Org, Person as Per};
        let text = "J.P. Morgan and Co Inc said Morgan and Hutton of E.F. Hutton Group Inc \
                    met Henry Heinz II of H.J. Heinz Co; Heinz said so. J.P. Stevens said. \
                    Indonesia and P.T. Indonesia Asahan Aluminium. Eli Lilly Inc said Lilly \
                    and Kodak of Eastman Kodak Co sell in Asia, like BT Asia Ltd. The Social \
                    Democrats and Democrats.";
        let mut entities = vec![
            Entity::nth_in(text, Org, "J.P. Morgan and Co Inc", 0),
            Entity::nth_in(text, Per, "Morgan", 1),
            Entity::nth_in(text, Misc, "Hutton", 0),
            Entity::nth_in(text, Org, "E.F. Hutton Group Inc", 0),
            Entity::nth_in(text, Per, "Henry Heinz II", 0),
            Entity::nth_in(text, Org, "H.J. Heinz Co", 0),
            Entity::nth_in(text, Per, "Heinz", 2),
            Entity::nth_in(text, Per, "J.P. Stevens", 0),
            Entity::nth_in(text, Loc, "Indonesia", 0),
            Entity::nth_in(text, Org, "P.T. Indonesia Asahan Aluminium", 0),
            Entity::nth_in(text, Org, "Eli Lilly Inc", 0),
            Entity::nth_in(text, Per, "Lilly", 1),
            Entity::nth_in(text, Loc, "Kodak", 0),
            Entity::nth_in(text, Org, "Eastman Kodak Co", 0),
            Entity::nth_in(text, Loc, "Asia", 0),
            Entity::nth_in(text, Org, "BT Asia Ltd", 0),
            Entity::nth_in(text, Org, "Social Democrats", 0),
            Entity::nth_in(text, Misc, "Democrats", 1),
        ];
        founders_short_names(&mut entities, |name| name == "Indonesia");
        let kinds: Vec<EntityKind> = entities.iter().map(|e| e.kind).collect();
        assert_eq!(
            kinds,
            [
                Org, Org, Org, Org, Per, Org, Per, Per, Loc, Org, Org, Org, Org, Org, Loc, Org,
                Org, Misc
            ]
        );
        assert!(
            is_initials("J.P.") && is_initials("E.F.") && !is_initials("Mr.") && !is_initials("U.")
        );
        assert_eq!(short_form_word("W.R. Grace and Co"), Some("Grace"));
        assert_eq!(
            short_form_word("Samuel Montagu and Co Ltd"),
            Some("Montagu")
        );
        assert_eq!(short_form_word("John Labatt Ltd"), Some("Labatt"));
        assert_eq!(short_form_word("Procter and Gamble Co"), None);
        assert_eq!(short_form_word("Sony Corp"), None);
    }

    #[test]
    fn two_names_where_one_firm_is_named_are_one_firm() {
        use EntityKind::{Location as Loc, Organization as Org, Person as Per};
        let joined = |text: &str, spans: &[(usize, usize, EntityKind)]| {
            span_rules::after(join_pairs, text, spans)
        };
        let firm = |name: &str| (name.to_string(), Org);
        assert_eq!(
            joined(
                "said an economist at brokers Phillips and Drew .",
                &[(5, 6, Org), (7, 8, Org)]
            ),
            [firm("Phillips and Drew")]
        );
        assert_eq!(
            joined(
                "Martin , of Phillips and Drew said",
                &[(0, 1, Per), (3, 4, Loc), (5, 6, Org)]
            ),
            [("Martin".to_string(), Per), firm("Phillips and Drew")]
        );
        assert_eq!(
            joined(
                "Phillips and Drew analyst Stephen Lewis",
                &[(0, 1, Org), (2, 3, Org), (4, 6, Per)]
            ),
            [
                firm("Phillips and Drew"),
                ("Stephen Lewis".to_string(), Per)
            ]
        );
        // Several jobs' holders, and a list elsewhere: two names.
        for (text, spans) in [
            (
                "analysts at Nomura and Daiwa said",
                vec![(2, 3, Org), (4, 5, Org)],
            ),
            (
                "shares of Chrysler and Ford rose",
                vec![(2, 3, Org), (4, 5, Org)],
            ),
        ] {
            let names = joined(text, &spans);
            assert_eq!(names.len(), 2, "{text}");
        }
    }

    #[test]
    fn names_in_a_bond_issue_s_syndicate_are_firms() {
        use EntityKind::{Organization as Org, Person as Per};
        assert_eq!(
            kinds("said lead manager Drexel Burnham .", &[(3, 5)]),
            [Org]
        );
        assert_eq!(
            kinds("said sole underwriter Drexel Burnham .", &[(3, 5)]),
            [Org]
        );
        assert_eq!(
            kinds(
                "Salomon Brothers , Bear Stearns and Ladenburg Thalmann co-managed the deal .",
                &[(0, 2), (3, 5), (6, 8)]
            ),
            [Org, Org, Org]
        );
        // A general manager is a person; a list ends at other words.
        assert_eq!(
            kinds("said general manager Aldo Hofmeister .", &[(3, 5)]),
            [Per]
        );
        assert_eq!(
            kinds(
                "John Smith said Bear Stearns co-managed the deal .",
                &[(0, 2), (3, 5)]
            ),
            [Per, Org]
        );
    }

    #[test]
    fn a_firm_s_last_word_alone_is_the_firm_s_in_its_article() {
        let text = "Capel said so. Brokers James Capel said. Smith at Capel agreed. Nunn also.";
        let mut entities = vec![
            Entity::nth_in(text, EntityKind::Person, "Capel", 0),
            Entity::nth_in(text, EntityKind::Organization, "James Capel", 0),
            Entity::nth_in(text, EntityKind::Person, "Capel", 2),
            Entity::nth_in(text, EntityKind::Person, "Nunn", 0),
        ];
        founders_names(&mut entities, &["Capel"]);
        let kinds: Vec<EntityKind> = entities.iter().map(|e| e.kind).collect();
        use EntityKind::{Organization as Org, Person as Per};
        assert_eq!(kinds, [Org, Org, Org, Per]);
        // The founder's surname alone is his where his full name stays a person's.
        let founder = "analyst Arvid Jauppi of Arvid Jauppi said. Jauppi says.";
        let mut entities = vec![
            Entity::nth_in(founder, EntityKind::Person, "Arvid Jauppi", 0),
            Entity::nth_in(founder, EntityKind::Organization, "Arvid Jauppi", 1),
            Entity::nth_in(founder, EntityKind::Person, "Jauppi", 2),
        ];
        founders_names(&mut entities, &["Jauppi"]);
        let kinds: Vec<EntityKind> = entities.iter().map(|e| e.kind).collect();
        assert_eq!(kinds, [Per, Org, Per]);
        // The first word of a firm's name the rule found is the firm's too.
        let words: Vec<&str> = "said lead manager Drexel Burnham . Drexel said"
            .split(' ')
            .collect();
        let mut spans = [Span {
            start: 3,
            end: 5,
            kind: Per,
        }];
        let mut firms = Vec::new();
        apply(&words, &mut spans, &mut firms, &|_| false);
        let drexel = "said lead manager Drexel Burnham. Drexel said";
        let mut entities = vec![Entity::nth_in(drexel, Per, "Drexel", 1)];
        founders_names(&mut entities, &firms);
        assert_eq!(entities[0].kind, Org);
        // Without a firm found, persons stay.
        let mut alone = vec![Entity::nth_in(text, EntityKind::Person, "Capel", 0)];
        founders_names(&mut alone, &[]);
        assert_eq!(alone[0].kind, Per);
    }
}
