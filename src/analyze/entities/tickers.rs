//! Stock tickers. Reuters follows a company's name with its ticker between angle brackets
//! (`Merrill Lynch and Co Inc <MER>`, `British Petroleum Co Plc <BP.L>`), and the bracket rule
//! ([`super::brackets`]) makes a name standing alone between brackets a company: so each ticker
//! was a company of its own, 228 lines of the known-item Reuters listing (`MER` in 32
//! articles, `INTC` in 14, `EFH`), beside the name it marks. A ticker written just after a
//! company's name is that company, as an acronym written after a name is the name it
//! abbreviates ([`super::acronyms`]); the index keeps that the article wrote it so, for a
//! filter by the ticker to find the company's articles.

use super::recognizer::Entity;
use super::tags::EntityKind;
use std::ops::Range;

/// The longest ticker looked at (`RENA.PA`, `PARI.PA`).
const MAX_LETTERS: usize = 8;

/// Whether `text[start..end]` reads as a ticker: a word of capitals, with digits, dots or
/// hyphens, alone between angle brackets.
pub(crate) fn is_ticker(text: &str, start: usize, end: usize) -> bool {
    let word = &text[start..end];
    (1..=MAX_LETTERS).contains(&word.len())
        && word.starts_with(|c: char| c.is_ascii_uppercase())
        && word
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || matches!(b, b'.' | b'-'))
        && text[..start].ends_with('<')
        && text[end..].starts_with('>')
}

/// The bytes of the ticker written just after a name that ends at byte `end` of `text`: after
/// spaces and line breaks, with the name's possessive (`Inc's <MER>`) or the bracket that
/// closes a bracketed name (`<Seiko Epson Corp> <SEK>`) before them.
fn ticker_after(text: &str, end: usize) -> Option<Range<usize>> {
    let rest = &text[end..];
    let rest = rest
        .strip_prefix("'s")
        .or_else(|| rest.strip_prefix("’s"))
        .or_else(|| rest.strip_prefix('>'))
        .unwrap_or(rest);
    let inside = rest.trim_start().strip_prefix('<')?;
    let len = inside
        .bytes()
        .take(MAX_LETTERS + 1)
        .position(|b| b == b'>')?;
    let start = text.len() - inside.len();
    is_ticker(text, start, start + len).then_some(start..start + len)
}

/// Resolves the ticker written after each organisation's name among `entities` (one article's,
/// in order, canonical names filled in) to that name, as an organisation; one the model did not
/// take for a name becomes one.
pub(crate) fn resolve_tickers(text: &str, entities: &mut Vec<Entity>) {
    let mut i = 0;
    while i < entities.len() {
        let name = &entities[i];
        i += 1;
        if name.kind != EntityKind::Organization {
            continue;
        }
        let Some(ticker) = ticker_after(text, name.end) else {
            continue;
        };
        let canonical = name.canonical.clone();
        match entities.get_mut(i) {
            Some(next) if (next.start, next.end) == (ticker.start, ticker.end) => {
                next.kind = EntityKind::Organization;
                next.canonical = canonical;
            }
            // Another name over the brackets is left as it is.
            Some(next) if next.start < ticker.end => continue,
            _ => entities.insert(
                i,
                Entity {
                    kind: EntityKind::Organization,
                    text: text[ticker.clone()].to_string(),
                    start: ticker.start,
                    end: ticker.end,
                    canonical,
                },
            ),
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityKind::*;

    /// The canonical names and kinds of `mentions` once the tickers are resolved.
    fn resolved(text: &str, mentions: &[(EntityKind, &str, usize)]) -> Vec<(String, EntityKind)> {
        Entity::resolved_by(text, mentions, |entities| resolve_tickers(text, entities))
    }

    #[test]
    fn a_ticker_after_a_company_s_name_is_that_company() {
        let text = "Merrill Lynch and Co Inc <MER> and E.F. Hutton Group\nInc's <EFH> led it, \
                    with <Seiko Epson Corp> <SEK> and BP <BP.L>.";
        let names = resolved(
            text,
            &[
                (Organization, "Merrill Lynch and Co Inc", 0),
                (Organization, "MER", 0),
                (Organization, "E.F. Hutton Group\nInc", 0),
                (Person, "EFH", 0),
                (Organization, "Seiko Epson Corp", 0),
                (Organization, "SEK", 0),
                (Organization, "BP", 0),
                (Location, "BP.L", 0),
            ],
        );
        let kinds_and_names: Vec<(&str, EntityKind)> =
            names.iter().map(|(n, k)| (n.as_str(), *k)).collect();
        assert_eq!(
            kinds_and_names,
            [
                ("Merrill Lynch and Co Inc", Organization),
                ("Merrill Lynch and Co Inc", Organization),
                ("E.F. Hutton Group\nInc", Organization),
                ("E.F. Hutton Group\nInc", Organization),
                ("Seiko Epson Corp", Organization),
                ("Seiko Epson Corp", Organization),
                ("BP", Organization),
                ("BP", Organization),
            ]
        );
    }

    #[test]
    fn a_ticker_the_model_missed_after_a_company_s_name_is_found() {
        let text = "Acme Corp <ACM.N> and Beta Inc's <BET> said, as did <Gamma> <G>.";
        let names = resolved(
            text,
            &[
                (Organization, "Acme Corp", 0),
                (Organization, "Beta Inc", 0),
            ],
        );
        let acme = ("Acme Corp".to_string(), Organization);
        let beta = ("Beta Inc".to_string(), Organization);
        assert_eq!(names, [acme.clone(), acme, beta.clone(), beta]);
        let mut entities = vec![Entity::nth_in(text, Organization, "Beta Inc", 0)];
        resolve_tickers(text, &mut entities);
        assert_eq!(&text[entities[1].start..entities[1].end], "BET");
        assert_eq!(entities[1].text, "BET");
    }

    #[test]
    fn a_ticker_stays_itself_where_no_company_s_name_comes_just_before() {
        for (text, mentions) in [
            // Words between the name and the bracket.
            (
                "Acme Corp said <ACM> shares rose.",
                [(Organization, "Acme Corp", 0), (Organization, "ACM", 0)],
            ),
            // A person's name before it.
            (
                "John Smith <JS> said so.",
                [(Person, "John Smith", 0), (Organization, "JS", 0)],
            ),
            // No brackets: an acronym, not a ticker.
            (
                "Acme Corp (AC) said so.",
                [(Organization, "Acme Corp", 0), (Organization, "AC", 0)],
            ),
            // A bracketed name of lower-case letters is no ticker.
            (
                "Acme Corp <Beta> said so.",
                [(Organization, "Acme Corp", 0), (Organization, "Beta", 0)],
            ),
        ] {
            let names = resolved(text, &mentions);
            assert_eq!(names[1].0, mentions[1].1, "{text}");
            assert_eq!(names[1].1, mentions[1].0, "{text}");
        }
    }
}
