//! Absolute date expressions: the ones that name their calendar period
//! outright or need only a year from the anchor — `March 3, 1987`,
//! `3 March 1987`, `1987-03-03`, `Mar. 3`, `March 1987`, `1987`, `fiscal 1989`,
//! `the 1990s`, `the 20th century`, `nineteen ninety-six`.

use jiff::civil::Date;
use regex::Captures;

use super::expr::{Builder, Expr, Rule, group};
use super::lexicon::{self, MONTH, ORDINAL_WORD, SPELLED_YEAR, WEEKDAY};
use super::timex::TimexValue;

/// Nouns that make a four-digit number a count ("2000 people", "1500
/// troops", "2000 years ago") rather than a year.
const COUNTED: &str = "people|persons|troops|soldiers|workers|employees|jobs|shares|students|members|cases|deaths|dead|votes|units|vehicles|cars|homes|houses|tons|tonnes|barrels|miles|feet|meters|metres|kilometers|kilometres|km|acres|hectares|pounds|dollars|euros|yen|points|residents|refugees|prisoners|children|women|men|patients|companies|firms|stores|flights|passengers|officers|police|policemen|families|villages|pages|words|copies|calories|megawatts|lives|casualties|marines|sailors|rebels|protesters|demonstrators|delegates|seats|beds|doctors|teachers|farmers|hostages|civilians|fans|users|customers|visitors|tourists|migrants|victims|ballots|degrees|percent|hours|minutes|seconds|days|weeks|months|years|cents|bushels|contracts|head|lb|lbs|kg|mln|billion|million|crore|lakh";

/// Time zones and the like that make a four-digit number a time of day ("1500 GMT", "1115
/// est/1615 gmt", "1700 local time"), as wire copy writes times.
const CLOCK: &str =
    r"gmt|utc|est|edt|cst|cdt|mst|mdt|pst|pdt|bst|cet|cest|jst|hkt|sgt|local\s+time|hrs";

/// A four-digit year as the rules read one: 1500 to 2099. A number outside that range next to a
/// month is something else in news: a time (`APRIL 07 0930 EST`), a price (`Apr/May 1100.00`), a
/// figure in a table (`MAY7 3307`).
const YEAR: &str = r"1[5-9]\d\d|20\d\d";

