//! End to end: `lede facets`, the sources, tags and bylines of the matching articles, counted as the
//! fixture says they should be, in the human, JSON and CSV forms and the API.

mod util;

use std::collections::BTreeMap;
use util::TestEnv;

/// Stories from several publishers (one without), with tags in any case, most with a byline.
fn records() -> Vec<serde_json::Value> {
    let mut records = stories();
    let bylines = [
        "By Ann Lee, Reuters",
        "ANN LEE",
        "Bo Chan and Ann Lee",
        "Ann Lee",
        "",
        "By BO CHAN, Staff Writer",
    ];
    for (record, byline) in records.iter_mut().zip(bylines) {
        if !byline.is_empty() {
            record["author"] = byline.into();
        }
    }
    records
}

/// The stories of [`records`], without bylines.
fn stories() -> Vec<serde_json::Value> {
    let story = |id: &str, source: Option<&str>, tags: &[&str], date: &str, body: &str| {
        let mut record = serde_json::json!({
            "id": id, "title": format!("Story {id}"), "date": date, "body": body, "tags": tags,
        });
        if let Some(source) = source {
            record["source"] = source.into();
        }
        record
    };
    vec![
        story(
            "a",
            Some("Reuters"),
            &["Markets", "Oil"],
            "2026-01-05",
            "Oil prices rose on a strike at the port.",
        ),
        story(
            "b",
            Some("Reuters"),
            &["oil"],
            "2026-01-06",
            "The strike at the port went on; oil rose again.",
        ),
        story(
            "c",
            Some("Associated Press"),
            &["Labour"],
            "2026-01-06",
            "Dock workers on strike said talks had failed.",
        ),
        story(
            "d",
            Some("The Guardian"),
            &["Labour", "Europe"],
            "2026-02-01",
            "The strike ended with a pay deal.",
        ),
        story(
            "e",
            None,
            &[],
            "2026-02-02",
            "A strike was called off before it began.",
        ),
        story(
            "f",
            Some("reuters"),
            &["Markets"],
            "2026-02-03",
            "Shares fell in Tokyo.",
        ),
    ]
}

fn corpus() -> TestEnv {
    let env = TestEnv::new();
    let lines: Vec<String> = records().iter().map(|r| r.to_string()).collect();
    env.write("news.jsonl", &(lines.join("\n") + "\n"));
    env.lede_ok(&["index", "-q"], 0);
    env
}

