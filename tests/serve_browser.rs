//! The web page in a real browser: `lede serve` on a free loopback port, headless Chromium driven
//! through chromedriver (WebDriver, spoken with the tests' own small HTTP client). Types a query,
//! waits for highlighted passages and entity chips, clicks a chip and checks that the results are
//! filtered by that entity, and saves a screenshot as `target/lede-web.png`.
//!
//! Needs Debian's `chromium` and `chromium-driver` (`.ci/run` installs them); without
//! chromedriver the test says SKIPPED and passes.

#![cfg(feature = "serve")]

mod util;

use serde_json::{Value, json};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use util::TestEnv;
use util::http::{Server, request};

/// The key WebDriver calls Enter.
const ENTER: &str = "\u{E007}";
/// The key WebDriver calls Escape.
const ESCAPE: &str = "\u{E00C}";
/// The key of an element reference in WebDriver answers.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// Says SKIPPED on the real standard error, past the test harness's capture.
fn skipped(why: &str) {
    let _ = writeln!(
        std::io::stderr(),
        "SKIPPED the_page_searches_highlights_and_filters: {why}"
    );
}

fn find_program(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| names.iter().map(move |name| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

/// A chromedriver process and one browser session, ended when dropped.
struct Browser {
    driver: Child,
    base: String,
    session: String,
}

impl Browser {
    fn start(chromedriver: &Path) -> Browser {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let driver = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        // Owned from here on, so that a failure below still ends chromedriver.
        let mut browser = Browser {
            driver,
            base: format!("http://127.0.0.1:{port}"),
            session: String::new(),
        };
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let ready = request("GET", &format!("{}/status", browser.base), None, &[])
                .ok()
                .and_then(|r| serde_json::from_str::<Value>(&r.body).ok())
                .is_some_and(|status| status["value"]["ready"] == true);
            if ready {
                break;
            }
            assert!(Instant::now() < deadline, "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        let mut options = json!({
            "args": ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                     "--disable-gpu", "--window-size=1100,900"]
        });
        if let Some(chromium) = find_program(&["chromium", "chromium-browser"]) {
            options["binary"] = json!(chromium);
        }
        let capabilities = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome", "goog:chromeOptions": options }}});
        let created = browser.call("POST", "/session", Some(capabilities));
        browser.session = created["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {created}"))
            .to_string();
        browser
    }

    /// One WebDriver command; its `value`.
    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let url = if path.starts_with("/session/") || path == "/session" {
            format!("{}{path}", self.base)
        } else {
            format!("{}/session/{}{path}", self.base, self.session)
        };
        let body = body.map(|b| b.to_string());
        let answer = request(method, &url, body.as_deref(), &[])
            .unwrap_or_else(|e| panic!("{method} {path}: {e}"));
        let value: Value = serde_json::from_str(&answer.body).unwrap();
        assert_eq!(answer.status, 200, "{method} {path}: {value}");
        value["value"].clone()
    }

    fn elements(&self, css: &str) -> Vec<String> {
        let found = self.call(
            "POST",
            "/elements",
            Some(json!({"using": "css selector", "value": css})),
        );
        found
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                e[ELEMENT]
                    .as_str()
                    .unwrap_or_else(|| panic!("{e}"))
                    .to_string()
            })
            .collect()
    }

    fn attribute(&self, element: &str, name: &str) -> Value {
        self.call("GET", &format!("/element/{element}/attribute/{name}"), None)
    }

    fn text(&self, element: &str) -> String {
        self.call("GET", &format!("/element/{element}/text"), None)
            .as_str()
            .unwrap()
            .to_string()
    }

    /// The rendered text of every element `css` selects, read in one script: element by
    /// element, a page that re-renders between two reads would leave stale references.
    fn texts(&self, css: &str) -> Vec<String> {
        let script = "return [...document.querySelectorAll(arguments[0])].map(e => e.innerText);";
        let texts = self.call(
            "POST",
            "/execute/sync",
            Some(json!({"script": script, "args": [css]})),
        );
        serde_json::from_value(texts).unwrap()
    }

    /// Waits until `check` gives a value, or fails saying what was awaited.
    fn wait<T>(&self, what: &str, mut check: impl FnMut(&Browser) -> Option<T>) -> T {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(value) = check(self) {
                return value;
            }
            assert!(Instant::now() < deadline, "timed out waiting for {what}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn screenshot(&self, path: &Path) {
        let encoded = self.call("GET", "/screenshot", None);
        let png = base64_decode(encoded.as_str().unwrap());
        assert!(png.starts_with(b"\x89PNG"), "not a PNG");
        std::fs::write(path, png).unwrap();
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let url = format!("{}/session/{}", self.base, self.session);
            let _ = request("DELETE", &url, None, &[]);
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

fn base64_decode(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => panic!("not base64: {c}"),
    };
    let digits: Vec<u8> = text
        .bytes()
        .filter(|c| !c.is_ascii_whitespace() && *c != b'=')
        .map(value)
        .collect();
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let bits = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, &d)| acc | (d as u32) << (18 - 6 * i));
        out.extend_from_slice(&bits.to_be_bytes()[1..chunk.len()]);
    }
    out
}

