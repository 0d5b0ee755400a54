//! Relative date expressions: the ones whose value depends on the
//! publication date (the anchor) — `Saturday`, `last Friday`, `yesterday`,
//! `last week`, `next month`, `two years ago`, `the third quarter`,
//! `last fall`, `the weekend`, `Thanksgiving`, `now`, `recently`.
//!
//! This file only recognises them; `anchor` gives them their value.

use regex::Captures;

use super::expr::{Builder, Expr, Holiday, Rule, Shift, group, shift};
use super::lexicon::{self, MONTH, NUMBER, Unit, VAGUE, WEEKDAY};
use super::timex::{Reference, Season};

/// Full month names only: a bare "Jan" or "Mar" is too often something else.
const MONTH_FULL: &str = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)";

const QUARTER_ORD: &str = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)";

/// The rules of this family, compiled by the caller once.
pub(super) fn rules() -> Vec<Rule> {
    let specs: Vec<(String, Builder)> = vec![
        (
            r"(?i)(?:\b(?P<of>(?:people|world|leaders|generations?|workers|workforce|jobs|technolog(?:y|ies)|industries|cities|schools|children|citizens|cars|homes|society|economy)\s+of)\s+)?\b(?P<mention>(?P<title>(?-i:[A-Z]{2,}\s+Today))\b|(?:(?P<name>(?-i:USA|Marketplace|Tomorrow's))\s+)?(?:the\s+day\s+(?P<ba>before|after)\s+)?(?P<w>today|tonight|yesterday|tomorrow)\b(?P<generic>'s\s+(?:world|youth|society|generation|children|kids|young|culture|economy|standards|technology|personal|modern))?)(?P<poss>'s\b)?".into(),
            day_offset,
        ),
        (
            r"(?i)\b(?P<sh>this\s+past|this\s+coming|the\s+past|the\s+last|the\s+previous|the\s+next|the\s+coming|the\s+current|last|next|this|current|previous|coming|past)\s+(?P<u>week|month|year|quarter|decade|century)\b".into(),
            unit_offset,
        ),
        (
            r"(?i)\b(?P<sh>this\s+past|this\s+coming|this|last|next|the|that|coming)\s+weekend\b".into(),
            weekend,
        ),
        (
            format!(r"\b(?P<mention>(?:(?P<ba>(?i:the\s+day\s+(?:before|after)))\s+)?(?:(?P<name>Black|Good|Ash|Super|Cyber|Bloody|Easter|Palm|Holy|Giving|Fat|Maundy|Shrove|Man|Girl)\s+)?(?:(?P<sh>(?i:this\s+past|this\s+coming|the\s+previous|the\s+following|last|next|this|coming))\s+)?(?P<wd>{WEEKDAY})(?:\s+(?i:morning|afternoon|evening|night))?\b)(?P<poss>'s\b)?"),
            weekday,
        ),
        (
            format!(r"\b(?P<mention>(?:(?P<sh>(?i:this\s+past|this\s+coming|last|next|this|coming))\s+)?(?P<mon>{MONTH_FULL})\b(?:\s+(?P<rel>(?i:this|last|next))\s+(?i:year))?)(?P<noun>\s+(?:for|of\s+the)\s+[A-Z])?"),
            month,
        ),
        (
            r"\b(?i:in|since|until|till|by|of|from|through|during|before|after|early|late|mid-?|between|and)\s+(?P<mention>(?P<mon>May|MAY))\b(?:\s+(?P<rel>(?i:this|last|next))\s+(?i:year))?".into(),
            month_after_preposition,
        ),
        (
            r"(?i)\b(?:(?:the|this|last|next)\s+)?(?:year-end|year\s+end|year's\s+end|end\s+of\s+the\s+year)\b".into(),
            year_end,
        ),
        (
            format!(r"(?i)\b(?P<mention>(?:(?:nearly|almost|about|roughly|some|more\s+than|less\s+than|over|just|only|at\s+least)\s+)?(?P<n>{NUMBER}|{VAGUE})\s+(?P<u>days?|weeks?|months?|years?|decades?|centuries|century)\s+(?:or\s+so\s+)?(?P<dir>ago|earlier|before|from\s+now|hence)\b)(?P<clause>\s+(?:the|a|an|his|her|its|their|he|she|it|they|we|I|you|[a-z]+ing)\b)?"),
            ago,
        ),
        (
            format!(r"(?i)\b(?:(?P<poss>this\s+year's|last\s+year's|next\s+year's|the|this)\s+)?(?:(?:fiscal\s+)?(?P<y1>\d{{4}})\s+)?(?:(?:fiscal|flat|latest|current)[- ])?(?P<q>{QUARTER_ORD})[- ](?:fiscal[- ])?quarter\b(?:\s+of\s+(?:(?:fiscal|the\s+fiscal\s+year)\s+)?(?:(?P<y2>\d{{4}})|(?P<rel>this|last|next)\s+year)\b)?"),
            quarter,
        ),
        (
            r"(?i)\b(?:(?P<poss>this\s+year's|last\s+year's|next\s+year's|the)\s+)?(?:(?:fiscal\s+)?(?P<y1>\d{4})\s+)?(?P<h>first|second|1st|2nd|last|latter)(?:[- ]half|(?P<quarters>\s+two\s+quarters))\b(?:\s+of\s+(?:(?:fiscal|the\s+fiscal\s+year)\s+)?(?:(?P<y2>\d{4})|(?P<rel>this|last|next)\s+year)\b|\s+of\s+the\s+(?:fiscal\s+)?year\b|(?P<other>\s+of\s+(?:the|this|that|its)\b))?".into(),
            half,
        ),
        (
            format!(r"(?i)\b(?P<mention>(?:the|that|its)\s+(?:latest\s+|most\s+recent\s+|recent\s+|same\s+)?(?:fiscal\s+)?(?P<q>quarter|period)\b(?P<compound>-[a-z])?(?P<ago>\s+a\s+year\s+(?:ago|earlier))?)(?:,?\s+(?:that\s+)?(?:ended|ending)\s+(?P<emon>{MONTH})\s*(?P<eday>\d{{1,2}})\b)?"),
            reporting_quarter,
        ),
        (
            r"(?i)\b(?:the\s+)?(?:comparable\s+|same\s+|corresponding\s+)?year-(?:ago|earlier)\s+(?:(?:first|second|third|fourth)[- ])?(?:quarter|period)\b|\b(?:the\s+)?(?:corresponding|comparable|same)\s+(?:quarter|period)\s+(?:of\s+)?last\s+year\b|\blast\s+year's\s+(?:quarter|period)\b".into(),
            year_ago_quarter,
        ),
        (r"(?i)\bthe\s+(?P<n>\d{4})\s+(?:fiscal\s+)?(?:quarter|period)\b".into(), year_period),
        (
            r"(?i)\b(?:the\s+(?P<f>following|next|previous|prior)|(?P<that>that|that\s+same|the\s+same))\s+(?P<u>day|week|month|year)\b".into(),
            following,
        ),
        (
            r"(?i)\b(?:(?:the|its|this)\s+(?:current\s+|latest\s+|full\s+)?|(?:current|latest)\s+)fiscal\s+year\b(?P<ended>\s+(?:ended|ending))?|\bthe\s+full\s+year\b".into(),
            fiscal_year,
        ),
        (
            format!(r"(?i)\b(?:(?P<sh>this\s+past|this\s+coming|last|next|this|the|early|late|mid|mid-)\s*)?(?P<s>spring|summer|fall|autumn|winter)\b(?:\s+of\s+(?P<y>\d{{4}}|{})|\s+(?P<y2>\d{{4}}))?", lexicon::SPELLED_YEAR),
            season,
        ),
        (
            r"\b(?:(?P<sh>(?i:last|next|this))\s+)?(?P<h>Christmas(?:\s+(?:Day|Eve))?|New\s+Year's\s+(?:Day|Eve)|Thanksgiving(?:\s+Day)?|Independence\s+Day|Halloween|Valentine's\s+Day|Labor\s+Day|Memorial\s+Day|Election\s+Day)\b".into(),
            holiday,
        ),
        (r"(?i)\b(?P<sh>this|the\s+next|next|last|the\s+last)\s+century\b".into(), century_offset),
        (
            r"(?i)\b(?:right\s+now|now|currently|these\s+days|nowadays|at\s+present|at\s+the\s+moment)\b".into(),
            present_ref,
        ),
        (
            format!(r"(?i)(?:\b(?P<most>most)\s+)?\b(?P<mention>(?:more\s+)?(?:recently|lately)\b|recent\s+years\b|past\s+years\b)(?P<date>,?\s+(?:(?:on|in)\s+)?(?:(?:last|this)\s+[a-z]+|yesterday|today|\d{{4}}|(?-i:{WEEKDAY}|{MONTH}))\b)?"),
            past_ref,
        ),
        (
            r"(?i)\b(?P<mention>(?P<future>the\s+future)|the\s+(?:near\s+|distant\s+)future|future\s+quarters|(?:the\s+)?coming\s+quarters|the\s+near\s+term)\b(?P<of>\s+of\b)?".into(),
            future_ref,
        ),
        (
            r"(?i)\b(?P<prep>at|in|over|for)\s+(?P<mention>this\s+(?:[a-z]+\s+)?moment|the\s+short\s+term|a\s+later\s+date)\b(?P<noun>[-\s]+(?:[a-z]+\s+)?(?:debt|notes|rates?|loans?|bonds?|interest|yields?)\b)?".into(),
            adverbial_ref,
        ),
        (
            r"(?i)\b(?:daily|weekly|monthly|quarterly|annually|yearly|nightly|(?:every|each)\s+(?P<every>day|week|month|quarter|year))\b".into(),
            set,
        ),
        (
            format!(r"(?i:\bthe\s+week\s+of)\s+(?P<mon>{MONTH})\s*(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>\d{{4}})\b)?"),
            week_of,
        ),
        (
            format!(r"\b(?i:every|each)\s+(?P<wd>{WEEKDAY})\b"),
            every_weekday,
        ),
        (
            format!(r"\b(?i:every|each)\s+(?P<mon>{MONTH_FULL})\b"),
            every_month,
        ),
        (
            format!(r"\b(?:{WEEKDAY}\s+(?:and|or)\s+)?(?P<wd>{WEEKDAY})\s+(?P<part>(?i:mornings|afternoons|evenings|nights))\b"),
            weekday_parts,
        ),
        (
            r"(?i)\b(?:the\s+)?coming\s+(?P<u>years|months|weeks|days)\b|\bthe\s+(?P<u2>years|months|weeks|days)\s+ahead\b".into(),
            vague_span,
        ),
        (
            r"(?i)\bin\s+(?P<mention>the\s+past)\b(?P<more>\s+[a-z0-9]+)?".into(),
            the_past,
        ),
        (
            r"\b[Tt]he\s+year\b(?P<more>-|'s|\s+(?i:earlier|ago|before|after|since|ended|ending|\d))?".into(),
            the_year,
        ),
        (
            format!(r"(?i)\byear-(?:ago|earlier)\b(?P<span>\s+(?:first\s+)?(?P<n>{NUMBER}|{VAGUE})\s+(?P<u>days|weeks|months|years|quarters)\b)?"),
            year_ago_adjective,
        ),
        (
            r"(?i)\b(?:(?P<then>then)\s+)?current\b(?P<next>\s+(?:account|accounts|affairs|assets|liabilities|ratio)\b)?".into(),
            current,
        ),
        (
            r"(?i)(?:\d%?|percent|dollars|cents|times|twice|once|mln|billion|million|thousand)\s+(?P<mention>(?:a|per)\s+(?P<per>day|week|month|quarter|year))\b".into(),
            set,
        ),
        (
            r"(?i)\brecent\s+(?P<u>days|weeks|months|quarters)\b".into(),
            recent_span,
        ),
    ];
    let mut rules: Vec<Rule> = specs.into_iter().map(|(p, b)| Rule::new(&p, b)).collect();
    // Before the plain duration, which matches the same words and loses ties to earlier rules.
    rules.push(
        Rule::new(
            &format!(r"(?i)\bin\s+(?P<mention>(?P<n>{NUMBER})\s+(?P<u>days?|weeks?|months?|years?))\b(?P<more>\s+or\b|['-]|\s+(?:of|from|after|before|since|to|time)\b)?"),
            within,
        )
        .rejecting_after(after_a_record),
    );
    rules.push(Rule::new(
        &format!(r"(?i)\b(?:the\s+(?:past|last|next|first|previous|coming|final|following)\s+)?(?P<n>{NUMBER}|{VAGUE})[- ](?P<u>days?|weeks?|months?|quarters?|years?|decades?)\b(?P<adj>-(?:earlier|ago|old))?"),
        duration,
    ));
    rules
}

