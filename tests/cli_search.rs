//! End to end: `lede search`, `show` and `stats` on the seed article and small dated corpora: the
//! expected passage with its terms highlighted, the JSON schema, TREC output, filters, sorting,
//! lenient parsing and exit codes.

mod util;

use serde_json::Value;
use util::{SEED_NAME, TestEnv, ranked_ids as ids};

fn highlighted(passage: &Value) -> Vec<String> {
    let text = passage["text"].as_str().unwrap();
    passage["highlights"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let (s, e) = (
                r[0].as_u64().unwrap() as usize,
                r[1].as_u64().unwrap() as usize,
            );
            text[s..e].to_string()
        })
        .collect()
}

#[test]
fn the_seed_query_finds_the_pentagon_passage_highlighted() {
    let env = TestEnv::with_seed();
    // No index yet: search builds it from ./corpus.
    let out = env.lede_ok(&["search", "Anthropic supply-chain risk", "--json"], 0);
    assert!(
        out.stderr.contains("building it from ./corpus"),
        "{}",
        out.stderr
    );
    let results = out.json();
    for key in ["query", "total_hits", "took_ms", "hits"] {
        assert!(results.get(key).is_some(), "missing {key}");
    }
    assert_eq!(results["total_hits"], 1);
    let hit = &results["hits"][0];
    for key in [
        "article_id",
        "title",
        "published",
        "source",
        "url",
        "path",
        "score",
        "passages",
    ] {
        assert!(hit.get(key).is_some(), "missing hit.{key}");
    }
    assert_eq!(hit["article_id"], SEED_NAME);
    let best = &hit["passages"][0];
    for key in ["index", "text", "start", "end", "highlights"] {
        assert!(best.get(key).is_some(), "missing passage.{key}");
    }
    let text = best["text"].as_str().unwrap();
    assert!(text.contains("the Pentagon reportedly designated the company a supply-chain risk"));
    let marks = highlighted(best);
    for word in ["Anthropic", "supply-chain", "risk"] {
        assert!(marks.iter().any(|m| m == word), "{word} not in {marks:?}");
    }
    // The passage's byte range points into the article body.
    let show = env.lede_ok(&["show", SEED_NAME, "--json"], 0).json();
    let body = show["article"]["body"].as_str().unwrap();
    let (s, e) = (
        best["start"].as_u64().unwrap() as usize,
        best["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&body[s..e], text);
}

#[test]
fn human_output_highlights_on_request_and_is_plain_when_piped() {
    let env = TestEnv::with_seed();
    let plain = env.lede_ok(&["search", "supply-chain risk"], 0);
    assert!(!plain.stdout.contains('\x1b'));
    assert!(plain.stdout.contains("supply-chain risk"));
    let colored = env.lede_ok(&["search", "supply-chain risk", "--color", "always"], 0);
    assert!(
        colored.stdout.contains("\x1b[1;31msupply-chain\x1b[0m"),
        "{}",
        colored.stdout
    );
}

#[test]
fn exit_codes_follow_grep() {
    let env = TestEnv::with_seed();
    env.lede_ok(&["search", "openai"], 0);
    let none = env.lede_ok(&["search", "zzzxqy"], 1);
    assert!(none.stdout.contains("no hits"));
    let bad = env.lede_ok(&["search", "openai", "--since", "March"], 2);
    assert!(
        bad.stderr.contains("invalid date \"March\""),
        "{}",
        bad.stderr
    );
    let missing = env.lede_ok(&["stats", "--index", "nowhere"], 2);
    assert!(
        missing.stderr.contains("no lede index at nowhere"),
        "{}",
        missing.stderr
    );
}

#[test]
fn malformed_queries_search_what_they_can() {
    let env = TestEnv::with_seed();
    for query in [
        "\"supply chain",
        "(openai AND",
        "nosuchfield:openai openai",
        "AND OR NOT",
        ":::",
        "openai~",
    ] {
        let out = env.lede(&["search", query, "--json"]);
        assert!(out.code == 0 || out.code == 1, "{query}: {out:#?}");
        out.json();
    }
    let out = env.lede_ok(&["search", "nosuchfield:pentagon Pentagon"], 0);
    assert!(out.stderr.contains("ignored"), "{}", out.stderr);
    // Plain mode reads operators and colons as words.
    let plain = env.lede_ok(&["search", "--plain", "PENTAGON AND: \"RISK"], 0);
    assert!(plain.stdout.contains("Pentagon"));
}

#[test]
fn phrases_match_in_order_only() {
    let env = TestEnv::with_seed();
    env.lede_ok(&["search", "\"supply-chain risk\""], 0);
    env.lede_ok(&["search", "\"risk supply-chain\""], 1);
}

#[test]
fn a_phrase_with_slop_finds_the_words_near_each_other_and_shows_where() {
    let env = TestEnv::new();
    // The first paragraph names Volcker and the Fed far apart; the third puts them two words
    // apart. Each paragraph is a passage of its own (over 40 words).
    let filler = "Traders in New York and London watched the bond market closely through the \
                  week as prices moved in narrow ranges on light volume before the holiday.";
    let body = format!(
        "Volcker spoke to reporters on Tuesday. {filler} {filler} Later the Fed said nothing.\n\n\
         {filler} {filler} Nothing else was said that day.\n\n\
         On Wednesday Volcker told the Fed board to hold rates. {filler} {filler}\n"
    );
    env.write("volcker.md", &format!("---\ntitle: Rates\n---\n{body}"));
    env.lede_ok(&["index"], 0);

    env.lede_ok(&["search", "\"volcker fed\""], 1);
    env.lede_ok(&["search", "\"volcker fed\"~1"], 1);
    let out = env
        .lede_ok(&["search", "\"volcker fed\"~2", "--json"], 0)
        .json();
    let passage = &out["hits"][0]["passages"][0];
    assert_eq!(passage["index"], 2, "{passage:#}");
    assert!(
        passage["text"]
            .as_str()
            .unwrap()
            .contains("Volcker told the Fed"),
        "{passage:#}"
    );
    assert_eq!(highlighted(passage), ["Volcker", "Fed"]);
    // Swapped words cost two: "fed volcker" needs two more than "volcker fed".
    env.lede_ok(&["search", "\"fed volcker\"~3"], 1);
    env.lede_ok(&["search", "\"fed volcker\"~4"], 0);
}

#[test]
fn ids_list_every_match_in_the_order_asked() {
    let env = TestEnv::new();
    util::generated_corpus(&env, 200);
    env.lede_ok(&["index", "-q"], 0);
    let count: usize = env
        .lede_ok(&["search", "-c", "copper"], 0)
        .stdout
        .trim()
        .parse()
        .unwrap();
    assert!(
        count > 10,
        "{count} matches: too few to tell -l from a page"
    );
    let listed = env.lede_ok(&["search", "-l", "copper"], 0).stdout;
    let listed: Vec<&str> = listed.lines().collect();
    assert_eq!(listed.len(), count);
    // The order of the search, page after page.
    let all = env
        .lede_ok(&["search", "copper", "--json", "-n", &count.to_string()], 0)
        .json();
    assert_eq!(listed, ids(&all));
    // -n and --offset cut it; --sort orders it.
    let some = env
        .lede_ok(&["search", "-l", "copper", "-n", "3", "--offset", "2"], 0)
        .stdout;
    assert_eq!(some.lines().collect::<Vec<_>>(), listed[2..5]);
    let oldest = env
        .lede_ok(
            &["search", "copper", "--sort", "oldest", "--json", "-n", "5"],
            0,
        )
        .json();
    let listed_oldest = env
        .lede_ok(
            &["search", "-l", "copper", "--sort", "oldest", "-n", "5"],
            0,
        )
        .stdout;
    assert_eq!(listed_oldest.lines().collect::<Vec<_>>(), ids(&oldest));
    // Nothing matches: nothing printed, exit code 1.
    let none = env.lede_ok(&["search", "-l", "zeppelinquartz"], 1);
    assert_eq!(none.stdout, "");
    env.lede_ok(&["search", "-l", "--json", "copper"], 2);
}

#[test]
fn an_untitled_story_keeps_its_first_sentence_as_a_passage() {
    let env = TestEnv::new();
    // No headline: the first sentence is the title, and stays the lede of the body.
    env.write(
        "2026-03-05-quarry.txt",
        "The quarry near Tarragona closed on March 2, 2026, after a landslide. Workers were \
         moved to other sites. The owners said repairs would take a year.\n",
    );
    env.lede_ok(&["index", "-q"], 0);
    let results = env.lede_ok(&["search", "landslide", "--json"], 0).json();
    let hit = &results["hits"][0];
    assert!(
        hit["title"]
            .as_str()
            .unwrap()
            .starts_with("The quarry near Tarragona")
    );
    let passage = &hit["passages"][0];
    assert!(
        passage["text"]
            .as_str()
            .unwrap()
            .starts_with("The quarry near Tarragona"),
        "{passage:#}"
    );
    assert_eq!(highlighted(passage), ["landslide"]);
    // On a terminal the sentence is shown once, as the title; the passage goes on from it.
    let human = env
        .lede_ok(&["search", "repairs", "--color", "never"], 0)
        .stdout;
    assert_eq!(human.matches("The quarry near").count(), 1, "{human}");
    assert!(human.contains("\n  … Workers were moved"), "{human}");
    // Its dates are the body's: the date it names is found.
    let by_mention = env.lede_ok(&["search", "--mentions", "2026-03-02", "--json"], 0);
    assert_eq!(ids(&by_mention.json()).len(), 1);
}

#[test]
fn a_record_without_a_title_is_headed_by_its_opening_sentence() {
    let env = TestEnv::new();
    // As the known-item test's stories come: JSON records with a body and no title.
    env.write(
        "wire.jsonl",
        "{\"id\": \"w-1\", \"body\": \"The quarry near Tarragona closed\\nafter a landslide. \
         Workers were moved to other sites.\\n\\nThe owners said repairs to the quarry would \
         take a year.\"}\n",
    );
    env.lede_ok(&["index", "-q"], 0);
    let results = env.lede_ok(&["search", "quarry", "--json"], 0).json();
    let hit = &results["hits"][0];
    assert_eq!(hit["title"], "");
    assert_eq!(
        hit["opening"],
        "The quarry near Tarragona closed\nafter a landslide."
    );
    assert_eq!(hit["opening_highlights"], serde_json::json!([[4, 10]]));
    // On a terminal it heads the hit, its line break a space, and the passage goes on from it.
    let human = env
        .lede_ok(&["search", "quarry", "--color", "never"], 0)
        .stdout;
    let mut lines = human.lines();
    assert_eq!(
        lines.next(),
        Some("The quarry near Tarragona closed after a landslide.")
    );
    assert_eq!(human.matches("Tarragona closed").count(), 1, "{human}");
    assert!(human.contains("\n  … Workers were moved"), "{human}");
    // A titled record has no opening.
    env.write(
        "titled.json",
        "{\"id\": \"t-1\", \"title\": \"Quarry reopens\", \"body\": \"The quarry reopened.\"}",
    );
    env.lede_ok(&["index", "-q"], 0);
    let results = env.lede_ok(&["search", "reopens", "--json"], 0).json();
    assert_eq!(results["hits"][0]["title"], "Quarry reopens");
    assert!(results["hits"][0].get("opening").is_none());
}

#[test]
fn a_phrase_is_highlighted_where_it_stands_only() {
    let env = TestEnv::new();
    env.write(
        "deficit.txt",
        "Moody's sees U.S. deficit widen\n\nMoody's said the U.S. deficit widened, and the bank's economists \
         expected the U.S. to borrow more.\n",
    );
    env.lede_ok(&["index", "-q"], 0);
    // `U.S.` is the phrase `u s`: the `s` of "Moody's" and "bank's" is not lit up.
    let results = env.lede_ok(&["search", "U.S. deficit", "--json"], 0).json();
    let passage = &results["hits"][0]["passages"][0];
    assert_eq!(highlighted(passage), ["U", "S", "deficit", "U", "S"]);
    // The title too.
    let hit = &results["hits"][0];
    let title = hit["title"].as_str().unwrap();
    let lit: Vec<&str> = hit["title_highlights"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &title[r[0].as_u64().unwrap() as usize..r[1].as_u64().unwrap() as usize])
        .collect();
    assert_eq!(lit, ["U", "S", "deficit"]);
}

fn dated_corpus() -> TestEnv {
    let env = TestEnv::new();
    let stories = [
        (
            "old",
            "1987-02-26",
            "Cocoa prices rose in Bahia after rain.",
        ),
        ("mid", "1987-06-15T10:00:00Z", "Cocoa exports fell in June."),
        (
            "new",
            "1987-10-19",
            "Cocoa traders watched the stock market crash.",
        ),
        ("undated", "", "Cocoa stories without a date."),
    ];
    let lines: Vec<String> = stories
        .iter()
        .map(|(id, date, body)| {
            serde_json::json!({"id": id, "title": format!("Cocoa {id}"), "date": date, "body": body})
                .to_string()
        })
        .collect();
    env.write("cocoa.jsonl", &(lines.join("\n") + "\n"));
    env.lede_ok(&["index"], 0);
    env
}

/// The ids of a query's hits, sorted; none when nothing matches. The query must parse whole:
/// no part of it is ignored.
fn sorted_ids(env: &TestEnv, query: &str) -> Vec<String> {
    let out = env.lede(&["search", query, "--json"]);
    assert!(out.code <= 1, "{query}: {}", out.stderr);
    assert!(!out.stderr.contains("ignored"), "{query}: {}", out.stderr);
    if out.code == 1 {
        return Vec::new();
    }
    let mut got = ids(&out.json());
    got.sort();
    got
}

#[test]
fn date_filters_and_date_sort() {
    let env = dated_corpus();
    let by_date = env
        .lede_ok(&["search", "cocoa", "--sort", "date", "--json"], 0)
        .json();
    assert_eq!(ids(&by_date), ["new", "mid", "old", "undated"]);
    // `newest` is `date`; `oldest` reverses the dated ones, the undated still last; ranking
    // passages goes by the same order.
    for (sort, want) in [
        ("newest", ["new", "mid", "old", "undated"]),
        ("oldest", ["old", "mid", "new", "undated"]),
    ] {
        let got = env
            .lede_ok(&["search", "cocoa", "--sort", sort, "--json"], 0)
            .json();
        assert_eq!(ids(&got), want, "{sort}");
        let passages = env
            .lede_ok(
                &["search", "cocoa", "--sort", sort, "--passages", "--json"],
                0,
            )
            .json();
        let mut order = ids(&passages);
        order.dedup();
        assert_eq!(order, want, "{sort} --passages");
    }
    let since = env
        .lede_ok(&["search", "cocoa", "--since", "1987-06", "--json"], 0)
        .json();
    let mut got = ids(&since);
    got.sort();
    assert_eq!(got, ["mid", "new"]);
    let until = env
        .lede_ok(&["search", "cocoa", "--until", "1987-06-15", "--json"], 0)
        .json();
    let mut got = ids(&until);
    got.sort();
    assert_eq!(got, ["mid", "old"]);
    let both = env
        .lede_ok(
            &[
                "search", "cocoa", "--since", "1987-03", "--until", "1987-09", "--json",
            ],
            0,
        )
        .json();
    assert_eq!(ids(&both), ["mid"]);
    let first = &by_date["hits"][0];
    assert_eq!(first["published"], "1987-10-19T00:00:00Z");
    env.lede_ok(&["search", "cocoa", "--since", "1988"], 1);
}

#[test]
fn a_reader_that_stops_early_is_no_error_for_json_output_either() {
    // `lede search … --json | head -c 10`: the pipe closes before the output is written.
    use std::io::Read;
    let env = dated_corpus();
    // Enough articles that the output outgrows the pipe's buffer.
    let lines: Vec<String> = (0..400)
        .map(|i| {
            let day = jiff::civil::date(1987, 1, 1) + jiff::Span::new().days(i);
            serde_json::json!({"id": format!("filler{i}"), "date": day.to_string(),
                "body": format!("Cocoa filler story {i}: Kwame Mensah{i} traded in Accra.")})
            .to_string()
        })
        .collect();
    env.write("filler.jsonl", &(lines.join("\n") + "\n"));
    env.lede_ok(&["index"], 0);
    for args in [
        &["search", "cocoa", "--json", "-n", "100"][..],
        &["search", "cocoa", "--jsonl", "-n", "100"][..],
        &["entities", "--json", "--limit", "1000"][..],
        &["timeline", "--by", "day", "--json"][..],
        &["search", "cocoa", "-n", "100"][..],
    ] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_lede"))
            .args(args)
            .current_dir(env.path())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 10];
        child.stdout.take().unwrap().read_exact(&mut first).unwrap();
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(!stderr.contains("error"), "{args:?}: {stderr}");
    }
}

