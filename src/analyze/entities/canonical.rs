//! Canonical names of the entities of one article: whitespace, apostrophes, possessives (but
//! those of listed names such as `Moody's`), initials' last full stop (`U.S` is `U.S.`) and
//! case normalised, and each short mention resolved to the fullest mention of the same kind
//! that contains it ("Altman" becomes "Sam Altman").

use rustc_hash::FxHashMap as HashMap;

use super::landforms::is_continent;
use super::names;
use super::nationalities::{is_nationality, is_qualified_nationality};
use super::provinces::is_state_or_province;
use super::recognizer::Entity;
use super::tags::EntityKind;

/// Longer names examined per short name.
const MAX_CANDIDATES: usize = 256;

/// The normalised surface of a mention: typographic apostrophes and quotes made plain,
/// whitespace collapsed, enclosing punctuation, a final possessive and a final designator's
/// full stop removed, final initials' last full stop put back (`U.S`).
pub(crate) fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if word.is_ascii() && !word.contains('`') {
            // Nothing to replace.
            out.push_str(word);
        } else {
            out.extend(word.chars().map(|c| match c {
                '’' | '‘' | '`' => '\'',
                '“' | '”' => '"',
                c => c,
            }));
        }
    }
    // Spaces too: the punctuation gone, the space after it would open the name (", Inc.").
    let trimmed = out.trim_matches(|c: char| {
        matches!(
            c,
            '"' | '(' | ')' | '[' | ']' | ',' | ';' | ':' | '\'' | '-' | ' '
        )
    });
    let mut end = trimmed.len();
    for suffix in ["'s", "'S"] {
        if end > suffix.len() + 1
            && trimmed[..end].ends_with(suffix)
            && !names::keeps_possessive(&trimmed[..end])
        {
            end -= suffix.len();
        }
    }
    let name = without_designator_period(trimmed[..end].trim_end_matches([' ', '\'']));
    let mut name = if name.contains(['(', ')', '[', ']']) {
        without_unbalanced_brackets(name)
    } else {
        name.to_string()
    };
    if ends_in_initials_without_stop(&name) {
        name.push('.');
    }
    department_of(name)
}

/// The United States' executive departments news names as `the X Department` as well as `the
/// Department of X`.
const DEPARTMENTS: &[&str] = &[
    "Agriculture",
    "Commerce",
    "Defense",
    "Education",
    "Energy",
    "Interior",
    "Justice",
    "Labor",
    "State",
    "Transportation",
];

/// A department's term in the word order [`department_of`] changes (`org:u.s. department of
/// agriculture` is `org:u.s. agriculture department`), which an index analysed before names were
/// put in one order holds; `None` for another term.
pub(crate) fn department_as_written(term: &str) -> Option<String> {
    let (before, what) = term.rsplit_once("department of ")?;
    let at_word = before.is_empty() || before.ends_with([' ', ':']);
    let known = DEPARTMENTS.iter().any(|d| d.eq_ignore_ascii_case(what));
    (at_word && known).then(|| format!("{before}{what} department"))
}

/// A department's name in one word order (`U.S. Agriculture Department` is `U.S. Department of
/// Agriculture`, `Commerce Department` is `Department of Commerce`, a headline's `DEFENSE
/// DEPARTMENT` is `DEPARTMENT OF DEFENSE`), so that both writings are one name, and the one an
/// acronym spells (`USDA`).
fn department_of(name: String) -> String {
    let (head, department, of) = match name.strip_suffix(" Department") {
        Some(head) => (head, "Department", "of"),
        None => match name.strip_suffix(" DEPARTMENT") {
            Some(head) => (head, "DEPARTMENT", "OF"),
            None => return name,
        },
    };
    let (before, what) = head.rsplit_once(' ').unwrap_or(("", head));
    if !DEPARTMENTS.iter().any(|d| d.eq_ignore_ascii_case(what)) {
        return name;
    }
    let space = if before.is_empty() { "" } else { " " };
    format!("{before}{space}{department} {of} {what}")
}

/// Whether the last word of `name` is initials whose last full stop went to the sentence's end
/// (`in the U.S.` tokenized as `U.S` and `.`): `U.S` is `U.S.`, `Shamrock Capital L.P` is
/// `Shamrock Capital L.P.`.
fn ends_in_initials_without_stop(name: &str) -> bool {
    let last = name.rsplit(' ').next().unwrap_or(name).as_bytes();
    last.len() >= 3
        && last.len() % 2 == 1
        && last.iter().enumerate().all(|(i, &b)| {
            if i % 2 == 0 {
                b.is_ascii_uppercase()
            } else {
                b == b'.'
            }
        })
}

