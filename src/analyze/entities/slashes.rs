//! Names joined by a slash (`U.S./Japan talks`, `the Iran/Iraq war`, `Dallas/Fort Worth`):
//! the tokenizer keeps a word with a slash whole, as it keeps companies' names that hold one
//! (`Royal Dutch/Shell Group`, `Capital Cities/ABC Inc`, `Norsk Hydro A/S`), so the model
//! tags the pair as one name. A name whose every part is, alone, a name the model's gazetteer
//! knows is those names, each of the kind the gazetteer gives it.

use super::lexicon::{GAZ_LOC, GAZ_MISC, GAZ_ORG, GAZ_PER};
use super::recognizer::Entity;
use super::tags::EntityKind;

/// The gazetteer's kind bits for a name given as its words (0 when it holds none).
pub(crate) type GazetteerKinds<'a> = &'a dyn Fn(&str) -> u8;

/// The kind bit of the gazetteer for each kind of name.
fn kind_bit(kind: EntityKind) -> u8 {
    match kind {
        EntityKind::Person => GAZ_PER,
        EntityKind::Organization => GAZ_ORG,
        EntityKind::Location => GAZ_LOC,
        EntityKind::Misc => GAZ_MISC,
    }
}

/// Replaces each entity made of names joined by slashes by those names, when the gazetteer
/// (`kinds`) knows every one of them. A name takes the kind the article gives it most where it
/// stands alone (in any case: `U.S./SOVIET` in a headline), else the gazetteer's, else the first the gazetteer gives of place, other,
/// organisation, person (the pair's kind says little: the model read `U.S./Japan` as a
/// nationality, `U.S./USSR` as a company).
pub(crate) fn split_joined_names(entities: &mut Vec<Entity>, kinds: GazetteerKinds<'_>) {
    if !entities.iter().any(|e| e.text.contains('/')) {
        return;
    }
    let alone: Vec<(String, EntityKind)> = entities
        .iter()
        .filter(|e| !e.text.contains('/'))
        .map(|e| (e.text.clone(), e.kind))
        .collect();
    let kind_of = |name: &str, bits: u8| -> Option<EntityKind> {
        let mut counts = [0usize; 4];
        for (text, kind) in &alone {
            if text.eq_ignore_ascii_case(name) {
                counts[kind.index()] += 1;
            }
        }
        let most = (0..4).max_by_key(|&k| (counts[k], 4 - k))?;
        if counts[most] > 0 {
            return Some(EntityKind::ALL[most]);
        }
        [
            EntityKind::Location,
            EntityKind::Misc,
            EntityKind::Organization,
            EntityKind::Person,
        ]
        .into_iter()
        .find(|&k| bits & kind_bit(k) != 0)
    };
    let mut out = Vec::with_capacity(entities.len() + 4);
    for entity in entities.drain(..) {
        match parts(&entity, kinds, &kind_of) {
            Some(parts) => out.extend(parts),
            None => out.push(entity),
        }
    }
    *entities = out;
}

/// The names an entity joins with slashes, or `None` when it joins none or the gazetteer
/// lacks one of them.
fn parts(
    entity: &Entity,
    kinds: GazetteerKinds<'_>,
    kind_of: &dyn Fn(&str, u8) -> Option<EntityKind>,
) -> Option<Vec<Entity>> {
    if !entity.text.contains('/') {
        return None;
    }
    let mut parts = Vec::new();
    let mut from = 0;
    for piece in entity.text.split('/') {
        let at = from;
        from += piece.len() + 1;
        let name = piece.trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
        if name.chars().filter(|c| c.is_alphabetic()).count() < 2 {
            return None;
        }
        let bits = kinds(name);
        if bits == 0 {
            return None;
        }
        let kind = kind_of(name, bits)?;
        let start = entity.start + at + piece.find(name).unwrap_or(0);
        parts.push(Entity {
            kind,
            text: name.to_string(),
            start,
            end: start + name.len(),
            canonical: String::new(),
        });
    }
    Some(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gazetteer(name: &str) -> u8 {
        match name {
            "U.S." | "Japan" | "Iran" | "Iraq" | "Dallas" | "Fort Worth" => GAZ_LOC,
            "IMF" | "World Bank" | "ABC" => GAZ_ORG,
            "Shell" => GAZ_ORG | GAZ_LOC,
            "Soviet" => GAZ_ORG | GAZ_MISC,
            _ => 0,
        }
    }

    fn split(text: &str, kind: EntityKind) -> Vec<(String, EntityKind, usize)> {
        let mut entities = vec![Entity {
            kind,
            text: text.to_string(),
            start: 10,
            end: 10 + text.len(),
            canonical: String::new(),
        }];
        // `Shell` stands alone as a company elsewhere in the article.
        entities.push(Entity {
            kind: EntityKind::Organization,
            text: "Shell".into(),
            start: 100,
            end: 105,
            canonical: String::new(),
        });
        split_joined_names(&mut entities, &gazetteer);
        entities.pop();
        entities
            .into_iter()
            .map(|e| {
                assert_eq!(e.end - e.start, e.text.len());
                (e.text, e.kind, e.start)
            })
            .collect()
    }

    #[test]
    fn names_joined_by_a_slash_are_each_a_name() {
        use EntityKind::*;
        assert_eq!(
            split("U.S./Japan", Misc),
            [
                ("U.S.".to_string(), Location, 10),
                ("Japan".to_string(), Location, 15)
            ]
        );
        assert_eq!(
            split("IMF/World Bank", Organization),
            [
                ("IMF".to_string(), Organization, 10),
                ("World Bank".to_string(), Organization, 14)
            ]
        );
        assert_eq!(
            split("U.S./Soviet", Organization),
            [
                ("U.S.".to_string(), Location, 10),
                ("Soviet".to_string(), Misc, 15)
            ]
        );
        // A part the gazetteer lacks keeps the name whole, and so do initials.
        for whole in [
            "Royal Dutch/Shell",
            "Capital Cities/ABC",
            "A/S",
            "Iran/Contra",
        ] {
            assert_eq!(split(whole, Organization).len(), 1, "{whole}");
        }
    }
}