#[test]
fn and_not_excludes_as_the_syntax_table_says() {
    // `a AND NOT b` found nothing: tantivy's parser nests the exclusion in a query of its own.
    let env = dated_corpus();
    let sorted = |query: &str| sorted_ids(&env, query);
    assert_eq!(sorted("cocoa AND NOT rain"), ["mid", "new", "undated"]);
    assert_eq!(sorted("cocoa AND NOT (rain OR june)"), ["new", "undated"]);
    assert_eq!(sorted("cocoa AND NOT NOT rain"), ["old"]);
    assert_eq!(sorted("bahia OR NOT cocoa"), ["old"]);
    assert_eq!(sorted("cocoa -rain"), sorted("cocoa AND NOT rain"));
    // A query of exclusions alone is every article without them, with no warning: tantivy's
    // parser reports it as an error while it builds exactly that.
    let everything = sorted("*");
    let without_rain: Vec<String> = everything
        .iter()
        .filter(|id| !sorted("rain").contains(id))
        .cloned()
        .collect();
    assert!(!without_rain.is_empty() && without_rain.len() < everything.len());
    assert_eq!(sorted("NOT rain"), without_rain);
    assert_eq!(sorted("* -rain"), without_rain);
    // A query that starts with an exclusion is the query, not an unknown flag; the flags around
    // it stay flags.
    for args in [
        &["search", "-rain", "--json", "-n", "50"][..],
        &["search", "-n", "50", "--json", "-rain"][..],
    ] {
        let out = env.lede_ok(args, 0);
        let mut got = ids(&out.json());
        got.sort();
        assert_eq!(got, without_rain, "{args:?}");
    }
}

