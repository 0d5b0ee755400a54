//! Behaviour of the whole extractor, one expression family at a time, with
//! the anchoring rules: weekdays either side of the publication date, the
//! January roll-over for "December", leap days, quarters and references.

use jiff::civil::{Date, date};

use super::*;

fn values(text: &str, anchor: Date) -> Vec<(String, String)> {
    extract_dates(text, Some(anchor))
        .into_iter()
        .map(|m| (m.text, m.value))
        .collect()
}

fn one(text: &str, anchor: Date) -> String {
    let v = values(text, anchor);
    assert_eq!(v.len(), 1, "{text:?} gave {v:?}");
    v[0].1.clone()
}

#[test]
fn all_patterns_compile() {
    assert_eq!(
        scan::rule_count(),
        absolute::rules().len() + relative::rules().len()
    );
    assert!(scan::rule_count() >= 30);
}

#[test]
fn no_pattern_asserts_the_end_of_the_text() {
    // A rule's search of a piece stops at the whitespace after its last match (see
    // `scan::read_to`), which only a `$` or `\z` could tell from the piece's end.
    for pattern in scan::rule_patterns() {
        let unescaped = pattern.replace("\\\\", "").replace("\\$", "");
        assert!(
            !unescaped.contains('$') && !unescaped.contains("\\z") && !unescaped.contains("(?m"),
            "{pattern}"
        );
    }
}

#[test]
fn a_rule_read_only_to_the_whitespace_after_its_last_match_finds_what_it_finds_in_the_whole_piece()
{
    let seed = include_str!("../../../corpus/000_feb3187bc183f0b1.txt");
    let mut texts: Vec<String> = vec![
        seed.to_string(),
        "On March 3, 1987, and March 5, 1987, prices rose; in March 1987x, and in 1988".into(),
        "Prices rose in 1987-88 and the 1990s, the best in 12 years, said Mr. May on Friday."
            .into(),
        "À Zürich, le 3 mars 1987 — prices rose on March 3, 1987 in São Paulo.".into(),
    ];
    let reuters = std::path::Path::new("../shared/data/reuters21578/reuters21578.jsonl");
    match std::fs::read_to_string(reuters) {
        Ok(lines) => texts.extend(lines.lines().take(2000).map(str::to_string)),
        Err(_) => eprintln!("SKIPPED the Reuters part: {} is absent", reuters.display()),
    }
    for text in &texts {
        let spans = |bounded| -> Vec<(usize, usize, String)> {
            scan::scan_bounded(text, bounded)
                .into_iter()
                .map(|c| (c.start, c.end, format!("{:?}", c.expr)))
                .collect()
        };
        assert_eq!(spans(true), spans(false), "{text}");
    }
}

#[test]
fn absolute_dates() {
    let a = date(2000, 1, 1);
    assert_eq!(one("It happened on March 3, 1987.", a), "1987-03-03");
    assert_eq!(one("It happened on 3 March 1987.", a), "1987-03-03");
    assert_eq!(one("Filed 1987-03-03 in court.", a), "1987-03-03");
    assert_eq!(one("Prices rose in March 1987.", a), "1987-03");
    assert_eq!(one("Prices rose in 1987.", a), "1987");
    assert_eq!(one("Prices rose in fiscal 1989.", a), "1989");
    assert_eq!(one("Music of the 1990s lives on.", a), "199");
    assert_eq!(one("Music of the '80s lives on.", a), "198");
    assert_eq!(one("In the early 1980s it grew.", a), "198");
    assert_eq!(one("The 20th century was long.", a), "19");
    assert_eq!(one("It was nineteen ninety-six.", a), "1996");
}

#[test]
fn amounts_are_not_years() {
    let a = date(2000, 1, 1);
    assert!(values("It cost $1990 and 1,987 people came; 2001% more.", a).is_empty());
}

#[test]
fn figures_next_to_a_month_in_wire_tables_are_not_years() {
    // Seen in Reuters: a time after the date, prices and volumes after a month, futures
    // contract months (`MAY7`: May 1987) in commodity tables.
    let a = date(1987, 4, 7);
    assert_eq!(
        values("U.S. SPOT PRODUCTS--OUTLOOK--APRIL 07 0930 EST", a),
        [("APRIL 07".to_string(), "1987-04-07".to_string())]
    );
    assert!(
        values(
            "TUNGOIL ex-tank U.K. Stg per tonne Apr/May\n 1100.00 slr",
            a
        )
        .is_empty()
    );
    assert!(
        values(
            "      OPEN    SALES\n MAY7 3307     848\n SEP7 1003     123",
            a
        )
        .is_empty()
    );
    assert!(values("MAY  3014 pct", a).is_empty());
    // Times of day and decimals are not years either.
    for text in [
        "The council meets at 1500 GMT.",
        "Reagan will meet senators at 1115 est/1615 gmt, Dole said.",
        "A sixth session starts at 1700 local time.",
        "Trading ends at 1505 EST.",
        "The mark closed at 1.1573-1589.50 in late trade.",
    ] {
        assert!(values(text, a).is_empty(), "{text}");
    }
    assert_eq!(one("The plant was built in 1893.", a), "1893");
    // Years from 1500 to 2099 still read, and a month abbreviated with a full stop still
    // takes a day written right after it.
    assert_eq!(one("It closed on March 3, 2099.", a), "2099-03-03");
    assert_eq!(one("It closed on 3 May 1500.", a), "1500-05-03");
    assert_eq!(one("Talks ended on Jan.15.", a), "1987-01-15");
}

