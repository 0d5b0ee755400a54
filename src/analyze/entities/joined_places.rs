//! A place's name the model cut in two where it began a new name inside it (`New South` and
//! `Wales`: LOC `New South` was in 5 known-item Reuters articles): two places' names with
//! nothing between them that the gazetteer or the list of states and provinces knows as one
//! place are that place. Other neighbouring places stay two (`the U.S. High Plains`, `Golan
//! Heights Israel`, as CoNLL annotates them).

use super::tags::{EntityKind, Span};

/// Applies the rule to one sentence's `words` and its entity `spans` (in order, apart);
/// `known_place` tells a name the gazetteer knows as a place (states and provinces are looked
/// up here).
pub(crate) fn apply(words: &[&str], spans: &mut Vec<Span>, known_place: &dyn Fn(&str) -> bool) {
    let mut i = 1;
    while i < spans.len() {
        let (first, second) = (spans[i - 1], spans[i]);
        if first.kind == EntityKind::Location
            && second.kind == EntityKind::Location
            && first.end == second.start
            && {
                let name = words[first.start..second.end].join(" ");
                known_place(&name) || super::provinces::is_state_or_province(&name)
            }
        {
            spans[i - 1].end = second.end;
            spans.remove(i);
        } else {
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tags::span_rules;
    use super::*;
    use EntityKind::*;

    /// The rule, with `Sri Lanka` the one place of more than a word the gazetteer knows.
    fn rules(words: &[&str], spans: &mut Vec<Span>) {
        apply(words, spans, &|name| name == "Sri Lanka");
    }

    #[test]
    fn a_place_cut_in_two_is_one() {
        assert_eq!(
            span_rules::after(
                rules,
                "strikes in New South Wales and Sri Lanka",
                &[
                    (2, 4, Location),
                    (4, 5, Location),
                    (6, 7, Location),
                    (7, 8, Location)
                ]
            ),
            [
                ("New South Wales".to_string(), Location),
                ("Sri Lanka".to_string(), Location)
            ]
        );
    }

    #[test]
    fn other_neighbouring_places_stay_apart() {
        for (text, spans) in [
            (
                "the U.S. High Plains",
                vec![(1, 2, Location), (2, 4, Location)],
            ),
            (
                "in New South Wales",
                vec![(1, 3, Organization), (3, 4, Location)],
            ),
            (
                "New South , Wales",
                vec![(0, 2, Location), (3, 4, Location)],
            ),
        ] {
            span_rules::assert_unchanged(rules, text, &spans);
        }
    }
}
