//! End to end: `lede serve` over HTTP on a free loopback port, with the seed article and a few
//! dated fixture stories. Every endpoint answers the same JSON as the matching CLI command; bad
//! parameters get a 400 with a JSON error; unknown articles and endpoints a JSON 404; a commit made
//! while the server runs shows up without a restart; CORS only when asked for; the page is served.

#![cfg(feature = "serve")]

mod util;

use serde_json::Value;
use std::time::{Duration, Instant};
use util::TestEnv;
use util::http::Server;

/// The seed article and four dated stories (one in a subfolder), indexed.
fn corpus() -> TestEnv {
    let env = TestEnv::with_seed();
    util::write_news(&env);
    env.lede_ok(&["index"], 0);
    env
}

/// A JSON document without its timing, which differs between runs.
fn untimed(mut value: Value) -> Value {
    if let Some(object) = value.as_object_mut() {
        object.remove("took_ms");
    }
    value
}

fn ids(results: &Value) -> Vec<&str> {
    results["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["article_id"].as_str().unwrap())
        .collect()
}

#[test]
fn endpoints_answer_the_clis_json() {
    let env = corpus();
    let server = Server::start(env.path(), &[]);
    let health = server.get("/api/health");
    assert_eq!(health.status, 200);
    assert_eq!(
        health.header("content-type"),
        Some("application/json"),
        "{health:?}"
    );
    let health = health.json();
    assert_eq!(health["status"], "ok");
    assert_eq!(health["articles"], 5);
    assert!(health["passages"].as_u64().unwrap() >= 5);

    let cases: [(&str, &[&str]); 14] = [
        (
            "/api/search?q=budget&explain=true",
            &["search", "budget", "--explain", "--json"],
        ),
        (
            "/api/search?q=budget&sort=oldest",
            &["search", "budget", "--sort", "oldest", "--json"],
        ),
        (
            "/api/search?q=merkle+budg*",
            &["search", "merkle budg*", "--json"],
        ),
        (
            "/api/search?q=budget&collapse=true",
            &["search", "budget", "--collapse", "--json"],
        ),
        (
            "/api/search?like=2026-01-20-trade.md",
            &["search", "--like", "2026-01-20-trade.md", "--json"],
        ),
        (
            "/api/entities?like=2026-01-20-trade.md",
            &["entities", "--like", "2026-01-20-trade.md", "--json"],
        ),
        (
            "/api/timeline?like=2026-01-20-trade.md&by=day",
            &[
                "timeline",
                "--like",
                "2026-01-20-trade.md",
                "--by",
                "day",
                "--json",
            ],
        ),
        ("/api/search?q=budget", &["search", "budget", "--json"]),
        (
            "/api/search?q=budget&limit=2&offset=1&sort=date",
            &[
                "search", "budget", "-n", "2", "--offset", "1", "--sort", "date", "--json",
            ],
        ),
        (
            "/api/search?q=budget&since=2026-01&until=2026-01&entity=PER%3AAngela%20Merkel",
            &[
                "search",
                "budget",
                "--since",
                "2026-01",
                "--until",
                "2026-01",
                "--entity",
                "PER:Angela Merkel",
                "--json",
            ],
        ),
        (
            "/api/search?q=dollar&mentions=1987-03",
            &["search", "dollar", "--mentions", "1987-03", "--json"],
        ),
        (
            "/api/entities?q=budget&type=PER&limit=5",
            &["entities", "budget", "--type", "PER", "-n", "5", "--json"],
        ),
        (
            "/api/entities?with=Merkel",
            &["entities", "--with", "Merkel", "--json"],
        ),
        (
            "/api/timeline?q=budget&by=day",
            &["timeline", "budget", "--by", "day", "--json"],
        ),
    ];
    for (path, args) in cases {
        let answer = server.get(path);
        assert_eq!(answer.status, 200, "{path}: {answer:?}");
        let cli = env.lede(args);
        assert_eq!(untimed(answer.json()), untimed(cli.json()), "{path}");
    }
    // A wildcard expanded and a misspelling caught, as the CLI does.
    let spelt = server.get("/api/search?q=merkle+budg*").json();
    assert_eq!(spelt["did_you_mean"], "merkel budg*");
    assert!(spelt["total_hits"].as_u64().unwrap() >= 3, "{spelt}");
    let by_mentions = server.get("/api/timeline?q=dollar&mentions=true&by=month");
    let cli = env.lede(&[
        "timeline",
        "dollar",
        "--mentions",
        "--by",
        "month",
        "--json",
    ]);
    assert_eq!(untimed(by_mentions.json()), untimed(cli.json()));
    assert_eq!(by_mentions.json()["basis"], "mentions");

    // The filters narrow what they should.
    let merkel = server
        .get("/api/search?q=budget&entity=Angela%20Merkel")
        .json();
    assert_eq!(
        ids(&merkel),
        ["2026-01-15-summit.md", "2026-01-20-trade.md"]
            .map(|s| s)
            .to_vec()
    );
    let both = server
        .get("/api/search?q=budget&entity=Angela%20Merkel&entity=LOC%3AChina")
        .json();
    assert_eq!(ids(&both), ["2026-01-20-trade.md"]);
    let page = server.get("/api/search?q=budget&limit=1&offset=1").json();
    assert_eq!(page["total_hits"], 4);
    assert_eq!(page["hits"].as_array().unwrap().len(), 1);

    // Highlights are byte ranges of the passage text, here after multi-byte characters.
    let resign = server.get("/api/search?q=welcomed").json();
    let passage = &resign["hits"][0]["passages"][0];
    let text = passage["text"].as_str().unwrap();
    let [start, end] = [0, 1].map(|i| passage["highlights"][0][i].as_u64().unwrap() as usize);
    assert_eq!(&text[start..end], "welcomed");
}

#[test]
fn articles_by_id_and_missing_ones() {
    let env = corpus();
    let server = Server::start(env.path(), &[]);
    let seed = server.get(&format!("/api/articles/{}", util::SEED_NAME));
    assert_eq!(seed.status, 200);
    let cli = env.lede(&["show", util::SEED_NAME, "--json"]);
    assert_eq!(seed.json(), cli.json());
    // An id with a slash, written as is or percent-encoded.
    for path in [
        "/api/articles/world/2026-03-02-resign.md",
        "/api/articles/world%2F2026-03-02-resign.md",
    ] {
        let answer = server.get(path);
        assert_eq!(answer.status, 200, "{path}");
        assert_eq!(
            answer.json()["article"]["title"],
            "Minister resigns over the budget"
        );
    }
    let missing = server.get("/api/articles/no-such-story.md");
    assert_eq!(missing.status, 404);
    assert_eq!(
        missing.json()["error"],
        "no article with id \"no-such-story.md\""
    );
    let endpoint = server.get("/api/nothing-here");
    assert_eq!(endpoint.status, 404);
    assert!(
        endpoint.json()["error"]
            .as_str()
            .unwrap()
            .contains("no such endpoint")
    );
}

#[test]
fn bad_parameters_are_json_400s() {
    let env = corpus();
    let server = Server::start(env.path(), &[]);
    for (path, wanted) in [
        ("/api/search?q=x&limit=-1", "limit: expected a whole number"),
        (
            "/api/search?q=x&limit=100000",
            "limit: expected a whole number",
        ),
        (
            "/api/search?q=x&offset=abc",
            "offset: expected a whole number",
        ),
        ("/api/search?q=x&since=March", "since: invalid date"),
        ("/api/search?q=x&until=2026-02-30", "until: invalid date"),
        ("/api/search?q=x&entity=PER%3A", "entity: empty entity name"),
        (
            "/api/search?q=x&mentions=1988..1987",
            "mentions: empty period",
        ),
        (
            "/api/search?q=x&sort=popular",
            "sort: expected relevance, date (newest) or oldest",
        ),
        (
            "/api/search?q=x&q=y",
            "parameter \"q\" given more than once",
        ),
        ("/api/search?query=x", "unknown parameter \"query\""),
        (
            "/api/entities?type=PERSON",
            "type: expected PER, ORG, LOC or MISC",
        ),
        ("/api/entities?with=%22%22", "with: empty entity name"),
        (
            "/api/entities?limit=1000000",
            "limit: expected a whole number",
        ),
        (
            "/api/timeline?by=hour",
            "by: expected day, week, month or year",
        ),
        (
            "/api/timeline?mentions=1987",
            "mentions: expected true or false",
        ),
        ("/api/timeline?sort=date", "unknown parameter \"sort\""),
        (
            "/api/search?like=nowhere.md",
            "no article with id \"nowhere.md\"",
        ),
        (
            "/api/search?q=x&collapse=maybe",
            "collapse: expected true or false",
        ),
        (
            "/api/search?q=budget&like=2026-01-20-trade.md",
            "a search for articles like \"2026-01-20-trade.md\" takes no query",
        ),
    ] {
        let answer = server.get(path);
        assert_eq!(answer.status, 400, "{path}: {answer:?}");
        let error = answer.json()["error"].as_str().unwrap().to_string();
        assert!(error.starts_with(wanted), "{path}: {error}");
    }
    // Odd but well-formed input is searched, not refused: broken syntax, stray escapes, bytes
    // that are not UTF-8, a huge field name.
    for path in [
        "/api/search?q=%22unclosed%20(phrase",
        "/api/search?q=%ZZ%25",
        "/api/search?q=%FF%FE",
        "/api/search?q=title%3A%3A%3A~~~%5E%5E",
        "/api/timeline?q=entity%3A",
    ] {
        let answer = server.get(path);
        assert_eq!(answer.status, 200, "{path}: {answer:?}");
        answer.json();
    }
    let not_utf8 = server.get("/api/articles/%FF%FE");
    assert_eq!(not_utf8.status, 400, "{not_utf8:?}");
    not_utf8.json();
    let post = util::http::request(
        "POST",
        &format!("{}/api/search", server.url),
        Some("{}"),
        &[],
    )
    .unwrap();
    assert_eq!(post.status, 405);
    assert_eq!(post.json()["error"], "the API only answers GET requests");
    let long = format!("/api/search?q={}", "a%20".repeat(2000));
    assert_eq!(server.get(&long).status, 200);
    // The server is still up after all that.
    assert_eq!(server.get("/api/health").status, 200);
}

#[test]
fn a_commit_made_while_serving_shows_up_without_a_restart() {
    let env = corpus();
    let server = Server::start(env.path(), &[]);
    let query = "/api/search?q=zeppelin";
    assert_eq!(server.get(query).json()["total_hits"], 0);
    env.write(
        "2026-04-01-airship.md",
        "---\ntitle: Zeppelin returns\ndate: 2026-04-01\n---\nA zeppelin flew over Lake \
         Constance on Wednesday for the first time in decades.\n",
    );
    env.lede_ok(&["index"], 0);
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let results = server.get(query).json();
        if results["total_hits"] == 1 {
            assert_eq!(ids(&results), ["2026-04-01-airship.md"]);
            break;
        }
        assert!(Instant::now() < deadline, "the new commit never showed up");
        std::thread::sleep(Duration::from_millis(200));
    }
    assert_eq!(server.get("/api/health").json()["articles"], 6);
    let article = server.get("/api/articles/2026-04-01-airship.md");
    assert_eq!(article.status, 200);
}