/// Whether the text before "in five years" makes it a record's span ("the first time in 40
/// years", "the worst drought in 26 years"): a superlative or ordinal shortly before, in the same
/// clause.
fn after_a_record(before: &str, _mention: &str) -> bool {
    static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    RE.get_or_init(|| {
        super::expr::compile(r"(?i)\b(?:first|second|third|last|times?|ever|most|least|worst|best|highest|lowest|largest|biggest|smallest|strongest|weakest|longest|greatest|sharpest|steepest|fastest|slowest)\b[^.;:!?]{0,40}?\s$").ok()
    })
    .as_ref()
    .is_some_and(|re| re.is_match(before))
}

fn day_offset(c: &Captures) -> Option<Expr> {
    // "USA Today" is a newspaper and "VOA Today" a programme (an acronym
    // before a capitalised "Today"); "today's world" is no particular day.
    if group(c, "title").is_some() || group(c, "name").is_some() || group(c, "generic").is_some() {
        return None;
    }
    // "the people of tomorrow", "the cars of tomorrow": the future in
    // general, not the day after the anchor ("as of tomorrow" and "ahead of
    // tomorrow's talks" are that day).
    if group(c, "of").is_some()
        && group(c, "w").is_some_and(|w| w.eq_ignore_ascii_case("tomorrow"))
        && group(c, "ba").is_none()
        && group(c, "poss").is_none()
    {
        return None;
    }
    let base = match group(c, "w")?.to_ascii_lowercase().as_str() {
        "yesterday" => -1,
        "tomorrow" => 1,
        _ => 0,
    };
    let extra = match group(c, "ba").map(|s| s.to_ascii_lowercase()) {
        Some(s) if s == "before" => -1,
        Some(_) => 1,
        None => 0,
    };
    Some(Expr::DayOffset(base + extra))
}