#[test]
fn figures_after_figures_in_wire_tables_are_not_years() {
    // Seen in Reuters: futures prices from 1500 to 2099 after their contract month, and volumes
    // after prices, read as hundreds of years from 1554 to 2013.
    let a = date(1987, 4, 7);
    for text in [
        "OIL\nMAY7  1554 UP  11\nJUL7  1588 UP  10\nSEP7  1624 UP  13",
        " MAY7  1928 OFF 6\n DEC7  2013 OFF 2",
        "    147.75 147.50 146.25  2000\n Jun    146.75",
        " Phosphor bronze ingots 1490 1510\n Zinc scrap 180 230",
        " JUL7  1585H 1583L  1598 1582 1594L",
    ] {
        assert!(
            values(text, a).is_empty(),
            "{text:?}: {:?}",
            values(text, a)
        );
    }
    // A year after a year (a table's columns), after a fraction (a bond's coupon, a crop year),
    // after a figure on the line before, or after words stays a year.
    assert_eq!(
        values("Production -- 1987     1986\n", a),
        [
            ("1987".to_string(), "1987".to_string()),
            ("1986".to_string(), "1986".to_string())
        ]
    );
    assert_eq!(
        one("Den Danske's 5-3/4 1992 bond was quoted at par.", a),
        "1992"
    );
    let crop_years = values("Stocks were 1986/87 1985/86", a);
    assert_eq!(crop_years[1], ("1985".to_string(), "1985".to_string()));
    assert_eq!(one("Output rose 4.2 pct.\n1986 was a record.", a), "1986");
    assert_eq!(one("Sales fell 12 pct in 1986.", a), "1986");
    assert_eq!(one("Sales rose in Q4 1986.", a), "1986");
    assert_eq!(one("It was the best H1 1986 on record.", a), "1986");
}

#[test]
fn month_day_takes_the_year_from_the_anchor() {
    // The nearest March 3, whatever the tense, when it is close.
    assert_eq!(
        one("The deal closed Mar. 3.", date(1987, 3, 10)),
        "1987-03-03"
    );
    assert_eq!(
        one("The deal closes Mar. 3.", date(1987, 3, 1)),
        "1987-03-03"
    );
    assert_eq!(
        one("Dividends are payable Dec. 15.", date(1989, 11, 2)),
        "1989-12-15"
    );
    // Half a year away, the tense decides: an instance on the side the tense
    // points away from counts five times as far.
    assert_eq!(
        one("The deal closed Aug. 3.", date(1987, 3, 1)),
        "1986-08-03"
    );
    assert_eq!(
        one("The deal will close Aug. 3.", date(1987, 3, 1)),
        "1987-08-03"
    );
    assert_eq!(
        one("The deal will close Jan. 3.", date(1987, 8, 1)),
        "1988-01-03"
    );
    assert_eq!(
        one("The deal closed in October.", date(1998, 1, 8)),
        "1997-10"
    );
    assert_eq!(
        one("The deal will close in December.", date(1998, 6, 4)),
        "1998-12"
    );
}

#[test]
fn a_bare_month_follows_the_tense_up_to_nine_months_away() {
    // A past-tense January in late October is this year's, not the coming one,
    // although the coming January starts only nine weeks ahead.
    assert_eq!(
        one(
            "In January, the club hired a new coach.",
            date(1989, 10, 27)
        ),
        "1989-01"
    );
    // A future-tense December in early March is nine months ahead, not the
    // December that ended nine weeks ago.
    assert_eq!(
        one("The crew will fly a mission in December.", date(1998, 3, 4)),
        "1998-12"
    );
    // Close by, the nearest instance still wins against the tense.
    assert_eq!(
        one(
            "Dividends were declared payable in November.",
            date(1989, 10, 27)
        ),
        "1989-11"
    );
}

#[test]
fn december_rolls_back_a_year_in_january() {
    assert_eq!(one("Sales fell in December.", date(2026, 1, 15)), "2025-12");
    assert_eq!(
        one("Sales fell on Dec. 28.", date(2026, 1, 5)),
        "2025-12-28"
    );
    assert_eq!(
        one("Talks resume on Jan. 4.", date(2025, 12, 29)),
        "2026-01-04"
    );
    assert_eq!(
        one("Sales fell last December.", date(2026, 12, 15)),
        "2025-12"
    );
}

#[test]
fn leap_days() {
    assert_eq!(
        one("It was signed on Feb. 29.", date(2024, 3, 10)),
        "2024-02-29"
    );
    // No Feb. 29 in 2025: the last one before the anchor is in 2024.
    assert_eq!(
        one("It was signed on Feb. 29.", date(2025, 3, 10)),
        "2024-02-29"
    );
    let v = values("It was signed on February 29, 2023.", date(2025, 3, 10));
    assert!(
        v.iter().all(|(_, v)| !v.starts_with("2023-02")),
        "no such day: {v:?}"
    );
}

#[test]
fn weekdays_before_and_after_the_anchor() {
    let monday = date(2026, 3, 2);
    assert_eq!(
        one("The minister resigned on Saturday.", monday),
        "2026-02-28"
    );
    assert_eq!(
        one("The minister will resign on Saturday.", monday),
        "2026-03-07"
    );
    assert_eq!(
        one("The minister resigned on Monday.", monday),
        "2026-03-02"
    );
    assert_eq!(
        one("The minister resigned last Monday.", monday),
        "2026-02-23"
    );
    assert_eq!(one("The vote is next Tuesday.", monday), "2026-03-03");
}

