//! End to end: entities in the index. The seed article's entities through `lede search --entity`,
//! and on a small multi-article corpus: the entity filter (flag and query syntax, repeated,
//! excluded, per passage), hits showing entities, `lede entities` counts, `--type` and `--with`.

mod util;

use serde_json::Value;
use util::{SEED_NAME, TestEnv, hit_ids as ids};

/// Four dated stories about a few people, places and companies.
fn news_corpus() -> TestEnv {
    let env = TestEnv::new();
    env.write(
        "2026-01-15-summit.md",
        "---\ntitle: Merkel and Macron meet in Berlin\ndate: 2026-01-15\n---\n\
         German Chancellor Angela Merkel met French President Emmanuel Macron in Berlin on \
         Thursday to discuss the European budget.\n\n\
         Merkel said the talks with Macron were constructive. The European Commission will \
         present its proposal in March 2026.\n",
    );
    env.write(
        "2026-01-20-trade.md",
        "---\ntitle: Trade talks stall\ndate: 2026-01-20\n---\n\
         Angela Merkel warned on Tuesday that trade talks with China could stall. Siemens and \
         Volkswagen urged Berlin to keep talking.\n\n\
         Volkswagen said exports to China fell in the fourth quarter of 2025.\n",
    );
    env.write(
        "2026-03-02-resign.md",
        "---\ntitle: Minister resigns\ndate: 2026-03-02\n---\n\
         The Italian finance minister resigned on Saturday after a dispute with Prime Minister \
         Giorgia Meloni in Rome.\n\n\
         Meloni named a successor on Sunday. Investors in Milan welcomed the choice.\n",
    );
    env.write(
        "2025-12-10-history.md",
        "---\ntitle: Looking back at the crash\ndate: 2025-12-10\n---\n\
         In March 1987 the dollar fell sharply, and by October 1987 stock markets in New York \
         and London had crashed.\n\n\
         Former Federal Reserve chairman Paul Volcker warned about the deficit in 1986.\n",
    );
    env.lede_ok(&["index"], 0);
    env
}

