//! JSON readers: `.json` holds one article object or an array of them; `.jsonl` / `.ndjson` hold one
//! object per line. A broken line is reported as `file:line: reason` and the other lines still count.

use super::fields::article_from_record;
use super::{ProblemKind, Report};
use crate::article::Article;
use serde_json::Value;

/// Reads a `.json` file: one article object, or an array of them (ids default to `path#N`).
pub(crate) fn read_json(text: &str, path: &str, report: &mut Report<'_>) -> Vec<Article> {
    let value: Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(err) => {
            report.skip(
                ProblemKind::InvalidJson,
                Some(err.line()),
                format!("invalid JSON at column {}: {err}", err.column()),
            );
            return Vec::new();
        }
    };
    match value {
        Value::Object(record) => article_from_record(&record, path.to_string(), None, None, report)
            .into_iter()
            .collect(),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| {
                let n = i + 1;
                match item {
                    Value::Object(record) => {
                        article_from_record(record, format!("{path}#{n}"), None, None, report)
                    }
                    _ => {
                        report.skip(
                            ProblemKind::InvalidJson,
                            None,
                            format!("record {n} is not a JSON object"),
                        );
                        None
                    }
                }
            })
            .collect(),
        _ => {
            report.skip(
                ProblemKind::InvalidJson,
                Some(1),
                "expected a JSON object or an array of objects",
            );
            Vec::new()
        }
    }
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
            "a.json: record 2 is not a JSON object"
        );
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
