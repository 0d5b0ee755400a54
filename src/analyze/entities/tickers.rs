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
/// take for a name becomes one. One pass, the mentions moved into a new list (inserting each
/// missed ticker in place would cost a text of many tickers the square of its mentions).
pub(crate) fn resolve_tickers(text: &str, entities: &mut Vec<Entity>) {
    // A ticker the model missed, as a mention of the name it follows.
    let mention = |ticker: Range<usize>, canonical: String| Entity {
        kind: EntityKind::Organization,
        text: text[ticker.clone()].to_string(),
        start: ticker.start,
        end: ticker.end,
        canonical,
    };
    let mut resolved = Vec::with_capacity(entities.len());
    // The ticker after the last organisation's name, with the name, until the next mention.
    let mut pending: Option<(Range<usize>, String)> = None;
    for mut entity in std::mem::take(entities) {
        let mut is_ticker = false;
        if let Some((ticker, canonical)) = pending.take() {
            if (entity.start, entity.end) == (ticker.start, ticker.end) {
                entity.kind = EntityKind::Organization;
                entity.canonical = canonical;
                is_ticker = true;
            } else if entity.start >= ticker.end {
                resolved.push(mention(ticker, canonical));
            }
            // Another name over the brackets is left as it is.
        }
        if !is_ticker && entity.kind == EntityKind::Organization {
            pending = ticker_after(text, entity.end).map(|t| (t, entity.canonical.clone()));
        }
        resolved.push(entity);
    }
    if let Some((ticker, canonical)) = pending {
        resolved.push(mention(ticker, canonical));
    }
    *entities = resolved;
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
    fn a_text_of_many_missed_tickers_is_read_in_one_pass() {
        let text = "Acme Corp <ACM> and ".repeat(20_000);
        let mut entities: Vec<Entity> = text
            .match_indices("Acme Corp")
            .map(|(start, name)| Entity {
                kind: Organization,
                text: name.to_string(),
                start,
                end: start + name.len(),
                canonical: name.to_string(),
            })
            .collect();
        resolve_tickers(&text, &mut entities);
        assert_eq!(entities.len(), 40_000);
        assert!(entities.windows(2).all(|w| w[0].end <= w[1].start));
        assert!(entities.iter().skip(1).step_by(2).all(|e| e.text == "ACM"));
        assert!(entities.iter().all(|e| e.canonical == "Acme Corp"));
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