#[test]
fn published_clauses_take_calendar_dates_as_the_date_filters_do() {
    let env = dated_corpus();
    let sorted = |query: &str| sorted_ids(&env, query);
    assert_eq!(sorted("cocoa AND published:1987-06"), ["mid"]);
    assert_eq!(
        sorted("cocoa AND published:[1987-02-26 TO 1987-06-15]"),
        ["mid", "old"]
    );
    assert_eq!(
        sorted("cocoa AND published:{1987-02-26 TO 1987-10-19}"),
        ["mid"]
    );
    assert_eq!(sorted("cocoa AND published:>1987-06"), ["new"]);
    assert_eq!(sorted("cocoa AND published:<=1987-06"), ["mid", "old"]);
    assert_eq!(sorted("cocoa AND NOT published:1987"), ["undated"]);
    assert!(sorted("cocoa AND published:1988").is_empty());
    // An instant, quoted or not, is the articles published at that second.
    assert_eq!(sorted("cocoa AND published:1987-06-15T10:00:00Z"), ["mid"]);
    assert_eq!(
        sorted("cocoa AND published:\"1987-06-15T12:00:00+02:00\""),
        ["mid"]
    );
    assert!(sorted("cocoa AND published:1987-06-15T10:00:01Z").is_empty());
    // A range written backwards matches nothing, and says why.
    let backwards = env.lede(&["search", "cocoa AND published:[1987-10 TO 1987-02]"]);
    assert_eq!(backwards.code, 1, "{}", backwards.stderr);
    assert!(
        backwards.stderr.contains(
            "published:[1987-10 TO 1987-02] matches no date: its start is not before its end"
        ),
        "{}",
        backwards.stderr
    );
}