fn unit_offset(c: &Captures) -> Option<Expr> {
    let u = group(c, "u")?;
    // "This Week", "Next Year": a title (a television show), not a time.
    if u.starts_with(|ch: char| ch.is_ascii_uppercase())
        && u.chars().skip(1).all(|ch| ch.is_ascii_lowercase())
        && group(c, "sh").is_some_and(|sh| sh.starts_with(|ch: char| ch.is_ascii_uppercase()))
    {
        return None;
    }
    let unit = lexicon::unit(u)?;
    // "the past century", said in 1989, is the hundred years up to now, not
    // the 1800s: a span ending at the anchor, a duration.
    if matches!(unit, Unit::Decade | Unit::Century)
        && group(c, "sh").is_some_and(|sh| sh.to_ascii_lowercase().ends_with("past"))
    {
        return Some(Expr::Duration(unit.duration(1)));
    }
    if unit == Unit::Quarter && group(c, "sh").is_some_and(|sh| sh.eq_ignore_ascii_case("this")) {
        return Some(Expr::ThisQuarter);
    }
    let n = match shift(group(c, "sh")) {
        Shift::Last => -1,
        Shift::Next => 1,
        _ => 0,
    };
    Some(Expr::UnitOffset { unit, n })
}

fn weekend(c: &Captures) -> Option<Expr> {
    Some(Expr::Weekend(shift(group(c, "sh"))))
}