/// Corporate designators, lower-case, each also written with a full stop (`Inc`, `Inc.`).
pub(crate) const DESIGNATORS: &[&str] = &[
    "inc", "corp", "co", "cos", "ltd", "plc", "bros", "llc", "ag", "sa", "group",
];

/// A company's name without the full stop of a final designator: `Morgan Stanley and Co Inc.`
/// and `Morgan Stanley and Co Inc` are one name (Reuters writes both).
fn without_designator_period(name: &str) -> &str {
    let Some(bare) = name.strip_suffix('.') else {
        return name;
    };
    match bare.rsplit_once(' ') {
        Some((_, last)) if DESIGNATORS.iter().any(|d| last.eq_ignore_ascii_case(d)) => bare,
        _ => name,
    }
}

/// A name without the brackets that have no partner in it: a span cut across a bracketed
/// aside (`(International Monetary) Fund`, `Zhao (Ziyang)`, `(EC)/OAPEC/OPEC`) gave
/// `International Monetary) Fund`, `Zhao (Ziyang`, `EC)/OAPEC/OPEC`. A bracket between two
/// letters or digits leaves a space (`America(ALCOA`); balanced ones stay (`Cheung Kong
/// (Holdings) Ltd`).
fn without_unbalanced_brackets(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut unpaired = vec![false; chars.len()];
    let mut open: Vec<usize> = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '(' | '[' => open.push(i),
            ')' | ']' => {
                let partner = if c == ')' { '(' } else { '[' };
                match open.last() {
                    Some(&j) if chars[j] == partner => {
                        open.pop();
                    }
                    _ => unpaired[i] = true,
                }
            }
            _ => {}
        }
    }
    open.into_iter().for_each(|j| unpaired[j] = true);
    let mut out = String::with_capacity(name.len());
    for (i, &c) in chars.iter().enumerate() {
        if !unpaired[i] {
            out.push(c);
            continue;
        }
        let joins = |k: Option<&char>| k.is_some_and(|c| c.is_alphanumeric());
        if joins(i.checked_sub(1).and_then(|k| chars.get(k))) && joins(chars.get(i + 1)) {
            out.push(' ');
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn has_lowercase(s: &str) -> bool {
    s.chars().any(char::is_lowercase)
}

/// Whether the place `name` is a continent, a state or a province, never short for a longer
/// place's name.
fn is_whole_place(name: &str) -> bool {
    is_continent(name) || is_state_or_province(name)
}

/// The writing of the lowercase name `lower` that names it: the most frequent among `counts`
/// (each lowercase name's writings and how often each is written) that holds a lowercase
/// letter, else the most frequent, the first seen among equals.
fn preferred_writing<'a>(
    counts: &HashMap<&'a str, Vec<(&'a str, usize)>>,
    lower: &'a str,
) -> &'a str {
    let forms = &counts[lower];
    let best = forms
        .iter()
        .enumerate()
        .max_by_key(|(i, (f, c))| (has_lowercase(f), *c, std::cmp::Reverse(*i)))
        .map(|(_, (f, _))| *f);
    best.unwrap_or(lower)
}

