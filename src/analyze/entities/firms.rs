//! Firms named after their founders, where market news quotes their people: `an analyst at Dean
//! Witter`, `a trader with Shearson Lehman`, `E.F. Hutton economist John Smith`, `brokers James
//! Capel`. The model reads such names as persons (PER `E.F. Hutton` in 17 known-item Reuters
//! articles, `Dean Witter` in 10, `James Capel` in 13); where a job at a firm stands before the
//! name with `at` or `with`, a market job after it, or the firm's trade just before it, the name
//! is the firm's (ORG), and so is its last word alone in the same article (`Capel`).

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

/// Applies the rule to one sentence's `words` and its entity `spans`: a person's span after a
/// market job and `at` or `with`, before a market job, or just after its trade (`brokers`)
/// becomes an organisation's.
pub(crate) fn apply<'a>(words: &[&'a str], spans: &mut [Span], firms: &mut Vec<&'a str>) {
    for span in spans.iter_mut().filter(|s| s.kind == EntityKind::Person) {
        let after_a_job = span.start >= 2
            && matches!(words[span.start - 1], "at" | "with")
            && works_at_a_firm(words[span.start - 2]);
        let before_a_job = words.get(span.end).is_some_and(|w| names_its_firm(w));
        let after_its_trade = span.start >= 1 && a_firm_s_trade(words[span.start - 1]);
        if after_a_job || before_a_job || after_its_trade {
            span.kind = EntityKind::Organization;
            firms.push(words[span.end - 1]);
        }
    }
}

/// The rest of an article's persons named by the last word of a firm's name this rule or the
/// particles' found (`Capel` after `brokers James Capel`, `Renault` after `Regie Nationale des
/// Usines Renault`): the firm's, as the other mentions of a name take the kind of its fullest
/// one. `firms` holds those last words.
pub(crate) fn founders_names(entities: &mut [Entity], firms: &[&str]) {
    if firms.is_empty() {
        return;
    }
    // A set: an article may quote many firms' people.
    let firms: std::collections::HashSet<&str> = firms.iter().copied().collect();
    for entity in entities.iter_mut() {
        if entity.kind == EntityKind::Person && firms.contains(entity.text.as_str()) {
            entity.kind = EntityKind::Organization;
        }
    }
}

#[cfg(test)]
mod tests {
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
        apply(&words, &mut spans, &mut Vec::new());
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
        // Without a firm found, persons stay.
        let mut alone = vec![Entity::nth_in(text, EntityKind::Person, "Capel", 0)];
        founders_names(&mut alone, &[]);
        assert_eq!(alone[0].kind, Per);
    }
}