fn weekday(c: &Captures) -> Option<Expr> {
    // "Black Friday", "Super Tuesday", "Bloody Sunday": names, not days.
    if group(c, "name").is_some() {
        return None;
    }
    let wd = lexicon::weekday(group(c, "wd")?)?;
    let sh = group(c, "sh").map(|s| s.to_ascii_lowercase());
    // "the previous Friday", "the following Monday" count from the story's last date.
    let relative = match sh.as_deref() {
        Some(s) if s.contains("previous") => Some(-1),
        Some(s) if s.contains("following") => Some(1),
        _ => None,
    };
    if let Some(direction) = relative {
        return Some(Expr::WeekdayFromLast {
            weekday: wd,
            direction,
        });
    }
    Some(Expr::Weekday {
        weekday: wd,
        shift: shift(sh.as_deref()),
        // "Wednesday's ruling": news names an event by its day once it has happened.
        past: group(c, "poss").is_some(),
        // "the day before last Tuesday's hearing".
        days: match group(c, "ba").map(|s| s.to_ascii_lowercase()) {
            Some(s) if s.ends_with("before") => -1,
            Some(_) => 1,
            None => 0,
        },
    })
}

fn month(c: &Captures) -> Option<Expr> {
    let m = group(c, "mon")?;
    let month = lexicon::month(m)?;
    // "the March for Life", "the March of the Mothers": a march, named.
    if month == 3 && group(c, "noun").is_some() && group(c, "sh").is_none() {
        return None;
    }
    let year_offset = group(c, "rel").map(|r| match shift(Some(r)) {
        Shift::Last => -1,
        Shift::Next => 1,
        _ => 0,
    });
    let sh = shift(group(c, "sh"));
    // "May" alone is too often the modal verb at the start of a sentence.
    if (m == "May" || m == "MAY") && sh == Shift::Auto && year_offset.is_none() {
        return None;
    }
    Some(Expr::Month {
        month,
        shift: sh,
        year_offset,
    })
}

