//! End to end: `--like ID`, articles like one of the index's, in `lede search`, `lede entities`
//! and `lede timeline`, on a small corpus of two subjects.

mod util;

use util::{TestEnv, hit_ids, ranked_ids};

/// Three stories about Bahia's cocoa crop, three about a dock strike in Rotterdam, and two more.
fn write_two_subjects(env: &TestEnv) {
    env.write(
        "2026-02-02-cocoa-rains.md",
        "---\ntitle: Rains lift Bahia cocoa crop prospects\ndate: 2026-02-02\n---\n\
         Showers continued throughout the week in the Bahia cocoa zone, alleviating the drought \
         and improving prospects for the temporao crop, Comissaria Smith said in its weekly \
         review. Cocoa arrivals at Ilheus reached 3,000 bags, and farmers expect the main crop \
         to recover if the rains hold.\n",
    );
    env.write(
        "2026-02-09-cocoa-exports.md",
        "---\ntitle: Brazil cocoa exports slow\ndate: 2026-02-09\n---\n\
         Brazilian cocoa exports slowed in January as Bahia farmers held back beans, waiting \
         for the temporao crop to show how much cocoa the drought had cost. Shippers at Ilheus \
         said arrivals of cocoa bags were below last year's.\n",
    );
    env.write(
        "2026-03-01-cocoa-prices.md",
        "---\ntitle: Cocoa prices fall on Bahia rains\ndate: 2026-03-01\n---\n\
         Cocoa futures fell in London as rains in Bahia eased fears for the temporao crop. \
         Dealers said Comissaria Smith's estimate of the Bahia cocoa harvest pointed to more \
         beans reaching Ilheus in March.\n",
    );
    env.write(
        "2026-02-03-strike.md",
        "---\ntitle: Dock strike halts Rotterdam port\ndate: 2026-02-03\n---\n\
         Dock workers at Rotterdam walked out on Tuesday, halting container terminals at \
         Europe's largest port. The union said the strike over pay would last until the port \
         operators improved their offer; ships queued off the Maasvlakte.\n",
    );
    env.write(
        "2026-02-10-strike-talks.md",
        "---\ntitle: Rotterdam port strike talks resume\ndate: 2026-02-10\n---\n\
         Talks between the dock workers' union and Rotterdam port operators resumed on Monday \
         as the strike entered its second week. Container ships waiting off the Maasvlakte \
         were diverted to Antwerp.\n",
    );
    env.write(
        "2026-03-05-strike-ends.md",
        "---\ntitle: Rotterdam dock strike ends with pay deal\ndate: 2026-03-05\n---\n\
         The dock strike at Rotterdam ended after the union accepted the operators' pay offer. \
         Container terminals on the Maasvlakte reopened and the port expects the queue of \
         ships to clear within a week.\n",
    );
    env.write(
        "2026-02-20-election.md",
        "---\ntitle: Voters go to the polls\ndate: 2026-02-20\n---\n\
         Voters in the region elected a new council on Sunday. Turnout rose in the week after \
         the last debate, officials said.\n",
    );
    env.write(
        "2026-02-21-orchestra.md",
        "---\ntitle: Orchestra opens season\ndate: 2026-02-21\n---\n\
         The city orchestra opened its season with a new symphony. Critics said the week of \
         rehearsals showed.\n",
    );
}

#[test]
fn articles_like_one_are_those_on_its_subject_without_it() {
    let env = TestEnv::new();
    write_two_subjects(&env);
    env.lede_ok(&["index", "-q"], 0);
    for (source, same) in [
        (
            "2026-02-02-cocoa-rains.md",
            ["2026-02-09-cocoa-exports.md", "2026-03-01-cocoa-prices.md"],
        ),
        (
            "2026-02-10-strike-talks.md",
            ["2026-02-03-strike.md", "2026-03-05-strike-ends.md"],
        ),
    ] {
        let results = env
            .lede_ok(&["search", "--like", source, "--json"], 0)
            .json();
        let ids = ranked_ids(&results);
        assert!(!ids.contains(&source.to_string()), "{ids:?}");
        let mut top: Vec<&str> = ids.iter().take(2).map(String::as_str).collect();
        top.sort();
        assert_eq!(top, same, "{source}: {results}");
        // The query is the article's own words, those that tell it apart first: in a collection
        // this small, a word as common as `the` may follow them, never lead.
        let words: Vec<&str> = results["query"].as_str().unwrap().split(' ').collect();
        assert!(words.len() <= 25, "{words:?}");
        let rank = |word: &str| words.iter().position(|w| *w == word);
        let subject = if source.contains("cocoa") {
            ["cocoa", "bahia", "temporao"]
        } else {
            ["rotterdam", "strike", "maasvlakte"]
        };
        for word in subject {
            let at = rank(word).unwrap_or_else(|| panic!("{word} not in {words:?}"));
            assert!(rank("the").is_none_or(|the| the > at), "{words:?}");
        }
        assert!(
            subject.contains(&words[0]) || subject.contains(&words[1]),
            "{words:?}"
        );
        // Hits show the passages that hold those words.
        let marks = results["hits"][0]["passages"][0]["highlights"]
            .as_array()
            .unwrap();
        assert!(!marks.is_empty(), "{results}");
    }
}

