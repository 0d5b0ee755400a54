//! The spelling of one token: capitalisation class, word shapes, affixes and the hash of
//! the word as written, computed in one pass over the bytes for ASCII tokens (most of news
//! text) and character by character otherwise, with the same results.

use super::hash;
use super::lexicon::{ascii_norm_lower, norm_char};

/// Capitalisation class of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum Class {
    Lower = 0,
    InitCap = 1,
    AllCaps = 2,
    Mixed = 3,
    Number = 4,
    AlphaNum = 5,
    Punct = 6,
    SingleUpper = 7,
}

impl Class {
    /// The class of a token.
    pub(crate) fn of(s: &str) -> Class {
        let (mut upper, mut lower, mut digit, mut alpha) = (0, 0, 0, 0);
        let mut first_upper = false;
        for (i, c) in s.chars().enumerate() {
            if c.is_alphabetic() {
                alpha += 1;
                if c.is_uppercase() {
                    upper += 1;
                    if i == 0 {
                        first_upper = true;
                    }
                } else if c.is_lowercase() {
                    lower += 1;
                }
            } else if c.is_numeric() {
                digit += 1;
            }
        }
        Class::from_counts(upper, lower, digit, alpha, first_upper)
    }

    /// The class from counts of uppercase, lowercase, numeric and alphabetic characters
    /// and whether the first character is uppercase.
    #[inline]
    fn from_counts(
        upper: usize,
        lower: usize,
        digit: usize,
        alpha: usize,
        first_upper: bool,
    ) -> Class {
        if alpha == 0 {
            return if digit > 0 {
                Class::Number
            } else {
                Class::Punct
            };
        }
        if digit > 0 {
            return Class::AlphaNum;
        }
        if lower == 0 && upper > 0 {
            return if upper == 1 {
                Class::SingleUpper
            } else {
                Class::AllCaps
            };
        }
        if upper == 0 {
            return Class::Lower;
        }
        if first_upper && upper == 1 {
            Class::InitCap
        } else {
            Class::Mixed
        }
    }
}

/// What the features need of a token's spelling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Spelling {
    /// Hash of the word as written (typographic punctuation normalised).
    pub(crate) word: u64,
    /// Hash of its shape (`Xxxx`, runs capped at three).
    pub(crate) shape: u64,
    /// Hash of its short shape (runs collapsed: `Xx`).
    pub(crate) short: u64,
    /// Its capitalisation class.
    pub(crate) class: Class,
    /// Its length in characters.
    pub(crate) chars: usize,
}

/// The spelling of a token.
#[inline]
pub(crate) fn spelling(s: &str) -> Spelling {
    if s.is_ascii() {
        return ascii_spelling(s.as_bytes());
    }
    let (shape, short) = shapes(s);
    Spelling {
        word: word_hash(s),
        shape,
        short,
        class: Class::of(s),
        chars: s.chars().count(),
    }
}

/// [`spelling`] of an ASCII token, in one pass.
fn ascii_spelling(b: &[u8]) -> Spelling {
    let (mut word, mut long, mut short) = (hash::EMPTY, hash::EMPTY, hash::EMPTY);
    let (mut last, mut run) = (0u8, 0);
    let (mut upper, mut lower, mut digit) = (0usize, 0usize, 0usize);
    for &c in b {
        // norm_char on ASCII only changes a backquote.
        let c = if c == b'`' { b'\'' } else { c };
        word = hash::feed(word, &[c]);
        let m = match c {
            b'A'..=b'Z' => {
                upper += 1;
                b'X'
            }
            b'a'..=b'z' => {
                lower += 1;
                b'x'
            }
            b'0'..=b'9' => {
                digit += 1;
                b'd'
            }
            _ => c,
        };
        if m == last {
            run += 1;
        } else {
            run = 1;
            last = m;
            short = hash::feed(short, &[m]);
        }
        if run <= 3 {
            long = hash::feed(long, &[m]);
        }
    }
    let first_upper = b.first().is_some_and(u8::is_ascii_uppercase);
    Spelling {
        word,
        shape: long,
        short,
        class: Class::from_counts(upper, lower, digit, upper + lower, first_upper),
        chars: b.len(),
    }
}

