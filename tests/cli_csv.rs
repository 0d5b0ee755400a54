//! End to end: `--csv` tables of `lede search`, `lede entities` and `lede timeline`, row for row
//! what `--json` gives.

mod util;

use util::TestEnv;

fn table(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader
        .headers()
        .expect("a header")
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.expect("a record").iter().map(str::to_string).collect())
        .collect();
    (header, rows)
}

fn news() -> TestEnv {
    let env = TestEnv::new();
    util::write_news(&env);
    // A title with a comma and quotes, a body over two lines.
    env.write(
        "2026-02-01-quotes.md",
        "---\ntitle: Merkel, Macron and the \"budget\" question\ndate: 2026-02-01\n---\n\
         The budget talks went on.\nMerkel said little.\n",
    );
    // An untitled wire story, headed by its first sentence.
    env.write(
        "wire.jsonl",
        "{\"id\": \"wire-1\", \"body\": \"Budget cuts loom, officials said.\\nMore later.\"}\n",
    );
    env.lede_ok(&["index", "-q"], 0);
    env
}

#[test]
fn search_tables_hold_what_the_json_holds() {
    let env = news();
    for args in [&["budget"][..], &["budget", "--offset", "2", "-n", "2"][..]] {
        let with = |format: &str| {
            let mut all = vec!["search"];
            all.extend_from_slice(args);
            all.push(format);
            env.lede_ok(&all, 0)
        };
        let json = with("--json").json();
        let (header, rows) = table(&with("--csv").stdout);
        assert_eq!(
            header,
            [
                "rank",
                "article_id",
                "published",
                "title",
                "opening",
                "source",
                "url",
                "path",
                "score",
                "passage"
            ]
        );
        let hits = json["hits"].as_array().unwrap();
        assert_eq!(rows.len(), hits.len(), "{args:?}");
        let offset = if args.len() > 1 { 2 } else { 0 };
        for (i, (row, hit)) in rows.iter().zip(hits).enumerate() {
            assert_eq!(row[0], (offset + i + 1).to_string());
            assert_eq!(row[1], hit["article_id"].as_str().unwrap());
            assert_eq!(row[2], hit["published"].as_str().unwrap_or(""));
            assert_eq!(row[3], hit["title"].as_str().unwrap());
            assert_eq!(row[4], hit["opening"].as_str().unwrap_or(""));
            let passage = hit["passages"][0]["text"].as_str().unwrap();
            assert_eq!(
                row[9],
                passage.split_whitespace().collect::<Vec<_>>().join(" ")
            );
        }
    }
    // The comma and quotes survive; the passage is one line.
    let (_, rows) = table(&env.lede_ok(&["search", "question", "--csv"], 0).stdout);
    assert_eq!(rows[0][3], "Merkel, Macron and the \"budget\" question");
    assert_eq!(rows[0][4], "");
    assert_eq!(rows[0][9], "The budget talks went on. Merkel said little.");
    let (_, rows) = table(&env.lede_ok(&["search", "loom", "--csv"], 0).stdout);
    assert_eq!(
        (rows[0][3].as_str(), rows[0][4].as_str()),
        ("", "Budget cuts loom, officials said.")
    );
    // No hits: the header alone, and grep's exit code.
    let none = env.lede_ok(&["search", "zeppelin", "--csv"], 1);
    assert_eq!(table(&none.stdout).1.len(), 0);
    assert!(none.stdout.starts_with("rank,"));
    // One output format at a time.
    env.lede_ok(&["search", "budget", "--csv", "--json"], 2);
}

#[test]
fn entity_and_timeline_tables_hold_what_the_json_holds() {
    let env = news();
    let json = env.lede_ok(&["entities", "budget", "--json"], 0).json();
    let (header, rows) = table(&env.lede_ok(&["entities", "budget", "--csv"], 0).stdout);
    assert_eq!(header, ["type", "name", "articles"]);
    let entities = json["entities"].as_array().unwrap();
    assert!(!entities.is_empty());
    assert_eq!(rows.len(), entities.len());
    for (row, entity) in rows.iter().zip(entities) {
        assert_eq!(row[0], entity["type"].as_str().unwrap());
        assert_eq!(row[1], entity["name"].as_str().unwrap());
        assert_eq!(row[2], entity["articles"].to_string());
    }
    let json = env.lede_ok(&["timeline", "budget", "--json"], 0).json();
    let (header, rows) = table(&env.lede_ok(&["timeline", "budget", "--csv"], 0).stdout);
    assert_eq!(header, ["period", "start", "count"]);
    let buckets = json["buckets"].as_array().unwrap();
    assert_eq!(rows.len(), buckets.len());
    for (row, bucket) in rows.iter().zip(buckets) {
        assert_eq!(row[0], bucket["period"].as_str().unwrap());
        assert_eq!(row[1], bucket["start"].as_str().unwrap());
        assert_eq!(row[2], bucket["count"].to_string());
    }
    assert_eq!(rows[0][0], "2025-12");
}