/// The rules of this family, compiled by the caller once.
pub(super) fn rules() -> Vec<Rule> {
    let day = format!(r"(?P<d>\d{{1,2}}(?:st|nd|rd|th)?|(?i:{ORDINAL_WORD}))");
    let specs: Vec<(String, Builder)> = vec![
        (r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b".into(), ymd),
        (
            r"\b(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d{2})\b".into(),
            ymd,
        ),
        // Day first with dots, as in much of Europe: 03.11.2026.
        (
            r"\b(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})\b".into(),
            ymd,
        ),
        (
            format!(
                r"\b(?:{WEEKDAY},?\s+)?(?P<mon>{MONTH})(?:\s+|\b){day}\b(?:,?\s+(?P<y>{YEAR})\b)?"
            ),
            month_day,
        ),
        (
            format!(
                r"\b(?:{WEEKDAY},?\s+)?(?:the\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{MONTH})(?:,?\s+(?P<y>{YEAR}))?\b"
            ),
            month_day,
        ),
        // The second day of "April 24 and 25", "March 3-5".
        (
            format!(
                r"\b(?P<mon>{MONTH})(?:\s+|\b)\d{{1,2}}(?:st|nd|rd|th)?\s*(?:-|–|and|to|through|or)\s*(?P<mention>(?P<d>\d{{1,2}}))(?:st|nd|rd|th)?\b"
            ),
            month_day,
        ),
        (
            format!(r"\b(?P<mon>{MONTH}),?\s+(?:of\s+)?(?P<y>{YEAR})\b"),
            month_year,
        ),
        (
            format!(r"\b(?P<mon>{MONTH}),?\s+(?:of\s+)?(?P<sy>(?i:{SPELLED_YEAR}))\b"),
            month_year,
        ),
    ];
    let year_rule = Rule::new(
        &format!(r"\b(?:(?P<fiscal>(?i:fiscal(?:\s+year)?|the\s+year|calendar(?:\s+year)?))\s+)?(?P<y>{YEAR})\b(?:\s+(?P<count>(?i:{COUNTED}))\b|\s*(?P<clock>(?i:{CLOCK}))\b|(?P<decimal>\.\d))?"),
        year,
    )
    .rejecting_after(after_a_figure);
    let after: Vec<(String, Builder)> = vec![
        (
            format!(r"\b(?:(?i:the\s+year)\s+)?(?P<sy>(?i:{SPELLED_YEAR}))\b(?:\s+(?P<count>(?i:{COUNTED}))\b)?"),
            year,
        ),
        (r"\b(?:(?i:the)\s+)?(?P<dec>1\d\d|20\d)0'?s\b".into(), decade),
        (r"(?:\b(?i:the)\s+)?'(?P<yy>\d)0s\b".into(), decade),
        (
            r"\b(?i:the\s+)?(?P<word>(?i:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b".into(),
            decade,
        ),
        (
            format!(r"\b(?:(?i:the)\s+)?(?P<n>\d{{1,2}}(?:st|nd|rd|th)|(?i:{ORDINAL_WORD}))[- ](?i:century)\b"),
            century,
        ),
    ];
    let mut rules: Vec<Rule> = specs.into_iter().map(|(p, b)| Rule::new(&p, b)).collect();
    rules.push(year_rule);
    rules.extend(after.into_iter().map(|(p, b)| Rule::new(&p, b)));
    rules
}

/// Whether the text before a bare four-digit number (`mention`) ends with a figure on the same
/// line (`OCT7 1642`, `1458 UP 8 SEP7 1624`, `146.25  2000`, `1583L 1598` with a price's high,
/// low, bid or ask mark): the number is then a price or a quantity in a table of them, not a
/// year. Wire copy's commodity and market tables gave hundreds of "mentions" of years from 1500
/// to 1900. A year after the year before or after it is still one (a table's columns: `1987
/// 1986`, where prices run `1598 1582`), and so is one after a fraction (a bond's coupon, `5-3/4
/// 1992 bond`, or a crop year, `1986/87 1985/86`) or after a quarter or half (`Q4 1987`).
fn after_a_figure(before: &str, mention: &str) -> bool {
    let trimmed = before.trim_end_matches([' ', '\t']);
    if trimmed.len() == before.len() {
        return false;
    }
    let figure = trimmed
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or(trimmed);
    // A price's mark (`1583L`, `1640B`) makes the figure a price whatever its digits.
    if let Some(price) = figure.strip_suffix(['A', 'B', 'H', 'L'])
        && !price.is_empty()
        && price.bytes().all(|b| b.is_ascii_digit() || b == b'.')
    {
        return true;
    }
    if !figure.ends_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let next_to = |year: u16| {
        let this: Option<u16> = mention.trim().parse().ok();
        this.is_some_and(|this| this.abs_diff(year) == 1)
    };
    let year_beside = figure.len() == 4
        && matches!(figure.parse::<u16>(), Ok(year @ 1500..=2099) if next_to(year));
    let period = matches!(figure, "Q1" | "Q2" | "Q3" | "Q4" | "H1" | "H2");
    !year_beside && !period && !figure.contains('/')
}

fn two_digit_year(y: &str) -> Option<i16> {
    let n: i16 = y.parse().ok()?;
    Some(match y.len() {
        2 if n < 50 => 2000 + n,
        2 => 1900 + n,
        _ => n,
    })
}

/// A numeric date. Slashes are read month first (US style) unless the first
/// number cannot be a month (`25/12/2026`).
fn ymd(c: &Captures) -> Option<Expr> {
    let y = two_digit_year(group(c, "y")?)?;
    let mut m: i8 = group(c, "m")?.parse().ok()?;
    let mut d: i8 = group(c, "d")?.parse().ok()?;
    if m > 12 && d <= 12 {
        std::mem::swap(&mut m, &mut d);
    }
    Some(Expr::Fixed(TimexValue::Day(Date::new(y, m, d).ok()?)))
}

fn month_day(c: &Captures) -> Option<Expr> {
    let month = lexicon::month(group(c, "mon")?)?;
    let day = i8::try_from(lexicon::number(group(c, "d")?)?).ok()?;
    if !(1..=31).contains(&day) {
        return None;
    }
    match group(c, "y") {
        Some(y) => Some(Expr::Fixed(TimexValue::Day(
            Date::new(y.parse().ok()?, month, day).ok()?,
        ))),
        // 29 is the longest February, so a leap day stays possible here.
        None => Date::new(2000, month, day)
            .ok()
            .map(|_| Expr::MonthDay { month, day }),
    }
}

fn month_year(c: &Captures) -> Option<Expr> {
    let month = lexicon::month(group(c, "mon")?)?;
    let year = match (group(c, "y"), group(c, "sy")) {
        (Some(y), _) => y.parse().ok()?,
        (None, Some(sy)) => lexicon::spelled_year(sy)?,
        _ => return None,
    };
    Some(Expr::Fixed(TimexValue::Month { year, month }))
}

fn year(c: &Captures) -> Option<Expr> {
    // A count ("1500 tonnes"), a time of day ("1500 GMT"), a decimal ("1589.50").
    if ["count", "clock", "decimal"]
        .iter()
        .any(|name| group(c, name).is_some())
    {
        return None;
    }
    let year = match (group(c, "y"), group(c, "sy")) {
        (Some(y), _) => y.parse().ok()?,
        (None, Some(sy)) => lexicon::spelled_year(sy)?,
        _ => return None,
    };
    Some(Expr::Fixed(TimexValue::Year(year)))
}

fn decade(c: &Captures) -> Option<Expr> {
    let d: i16 = if let Some(d) = group(c, "dec") {
        d.parse().ok()?
    } else if let Some(yy) = group(c, "yy") {
        190 + yy.parse::<i16>().ok()?
    } else {
        let w = group(c, "word")?.to_ascii_lowercase();
        let words = [
            "twenties",
            "thirties",
            "forties",
            "fifties",
            "sixties",
            "seventies",
            "eighties",
            "nineties",
        ];
        192 + i16::try_from(words.iter().position(|x| *x == w)?).ok()?
    };
    Some(Expr::Fixed(TimexValue::Decade(d)))
}

fn century(c: &Captures) -> Option<Expr> {
    let n = lexicon::number(group(c, "n")?)?;
    if !(1..=30).contains(&n) {
        return None;
    }
    Some(Expr::Fixed(TimexValue::Century(i16::try_from(n - 1).ok()?)))
}
