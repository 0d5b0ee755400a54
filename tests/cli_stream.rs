//! End to end: a large `.jsonl` file is streamed in batches (bounded memory; here, exact counts),
//! with periodic commits, and a broken line in it loses only itself.

mod util;

use util::{TestEnv, summary_line};

fn counts(out: &util::Output) -> &str {
    util::summary_counts(&out.stderr)
}

#[test]
fn a_large_jsonl_file_is_streamed_with_exact_counts() {
    let env = TestEnv::new();
    let lines = 12_000;
    let mut text = String::with_capacity(lines * 100);
    for i in 1..=lines {
        if i == 5_001 {
            text.push_str("{\"id\": \"broken\", \"body\": \n");
        } else {
            text.push_str(&format!(
                "{{\"id\": \"s{i}\", \"title\": \"Shipment {i}\", \"body\": \"Copper shipment {i} reached the port.\"}}\n"
            ));
        }
    }
    env.write("big.jsonl", &text);
    let args = [
        "index",
        "--no-entities",
        "--no-dates",
        "--commit-every",
        "2500",
    ];
    let out = env.lede_ok(&args, 0);
    assert!(
        out.stderr.contains("big.jsonl:5001: invalid JSON"),
        "{}",
        out.stderr
    );
    assert_eq!(
        counts(&out),
        "11999 added, 0 updated, 0 unchanged, 0 removed, 1 skipped, 0 warnings"
    );
    // 11,999 articles at one commit per 2,500 written, and the last.
    assert!(
        summary_line(&out.stderr).contains("(5 commits)"),
        "{}",
        out.stderr
    );
    let stats = env.lede_ok(&["stats", "--json"], 0).json();
    assert_eq!(stats["articles"], 11_999);
    assert_eq!(stats["passages"], 11_999);
    let hit = env
        .lede_ok(&["search", "shipment 11999", "--json", "-n", "1"], 0)
        .json();
    assert_eq!(hit["hits"][0]["article_id"], "s11999");

    let again = env.lede_ok(&args, 0);
    assert_eq!(
        counts(&again),
        "0 added, 0 updated, 11999 unchanged, 0 removed, 0 skipped, 0 warnings"
    );

    // The last line changes: the file is streamed again and only that article is rewritten.
    let text = text.replace(
        "Copper shipment 12000 reached the port.",
        "Copper shipment 12000 was delayed.",
    );
    env.write("big.jsonl", &text);
    let changed = env.lede_ok(&args, 0);
    assert_eq!(
        counts(&changed),
        "0 added, 1 updated, 11998 unchanged, 0 removed, 1 skipped, 0 warnings"
    );
}

/// A `.json` array of `n` records, pretty-printed (record i on lines 2i and 2i + 1), with record
/// `broken` missing a value, record `long` over 60 KB and record `number` a bare number.
fn json_array(n: usize, broken: usize, long: usize, number: usize) -> String {
    let mut text = String::from("[\n");
    for i in 1..=n {
        let record = if i == broken {
            "  {\"id\": \"broken\",\n   \"body\": }".to_string()
        } else if i == long {
            format!(
                "  {{\"id\": \"long\",\n   \"body\": \"{}\"}}",
                "word ".repeat(12_000)
            )
        } else if i == number {
            "  42".to_string()
        } else {
            format!(
                "  {{\"title\": \"Cargo {i}\",\n   \"body\": \"Grain cargo {i} left the dock [{i}], \\\"on time\\\".\"}}"
            )
        };
        text.push_str(&record);
        text.push_str(if i < n { ",\n" } else { "\n]\n" });
    }
    text
}

#[test]
fn a_json_array_over_the_size_limit_is_streamed_record_by_record() {
    let env = TestEnv::new();
    // About 0.3 MB against a 0.05 MB limit: read whole it would be skipped.
    env.write("archive.json", &json_array(3_000, 1_200, 2_000, 2_500));
    let args = [
        "index",
        "--no-entities",
        "--no-dates",
        "--max-size",
        "0.05",
        "--commit-every",
        "1000",
    ];
    let out = env.lede_ok(&args, 0);
    // Each problem names its line: record i opens on line 2i (record 1200's error is on its
    // second line).
    for expected in [
        "archive.json:2401: record 1200 is not a usable JSON object: expected value",
        "archive.json:4000: record is over the 52428 bytes limit (--max-size)",
        "archive.json:5000: record 2500 is not a JSON object",
    ] {
        assert!(out.stderr.contains(expected), "{expected}\n{}", out.stderr);
    }
    assert_eq!(
        counts(&out),
        "2997 added, 0 updated, 0 unchanged, 0 removed, 3 skipped, 0 warnings"
    );
    let stats = env.lede_ok(&["stats", "--json"], 0).json();
    assert_eq!(stats["articles"], 2_997);
    // Records are numbered as when the file is read whole, escapes and brackets in strings kept.
    let hit = env
        .lede_ok(&["search", "cargo 2999", "--json", "-n", "1"], 0)
        .json();
    assert_eq!(hit["hits"][0]["article_id"], "archive.json#2999");
    let shown = env
        .lede_ok(&["show", "archive.json#2999", "--json"], 0)
        .json();
    assert_eq!(
        shown["article"]["body"],
        "Grain cargo 2999 left the dock [2999], \"on time\"."
    );
    let whole = TestEnv::new();
    whole.write("archive.json", &json_array(3_000, 1_200, 2_000, 2_500));
    whole.lede_ok(&["index", "--no-entities", "--no-dates"], 0);
    let whole_hit = whole
        .lede_ok(&["search", "cargo 2999", "--json", "-n", "1"], 0)
        .json();
    assert_eq!(whole_hit["hits"][0]["article_id"], "archive.json#2999");

    let again = env.lede_ok(&args, 0);
    assert_eq!(
        counts(&again),
        "0 added, 0 updated, 2997 unchanged, 0 removed, 0 skipped, 0 warnings"
    );
}