#[test]
fn cors_only_when_asked_for() {
    let env = corpus();
    let origin = [("Origin", "http://example.org")];
    let plain = Server::start(env.path(), &[]);
    let answer =
        util::http::request("GET", &format!("{}/api/health", plain.url), None, &origin).unwrap();
    assert_eq!(answer.status, 200);
    assert_eq!(answer.header("access-control-allow-origin"), None);
    drop(plain);

    let open = Server::start(env.path(), &["--cors", "http://example.org"]);
    let answer =
        util::http::request("GET", &format!("{}/api/health", open.url), None, &origin).unwrap();
    assert_eq!(
        answer.header("access-control-allow-origin"),
        Some("http://example.org")
    );
    let bad = env.lede(&["serve", "--addr", "127.0.0.1:0", "--cors", "not an origin"]);
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("invalid CORS origin"), "{bad:?}");
}

#[test]
fn the_page_and_its_assets_are_served() {
    let env = corpus();
    let server = Server::start(env.path(), &[]);
    let page = server.get("/");
    assert_eq!(page.status, 200);
    assert_eq!(
        page.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert!(page.body.contains("<script src=\"/assets/app.js\""));
    assert!(
        page.header("content-security-policy")
            .unwrap()
            .starts_with("default-src 'self'")
    );
    for (path, kind) in [
        ("/assets/app.js", "text/javascript"),
        ("/assets/style.css", "text/css"),
    ] {
        let asset = server.get(path);
        assert_eq!(asset.status, 200, "{path}");
        assert!(asset.header("content-type").unwrap().starts_with(kind));
    }
    // Nothing is loaded from elsewhere: no absolute URLs in the page or its assets.
    for path in ["/", "/assets/app.js", "/assets/style.css"] {
        let body = server.get(path).body;
        assert!(
            !body.contains("http://") && !body.contains("https://"),
            "{path}"
        );
    }
    assert_eq!(server.get("/nowhere").status, 404);
}