/// The counts the fixture gives for the records whose body holds `word`, by lower-cased value.
fn expected(word: &str, field: &str) -> BTreeMap<String, u64> {
    let mut counts = BTreeMap::new();
    for record in records() {
        if !record["body"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .contains(word)
        {
            continue;
        }
        let values: Vec<String> = match &record[field] {
            // Each writer a byline names, without its `By` and what follows a comma.
            serde_json::Value::String(s) if field == "author" => {
                let names = s.trim_start_matches("By ").split(',').next().unwrap();
                names.split(" and ").map(str::to_lowercase).collect()
            }
            serde_json::Value::String(s) => vec![s.to_lowercase()],
            serde_json::Value::Array(a) => a
                .iter()
                .map(|v| v.as_str().unwrap().to_lowercase())
                .collect(),
            _ => Vec::new(),
        };
        for value in values {
            *counts.entry(value).or_default() += 1;
        }
    }
    counts
}

fn counted(results: &serde_json::Value) -> BTreeMap<String, u64> {
    results["values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            (
                v["value"].as_str().unwrap().to_lowercase(),
                v["articles"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn sources_and_tags_of_the_matching_articles_are_counted() {
    let env = corpus();
    for field in ["source", "tags", "author"] {
        let results = env
            .lede_ok(&["facets", "strike", "--field", field, "--json"], 0)
            .json();
        assert_eq!(counted(&results), expected("strike", field), "{field}");
        assert_eq!(results["total_articles"], 5);
    }
    let sources = env.lede_ok(&["facets", "strike", "--json"], 0).json();
    // Most frequent first; a value as the articles write it; one article has no source.
    assert_eq!(sources["values"][0]["value"], "Reuters");
    assert_eq!(sources["values"][0]["articles"], 2);
    assert_eq!(sources["without"], 1);
    assert_eq!(sources["distinct_values"], 3);
    // Each writer a byline names, without the agency or desk after a comma, in running text's
    // case: `ANN LEE` and `Bo Chan and Ann Lee` are Ann Lee's, `By BO CHAN, Staff Writer` is
    // Bo Chan's.
    let authors = env
        .lede_ok(&["facets", "strike", "--field", "author", "--json"], 0)
        .json();
    let writers = expected("strike", "author");
    assert_eq!(authors["values"][0]["value"], "Ann Lee", "{authors}");
    assert_eq!(authors["values"][0]["articles"], writers["ann lee"]);
    assert!(
        writers["ann lee"] >= 3 && writers["bo chan"] >= 1,
        "{writers:?}"
    );
    assert_eq!(authors["values"][1]["value"], "Bo Chan", "{authors}");
    assert_eq!(authors["without"], 1);
    // Over every article, the byline in capitals counts for Bo Chan too.
    let everyone = env
        .lede_ok(&["facets", "--field", "author", "--json"], 0)
        .json();
    let bo_chan = everyone["values"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["value"] == "Bo Chan")
        .unwrap_or_else(|| panic!("{everyone}"));
    assert_eq!(bo_chan["articles"], 2);
    // Every article: "reuters" and "Reuters" are one value.
    let all = env.lede_ok(&["facets", "--json"], 0).json();
    assert_eq!(all["values"][0]["articles"], 3);
    // Filters and the limit.
    let january = env
        .lede_ok(
            &[
                "facets", "strike", "--until", "2026-01", "--field", "tags", "-n", "1", "--json",
            ],
            0,
        )
        .json();
    assert_eq!(january["total_articles"], 3);
    assert_eq!(january["values"].as_array().unwrap().len(), 1);
    assert_eq!(
        january["values"][0]["value"]
            .as_str()
            .unwrap()
            .to_lowercase(),
        "oil"
    );
    assert_eq!(january["distinct_values"], 3);
    // The table and the CSV say the same.
    let table = env.lede_ok(&["facets", "strike"], 0).stdout;
    assert!(table.starts_with("      2  Reuters\n"), "{table}");
    assert!(
        table.contains("3 of 3 source values in 5 articles (1 without)"),
        "{table}"
    );
    let csv = env.lede_ok(&["facets", "strike", "--csv"], 0).stdout;
    assert!(csv.starts_with("value,articles\nReuters,2\n"), "{csv}");
    // Nothing matches, or no matching article has a value: exit code 1, and the table says so.
    let none = env.lede_ok(&["facets", "zeppelin"], 1).stdout;
    assert_eq!(none, "no article matches\n");
    let untagged = env
        .lede_ok(&["facets", "called", "--field", "tags"], 1)
        .stdout;
    assert_eq!(
        untagged,
        "no tags values: the one matching article has none\n"
    );
}

#[test]
fn the_api_counts_as_the_cli_does() {
    let env = corpus();
    let server = util::http::Server::start(env.path(), &[]);
    let answer = server.get("/api/facets?q=strike&field=tags&limit=5");
    assert_eq!(answer.status, 200, "{answer:?}");
    let mut api = answer.json();
    let mut cli = env
        .lede_ok(
            &["facets", "strike", "--field", "tags", "-n", "5", "--json"],
            0,
        )
        .json();
    api["took_ms"] = 0.into();
    cli["took_ms"] = 0.into();
    assert_eq!(api, cli);
    assert_eq!(server.get("/api/facets?field=url").status, 400);
    let authors = server.get("/api/facets?q=strike&field=author").json();
    assert_eq!(counted(&authors), expected("strike", "author"));
}