#[test]
fn the_page_searches_highlights_and_filters() {
    let Some(chromedriver) = find_program(&["chromedriver"]) else {
        skipped("chromedriver not found (apt-get install chromium chromium-driver)");
        return;
    };
    let env = TestEnv::with_seed();
    util::write_news(&env);
    env.lede_ok(&["index"], 0);
    let server = Server::start(env.path(), &[]);
    let browser = Browser::start(&chromedriver);
    browser.call(
        "POST",
        "/url",
        Some(json!({"url": format!("{}/", server.url)})),
    );

    // Keyboard: Escape leaves the search box, `/` comes back to it.
    let search_box = browser.wait("the search box", |b| b.elements("#q").pop());
    let active = |b: &Browser| b.call("GET", "/element/active", None)[ELEMENT].clone();
    browser.call(
        "POST",
        &format!("/element/{search_box}/value"),
        Some(json!({ "text": ESCAPE })),
    );
    assert_ne!(active(&browser), json!(search_box));
    let body = browser.elements("body").pop().unwrap();
    browser.call(
        "POST",
        &format!("/element/{body}/value"),
        Some(json!({"text": "/"})),
    );
    assert_eq!(
        active(&browser),
        json!(search_box),
        "`/` focuses the search box"
    );

    // Type a query and press Enter.
    browser.call(
        "POST",
        &format!("/element/{search_box}/value"),
        Some(json!({"text": format!("budget Merkel{ENTER}")})),
    );
    let marks = browser.wait("highlighted passages", |b| {
        let status = b.texts("#status").concat();
        let marks = b.texts("#hits .passage mark");
        (status.contains("of 4 articles") && !marks.is_empty()).then_some(marks)
    });
    assert!(
        marks
            .iter()
            .all(|m| ["budget", "merkel"].contains(&m.to_lowercase().as_str())),
        "{marks:?}"
    );
    let titles = browser.texts("#hits .title");
    assert_eq!(titles.len(), 4, "{titles:?}");
    // Titles light up the query's words too.
    let mut in_titles = browser.texts("#hits .title mark");
    in_titles.sort();
    assert_eq!(in_titles, ["Merkel", "budget"], "{titles:?}");
    // The side panel and the timeline are drawn too.
    assert!(!browser.elements("#entities .chip").is_empty());
    assert_eq!(
        browser.elements("#bars .bar").len(),
        4,
        "Dec to Mar, by month"
    );

    // Click the chip of a person mentioned in a passage: only their articles are left.
    let chips = browser.elements("#hits .passage .chip.per");
    let chip = chips
        .iter()
        .find(|c| browser.text(c) == "Angela Merkel")
        .expect("an Angela Merkel chip");
    browser.call("POST", &format!("/element/{chip}/click"), Some(json!({})));
    browser.wait("the entity filter", |b| {
        let filters = b.texts("#filters .chip").concat();
        let status = b.texts("#status").concat();
        (filters.contains("Angela Merkel") && status.contains("of 2 articles")).then_some(())
    });
    let mut titles = browser.texts("#hits .title");
    titles.sort();
    assert_eq!(
        titles,
        ["Merkel and Macron meet in Berlin", "Trade talks stall"]
    );
    let url = browser.call("GET", "/url", None);
    assert!(
        url.as_str().unwrap().contains("entity=PER%3AAngela+Merkel"),
        "{url}"
    );

    // "similar" on a hit: the articles like it (still about Angela Merkel), without it.
    let titles = browser.texts("#hits .title");
    let at = titles
        .iter()
        .position(|t| t == "Trade talks stall")
        .unwrap();
    let similar = browser.elements("#hits .similar").remove(at);
    browser.call(
        "POST",
        &format!("/element/{similar}/click"),
        Some(json!({})),
    );
    browser.wait("articles like the trade story", |b| {
        let filters = b.texts("#filters .chip").concat();
        let status = b.texts("#status").concat();
        (filters.contains("like 2026-01-20-trade.md") && status.contains("by its words: "))
            .then_some(())
    });
    assert_eq!(
        browser.texts("#hits .title"),
        ["Merkel and Macron meet in Berlin"]
    );
    let url = browser.call("GET", "/url", None);
    assert!(
        url.as_str().unwrap().contains("like=2026-01-20-trade.md"),
        "{url}"
    );
    // Its chip takes it away again.
    let like_chip = browser.elements("#filters .chip.like").pop().unwrap();
    browser.call(
        "POST",
        &format!("/element/{like_chip}/click"),
        Some(json!({})),
    );
    browser.wait("the filter alone again", |b| {
        let status = b.texts("#status").concat();
        (b.elements("#filters .chip.like").is_empty() && status.contains("of 2 articles"))
            .then_some(())
    });

    let target = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .unwrap()
        .join("lede-web.png");
    browser.screenshot(&target);
    let _ = writeln!(std::io::stderr(), "screenshot: {}", target.display());
}

