//! A minister's portfolio written before the title (`West German Finance Minister Gerhard
//! Stoltenberg`, `U.S. Trade Representative Clayton Yeutter`, `Foreign Trade Minister`) is no
//! name: CoNLL leaves `Finance Minister` out and annotates the country before it for what it
//! is (`West German` MISC, `U.S.` LOC). The model made organisations of the country and the
//! portfolio together: over known-item Reuters ORG `U.S. Trade` in 46 articles, `West German
//! Finance` in 29, `International Trade and Industry` in 17, `Foreign Trade` in 15. The
//! portfolio's words are cut off such a name; what is left is a nationality (MISC), a place
//! (LOC), or stays what it was (`EC Farm Commissioner`: the `EC`); nothing left, no name.

use super::recognizer::Entity;
use super::tags::EntityKind;

/// Titles of an office that a portfolio stands before.
const TITLES: &[&str] = &[
    "Minister",
    "Ministers",
    "Secretary",
    "Secretaries",
    "Representative",
    "Commissioner",
    "Undersecretary",
    "Under-Secretary",
];

/// Portfolios' words (`Treasury` is not one: CoNLL annotates the `Treasury` of `Treasury
/// secretary` an organisation, and so does the wire).
const PORTFOLIO_WORDS: &[&str] = &[
    "Affairs",
    "Agriculture",
    "Budget",
    "Commerce",
    "Communications",
    "Cooperation",
    "Culture",
    "Defence",
    "Defense",
    "Development",
    "Economic",
    "Economics",
    "Economy",
    "Education",
    "Employment",
    "Energy",
    "Environment",
    "External",
    "Farm",
    "Finance",
    "Financial",
    "Fisheries",
    "Foreign",
    "Health",
    "Home",
    "Housing",
    "Industry",
    "Information",
    "Interior",
    "International",
    "Labor",
    "Labour",
    "Mines",
    "Mining",
    "Natural",
    "Oil",
    "Overseas",
    "Petroleum",
    "Planning",
    "Public",
    "Resources",
    "Social",
    "Tourism",
    "Trade",
    "Transport",
    "Welfare",
    "Works",
];

/// Words before a portfolio that name nothing alone (`Federal Finance Minister`, `Deputy
/// Trade Secretary`): a name of them alone is dropped.
const NO_NAMES: &[&str] = &[
    "Acting",
    "Assistant",
    "Chief",
    "Deputy",
    "Federal",
    "Former",
    "Junior",
    "New",
    "Senior",
    "Shadow",
    "State",
];

/// Words that join two portfolios (`Trade and Industry`).
const JOINS: &[&str] = &["and", "&"];

/// Cuts the portfolio's words off each name among `entities` (not a person's) that ends in
/// them and stands before an office's title in `text`. What is left takes the kind `kind_of`
/// gives it (a nationality's or a place's), else keeps its own; a name of portfolio's words
/// alone is dropped.
pub(crate) fn portfolios_before_offices(
    text: &str,
    entities: &mut Vec<Entity>,
    kind_of: impl Fn(&str) -> Option<EntityKind>,
) {
    entities.retain_mut(|entity| {
        if entity.kind == EntityKind::Person || !before_title(&text[entity.end..]) {
            return true;
        }
        let Some(kept) = without_portfolio(&entity.text) else {
            return true;
        };
        if kept.split_whitespace().all(|word| NO_NAMES.contains(&word)) {
            return false;
        }
        entity.end = entity.start + kept.len();
        entity.text.truncate(kept.len());
        if let Some(kind) = kind_of(&entity.text) {
            entity.kind = kind;
        }
        true
    });
}

/// Whether `after` (the text after a name) opens with an office's title as a word of its own,
/// or with a joining word and another portfolio before it (`Finance` before `and Petroleum
/// Minister`: ORG `Finance` was in 4 known-item Reuters articles).
fn before_title(after: &str) -> bool {
    if opens_with_title(after, TITLES) {
        return true;
    }
    let mut words = after.split_whitespace();
    if !words.next().is_some_and(|word| JOINS.contains(&word)) {
        return false;
    }
    let mut portfolio = false;
    for word in words {
        if !PORTFOLIO_WORDS.contains(&word) {
            return portfolio && TITLES.contains(&word) && after.starts_with(char::is_whitespace);
        }
        portfolio = true;
    }
    false
}

/// Whether `after` (the text after a name) opens with one of `titles` as a word of its own,
/// after whitespace.
pub(crate) fn opens_with_title(after: &str, titles: &[&str]) -> bool {
    let rest = after.trim_start();
    rest.len() < after.len()
        && titles.iter().any(|title| {
            rest.strip_prefix(title)
                .is_some_and(|end| !end.starts_with(|c: char| c.is_alphanumeric()))
        })
}