/// Hashes of a token's shape (each character as `X`, `x`, `d` or itself, runs capped at
/// three) and short shape (runs collapsed).
fn shapes(s: &str) -> (u64, u64) {
    let (mut long, mut short) = (hash::EMPTY, hash::EMPTY);
    let (mut last, mut run) = ('\0', 0);
    for c in s.chars() {
        let c = norm_char(c);
        let m = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() || c.is_alphabetic() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if m == last {
            run += 1;
        } else {
            run = 1;
            last = m;
            short = hash::feed_char(short, m);
        }
        if run <= 3 {
            long = hash::feed_char(long, m);
        }
    }
    (long, short)
}

/// Hashes of a token's lowercased prefixes and suffixes of one to four characters.
pub(crate) fn affixes(s: &str) -> ([u64; 4], [u64; 4]) {
    let mut pre = [0u64; 4];
    let mut suf = [0u64; 4];
    if s.is_ascii() {
        // Same hashes as below, byte by byte.
        let b = s.as_bytes();
        let (mut hp, mut hs) = (hash::EMPTY, hash::EMPTY);
        for k in 0..4 {
            if k < b.len() {
                hp = hash::feed(hp, &[ascii_norm_lower(b[k])]);
                hs = hash::feed(hs, &[ascii_norm_lower(b[b.len() - 1 - k])]);
            }
            pre[k] = hp;
            suf[k] = hs;
        }
        return (pre, suf);
    }
    let mut h = hash::EMPTY;
    let mut n = 0;
    for c in s.chars().flat_map(|c| norm_char(c).to_lowercase()).take(4) {
        h = hash::feed_char(h, c);
        pre[n] = h;
        n += 1;
    }
    for p in pre.iter_mut().skip(n) {
        *p = h;
    }
    let mut h = hash::EMPTY;
    let mut n = 0;
    for c in s
        .chars()
        .rev()
        .flat_map(|c| norm_char(c).to_lowercase())
        .take(4)
    {
        h = hash::feed_char(h, c);
        suf[n] = h;
        n += 1;
    }
    for p in suf.iter_mut().skip(n) {
        *p = h;
    }
    (pre, suf)
}

/// Hash of a token as written, typographic punctuation normalised.
fn word_hash(s: &str) -> u64 {
    s.chars()
        .fold(hash::EMPTY, |h, c| hash::feed_char(h, norm_char(c)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert_eq!(Class::of("Altman"), Class::InitCap);
        assert_eq!(Class::of("NVIDIA"), Class::AllCaps);
        assert_eq!(Class::of("OpenAI"), Class::Mixed);
        assert_eq!(Class::of("iPhone"), Class::Mixed);
        assert_eq!(Class::of("J"), Class::SingleUpper);
        assert_eq!(Class::of("1996-08-30"), Class::Number);
        assert_eq!(Class::of("F-16"), Class::AlphaNum);
        assert_eq!(Class::of("’s"), Class::Lower);
        assert_eq!(Class::of("."), Class::Punct);
    }

    #[test]
    fn shapes_and_affixes() {
        assert_eq!(shapes("Altman"), shapes("Bxxxxxxxxx"));
        assert_ne!(shapes("Altman").1, shapes("ALTMAN").1);
        assert_eq!(shapes("Altman").1, shapes("Xy").1);
        let (pre, suf) = affixes("Altman");
        assert_eq!(pre[0], affixes("a").0[0]);
        assert_eq!(suf[2], affixes("Batman").1[2]);
        let (pre, _) = affixes("Al");
        assert_eq!(pre[1], pre[3]);
        // The ASCII fast path agrees with the general one.
        assert_eq!(affixes("Abcdef").0, affixes("Abcdeé").0);
        assert_eq!(affixes("éxyZ").1[..3], affixes("axyz").1[..3]);
    }

    #[test]
    fn ascii_spelling_agrees_with_the_general_one() {
        for s in [
            "",
            "Altman",
            "NVIDIA",
            "OpenAI",
            "J",
            "1996-08-30",
            "F-16",
            "`s",
            "...",
            "a``b",
            "Mr.",
            "U.S.",
            "xxxxxAAAA1111",
            "--",
            "'",
            "iPhone",
            "MIXEDcase",
            "x1",
        ] {
            let (shape, short) = shapes(s);
            let general = Spelling {
                word: word_hash(s),
                shape,
                short,
                class: Class::of(s),
                chars: s.chars().count(),
            };
            assert_eq!(ascii_spelling(s.as_bytes()), general, "{s:?}");
        }
    }
}
