//! The publication date of an article when its metadata has none: from a
//! wire-service dateline (`WASHINGTON, March 3 (Reuters) -`,
//! `NEW YORK, Feb 26 -`), from a full date at the top of the article or in a
//! byline (`Published March 3, 1987`), or from the file name
//! (`2026-11-25-slug.md`, `20261125_story.txt`). The result records which
//! of these it came from, so the index can say how sure it is.

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

impl DateSource {
    /// The lower-case name, as in JSON: `metadata`, `dateline`, `text`, `filename`, `none`.
    pub fn label(self) -> &'static str {
        match self {
            DateSource::Metadata => "metadata",
            DateSource::Dateline => "dateline",
            DateSource::Text => "text",
            DateSource::Filename => "filename",
            DateSource::None => "none",
        }
    }

    /// Parses a name written by [`DateSource::label`].
    pub fn from_label(label: &str) -> Option<DateSource> {
        [
            DateSource::Metadata,
            DateSource::Dateline,
            DateSource::Text,
            DateSource::Filename,
            DateSource::None,
        ]
        .into_iter()
        .find(|s| s.label() == label)
    }
}

/// How far into the text a dateline or a top-of-article date may start.
const HEAD: usize = 600;

fn dateline_re() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            r"(?m)^[ \t]*[A-Z][A-Za-z.'\-]*(?:[ \t]+[A-Z][A-Za-z.'\-]*){{0,3}}(?:,?[ \t]*[A-Z][A-Za-z.'\-]*(?:[ \t]+[A-Z][A-Za-z.'\-]*){{0,2}},?)?,?[ \t]+(?:-[ \t]+)?(?:(?P<mon>{MONTH})[ \t]*(?P<d>\d{{1,2}})|(?P<d2>\d{{1,2}})[ \t]+(?P<mon2>{MONTH}))(?:,?[ \t]+(?P<y>\d{{4}}))?[ \t]*(?:,?[ \t]*\(?(?:Reuters?|AP|AFP|UPI|Xinhua|[A-Z][A-Za-z]+[ \t]+News)\)?[ \t]*)?(?:-|--|–|—|_)"
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

/// The publication date found in `text` or `file_name`, and where it was found.
///
/// Tried in order: a dateline (its year from the dateline itself, else the
/// file name, else a full date in the text on the dateline's day), a full
/// date at the top of the text, the file name. A dateline whose year cannot
/// be found is skipped rather than guessed — stories mention earlier years
/// more than their own (on Reuters-21578 the year mentioned most is the
/// story's year in under a quarter of the stories) — so use
/// [`publication_date_with_year`] to supply one.
pub fn publication_date(text: &str, file_name: Option<&str>) -> Option<(Date, DateSource)> {
    publication_date_with_year(text, file_name, None)
}

/// Like [`publication_date`], with `fallback_year` (the collection's year,
/// the file's modification year…) for a dateline that names only a month and
/// day when neither the file name nor the text gives its year.
pub fn publication_date_with_year(
    text: &str,
    file_name: Option<&str>,
    fallback_year: Option<i16>,
) -> Option<(Date, DateSource)> {
    let from_file = file_name.and_then(date_from_file_name);
    let head = &text[..floor_boundary(text, HEAD)];
    if let Some(caps) = dateline_re().and_then(|re| re.captures(head)) {
        let month = caps
            .name("mon")
            .or(caps.name("mon2"))
            .and_then(|m| lexicon::month(m.as_str()));
        let day = caps
            .name("d")
            .or(caps.name("d2"))
            .and_then(|d| d.as_str().parse::<i8>().ok());
        let year = caps
            .name("y")
            .and_then(|y| y.as_str().parse::<i16>().ok())
            .or(from_file.map(|d| d.year()))
            .or_else(|| year_of_day_in_text(text, month?, day?))
            .or(fallback_year);
        if let (Some(m), Some(d), Some(y)) = (month, day, year)
            && let Ok(date) = Date::new(y, m, d)
        {
            return Some((date, DateSource::Dateline));
        }
        if month.is_some() && day.is_some() {
            // The story's day is known but not its year: another date near the top (a record
            // date, a comparison with last year) would give a wrong day, so none is better.
            return None;
        }
    }
    let top = super::extract_dates(head, None)
        .into_iter()
        .filter(|m| is_date_line(head, m.start, m.end))
        .find_map(|m| match m.value.parse() {
            Ok(TimexValue::Day(d)) => Some(d),
            _ => None,
        });
    if let Some(date) = top {
        return Some((date, DateSource::Text));
    }
    from_file.map(|d| (d, DateSource::Filename))
}