/// A month after a preposition ("in May"), where even "May" is a month; the
/// mention is the month name alone.
fn month_after_preposition(c: &Captures) -> Option<Expr> {
    let month = lexicon::month(group(c, "mon")?)?;
    let year_offset = group(c, "rel").map(|r| match shift(Some(r)) {
        Shift::Last => -1,
        Shift::Next => 1,
        _ => 0,
    });
    Some(Expr::Month {
        month,
        shift: Shift::Auto,
        year_offset,
    })
}

/// "year-end", "the end of the year": the year it ends (of the anchor
/// unless "last" or "next" says otherwise).
fn year_end(c: &Captures) -> Option<Expr> {
    let text = c.get(0)?.as_str().to_ascii_lowercase();
    let n = if text.starts_with("last") {
        -1
    } else if text.starts_with("next") {
        1
    } else {
        0
    };
    Some(Expr::UnitOffset {
        unit: Unit::Year,
        n,
    })
}

fn ago(c: &Captures) -> Option<Expr> {
    let unit = lexicon::unit(group(c, "u")?)?;
    let dir = group(c, "dir")?.to_ascii_lowercase();
    // "ten days before the shooting": a length of time before an event,
    // left to the duration rule.
    if dir == "before" && group(c, "clause").is_some() {
        return None;
    }
    let future = dir.contains("now") || dir == "hence";
    let n = match lexicon::number(group(c, "n")?) {
        Some(n) => n,
        None => {
            return Some(Expr::Ref(if future {
                Reference::Future
            } else {
                Reference::Past
            }));
        }
    };
    if n == 1 && unit == Unit::Year && !future {
        return Some(Expr::YearBefore);
    }
    Some(Expr::Ago {
        unit,
        n: if future { n } else { -n },
    })
}

fn possessive_offset(poss: Option<&str>, rel: Option<&str>) -> i32 {
    let p = poss.map(|p| p.to_ascii_lowercase()).unwrap_or_default();
    let r = rel.map(|r| r.to_ascii_lowercase()).unwrap_or_default();
    if p.starts_with("last") || r == "last" {
        -1
    } else if p.starts_with("next") || r == "next" {
        1
    } else {
        0
    }
}

fn explicit_year(c: &Captures) -> Option<i16> {
    group(c, "y1")
        .or_else(|| group(c, "y2"))
        .and_then(|y| y.parse().ok())
}

fn quarter(c: &Captures) -> Option<Expr> {
    let q = lexicon::number(group(c, "q")?)?;
    Some(Expr::Quarter {
        quarter: i8::try_from(q).ok()?,
        year: explicit_year(c),
        year_offset: possessive_offset(group(c, "poss"), group(c, "rel")),
    })
}

