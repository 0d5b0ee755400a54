//! A politician's state and party, as American news writes them after a name (`Jim Wright, a
//! Texas Democrat`, `a Rhode Island Republican`): the model read the pair as one person (PER
//! `Texas Democrat` in 17 known-item Reuters articles) or one organisation. They are a
//! place and a party member (LOC `Texas`, MISC `Democrat`), as CoNLL annotates them.

use super::states::is_state;
use super::tags::{EntityKind, Span};

fn is_party_member(word: &str) -> bool {
    matches!(word, "Democrat" | "Republican")
}

/// Applies the rule to one sentence's `words` and its entity `spans` (in order, apart): a
/// span that is a state and `Democrat` or `Republican` becomes the state (LOC) and the
/// party member (MISC). `New` may stand outside the span (`a New Jersey Democrat` read as
/// `Jersey Democrat`). A party member alone (`Democrats`) is one (MISC).
pub(crate) fn apply(words: &[&str], spans: &mut Vec<Span>) {
    let mut i = 0;
    while i < spans.len() {
        let span = spans[i];
        let last = span.end - 1;
        // A party member alone is one whatever the model read (PER `Democrat` in 4 known-item
        // articles: `The Illinois Democrat has repeatedly stressed`).
        let word = words[last];
        if span.end - span.start == 1 && is_party_member(word.strip_suffix('s').unwrap_or(word)) {
            spans[i].kind = EntityKind::Misc;
            i += 1;
            continue;
        }
        if span.end - span.start < 2 || !is_party_member(words[last]) {
            i += 1;
            continue;
        }
        let state_of = |start: usize| is_state(&words[start..last].join(" "));
        let start = if state_of(span.start) {
            span.start
        } else if span.start > 0 && words[span.start - 1] == "New" && state_of(span.start - 1) {
            span.start - 1
        } else {
            i += 1;
            continue;
        };
        if i > 0 && spans[i - 1].end > start {
            i += 1;
            continue;
        }
        spans[i] = Span {
            start,
            end: last,
            kind: EntityKind::Location,
        };
        spans.insert(
            i + 1,
            Span {
                start: last,
                end: span.end,
                kind: EntityKind::Misc,
            },
        );
        i += 2;
    }
}

#[cfg(test)]
mod tests {
    use super::super::tags::span_rules;
    use super::*;
    use EntityKind::*;

    fn tagged(text: &str, spans: &[(usize, usize, EntityKind)]) -> Vec<(String, EntityKind)> {
        span_rules::after(apply, text, spans)
    }

    #[test]
    fn a_party_member_alone_is_one() {
        assert_eq!(
            tagged(
                "The Illinois Democrat and two Republicans said",
                &[(1, 2, Location), (2, 3, Person), (5, 6, Organization)]
            ),
            [
                ("Illinois".to_string(), Location),
                ("Democrat".to_string(), Misc),
                ("Republicans".to_string(), Misc)
            ]
        );
    }

    #[test]
    fn a_state_and_a_party_are_a_place_and_a_party_member() {
        let text = "Jim Wright , a Texas Democrat , and a New Jersey Republican and a Rhode Island Democrat";
        assert_eq!(
            tagged(
                text,
                &[
                    (0, 2, Person),
                    (4, 6, Person),
                    (10, 12, Organization),
                    (14, 17, Person)
                ]
            ),
            [
                ("Jim Wright".to_string(), Person),
                ("Texas".to_string(), Location),
                ("Democrat".to_string(), Misc),
                ("New Jersey".to_string(), Location),
                ("Republican".to_string(), Misc),
                ("Rhode Island".to_string(), Location),
                ("Democrat".to_string(), Misc),
            ]
        );
    }

    #[test]
    fn other_party_names_are_left_alone() {
        let text = "a Christian Democrat and a House Republican and Democrat";
        let spans = [(1, 3, Person), (5, 7, Person), (8, 9, Misc)];
        span_rules::assert_unchanged(apply, text, &spans);
    }
}
