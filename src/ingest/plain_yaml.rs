//! YAML front matter of plain `key: value` lines (`date: 2026-03-02T10:00:00`, `source: Wire`),
//! read without a YAML parser: setting one up was a twentieth of indexing a folder of Markdown
//! articles whose front matter holds a line or two. A line is read so only when its meaning is
//! certain: a plain key, then a value that YAML reads as the same string (no quotes, lists,
//! comments, numbers, booleans or nulls), one key a line, no key twice. Anything else goes to
//! the YAML parser, which gives the same record for what is read here (a test checks it).

use serde_json::{Map, Value};

/// Words YAML may read as something other than a string (any case): nulls, booleans and
/// floating-point numbers' names.
const KEYWORDS: &[&str] = &["null", "true", "false", "inf", "infinity", "nan"];

/// The record of `front` when each of its lines is a plain `key: value` pair whose value YAML
/// reads as a string; `None` when the YAML parser must read it.
pub(super) fn read_plain(front: &str) -> Option<Map<String, Value>> {
    let mut record = Map::new();
    for line in front.lines() {
        let (key, value) = line.split_once(": ")?;
        let value = value.trim_end_matches(' ');
        if !is_plain_key(key) || !is_plain_string(value) {
            return None;
        }
        if record
            .insert(key.to_string(), Value::String(value.to_string()))
            .is_some()
        {
            return None;
        }
    }
    (!record.is_empty()).then_some(record)
}

/// Whether YAML reads `key` as this string: a letter, then letters, digits, `_` and `-`.
fn is_plain_key(key: &str) -> bool {
    key.starts_with(|c: char| c.is_ascii_alphabetic())
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        && !is_keyword(key)
}

/// Whether YAML reads the plain scalar `value` as this string: it opens with a letter or a
/// digit, holds letters, digits, spaces and punctuation that means nothing inside a plain scalar,
/// no `: ` and no final `:` (a mapping), and is no null, boolean or number.
fn is_plain_string(value: &str) -> bool {
    let Some(first) = value.chars().next() else {
        return false;
    };
    let plain = value.chars().all(|c| {
        c.is_ascii_alphanumeric()
            || matches!(
                c,
                ' ' | '.' | ',' | ':' | '/' | '-' | '_' | '+' | '(' | ')' | '\''
            )
            || (!c.is_ascii() && c.is_alphabetic())
    });
    if !plain || value.contains(": ") || value.ends_with(':') {
        return false;
    }
    if first.is_ascii_digit() {
        !is_number(value)
    } else {
        first.is_alphabetic() && !is_keyword(value)
    }
}

fn is_keyword(word: &str) -> bool {
    KEYWORDS.iter().any(|k| word.eq_ignore_ascii_case(k))
}

/// Whether a value that opens with a digit may be a number to YAML: an integer in base 10, 16,
/// 8 or 2 (`0x1F`, `0o17`, `0b101`) or a floating-point number (a superset: YAML reads `0123` as
/// a string).
fn is_number(value: &str) -> bool {
    let radix = [("0x", 16), ("0o", 8), ("0b", 2)]
        .iter()
        .find_map(|&(prefix, radix)| value.strip_prefix(prefix).map(|rest| (rest, radix)));
    if let Some((rest, radix)) = radix
        && u128::from_str_radix(rest, radix).is_ok()
    {
        return true;
    }
    value.parse::<u128>().is_ok() || value.parse::<f64>().is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the YAML parser makes of `front`, as front matter is read.
    fn parsed(front: &str) -> Option<Map<String, Value>> {
        let yaml: serde_yaml_ng::Value = serde_yaml_ng::from_str(front).ok()?;
        match serde_json::to_value(yaml).ok()? {
            Value::Object(map) => Some(map),
            _ => None,
        }
    }

    #[test]
    fn plain_lines_give_what_the_yaml_parser_gives() {
        let fronts = [
            "date: 2026-03-02",
            "date: 1987-02-26T15:01:01\nsource: Wire",
            "title: Rates rise again\nauthor: Jo Bloggs\nurl: https://example.com/r",
            "id: rates-1\nlang: fr\nplace: Zürich",
            "title: O'Neill's plan (draft)\ndate: 2026-03-02T10:00:00+01:00",
            "title: Crops, costs and prices\r\ndate: March 2, 2026\r\n",
            "date: 12:30",
            "answer: yes\nother: off\nlast: No",
        ];
        for front in fronts {
            let plain = read_plain(front);
            assert!(plain.is_some(), "{front:?} is read without the parser");
            assert_eq!(plain, parsed(front), "{front:?}");
        }
    }

    #[test]
    fn anything_else_goes_to_the_yaml_parser() {
        for front in [
            "",
            "count: 42",
            "count: 0x1F",
            "count: 0123",
            "ratio: 1.5e3",
            "ratio: 1.",
            "draft: true",
            "draft: False",
            "note: null",
            "note: ~",
            "x: inf",
            "x: NaN",
            "x: Infinity",
            "true: yes",
            "title: \"Quoted: yes\"",
            "title: 'single'",
            "tags: [a, b]",
            "tags:\n  - a\n  - b",
            "title: a # comment",
            "title: a: b",
            "title: ends:",
            "title:  two spaces",
            "  title: indented",
            "title: one\ntitle: twice",
            "# a comment\ntitle: x",
            "title: x\n\ndate: 2026-03-02",
            "title: *alias",
            "title: tab\there",
            "key : spaced",
        ] {
            assert_eq!(read_plain(front), None, "{front:?}");
        }
    }

    #[test]
    fn generated_values_agree_with_the_yaml_parser() {
        // Every pair of a few awkward pieces, as a value: whatever is read without the parser
        // is what the parser reads.
        let pieces = [
            "1", "0", "x", "e", "E5", ".", "-", "+", ":", " ", "inf", "nan", "0x", "0o", "0b",
            "1_0", "T", "é", "'", "(", "/", "true", "Null", ",", "12",
        ];
        let mut read = 0;
        for a in pieces {
            for b in pieces {
                for c in ["", "9", "a"] {
                    let front = format!("k: {a}{b}{c}");
                    if let Some(plain) = read_plain(&front) {
                        read += 1;
                        assert_eq!(Some(plain), parsed(&front), "{front:?}");
                    }
                }
            }
        }
        assert!(read > 500, "{read}");
    }
}