#[test]
fn deictic_days_and_units() {
    let a = date(2026, 3, 2);
    assert_eq!(one("He left yesterday.", a), "2026-03-01");
    assert_eq!(one("He leaves today.", a), "2026-03-02");
    assert_eq!(one("He leaves tomorrow.", date(2026, 2, 28)), "2026-03-01");
    assert_eq!(one("He left last week.", a), "2026-W09");
    assert_eq!(one("He leaves next month.", a), "2026-04");
    assert_eq!(one("He left last year.", date(2026, 1, 1)), "2025");
    assert_eq!(one("It rose earlier this year.", a), "2026");
    assert_eq!(one("He left two years ago.", a), "2024");
    assert_eq!(
        one("He left three months ago.", date(2026, 1, 31)),
        "2025-10"
    );
    assert_eq!(one("He left ten days ago.", a), "2026-02-20");
}

#[test]
fn quarters_seasons_and_weekends() {
    let a = date(1989, 10, 26);
    assert_eq!(one("Profit rose in the third quarter.", a), "1989-Q3");
    assert_eq!(one("Third-quarter profit rose.", a), "1989-Q3");
    assert_eq!(
        one("Profit rose in the third quarter of 1984.", a),
        "1984-Q3"
    );
    assert_eq!(one("Profit rose last quarter.", a), "1989-Q3");
    let v = values(
        "Profit rose in the second quarter. The quarter was good; a year earlier it fell.",
        a,
    );
    let vals: Vec<&str> = v.iter().map(|(_, v)| v.as_str()).collect();
    assert_eq!(vals, ["1989-Q2", "1989-Q2", "1988-Q2"]);
    assert_eq!(one("Sales rose last fall.", date(1998, 2, 6)), "1997-FA");
    assert_eq!(
        one("Sales will rise this summer.", date(1998, 3, 22)),
        "1998-SU"
    );
    assert_eq!(
        one("They met over the weekend.", date(1990, 8, 13)),
        "1990-W32-WE"
    );
}

#[test]
fn references() {
    let a = date(1998, 1, 1);
    assert_eq!(one("Prices are now higher.", a), "PRESENT_REF");
    assert_eq!(one("Prices rose recently.", a), "PAST_REF");
    assert_eq!(one("Prices will rise in the future.", a), "FUTURE_REF");
    assert_eq!(one("It closed several years ago.", a), "PAST_REF");
}

#[test]
fn ranges_follow_the_value() {
    let m = &extract_dates("Sales fell in the third quarter of 1987.", None)[0];
    assert_eq!(m.kind, TimexType::Date);
    assert_eq!(m.range, Some((date(1987, 7, 1), date(1987, 9, 30))));
    assert_eq!(extract_dates("He left recently.", None)[0].range, None);
}

#[test]
fn durations_have_their_type() {
    let m = extract_dates("The war lasted three years.", Some(date(2000, 1, 1)));
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].kind, TimexType::Duration);
    assert_eq!(m[0].value, "P3Y");
    assert!(extract_dates("A 10-year-old boy won.", None).is_empty());
}

#[test]
fn without_anchor_only_self_contained_values() {
    let v: Vec<String> = extract_dates("On Friday, March 3, 1987, and again on Saturday.", None)
        .into_iter()
        .map(|m| m.value)
        .collect();
    assert_eq!(v, ["1987-03-03"]);
}

#[test]
fn spans_are_byte_offsets_of_the_text() {
    let text = "Café owners met — on Saturday — in Zürich.";
    for m in extract_dates(text, Some(date(2026, 3, 2))) {
        assert_eq!(&text[m.start..m.end], m.text);
    }
}

#[test]
fn never_panics_on_odd_input() {
    let a = Some(date(2026, 3, 2));
    for text in [
        "",
        "—",
        "9999-99-99",
        "Dec. 99, 9999",
        "99/99/99",
        "May",
        "the 9990s",
        "the 99th century",
        "0000-01-01",
        "\u{0}\u{ffff}",
        "last 30 centuries ago",
        "Feb. 30",
    ] {
        let _ = extract_dates(text, a);
        let _ = extract_dates(text, Some(Date::MIN));
        let _ = extract_dates(text, Some(Date::MAX));
        let _ = publication_date(text, Some(text));
    }
}

#[test]
fn may_is_a_month_only_where_a_month_fits() {
    let a = date(1998, 3, 22);
    let v = values("Talks may resume in May. May I ask?", a);
    assert_eq!(v, [("May".to_string(), "1998-05".to_string())]);
    assert_eq!(one("Profit will rise by year-end.", a), "1998");
}

#[test]
fn anaphora_follows_the_story() {
    let a = date(1998, 4, 18);
    let v = values("He was elected in 1995 and resigned the following year.", a);
    assert_eq!(v[1].1, "1996");
    let v = values(
        "Net rose in the third quarter of 1989 from $5 a year earlier.",
        a,
    );
    assert_eq!(v[1].1, "1988-Q3");
    let v = values(
        "Net rose in the third quarter. In the year-ago quarter it fell; the quarter was hard.",
        date(1989, 10, 26),
    );
    let vals: Vec<&str> = v.iter().map(|(_, v)| v.as_str()).collect();
    assert_eq!(vals, ["1989-Q3", "1988-Q3", "1989-Q3"]);
}

