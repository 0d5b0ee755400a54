//! Times of day written next to a day ("5 p.m. EST Nov. 9", "noon Thursday",
//! "Tuesday at 9 a.m."): the mention then names a time, type TIME, rather
//! than a whole day.
//!
//! The patterns are compiled once per process (`OnceLock`) and run only on
//! the few bytes either side of a day mention.

use std::sync::OnceLock;

use regex::{Captures, Regex};

/// A clock time: `10 p.m.`, `7:15 a.m.`, `noon`, `midnight`, with an
/// optional time zone.
const CLOCK: &str = r"(?:(?P<h>\d{1,2})(?::(?P<m>[0-5]\d))?\s*(?P<ap>[aApP])\.?[mM]\b\.?|(?P<word>(?i:noon|midnight)))(?:\s+(?:[ECMP][SD]T|GMT|UTC)\b)?";

fn before_re() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| super::expr::compile(&format!(r"\b{CLOCK},?\s+$")).ok())
        .as_ref()
}

fn after_re() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| super::expr::compile(&format!(r"^,?\s+(?i:at\s+){CLOCK}")).ok())
        .as_ref()
}

/// Hour and minute of a matched clock time, 24-hour (midnight is 24:00).
fn hour_minute(c: &Captures) -> Option<(i8, i8)> {
    if let Some(w) = c.name("word") {
        return Some(if w.as_str().eq_ignore_ascii_case("noon") {
            (12, 0)
        } else {
            (24, 0)
        });
    }
    let h: i8 = c.name("h")?.as_str().parse().ok()?;
    let m: i8 = match c.name("m") {
        Some(m) => m.as_str().parse().ok()?,
        None => 0,
    };
    if !(1..=12).contains(&h) {
        return None;
    }
    let pm = c.name("ap")?.as_str().eq_ignore_ascii_case("p");
    Some(((h % 12) + if pm { 12 } else { 0 }, m))
}

/// How far to look either side of a day for its time.
const WINDOW: usize = 24;

/// A time of day written just before `start` (not before `floor`) or just
/// after `end`: the widened span and the hour and minute.
pub(super) fn time_next_to(
    text: &str,
    floor: usize,
    start: usize,
    end: usize,
) -> Option<(usize, usize, i8, i8)> {
    let mut lo = start.saturating_sub(WINDOW).max(floor);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    if let Some(c) = before_re().and_then(|re| re.captures(&text[lo..start])) {
        let (h, m) = hour_minute(&c)?;
        return Some((lo + c.get(0)?.start(), end, h, m));
    }
    let mut hi = (end + WINDOW).min(text.len());
    while !text.is_char_boundary(hi) {
        hi -= 1;
    }
    let c = after_re()?.captures(&text[end..hi])?;
    let (h, m) = hour_minute(&c)?;
    Some((start, end + c.get(0)?.end(), h, m))
}