fn half(c: &Captures) -> Option<Expr> {
    // "the last half of the '80s", "the second half of the game": not a half year.
    if group(c, "other").is_some() {
        return None;
    }
    // "the first two quarters of 1990" is its first half; without a year,
    // "the last two quarters" is a stretch of six months.
    if group(c, "quarters").is_some() && group(c, "y2").is_none() && group(c, "rel").is_none() {
        return None;
    }
    let h = match group(c, "h")?.to_ascii_lowercase().as_str() {
        "first" | "1st" => 1,
        _ => 2,
    };
    Some(Expr::Half {
        half: h,
        year: explicit_year(c),
        year_offset: possessive_offset(group(c, "poss"), group(c, "rel")),
    })
}

fn reporting_quarter(c: &Captures) -> Option<Expr> {
    // "quarter-to-quarter", "a quarter-century": part of another word.
    if group(c, "compound").is_some() {
        return None;
    }
    let ago = group(c, "ago").is_some();
    // "the quarter ended July 31": the calendar quarter holding most of the
    // three months to that day (not a period, which may be longer).
    if !ago
        && group(c, "q").is_some_and(|q| q.eq_ignore_ascii_case("quarter"))
        && let (Some(month), Some(day)) = (
            group(c, "emon").and_then(lexicon::month),
            group(c, "eday").and_then(|d| d.parse::<i8>().ok()),
        )
        && (1..=31).contains(&day)
    {
        return Some(Expr::QuarterEnded { month, day });
    }
    Some(Expr::ReportingQuarter {
        years: if ago { -1 } else { 0 },
    })
}

fn year_ago_quarter(_: &Captures) -> Option<Expr> {
    Some(Expr::ReportingQuarter { years: -1 })
}

fn year_period(c: &Captures) -> Option<Expr> {
    let y: i16 = group(c, "n")?.parse().ok()?;
    if !(1500..=2099).contains(&y) {
        return None;
    }
    Some(Expr::ReportingQuarterIn(y))
}

fn following(c: &Captures) -> Option<Expr> {
    let unit = lexicon::unit(group(c, "u")?)?;
    let n = match group(c, "f").map(|f| f.to_ascii_lowercase()) {
        Some(f) if f == "following" => 1,
        Some(_) => return None,
        None => 0,
    };
    Some(Expr::Following { unit, n })
}

/// "the fiscal year", "the current fiscal year": the year of the story ("a
/// fiscal year" is none in particular; "the fiscal year ended Jan. 31" is a
/// twelve-month period).
fn fiscal_year(c: &Captures) -> Option<Expr> {
    if group(c, "ended").is_some() {
        return None;
    }
    Some(Expr::UnitOffset {
        unit: Unit::Year,
        n: 0,
    })
}

fn season(c: &Captures) -> Option<Expr> {
    let s = match group(c, "s")?.to_ascii_lowercase().as_str() {
        "spring" => Season::Spring,
        "summer" => Season::Summer,
        "winter" => Season::Winter,
        _ => Season::Fall,
    };
    let sh_word = group(c, "sh").map(|w| w.to_ascii_lowercase());
    let year = match (group(c, "y"), group(c, "y2")) {
        (Some(y), _) | (None, Some(y)) => {
            Some(y.parse().ok().or_else(|| lexicon::spelled_year(y))?)
        }
        _ => None,
    };
    // A season needs a word that makes it a time: "the fall" of a government is not autumn.
    let ok = match sh_word.as_deref() {
        None => year.is_some(),
        Some("the") => year.is_some() || s != Season::Fall,
        Some(_) => true,
    };
    if !ok {
        return None;
    }
    Some(Expr::Season {
        season: s,
        year,
        shift: shift(sh_word.as_deref()),
    })
}