#[test]
fn markup_and_scripts_in_articles_are_shown_as_text_never_run() {
    let Some(chromedriver) = find_program(&["chromedriver"]) else {
        skipped("chromedriver not found (apt-get install chromium chromium-driver)");
        return;
    };
    let env = TestEnv::new();
    let hostile = "<img src=x onerror=\\\"document.title='pwned'\\\"> Harbour budget";
    env.write(
        "feed.jsonl",
        &format!(
            "{{\"id\": \"a\", \"title\": \"{hostile}\", \"url\": \"javascript:document.title='pwned'\", \"body\": \"The harbour <b>budget</b> rose.\"}}\n\
             {{\"id\": \"b\", \"title\": \"Harbour plan\", \"url\": \"https://example.org/b\", \"body\": \"The harbour plan was approved.\"}}\n"
        ),
    );
    env.lede_ok(&["index"], 0);
    let server = Server::start(env.path(), &[]);
    let browser = Browser::start(&chromedriver);
    let page = format!("{}/?q=harbour", server.url);
    browser.call("POST", "/url", Some(json!({ "url": page })));
    let titles = browser.wait("two hits", |b| {
        let titles = b.texts("#hits .title");
        (titles.len() == 2).then_some(titles)
    });
    assert!(
        titles
            .contains(&"<img src=x onerror=\"document.title='pwned'\"> Harbour budget".to_string()),
        "{titles:?}"
    );
    assert!(
        browser
            .texts("#hits .passage")
            .concat()
            .contains("<b>budget</b>")
    );
    let links: Vec<Value> = browser
        .elements("#hits .meta a")
        .iter()
        .map(|a| browser.attribute(a, "href"))
        .collect();
    assert_eq!(links, [json!("https://example.org/b")]);
    assert!(browser.elements("#hits img").is_empty());
    assert_ne!(browser.call("GET", "/title", None), json!("pwned"));
}

#[test]
fn an_untitled_storys_first_sentence_is_shown_once() {
    let Some(chromedriver) = find_program(&["chromedriver"]) else {
        skipped("chromedriver not found (apt-get install chromium chromium-driver)");
        return;
    };
    let env = TestEnv::new();
    // No headline: the first sentence is the title and opens the body; letters of two bytes
    // before the highlights, so a shift counted in characters would light the wrong text.
    env.write(
        "corpus/zurich.txt",
        "Café owners in Zürich protested the new harbour tax on Monday.\n\
         The harbour tax doubles next year, officials said, and ferries pay it too.\n",
    );
    // A record without a title is headed by its opening sentence, as the terminal shows it.
    env.write(
        "corpus/ferries.jsonl",
        "{\"id\": \"f-1\", \"body\": \"Ferry fares in Zürich rise\\nin April. The operators \
         blamed fuel.\"}\n",
    );
    env.lede_ok(&["index"], 0);
    let server = Server::start(env.path(), &[]);
    let browser = Browser::start(&chromedriver);
    let page = format!("{}/?q=harbour", server.url);
    browser.call("POST", "/url", Some(json!({ "url": page })));
    let title = browser.wait("the hit", |b| b.texts("#hits .title").pop());
    assert_eq!(
        title,
        "Café owners in Zürich protested the new harbour tax on Monday."
    );
    assert_eq!(browser.texts("#hits .title mark"), ["harbour"]);
    let passages = browser.texts("#hits .passage p");
    assert_eq!(
        passages,
        ["… The harbour tax doubles next year, officials said, and ferries pay it too."]
    );
    assert_eq!(browser.texts("#hits .passage mark"), ["harbour"]);

    let page = format!("{}/?q=fares", server.url);
    browser.call("POST", "/url", Some(json!({ "url": page })));
    let title = browser.wait("the untitled hit", |b| {
        b.texts("#hits .title")
            .pop()
            .filter(|title| title.starts_with("Ferry"))
    });
    assert_eq!(title, "Ferry fares in Zürich rise in April.");
    assert_eq!(browser.texts("#hits .title mark"), ["fares"]);
    assert_eq!(
        browser.texts("#hits .passage p"),
        ["… The operators blamed fuel."]
    );
}

