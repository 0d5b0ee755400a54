//! Entity kinds and the BIOES tag set the tagger predicts, with conversions from and to
//! IOB1/BIO tag strings and entity spans.

use serde::{Deserialize, Serialize};

/// The type of a named entity, following CoNLL-2003.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityKind {
    /// A person.
    #[serde(rename = "PER")]
    Person,
    /// An organisation: company, agency, team, party.
    #[serde(rename = "ORG")]
    Organization,
    /// A location: country, city, region, facility.
    #[serde(rename = "LOC")]
    Location,
    /// Any other name: nationalities, events, products, works.
    #[serde(rename = "MISC")]
    Misc,
}

impl EntityKind {
    /// All kinds, in tag order.
    pub const ALL: [EntityKind; 4] = [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Location,
        EntityKind::Misc,
    ];

    /// The CoNLL label: `PER`, `ORG`, `LOC` or `MISC`.
    pub fn label(self) -> &'static str {
        match self {
            EntityKind::Person => "PER",
            EntityKind::Organization => "ORG",
            EntityKind::Location => "LOC",
            EntityKind::Misc => "MISC",
        }
    }

    /// Parses a CoNLL label.
    pub fn from_label(label: &str) -> Option<EntityKind> {
        match label {
            "PER" => Some(EntityKind::Person),
            "ORG" => Some(EntityKind::Organization),
            "LOC" => Some(EntityKind::Location),
            "MISC" => Some(EntityKind::Misc),
            _ => None,
        }
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

impl std::fmt::Display for EntityKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// Number of tags: `O` plus B, I, E, S for each of the four kinds.
pub(crate) const NUM_TAGS: usize = 17;

/// Position of a token inside an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    /// First token of a multi-token entity.
    Begin,
    /// Inner token.
    Inside,
    /// Last token of a multi-token entity.
    End,
    /// A one-token entity.
    Single,
}

/// A BIOES tag, stored as an index `0..NUM_TAGS` (0 is `O`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Tag(pub(crate) u8);

impl Tag {
    pub(crate) const O: Tag = Tag(0);

    #[cfg_attr(not(feature = "train"), allow(dead_code))]
    pub(crate) fn new(kind: EntityKind, part: Part) -> Tag {
        let p = match part {
            Part::Begin => 0,
            Part::Inside => 1,
            Part::End => 2,
            Part::Single => 3,
        };
        Tag((1 + kind.index() * 4 + p) as u8)
    }

    pub(crate) const fn kind(self) -> Option<EntityKind> {
        if self.0 == 0 {
            None
        } else {
            Some(EntityKind::ALL[(self.0 as usize - 1) / 4])
        }
    }

    pub(crate) const fn part(self) -> Option<Part> {
        if self.0 == 0 {
            return None;
        }
        Some(match (self.0 - 1) % 4 {
            0 => Part::Begin,
            1 => Part::Inside,
            2 => Part::End,
            _ => Part::Single,
        })
    }

    /// Whether `next` may follow `self` in a well-formed BIOES sequence (the decoder
    /// hard-codes these; its tests check it against this).
    #[cfg(test)]
    pub(crate) const fn allows(self, next: Tag) -> bool {
        let open = matches!(self.part(), Some(Part::Begin | Part::Inside));
        match next.part() {
            // Same kind: tags 1..=16 come in groups of four per kind.
            Some(Part::Inside | Part::End) => open && (self.0 - 1) / 4 == (next.0 - 1) / 4,
            _ => !open,
        }
    }

    /// Whether a sentence may start with this tag.
    pub(crate) const fn can_start(self) -> bool {
        !matches!(self.part(), Some(Part::Inside | Part::End))
    }

    /// Whether a sentence may end with this tag.
    pub(crate) const fn can_end(self) -> bool {
        !matches!(self.part(), Some(Part::Begin | Part::Inside))
    }