fn holiday(c: &Captures) -> Option<Expr> {
    let h = group(c, "h")?.to_ascii_lowercase();
    let holiday = if h.starts_with("christmas eve") {
        Holiday::Fixed(12, 24)
    } else if h.starts_with("christmas") {
        Holiday::Fixed(12, 25)
    } else if h.ends_with("eve") {
        Holiday::Fixed(12, 31)
    } else if h.starts_with("new") {
        Holiday::Fixed(1, 1)
    } else if h.starts_with("thanksgiving") {
        Holiday::Nth(11, 4, jiff::civil::Weekday::Thursday)
    } else if h.starts_with("independence") {
        Holiday::Fixed(7, 4)
    } else if h.starts_with("halloween") {
        Holiday::Fixed(10, 31)
    } else if h.starts_with("valentine") {
        Holiday::Fixed(2, 14)
    } else if h.starts_with("election") {
        Holiday::DayAfterNth(11, 1, jiff::civil::Weekday::Monday)
    } else if h.starts_with("labor") {
        Holiday::Nth(9, 1, jiff::civil::Weekday::Monday)
    } else {
        Holiday::Nth(5, -1, jiff::civil::Weekday::Monday)
    };
    Some(Expr::Holiday {
        holiday,
        shift: shift(group(c, "sh")),
    })
}

fn century_offset(c: &Captures) -> Option<Expr> {
    Some(Expr::CenturyOffset(match shift(group(c, "sh")) {
        Shift::Last => -1,
        Shift::Next => 1,
        _ => 0,
    }))
}

fn present_ref(_: &Captures) -> Option<Expr> {
    Some(Expr::Ref(Reference::Present))
}

/// "recently", "in recent years": the past in general. In "most recently
/// last October" the date that follows is the time; "most recently" only
/// says it was the last of a series.
fn past_ref(c: &Captures) -> Option<Expr> {
    if group(c, "most").is_some() && group(c, "date").is_some() {
        return None;
    }
    Some(Expr::Ref(Reference::Past))
}

/// "the future", "coming quarters": the future in general. "The future of
/// our peoples" is a fate, not a time.
fn future_ref(c: &Captures) -> Option<Expr> {
    if group(c, "future").is_some() && group(c, "of").is_some() {
        return None;
    }
    Some(Expr::Ref(Reference::Future))
}

/// Phrases that name a time only after a preposition: "at this crucial
/// moment" is the present, "in the short term" and "at a later date" the
/// future (like "the near term"); "the short term debt market" is an
/// adjective.
fn adverbial_ref(c: &Captures) -> Option<Expr> {
    let prep = group(c, "prep")?.to_ascii_lowercase();
    let mention = group(c, "mention")?.to_ascii_lowercase();
    if mention.starts_with("this") {
        return (prep == "at").then_some(Expr::Ref(Reference::Present));
    }
    if mention.ends_with("date") {
        return (prep == "at").then_some(Expr::Ref(Reference::Future));
    }
    if group(c, "noun").is_some() {
        return None;
    }
    Some(Expr::Ref(Reference::Future))
}

/// "daily", "every week", "$5 a year": a recurrence, by its period.
fn set(c: &Captures) -> Option<Expr> {
    let word = match group(c, "every").or_else(|| group(c, "per")) {
        Some(unit) => unit.to_ascii_lowercase(),
        None => c.get(0)?.as_str().to_ascii_lowercase(),
    };
    let period = match word.as_str() {
        "day" | "daily" => "P1D",
        "nightly" => "P1D",
        "week" | "weekly" => "P1W",
        "month" | "monthly" => "P1M",
        "quarter" | "quarterly" => "P3M",
        _ => "P1Y",
    };
    Some(Expr::Set(period.to_string()))
}

/// "recent weeks": the span up to now, a duration of vague length (`PXW`);
/// "recent years" stays a general reference to the past.
fn recent_span(c: &Captures) -> Option<Expr> {
    let unit = lexicon::unit(group(c, "u")?)?;
    Some(Expr::Duration(unit.duration(0).replace('0', "X")))
}

/// "three years", "the past three years", "the next few months" (a vague
/// count gives `X` for the number, as TimeML writes `PXM`).
fn duration(c: &Captures) -> Option<Expr> {
    // "a year-earlier quarter" compares periods; "a 10-year-old" is an age.
    if group(c, "adj").is_some() {
        return None;
    }
    let unit = lexicon::unit(group(c, "u")?)?;
    Some(Expr::Duration(match lexicon::number(group(c, "n")?) {
        Some(n) => unit.duration(n),
        None => unit.duration(0).replace('0', "X"),
    }))
}

