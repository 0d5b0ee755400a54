//! Names joined by a French or Portuguese particle in lower case (`Regie Nationale des Usines
//! Renault`, `Caisse Nationale des Autoroutes`, `Banco do Brasil`): the model, trained on
//! English news, cut them in two at the particle, and took the halves for persons (PER `Usines
//! Renault` in 10 known-item Reuters articles, `Regie Nationale` in 6, `Travaux Publics` in 6).
//! Two names with such a particle alone between them are one; it is an organisation's when
//! either half was, or when it opens with a word that opens organisations' names (`Regie`,
//! `Caisse`, `Banco`), and otherwise the first half's kind (`Luiz Inacio Lula da Silva`).

use super::tags::{EntityKind, Span};

/// Particles that join the words of a French, Spanish, Portuguese or Italian name, in lower
/// case (`de` alone the model reads within names already).
const PARTICLES: &[&str] = &["des", "du", "do", "da", "dos", "das", "del", "della", "dei"];

/// Words that open organisations' names in those languages.
const ORGANISATION_WORDS: &[&str] = &[
    "Agence",
    "Banca",
    "Banco",
    "Banque",
    "Bourse",
    "Caisse",
    "Centrale",
    "Centre",
    "Chambre",
    "Cia",
    "Cie",
    "Companhia",
    "Compagnie",
    "Compania",
    "Confederation",
    "Conseil",
    "Cooperativa",
    "Credit",
    "Empresa",
    "Federation",
    "Groupe",
    "Institut",
    "Instituto",
    "Regie",
    "Societe",
    "Société",
    "Ste",
    "Syndicat",
    "Union",
];

/// Joins each two of one sentence's spans (over its `words`) that a particle alone (or `de
/// la`) separates. The last word of each name made an organisation from a person's half goes
/// to `firms`, for the article's other mentions of it to follow ([`super::firms`]: `Renault`).
pub(crate) fn apply<'a>(words: &[&'a str], spans: &mut Vec<Span>, firms: &mut Vec<&'a str>) {
    let mut joined: Vec<Span> = Vec::with_capacity(spans.len());
    for next in spans.drain(..) {
        let Some(first) = joined.last_mut() else {
            joined.push(next);
            continue;
        };
        let between = words.get(first.end..next.start).unwrap_or_default();
        if !(matches!(between, [particle] if PARTICLES.contains(particle))
            || between == ["de", "la"])
        {
            joined.push(next);
            continue;
        }
        let kind = if first.kind == EntityKind::Organization
            || next.kind == EntityKind::Organization
            || ORGANISATION_WORDS.contains(&words[first.start])
        {
            EntityKind::Organization
        } else {
            first.kind
        };
        if kind == EntityKind::Organization
            && (first.kind == EntityKind::Person || next.kind == EntityKind::Person)
        {
            firms.push(words[next.end - 1]);
        }
        *first = Span {
            start: first.start,
            end: next.end,
            kind,
        };
    }
    *spans = joined;
}

#[cfg(test)]
mod tests {
    use super::super::tags::span_rules;
    use super::*;
    use EntityKind::*;

    #[test]
    fn names_joined_by_a_particle_are_one() {
        let text = "Regie Nationale des Usines Renault , Banco do Brasil and Luiz Inacio Lula da \
                    Silva met at Caisse Nationale de la Recherche";
        let names = span_rules::after(
            |words, spans| apply(words, spans, &mut Vec::new()),
            text,
            &[
                (0, 2, Person),
                (3, 5, Person),
                (6, 7, Organization),
                (8, 9, Location),
                (10, 13, Person),
                (14, 15, Person),
                (17, 19, Location),
                (21, 22, Misc),
            ],
        );
        assert_eq!(
            names,
            [
                (
                    "Regie Nationale des Usines Renault".to_string(),
                    Organization
                ),
                ("Banco do Brasil".to_string(), Organization),
                ("Luiz Inacio Lula da Silva".to_string(), Person),
                ("Caisse Nationale de la Recherche".to_string(), Organization),
            ]
        );
        // The persons' halves made a company's: its last word is the firm's elsewhere.
        let words: Vec<&str> = text.split(' ').collect();
        let mut spans = vec![
            Span {
                start: 0,
                end: 2,
                kind: Person,
            },
            Span {
                start: 3,
                end: 5,
                kind: Person,
            },
        ];
        let mut firms = Vec::new();
        apply(&words, &mut spans, &mut firms);
        assert_eq!(firms, ["Renault"]);
    }

    #[test]
    fn names_apart_stay_apart() {
        for (text, spans) in [
            ("Paris and Rome", [(0, 1, Location), (2, 3, Location)]),
            (
                "France des Alpes Nord",
                [(0, 1, Location), (3, 4, Location)],
            ),
            (
                "Renault , des Usines",
                [(0, 1, Organization), (3, 4, Person)],
            ),
        ] {
            span_rules::assert_unchanged(|w, s| apply(w, s, &mut Vec::new()), text, &spans);
        }
    }
}