    /// The tag as text, e.g. `B-PER` or `O`.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn as_str(self) -> &'static str {
        const NAMES: [&str; NUM_TAGS] = [
            "O", "B-PER", "I-PER", "E-PER", "S-PER", "B-ORG", "I-ORG", "E-ORG", "S-ORG", "B-LOC",
            "I-LOC", "E-LOC", "S-LOC", "B-MISC", "I-MISC", "E-MISC", "S-MISC",
        ];
        NAMES[self.0 as usize]
    }
}

/// An entity as a half-open token range and a kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: EntityKind,
}

/// Entity spans from IOB1, BIO or BIOES tag strings (the scorer's reading of them).
#[cfg_attr(not(any(test, feature = "train")), allow(dead_code))]
pub(crate) fn spans_from_labels<S: AsRef<str>>(labels: &[S]) -> Vec<Span> {
    spans_from_parts(labels.iter().map(|label| {
        let (prefix, kind) = label.as_ref().split_once('-')?;
        let part = match prefix {
            "B" => Part::Begin,
            "I" => Part::Inside,
            "E" | "L" => Part::End,
            "S" | "U" => Part::Single,
            _ => return None,
        };
        Some((part, EntityKind::from_label(kind)?))
    }))
}

/// Entity spans from each token's part and kind (`None` outside entities): an entity begins at a
/// `Begin` or `Single`, or where the kind changes, and ends after an `End` or `Single`, before an
/// outside token, or at the end.
fn spans_from_parts(parts: impl Iterator<Item = Option<(Part, EntityKind)>>) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Option<(usize, EntityKind)> = None;
    let mut len = 0;
    for (i, token) in parts.enumerate() {
        len = i + 1;
        let close = |open: &mut Option<(usize, EntityKind)>, out: &mut Vec<Span>, end| {
            if let Some((start, kind)) = open.take() {
                out.push(Span { start, end, kind });
            }
        };
        let Some((part, kind)) = token else {
            close(&mut open, &mut out, i);
            continue;
        };
        if matches!(part, Part::Begin | Part::Single) || open.map(|(_, k)| k) != Some(kind) {
            close(&mut open, &mut out, i);
            open = Some((i, kind));
        }
        if matches!(part, Part::End | Part::Single) {
            close(&mut open, &mut out, i + 1);
        }
    }
    if let Some((start, kind)) = open {
        out.push(Span {
            start,
            end: len,
            kind,
        });
    }
    out
}

/// Drops one sentence's spans (over its `words`) of a single word that `no_name` says is no
/// name of the span's kind.
pub(crate) fn drop_single_words(
    words: &[&str],
    spans: &mut Vec<Span>,
    no_name: impl Fn(&str, EntityKind) -> bool,
) {
    spans.retain(|s| !(s.end - s.start == 1 && no_name(words[s.start], s.kind)));
}

/// BIOES tags for `n` tokens from entity spans.
#[cfg_attr(not(feature = "train"), allow(dead_code))]
pub(crate) fn tags_from_spans(n: usize, spans: &[Span]) -> Vec<Tag> {
    let mut tags = vec![Tag::O; n];
    for s in spans {
        if s.end <= s.start || s.end > n {
            continue;
        }
        if s.end - s.start == 1 {
            tags[s.start] = Tag::new(s.kind, Part::Single);
        } else {
            tags[s.start] = Tag::new(s.kind, Part::Begin);
            for t in &mut tags[s.start + 1..s.end - 1] {
                *t = Tag::new(s.kind, Part::Inside);
            }
            tags[s.end - 1] = Tag::new(s.kind, Part::End);
        }
    }
    tags
}

/// Entity spans from a BIOES tag sequence: [`spans_from_labels`] of their labels, read
/// from the tags directly.
pub(crate) fn spans_from_tags(tags: &[Tag]) -> Vec<Span> {
    spans_from_parts(tags.iter().map(|tag| Some((tag.part()?, tag.kind()?))))
}