#[test]
fn one_per_story_folds_the_versions_of_a_story() {
    let Some(chromedriver) = find_program(&["chromedriver"]) else {
        skipped("chromedriver not found (apt-get install chromium chromium-driver)");
        return;
    };
    let env = TestEnv::new();
    let story = "Dock workers at Rotterdam walked out on Tuesday, halting container terminals at \
                 Europe's largest port. The union said the strike over pay would last until the \
                 port operators improved their offer, and ships queued off the Maasvlakte.";
    env.write(
        "news.jsonl",
        &[
            json!({"id": "first", "title": "Dock strike halts Rotterdam port", "body": story}),
            json!({"id": "repeat", "title": "REPEAT - Dock strike halts Rotterdam port", "body": story}),
            json!({"id": "other", "title": "Rotterdam port volumes rise", "body": "Container volumes at the port of Rotterdam rose 3% in the first quarter, the port authority said."}),
        ]
        .map(|record| format!("{record}\n"))
        .concat(),
    );
    env.lede_ok(&["index"], 0);
    let server = Server::start(env.path(), &[]);
    let browser = Browser::start(&chromedriver);
    let page = format!("{}/?q=rotterdam+port", server.url);
    browser.call("POST", "/url", Some(json!({ "url": page })));
    browser.wait("three hits", |b| {
        (b.texts("#hits .title").len() == 3).then_some(())
    });
    assert!(browser.elements("#hits .duplicates").is_empty());
    let checkbox = browser.elements("#collapse").pop().unwrap();
    browser.call(
        "POST",
        &format!("/element/{checkbox}/click"),
        Some(json!({})),
    );
    let titles = browser.wait("two stories", |b| {
        let titles = b.texts("#hits .title");
        (titles.len() == 2).then_some(titles)
    });
    assert!(
        titles.contains(&"Rotterdam port volumes rise".to_string()),
        "{titles:?}"
    );
    assert_eq!(
        browser.texts("#hits .duplicates"),
        ["+ 1 near-duplicate version"]
    );
    let url = browser.call("GET", "/url", None);
    assert!(url.as_str().unwrap().contains("collapse=true"), "{url}");
}

/// The news fixture indexed and served, and a browser at the page of `query` (URL-encoded
/// parameters); `None`, the test skipped, without chromedriver.
fn news_page(query: &str) -> Option<(TestEnv, Server, Browser)> {
    let Some(chromedriver) = find_program(&["chromedriver"]) else {
        skipped("chromedriver not found (apt-get install chromium chromium-driver)");
        return None;
    };
    let env = TestEnv::new();
    util::write_news(&env);
    env.lede_ok(&["index"], 0);
    let server = Server::start(env.path(), &[]);
    let browser = Browser::start(&chromedriver);
    let page = format!("{}/?{query}", server.url);
    browser.call("POST", "/url", Some(json!({ "url": page })));
    Some((env, server, browser))
}

#[test]
fn a_misspelt_query_offers_the_words_meant() {
    let Some((_env, _server, browser)) = news_page("q=Merkle+Volkswagn") else {
        return;
    };
    let offered = browser.wait("a suggestion", |b| b.texts("#status .suggestion").pop());
    assert_eq!(offered, "Merkel Volkswagen");
    assert!(browser.texts("#hits .title").is_empty());
    let button = browser.elements("#status .suggestion").pop().unwrap();
    browser.call("POST", &format!("/element/{button}/click"), Some(json!({})));
    browser.wait("the articles of the words meant", |b| {
        let status = b.texts("#status").concat();
        (status.contains("of 2 articles") && b.elements("#status .suggestion").is_empty())
            .then_some(())
    });
    let url = browser.call("GET", "/url", None);
    assert!(
        url.as_str().unwrap().contains("q=Merkel+Volkswagen"),
        "{url}"
    );
}

#[test]
fn the_sources_of_the_matches_are_listed_and_narrow_the_search() {
    let Some((_env, _server, browser)) = news_page("q=budget+Merkel") else {
        return;
    };
    let sources = browser.wait("the sources", |b| {
        let sources = b.texts("#sources li");
        (!sources.is_empty()).then_some(sources)
    });
    // One story of the four has a source.
    assert_eq!(sources, ["Test Wire\n1"]);
    let chip = browser.elements("#sources .source").pop().unwrap();
    browser.call("POST", &format!("/element/{chip}/click"), Some(json!({})));
    browser.wait("the source's articles", |b| {
        let status = b.texts("#status").concat();
        status.contains("of 1 article").then_some(())
    });
    assert_eq!(
        browser.texts("#hits .title"),
        ["Merkel and Macron meet in Berlin"]
    );
    let url = browser.call("GET", "/url", None);
    assert!(
        url.as_str()
            .unwrap()
            .contains("q=%28budget+Merkel%29+AND+source%3A%22Test+Wire%22"),
        "{url}"
    );
}