/// `text`, trimmed at its end, cut before its last word: the text before it and the word.
pub(crate) fn split_last_word(text: &str) -> (&str, &str) {
    let trimmed = text.trim_end();
    match trimmed.rfind(char::is_whitespace) {
        Some(at) => (&trimmed[..at], trimmed[at..].trim_start()),
        None => ("", trimmed),
    }
}

/// `name` without the portfolio's words it ends in (a prefix of it, trimmed; empty when the
/// name is a portfolio alone); `None` when it ends in none, or they are joined to a name's.
fn without_portfolio(name: &str) -> Option<&str> {
    let mut kept = name;
    let mut cut = false;
    loop {
        let (before, word) = split_last_word(kept);
        let portfolio = PORTFOLIO_WORDS.contains(&word);
        // A joining word only between two portfolio's words.
        if !(portfolio || (cut && JOINS.contains(&word) && ends_in_portfolio(before))) {
            break;
        }
        kept = before;
        cut = true;
    }
    // A portfolio's word after a joining word and a name's (`Commercial Bankers Association
    // and Labour`, `U.S. Department of Energy`) is that name's.
    let kept = kept.trim_end();
    let joined = kept
        .split_whitespace()
        .next_back()
        .is_some_and(|word| JOINS.contains(&word) || matches!(word, "of" | "for" | "the"));
    (cut && !joined).then_some(kept)
}

fn ends_in_portfolio(text: &str) -> bool {
    text.split_whitespace()
        .next_back()
        .is_some_and(|word| PORTFOLIO_WORDS.contains(&word))
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityKind::*;

    /// The nationalities and places of the tests.
    fn kind_of(name: &str) -> Option<EntityKind> {
        match name {
            "West German" | "Brazilian" => Some(Misc),
            "U.S." | "Japan" => Some(Location),
            _ => None,
        }
    }

    fn cut(text: &str, names: &[(EntityKind, &str)]) -> Vec<(EntityKind, String)> {
        let mut entities: Vec<Entity> = names
            .iter()
            .map(|&(kind, name)| Entity::nth_in(text, kind, name, 0))
            .collect();
        portfolios_before_offices(text, &mut entities, kind_of);
        for e in &entities {
            assert_eq!(&text[e.start..e.end], e.text);
        }
        entities.into_iter().map(|e| (e.kind, e.text)).collect()
    }

    #[test]
    fn a_portfolio_before_an_office_is_no_name() {
        let text = "West German Finance Minister Gerhard Stoltenberg met U.S. Trade\n\
                    Representative Clayton Yeutter, International Trade and Industry Minister \
                    Hajime Tamura, EC Farm Commissioner Frans Andriessen and Japan Foreign \
                    Trade Ministers. Federal Finance Minister Otto Stich, the Commercial Bankers \
                    Association and Labour Minister, the U.S. Department of Energy Secretary. \
                    Finance and Petroleum Minister Sheikh Abdul-Aziz spoke.";
        let found = cut(
            text,
            &[
                (Organization, "West German Finance"),
                (Person, "Gerhard Stoltenberg"),
                (Organization, "U.S. Trade"),
                (Organization, "International Trade and Industry"),
                (Organization, "EC Farm"),
                (Location, "Japan Foreign Trade"),
                (Organization, "Federal Finance"),
                (Organization, "Commercial Bankers Association and Labour"),
                (Organization, "U.S. Department of Energy"),
                (Organization, "Finance"),
            ],
        );
        let expected = [
            (Misc, "West German"),
            (Person, "Gerhard Stoltenberg"),
            (Location, "U.S."),
            (Organization, "EC"),
            (Location, "Japan"),
            (Organization, "Commercial Bankers Association and Labour"),
            (Organization, "U.S. Department of Energy"),
        ];
        assert_eq!(found, expected.map(|(k, n)| (k, n.to_string())));
    }

    #[test]
    fn names_not_before_an_office_or_not_ending_in_a_portfolio_stay() {
        for (text, name) in [
            ("The U.S. Trade deficit widened.", "U.S. Trade"),
            ("The U.S. Treasury Secretary spoke.", "U.S. Treasury"),
            (
                "The Senate Agriculture Committee met.",
                "Senate Agriculture",
            ),
            ("Brazilian Finance Ministry officials", "Brazilian Finance"),
            ("Chase Manhattan Secretary Jones", "Chase Manhattan"),
            ("Finance and Petroleum prices", "Finance"),
            ("Finance and Gaming Minister", "Finance"),
        ] {
            let found = cut(text, &[(Organization, name)]);
            assert_eq!(found, [(Organization, name.to_string())], "{text}");
        }
    }
}