/// "in five years": a date that far ahead when the tense looks ahead, else
/// a length of time. A record ("the first time in 40 years", "the worst
/// drought in 26 years") counts back over a span, and "in a year or two",
/// "in two years' time" and "in 15 year bonds" are left to the other rules.
fn within(c: &Captures) -> Option<Expr> {
    if group(c, "more").is_some() {
        return None;
    }
    let u = group(c, "u")?;
    let unit = lexicon::unit(u)?;
    let n = lexicon::number(group(c, "n")?)?;
    if n != 1 && !u.ends_with(['s', 'S']) {
        return None;
    }
    Some(Expr::Within { unit, n })
}

/// "each Thursday": a weekly recurrence on that day (`XXXX-WXX-4`).
fn every_weekday(c: &Captures) -> Option<Expr> {
    let wd = lexicon::weekday(group(c, "wd")?)?;
    Some(Expr::Set(format!("XXXX-WXX-{}", wd.to_monday_one_offset())))
}

/// "Tuesday nights", "Monday and Tuesday nights": a plural part of the day
/// makes the weekday a weekly recurrence (`XXXX-WXX-2TNI`).
fn weekday_parts(c: &Captures) -> Option<Expr> {
    let wd = lexicon::weekday(group(c, "wd")?)?;
    let part = match group(c, "part")?.to_ascii_lowercase().as_str() {
        "mornings" => "MO",
        "afternoons" => "AF",
        "evenings" => "EV",
        _ => "NI",
    };
    Some(Expr::Set(format!(
        "XXXX-WXX-{}T{part}",
        wd.to_monday_one_offset()
    )))
}

/// "each July": a yearly recurrence in that month (`XXXX-07`).
fn every_month(c: &Captures) -> Option<Expr> {
    let month = lexicon::month(group(c, "mon")?)?;
    Some(Expr::Set(format!("XXXX-{month:02}")))
}

/// "the coming weeks", "the years ahead": a stretch of vague length to come (`PXW`).
fn vague_span(c: &Captures) -> Option<Expr> {
    let unit = lexicon::unit(group(c, "u").or_else(|| group(c, "u2"))?)?;
    Some(Expr::Duration(unit.duration(0).replace('0', "X")))
}

/// "in the past": the past in general, unless a count or unit follows
/// ("in the past two years" is a duration).
fn the_past(c: &Captures) -> Option<Expr> {
    if let Some(more) = group(c, "more") {
        let w = more.trim().to_ascii_lowercase();
        if lexicon::number(&w).is_some()
            || lexicon::unit(&w).is_some()
            || matches!(w.as_str(), "few" | "several" | "many" | "couple" | "some")
        {
            return None;
        }
    }
    Some(Expr::Ref(Reference::Past))
}

/// "the year", "for the year": the year of the story ("the year ended
/// March 31" is a twelve-month period, left to the other rules).
fn the_year(c: &Captures) -> Option<Expr> {
    if group(c, "more").is_some() {
        return None;
    }
    Some(Expr::UnitOffset {
        unit: Unit::Year,
        n: 0,
    })
}

/// "year-earlier results", "the year-ago figures": the same period a year
/// before. "The year-earlier nine months" is a length of time (`P9M`).
fn year_ago_adjective(c: &Captures) -> Option<Expr> {
    if group(c, "span").is_some() {
        return duration(c);
    }
    Some(Expr::YearBefore)
}

/// "current market conditions": the present; "the then current price": the
/// past; "current account" is a term of accounting.
fn current(c: &Captures) -> Option<Expr> {
    if group(c, "next").is_some() {
        return None;
    }
    Some(Expr::Ref(if group(c, "then").is_some() {
        Reference::Past
    } else {
        Reference::Present
    }))
}

/// "the week of March 6": the ISO week holding that day.
fn week_of(c: &Captures) -> Option<Expr> {
    let month = lexicon::month(group(c, "mon")?)?;
    let day: i8 = group(c, "d")?.parse().ok()?;
    jiff::civil::Date::new(2000, month, day).ok()?;
    Some(Expr::WeekOf {
        month,
        day,
        year: group(c, "y").and_then(|y| y.parse().ok()),
    })
}