#[test]
fn paging_jsonl_and_passage_ranking() {
    let env = dated_corpus();
    let all = ids(&env.lede_ok(&["search", "cocoa", "--json"], 0).json());
    assert_eq!(all.len(), 4);
    let page = ids(&env
        .lede_ok(
            &["search", "cocoa", "--limit", "2", "--offset", "1", "--json"],
            0,
        )
        .json());
    assert_eq!(page, all[1..3]);
    let lines = env.lede_ok(&["search", "cocoa", "--jsonl", "--limit", "3"], 0);
    let hits: Vec<Value> = lines
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(hits.len(), 3);
    assert!(hits.iter().all(|h| h["article_id"].is_string()));
    let passages = env
        .lede_ok(&["search", "crash", "--passages", "--json"], 0)
        .json();
    assert_eq!(ids(&passages), ["new"]);
    assert_eq!(passages["hits"][0]["title"], "Cocoa new");
}

#[test]
fn trec_batch_output_is_well_formed() {
    let env = dated_corpus();
    std::fs::write(
        env.path().join("q.tsv"),
        "q1\tCOCOA EXPORTS FELL\nq2\tNOTHING: MATCHES \"HERE\"\nq3\tstock market crash\n",
    )
    .unwrap();
    let out = env.lede_ok(&["search", "--batch", "q.tsv", "--trec"], 0);
    let rows: Vec<Vec<&str>> = out.stdout.lines().map(|l| l.split(' ').collect()).collect();
    assert!(
        rows.iter()
            .all(|r| r.len() == 6 && r[1] == "Q0" && r[5] == "lede")
    );
    let q1: Vec<&Vec<&str>> = rows.iter().filter(|r| r[0] == "q1").collect();
    assert_eq!(q1.len(), 4);
    assert_eq!(q1[0][2], "mid");
    let ranks: Vec<usize> = q1.iter().map(|r| r[3].parse().unwrap()).collect();
    assert_eq!(ranks, [1, 2, 3, 4]);
    let scores: Vec<f64> = q1.iter().map(|r| r[4].parse().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    assert!(rows.iter().all(|r| r[0] != "q2"));
    assert_eq!(rows.iter().find(|r| r[0] == "q3").unwrap()[2], "new");
}

#[test]
fn a_trec_topic_file_runs_each_topic_s_title_or_description() {
    let env = dated_corpus();
    std::fs::write(
        env.path().join("topics.1-3"),
        "<top>\n<num> Number: 001\n<title> Topic: cocoa exports\n\n<desc> Description:\n\
         Documents about a stock market crash.\n</top>\n\n<top>\n<num> Number: 2\n\
         <title> stock market crash\n</top>\n<top>\n<num> Number: 3\n</top>\n",
    )
    .unwrap();
    let run = |args: &[&str], code: i32| {
        let out = env.lede_ok(args, code);
        let firsts: Vec<(String, String)> = out
            .stdout
            .lines()
            .map(|l| l.split(' ').collect::<Vec<_>>())
            .filter(|r| r[3] == "1")
            .map(|r| (r[0].to_string(), r[2].to_string()))
            .collect();
        (firsts, out.stderr)
    };
    // Titles, as the same words in a TSV batch rank them; the topic without one is reported.
    let (titles, stderr) = run(&["search", "--batch", "topics.1-3", "--trec"], 2);
    std::fs::write(
        env.path().join("q.tsv"),
        "1\tcocoa exports\n2\tstock market crash\n",
    )
    .unwrap();
    let (tsv, _) = run(&["search", "--batch", "q.tsv", "--trec"], 0);
    assert_eq!(titles, tsv);
    assert_eq!(titles[0].0, "1");
    for expected in [
        "lede: skipped: topics.1-3:13: topic 3 has no <title> text",
        "lede: 1 topics skipped; the other queries ran",
    ] {
        assert!(stderr.contains(expected), "{expected:?} not in:\n{stderr}");
    }
    // The description instead: topic 1 asks for the crash, as topic 2's title does.
    let args = [
        "search",
        "--batch",
        "topics.1-3",
        "--trec",
        "--topic-text",
        "desc",
    ];
    let (descs, _) = run(&args, 2);
    assert_eq!(descs.len(), 1);
    assert_eq!(descs[0], ("1".to_string(), tsv[1].1.clone()));
}

#[test]
fn a_bad_batch_line_is_reported_with_its_number_and_the_other_queries_run() {
    let env = dated_corpus();
    let mut batch = b"q1\tcocoa exports\nno tab here\n\n\tno id\n".to_vec();
    batch.extend(b"\xff\xfe\tnot utf-8\nq2\tstock market crash\n");
    std::fs::write(env.path().join("q.tsv"), batch).unwrap();
    let out = env.lede_ok(&["search", "--batch", "q.tsv", "--trec"], 2);
    for expected in [
        "lede: skipped: q.tsv:2: expected qid<TAB>query",
        "lede: skipped: q.tsv:4: expected qid<TAB>query",
        "lede: skipped: q.tsv:5: not UTF-8",
        "lede: 3 lines skipped; the other queries ran",
    ] {
        assert!(
            out.stderr.contains(expected),
            "{expected:?} not in:\n{}",
            out.stderr
        );
    }
    let qids: std::collections::BTreeSet<&str> = out
        .stdout
        .lines()
        .map(|l| l.split(' ').next().unwrap())
        .collect();
    assert_eq!(qids.into_iter().collect::<Vec<_>>(), ["q1", "q2"]);
}

#[test]
fn show_and_stats_describe_the_index() {
    let env = TestEnv::with_seed();
    env.lede_ok(&["index"], 0);
    let show = env.lede_ok(&["show", SEED_NAME], 0);
    assert!(show.stdout.contains("Sam Altman, Chief Executive Officer"));
    env.lede_ok(&["show", "no-such-id"], 1);
    let stats = env.lede_ok(&["stats", "--json"], 0).json();
    assert_eq!(stats["articles"], 1);
    assert!(stats["passages"].as_u64().unwrap() >= 5);
    assert!(stats["size_bytes"].as_u64().unwrap() > 0);
    assert!(stats["last_commit"].is_string());
    // The corpus in figures: its files by kind, the span of its dates.
    env.write(
        "wire.jsonl",
        "{\"id\": \"w1\", \"date\": \"1987-02-26\", \"body\": \"Cocoa rose.\"}\n\
         {\"id\": \"w2\", \"date\": \"1987-10-20\", \"body\": \"Cocoa fell.\"}\n",
    );
    env.write("2026-03-02-notes.md", "# Notes\n\nRates held.\n");
    env.lede_ok(&["index"], 0);
    let corpus = env.lede_ok(&["stats", "--json"], 0).json()["corpus"].clone();
    assert_eq!(corpus["files"], 3);
    assert_eq!(
        corpus["kinds"][0],
        serde_json::json!({"kind": "jsonl", "files": 1, "articles": 2})
    );
    assert_eq!(corpus["published_from"], "1987-02-26T00:00:00Z");
    assert_eq!(corpus["published_to"], "2026-03-02T00:00:00Z");
    assert_eq!(corpus["undated"], 1);
    let human = env.lede_ok(&["stats"], 0).stdout;
    assert!(
        human.contains("  .jsonl      1 file, 2 articles\n"),
        "{human}"
    );
    assert!(
        human.contains("published:    1987-02-26 to 2026-03-02, 1 undated"),
        "{human}"
    );
}

#[test]
fn words_match_with_or_without_their_diacritics() {
    let env = TestEnv::new();
    env.write(
        "accents.txt",
        "Zürich talks\n\nBankers met in Zürich and São Paulo; the café owners of Montréal agreed.\n",
    );
    env.write(
        "wire.txt",
        "ZURICH TALKS\n\nBankers met in ZURICH and Sao Paulo; cafe owners in Montreal agreed.\n",
    );
    env.lede_ok(&["index"], 0);
    for query in ["zurich", "Zürich", "\"sao paulo\"", "cafés", "MONTRÉAL"] {
        assert_eq!(
            sorted_ids(&env, query),
            ["accents.txt", "wire.txt"],
            "{query}"
        );
    }
    let hits = env.lede_ok(&["search", "zurich", "--json"], 0).json();
    let accented = hits["hits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["article_id"] == "accents.txt")
        .unwrap();
    let passage = &accented["passages"][0];
    let text = passage["text"].as_str().unwrap();
    let [start, end] = [0, 1].map(|i| passage["highlights"][0][i].as_u64().unwrap() as usize);
    assert_eq!(&text[start..end], "Zürich");
    // Entity names are folded as words are.
    for name in ["LOC:Zurich", "LOC:ZÜRICH", "são paulo"] {
        let hits = env
            .lede_ok(&["search", "--entity", name, "--json"], 0)
            .json();
        let mut ids = ids(&hits);
        ids.sort();
        assert_eq!(ids, ["accents.txt", "wire.txt"], "{name}");
    }
    // And `lede entities` counts the writings of a name as one entity.
    let counts = env
        .lede_ok(&["entities", "--type", "LOC", "--json"], 0)
        .json();
    let counted: Vec<(String, u64)> = counts["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["name"].as_str().unwrap().to_lowercase(),
                e["articles"].as_u64().unwrap(),
            )
        })
        .collect();
    for place in ["zurich", "sao paulo", "montreal"] {
        let folded: Vec<_> = counted
            .iter()
            .filter(|(name, _)| {
                let mut name = name.clone();
                lede::analyze::ascii_fold::AsciiFolder::default().fold_in_place(&mut name);
                name == place
            })
            .collect();
        assert_eq!(folded.len(), 1, "{place}: {counted:?}");
        assert_eq!(folded[0].1, 2, "{place}: {counted:?}");
    }
}