/// Words besides the date that a date line may hold ("Published", "By Jane Doe |", "Updated
/// 10:30"), so that a date in the running text ("expects a vote on January 30, 2026") is not
/// taken for the article's own.
const DATE_LINE_WORDS: usize = 5;

/// Whether the date at bytes `start..end` stands on a line of its own or with few other words,
/// or on a line that labels it as the article's (`Published …`, `Updated …`, `By …`).
fn is_date_line(text: &str, start: usize, end: usize) -> bool {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let others = text[line_start..start].split_whitespace().count()
        + text[end..line_end].split_whitespace().count();
    if others <= DATE_LINE_WORDS {
        return true;
    }
    let lower = text[line_start..line_end].trim_start().to_lowercase();
    ["published", "updated", "posted", "dated", "date:", "by "]
        .iter()
        .any(|label| lower.starts_with(label))
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

fn full_date_re() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            r"\b(?P<mon>{MONTH})[ \t]*(?P<d>\d{{1,2}}),?\s+(?P<y>(?:19|20)\d\d)\b"
        ))
        .ok()
    })
    .as_ref()
}

/// The year of a full date in the text that falls on `month` and `day`
/// ("… said in a statement dated March 9, 1987").
fn year_of_day_in_text(text: &str, month: i8, day: i8) -> Option<i16> {
    full_date_re()?.captures_iter(text).find_map(|c| {
        let m = lexicon::month(c.name("mon")?.as_str())?;
        let d: i8 = c.name("d")?.as_str().parse().ok()?;
        (m == month && d == day)
            .then(|| c.name("y")?.as_str().parse().ok())
            .flatten()
    })
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
        // Other years in the story do not date it.
        let text = "NEW YORK, Feb 26 - Shares rose. Profit in 1986 was up on 1985.";
        assert_eq!(publication_date(text, None), None);
        let text =
            "LONDON, March 9 - The bank said in a statement dated March 9, 1987 that rates held.";
        assert_eq!(
            publication_date(text, None),
            Some((date(1987, 3, 9), DateSource::Dateline))
        );
        let bare = "NEW YORK, Feb 26 - Shares rose.";
        assert_eq!(publication_date(bare, None), None);
        assert_eq!(
            publication_date_with_year(bare, None, Some(1987)),
            Some((date(1987, 2, 26), DateSource::Dateline))
        );
    }

    #[test]
    fn dateline_variants() {
        let cases = [
            ("RICHMOND, Va. Feb 26 - Talks.", (2, 26)),
            ("AMSTERDAM, 2 March - Talks.", (3, 2)),
            ("JOHANNESBURG March 13 - Talks.", (3, 13)),
            ("OKLAHOMA CITY, Okla. March 11, Reuter - Talks.", (3, 11)),
            ("CAMBRIDGE, Mass., March 24 - Talks.", (3, 24)),
        ];
        for (text, (m, d)) in cases {
            assert_eq!(
                publication_date_with_year(text, None, Some(1987)),
                Some((date(1987, m, d), DateSource::Dateline)),
                "{text}"
            );
        }
        assert_eq!(
            publication_date_with_year("The vote is on March 3 - or later.", None, Some(1987)),
            None
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
        // A date in the running text is not the article's own: the file name wins.
        let sentence = "Budget talks resume\n\nThe council resumed budget talks on Thursday and \
                        expects a vote on January 30, 2026, officials said.";
        assert_eq!(
            publication_date(sentence, Some("2026-01-15-budget.txt")),
            Some((date(2026, 1, 15), DateSource::Filename))
        );
        assert_eq!(publication_date(sentence, None), None);
        // A dateline without a year and no full date on its day: undated, not a nearby date.
        let yearless = "SALVADOR, Jan 20 - Arrivals in the week ended\nJanuary 18, 1986 rose.";
        assert_eq!(publication_date(yearless, None), None);
        let labelled = "Published on the city's website and in print on Thursday, January 15, \
                        2026, by the council's press office\n\nThe council met.";
        assert_eq!(
            publication_date(labelled, None),
            Some((date(2026, 1, 15), DateSource::Text))
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