fn names(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|e| {
            format!(
                "{}:{}",
                e["type"].as_str().unwrap(),
                e["name"].as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn the_seed_articles_entities_filter_search() {
    let env = TestEnv::with_seed();
    env.lede_ok(&["index"], 0);
    let wanted = [
        "PER:Sam Altman",
        "PER:Donald Trump",
        "ORG:OpenAI",
        "ORG:Anthropic",
        "ORG:Bloomberg",
        "ORG:Amazon",
        "ORG:NVIDIA",
        "Pentagon",
        "ChatGPT",
        "Codex",
    ];
    for entity in wanted {
        let results = env
            .lede_ok(&["search", "--entity", entity, "--json"], 0)
            .json();
        assert_eq!(ids(&results), [SEED_NAME], "{entity}");
        let hit = &results["hits"][0];
        let name = entity.rsplit(':').next().unwrap();
        let article_entities = names(&hit["entities"]);
        assert!(
            article_entities
                .iter()
                .any(|e| e.ends_with(&format!(":{name}"))),
            "{entity} not in {article_entities:?}"
        );
        // The passages shown are the ones that mention it.
        for passage in hit["passages"].as_array().unwrap() {
            let mentioned = names(&passage["entities"]);
            assert!(
                mentioned.iter().any(|e| e.ends_with(&format!(":{name}"))),
                "{entity}: passage {} mentions only {mentioned:?}",
                passage["index"]
            );
        }
    }
    // ChatGPT and Codex are products: MISC (or ORG), never people.
    for product in ["ChatGPT", "Codex"] {
        env.lede_ok(&["search", "--entity", &format!("PER:{product}")], 1);
    }
    // A type that does not hold, a name that is not there.
    env.lede_ok(&["search", "--entity", "PER:OpenAI"], 1);
    env.lede_ok(&["search", "--entity", "Elon Musk"], 1);
    // Case, spacing and a possessive do not matter.
    env.lede_ok(&["search", "--entity", "per:sam  altman's"], 0);
}

#[test]
fn entity_filters_in_flags_and_query_syntax() {
    let env = news_corpus();
    let search = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["search", "--json"];
        all.extend_from_slice(args);
        let out = env.lede(&all);
        assert!(out.code == 0 || out.code == 1, "{all:?}: {}", out.stderr);
        if out.code == 1 {
            return Vec::new();
        }
        ids(&out.json())
    };
    let merkel = ["2026-01-15-summit.md", "2026-01-20-trade.md"];
    assert_eq!(search(&["--entity", "Angela Merkel"]), merkel);
    assert_eq!(search(&["--entity", "PER:Angela Merkel"]), merkel);
    assert_eq!(search(&["entity:\"Angela Merkel\""]), merkel);
    assert_eq!(search(&["entity:PER:\"Angela Merkel\""]), merkel);
    // Repeated: all must hold.
    assert_eq!(
        search(&["--entity", "Angela Merkel", "--entity", "ORG:Volkswagen"]),
        ["2026-01-20-trade.md"]
    );
    assert_eq!(
        search(&["entity:\"Angela Merkel\" -entity:Volkswagen"]),
        ["2026-01-15-summit.md"]
    );
    // The flag excludes with a minus, as the query syntax does (it once read "-ORG:Volkswagen"
    // as a name, which normalised to the typed term: the opposite of what was asked).
    for exclusion in [
        ["--entity", "-ORG:Volkswagen"],
        ["--entity", "-Volkswagen"],
        ["--entity=-Volkswagen", "--passages"],
    ] {
        let mut args = vec!["--entity", "Angela Merkel"];
        args.extend(exclusion);
        assert_eq!(search(&args), ["2026-01-15-summit.md"], "{args:?}");
    }
    // Words and an entity together: the words rank, the entity filters.
    assert_eq!(
        search(&["talks", "--entity", "Emmanuel Macron"]),
        ["2026-01-15-summit.md"]
    );
    assert_eq!(search(&["--entity", "LOC:Rome"]), ["2026-03-02-resign.md"]);
    assert!(search(&["--entity", "ORG:Rome"]).is_empty());
    // Passage filter: only the passage that mentions China is shown.
    let results = env
        .lede_ok(&["search", "--entity", "China", "--json"], 0)
        .json();
    let passages = results["hits"][0]["passages"].as_array().unwrap();
    assert!(!passages.is_empty());
    for p in passages {
        assert!(p["text"].as_str().unwrap().contains("China"), "{p}");
    }
}

#[test]
fn hits_show_their_entities() {
    let env = news_corpus();
    let out = env.lede_ok(&["search", "crash", "--color", "never"], 0);
    assert!(out.stdout.contains("Paul Volcker (PER)"), "{}", out.stdout);
    let results = env.lede_ok(&["search", "crash", "--json"], 0).json();
    let hit = &results["hits"][0];
    let article = names(&hit["entities"]);
    for e in [
        "PER:Paul Volcker",
        "ORG:Federal Reserve",
        "LOC:New York",
        "LOC:London",
    ] {
        assert!(article.contains(&e.to_string()), "{e} not in {article:?}");
    }
    let shown = env
        .lede_ok(&["show", "2026-01-15-summit.md", "--json"], 0)
        .json();
    let all = names(&shown["entities"]);
    // Most mentioned first: Merkel and Macron three times each (title included), Berlin twice.
    assert_eq!(
        &all[..2],
        ["PER:Angela Merkel", "PER:Emmanuel Macron"],
        "{all:?}"
    );
    assert!(
        all.contains(&"ORG:European Commission".to_string()),
        "{all:?}"
    );
}

#[test]
fn lede_entities_counts_articles() {
    let env = news_corpus();
    let counts = env.lede_ok(&["entities", "--json", "-n", "100"], 0).json();
    assert_eq!(counts["total_articles"], 4);
    let entities = counts["entities"].as_array().unwrap();
    let count_of = |key: &str| -> u64 {
        entities
            .iter()
            .find(|e| {
                format!(
                    "{}:{}",
                    e["type"].as_str().unwrap(),
                    e["name"].as_str().unwrap()
                ) == key
            })
            .map_or(0, |e| e["articles"].as_u64().unwrap())
    };
    assert_eq!(count_of("PER:Angela Merkel"), 2);
    assert_eq!(count_of("LOC:Berlin"), 2);
    assert_eq!(count_of("LOC:China"), 1);
    assert_eq!(count_of("PER:Giorgia Meloni"), 1);
    // Most frequent first.
    let articles: Vec<u64> = entities
        .iter()
        .map(|e| e["articles"].as_u64().unwrap())
        .collect();
    assert!(articles.windows(2).all(|w| w[0] >= w[1]), "{articles:?}");
    // --type keeps one type.
    let people = env
        .lede_ok(&["entities", "--type", "PER", "--json"], 0)
        .json();
    let people = names(&people["entities"]);
    assert!(people.iter().all(|e| e.starts_with("PER:")), "{people:?}");
    assert!(people.contains(&"PER:Paul Volcker".to_string()));
    // A query narrows the articles counted.
    let crash = env.lede_ok(&["entities", "crash", "--json"], 0).json();
    assert_eq!(crash["total_articles"], 1);
    assert!(names(&crash["entities"]).contains(&"PER:Paul Volcker".to_string()));
    assert!(!names(&crash["entities"]).contains(&"PER:Angela Merkel".to_string()));
    // --with: who is mentioned with Merkel, without Merkel herself.
    let with = env
        .lede_ok(&["entities", "--with", "Angela Merkel", "--json"], 0)
        .json();
    assert_eq!(with["total_articles"], 2);
    let co = names(&with["entities"]);
    assert!(!co.contains(&"PER:Angela Merkel".to_string()), "{co:?}");
    for e in [
        "PER:Emmanuel Macron",
        "LOC:Berlin",
        "ORG:Volkswagen",
        "LOC:China",
    ] {
        assert!(co.contains(&e.to_string()), "{e} not in {co:?}");
    }
    assert!(!co.contains(&"PER:Giorgia Meloni".to_string()), "{co:?}");
    let berlin = with["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "Berlin")
        .unwrap();
    assert_eq!(berlin["articles"], 2);
    // An exclusion is an entity filter, not a --with.
    let excluded = env.lede_ok(&["entities", "--with=-Angela Merkel"], 2);
    assert!(excluded.stderr.contains("--entity"), "{}", excluded.stderr);
    let without = env
        .lede_ok(&["entities", "--entity=-Angela Merkel", "--json"], 0)
        .json();
    assert!(!names(&without["entities"]).contains(&"PER:Angela Merkel".to_string()));
    assert!(names(&without["entities"]).contains(&"PER:Giorgia Meloni".to_string()));
    // Human output: a count, a type and a name per line.
    let table = env.lede_ok(&["entities", "--type", "LOC"], 0).stdout;
    assert!(
        table.lines().any(|l| {
            let cols: Vec<&str> = l.split_whitespace().collect();
            cols.len() >= 3 && cols[0] == "2" && cols[1] == "LOC" && cols[2] == "Berlin"
        }),
        "{table}"
    );
}

#[test]
fn indexing_without_entities_keeps_search_but_not_entity_filters() {
    let env = TestEnv::with_seed();
    let out = env.lede_ok(&["index", "--no-entities", "--no-dates"], 0);
    assert!(out.stderr.contains("1 added"), "{}", out.stderr);
    env.lede_ok(&["search", "Anthropic supply-chain risk"], 0);
    env.lede_ok(&["search", "--entity", "Sam Altman"], 1);
    let counts = env.lede_ok(&["entities", "--json"], 1).json();
    assert_eq!(counts["total_articles"], 1);
    assert_eq!(counts["entities"].as_array().unwrap().len(), 0);
    env.lede_ok(&["index", "--rebuild"], 0);
    env.lede_ok(&["search", "--entity", "Sam Altman"], 0);
}

/// `lede ARGS` (an `entities` listing with `--json`): each entity as `TYPE:Name` with its
/// articles.
fn listed_counts(env: &TestEnv, args: &[&str]) -> Vec<(String, u64)> {
    let listed = env.lede_ok(args, 0).json();
    names(&listed["entities"])
        .into_iter()
        .zip(listed["entities"].as_array().unwrap())
        .map(|(name, entity)| (name, entity["articles"].as_u64().unwrap()))
        .collect()
}

/// A corpus of one-line stories (file name, text), indexed.
fn indexed_stories(stories: &[(&str, &str)]) -> TestEnv {
    let env = TestEnv::new();
    for (name, body) in stories {
        env.write(name, &format!("{body}\n"));
    }
    env.lede_ok(&["index", "-q"], 0);
    env
}

/// The ids of the articles `--entity ENTITY` finds (none: exit code 1), in order.
fn entity_hits(env: &TestEnv, entity: &str) -> Vec<String> {
    let args = ["search", "*", "--entity", entity, "--json", "-n", "50"];
    ids(&env.lede(&args).json())
}

/// Stories naming two persons of one surname each, some only by the surname.
fn surnames_corpus() -> TestEnv {
    let stories = [
        (
            "reagan-1.md",
            "Ronald Reagan signed the budget bill on Monday.",
        ),
        (
            "reagan-2.md",
            "Ronald Reagan met Congress leaders on the deficit.",
        ),
        ("reagan-3.md", "Ronald Reagan vetoed the highway bill."),
        (
            "reagan-4.md",
            "President Reagan said on Friday the deficit must fall.",
        ),
        (
            "baker-1.md",
            "James Baker met the finance ministers in Paris.",
        ),
        (
            "baker-2.md",
            "James Baker said the dollar had fallen enough.",
        ),
        (
            "baker-3.md",
            "James Baker flew to Tokyo for talks on the dollar.",
        ),
        (
            "baker-4.md",
            "Howard Baker said the White House would not comment.",
        ),
        ("baker-5.md", "Mr Baker declined to comment on the budget."),
    ];
    indexed_stories(&stories)
}

#[test]
fn a_surname_and_a_full_name_find_each_other() {
    let env = surnames_corpus();
    let hits = |entity: &str| entity_hits(&env, entity);
    // Three articles give the full name, one the surname alone: the listing counts the
    // person once under the full name, as the filter for it finds them; `Baker` alone may be
    // either Baker and is listed on its own.
    let counts: Vec<(String, u64)> = listed_counts(&env, &["entities", "--type", "PER", "--json"]);
    let expected = [
        ("PER:Ronald Reagan", 4),
        ("PER:James Baker", 3),
        ("PER:Baker", 1),
        ("PER:Howard Baker", 1),
    ];
    let expected: Vec<(String, u64)> = expected.map(|(n, c)| (n.to_string(), c)).to_vec();
    assert_eq!(counts, expected);
    // Untyped, the same.
    let all = env.lede_ok(&["entities", "--json"], 0).json();
    assert!(names(&all["entities"]).contains(&"PER:Ronald Reagan".to_string()));
    assert!(!names(&all["entities"]).contains(&"PER:Reagan".to_string()));
    let reagans = ["reagan-1.md", "reagan-2.md", "reagan-3.md", "reagan-4.md"];
    // The surname alone finds the person's full name, and the full name (the only person of
    // that surname) the articles that give the surname alone.
    assert_eq!(hits("Reagan"), reagans);
    assert_eq!(hits("PER:Ronald Reagan"), reagans);
    assert_eq!(hits("-Ronald Reagan").len(), 5);
    // `Baker` alone may be either Baker: the full names keep to their own articles, the
    // surname finds them all.
    assert_eq!(
        hits("James Baker"),
        ["baker-1.md", "baker-2.md", "baker-3.md"]
    );
    assert_eq!(hits("Howard Baker"), ["baker-4.md"]);
    assert_eq!(hits("Baker").len(), 5);
    // Other kinds are names of their own.
    assert!(hits("ORG:Reagan").is_empty());
    // Who is named with a person leaves out each form of the person's name.
    let with = env
        .lede_ok(&["entities", "--with", "Ronald Reagan", "--json"], 0)
        .json();
    assert_eq!(with["total_articles"], 4, "{with}");
    let with = names(&with["entities"]);
    assert!(!with.iter().any(|name| name.contains("Reagan")), "{with:?}");
    // A passage shown for a full name may name the person by the surname.
    let results = env
        .lede_ok(
            &[
                "search",
                "deficit",
                "--entity",
                "Ronald Reagan",
                "--passages",
                "--json",
            ],
            0,
        )
        .json();
    assert_eq!(ids(&results).len(), 2, "{results}");
}

/// Stories naming the Securities and Exchange Commission by its name, its acronym or both, and
/// one that gives `SEC` for another company.
fn acronyms_corpus() -> TestEnv {
    let stories = [
        (
            "sec-1.md",
            "The Securities and Exchange Commission (SEC) sued the broker on Monday. The SEC \
             said the trades broke the law.",
        ),
        (
            "sec-2.md",
            "The Securities and Exchange Commission fined the bank. A lawyer for the bank said \
             it would appeal the SEC ruling.",
        ),
        (
            "sec-3.md",
            "The SEC said on Friday that it would review the takeover bid.",
        ),
        (
            "sec-4.md",
            "The Securities and Exchange Commission approved the merger of the two utilities.",
        ),
        (
            "sun.md",
            "Sun Energy Corp (SEC) said it would sell its Texas oil fields. Analysts said SEC \
             shares would rise.",
        ),
    ];
    indexed_stories(&stories)
}

#[test]
fn an_acronym_and_the_name_it_abbreviates_find_each_other() {
    let env = acronyms_corpus();
    let hits = |entity: &str| entity_hits(&env, entity);
    let commission = ["sec-1.md", "sec-2.md", "sec-3.md", "sec-4.md"];
    // Two stories give the name for `SEC`, one another company's: the name stands for the
    // acronym. Each form finds the other's stories; the acronym also the company's story, which
    // writes it.
    assert_eq!(hits("ORG:Securities and Exchange Commission"), commission);
    let mut written = commission.to_vec();
    written.push("sun.md");
    assert_eq!(hits("ORG:SEC"), written);
    assert_eq!(hits("SEC"), written);
    assert_eq!(hits("ORG:Sun Energy Corp"), ["sun.md"]);
    // The listing counts the commission once under its name, as the filter for it finds it,
    // and the company under its own.
    let counts: Vec<(String, u64)> = listed_counts(&env, &["entities", "--type", "ORG", "--json"])
        .into_iter()
        .filter(|(name, _)| name.contains("Sec") || name.contains("SEC") || name.contains("Sun"))
        .collect();
    let expected = [
        ("ORG:Securities and Exchange Commission".to_string(), 4),
        ("ORG:Sun Energy Corp".to_string(), 1),
    ];
    assert_eq!(counts, expected);
    // Each line says which other names it counts: as JSON, and on a terminal.
    let listed = env
        .lede_ok(&["entities", "--type", "ORG", "--json"], 0)
        .json();
    let also = |name: &str| {
        let entities = listed["entities"].as_array().unwrap();
        let entity = entities.iter().find(|e| e["name"] == name).unwrap();
        entity.get("also").cloned()
    };
    assert_eq!(
        also("Securities and Exchange Commission"),
        Some(serde_json::json!(["SEC"]))
    );
    assert_eq!(also("Sun Energy Corp"), None);
    let table = env.lede_ok(&["entities", "--type", "ORG"], 0).stdout;
    assert!(
        table
            .lines()
            .any(|l| l.ends_with("ORG   Securities and Exchange Commission  (also SEC)")),
        "{table}"
    );
    // Who is named with the commission leaves out both its names.
    let with = env
        .lede_ok(&["entities", "--with", "ORG:SEC", "--json"], 0)
        .json();
    assert_eq!(with["total_articles"], 5, "{with}");
    let with = names(&with["entities"]);
    assert!(
        !with
            .iter()
            .any(|name| name.contains("Securities") || name.ends_with(":SEC")),
        "{with:?}"
    );
    // The passage shown for the name in a story that writes only the acronym is the acronym's.
    let results = env
        .lede_ok(
            &[
                "search",
                "takeover",
                "--entity",
                "ORG:Securities and Exchange Commission",
                "--json",
            ],
            0,
        )
        .json();
    assert_eq!(ids(&results), ["sec-3.md"]);
    let shown = results["hits"][0]["passages"][0]["text"].as_str().unwrap();
    assert!(shown.contains("SEC"), "{shown}");
}

#[test]
fn a_ticker_after_a_company_s_name_is_the_company() {
    let env = indexed_stories(&[
        (
            "merrill-1.md",
            "Merrill Lynch and Co Inc <MER> said on Monday it would cut 500 jobs in its \
             retail brokerage.",
        ),
        (
            "merrill-2.md",
            "The bonds were sold through Merrill Lynch and Co Inc <MER> and E.F. Hutton Group \
             Inc <EFH>, the underwriters said.",
        ),
        (
            "merrill-3.md",
            "Merrill Lynch and Co Inc said its profits rose in the first quarter.",
        ),
        (
            "exxon.md",
            "Exxon Corp <XON> said it would close a refinery in Texas next year.",
        ),
    ]);
    // No ticker is a line of its own: each counts under the company it marks.
    let counts = listed_counts(&env, &["entities", "--type", "ORG", "--json"]);
    assert!(
        !counts
            .iter()
            .any(|(name, _)| ["ORG:MER", "ORG:EFH", "ORG:XON"].contains(&name.as_str())),
        "{counts:?}"
    );
    assert!(
        counts.contains(&("ORG:Merrill Lynch and Co Inc".to_string(), 3)),
        "{counts:?}"
    );
    // A filter by the ticker finds the company's stories, those that give no ticker too.
    assert_eq!(
        entity_hits(&env, "ORG:MER"),
        ["merrill-1.md", "merrill-2.md", "merrill-3.md"]
    );
    assert_eq!(entity_hits(&env, "XON"), ["exxon.md"]);
    // Its passage is the ticker's.
    let results = env
        .lede_ok(&["search", "bonds", "--entity", "ORG:EFH", "--json"], 0)
        .json();
    assert_eq!(ids(&results), ["merrill-2.md"]);
    assert_eq!(results["hits"][0]["passages"].as_array().unwrap().len(), 1);
}

#[test]
fn a_company_s_name_without_its_designators_is_the_company_s() {
    let env = indexed_stories(&[
        (
            "moodys-0.md",
            "Moody's Investors Service Inc downgraded the debt of Texaco Inc on Monday.",
        ),
        (
            "moodys-1.md",
            "Moody's Investors Service Inc said it may lower the ratings of Chrysler Corp.",
        ),
        (
            "moodys-2.md",
            "Moody's Investors Service Inc confirmed the ratings of Ford Motor Co.",
        ),
        (
            "moodys-3.md",
            "Moody's Investors Service said the bank's ratings were under review.",
        ),
        (
            "moodys-4.md",
            "Analysts at Moody's said the outlook for the airline was negative.",
        ),
    ]);
    let hits = |entity: &str| entity_hits(&env, entity).len();
    // The name with its designator holds every article of the names that add designators to
    // `Moody's Investors Service`: each finds the other's articles.
    assert_eq!(hits("ORG:Moody's Investors Service Inc"), 4);
    assert_eq!(hits("ORG:Moody's Investors Service"), 4);
    // A name that adds other words may be another company: `Moody's` keeps to its own.
    assert_eq!(hits("ORG:Moody's"), 1);
    let counts: Vec<(String, u64)> = listed_counts(&env, &["entities", "--type", "ORG", "--json"])
        .into_iter()
        .filter(|(name, _)| name.contains("Moody"))
        .collect();
    let expected = [
        ("ORG:Moody's Investors Service Inc".to_string(), 4),
        ("ORG:Moody's".to_string(), 1),
    ];
    assert_eq!(counts, expected);
}

#[test]
fn a_place_the_datelines_print_in_capitals_is_listed_as_running_text_writes_it() {
    let env = TestEnv::new();
    for day in 1..=3 {
        env.write(
            &format!("wire-{day}.txt"),
            &format!(
                "Stocks fall on rate fears\n\nNEW YORK, March {day} - Stocks fell for a {day}th \
                 day as traders feared higher rates, dealers said. OPEC ministers meet next \
                 week in Vienna to discuss output.\n"
            ),
        );
    }
    env.write(
        "wire-4.txt",
        "Markets quiet\n\nTraders in New York said markets were quiet on Friday.\n",
    );
    env.lede_ok(&["index"], 0);
    let counts: Vec<(String, u64)> = listed_counts(&env, &["entities", "--json"]);
    // Three datelines and a sentence are one place, named as the sentence writes it; the
    // acronym keeps its capitals.
    assert_eq!(
        counts,
        [
            ("LOC:New York".to_string(), 4),
            ("ORG:OPEC".to_string(), 3),
            ("LOC:Vienna".to_string(), 3)
        ]
    );
    let found = env.lede_ok(&["search", "*", "--entity", "LOC:New York", "--count"], 0);
    assert_eq!(found.stdout.trim(), "4");
}

#[test]
fn a_name_s_first_words_are_the_name_where_articles_give_both() {
    let env = indexed_stories(&[
        (
            "moodys-1.md",
            "Moody's Investors Service Inc lowered the ratings of Texaco Inc on Monday. Moody's \
             said the lawsuit weighed on the company.",
        ),
        (
            "moodys-2.md",
            "Moody's Investors Service Inc said it may raise the ratings of Chrysler Corp. \
             Moody's cited strong sales of its new cars.",
        ),
        (
            "moodys-3.md",
            "Moody's Investors Service Inc confirmed the ratings of Ford Motor Co.",
        ),
        (
            "moodys-4.md",
            "Analysts at Moody's said the outlook for the airline was negative.",
        ),
        (
            "texaco-1.md",
            "Texaco Canada Inc said it would sell its refinery in Ontario. Texaco said the sale \
             would close in June.",
        ),
        (
            "texaco-2.md",
            "Texaco Canada Inc raised its dividend. Texaco said profits rose in the quarter.",
        ),
        (
            "texaco-3.md",
            "Texaco said on Friday that it would appeal the court ruling.",
        ),
        (
            "texaco-4.md",
            "Shares of Texaco fell on Wall Street after the ruling.",
        ),
        (
            "texaco-5.md",
            "Texaco and Pennzoil met in Houston to discuss a settlement.",
        ),
    ]);
    let hits = |entity: &str| entity_hits(&env, entity);
    // Two stories write `Moody's` for the agency's full name, which is in more stories than
    // `Moody's` alone: the story that writes only `Moody's` is the agency's, found by either.
    let moodys = ["moodys-1.md", "moodys-2.md", "moodys-3.md", "moodys-4.md"];
    assert_eq!(hits("ORG:Moody's Investors Service Inc"), moodys);
    assert_eq!(hits("ORG:Moody's"), moodys);
    // Two stories write `Texaco` for `Texaco Canada Inc`, but `Texaco` alone is in more
    // stories: it stays its own, and neither finds the other's stories.
    assert_eq!(
        hits("ORG:Texaco"),
        ["texaco-3.md", "texaco-4.md", "texaco-5.md"]
    );
    assert_eq!(
        hits("ORG:Texaco Canada Inc"),
        ["texaco-1.md", "texaco-2.md"]
    );
    // The listing counts each as the filter finds it.
    let counts: Vec<(String, u64)> = listed_counts(&env, &["entities", "--type", "ORG", "--json"])
        .into_iter()
        .filter(|(name, _)| name.contains("Moody") || name.contains("Texaco"))
        .collect();
    let expected = [
        ("ORG:Moody's Investors Service Inc".to_string(), 4),
        ("ORG:Texaco".to_string(), 3),
        ("ORG:Texaco Canada Inc".to_string(), 2),
        ("ORG:Texaco Inc".to_string(), 1),
    ];
    assert_eq!(counts, expected);
}

#[test]
fn a_company_s_name_alone_is_the_company_adding_designators_to_it() {
    let env = indexed_stories(&[
        ("ag-1.md", "Hoechst AG said its pretax profit rose in 1986."),
        ("ag-2.md", "Hoechst AG shares fell in Frankfurt on Tuesday."),
        (
            "ag-3.md",
            "Hoechst AG said it completed the purchase of Celanese Corp.",
        ),
        (
            "unit-1.md",
            "Hoechst Celanese Corp said it would raise 500 mln dlrs. Hoechst said the money \
             would repay debt.",
        ),
        (
            "unit-2.md",
            "Hoechst Celanese Corp opened a plant in Texas. Hoechst said the plant cost 150 mln \
             dlrs.",
        ),
        ("alone.md", "Hoechst said on Monday that its sales fell."),
        (
            "stores-1.md",
            "Federated Department Stores Inc said sales rose. Federated said it would open \
             stores.",
        ),
        (
            "stores-2.md",
            "Federated Department Stores Inc named a new chairman. Federated said he starts in \
             May.",
        ),
        (
            "stores-3.md",
            "Federated Department Stores Inc raised its dividend.",
        ),
        (
            "stores-4.md",
            "Federated Department Stores Inc sold its Texas unit.",
        ),
        ("group-1.md", "Federated Group Inc said its loss widened."),
        ("group-2.md", "Federated Group Inc named a new president."),
        ("group-3.md", "Federated Group Inc closed two stores."),
        (
            "federated.md",
            "Federated said on Tuesday that its sales rose.",
        ),
    ]);
    let hits = |entity: &str| entity_hits(&env, entity);
    // Two stories write `Hoechst` for the unit, but `Hoechst AG`, in more stories, adds
    // designators alone to it: the story of `Hoechst` alone is the parent's.
    assert_eq!(
        hits("ORG:Hoechst"),
        ["ag-1.md", "ag-2.md", "ag-3.md", "alone.md"]
    );
    assert_eq!(hits("ORG:Hoechst AG"), hits("ORG:Hoechst"));
    assert_eq!(
        hits("ORG:Hoechst Celanese Corp"),
        ["unit-1.md", "unit-2.md"]
    );
    // Unless the name adding words is in more stories: `Federated` is the department stores'.
    assert_eq!(
        hits("ORG:Federated"),
        [
            "federated.md",
            "stores-1.md",
            "stores-2.md",
            "stores-3.md",
            "stores-4.md"
        ]
    );
    assert_eq!(
        hits("ORG:Federated Group Inc"),
        ["group-1.md", "group-2.md", "group-3.md"]
    );
    let counts: Vec<(String, u64)> = listed_counts(&env, &["entities", "--type", "ORG", "--json"])
        .into_iter()
        .filter(|(name, _)| name.contains("Hoechst") || name.contains("Federated"))
        .collect();
    let expected = [
        ("ORG:Federated Department Stores Inc".to_string(), 5),
        ("ORG:Hoechst AG".to_string(), 4),
        ("ORG:Federated Group Inc".to_string(), 3),
        ("ORG:Hoechst Celanese Corp".to_string(), 2),
    ];
    assert_eq!(counts, expected);
}

#[test]
fn a_country_s_abbreviation_is_the_country() {
    let env = indexed_stories(&[
        (
            "us-1.md",
            "The U.S. trade deficit widened in March, officials said.",
        ),
        (
            "us-2.md",
            "The United States and Japan agreed to talk about chips.",
        ),
        (
            "us-3.md",
            "Japan said the United States should cut its budget deficit.",
        ),
        (
            "uk-1.md",
            "Britain said its trade deficit narrowed in March.",
        ),
        (
            "uk-2.md",
            "Exports from the U.K. rose in March, officials said.",
        ),
    ]);
    let hits = |entity: &str| entity_hits(&env, entity);
    let us = ["us-1.md", "us-2.md", "us-3.md"];
    assert_eq!(hits("LOC:U.S."), us);
    assert_eq!(hits("LOC:United States"), us);
    assert_eq!(hits("LOC:USA"), us);
    assert_eq!(hits("LOC:Britain"), ["uk-1.md", "uk-2.md"]);
    assert_eq!(hits("LOC:United Kingdom"), hits("LOC:U.K."));
    // One line each, which names the other writings it counts.
    let listed = env
        .lede_ok(&["entities", "--type", "LOC", "--json"], 0)
        .json();
    let line = |name: &str| {
        listed["entities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["name"] == name)
            .map(|e| (e["articles"].as_u64().unwrap(), e["also"].clone()))
    };
    assert_eq!(
        line("United States"),
        Some((3, serde_json::json!(["U.S."])))
    );
    assert_eq!(line("U.S."), None);
    assert_eq!(line("Britain"), Some((2, serde_json::json!(["U.K."]))));
}

#[test]
fn a_clipped_name_is_the_name_it_clips() {
    let env = indexed_stories(&[
        (
            "fed-1.md",
            "The Federal Reserve added reserves to the banking system. The Fed said demand for \
             money was strong.",
        ),
        (
            "fed-2.md",
            "The Federal Reserve left its discount rate unchanged. Economists said the Fed would \
             wait for the jobs report.",
        ),
        (
            "fed-3.md",
            "Dealers said the Fed added temporary reserves to the banking system on Tuesday.",
        ),
        (
            "cattle.md",
            "The Federal Reserve Bank of Kansas City said cattle were fed on cheaper grain.",
        ),
    ]);
    let hits = |entity: &str| entity_hits(&env, entity);
    let fed = ["fed-1.md", "fed-2.md", "fed-3.md"];
    assert_eq!(hits("ORG:Federal Reserve"), fed);
    assert_eq!(hits("ORG:Fed"), fed);
    let counts: Vec<(String, u64)> = listed_counts(&env, &["entities", "--type", "ORG", "--json"])
        .into_iter()
        .filter(|(name, _)| name.contains("Fed"))
        .collect();
    let expected = [
        ("ORG:Federal Reserve".to_string(), 3),
        ("ORG:Federal Reserve Bank of Kansas City".to_string(), 1),
    ];
    assert_eq!(counts, expected);
}