#[test]
fn titles_light_up_the_query_words_as_passages_do() {
    let env = dated_corpus();
    let title_words = |query: &str| -> Vec<Vec<String>> {
        let results = env.lede_ok(&["search", query, "--json"], 0).json();
        results["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|hit| {
                let title = hit["title"].as_str().unwrap();
                hit["title_highlights"]
                    .as_array()
                    .map(|ranges| {
                        ranges
                            .iter()
                            .map(|r| {
                                let (a, b) = (r[0].as_u64().unwrap(), r[1].as_u64().unwrap());
                                title[a as usize..b as usize].to_string()
                            })
                            .collect()
                    })
                    .unwrap_or_default()
            })
            .collect()
    };
    // Every title is "Cocoa ID": the word lights up in each, by its stem ("cocoas" too), and
    // in a title-only clause; a word of the body alone leaves titles dark (no field at all).
    for query in ["cocoa", "cocoas", "title:cocoa", "coco*"] {
        let words = title_words(query);
        assert!(!words.is_empty());
        assert!(words.iter().all(|w| w == &["Cocoa"]), "{query}: {words:?}");
    }
    assert!(title_words("crash").iter().all(Vec::is_empty));
    let raw = env.lede_ok(&["search", "crash", "--json"], 0);
    assert!(!raw.stdout.contains("title_highlights"));
    // On a terminal the title's word is painted as a passage's is.
    let colour = env.lede_ok(&["search", "cocoa", "-n", "1", "--color", "always"], 0);
    assert!(
        colour
            .stdout
            .starts_with("\u{1b}[1;31mCocoa\u{1b}[0m\u{1b}[1m "),
        "{:?}",
        colour.stdout
    );
}