/// Fills in `canonical` for all entities of one article.
pub(crate) fn canonical_names(entities: &mut [Entity]) {
    let norms: Vec<String> = entities.iter().map(|e| normalize(&e.text)).collect();
    let lowers: Vec<String> = norms.iter().map(|n| n.to_lowercase()).collect();
    // Preferred casing of each lowercase form: the most frequent mixed-case writing, else
    // the first writing seen.
    let mut counts: HashMap<&str, Vec<(&str, usize)>> = HashMap::default();
    for (n, l) in norms.iter().zip(&lowers) {
        let forms = counts.entry(l.as_str()).or_default();
        match forms.iter_mut().find(|(f, _)| f == n) {
            Some((_, c)) => *c += 1,
            None => forms.push((n.as_str(), 1)),
        }
    }
    let preferred = |l| preferred_writing(&counts, l);
    // Distinct names per kind, and for each word the distinct names that contain it, so that
    // resolving is about linear in the number of mentions.
    let mut distinct: Vec<(EntityKind, &str)> = Vec::new();
    let mut ids: HashMap<(EntityKind, &str), usize> = HashMap::default();
    let mut mention_ids = Vec::with_capacity(entities.len());
    for (e, l) in entities.iter().zip(&lowers) {
        let id = *ids.entry((e.kind, l.as_str())).or_insert_with(|| {
            distinct.push((e.kind, l.as_str()));
            distinct.len() - 1
        });
        mention_ids.push(id);
    }
    // Words as a longer name holds them: a possessive inside one (`Moody's Investors Service`,
    // `Standard and Poor's Corp`) is the name alone (`Moody`, `Standard and Poor`), and so is
    // a word before a comma (`Kidder Peabody` is short for `Kidder, Peabody and Co`).
    let words: Vec<Vec<&str>> = distinct
        .iter()
        .map(|(_, l)| {
            l.split(' ')
                .map(|w| {
                    let w = w.strip_suffix(',').filter(|w| !w.is_empty()).unwrap_or(w);
                    w.strip_suffix("'s").filter(|w| !w.is_empty()).unwrap_or(w)
                })
                .collect()
        })
        .collect();
    let mut containing: HashMap<(EntityKind, &str), Vec<usize>> = HashMap::default();
    for (id, ws) in words.iter().enumerate() {
        let mut seen: Vec<&str> = Vec::new();
        for &w in ws {
            if !seen.contains(&w) {
                seen.push(w);
                containing.entry((distinct[id].0, w)).or_default().push(id);
            }
        }
    }
    let resolved: Vec<&str> = (0..distinct.len())
        .map(|id| {
            // `The Bank` is short for the article's `Bank of England` as `Bank` would be.
            let short = match words[id].as_slice() {
                ["the", rest @ ..] if !rest.is_empty() => rest,
                all => all,
            };
            let mut best = id;
            // A continent or a state is no short name of a region of it (`Europe` of `Western
            // Europe`, `Texas` of `West Texas`), nor `Virginia` of `West Virginia`.
            if distinct[id].0 == EntityKind::Location {
                let name = preferred(distinct[id].1);
                if is_whole_place(name) {
                    return name;
                }
            }
            // A nationality is short for a qualified one only (`German` of `West German`, not
            // `European` of `European Currency Unit`).
            let nationality =
                distinct[id].0 == EntityKind::Misc && short.len() == 1 && is_nationality(short[0]);
            let candidates = containing
                .get(&(distinct[id].0, short[0]))
                .map_or(&[][..], Vec::as_slice);
            // A bound for pathological input; an article has far fewer names per word.
            for &j in candidates.iter().take(MAX_CANDIDATES) {
                let long = &words[j];
                if nationality && !is_qualified_nationality(distinct[j].1) {
                    continue;
                }
                if long.len() > words[best].len() && long.windows(short.len()).any(|w| w == short) {
                    best = j;
                }
            }
            preferred(distinct[best].1)
        })
        .collect();
    for ((e, id), l) in entities.iter_mut().zip(mention_ids).zip(&lowers) {
        e.canonical = if l.is_empty() {
            e.text.clone()
        } else {
            resolved[id].to_string()
        };
    }
}

#[cfg(test)]
mod tests {

