//! The words dates are made of: month and weekday names, number words,
//! ordinals, spelled-out years and calendar units, as regular-expression
//! fragments for the pattern files and as lookups from a matched word to
//! its meaning.
//!
//! Month and weekday names are matched only when capitalised (`March`,
//! `MARCH`, `Mar.`), so the verb "march" and the modal "may" stay out; the
//! other words match in any case.

use jiff::civil::Weekday;

/// Month names and abbreviations, capitalised or upper case.
pub(super) const MONTH: &str = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT|SEP|OCT|NOV|DEC)\.?)";

/// Weekday names, capitalised or upper case.
pub(super) const WEEKDAY: &str = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY)";

/// A cardinal number, in digits or words (up to ninety-nine), or `a`/`an`.
pub(super) const NUMBER: &str = r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)";

/// A vague quantity: "several", "a few", "many", "some".
pub(super) const VAGUE: &str = r"(?:several|a\s+few|few|many|some|a\s+couple\s+of|a\s+number\s+of)";

/// A day-of-month ordinal in words, for "March eighth".
pub(super) const ORDINAL_WORD: &str = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirtieth|thirty[- ]first)";

/// A year spelled out as people say it: "nineteen ninety-six", "two thousand one".
pub(super) const SPELLED_YEAR: &str = r"(?:(?:nineteen|eighteen|twenty)[- ](?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|oh[- ](?:one|two|three|four|five|six|seven|eight|nine))|two\s+thousand(?:\s+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty))?)";

/// A calendar unit that can be counted or shifted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unit {
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// The ISO 8601 duration designator for `n` of this unit.
    pub(super) fn duration(self, n: i32) -> String {
        match self {
            Unit::Day => format!("P{n}D"),
            Unit::Week => format!("P{n}W"),
            Unit::Month => format!("P{n}M"),
            Unit::Quarter => format!("P{}M", n * 3),
            Unit::Year => format!("P{n}Y"),
            Unit::Decade => format!("P{}Y", n * 10),
            Unit::Century => format!("P{}Y", n * 100),
        }
    }
}

/// The unit a word names ("weeks", "year", "decade").
pub(super) fn unit(word: &str) -> Option<Unit> {
    let w = word.to_ascii_lowercase();
    let w = w.trim_end_matches('s');
    Some(match w {
        "day" => Unit::Day,
        "week" => Unit::Week,
        "month" => Unit::Month,
        "quarter" => Unit::Quarter,
        "year" => Unit::Year,
        "decade" => Unit::Decade,
        "century" | "centurie" => Unit::Century,
        _ => return None,
    })
}

/// The month number (1–12) a month name or abbreviation names.
pub(super) fn month(word: &str) -> Option<i8> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    let prefix = w.get(..3)?;
    Some(match prefix {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    })
}

/// The weekday a weekday name names.
pub(super) fn weekday(word: &str) -> Option<Weekday> {
    let w = word.to_ascii_lowercase();
    Some(match w.get(..3)? {
        "mon" => Weekday::Monday,
        "tue" => Weekday::Tuesday,
        "wed" => Weekday::Wednesday,
        "thu" => Weekday::Thursday,
        "fri" => Weekday::Friday,
        "sat" => Weekday::Saturday,
        "sun" => Weekday::Sunday,
        _ => return None,
    })
}

fn small_word(w: &str) -> Option<i32> {
    Some(match w {
        "a" | "an" | "one" | "first" => 1,
        "two" | "second" => 2,
        "three" | "third" => 3,
        "four" | "fourth" => 4,
        "five" | "fifth" => 5,
        "six" | "sixth" => 6,
        "seven" | "seventh" => 7,
        "eight" | "eighth" => 8,
        "nine" | "ninth" => 9,
        "ten" | "tenth" => 10,
        "eleven" | "eleventh" => 11,
        "twelve" | "twelfth" => 12,
        "thirteen" | "thirteenth" => 13,
        "fourteen" | "fourteenth" => 14,
        "fifteen" | "fifteenth" => 15,
        "sixteen" | "sixteenth" => 16,
        "seventeen" | "seventeenth" => 17,
        "eighteen" | "eighteenth" => 18,
        "nineteen" | "nineteenth" => 19,
        "twenty" | "twentieth" => 20,
        "thirty" | "thirtieth" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "oh" => 0,
        _ => return None,
    })
}

/// The value of a cardinal or ordinal in digits or words ("3", "three",
/// "twenty-one", "third", "8th").
pub(super) fn number(text: &str) -> Option<i32> {
    let t = text.trim().to_ascii_lowercase();
    let digits = t.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        return digits.parse().ok();
    }
    let mut total = 0;
    for part in t
        .split(|c: char| c == '-' || c.is_whitespace())
        .filter(|p| !p.is_empty())
    {
        total += small_word(part)?;
    }
    Some(total)
}

/// The year a spelled-out year names ("nineteen ninety-six" → 1996,
/// "two thousand one" → 2001).
pub(super) fn spelled_year(text: &str) -> Option<i16> {
    let t = text.to_ascii_lowercase();
    let words: Vec<&str> = t
        .split(|c: char| c == '-' || c.is_whitespace())
        .filter(|p| !p.is_empty())
        .collect();
    if words.first() == Some(&"two") && words.get(1) == Some(&"thousand") {
        let rest: i32 = words[2..]
            .iter()
            .filter(|w| **w != "and")
            .map(|w| small_word(w))
            .sum::<Option<i32>>()?;
        return i16::try_from(2000 + rest).ok();
    }
    let hundreds = small_word(words.first()?)?;
    let rest: i32 = words[1..]
        .iter()
        .map(|w| small_word(w))
        .sum::<Option<i32>>()?;
    i16::try_from(hundreds * 100 + rest).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_have_meanings() {
        assert_eq!(month("Sept."), Some(9));
        assert_eq!(month("MAY"), Some(5));
        assert_eq!(month("Ma"), None);
        assert_eq!(weekday("Saturday"), Some(Weekday::Saturday));
        assert_eq!(number("twenty-one"), Some(21));
        assert_eq!(number("8th"), Some(8));
        assert_eq!(number("eighth"), Some(8));
        assert_eq!(number("a"), Some(1));
        assert_eq!(number("lots"), None);
        assert_eq!(spelled_year("nineteen ninety-six"), Some(1996));
        assert_eq!(spelled_year("two thousand"), Some(2000));
        assert_eq!(spelled_year("two thousand and one"), Some(2001));
        assert_eq!(unit("Years"), Some(Unit::Year));
        assert_eq!(Unit::Quarter.duration(2), "P6M");
    }
}
