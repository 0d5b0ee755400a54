//! The publication date of an article when its metadata has none: from a
//! wire-service dateline (`WASHINGTON, March 3 (Reuters) -`,
//! `NEW YORK, Feb 26 -`), from a full date at the top of the article or in a
//! byline (`Published March 3, 1987`), or from the file name
//! (`2026-11-25-slug.md`, `20261125_story.txt`). The result records which
//! of these it came from, so the index can say how sure it is.

use std::collections::HashMap;
use std::sync::OnceLock;

use jiff::civil::Date;
use regex::Regex;
use serde::{Deserialize, Serialize};

use super::lexicon::{self, MONTH};
use super::timex::TimexValue;

/// Where a publication date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateSource {
    /// The article's own metadata (front matter, a feed's date field).
    Metadata,
    /// A wire-service dateline at the start of the story.
    Dateline,
    /// A full date at the top of the article or in its byline.
    Text,
    /// The file name.
    Filename,
    /// Nowhere: the article has no known publication date.
    None,
}

/// How far into the text a dateline or a top-of-article date may start.
const HEAD: usize = 600;

fn dateline_re() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            r"(?m)^[ \t]*[A-Z][A-Za-z.'\-]*(?:[ \t]+[A-Z][A-Za-z.'\-]*){{0,3}}(?:,[ \t]*[A-Z][A-Za-z.'\-]*(?:[ \t]+[A-Z][A-Za-z.'\-]*){{0,2}})?,[ \t]+(?P<mon>{MONTH})[ \t]*(?P<d>\d{{1,2}})(?:,?[ \t]+(?P<y>\d{{4}}))?[ \t]*(?:\([A-Za-z \-]+\)[ \t]*)?(?:-|--|–|—)"
        ))
        .ok()
    })
    .as_ref()
}

fn filename_re() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?:^|\D)(?P<y>(?:19|20)\d\d)[-_.]?(?P<m>[01]\d)[-_.]?(?P<d>[0-3]\d)(?:\D|$)")
            .ok()
    })
    .as_ref()
}

fn year_re() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"\b(?:19|20)\d\d\b").ok())
        .as_ref()
}

/// The publication date found in `text` or `file_name`, and where it was found.
///
/// Tried in order: a dateline (its year from the dateline itself, else the
/// file name, else the year the text mentions most), a full date at the top
/// of the text, the file name. A dateline with no year anywhere is skipped;
/// use [`publication_date_with_year`] to supply one.
pub fn publication_date(text: &str, file_name: Option<&str>) -> Option<(Date, DateSource)> {
    publication_date_with_year(text, file_name, None)
}

/// Like [`publication_date`], with `fallback_year` for a dateline that names
/// only a month and day when neither the file name nor the text gives a year.
pub fn publication_date_with_year(
    text: &str,
    file_name: Option<&str>,
    fallback_year: Option<i16>,
) -> Option<(Date, DateSource)> {
    let from_file = file_name.and_then(date_from_file_name);
    let head = &text[..floor_boundary(text, HEAD)];
    if let Some(caps) = dateline_re().and_then(|re| re.captures(head)) {
        let month = caps.name("mon").and_then(|m| lexicon::month(m.as_str()));
        let day = caps.name("d").and_then(|d| d.as_str().parse::<i8>().ok());
        let year = caps
            .name("y")
            .and_then(|y| y.as_str().parse::<i16>().ok())
            .or(from_file.map(|d| d.year()))
            .or_else(|| most_mentioned_year(text))
            .or(fallback_year);
        if let (Some(m), Some(d), Some(y)) = (month, day, year)
            && let Ok(date) = Date::new(y, m, d)
        {
            return Some((date, DateSource::Dateline));
        }
    }
    let top = super::extract_dates(head, None)
        .into_iter()
        .find_map(|m| match m.value.parse() {
            Ok(TimexValue::Day(d)) => Some(d),
            _ => None,
        });
    if let Some(date) = top {
        return Some((date, DateSource::Text));
    }
    from_file.map(|d| (d, DateSource::Filename))
}

/// The publication date to use for an article: `metadata` when present,
/// else what [`publication_date`] finds, else `(None, DateSource::None)`.
pub fn resolve_publication_date(
    metadata: Option<Date>,
    text: &str,
    file_name: Option<&str>,
) -> (Option<Date>, DateSource) {
    if let Some(date) = metadata {
        return (Some(date), DateSource::Metadata);
    }
    match publication_date(text, file_name) {
        Some((date, source)) => (Some(date), source),
        None => (None, DateSource::None),
    }
}

/// A date in a file name: `2026-11-25-slug.md`, `20261125_story.txt`,
/// `reports/2026_11_25.html` (only the last path component is read).
fn date_from_file_name(name: &str) -> Option<Date> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let caps = filename_re()?.captures(base)?;
    let y = caps.name("y")?.as_str().parse().ok()?;
    let m = caps.name("m")?.as_str().parse().ok()?;
    let d = caps.name("d")?.as_str().parse().ok()?;
    Date::new(y, m, d).ok()
}

/// The year the text mentions most often (the latest on a tie).
fn most_mentioned_year(text: &str) -> Option<i16> {
    let mut counts: HashMap<i16, usize> = HashMap::new();
    for m in year_re()?.find_iter(text) {
        if let Ok(y) = m.as_str().parse::<i16>() {
            *counts.entry(y).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(y, n)| (n, y))
        .map(|(y, _)| y)
}

fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn reuters_dateline_takes_its_year_from_the_file_name() {
        let text = "WASHINGTON, March 3 (Reuters) - The Treasury said...";
        assert_eq!(
            publication_date(text, Some("1987-03-04-treasury.txt")),
            Some((date(1987, 3, 3), DateSource::Dateline))
        );
    }

    #[test]
    fn dateline_without_agency_and_year_from_text() {
        let text = "NEW YORK, Feb 26 - Shares rose. Profit in 1986 was up, and 1987 looks better than 1986.";
        assert_eq!(
            publication_date(text, None),
            Some((date(1986, 2, 26), DateSource::Dateline))
        );
        let bare = "NEW YORK, Feb 26 - Shares rose.";
        assert_eq!(publication_date(bare, None), None);
        assert_eq!(
            publication_date_with_year(bare, None, Some(1987)),
            Some((date(1987, 2, 26), DateSource::Dateline))
        );
    }

    #[test]
    fn byline_date_and_file_name() {
        let text = "By Jane Doe\nPublished March 3, 2026\n\nThe council met.";
        assert_eq!(
            publication_date(text, None),
            Some((date(2026, 3, 3), DateSource::Text))
        );
        assert_eq!(
            publication_date("No date here.", Some("corpus/20261125_budget.txt")),
            Some((date(2026, 11, 25), DateSource::Filename))
        );
        assert_eq!(
            publication_date("No date here.", Some("2026-11-25-slug.md")),
            Some((date(2026, 11, 25), DateSource::Filename))
        );
        assert_eq!(
            publication_date("No date here.", Some("2026-13-45-slug.md")),
            None
        );
    }

    #[test]
    fn metadata_comes_first_and_none_is_recorded() {
        assert_eq!(
            resolve_publication_date(
                Some(date(2020, 1, 2)),
                "WASHINGTON, March 3, 1987 - x",
                None
            ),
            (Some(date(2020, 1, 2)), DateSource::Metadata)
        );
        assert_eq!(
            resolve_publication_date(None, "Nothing.", None),
            (None, DateSource::None)
        );
    }
}