#[test]
fn names_and_counts_are_not_dates() {
    let a = date(2026, 3, 2);
    for text in [
        "Shoppers queued on Black Friday.",
        "Candidates campaigned before Super Tuesday.",
        "He read USA Today.",
        "About 2000 people marched and 1500 troops stood by.",
        "The city was founded 2000 years ago.",
    ] {
        let v = values(text, a);
        assert!(
            v.iter()
                .all(|(_, v)| !v.starts_with('2') && !v.starts_with('1')),
            "{text}: {v:?}"
        );
    }
    assert_eq!(one("It was built in 1990.", a), "1990");
    assert_eq!(one("He met them on Good Friday, April 3.", a), "2026-04-03");
}

#[test]
fn two_quarters_of_a_year_are_its_half() {
    let a = date(1989, 10, 26);
    assert_eq!(
        one("Sales should recover in the first two quarters of 1990.", a),
        "1990-H1"
    );
    assert_eq!(
        one("Costs rose in the last two quarters of this year.", a),
        "1989-H2"
    );
    // Without a year, the last two quarters are a stretch of time.
    assert_ne!(one("Costs rose in the last two quarters.", a), "1989-H2");
}

#[test]
fn that_day_needs_an_earlier_date() {
    let a = date(2026, 3, 2);
    // With an earlier date, "that day" and "that year" point back to it.
    assert_eq!(
        values(
            "The bridge opened on May 3, 1990. Crowds gathered that day.",
            a
        )[1]
        .1,
        "1990-05-03"
    );
    assert_eq!(
        values("The bridge opened in 1990. Tolls rose that year.", a)[1].1,
        "1990"
    );
    // Without one, it is any day, not the publication date.
    assert!(values("Dealers can lose money on trades made that day.", a).is_empty());
}

#[test]
fn the_quarter_ended_a_day_is_the_calendar_quarter_of_its_middle() {
    let a = date(1989, 10, 30);
    // May to July: mostly the second calendar quarter.
    assert_eq!(
        values("In the quarter ended July 31, the chain sold 900 cars.", a)[0].1,
        "1989-Q2"
    );
    assert_eq!(
        values("Profit rose in the quarter ended Sept. 30.", a)[0].1,
        "1989-Q3"
    );
    // A quarter ended early in January is the last one of the year before.
    assert_eq!(
        values("Sales fell in the quarter ended Jan. 2.", date(1990, 2, 20))[0].1,
        "1989-Q4"
    );
    // A story that has named its fiscal quarter keeps it.
    let v = values(
        "Net rose in the fiscal first quarter. In the quarter ended Sept. 30, sales rose.",
        a,
    );
    assert_eq!(v[1], ("the quarter".to_string(), "1989-Q1".to_string()));
}

#[test]
fn an_acronym_before_a_capitalised_today_is_a_title() {
    let a = date(2026, 3, 2);
    // A programme or paper named "<acronym> Today" is no day ...
    assert!(values("You are listening to BBC Today.", a).is_empty());
    assert!(values("The poll ran in USA Today on Monday.", a).len() == 1);
    // ... but an acronym followed by an ordinary "today" leaves the day alone.
    assert_eq!(
        values("The IMF today cut its forecast.", a),
        [("today".to_string(), "2026-03-02".to_string())]
    );
    assert_eq!(one("Today, the IMF cut its forecast.", a), "2026-03-02");
}

#[test]
fn recurrences_are_sets() {
    let m = extract_dates(
        "The paper is published daily and costs $5 a year.",
        Some(date(2000, 1, 1)),
    );
    let got: Vec<(&str, &str, TimexType)> = m
        .iter()
        .map(|m| (m.text.as_str(), m.value.as_str(), m.kind))
        .collect();
    assert_eq!(
        got,
        [
            ("daily", "P1D", TimexType::Set),
            ("a year", "P1Y", TimexType::Set)
        ]
    );
    // Without an amount before it, "a year" is a length of time.
    assert_eq!(
        extract_dates("He waited a year.", None)[0].kind,
        TimexType::Duration
    );
}

#[test]
fn day_ranges_give_both_days() {
    let v = values("The summit is on April 24 and 25.", date(1999, 2, 10));
    assert_eq!(
        v,
        [
            ("April 24".to_string(), "1999-04-24".to_string()),
            ("25".to_string(), "1999-04-25".to_string())
        ]
    );
    let v = values("Talks ran March 3-5.", date(1999, 3, 10));
    assert_eq!(v[1], ("5".to_string(), "1999-03-05".to_string()));
}

#[test]
fn seasons_straddling_the_new_year() {
    assert_eq!(one("Snow fell this winter.", date(2026, 1, 15)), "2025-WI");
    assert_eq!(one("Snow fell last winter.", date(2026, 6, 15)), "2025-WI");
    assert_eq!(
        one("Snow will fall next winter.", date(2026, 1, 15)),
        "2026-WI"
    );
}

#[test]
fn never_panics_on_shuffled_date_words() {
    // A deterministic stream of date-like tokens glued in odd ways.
    let tokens = [
        "May",
        "Mar.",
        "29",
        "Feb.",
        "2024",
        "last",
        "next",
        "week",
        "the",
        "third",
        "quarter",
        "of",
        "ago",
        "two",
        "years",
        "—",
        "Zürich",
        "’s",
        "\n\n",
        ".",
        ",",
        "-",
        "1990s",
        "'80s",
        "Friday",
        "night",
        "yesterday",
        "fiscal",
        "9999",
        "0000",
        "31",
        "Dec",
        "the following",
        "year",
        "winter",
        "a year earlier",
        "W53",
        "é",
        "9/31/1999",
        "2024-02-30",
        "century",
        "20th",
        "now",
        "recent weeks",
        "$",
        "%",
        "USA",
        "Today",
        "Black",
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let anchors = [
        Some(date(2026, 3, 2)),
        Some(Date::MIN),
        Some(Date::MAX),
        Some(date(2024, 2, 29)),
        None,
    ];
    for round in 0..400 {
        let mut text = String::new();
        for _ in 0..12 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            text.push_str(tokens[(state % tokens.len() as u64) as usize]);
            if !state.is_multiple_of(3) {
                text.push(' ');
            }
        }
        for m in extract_dates(&text, anchors[round % anchors.len()]) {
            assert_eq!(&text[m.start..m.end], m.text);
            assert!(m.start < m.end);
        }
        let _ = publication_date(&text, Some(&text));
    }
}

