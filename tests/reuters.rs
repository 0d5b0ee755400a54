//! Tests on real news from `../shared/data` (Reuters-21578). They run when the data is there and
//! say that they were skipped when it is not.

mod util;

use util::{TestEnv, shared_data, summary_line};

#[test]
fn all_of_reuters_indexes_and_a_known_story_is_found() {
    let Some(data) = shared_data() else {
        eprintln!(
            "SKIPPED all_of_reuters_indexes_and_a_known_story_is_found: ../shared/data is absent"
        );
        return;
    };
    let jsonl = data.join("reuters21578/reuters21578.jsonl");
    let env = TestEnv::new();
    let out = env.lede_ok(&["index", jsonl.to_str().unwrap()], 0);
    let line = summary_line(&out.stderr);
    assert!(line.contains("21577 added"), "{line}");
    // One record (NEWID 12793) has neither title nor body.
    assert!(
        out.stderr
            .contains("reuters21578.jsonl:12793: article has no body")
    );
    // Story 1, "BAHIA COCOA REVIEW", dated 26 Feb 1987.
    let results = env
        .lede_ok(
            &[
                "search",
                "Bahia cocoa review Comissaria Smith",
                "--json",
                "--limit",
                "3",
            ],
            0,
        )
        .json();
    let hit = &results["hits"][0];
    assert_eq!(hit["title"], "BAHIA COCOA REVIEW");
    assert_eq!(hit["published"], "1987-02-26T15:01:01Z");
    assert!(
        hit["passages"][0]["text"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .contains("comissaria smith")
    );
    let feb = env
        .lede_ok(
            &[
                "search", "cocoa", "--until", "1987-02", "--json", "--limit", "50",
            ],
            0,
        )
        .json();
    assert!(
        feb["hits"]
            .as_array()
            .unwrap()
            .iter()
            .all(|h| { h["published"].as_str().unwrap() < "1987-03" })
    );
    let again = env.lede_ok(&["index", jsonl.to_str().unwrap()], 0);
    assert!(summary_line(&again.stderr).contains("21577 unchanged"));
}