    /// `normalize` as it was before its fast paths.
    fn normalize_reference(text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        for word in text.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.extend(word.chars().map(|c| match c {
                '’' | '‘' | '`' => '\'',
                '“' | '”' => '"',
                c => c,
            }));
        }
        let trimmed = out.trim_matches(|c: char| {
            matches!(
                c,
                '"' | '(' | ')' | '[' | ']' | ',' | ';' | ':' | '\'' | '-' | ' '
            )
        });
        let mut s = trimmed.to_string();
        for suffix in ["'s", "'S"] {
            if s.len() > suffix.len() + 1 && s.ends_with(suffix) {
                s.truncate(s.len() - suffix.len());
            }
        }
        let s = s.trim_end_matches([' ', '\'']);
        match s
            .strip_suffix('.')
            .and_then(|b| b.rsplit_once(' ').map(|(_, w)| (b, w)))
        {
            Some((bare, last)) if DESIGNATORS.contains(&last.to_lowercase().as_str()) => {
                bare.to_string()
            }
            _ => s.to_string(),
        }
    }

    #[test]
    fn normalize_agrees_with_the_reference() {
        for text in [
            "Sam Altman",
            "  OpenAI's ",
            "(Coca-Cola)",
            "O`Neill’s",
            "“Big  Blue”",
            "U.S.",
            "'s",
            "it's'S",
            "Zoë  Ball's -",
            "JONES'S",
            "\"Reuters\",",
            ", Inc.",
            "Acme Inc.",
            "Morgan Stanley and Co.",
            "Acme CORP.'s",
            "Inc.",
            "U.S.",
            "- Acme - ",
            "",
        ] {
            assert_eq!(normalize(text), normalize_reference(text), "{text:?}");
        }
    }
    use super::*;

    fn entity(kind: EntityKind, text: &str) -> Entity {
        Entity {
            kind,
            text: text.into(),
            start: 0,
            end: text.len(),
            canonical: String::new(),
        }
    }

    #[test]
    fn normalizes_surface() {
        assert_eq!(normalize("OpenAI’s"), "OpenAI");
        assert_eq!(normalize("  Sam \n Altman "), "Sam Altman");
        assert_eq!(normalize("“Codex”"), "Codex");
        assert_eq!(normalize("states'"), "states");
        // Punctuation opening or closing a span goes with the space beside it.
        assert_eq!(normalize(", Inc."), "Inc.");
        assert_eq!(normalize("( Acme ) -"), "Acme");
        // A final designator's full stop: one name with or without it.
        assert_eq!(
            normalize("Morgan Stanley and Co Inc."),
            "Morgan Stanley and Co Inc"
        );
        assert_eq!(normalize("Acme Corp.'s"), "Acme Corp");
        // A listed name's possessive is part of the name.
        assert_eq!(normalize("Standard and Poor's"), "Standard and Poor's");
        assert_eq!(normalize("Moody's"), "Moody's");
        assert_eq!(normalize("MOODY'S"), "MOODY'S");
        assert_eq!(
            normalize("Moody's Investors Service Inc's"),
            "Moody's Investors Service Inc"
        );
        assert_eq!(normalize("Washington, D.C."), "Washington, D.C.");
        // Initials whose last full stop ended the sentence.
        assert_eq!(normalize("U.S"), "U.S.");
        assert_eq!(normalize("Shamrock Capital L.P"), "Shamrock Capital L.P.");
        assert_eq!(normalize("U.S.'s"), "U.S.");
        assert_eq!(normalize("US"), "US");
        assert_eq!(normalize("A.B"), "A.B.");
        assert_eq!(normalize("AB.C"), "AB.C");
    }

    #[test]
    fn brackets_without_a_partner_in_the_name_go() {
        // Spans of Reuters that cut a bracketed aside.
        for (text, expected) in [
            (
                "International Monetary) Fund",
                "International Monetary Fund",
            ),
            ("(South) Korea", "South Korea"),
            ("Zhao (Ziyang", "Zhao Ziyang"),
            ("EC)/OAPEC/OPEC", "EC/OAPEC/OPEC"),
            (
                "Aluminum Company of America(ALCOA",
                "Aluminum Company of America ALCOA",
            ),
            ("Semiconducto[Br Division", "Semiconducto Br Division"),
            ("Bank ( of England", "Bank of England"),
            // Balanced brackets stay, even beside an unbalanced one.
            ("Cheung Kong (Holdings) Ltd", "Cheung Kong (Holdings) Ltd"),
            ("Rothmans (Tobacco) Ltd)", "Rothmans (Tobacco) Ltd"),
            ("Wood [Gundy) Inc]", "Wood Gundy Inc"),
        ] {
            assert_eq!(normalize(text), expected, "{text:?}");
        }
    }

    #[test]
    fn continents_states_and_nationalities_are_no_short_names() {
        let mut es = vec![
            entity(EntityKind::Location, "Western Europe"),
            entity(EntityKind::Location, "Europe"),
            entity(EntityKind::Location, "West Texas"),
            entity(EntityKind::Location, "Texas"),
            entity(EntityKind::Location, "West Virginia"),
            entity(EntityKind::Location, "Virginia"),
            entity(EntityKind::Location, "South Korea"),
            entity(EntityKind::Location, "Korea"),
            entity(EntityKind::Misc, "European Currency Unit"),
            entity(EntityKind::Misc, "European"),
            entity(EntityKind::Misc, "West German"),
            entity(EntityKind::Misc, "German"),
            entity(EntityKind::Misc, "Nikkei Stock Average"),
            entity(EntityKind::Misc, "Nikkei"),
        ];
        canonical_names(&mut es);
        let names: Vec<&str> = es.iter().map(|e| e.canonical.as_str()).collect();
        assert_eq!(
            names,
            [
                "Western Europe",
                "Europe",
                "West Texas",
                "Texas",
                "West Virginia",
                "Virginia",
                "South Korea",
                "South Korea",
                "European Currency Unit",
                "European",
                "West German",
                "West German",
                "Nikkei Stock Average",
                "Nikkei Stock Average"
            ]
        );
    }

    #[test]
    fn short_mentions_resolve_to_full_ones() {
        let mut es = vec![
            entity(EntityKind::Person, "ALTMAN"),
            entity(EntityKind::Person, "Sam Altman"),
            entity(EntityKind::Person, "Altman"),
            entity(EntityKind::Organization, "NVIDIA"),
            entity(EntityKind::Location, "Altman"),
        ];
        canonical_names(&mut es);
        let names: Vec<&str> = es.iter().map(|e| e.canonical.as_str()).collect();
        assert_eq!(
            names,
            ["Sam Altman", "Sam Altman", "Sam Altman", "NVIDIA", "Altman"]
        );
    }

    #[test]
    fn a_possessive_inside_a_longer_name_is_the_name_alone() {
        let mut es = vec![
            entity(EntityKind::Organization, "Moody's"),
            entity(EntityKind::Organization, "Moody's Investors Service Inc"),
            entity(EntityKind::Organization, "Standard and Poor's"),
            entity(EntityKind::Organization, "Standard and Poor's Corp"),
        ];
        canonical_names(&mut es);
        let names: Vec<&str> = es.iter().map(|e| e.canonical.as_str()).collect();
        assert_eq!(
            names,
            [
                "Moody's Investors Service Inc",
                "Moody's Investors Service Inc",
                "Standard and Poor's Corp",
                "Standard and Poor's Corp"
            ]
        );
    }

    #[test]
    fn a_department_is_named_in_one_word_order() {
        for (written, name) in [
            (
                "U.S. Agriculture Department",
                "U.S. Department of Agriculture",
            ),
            ("Commerce Department's", "Department of Commerce"),
            ("Department of Justice", "Department of Justice"),
            ("Treasury Department", "Treasury Department"),
            ("Fire Department", "Fire Department"),
            ("AGRICULTURE DEPARTMENT", "DEPARTMENT OF AGRICULTURE"),
        ] {
            assert_eq!(normalize(written), name);
        }
    }

    #[test]
    fn a_department_s_term_is_found_in_its_former_order_too() {
        let as_written = |term| department_as_written(term);
        assert_eq!(
            as_written("org:u.s. department of agriculture").as_deref(),
            Some("org:u.s. agriculture department")
        );
        assert_eq!(
            as_written("department of commerce").as_deref(),
            Some("commerce department")
        );
        assert_eq!(as_written("org:department of police"), None);
        assert_eq!(as_written("org:subdepartment of energy"), None);
    }

    #[test]
    fn the_bank_is_the_article_s_bank() {
        let mut es = vec![
            entity(EntityKind::Organization, "Bank of England"),
            entity(EntityKind::Organization, "The Bank"),
            entity(EntityKind::Organization, "the Bank"),
            entity(EntityKind::Organization, "The Economist"),
            entity(EntityKind::Location, "The Hague"),
        ];
        canonical_names(&mut es);
        let names: Vec<&str> = es.iter().map(|e| e.canonical.as_str()).collect();
        // Nothing longer holds `Economist` or `Hague`: their `The` stays.
        assert_eq!(
            names,
            [
                "Bank of England",
                "Bank of England",
                "Bank of England",
                "The Economist",
                "The Hague"
            ]
        );
    }

    #[test]
    fn a_comma_inside_a_longer_name_is_no_part_of_its_words() {
        let mut es = vec![
            entity(EntityKind::Organization, "Kidder, Peabody and Co"),
            entity(EntityKind::Organization, "Kidder Peabody"),
            entity(EntityKind::Organization, "Kidder"),
            entity(EntityKind::Organization, "Peabody"),
        ];
        canonical_names(&mut es);
        let names: Vec<&str> = es.iter().map(|e| e.canonical.as_str()).collect();
        assert_eq!(names, ["Kidder, Peabody and Co"; 4]);
    }
}