#[test]
fn previous_and_following_weekdays_count_from_the_story() {
    let a = date(1989, 10, 30);
    let v = values(
        "The index fell on Oct. 27, after rising the previous Friday.",
        a,
    );
    assert_eq!(v[1].1, "1989-10-20");
    let v = values("He arrived Oct. 25 and left the following Monday.", a);
    assert_eq!(v[1].1, "1989-10-30");
}

#[test]
fn numeric_dates() {
    let a = date(2026, 1, 1);
    assert_eq!(one("Filed 3/4/2026.", a), "2026-03-04");
    assert_eq!(one("Filed 25/12/2026.", a), "2026-12-25");
    assert_eq!(one("Filed 03.11.2026 in Berlin.", a), "2026-11-03");
    assert!(
        values("Filed 13/13/2026.", a)
            .iter()
            .all(|(_, v)| v.len() != 10)
    );
}

#[test]
fn december_in_a_january_story_is_last_december() {
    // Published 2027-01-05: "in December" is the one just past.
    assert_eq!(
        one("Exports fell in December.", date(2027, 1, 5)),
        "2026-12"
    );
    assert_eq!(
        one("Exports fell on Dec. 31.", date(2027, 1, 5)),
        "2026-12-31"
    );
    // ... unless the sentence points ahead and December is near.
    assert_eq!(
        one("Exports will recover by December.", date(2027, 11, 20)),
        "2027-12"
    );
}

#[test]
fn leap_days_in_2028_and_in_common_years() {
    // 2028 is a leap year: Feb. 29 exists, with or without the year.
    assert_eq!(
        one("The law took effect on Feb. 29.", date(2028, 3, 10)),
        "2028-02-29"
    );
    assert_eq!(
        one(
            "The law took effect on February 29, 2028.",
            date(2028, 3, 10)
        ),
        "2028-02-29"
    );
    assert_eq!(
        one("The law takes effect on Feb. 29.", date(2027, 12, 1)),
        "2028-02-29"
    );
    // 2027 is not: no 2027-02-29 and no panic; the nearest real one is taken.
    let v = values("The law took effect on Feb. 29.", date(2027, 3, 10));
    assert_eq!(v, [("Feb. 29".to_string(), "2028-02-29".to_string())]);
    let v = values("It happened on February 29, 2027.", date(2027, 3, 10));
    assert!(v.iter().all(|(_, v)| v != "2027-02-29"), "{v:?}");
    assert!(extract_dates("Feb. 29 and 2027-02-29", Some(date(2027, 1, 1))).len() <= 2);
}

#[test]
fn saturday_before_a_monday_story() {
    // Monday 2 March 2026: "on Saturday" is two days earlier.
    let m = &extract_dates(
        "Police said the suspect was arrested on Saturday.",
        Some(date(2026, 3, 2)),
    )[0];
    assert_eq!(m.text, "Saturday");
    assert_eq!(m.value, "2026-02-28");
    assert_eq!(m.range, Some((date(2026, 2, 28), date(2026, 2, 28))));
    // The same word in a future sentence is the coming Saturday.
    assert_eq!(
        one(
            "The suspect will appear in court on Saturday.",
            date(2026, 3, 2)
        ),
        "2026-03-07"
    );
}

#[test]
fn weekdays_named_by_their_events_are_past() {
    // Thursday 6 Jan 2000: "Wednesday's ruling" happened, even in a future sentence.
    assert_eq!(
        one(
            "They will look for ways to overturn Wednesday's ruling.",
            date(2000, 1, 6)
        ),
        "2000-01-05"
    );
    assert_eq!(
        one("They will challenge Thursday's ruling.", date(2000, 1, 6)),
        "2000-01-06"
    );
}

#[test]
fn tense_from_auxiliaries_and_since() {
    // "named" is a participle of "will be": the sentence is future.
    assert_eq!(
        one(
            "She will be named commander for a mission in November.",
            date(1998, 3, 4)
        ),
        "1998-11"
    );
    // "since" points back.
    assert_eq!(
        one(
            "Police have searched for him since the Oct. 23 attack.",
            date(1999, 5, 6)
        ),
        "1998-10-23"
    );
}

