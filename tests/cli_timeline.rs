//! End to end: dates in the index. Publication dates and where they came from, `--mentions`
//! filters over the dates passages mention, and `lede timeline` by publication and by mentions,
//! on a small dated corpus and, when `../shared/data` is there, on Reuters-21578.

mod util;

use serde_json::Value;
use std::collections::BTreeMap;
use util::{SEED_NAME, TestEnv, hit_ids, shared_data};

/// Dated stories (front matter, file name, dateline) plus the undated seed.
fn dated_corpus() -> TestEnv {
    let env = TestEnv::with_seed();
    env.write(
        "resign.md",
        "---\ntitle: Minister resigns\ndate: 2026-03-02\n---\n\
         The finance minister resigned on Saturday after a dispute over the budget.\n",
    );
    env.write(
        "history.md",
        "---\ntitle: Looking back at the crash\ndate: 2025-12-10\n---\n\
         In March 1987 the dollar fell sharply, and by October 1987 stock markets had crashed.\n\n\
         The central bank had warned about the deficit in 1986.\n",
    );
    env.write(
        "2026-01-15-budget.txt",
        "Budget talks resume\n\nThe council resumed budget talks on Thursday and expects a vote \
         on January 30, 2026.\n",
    );
    env.write(
        "wire.txt",
        "Cocoa review\n\nSALVADOR, Jan 20, 2026 (Reuters) - Cocoa arrivals rose in the week ended \
         January 18, 2026, traders said.\n",
    );
    env.lede_ok(&["index"], 0);
    env
}

fn search_ids(env: &TestEnv, args: &[&str]) -> Vec<String> {
    let mut all = vec!["search", "--json"];
    all.extend_from_slice(args);
    let out = env.lede(&all);
    assert!(out.code <= 1, "{all:?}: {}", out.stderr);
    if out.code == 1 {
        return Vec::new();
    }
    hit_ids(&out.json())
}

#[test]
fn publication_dates_record_their_source() {
    let env = dated_corpus();
    let results = env
        .lede_ok(&["search", "*", "--json", "--sort", "date", "-n", "10"], 0)
        .json();
    let hits = results["hits"].as_array().unwrap();
    let by_id: BTreeMap<&str, (&Value, &Value)> = hits
        .iter()
        .map(|h| {
            (
                h["article_id"].as_str().unwrap(),
                (&h["published"], &h["date_source"]),
            )
        })
        .collect();
    assert_eq!(by_id["resign.md"].0, "2026-03-02T00:00:00Z");
    assert_eq!(by_id["resign.md"].1, "metadata");
    assert_eq!(by_id["2026-01-15-budget.txt"].1, "filename");
    assert_eq!(by_id["2026-01-15-budget.txt"].0, "2026-01-15T00:00:00Z");
    // The year written in the dateline.
    assert_eq!(by_id["wire.txt"].0, "2026-01-20T00:00:00Z");
    assert_eq!(by_id["wire.txt"].1, "dateline");
    assert_eq!(by_id[SEED_NAME].0, &Value::Null);
    assert_eq!(by_id[SEED_NAME].1, "none");
    // The source is a field of the query syntax too.
    let undated = env
        .lede_ok(&["search", "date_source:none", "--json"], 0)
        .json();
    assert_eq!(undated["total_hits"], 1);
    assert_eq!(undated["hits"][0]["article_id"], SEED_NAME);
    // Newest first, the undated seed last.
    let order: Vec<&str> = hits
        .iter()
        .map(|h| h["article_id"].as_str().unwrap())
        .collect();
    assert_eq!(
        order,
        [
            "resign.md",
            "wire.txt",
            "2026-01-15-budget.txt",
            "history.md",
            SEED_NAME
        ]
    );
}

#[test]
fn mentions_filter_by_the_dates_passages_talk_about() {
    let env = dated_corpus();
    // "on Saturday" in a story of Monday 2026-03-02 is 2026-02-28.
    assert_eq!(
        search_ids(&env, &["--mentions", "2026-02-28"]),
        ["resign.md"]
    );
    let results = env
        .lede_ok(&["search", "--mentions", "2026-02", "--json"], 0)
        .json();
    assert_eq!(results["hits"][0]["passages"][0]["dates"][0], "2026-02-28");
    // A month mention lies within its year and within a range that covers it...
    assert_eq!(search_ids(&env, &["--mentions", "1987-03"]), ["history.md"]);
    assert_eq!(search_ids(&env, &["--mentions", "1987"]), ["history.md"]);
    assert_eq!(
        search_ids(&env, &["--mentions", "1987-02-15..1987-04-15"]),
        ["history.md"]
    );
    // ...but not within a part of the month.
    assert!(search_ids(&env, &["--mentions", "1987-03-01..1987-03-15"]).is_empty());
    // Only the passage that mentions the period is shown.
    let results = env
        .lede_ok(&["search", "--mentions", "1986", "--json"], 0)
        .json();
    let passages = results["hits"][0]["passages"].as_array().unwrap();
    assert_eq!(passages.len(), 1);
    assert!(passages[0]["text"].as_str().unwrap().contains("1986"));
    // Explicit dates in the dated stories; open-ended ranges.
    assert_eq!(
        search_ids(&env, &["--mentions", "2026-01"]),
        ["2026-01-15-budget.txt", "wire.txt"]
    );
    assert_eq!(search_ids(&env, &["--mentions", "..1986"]), ["history.md"]);
    // With words and the publication filters.
    assert_eq!(
        search_ids(
            &env,
            &["budget", "--mentions", "2026", "--since", "2026-02"]
        ),
        ["resign.md"]
    );
    let bad = env.lede_ok(&["search", "x", "--mentions", "1987-13"], 2);
    assert!(bad.stderr.contains("--mentions"), "{}", bad.stderr);
}

