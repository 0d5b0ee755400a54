//! JSON readers: `.json` holds one article object or an array of them (bare, or in an API's answer);
//! `.jsonl` / `.ndjson` hold one object per line. A broken record is reported as `file:line: reason`
//! and the others still count.

use super::array_records::{ArrayItem, ArrayRecords};
use super::fields::{article_from_record, has_body};
use super::{ProblemKind, Report};
use crate::article::Article;
use serde_json::Value;

/// Reads a `.json` file: one article object, or an array of them (ids default to `path#N`), or
/// an object without a body that holds such an array under a key, as APIs answer (`{"status":
/// "ok", "articles": [...]}`; the first such array).
pub(crate) fn read_json(text: &str, path: &str, report: &mut Report<'_>) -> Vec<Article> {
    if text.trim_start().starts_with('[') {
        return read_json_array(text, path, report).unwrap_or_default();
    }
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(record)) => {
            if !has_body(&record)
                && let Some(articles) = read_json_array(text, path, report)
            {
                return articles;
            }
            article_from_record(&record, path.to_string(), None, None, report)
                .into_iter()
                .collect()
        }
        Ok(_) => {
            report.skip(
                ProblemKind::InvalidJson,
                Some(1),
                "expected a JSON object or an array of objects",
            );
            Vec::new()
        }
        Err(err) => {
            skip_invalid(&err, report);
            Vec::new()
        }
    }
}

/// Reads the array of article objects a `.json` file holds, split into records as a streamed
/// array is (see [`ArrayRecords`]), so that a broken record loses only itself, and each record
/// knows its line; `None` when the file holds no array.
fn read_json_array(text: &str, path: &str, report: &mut Report<'_>) -> Option<Vec<Article>> {
    let mut records = ArrayRecords::new();
    let (mut reader, mut buf, mut consumed) = (text.as_bytes(), Vec::new(), 0);
    let mut articles = Vec::new();
    // Reading from memory cannot fail.
    while let Ok(item) = records.next_record(&mut reader, &mut buf, usize::MAX, &mut consumed) {
        match item {
            ArrayItem::Record { n, line, .. } => {
                // The record was split from `text` at ASCII bytes, so it is UTF-8.
                let raw = String::from_utf8_lossy(&buf);
                articles.extend(read_array_record(&raw, n, line, path, report));
            }
            ArrayItem::Broken { line, message } => {
                report.skip(ProblemKind::InvalidJson, Some(line), message);
                break;
            }
            ArrayItem::NotArray => return None,
            ArrayItem::End => break,
        }
    }
    Some(articles)
}

/// Reads record `n` of a `.json` array, its raw text starting on line `line` of the file: an
/// article, or nothing (a problem reported at the record's line).
pub(crate) fn read_array_record(
    raw: &str,
    n: usize,
    line: usize,
    path: &str,
    report: &mut Report<'_>,
) -> Option<Article> {
    match serde_json::from_str::<Value>(raw) {
        Ok(Value::Object(record)) => {
            article_from_record(&record, format!("{path}#{n}"), None, Some(line), report)
        }
        Ok(_) => {
            let message = format!("record {n} is not a JSON object");
            report.skip(ProblemKind::InvalidJson, Some(line), message);
            None
        }
        // Even valid JSON (a record of a whole array parsed) can be nested deeper than a value
        // may be; a streamed record's text is only split, not checked, before this.
        Err(err) => {
            // serde's position is within the record: the problem gets the file's line instead.
            let at = line + err.line().saturating_sub(1);
            let full = err.to_string();
            let suffix = format!(" at line {} column {}", err.line(), err.column());
            let reason = full.strip_suffix(&suffix).unwrap_or(&full);
            let message = format!("record {n} is not a usable JSON object: {reason}");
            report.skip(ProblemKind::InvalidJson, Some(at), message);
            None
        }
    }
}

/// Reports a file that is not valid JSON, with the line and column where parsing stopped.
fn skip_invalid(err: &serde_json::Error, report: &mut Report<'_>) {
    report.skip(
        ProblemKind::InvalidJson,
        Some(err.line()),
        format!("invalid JSON at column {}: {err}", err.column()),
    );
}

/// Reads a `.jsonl` / `.ndjson` file: one article object per line (ids default to `path#LINE`).
pub(crate) fn read_json_lines(text: &str, path: &str, report: &mut Report<'_>) -> Vec<Article> {
    text.lines()
        .enumerate()
        .filter_map(|(i, line)| read_json_line(line, i + 1, path, report))
        .collect()
}