#[test]
fn times_of_day_on_a_day_are_type_time() {
    let a = date(1989, 11, 2);
    let m = &extract_dates("The offer expires at 5 p.m. EST Nov. 9, it said.", Some(a))[0];
    assert_eq!(m.text, "5 p.m. EST Nov. 9");
    assert_eq!(m.value, "1989-11-09T17:00");
    assert_eq!(m.kind, TimexType::Time);
    assert_eq!(m.range, Some((date(1989, 11, 9), date(1989, 11, 9))));
    // Monday 3 April 2000.
    let a = date(2000, 4, 3);
    let m = &extract_dates("They have until 9 a.m. Tuesday to sign.", Some(a))[0];
    assert_eq!(
        (m.text.as_str(), m.value.as_str()),
        ("9 a.m. Tuesday", "2000-04-04T09:00")
    );
    let m = &extract_dates("Talks broke off at noon Saturday.", Some(a))[0];
    assert_eq!(m.value, "2000-04-01T12:00");
    let m = &extract_dates(
        "The vote will be on Tuesday at 7:30 p.m. in the hall.",
        Some(a),
    )[0];
    assert_eq!(
        (m.text.as_str(), m.value.as_str()),
        ("Tuesday at 7:30 p.m.", "2000-04-04T19:30")
    );
    let m = &extract_dates("The offer expired at midnight Friday.", Some(a))[0];
    assert_eq!(m.value, "2000-03-31T24:00");
    // A part of the day stays a date.
    assert_eq!(one("They met Sunday night.", a), "2000-04-02");
}

#[test]
fn general_references() {
    let a = date(1989, 10, 30);
    assert_eq!(one("In the past, it considered a bid.", a), "PAST_REF");
    assert!(
        values("Sales doubled in the past two years.", a)
            .iter()
            .all(|(_, v)| v != "PAST_REF")
    );
    assert_eq!(
        one("Because of current market conditions, it waited.", a),
        "PRESENT_REF"
    );
    assert_eq!(
        one("Holders may buy at 50% of the then current price.", a),
        "PAST_REF"
    );
    assert!(values("The current account deficit widened.", a).is_empty());
    assert!(values("He works to reassure today's youth.", a).is_empty());
    assert!(values("They will stay for the foreseeable future.", a).is_empty());
}

#[test]
fn the_year_and_year_ago_comparisons() {
    let a = date(1989, 10, 30);
    let v = values("Its stock hit a high for the year in June.", a);
    assert_eq!(v[0], ("the year".to_string(), "1989".to_string()));
    // "the year ended March 31" is a twelve-month period, not a date.
    assert!(
        values("Revenue was $76 million for the year ended March 31.", a)
            .iter()
            .all(|(t, _)| t != "the year")
    );
    let v = values(
        "Net rose in the third quarter, compared with year-earlier net of $3 million.",
        a,
    );
    assert_eq!(v[1], ("year-earlier".to_string(), "1988-Q3".to_string()));
    assert_eq!(one("Year-ago results were restated.", a), "1988");
    // wsj_0904: a span of nine months, not a date.
    let found = extract_dates(
        "Net for the year-earlier nine months also included a gain of $9.7 million.",
        Some(a),
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].text, "year-earlier nine months");
    assert_eq!(found[0].value, "P9M");
    assert_eq!(found[0].kind, TimexType::Duration);
    assert_eq!(one("Profit will rise in the fiscal year.", a), "1989");
    assert!(values("It changed from a fiscal year to a calendar year.", a).is_empty());
}

#[test]
fn weeks_halves_and_compounds() {
    let a = date(2000, 2, 24);
    assert_eq!(
        one("A hearing is set for the week of March 6.", a),
        "2000-W10"
    );
    assert_eq!(
        one(
            "Sales were flat in the last half of the '80s.",
            date(1989, 10, 26)
        ),
        "198"
    );
    assert!(
        values(
            "The quarter-to-quarter comparison improved.",
            date(1989, 11, 1)
        )
        .is_empty()
    );
    assert!(values("Unemployment is near its quarter-century low.", a).is_empty());
}

#[test]
fn lengths_and_recurrences_are_not_dates() {
    let a = date(1999, 4, 19);
    let m = extract_dates(
        "A jogger saw the car ten days before the shooting.",
        Some(a),
    );
    assert_eq!(m.len(), 1);
    assert_eq!(
        (m[0].text.as_str(), m[0].kind),
        ("ten days", TimexType::Duration)
    );
    let m = extract_dates("Prices may fall in the coming weeks.", Some(a));
    assert_eq!(
        (m[0].value.as_str(), m[0].kind),
        ("PXW", TimexType::Duration)
    );
    let m = extract_dates("A flight leaves each Thursday.", Some(a));
    assert_eq!(
        (m[0].value.as_str(), m[0].kind),
        ("XXXX-WXX-4", TimexType::Set)
    );
    assert!(
        values("Their secrets are more than two thousand years old.", a)
            .iter()
            .all(|(_, v)| v != "2000")
    );
}

#[test]
fn names_that_look_like_dates() {
    let a = date(1999, 1, 22);
    assert!(
        values(
            "He marched in the annual March for Life on Capitol Hill.",
            a
        )
        .is_empty()
    );
    assert_eq!(
        one(
            "He stepped down in March for health reasons.",
            date(1999, 11, 2)
        ),
        "1999-03"
    );
    assert!(values("Baker spoke on ABC's \"This Week\" program.", a).is_empty());
}

#[test]
fn a_year_earlier_after_a_longer_span_is_the_year() {
    let a = date(2003, 11, 4);
    let v = values(
        "The brewer said third-quarter net rose 8% from a year earlier. \
         For the nine months, net was $40 million, up from $31 million a year earlier.",
        a,
    );
    let vals: Vec<&str> = v.iter().map(|(_, v)| v.as_str()).collect();
    assert_eq!(vals, ["2003-Q3", "2002-Q3", "P9M", "2002"]);
    // Back to the quarter: comparisons are quarters again.
    let v = values(
        "In the first half, sales were flat. In the third quarter they rose from a year ago.",
        a,
    );
    assert_eq!(v.last().unwrap().1, "2002-Q3");
    let v = values(
        "Third-quarter profit doubled. In the six months, profit was $9 million, \
         against $7 million in the 2002 period.",
        a,
    );
    assert_eq!(
        v.last().unwrap(),
        &("the 2002 period".to_string(), "2002".to_string())
    );
}

