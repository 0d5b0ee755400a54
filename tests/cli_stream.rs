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
