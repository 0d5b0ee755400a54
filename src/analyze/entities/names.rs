//! The hand-kept list of well-known recent names (`names.tsv`): names the 1990s training
//! news cannot teach (OpenAI, NVIDIA, ChatGPT, …). An exact, case-sensitive match in raw
//! text overrides the model, unless the match lies inside a longer entity the model found.
//! Entries of kind `O` are words news now uses as common nouns ("AI"): an entity that is
//! exactly such a word is dropped.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use super::tags::{EntityKind, Span};
use super::tokenize::tokenize;

const NAMES: &str = include_str!("names.tsv");

/// A name as its words, with its kind (`None`: not a name).
type Name = (Vec<&'static str>, Option<EntityKind>);

/// The list: names by their first word, longest first, and the bytes their first words open
/// with (most words of a sentence open with none of them and need no lookup).
struct NameList {
    by_first_word: HashMap<&'static str, Vec<Name>>,
    first_bytes: [bool; 256],
}

fn names() -> &'static NameList {
    static LIST: OnceLock<NameList> = OnceLock::new();
    LIST.get_or_init(|| {
        let mut map: HashMap<&str, Vec<Name>> = HashMap::default();
        for line in NAMES.lines().filter(|l| !l.starts_with('#')) {
            let Some((kind, name)) = line.split_once('\t') else {
                continue;
            };
            // As the tokenizer splits text (`Standard and Poor's` is five words, `'s` one).
            let words: Vec<&str> = tokenize(name).tokens.iter().map(|t| t.text(name)).collect();
            let kind = match kind {
                "O" => None,
                k => match EntityKind::from_label(k) {
                    Some(k) => Some(k),
                    None => continue,
                },
            };
            if let Some(first) = words.first() {
                map.entry(*first).or_default().push((words, kind));
            }
        }
        let mut first_bytes = [false; 256];
        for (first, list) in &mut map {
            list.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
            if let Some(&opens) = first.as_bytes().first() {
                first_bytes[usize::from(opens)] = true;
            }
        }
        NameList {
            by_first_word: map,
            first_bytes,
        }
    })
}

/// Whether `name` (whitespace collapsed; in any case, `MOODY'S` in a headline) is a listed
/// name ending in a possessive that is part of the name (`Standard and Poor's`, `Moody's`):
/// its canonical form keeps it.
pub(crate) fn keeps_possessive(name: &str) -> bool {
    static POSSESSIVES: OnceLock<Vec<&'static str>> = OnceLock::new();
    POSSESSIVES
        .get_or_init(|| {
            NAMES
                .lines()
                .filter(|l| !l.starts_with('#'))
                .filter_map(|l| l.split_once('\t'))
                .filter(|(kind, name)| *kind != "O" && name.ends_with("'s"))
                .map(|(_, name)| name)
                .collect()
        })
        .iter()
        .any(|listed| listed.eq_ignore_ascii_case(name))
}

/// Applies the list to one sentence's `words` and the model's `spans` for it.
pub(crate) fn apply(words: &[&str], spans: &mut Vec<Span>) {
    let names = names();
    let mut i = 0;
    while i < words.len() {
        let opens = words[i].as_bytes().first();
        if !opens.is_some_and(|&b| names.first_bytes[usize::from(b)]) {
            i += 1;
            continue;
        }
        let found = names.by_first_word.get(words[i]).and_then(|list| {
            list.iter().find(|(name, _)| {
                i + name.len() <= words.len() && name.iter().zip(&words[i..]).all(|(n, w)| n == w)
            })
        });
        let Some((name, kind)) = found else {
            i += 1;
            continue;
        };
        let (start, end) = (i, i + name.len());
        let inside_longer = spans
            .iter()
            .any(|s| s.start <= start && end <= s.end && s.end - s.start > end - start);
        match kind {
            None => spans.retain(|s| (s.start, s.end) != (start, end)),
            Some(kind) if !inside_longer => {
                spans.retain(|s| s.end <= start || s.start >= end);
                spans.push(Span {
                    start,
                    end,
                    kind: *kind,
                });
                spans.sort_by_key(|s| s.start);
            }
            Some(_) => {}
        }
        i = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_overrides_model_but_not_longer_entities() {
        let words = ["Amazon", "and", "Amazon", "Web", "Services", "ChatGPT"];
        let mut spans = vec![
            Span {
                start: 0,
                end: 1,
                kind: EntityKind::Location,
            },
            Span {
                start: 2,
                end: 5,
                kind: EntityKind::Organization,
            },
        ];
        apply(&words, &mut spans);
        assert_eq!(
            spans,
            vec![
                Span {
                    start: 0,
                    end: 1,
                    kind: EntityKind::Organization
                },
                Span {
                    start: 2,
                    end: 5,
                    kind: EntityKind::Organization
                },
                Span {
                    start: 5,
                    end: 6,
                    kind: EntityKind::Misc
                },
            ]
        );
        let mut ai = vec![
            Span {
                start: 0,
                end: 1,
                kind: EntityKind::Misc,
            },
            Span {
                start: 2,
                end: 4,
                kind: EntityKind::Organization,
            },
        ];
        apply(&["AI", "at", "AI", "Labs"], &mut ai);
        assert_eq!(ai.len(), 1, "{ai:?}");
        assert_eq!(ai[0].start, 2);
        let mut none = Vec::new();
        apply(&["amazon", "rainforest"], &mut none);
        assert!(none.is_empty());
    }

    #[test]
    fn names_are_matched_as_the_tokenizer_splits_them() {
        // The model split it at `and`: `Standard` and `Poor's Corp`.
        let text = "Standard and Poor's Corp said Standard and Poor's rates it.";
        let tokens = tokenize(text);
        let words: Vec<&str> = tokens.tokens.iter().map(|t| t.text(text)).collect();
        let org = EntityKind::Organization;
        let mut spans = vec![
            Span {
                start: 0,
                end: 1,
                kind: org,
            },
            Span {
                start: 2,
                end: 5,
                kind: org,
            },
        ];
        apply(&words, &mut spans);
        let names: Vec<String> = spans
            .iter()
            .map(|s| words[s.start..s.end].join(" "))
            .collect();
        assert_eq!(names, ["Standard and Poor 's Corp", "Standard and Poor 's"]);
        // The agency read as a person; a person of that name stays one.
        let words = ["told", "Reuter", "that", "Edzard", "Reuter", "left"];
        let person = EntityKind::Person;
        let mut spans = vec![
            Span {
                start: 1,
                end: 2,
                kind: person,
            },
            Span {
                start: 3,
                end: 5,
                kind: person,
            },
        ];
        apply(&words, &mut spans);
        let kinds: Vec<EntityKind> = spans.iter().map(|s| s.kind).collect();
        assert_eq!(kinds, [org, person]);
    }
}
