//! End to end: wildcards (`gorb*`, `wom?n`, `*stan`) and fuzzy words (`gorbachov~`,
//! `gorbachov~1`) in `lede search`, `lede entities` and `lede timeline`, and "did you mean" for
//! words no article holds.

mod util;

use util::{TestEnv, hit_ids, ranked_ids};

/// Stories with names spelt two ways and words of one stem or pattern.
fn write_spellings(env: &TestEnv) {
    for (name, title, body) in [
        (
            "gorbachev.md",
            "Soviet leader visits Kiev",
            "Mikhail Gorbachev met farmers in Kiev on Tuesday and promised more machinery.",
        ),
        (
            "gorbachov.md",
            "Soviet leader visits Minsk",
            "Mikhail Gorbachov met farmers in Minsk on Tuesday and promised more machinery.",
        ),
        (
            "reforms.md",
            "Reforms go on, Kremlin says",
            "The Kremlin said economic reforms would go on despite resistance in the ministries.",
        ),
        (
            "women.md",
            "Women march in the capital",
            "Thousands of women marched to the parliament to demand equal pay.",
        ),
        (
            "woman.md",
            "First woman to lead the bank",
            "The board named its first woman governor, a career economist.",
        ),
        (
            "stans.md",
            "Border talks",
            "Afghanistan and Pakistan opened talks on the border crossing at Torkham.",
        ),
        (
            "presidential.md",
            "Campaign opens",
            "The presidential campaign opened with a debate on taxes.",
        ),
        (
            "president.md",
            "Budget signed",
            "The president signed the budget into law on Friday.",
        ),
    ] {
        env.write(name, &format!("---\ntitle: {title}\n---\n{body}\n"));
    }
}

fn search(env: &TestEnv, query: &str, code: i32) -> serde_json::Value {
    env.lede_ok(&["search", query, "--json"], code).json()
}

/// The highlighted words of a hit's passages, as the text writes them.
fn highlighted(hit: &serde_json::Value) -> Vec<String> {
    let mut words = Vec::new();
    for passage in hit["passages"].as_array().expect("passages") {
        let text = passage["text"].as_str().expect("text");
        for range in passage["highlights"].as_array().expect("highlights") {
            let (from, to) = (range[0].as_u64().unwrap(), range[1].as_u64().unwrap());
            words.push(text[from as usize..to as usize].to_string());
        }
    }
    words
}