#[test]
fn a_like_search_takes_filters_and_shows_its_words() {
    let env = TestEnv::new();
    write_two_subjects(&env);
    env.lede_ok(&["index", "-q"], 0);
    let source = "2026-03-01-cocoa-prices.md";
    let earlier = env
        .lede_ok(
            &[
                "search",
                "--like",
                source,
                "--until",
                "2026-02-05",
                "--json",
            ],
            0,
        )
        .json();
    assert_eq!(
        ranked_ids(&earlier)[0],
        "2026-02-02-cocoa-rains.md",
        "{earlier}"
    );
    assert!(
        ranked_ids(&earlier)
            .iter()
            .all(|id| id.as_str() < "2026-02-06"),
        "{earlier}"
    );
    let human = env.lede_ok(&["search", "--like", source, "--color", "never"], 0);
    let first = human.stdout.lines().next().unwrap();
    assert!(
        first.starts_with(&format!("articles like {source}, by its words: ")),
        "{}",
        human.stdout
    );
    assert!(first.contains("cocoa"), "{first}");
    // The articles' entities and timeline, like the search, leave the article itself out.
    let all = env.lede_ok(&["search", "--like", source, "--json", "-n", "50"], 0);
    let total = all.json()["total_hits"].as_u64().unwrap();
    let timeline = env
        .lede_ok(
            &["timeline", "--like", source, "--by", "month", "--json"],
            0,
        )
        .json();
    assert_eq!(
        timeline["total_articles"].as_u64().unwrap(),
        total,
        "{timeline}"
    );
    let months: u64 = timeline["buckets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["count"].as_u64().unwrap())
        .sum();
    assert_eq!(months, total);
    let entities = env
        .lede_ok(&["entities", "--like", source, "--json"], 0)
        .json();
    assert_eq!(
        entities["total_articles"].as_u64().unwrap(),
        total,
        "{entities}"
    );
    assert_eq!(hit_ids(&all.json()).len() as u64, total);
}

#[test]
fn a_like_search_of_an_unknown_id_or_with_a_query_is_refused_and_one_of_no_shared_word_finds_none()
{
    let env = TestEnv::new();
    write_two_subjects(&env);
    env.lede_ok(&["index", "-q"], 0);
    let unknown = env.lede_ok(&["search", "--like", "nowhere.md"], 2);
    assert!(
        unknown.stderr.contains("no article with id \"nowhere.md\""),
        "{}",
        unknown.stderr
    );
    let both = env.lede_ok(
        &["search", "--like", "2026-02-03-strike.md", "port operators"],
        2,
    );
    assert!(
        both.stderr.contains("takes no query (\"port operators\")"),
        "{}",
        both.stderr
    );
    env.write("q.tsv", "1\tport strike\n");
    let batch = env.lede_ok(
        &[
            "search",
            "--batch",
            "corpus/q.tsv",
            "--trec",
            "--like",
            "2026-02-03-strike.md",
        ],
        2,
    );
    assert!(
        batch.stderr.contains("--like takes no query"),
        "{}",
        batch.stderr
    );
    // An article that shares no word with any other is like none of them (not like all).
    env.write(
        "2026-04-01-odd.md",
        "---\ntitle: Quokkas\n---\nQuokkas yodelled, mesmerising wombats.\n",
    );
    env.lede_ok(&["index", "-q"], 0);
    let none = env.lede_ok(&["search", "--like", "2026-04-01-odd.md", "--json"], 1);
    assert_eq!(none.json()["total_hits"], 0);
}