#[test]
fn a_large_json_file_that_is_not_an_array_or_breaks_off_says_so() {
    let env = TestEnv::new();
    let object = format!(
        "{{\"title\": \"One\", \"body\": \"{}\"}}",
        "word ".repeat(30_000)
    );
    env.write("one.json", &object);
    // The array's structure breaks after record 2000: the records before it are kept.
    let mut cut = json_array(3_000, 0, 0, 0);
    let at = cut.find("  {\"title\": \"Cargo 2001\"").unwrap();
    cut.replace_range(at - 2..at - 1, ";");
    env.write("cut.json", &cut);
    let out = env.lede_ok(
        &["index", "--no-entities", "--no-dates", "--max-size", "0.05"],
        0,
    );
    for expected in [
        "one.json: file is 150028 bytes, over the 52428 bytes limit (--max-size), and holds no array of records",
        "cut.json:4001: invalid JSON array: expected `,` or `]` after record 2000, found `;`; the rest is skipped",
    ] {
        assert!(out.stderr.contains(expected), "{expected}\n{}", out.stderr);
    }
    let stats = env.lede_ok(&["stats", "--json"], 0).json();
    assert_eq!(stats["articles"], 2_000);

    // An API's answer, its array of articles under a key, streams as an array does.
    let env = TestEnv::new();
    let array = json_array(3_000, 0, 0, 0);
    env.write(
        "answer.json",
        &format!(
            "{{\"status\": \"ok\", \"totalResults\": 3000,\n\"articles\": {array}, \"page\": 1}}"
        ),
    );
    let out = env.lede_ok(
        &["index", "--no-entities", "--no-dates", "--max-size", "0.05"],
        0,
    );
    assert_eq!(
        counts(&out),
        "3000 added, 0 updated, 0 unchanged, 0 removed, 0 skipped, 0 warnings"
    );
    let hit = env
        .lede_ok(&["search", "cargo 2999", "--json", "-n", "1"], 0)
        .json();
    assert_eq!(hit["hits"][0]["article_id"], "answer.json#2999");
}

#[test]
fn a_trec_bundle_over_the_size_limit_is_streamed_record_by_record() {
    let env = TestEnv::new();
    // About 0.2 MB against a 0.05 MB limit, named as TREC names its files (no extension); one
    // record over the limit.
    let mut text = String::new();
    for i in 1..=2_000 {
        let body = if i == 700 {
            "cargo shipments rose. ".repeat(3_000)
        } else {
            format!("cargo shipment {i} left port.")
        };
        text.push_str(&format!(
            "<DOC>\n<DOCNO> AP-{i} </DOCNO>\n<TEXT>\n{body}\n</TEXT>\n</DOC>\n"
        ));
    }
    env.write("AP880212", &text);
    let args = ["index", "--no-entities", "--no-dates", "--max-size", "0.05"];
    let out = env.lede_ok(&args, 0);
    let expected = "AP880212:4195: record is over the 52428 bytes limit (--max-size)";
    assert!(out.stderr.contains(expected), "{}", out.stderr);
    assert_eq!(
        counts(&out),
        "1999 added, 0 updated, 0 unchanged, 0 removed, 1 skipped, 0 warnings"
    );
    let hit = env
        .lede_ok(&["search", "shipment 1999", "--json", "-n", "1"], 0)
        .json();
    assert_eq!(hit["hits"][0]["article_id"], "AP-1999");
    // Unchanged, it is not read again.
    let again = env.lede_ok(&args, 0);
    assert_eq!(
        counts(&again),
        "0 added, 0 updated, 1999 unchanged, 0 removed, 0 skipped, 0 warnings"
    );
}