#[test]
fn fuzzy_words_find_other_spellings_the_written_one_first() {
    let env = TestEnv::new();
    write_spellings(&env);
    env.lede_ok(&["index", "-q"], 0);
    // Each spelling alone finds its own story.
    assert_eq!(hit_ids(&search(&env, "gorbachov", 0)), ["gorbachov.md"]);
    // Within an edit (`~1`) or by its length (`~`: two edits for nine letters), both; the word
    // as written ranks first, the two stories being otherwise alike.
    for (query, first) in [
        ("gorbachov~1", "gorbachov.md"),
        ("gorbachev~1", "gorbachev.md"),
        ("gorbachov~", "gorbachov.md"),
        ("gorbatchev~2", "gorbachev.md"),
    ] {
        let results = search(&env, query, 0);
        let ids = ranked_ids(&results);
        assert_eq!(ids.len(), 2, "{query}: {ids:?}");
        assert_eq!(ids[0], first, "{query}");
        // What lit up is what each story writes.
        let shown: Vec<String> = results["hits"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(highlighted)
            .collect();
        assert!(
            shown.contains(&"Gorbachev".to_string()),
            "{query}: {shown:?}"
        );
        assert!(
            shown.contains(&"Gorbachov".to_string()),
            "{query}: {shown:?}"
        );
    }
    // `~0` is the word itself; a short word allows no edit by default.
    assert_eq!(hit_ids(&search(&env, "gorbachov~0", 0)), ["gorbachov.md"]);
    let none = env.lede_ok(&["search", "kiew~"], 0);
    assert!(none.stdout.contains("gorbachev.md"), "{none:?}");
    let out = env.lede_ok(&["search", "ki~"], 1);
    assert!(
        out.stderr.contains("ki~ matches no word of the index"),
        "{out:?}"
    );
}

#[test]
fn wildcards_match_the_words_they_describe() {
    let env = TestEnv::new();
    write_spellings(&env);
    env.lede_ok(&["index", "-q"], 0);
    for (query, want) in [
        ("gorb*", vec!["gorbachev.md", "gorbachov.md"]),
        ("wom?n", vec!["woman.md", "women.md"]),
        ("*stan", vec!["stans.md"]),
        ("gorbach?v", vec!["gorbachev.md", "gorbachov.md"]),
        // A whole word before `*` matches as itself although the index holds its stem
        // (`presidenti`), and `presid*` reaches the president too.
        ("presidential*", vec!["presidential.md"]),
        ("presid*", vec!["president.md", "presidential.md"]),
        // In one field; with other words and operators.
        ("title:wom*", vec!["woman.md", "women.md"]),
        ("title:soviet AND body:min*", vec!["gorbachov.md"]),
        ("soviet -gorbachev*", vec!["gorbachov.md"]),
        ("+farmers +(kiev OR wom*)", vec!["gorbachev.md"]),
        (
            "reform*^3 OR farmers",
            vec!["gorbachev.md", "gorbachov.md", "reforms.md"],
        ),
    ] {
        let got = hit_ids(&search(&env, query, 0));
        assert_eq!(got, want, "{query}");
    }
    // A boost counts: the reforms story leads only when its word is boosted.
    let boosted = ranked_ids(&search(&env, "reform*^3 OR farmers", 0));
    assert_eq!(boosted[0], "reforms.md");
    let plain = ranked_ids(&search(&env, "reform* OR farmers OR machinery", 0));
    assert_ne!(plain[0], "reforms.md");
    // A `?` ending a word is a question's mark, not a wildcard.
    assert_eq!(hit_ids(&search(&env, "minsk?", 0)), ["gorbachov.md"]);
    assert_eq!(
        ranked_ids(&search(&env, "who met farmers in minsk?", 0)),
        ranked_ids(&search(&env, "who met farmers in minsk", 0))
    );
    // `--plain` reads words only; inside quotes a `*` is no wildcard.
    let plain = env.lede_ok(&["search", "gorb*", "--plain"], 1);
    assert!(plain.stdout.contains("no hits"), "{plain:?}");
    env.lede_ok(&["search", "\"gorb* met\""], 1);
    // A wildcard inside a boosted group is expanded too, the group's boost on its parts: a
    // group scores the sum of its clauses, so it ranks and scores as its parts boosted.
    let out = env.lede_ok(&["search", "(gorb* OR kiev)^2", "--json"], 0);
    assert!(out.stderr.is_empty(), "{out:?}");
    assert_eq!(hit_ids(&out.json()), ["gorbachev.md", "gorbachov.md"]);
    let scored = |query: &str| -> Vec<(String, String)> {
        search(&env, query, 0)["hits"]
            .as_array()
            .expect("hits")
            .iter()
            .map(|h| (h["article_id"].to_string(), format!("{:.4}", h["score"])))
            .collect()
    };
    for (grouped, spelt_out) in [
        ("(reform*)^3 OR farmers", "reform*^3 OR farmers"),
        (
            "(reform* OR machinery)^3 OR farmers",
            "reform*^3 OR machinery^3 OR farmers",
        ),
        (
            "((reform*)^1.5 OR machinery)^2 OR farmers",
            "reform*^3 OR machinery^2 OR farmers",
        ),
        (
            "(gorbachov~ OR \"kiev\")^2 minsk",
            "gorbachov~^2 OR kiev^2 minsk",
        ),
    ] {
        assert_eq!(scored(grouped), scored(spelt_out), "{grouped}");
    }
    assert_ne!(
        scored("(reform* OR machinery)^3 OR farmers"),
        scored("reform* OR machinery OR farmers")
    );
    // A wildcard that matches nothing says so, and the rest is searched.
    let out = env.lede_ok(&["search", "zzq* OR farmers", "--json"], 0);
    assert!(
        out.stderr.contains("zzq* matches no word of the index"),
        "{out:?}"
    );
    assert_eq!(hit_ids(&out.json()), ["gorbachev.md", "gorbachov.md"]);
}

#[test]
fn wildcards_filter_entities_and_timelines_too() {
    let env = TestEnv::new();
    write_spellings(&env);
    env.write(
        "dated.md",
        "---\ntitle: Gorbachyov in Riga\ndate: 2026-02-03\n---\nMikhail Gorbachyov spoke in Riga.\n",
    );
    env.lede_ok(&["index", "-q"], 0);
    let entities = env.lede_ok(&["entities", "gorbach*", "--json"], 0).json();
    assert_eq!(entities["total_articles"], 3, "{entities}");
    let timeline = env.lede_ok(&["timeline", "gorbach*", "--json"], 0).json();
    assert_eq!(timeline["total_articles"], 3, "{timeline}");
    assert_eq!(timeline["undated"], 2, "{timeline}");
}

#[test]
fn a_wildcard_of_many_words_keeps_the_most_frequent_and_says_so() {
    let env = TestEnv::new();
    // 300 distinct words opening with `zz` (ending in `q`, which no stemmer strips), and one of
    // them in a second article too.
    let words: Vec<String> = (0..300u32)
        .map(|i| {
            let letter = |n: u32| char::from(b'a' + n as u8);
            format!("zz{}{}q", letter(i / 26), letter(i % 26))
        })
        .collect();
    env.write(
        "many.md",
        &format!("---\ntitle: Many words\n---\n{}.\n", words.join(" ")),
    );
    env.write(
        "one.md",
        "---\ntitle: One word\n---\nThe word zzkzq stands alone here.\n",
    );
    env.lede_ok(&["index", "-q"], 0);
    let out = env.lede_ok(&["search", "zz*", "--json"], 0);
    assert!(
        out.stderr
            .contains("zz* matches 300 words; searched the 256 most frequent"),
        "{out:?}"
    );
    // The most frequent word is among those kept.
    assert_eq!(hit_ids(&out.json()), ["many.md", "one.md"]);
}

#[test]
fn words_no_article_holds_are_offered_the_words_meant() {
    let env = TestEnv::new();
    write_spellings(&env);
    env.lede_ok(&["index", "-q"], 0);
    let did_you_mean = |query: &str, code: i32| -> Option<String> {
        let results = search(&env, query, code);
        results["did_you_mean"].as_str().map(str::to_string)
    };
    // Each unknown word replaced, in its case, by a word the index holds (a stem is shown as
    // the text writes it: `machineri` is "machinery"); the rest of the query kept as written.
    assert_eq!(
        did_you_mean("Gorbachuv machinary", 1).as_deref(),
        Some("Gorbachev machinery")
    );
    assert_eq!(
        did_you_mean("+farmers +(KIEW OR minks)", 1).as_deref(),
        Some("+farmers +(KIEV OR minsk)")
    );
    // Known words, short words, a first letter changed, operators, fields, exclusions, fuzzy
    // words and wildcards are left alone.
    for (query, code) in [
        ("gorbachev farmers", 0),
        ("kiv", 1),
        ("borbachev", 1),
        ("title:reforns", 1),
        ("farmers -reforns", 0),
        ("reforns~ OR refo*", 0),
        ("entity:Gorbachuv", 1),
    ] {
        assert_eq!(did_you_mean(query, code), None, "{query}");
    }
    // With hits too: one word unknown among known ones.
    assert_eq!(
        did_you_mean("economic refroms", 0).as_deref(),
        Some("economic reforms")
    );
    // At most eight unknown words are looked up: the rest stay as typed.
    let many = ["Gorbachuv machinary"; 6].join(" ");
    let offered = did_you_mean(&many, 1).unwrap();
    assert_eq!(offered.matches("Gorbachev").count(), 4, "{offered}");
    assert_eq!(offered.matches("machinery").count(), 4, "{offered}");
    assert_eq!(offered.matches("Gorbachuv").count(), 2, "{offered}");
    // The human output says it first.
    let out = env.lede_ok(&["search", "Gorbachuv"], 1);
    assert!(
        out.stdout
            .starts_with("no hits for \"Gorbachuv\"\ndid you mean: Gorbachev"),
        "{out:?}"
    );
}

/// A stem the text writes several ways is offered as the way nearest the word typed, not as
/// whichever an article writes first (a test over Reuters once said "inflated" for `inflaton`
/// when indexing left another article first).
#[test]
fn a_stem_is_offered_as_the_word_nearest_the_one_typed() {
    let env = TestEnv::new();
    env.write(
        "prices.md",
        "Costs inflated by the strike pushed inflation higher, and inflating wages followed.\n",
    );
    env.lede_ok(&["index", "-q"], 0);
    for (typed, meant) in [
        ("inflaton", "inflation"),
        ("inflatd", "inflated"),
        ("inflatng", "inflating"),
    ] {
        let results = search(&env, typed, 1);
        assert_eq!(results["did_you_mean"], meant, "{typed}");
    }
}

#[test]
fn between_words_as_near_the_query_s_other_words_choose() {
    let env = TestEnv::new();
    // `bonk` is a letter from both `book` (three articles) and `bank` (one).
    for (name, body) in [
        (
            "novel.md",
            "The author's new book sold well in its first week.",
        ),
        ("fair.md", "Publishers brought every new book to the fair."),
        (
            "prize.md",
            "The prize went to a first book by a young author.",
        ),
        (
            "rates.md",
            "The central bank raised interest rates on Tuesday.",
        ),
    ] {
        env.write(name, &format!("{body}\n"));
    }
    env.lede_ok(&["index", "-q"], 0);
    let did_you_mean = |query: &str| -> Option<String> {
        let results = env.lede_ok(&["search", query, "--json"], 1).json();
        results["did_you_mean"].as_str().map(str::to_string)
    };
    // Alone, the more frequent word; beside `rates` or `interest`, the word those stand beside.
    assert_eq!(did_you_mean("bonk").as_deref(), Some("book"));
    assert_eq!(
        did_you_mean("+bonk +rates").as_deref(),
        Some("+bank +rates")
    );
    assert_eq!(
        did_you_mean("interest AND bonk").as_deref(),
        Some("interest AND bank")
    );
    assert_eq!(
        did_you_mean("+bonk +author").as_deref(),
        Some("+book +author")
    );
}