#[test]
fn explain_gives_the_parts_each_score_is_made_of() {
    let env = TestEnv::new();
    util::write_news(&env);
    env.lede_ok(&["index", "-q"], 0);
    let parts = |args: &[&str]| -> Vec<(f64, serde_json::Value)> {
        let mut all = vec!["search", "budget Merkel", "--explain", "--json"];
        all.extend_from_slice(args);
        let results = env.lede_ok(&all, 0).json();
        results["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| (h["score"].as_f64().unwrap(), h["explanation"].clone()))
            .collect()
    };
    let part = |e: &serde_json::Value, name: &str| e[name].as_f64().unwrap();
    let hits = parts(&[]);
    assert_eq!(hits.len(), 4);
    for (score, e) in &hits {
        // The four parts add up to the score (shown rounded to 7 digits).
        let sum: f64 = ["article", "passage", "lead", "coverage"]
            .iter()
            .map(|name| part(e, name))
            .sum();
        assert!((sum - score).abs() < 1e-5, "{score} vs {e}");
        assert!(e["rescored"].as_bool().unwrap());
        assert!(part(e, "article") <= 0.7 + 1e-6 && part(e, "passage") <= 0.3 + 1e-6);
        let lead = 0.7 * part(e, "newsiness") * part(e, "lead_share").powi(2);
        assert!((part(e, "lead") - lead).abs() < 1e-5, "{e}");
        assert!((part(e, "coverage") - 0.2 * part(e, "coverage_share").powi(4)).abs() < 1e-5);
    }
    // The best article's BM25 gets the article part in full.
    let best = hits
        .iter()
        .map(|(_, e)| part(e, "article"))
        .fold(0.0, f64::max);
    assert!((best - 0.7).abs() < 1e-5, "{best}");
    // The weights show in the parts.
    assert!(
        parts(&["--lead-weight", "0"])
            .iter()
            .all(|(_, e)| part(e, "lead") == 0.0)
    );
    assert!(
        parts(&["--article-weight", "1"])
            .iter()
            .all(|(_, e)| part(e, "passage") == 0.0)
    );
    // Without --explain there is none; on a terminal, a line under each hit's date.
    let plain = env.lede_ok(&["search", "budget", "--json"], 0).json();
    assert!(plain["hits"][0].get("explanation").is_none());
    let human = env.lede_ok(&["search", "budget", "--explain", "-n", "1"], 0);
    let line = human.stdout.lines().nth(2).unwrap();
    assert!(line.starts_with("  = article 0."), "{}", human.stdout);
    assert!(line.contains("+ coverage"), "{line}");
}

#[test]
fn count_prints_the_total_alone_as_grep_c_does() {
    let env = TestEnv::new();
    util::write_news(&env);
    env.lede_ok(&["index", "-q"], 0);
    for args in [
        &["budget"][..],
        &["budget", "--passages"][..],
        &["budget", "--since", "2026-01-16"][..],
        &["Merkel OR Meloni", "--entity", "LOC:Berlin"][..],
    ] {
        let mut json = vec!["search"];
        json.extend_from_slice(args);
        let mut count = json.clone();
        json.push("--json");
        count.push("--count");
        let total = env.lede_ok(&json, 0).json()["total_hits"].as_u64().unwrap();
        assert!(total > 0);
        let out = env.lede_ok(&count, 0);
        assert_eq!(out.stdout, format!("{total}\n"), "{args:?}");
    }
    assert_eq!(env.lede_ok(&["search", "zeppelin", "-c"], 1).stdout, "0\n");
    env.lede_ok(&["search", "budget", "-c", "--json"], 2);
}

#[test]
fn date_filters_relative_to_now_keep_the_recent_articles() {
    let env = TestEnv::new();
    let now = jiff::Timestamp::now();
    let ago = |days: i64| {
        now.checked_sub(jiff::SignedDuration::from_hours(24 * days))
            .unwrap()
            .to_string()
    };
    let lines: Vec<String> = [("fresh", 2), ("month", 40), ("old", 800)]
        .iter()
        .map(|&(id, days)| {
            serde_json::json!({"id": id, "title": format!("Port {id}"), "date": ago(days),
                               "body": "Dock workers at the port went on strike."})
            .to_string()
        })
        .collect();
    env.write("feed.jsonl", &(lines.join("\n") + "\n"));
    env.lede_ok(&["index", "-q"], 0);
    let found = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["search", "strike", "--sort", "date", "--json"];
        all.extend_from_slice(args);
        let out = env.lede(&all);
        assert!(out.code <= 1, "{args:?}: {}", out.stderr);
        if out.code == 1 {
            return Vec::new();
        }
        util::ranked_ids(&out.json())
    };
    assert_eq!(found(&["--since", "7d"]), ["fresh"]);
    assert_eq!(found(&["--since", "now-1w"]), ["fresh"]);
    assert_eq!(found(&["--since", "2m"]), ["fresh", "month"]);
    assert_eq!(found(&["--until", "30d"]), ["month", "old"]);
    assert_eq!(found(&["--since", "1y", "--until", "1w"]), ["month"]);
    // Two days ago is before yesterday began, and before today's end.
    assert!(found(&["--since", "yesterday"]).is_empty());
    assert_eq!(found(&["--until", "today"]).len(), 3);
    let bad = env.lede_ok(&["search", "strike", "--since", "3q"], 2);
    assert!(bad.stderr.contains("a time ago"), "{}", bad.stderr);
}