fn buckets(timeline: &Value) -> Vec<(String, u64)> {
    timeline["buckets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            (
                b["period"].as_str().unwrap().to_string(),
                b["count"].as_u64().unwrap(),
            )
        })
        .collect()
}

fn pairs(list: &[(&str, u64)]) -> Vec<(String, u64)> {
    list.iter().map(|(p, c)| (p.to_string(), *c)).collect()
}

#[test]
fn timeline_buckets_by_calendar_period() {
    let env = dated_corpus();
    let by_month = env
        .lede_ok(&["timeline", "--by", "month", "--json"], 0)
        .json();
    assert_eq!(by_month["total_articles"], 5);
    assert_eq!(by_month["undated"], 1);
    assert_eq!(
        buckets(&by_month),
        pairs(&[
            ("2025-12", 1),
            ("2026-01", 2),
            ("2026-02", 0),
            ("2026-03", 1)
        ])
    );
    let by_year = env
        .lede_ok(&["timeline", "--by", "year", "--json"], 0)
        .json();
    assert_eq!(buckets(&by_year), pairs(&[("2025", 1), ("2026", 3)]));
    // 2026-01-15 is a Thursday (ISO week 3), 2026-01-20 a Tuesday (week 4).
    let by_week = env
        .lede_ok(
            &["timeline", "council OR cocoa", "--by", "week", "--json"],
            0,
        )
        .json();
    assert_eq!(
        buckets(&by_week),
        pairs(&[("2026-W03", 1), ("2026-W04", 1)])
    );
    let by_day = env
        .lede_ok(
            &["timeline", "--by", "day", "--since", "2026-03", "--json"],
            0,
        )
        .json();
    assert_eq!(buckets(&by_day), pairs(&[("2026-03-02", 1)]));
    // By the dates mentioned: March and October 1987 are months; "1986" is coarser than a month.
    let mentioned = env
        .lede_ok(&["timeline", "crash", "--mentions", "--json"], 0)
        .json();
    let got = buckets(&mentioned);
    assert_eq!(got.first().unwrap(), &("1987-03".to_string(), 1));
    assert_eq!(got.last().unwrap(), &("1987-10".to_string(), 1));
    assert_eq!(got.iter().map(|b| b.1).sum::<u64>(), 2);
    let mentioned_years = env
        .lede_ok(
            &["timeline", "crash", "--mentions", "--by", "year", "--json"],
            0,
        )
        .json();
    assert_eq!(
        buckets(&mentioned_years),
        pairs(&[("1986", 1), ("1987", 1)])
    );
    // The chart: one row per period, bars scaled to the largest count.
    let chart = env.lede_ok(&["timeline", "--by", "month"], 0).stdout;
    let rows: Vec<&str> = chart.lines().collect();
    assert!(
        rows[0].starts_with("2025-12") && rows[0].contains('█'),
        "{chart}"
    );
    assert!(
        rows[2].starts_with("2026-02") && !rows[2].contains('█'),
        "{chart}"
    );
    let bar = |row: &str| row.chars().filter(|&c| c == '█').count();
    assert_eq!(bar(rows[1]), 2 * bar(rows[0]), "{chart}");
    assert!(chart.contains("5 articles; 1 undated"), "{chart}");
    env.lede_ok(&["timeline", "nothingmatchesthis"], 1);
}

#[test]
fn reuters_timeline_spans_february_to_october() {
    let Some(data) = shared_data("reuters_timeline_spans_february_to_october") else {
        return;
    };
    let jsonl = data.join("reuters21578/reuters21578.jsonl");
    let env = TestEnv::new();
    env.lede_ok(&["index", jsonl.to_str().unwrap()], 0);
    let timeline = env
        .lede_ok(&["timeline", "--by", "month", "--json"], 0)
        .json();
    // Expected counts per month, straight from the records' dates.
    let mut expected: BTreeMap<String, u64> = BTreeMap::new();
    for line in std::fs::read_to_string(&jsonl).unwrap().lines() {
        let record: Value = serde_json::from_str(line).unwrap();
        let has_text = ["title", "body"]
            .iter()
            .any(|k| record[k].as_str().is_some_and(|s| !s.trim().is_empty()));
        if let (true, Some(date)) = (has_text, record["date"].as_str()) {
            *expected.entry(date[..7].to_string()).or_default() += 1;
        }
    }
    let got: BTreeMap<String, u64> = buckets(&timeline)
        .into_iter()
        .filter(|(_, c)| *c > 0)
        .collect();
    assert_eq!(got, expected);
    let periods: Vec<String> = buckets(&timeline).into_iter().map(|b| b.0).collect();
    assert_eq!(periods.first().unwrap(), "1987-02");
    assert_eq!(periods.last().unwrap(), "1987-10");
    assert_eq!(
        periods.len(),
        9,
        "every month from February to October: {periods:?}"
    );
    // Mentioned dates: most stories talk about 1987 and the years around it.
    let mentioned = env
        .lede_ok(&["timeline", "--mentions", "--by", "year", "--json"], 0)
        .json();
    let top = buckets(&mentioned).into_iter().max_by_key(|b| b.1).unwrap();
    assert_eq!(top.0, "1987");
    // Entity counts agree with the entity filter.
    let counts = env
        .lede_ok(&["entities", "--type", "LOC", "-n", "3", "--json"], 0)
        .json();
    for entity in counts["entities"].as_array().unwrap() {
        let name = entity["name"].as_str().unwrap();
        let results = env
            .lede_ok(&["search", "--entity", &format!("LOC:{name}"), "--json"], 0)
            .json();
        assert_eq!(results["total_hits"], entity["articles"], "{name}");
    }
}
