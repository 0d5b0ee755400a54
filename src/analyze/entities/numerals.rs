//! A generation's numeral after a person's name is part of the name (`T. Boone Pickens III`,
//! `Henry Heinz II`); alone it is no name. The model took `III` for an organisation in 18
//! known-item Reuters articles (`Pickens III`, `Reserves I, II and III`, `a phase III study`)
//! and `II` in 6.

use super::tags::{EntityKind, Span};

/// Whether `word` is a generation's (or a series') numeral.
fn is_numeral(word: &str) -> bool {
    matches!(word, "II" | "III" | "IV")
}

/// In one sentence's `words`: a person's name takes the numeral just after it, and a numeral
/// left alone in a span of its own is dropped.
pub(crate) fn apply(words: &[&str], spans: &mut Vec<Span>) {
    let mut i = 0;
    while i < spans.len() {
        let span = spans[i];
        let person_before =
            i > 0 && spans[i - 1].kind == EntityKind::Person && spans[i - 1].end == span.start;
        if span.end - span.start == 1 && is_numeral(words[span.start]) {
            if person_before {
                spans[i - 1].end = span.end;
            }
            spans.remove(i);
            continue;
        }
        let next_is_free = spans.get(i + 1).is_none_or(|next| next.start > span.end);
        if span.kind == EntityKind::Person
            && next_is_free
            && words.get(span.end).is_some_and(|w| is_numeral(w))
        {
            spans[i].end += 1;
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::super::tags::span_rules;
    use super::*;
    use EntityKind::*;

    #[test]
    fn a_numeral_belongs_to_the_person_before_it_or_to_no_name() {
        let text =
            "T. Boone Pickens III and Henry Heinz II said Reserves II and III of World War II";
        let spans = [
            (0, 3, Person),
            (3, 4, Organization),
            (5, 7, Person),
            (10, 11, Organization),
            (12, 13, Organization),
            (14, 17, Misc),
        ];
        let name = |name: &str, kind| (name.to_string(), kind);
        assert_eq!(
            span_rules::after(apply, text, &spans),
            [
                name("T. Boone Pickens III", Person),
                name("Henry Heinz II", Person),
                name("World War II", Misc)
            ]
        );
    }
}
