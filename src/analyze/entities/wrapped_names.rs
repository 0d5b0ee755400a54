//! A name wire copy wrapped across two lines that the model read as two (`Yasuhiro` /
//! `Nakasone`, `Cathay` / `Pacific Airways Ltd`, `Southern New England` / `Telecommunications
//! Corp`): two names of one kind, the first ending a full line and the second opening the
//! next, with nothing but the line break (and spaces before it) between them, are one. Not after a full stop (`Ltd.`
//! may end a sentence, `U.S.` / `Japan` a list), nor after a short line (a table's row or a
//! headline), nor across a paragraph's indent.

use super::recognizer::Entity;

/// The fewest characters a line holds when wire copy wraps it (its lines run to 60-odd).
const FULL_LINE: usize = 40;

/// Joins the names of `entities` (in order, over `text`) that wire copy wrapped across lines.
pub(crate) fn join_wrapped(text: &str, entities: &mut Vec<Entity>) {
    let mut i = 1;
    while i < entities.len() {
        let (first, second) = (&entities[i - 1], &entities[i]);
        let wrapped = first.kind == second.kind
            && text
                .get(first.end..second.start)
                .and_then(|gap| gap.strip_suffix('\n'))
                .is_some_and(|spaces| spaces.bytes().all(|b| b == b' ' || b == b'\t'))
            && !first.text.ends_with('.')
            && {
                let line_start = text[..first.end].rfind('\n').map_or(0, |at| at + 1);
                text[line_start..first.end].chars().count() >= FULL_LINE
            };
        if wrapped {
            let end = second.end;
            let first = &mut entities[i - 1];
            first.end = end;
            first.text = text[first.start..end].to_string();
            entities.remove(i);
        } else {
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::entities::EntityKind::{self, *};

    fn joined(text: &str, names: &[(EntityKind, &str)]) -> Vec<(EntityKind, String)> {
        // A name listed again is its next mention.
        let mut entities: Vec<Entity> = names
            .iter()
            .enumerate()
            .map(|(at, &(kind, name))| {
                let nth = names[..at].iter().filter(|(_, n)| *n == name).count();
                Entity::nth_in(text, kind, name, nth)
            })
            .collect();
        join_wrapped(text, &mut entities);
        entities.into_iter().map(|e| (e.kind, e.text)).collect()
    }

    #[test]
    fn a_name_wrapped_across_lines_is_one() {
        let text = "The talks were held in Tokyo with Prime Minister Yasuhiro\n\
                    Nakasone and then with the officials of the airline Cathay \n\
                    Pacific Airways Ltd said.\n\
                    A short line: Cathay\n\
                    Pacifica.";
        assert_eq!(
            joined(
                text,
                &[
                    (Location, "Tokyo"),
                    (Person, "Yasuhiro"),
                    (Person, "Nakasone"),
                    (Organization, "Cathay"),
                    (Organization, "Pacific Airways Ltd"),
                    (Organization, "Cathay"),
                    (Organization, "Pacifica"),
                ]
            ),
            [
                (Location, "Tokyo".to_string()),
                (Person, "Yasuhiro\nNakasone".to_string()),
                (Organization, "Cathay \nPacific Airways Ltd".to_string()),
                (Organization, "Cathay".to_string()),
                (Organization, "Pacifica".to_string()),
            ]
        );
    }

    #[test]
    fn names_apart_stay_apart() {
        let text = "It was underwritten by Credit Suisse First Boston Ltd.\n\
                    Morgan Guaranty Trust Co said, as did Mitsui and\n    \
                    Sumitomo, and of the long-running U.S. and Japanese talks in the\n\
                    U.S.\nJapan and EAST\nWEST";
        let names = [
            (Organization, "Credit Suisse First Boston Ltd."),
            (Organization, "Morgan Guaranty Trust Co"),
            (Organization, "Sumitomo"),
            (Location, "EAST"),
            (Location, "WEST"),
        ];
        let kept: Vec<(EntityKind, String)> =
            names.iter().map(|&(k, n)| (k, n.to_string())).collect();
        assert_eq!(joined(text, &names), kept);
    }
}