#[test]
fn a_quarter_brought_in_with_a_is_not_the_story_period() {
    let a = date(2003, 11, 4);
    let v = values(
        "The chain posted higher third-quarter sales. After a weak second quarter, \
         margins in the latest period were wider than a year ago.",
        a,
    );
    let vals: Vec<&str> = v.iter().map(|(_, v)| v.as_str()).collect();
    assert_eq!(vals, ["2003-Q3", "2003-Q2", "2003-Q3", "2002-Q3"]);
}

#[test]
fn a_fiscal_quarter_reported_in_the_past_is_the_story_period() {
    // A fiscal fourth quarter reported in early November is over, though the
    // calendar's fourth quarter is not.
    let a = date(2003, 11, 4);
    let v = values(
        "The retailer reported a 30% drop in fourth-quarter earnings. \
         Sales in the latest period fell from a year earlier.",
        a,
    );
    let vals: Vec<&str> = v.iter().map(|(_, v)| v.as_str()).collect();
    assert_eq!(vals, ["2003-Q4", "2003-Q4", "2002-Q4"]);
    // A forecast is not: "the quarter" stays the last finished one.
    let v = values(
        "The company expects a fourth-quarter charge. Sales in the latest period rose.",
        a,
    );
    assert_eq!(v.last().unwrap().1, "2003-Q3");
}

#[test]
fn election_day_is_the_tuesday_after_the_first_monday_of_november() {
    assert_eq!(
        one(
            "Both parties are campaigning hard before Election Day.",
            date(2010, 10, 20)
        ),
        "2010-11-02"
    );
    // November 2011 starts on a Tuesday: Election Day is the 8th, not the 1st.
    assert_eq!(
        one("Turnout was low on Election Day.", date(2011, 11, 20)),
        "2011-11-08"
    );
}

#[test]
fn every_month_is_a_yearly_set() {
    let found = extract_dates("The festival returns each August.", Some(date(2012, 5, 1)));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].value, "XXXX-08");
    assert_eq!(found[0].kind, TimexType::Set);
}

#[test]
fn the_past_decade_is_a_span_up_to_now() {
    let found = extract_dates(
        "Prices have tripled over the past decade.",
        Some(date(2015, 6, 1)),
    );
    assert_eq!(found[0].value, "P10Y");
    assert_eq!(found[0].kind, TimexType::Duration);
    // "the last decade" keeps its calendar reading.
    assert_eq!(
        one("Prices tripled in the last decade.", date(2015, 6, 1)),
        "200"
    );
}

#[test]
fn plural_parts_of_weekdays_are_weekly_sets() {
    let found = extract_dates(
        "The ferry sails on Friday and Saturday nights in summer.",
        Some(date(2019, 4, 2)),
    );
    assert_eq!(found[0].text, "Friday and Saturday nights");
    assert_eq!(found[0].value, "XXXX-WXX-6TNI");
    assert_eq!(found[0].kind, TimexType::Set);
}

#[test]
fn the_future_of_something_is_its_fate() {
    let a = date(1998, 2, 13);
    assert!(values("That is very important to the future of our peoples.", a).is_empty());
    assert_eq!(
        one("Air strikes may continue well into the future.", a),
        "FUTURE_REF"
    );
}

#[test]
fn tomorrow_after_of_is_the_future_in_general() {
    let a = date(1989, 11, 2);
    assert!(
        values(
            "\"If I were choosing the people of tomorrow, I would have chosen these,\" he said.",
            a
        )
        .is_empty()
    );
    assert_eq!(one("The vote is tomorrow.", a), "1989-11-03");
    assert_eq!(one("The lockout will end as of tomorrow.", a), "1989-11-03");
    assert_eq!(
        one("Dealers squared positions ahead of tomorrow's talks.", a),
        "1989-11-03"
    );
    assert_eq!(
        one("The world leaders of tomorrow's summit arrived.", a),
        "1989-11-03"
    );
}

#[test]
fn most_recently_before_a_date_leaves_the_date() {
    let a = date(1999, 2, 6);
    let v = values(
        "Doctors on the list were killed, most recently last October when Dr. Slepian was shot.",
        a,
    );
    assert_eq!(v, vec![("last October".to_string(), "1998-10".to_string())]);
    assert_eq!(
        one("The party recently took 13 percent of the vote.", a),
        "PAST_REF"
    );
    assert_eq!(one("Most recently, it has grown.", a), "PAST_REF");
    assert_eq!(
        one(
            "It retaliated eight times, most recently in the case of semiconductors.",
            a
        ),
        "PAST_REF"
    );
}

#[test]
fn until_opening_a_past_perfect_sentence_looks_back() {
    // Friday 7 May 1999 (APW19990507.0207).
    let a = date(1999, 5, 7);
    assert_eq!(
        one("Until Thursday, they had not called Kopp a suspect.", a),
        "1999-05-06"
    );
    // "until" otherwise points ahead.
    assert_eq!(one("The offer runs until Thursday.", a), "1999-05-13");
    assert_eq!(
        one("They had extended the offer until Thursday.", a),
        "1999-05-13"
    );
}

