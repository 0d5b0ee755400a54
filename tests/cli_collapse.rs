//! End to end: `lede search --collapse` folds the versions of a story (a repeat, a corrected copy)
//! into its best-ranked one (on Reuters-21578's own repeats: `tests/reuters.rs`).

mod util;

use util::{TestEnv, ranked_ids as ids};

const STORY: &str = "Dock workers at Rotterdam walked out on Tuesday, halting container terminals \
                     at Europe's largest port. The union said the strike over pay would last \
                     until the port operators improved their offer, and ships queued off the \
                     Maasvlakte for a second day.";

/// A story, its repeat, a corrected copy with one figure changed, and two other port stories.
fn write_versions(env: &TestEnv) {
    let record = |id: &str, date: &str, title: &str, body: &str| {
        serde_json::json!({"id": id, "date": date, "title": title, "body": body}).to_string()
    };
    let corrected = STORY.replace("a second day", "a third day");
    let lines = [
        record(
            "story",
            "2026-02-03T09:00:00Z",
            "Dock strike halts Rotterdam port",
            STORY,
        ),
        record(
            "volumes",
            "2026-02-04T10:00:00Z",
            "Rotterdam port volumes rise",
            "Container volumes at the port of Rotterdam rose 3% in the first quarter, the port \
             authority said, as strikes elsewhere sent ships its way.",
        ),
        record(
            "repeat",
            "2026-02-03T09:05:00Z",
            "REPEAT - Dock strike halts Rotterdam port",
            STORY,
        ),
        record(
            "corrected",
            "2026-02-03T11:00:00Z",
            "CORRECTED - Dock strike halts Rotterdam port",
            &corrected,
        ),
        record(
            "antwerp",
            "2026-02-05T08:00:00Z",
            "Antwerp takes Rotterdam's ships",
            "Ships diverted from the Rotterdam strike berthed at Antwerp, the Belgian port said.",
        ),
    ];
    env.write("wire.jsonl", &(lines.join("\n") + "\n"));
}

#[test]
fn versions_of_a_story_are_folded_into_the_best_ranked_one() {
    let env = TestEnv::new();
    write_versions(&env);
    env.lede_ok(&["index", "-q"], 0);
    let all = env
        .lede_ok(&["search", "rotterdam strike", "--json"], 0)
        .json();
    assert_eq!(ids(&all).len(), 5);
    assert!(all["hits"][0].get("duplicates").is_none());
    let folded = env
        .lede_ok(&["search", "rotterdam strike", "--collapse", "--json"], 0)
        .json();
    // Every match is still counted; the page shows each story once.
    assert_eq!(folded["total_hits"], all["total_hits"]);
    let shown = ids(&folded);
    assert_eq!(shown.len(), 3, "{folded}");
    let versions: Vec<&str> = ["story", "repeat", "corrected"].to_vec();
    let kept = shown
        .iter()
        .find(|id| versions.contains(&id.as_str()))
        .unwrap();
    let hit = &folded["hits"][shown.iter().position(|id| id == kept).unwrap()];
    let mut group: Vec<String> = serde_json::from_value(hit["duplicates"].clone()).unwrap();
    // The kept one is the best ranked of the three; the others follow in rank order.
    let order: Vec<String> = ids(&all)
        .into_iter()
        .filter(|id| versions.contains(&id.as_str()))
        .collect();
    assert_eq!(kept, &order[0]);
    assert_eq!(group, order[1..]);
    group.push(kept.clone());
    group.sort();
    assert_eq!(group, ["corrected", "repeat", "story"]);
    // Paging goes by stories, and the date order keeps the newest version.
    let second = env
        .lede_ok(
            &[
                "search",
                "rotterdam strike",
                "--collapse",
                "-n",
                "1",
                "--offset",
                "1",
                "--json",
            ],
            0,
        )
        .json();
    assert_eq!(ids(&second), [shown[1].clone()]);
    let newest = env
        .lede_ok(
            &[
                "search",
                "rotterdam strike",
                "--collapse",
                "--sort",
                "date",
                "--json",
            ],
            0,
        )
        .json();
    assert_eq!(ids(&newest), ["antwerp", "volumes", "corrected"]);
    assert_eq!(
        newest["hits"][2]["duplicates"],
        serde_json::json!(["repeat", "story"])
    );
    let human = env.lede_ok(
        &[
            "search",
            "rotterdam strike",
            "--collapse",
            "--sort",
            "date",
            "--color",
            "never",
        ],
        0,
    );
    assert!(
        human
            .stdout
            .contains("  + 2 near-duplicates: repeat, story\n"),
        "{}",
        human.stdout
    );
    let conflict = env.lede_ok(&["search", "rotterdam", "--collapse", "--passages"], 2);
    assert!(
        conflict.stderr.contains("cannot be used with"),
        "{}",
        conflict.stderr
    );
}