/// Test helpers for the rules that mend the model's spans of one sentence (`brackets`,
/// `companies`, `affiliations`, …).
#[cfg(test)]
pub(crate) mod span_rules {
    use super::{EntityKind, Span};

    /// A rule over one sentence's words and spans.
    pub(crate) type Rule = fn(&[&str], &mut Vec<Span>);

    /// The names (words joined by spaces) and kinds of `spans` after `rule` ran over them and
    /// `text`'s words (`text` split at spaces).
    pub(crate) fn after(
        rule: Rule,
        text: &str,
        spans: &[(usize, usize, EntityKind)],
    ) -> Vec<(String, EntityKind)> {
        let words: Vec<&str> = text.split(' ').collect();
        let mut spans: Vec<Span> = spans
            .iter()
            .map(|&(start, end, kind)| Span { start, end, kind })
            .collect();
        rule(&words, &mut spans);
        spans
            .iter()
            .map(|s| (words[s.start..s.end].join(" "), s.kind))
            .collect()
    }

    /// Asserts that `rule` leaves `spans` over `text` as they are.
    pub(crate) fn assert_unchanged(rule: Rule, text: &str, spans: &[(usize, usize, EntityKind)]) {
        let words: Vec<&str> = text.split(' ').collect();
        let expected: Vec<(String, EntityKind)> = spans
            .iter()
            .map(|&(s, e, k)| (words[s..e].join(" "), k))
            .collect();
        assert_eq!(after(rule, text, spans), expected, "{text}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iob1_to_spans_splits_adjacent_entities_on_b() {
        let labels = ["I-PER", "I-PER", "B-PER", "O", "I-LOC", "I-ORG"];
        let spans = spans_from_labels(&labels);
        assert_eq!(
            spans,
            vec![
                Span {
                    start: 0,
                    end: 2,
                    kind: EntityKind::Person
                },
                Span {
                    start: 2,
                    end: 3,
                    kind: EntityKind::Person
                },
                Span {
                    start: 4,
                    end: 5,
                    kind: EntityKind::Location
                },
                Span {
                    start: 5,
                    end: 6,
                    kind: EntityKind::Organization
                },
            ]
        );
    }

    #[test]
    fn bioes_round_trip() {
        let spans = vec![
            Span {
                start: 1,
                end: 4,
                kind: EntityKind::Organization,
            },
            Span {
                start: 4,
                end: 5,
                kind: EntityKind::Misc,
            },
        ];
        let tags = tags_from_spans(6, &spans);
        let names: Vec<&str> = tags.iter().map(|t| t.as_str()).collect();
        assert_eq!(names, ["O", "B-ORG", "I-ORG", "E-ORG", "S-MISC", "O"]);
        assert_eq!(spans_from_tags(&tags), spans);
    }

    #[test]
    fn spans_from_tags_read_like_their_labels() {
        // Every sequence of three tags, well-formed or not.
        let n = NUM_TAGS as u8;
        for a in 0..n {
            for b in 0..n {
                for c in 0..n {
                    let tags = [Tag(a), Tag(b), Tag(c)];
                    let labels: Vec<&str> = tags.iter().map(|t| t.as_str()).collect();
                    assert_eq!(spans_from_tags(&tags), spans_from_labels(&labels));
                }
            }
        }
    }

    #[test]
    fn transitions_are_constrained() {
        let b_per = Tag::new(EntityKind::Person, Part::Begin);
        let e_per = Tag::new(EntityKind::Person, Part::End);
        let e_org = Tag::new(EntityKind::Organization, Part::End);
        assert!(b_per.allows(e_per));
        assert!(!b_per.allows(e_org));
        assert!(!b_per.allows(Tag::O));
        assert!(!Tag::O.allows(e_per));
        assert!(!e_per.can_start());
        assert!(!b_per.can_end());
    }
}