#[test]
fn this_quarter_in_a_results_story_is_the_reported_quarter() {
    let a = date(1989, 11, 1);
    // wsj_0344.
    let v = values(
        "Net sales for this year's third quarter were $14 million. This quarter's loss includes pretax charges.",
        a,
    );
    assert_eq!(v[1], ("This quarter".to_string(), "1989-Q3".to_string()));
    // Looking ahead, or with no quarter reported, it is the current quarter.
    assert_eq!(
        one("The company expects a profit this quarter.", a),
        "1989-Q4"
    );
    let v = values(
        "Net sales for this year's third quarter were $14 million. It will break even this quarter.",
        a,
    );
    assert_eq!(v[1].1, "1989-Q4");
    // A quarter still to come is no report: "this quarter" is the current one.
    let v = values(
        "Growth slowed in the second quarter. Output rose at a 3.3 pct rate this quarter.",
        date(1987, 3, 2),
    );
    assert_eq!(v[1].1, "1987-Q1");
}

#[test]
fn moments_and_terms_after_a_preposition_are_references() {
    let a = date(1990, 8, 15);
    // AP900815-0044.
    assert_eq!(
        one("He would not be traveling at this crucial moment.", a),
        "PRESENT_REF"
    );
    // wsj_0584.
    assert_eq!(
        one("It would placate some LIN holders in the short term.", a),
        "FUTURE_REF"
    );
    assert!(values("Rates rose in the short term debt market.", a).is_empty());
    assert!(values("He was captured in this moment of crisis.", a).is_empty());
    // wsj_0981.
    assert_eq!(
        one(
            "It will arrange financing through bank borrowings at a later date.",
            a
        ),
        "FUTURE_REF"
    );
}

#[test]
fn the_day_before_a_weekday_is_one_day_earlier() {
    // Thursday 24 February 2000 (NYT20000224.0173).
    let a = date(2000, 2, 24);
    let found = extract_dates(
        "The day before last Tuesday's federal court hearing, Manuel went to Lazaro's home.",
        Some(a),
    );
    assert_eq!(found[0].text, "The day before last Tuesday");
    assert_eq!(found[0].value, "2000-02-21");
    assert_eq!(
        one("They met the day after Monday's vote.", a),
        "2000-02-22"
    );
}

#[test]
fn in_so_many_years_ahead_is_a_date() {
    let a = date(1989, 11, 2);
    // wsj_0157.
    let found = extract_dates(
        "The stock would be redeemed in five years, subject to terms of the debt.",
        Some(a),
    );
    assert_eq!(found[0].text, "five years");
    assert_eq!(found[0].value, "1994");
    assert_eq!(found[0].kind, TimexType::Date);
    assert_eq!(one("The plant will open in 10 days.", a), "1989-11-12");
    // Looking back, or vague, it is a length of time.
    let found = extract_dates("Spending rose 0.2%, the smallest gain in a year.", Some(a));
    assert_eq!(found[0].value, "P1Y");
    assert_eq!(found[0].kind, TimexType::Duration);
    for text in [
        "Taiwan would have no sugar to export for the first time in 40 years.",
        "It will be the worst drought in 26 years.",
        "It plans to issue 150 mln dlrs in 15 year convertible stock.",
    ] {
        assert!(
            extract_dates(text, Some(a))
                .iter()
                .all(|m| m.kind != TimexType::Date),
            "{text}"
        );
    }
    assert!(
        extract_dates("You may, in a year or two, save more lives.", Some(a))
            .iter()
            .all(|m| m.kind != TimexType::Date)
    );
}

#[test]
fn expressions_that_carry_their_value_resolve_alike_in_every_tense() {
    use anchor::{Context, Setting, needs_tense, resolve};
    use tense::Tense;
    let seed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/corpus/000_feb3187bc183f0b1.txt"
    ))
    .unwrap();
    let text = format!(
        "{seed}\nOn March 3, 1987, now, for three years, weekly, in the first half of 1987, in \
         the summer of 1986, the third quarter of 1987, in the 1990s, 1987-03-03, next \
         week, in the first half, last summer, on Tuesday."
    );
    let anchor = Some(date(1987, 3, 1));
    // A context with a quarter named and one without: `note` reads the tense only for quarters.
    let mut quarter_named = Context::default();
    for cand in scan::scan("Profits rose in the first quarter of 1987.") {
        let value = resolve(&cand.expr, anchor, Tense::Past, &quarter_named).unwrap();
        let setting = Setting {
            tense: Tense::Past,
            indefinite: false,
        };
        quarter_named.note(&cand.expr, &value, anchor, setting);
    }
    let (mut tenseless, mut tensed) = (0, 0);
    for cand in scan::scan(&text) {
        if needs_tense(&cand.expr) {
            tensed += 1;
            continue;
        }
        tenseless += 1;
        for ctx in [Context::default(), quarter_named.clone()] {
            let remembered = |tense| {
                let value = resolve(&cand.expr, anchor, tense, &ctx);
                let mut after = ctx.clone();
                if let Some(value) = &value {
                    let setting = Setting {
                        tense,
                        indefinite: false,
                    };
                    after.note(&cand.expr, value, anchor, setting);
                }
                format!("{value:?} {after:?}")
            };
            let unknown = remembered(Tense::Unknown);
            for tense in [Tense::Past, Tense::Present, Tense::Future] {
                assert_eq!(remembered(tense), unknown, "{:?}", cand.expr);
            }
        }
    }
    // The text has both kinds, so the test checks something.
    assert!(tenseless >= 6 && tensed >= 3, "{tenseless} {tensed}");
}