/// Reads line `n` of a `.jsonl` file: an article, or nothing (a blank line, or a problem reported).
pub(crate) fn read_json_line(
    line: &str,
    n: usize,
    path: &str,
    report: &mut Report<'_>,
) -> Option<Article> {
    if line.trim().is_empty() {
        return None;
    }
    match serde_json::from_str::<Value>(line) {
        Ok(Value::Object(record)) => {
            article_from_record(&record, format!("{path}#{n}"), None, Some(n), report)
        }
        Ok(_) => {
            report.skip(ProblemKind::InvalidJson, Some(n), "expected a JSON object");
            None
        }
        Err(err) => {
            report.skip(
                ProblemKind::InvalidJson,
                Some(n),
                format!("invalid JSON at column {}: {err}", err.column()),
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_object_takes_the_path_as_id() {
        let mut report = Report::new("a.json");
        let articles = read_json(r#"{"title": "T", "body": "B"}"#, "a.json", &mut report);
        assert_eq!(articles.len(), 1);
        assert_eq!(articles[0].id, "a.json");
    }

    #[test]
    fn an_array_numbers_its_records() {
        let mut report = Report::new("a.json");
        let text = r#"[{"body": "one"}, 7, {"body": "three", "id": "x"}]"#;
        let articles = read_json(text, "a.json", &mut report);
        let ids: Vec<_> = articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a.json#1", "x"]);
        assert_eq!(
            report.problems[0].to_string(),
            "a.json:1: record 2 is not a JSON object"
        );
    }

    #[test]
    fn an_array_gives_each_record_its_line() {
        let mut report = Report::new("a.json");
        let text = "[\n  {\"body\": \"one\"},\n  {\"body\":\n \"two\"}, {\"body\": \"three\",\n\"date\": \"never\"},\n\n  \"four\"\n]";
        let articles = read_json(text, "a.json", &mut report);
        let lines: Vec<_> = articles.iter().map(|a| a.line).collect();
        assert_eq!(lines, [Some(2), Some(3), Some(4)]);
        let problems: Vec<_> = report.problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(
            problems,
            [
                "a.json:4: unparseable date \"never\"; indexed without a date",
                "a.json:7: record 4 is not a JSON object"
            ]
        );
        // A broken record loses only itself; the array's structure broken loses what follows.
        let mut report = Report::new("b.json");
        let text = "[\n{\"body\": \"x\"},\n{], {\"body\": \"y\"}\n{\"body\": \"z\"}]";
        let bodies: Vec<_> = read_json(text, "b.json", &mut report)
            .into_iter()
            .map(|a| a.body)
            .collect();
        assert_eq!(bodies, ["x", "y"]);
        let problems: Vec<_> = report.problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(
            problems,
            [
                "b.json:3: record 2 is not a usable JSON object: key must be a string",
                "b.json:4: invalid JSON array: expected `,` or `]` after record 3, found `{`; the rest is skipped"
            ]
        );
    }

    #[test]
    fn an_array_wrapped_in_an_api_response_is_read() {
        let text = r#"{"status": "ok", "totalResults": 3,
  "articles": [
    {"source": {"id": null, "name": "Reuters"}, "title": "Copper up",
     "publishedAt": "2026-11-27T08:00:00Z", "content": "Copper rose in London."},
    {"title": "No text"},
    {"title": "Tin down", "published-at": "2026-11-26", "description": "x", "body": "Tin fell."}
  ]}"#;
        let mut report = Report::new("feed.json");
        let articles = read_json(text, "feed.json", &mut report);
        let got: Vec<_> = articles
            .iter()
            .map(|a| {
                (
                    a.id.as_str(),
                    a.line,
                    a.source.as_deref(),
                    a.published.map(|t| t.to_string()),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "feed.json#1",
                    Some(3),
                    Some("Reuters"),
                    Some("2026-11-27T08:00:00Z".into())
                ),
                (
                    "feed.json#3",
                    Some(6),
                    None,
                    Some("2026-11-26T00:00:00Z".into())
                ),
            ]
        );
        let problems: Vec<_> = report.problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(problems, ["feed.json:5: article has no body"]);
        // An object with a body is one article; of two arrays of objects the first is read, as
        // when the file is streamed; an object with no array has no body.
        let mut report = Report::new("a.json");
        let one = read_json(
            r#"{"body": "Text.", "related": [{"id": 1}]}"#,
            "a.json",
            &mut report,
        );
        assert_eq!(one.len(), 1);
        let two = r#"{"a": [{"body": "x"}], "b": [{"body": "y"}]}"#;
        let bodies: Vec<_> = read_json(two, "a.json", &mut report)
            .into_iter()
            .map(|a| a.body)
            .collect();
        assert_eq!(bodies, ["x"]);
        let none = r#"{"title": "T", "tags": ["a"]}"#;
        assert!(read_json(none, "a.json", &mut report).is_empty());
        assert_eq!(
            report.problems[0].to_string(),
            "a.json: article has no body"
        );
    }

    #[test]
    fn a_record_nested_too_deep_loses_only_itself() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let text = format!("[{{\"body\": \"kept\"}},\n{{\"body\": \"x\", \"extra\": {deep}}}]");
        let mut report = Report::new("a.json");
        let articles = read_json(&text, "a.json", &mut report);
        assert_eq!(articles.len(), 1);
        assert_eq!(articles[0].body, "kept");
        let problem = report.problems[0].to_string();
        assert!(problem.starts_with("a.json:2: record 2 is not a usable JSON object: recursion"));
        let mut report = Report::new("b.json");
        assert!(read_json(&deep, "b.json", &mut report).is_empty());
        assert_eq!(report.problems.len(), 1);
    }

    #[test]
    fn broken_json_names_its_line() {
        let mut report = Report::new("a.json");
        let articles = read_json("{\n\"body\": \"x\",\n}", "a.json", &mut report);
        assert!(articles.is_empty());
        assert_eq!(report.problems[0].line, Some(3));
    }

    #[test]
    fn a_broken_line_loses_only_itself() {
        let mut report = Report::new("b.jsonl");
        let text = "{\"body\": \"first\"}\n{\"body\": oops}\n\n{\"body\": \"fourth\"}\n[1]\n";
        let articles = read_json_lines(text, "b.jsonl", &mut report);
        let ids: Vec<_> = articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["b.jsonl#1", "b.jsonl#4"]);
        let problems: Vec<_> = report.problems.iter().map(|p| p.line).collect();
        assert_eq!(problems, [Some(2), Some(5)]);
        assert!(
            report.problems[0]
                .to_string()
                .starts_with("b.jsonl:2: invalid JSON")
        );
    }
}
