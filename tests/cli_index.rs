//! End to end: `lede index` on temporary corpora, incremental runs with exact counts, the formats
//! and their problems, and the safety of the user's folders.

mod util;

use serde_json::Value;
use util::{TestEnv, summary_line};

fn counts(out: &util::Output) -> &str {
    util::summary_counts(&out.stderr)
}

#[test]
fn index_reindex_modify_and_delete_give_exact_counts() {
    let env = TestEnv::with_seed();
    env.write(
        "markets.md",
        "---\ntitle: Markets rally\ndate: 2026-03-02\nsource: Wire\n---\nStocks rose sharply on Monday as investors cheered.\n",
    );
    env.write(
        "batch.jsonl",
        "{\"id\": \"a1\", \"title\": \"Rain\", \"body\": \"Heavy rain fell.\"}\n{\"id\": \"a2\", \"title\": \"Sun\", \"body\": \"The sun shone.\"}\n",
    );
    let first = env.lede_ok(&["index"], 0);
    assert_eq!(
        counts(&first),
        "4 added, 0 updated, 0 unchanged, 0 removed, 0 skipped, 0 warnings"
    );
    let again = env.lede_ok(&["index"], 0);
    assert_eq!(
        counts(&again),
        "0 added, 0 updated, 4 unchanged, 0 removed, 0 skipped, 0 warnings"
    );

    // One record changes, one is dropped from the file, one is new.
    env.write(
        "batch.jsonl",
        "{\"id\": \"a1\", \"title\": \"Rain\", \"body\": \"Heavy rain fell all night.\"}\n{\"id\": \"a3\", \"title\": \"Snow\", \"body\": \"Snow came.\"}\n",
    );
    let changed = env.lede_ok(&["index"], 0);
    assert_eq!(
        counts(&changed),
        "1 added, 1 updated, 2 unchanged, 1 removed, 0 skipped, 0 warnings"
    );

    std::fs::remove_file(env.corpus().join("markets.md")).unwrap();
    let deleted = env.lede_ok(&["index"], 0);
    assert_eq!(
        counts(&deleted),
        "0 added, 0 updated, 3 unchanged, 1 removed, 0 skipped, 0 warnings"
    );
    let stats = env.lede_ok(&["stats", "--json"], 0).json();
    assert_eq!(stats["articles"], 3);
    env.lede_ok(&["search", "stocks"], 1);
    let snow = env.lede_ok(&["search", "snow", "--json"], 0).json();
    assert_eq!(snow["hits"][0]["article_id"], "a3");
}

#[test]
fn a_broken_line_is_reported_and_the_rest_indexed() {
    let env = TestEnv::new();
    env.write(
        "feed.jsonl",
        "{\"body\": \"First story about copper.\"}\n{\"body\": broken}\n{\"body\": \"Third story about copper.\"}\n",
    );
    env.write("empty.txt", "   \n");
    env.write("blob.txt", "abc\0def");
    env.write(
        "dated.json",
        "{\"body\": \"A dated story.\", \"date\": \"sometime\"}",
    );
    let out = env.lede_ok(&["index", "-v"], 0);
    assert!(
        out.stderr.contains("feed.jsonl:2: invalid JSON"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("empty.txt: empty file"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("blob.txt: binary file"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("dated.json: unparseable date \"sometime\""),
        "{}",
        out.stderr
    );
    assert_eq!(
        counts(&out),
        "3 added, 0 updated, 0 unchanged, 0 removed, 3 skipped, 1 warnings"
    );
    let hits = env.lede_ok(&["search", "copper", "--json"], 0).json();
    let ids: Vec<&str> = hits["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["article_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 2);
    assert!(ids.contains(&"feed.jsonl#1") && ids.contains(&"feed.jsonl#3"));
}

#[test]
fn a_duplicate_id_names_its_line_and_where_the_id_was_first_met() {
    let env = TestEnv::new();
    env.write(
        "a.json",
        "[\n  {\"id\": \"s1\", \"body\": \"Copper rose.\"},\n  {\"id\": \"s2\", \"body\": \"Tin fell.\"}\n]",
    );
    env.write(
        "b.jsonl",
        "{\"id\": \"s3\", \"body\": \"Zinc held.\"}\n\n{\"id\": \"s2\", \"body\": \"Tin rose.\"}\n{\"id\": \"s3\", \"body\": \"Zinc fell.\"}\n",
    );
    let out = env.lede_ok(&["index"], 0);
    for line in [
        "skipped: b.jsonl:3: duplicate article id \"s2\" (first at a.json:3); only the first is kept",
        "skipped: b.jsonl:4: duplicate article id \"s3\" (first at b.jsonl:1); only the first is kept",
    ] {
        assert!(out.stderr.contains(line), "{line}\n{}", out.stderr);
    }
    assert_eq!(
        counts(&out),
        "3 added, 0 updated, 0 unchanged, 0 removed, 2 skipped, 0 warnings"
    );
    let tin = env.lede_ok(&["search", "tin", "--json"], 0).json();
    assert_eq!(tin["total_hits"], 1);
    assert_eq!(tin["hits"][0]["article_id"], "s2");
    assert!(
        tin["hits"][0]["passages"][0]["text"]
            .as_str()
            .unwrap()
            .contains("fell")
    );
}

#[test]
fn html_in_markdown_and_json_is_searched_as_its_text() {
    let env = TestEnv::new();
    env.write(
        "cms.md",
        "---\ntitle: Copper outlook\n---\n<div class=\"story\">\n<p>Smelters were <em>cautious</em> &amp; quiet.</p>\n<script>track('page');</script>\n</div>\n",
    );
    env.write(
        "feed.jsonl",
        "{\"id\": \"f1\", \"title\": \"Tin &amp; zinc\", \"content\": \"<p>Tin traders were cautious.</p><p>Zinc held.</p>\"}\n",
    );
    env.lede_ok(&["index"], 0);
    let hits = env.lede_ok(&["search", "cautious", "--json"], 0).json();
    assert_eq!(hits["total_hits"], 2);
    for hit in hits["hits"].as_array().unwrap() {
        let text = hit["passages"][0]["text"].as_str().unwrap();
        assert!(!text.contains('<') && !text.contains("&amp;"), "{text}");
    }
    env.lede_ok(&["search", "track"], 1);
    env.lede_ok(&["search", "em"], 1);
    let tin = env.lede_ok(&["search", "zinc", "--json"], 0).json();
    assert_eq!(tin["hits"][0]["title"], "Tin & zinc");
}

#[test]
fn saved_web_pages_are_indexed_as_their_article() {
    let env = TestEnv::new();
    let page = include_str!("fixtures/news_page.html");
    env.write("pages/storm.html", page);
    env.write(
        "pages/empty.htm",
        "<html><head><title>Nothing here</title></head><body><nav>Home</nav></body></html>",
    );
    let out = env.lede_ok(&["index"], 0);
    assert_eq!(
        counts(&out),
        "1 added, 0 updated, 0 unchanged, 0 removed, 1 skipped, 0 warnings"
    );
    assert!(
        out.stderr.contains("pages/empty.htm: article has no body"),
        "{}",
        out.stderr
    );
    let hits = env
        .lede_ok(&["search", "amber warning", "--json"], 0)
        .json();
    let hit = &hits["hits"][0];
    assert_eq!(hit["article_id"], "pages/storm.html");
    assert_eq!(
        hit["title"],
        "Storm floods harbour town as river bursts its banks"
    );
    assert_eq!(hit["source"], "The Daily Example");
    // The page's layout (navigation, related links, footers, scripts) is not its text.
    for layout in [
        "\"sign in\"",
        "related",
        "share",
        "reserved",
        "window",
        "advertisement",
        "facebook",
        "council",
    ] {
        env.lede_ok(&["search", layout], 1);
    }
    let dated = env
        .lede_ok(
            &[
                "search",
                "Porthaven",
                "--since",
                "2026-03-02",
                "--until",
                "2026-03-02",
                "--json",
            ],
            0,
        )
        .json();
    assert_eq!(dated["total_hits"], 1);
    // Saving the page again with a changed article updates it.
    env.write(
        "pages/storm.html",
        &page.replace("amber warning", "red warning"),
    );
    let out = env.lede_ok(&["index"], 0);
    assert!(
        counts(&out).starts_with("0 added, 1 updated"),
        "{}",
        out.stderr
    );
    env.lede_ok(&["search", "amber"], 1);
}

#[test]
fn feeds_and_nitf_articles_are_indexed_and_other_xml_is_reported() {
    let env = TestEnv::new();
    env.write("feeds/wire.rss", include_str!("fixtures/wire.rss"));
    env.write(
        "archive/1998/harbour.xml",
        include_str!("fixtures/archive.nitf.xml"),
    );
    env.write(
        "sitemap.xml",
        "<?xml version=\"1.0\"?><urlset><url><loc>https://x.example/</loc></url></urlset>",
    );
    let out = env.lede_ok(&["index"], 0);
    assert_eq!(
        counts(&out),
        "3 added, 0 updated, 0 unchanged, 0 removed, 2 skipped, 0 warnings"
    );
    assert!(
        out.stderr
            .contains("feeds/wire.rss:26: article has no body"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("sitemap.xml: XML whose root element (<urlset>) is neither"),
        "{}",
        out.stderr
    );
    let copper = env.lede_ok(&["search", "Codelco", "--json"], 0).json();
    let hit = &copper["hits"][0];
    assert_eq!(hit["article_id"], "wire-2026-0302-001");
    assert_eq!(hit["source"], "Example Wire: Business");
    assert_eq!(
        hit["url"],
        "https://wire.example.com/2026/03/02/copper-record"
    );
    let harbour = env
        .lede_ok(
            &["search", "sandbags", "--until", "1998-12-31", "--json"],
            0,
        )
        .json();
    assert_eq!(harbour["hits"][0]["article_id"], "1987654");
    assert_eq!(harbour["hits"][0]["title"], "Harbour Town Braces for Storm");
    // The same items saved again in a second snapshot of the feed are the same articles.
    env.write("feeds/wire-later.rss", include_str!("fixtures/wire.rss"));
    let out = env.lede_ok(&["index"], 0);
    assert!(counts(&out).starts_with("0 added"), "{}", out.stderr);
    let copper = env.lede_ok(&["search", "Codelco", "--json"], 0).json();
    assert_eq!(copper["total_hits"], 1);
    // Feeds that no longer hold the items: they go (a feed of no items is read, not empty).
    for feed in ["feeds/wire.rss", "feeds/wire-later.rss"] {
        env.write(feed, "<rss><channel><title>Quiet</title></channel></rss>");
    }
    let out = env.lede_ok(&["index"], 0);
    assert!(counts(&out).contains(", 2 removed"), "{}", out.stderr);
    env.lede_ok(&["search", "Codelco"], 1);
}

#[test]
fn sgml_collections_are_indexed_a_story_a_record() {
    let env = TestEnv::new();
    env.write("reuters/reut2-000.sgm", include_str!("fixtures/wire.sgm"));
    env.write("reuters/lewis.dtd", "<!ELEMENT lewis - - (REUTERS*)>\n");
    env.write(
        "trec/ap880301.sgml",
        "<DOC>\n<DOCNO> AP880301-0001 </DOCNO>\n<HEAD>Storm Closes Kansas Roads</HEAD>\n\
         <TEXT>\n   Snow closed roads across Kansas on Tuesday.\n</TEXT>\n</DOC>\n",
    );
    let out = env.lede_ok(&["index"], 0);
    // The document type definition is no article; the story without text is reported at its line.
    assert_eq!(
        counts(&out),
        "4 added, 0 updated, 0 unchanged, 0 removed, 1 skipped, 0 warnings"
    );
    assert!(
        out.stderr
            .contains("reuters/reut2-000.sgm:37: article has no body"),
        "{}",
        out.stderr
    );
    let hits = env.lede_ok(&["search", "wheat", "--json"], 0).json();
    let story = &hits["hits"][0];
    assert_eq!(story["article_id"], "reuters-7");
    assert_eq!(story["title"], "FARMERS SELL WHEAT TO <GRAINCO INC>");
    assert_eq!(story["source"], "Reuters");
    assert_eq!(story["published"], "1987-03-03T09:15:30Z");
    assert!(
        story["passages"][0]["text"]
            .as_str()
            .unwrap()
            .starts_with("KANSAS CITY, March 3 - Kansas farmers sold winter wheat"),
        "{story}"
    );
    // The dateline's place is named as running text writes it.
    assert!(
        story["entities"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!({"type": "LOC", "name": "Kansas City"})),
        "{story}"
    );
    // The wire's times are kept: the flash a half-minute later is after the story.
    let ids = |args: &[&str]| {
        env.lede_ok(args, 0)
            .stdout
            .lines()
            .map(String::from)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        ids(&[
            "search",
            "grainco",
            "--since",
            "1987-03-03T09:15:45Z",
            "--ids"
        ]),
        ["reuters-8"]
    );
    assert_eq!(ids(&["search", "tags:grain", "--ids"]), ["reuters-7"]);
    let mut kansas = ids(&["search", "kansas", "--ids"]);
    kansas.sort();
    assert_eq!(kansas, ["AP880301-0001", "reuters-7", "reuters-9"]);
    // A table without a headline is shown from its fields, its text in its passage.
    let shown = env
        .lede_ok(&["show", "reuters-9", "--color", "never"], 0)
        .stdout;
    assert!(shown.starts_with("id: reuters-9\n"), "{shown}");
    assert!(shown.contains("WHEAT STOCKS - MARCH 3"), "{shown}");
}

/// A WARC record of an HTTP response holding `html`, gzipped as a member of its own.
fn warc_page(uri: &str, html: &str) -> Vec<u8> {
    use std::io::Write;
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}");
    let record = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2026-03-02T10:00:00Z\r\n\
         Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
        http.len()
    );
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(record.as_bytes()).unwrap();
    gz.finish().unwrap()
}

#[test]
fn web_archives_are_streamed_page_by_page() {
    let env = TestEnv::new();
    let mut archive = warc_page(
        "https://news.example.com/storm",
        include_str!("fixtures/news_page.html"),
    );
    archive.extend(warc_page(
        "https://news.example.com/rates",
        "<title>Rates held</title><p>The central bank held rates at 4% on Monday.</p>",
    ));
    let path = env.corpus().join("CC-NEWS-20260302.warc.gz");
    std::fs::write(&path, &archive).unwrap();
    let out = env.lede_ok(&["index"], 0);
    assert_eq!(
        counts(&out),
        "2 added, 0 updated, 0 unchanged, 0 removed, 0 skipped, 0 warnings"
    );
    let hits = env.lede_ok(&["search", "central bank", "--json"], 0).json();
    assert_eq!(
        hits["hits"][0]["article_id"],
        "https://news.example.com/rates"
    );
    assert_eq!(hits["hits"][0]["url"], "https://news.example.com/rates");
    let storm = env
        .lede_ok(&["search", "amber warning", "--json"], 0)
        .json();
    // The page's own canonical address and date, not the crawl's.
    assert_eq!(
        storm["hits"][0]["url"],
        "https://example.com/news/storm-floods-harbour-town"
    );
    assert_eq!(storm["hits"][0]["published"], "2026-03-02T08:30:00Z");
    let out = env.lede_ok(&["index"], 0);
    assert!(
        counts(&out).starts_with("0 added, 0 updated, 2 unchanged"),
        "{}",
        out.stderr
    );
    std::fs::remove_file(&path).unwrap();
    let out = env.lede_ok(&["index"], 0);
    assert!(counts(&out).contains(", 2 removed"), "{}", out.stderr);
}

#[test]
fn tables_of_articles_are_streamed_row_by_row() {
    let env = TestEnv::new();
    let table = "id,title,publication,date,content\n\
                 a1,\"Copper hits record, again\",Example Wire,2026-03-02,\"Copper rose.\n\nCodelco said so.\"\n\
                 a2,Tin steady,Example Wire,2026-03-02,Tin held steady.\n";
    env.write("news.csv", table);
    let out = env.lede_ok(&["index"], 0);
    assert_eq!(
        counts(&out),
        "2 added, 0 updated, 0 unchanged, 0 removed, 0 skipped, 0 warnings"
    );
    let hit = env.lede_ok(&["search", "Codelco", "--json"], 0).json();
    assert_eq!(hit["hits"][0]["article_id"], "a1");
    assert_eq!(hit["hits"][0]["source"], "Example Wire");
    // A row appended: one article added, the others unchanged.
    env.write(
        "news.csv",
        &format!("{table}a3,Zinc,Example Wire,2026-03-03,Zinc fell.\n"),
    );
    let out = env.lede_ok(&["index"], 0);
    assert_eq!(
        counts(&out),
        "1 added, 0 updated, 2 unchanged, 0 removed, 0 skipped, 0 warnings"
    );
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}

#[test]
fn gzipped_files_are_read_through_gzip() {
    let env = TestEnv::new();
    let lines = "{\"id\": \"j1\", \"title\": \"Copper\", \"body\": \"Copper rose.\"}\n\
                 {broken\n\
                 {\"id\": \"j2\", \"title\": \"Tin\", \"body\": \"Tin held steady.\"}\n";
    std::fs::write(env.corpus().join("news.jsonl.gz"), gzip(lines.as_bytes())).unwrap();
    let table = "id,title,content\nc1,Zinc,Zinc fell.\n";
    std::fs::write(env.corpus().join("more.csv.gz"), gzip(table.as_bytes())).unwrap();
    // Cut short: the records before the cut are kept, the cut is reported.
    let cut = gzip(lines.replace("j1", "k1").replace("j2", "k2").as_bytes());
    std::fs::write(env.corpus().join("cut.jsonl.gz"), &cut[..cut.len() - 12]).unwrap();
    // Files read whole are inflated first: a saved page, a feed.
    let page = "<html><head><title>Nickel slides | Example Wire</title>\
                <meta property=\"og:site_name\" content=\"Example Wire\"></head><body>\
                <nav>Home</nav><article><p>Nickel slid for a third day.</p></article></body></html>";
    std::fs::write(env.corpus().join("nickel.html.gz"), gzip(page.as_bytes())).unwrap();
    let feed = "<rss><channel><title>Wire</title>\
                <item><guid>f1</guid><title>Lead</title><description>Lead gained.</description></item>\
                <item><guid>f2</guid><title>Gold</title><description>Gold eased.</description></item>\
                </channel></rss>";
    std::fs::write(env.corpus().join("wire.rss.gz"), gzip(feed.as_bytes())).unwrap();
    let out = env.lede_ok(&["index"], 0);
    assert_eq!(
        counts(&out),
        "7 added, 0 updated, 0 unchanged, 0 removed, 3 skipped, 0 warnings"
    );
    assert!(
        out.stderr.contains("news.jsonl.gz:2: invalid JSON"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("cut.jsonl.gz: read failed after line"),
        "{}",
        out.stderr
    );
    for (query, id) in [
        ("copper", "j1"),
        ("tin", "j2"),
        ("zinc", "c1"),
        ("copper", "k1"),
        ("nickel", "nickel.html.gz"),
        ("gold", "f2"),
    ] {
        let hits = env
            .lede_ok(&["search", query, "--json", "-n", "5"], 0)
            .json();
        assert!(
            util::hit_ids(&hits).contains(&id.to_string()),
            "{query}: {hits}"
        );
    }
    let out = env.lede_ok(&["index"], 0);
    assert!(
        counts(&out).starts_with("0 added, 0 updated, 7 unchanged"),
        "{}",
        out.stderr
    );
    let shown = env.lede_ok(&["show", "nickel.html.gz"], 0);
    assert!(shown.stdout.contains("Nickel slides"), "{}", shown.stdout);
    assert!(!shown.stdout.contains("| Example Wire"), "{}", shown.stdout);
    assert!(!shown.stdout.contains("Home"), "{}", shown.stdout);
}

#[test]
fn other_paths_are_left_alone_and_single_files_work() {
    let env = TestEnv::with_seed();
    let extra = env.path().join("extra");
    std::fs::create_dir_all(&extra).unwrap();
    std::fs::write(
        extra.join("note.txt"),
        "Harbour news\n\nShips docked at dawn.",
    )
    .unwrap();
    env.lede_ok(&["index"], 0);
    let out = env.lede_ok(&["index", "extra/note.txt"], 0);
    assert_eq!(
        counts(&out),
        "1 added, 0 updated, 0 unchanged, 0 removed, 0 skipped, 0 warnings"
    );
    // Re-indexing corpus/ does not remove the article from extra/.
    let out = env.lede_ok(&["index"], 0);
    assert_eq!(
        counts(&out),
        "0 added, 0 updated, 1 unchanged, 0 removed, 0 skipped, 0 warnings"
    );
    let hit = env.lede_ok(&["search", "ships", "--json"], 0).json();
    assert_eq!(hit["hits"][0]["title"], "Harbour news");
}

#[test]
fn a_folder_that_is_not_an_index_is_refused_and_untouched() {
    let env = TestEnv::with_seed();
    let precious = env.path().join("docs");
    std::fs::create_dir_all(&precious).unwrap();
    std::fs::write(precious.join("thesis.txt"), "do not delete").unwrap();
    for args in [
        &["index", "--index", "docs"][..],
        &["index", "--index", "docs", "--rebuild"][..],
    ] {
        let out = env.lede_ok(args, 2);
        assert!(out.stderr.contains("is not a lede index"), "{}", out.stderr);
    }
    assert_eq!(
        std::fs::read_to_string(precious.join("thesis.txt")).unwrap(),
        "do not delete"
    );
}

#[test]
fn a_missing_path_is_an_error_before_any_index_is_made() {
    let env = TestEnv::with_seed();
    let out = env.lede_ok(&["index", "corpus", "corpsu"], 2);
    assert_eq!(
        out.stderr.trim(),
        "lede: error: corpsu: no such file or folder",
        "{}",
        out.stderr
    );
    assert!(!env.path().join("index").exists());
    // Nor does a search build an empty index when there is no ./corpus to build from.
    std::fs::remove_dir_all(env.corpus()).unwrap();
    let out = env.lede_ok(&["search", "harbour"], 2);
    assert!(
        out.stderr
            .contains("no index at index and no ./corpus folder to build one from"),
        "{}",
        out.stderr
    );
    assert!(!env.path().join("index").exists());
}

#[test]
fn an_index_kept_inside_the_corpus_is_not_read_as_articles() {
    let env = TestEnv::with_seed();
    for _ in 0..2 {
        let out = env.lede_ok(&["index", "corpus", "--index", "corpus/index"], 0);
        assert_eq!(util::summary_numbers(&out.stderr)[4], 0, "{}", out.stderr);
        assert!(
            util::summary_line(&out.stderr).contains(" 1 file: "),
            "{}",
            out.stderr
        );
    }
}

#[test]
fn a_file_given_as_the_index_is_refused_in_one_clear_line() {
    let env = TestEnv::with_seed();
    std::fs::write(env.path().join("notes.txt"), "mine").unwrap();
    let out = env.lede_ok(&["index", "--index", "notes.txt"], 2);
    assert_eq!(
        out.stderr.trim(),
        "lede: error: notes.txt is not empty and is not a lede index; refusing to write there"
    );
    assert_eq!(
        std::fs::read_to_string(env.path().join("notes.txt")).unwrap(),
        "mine"
    );
}

#[test]
fn writer_threads_and_memory_past_tantivy_s_bounds_are_refused_before_any_index_is_made() {
    let env = TestEnv::with_seed();
    for (args, expected) in [
        (
            &["--threads", "100000"][..],
            "writer threads: at most 8, got 100000",
        ),
        (
            &["--memory", "20000", "--threads", "2"][..],
            "writer memory: at most 4095 MB a thread (8190 MB for 2), got 20000 MB",
        ),
        (
            &["--memory", "18446744073709551615"][..],
            "--memory 18446744073709551615: more bytes than this machine counts",
        ),
    ] {
        let out = env.lede_ok(&[&["index"][..], args].concat(), 2);
        assert!(out.stderr.contains(expected), "{args:?}: {}", out.stderr);
        assert!(!env.path().join("index").exists());
    }
    let out = env.lede_ok(&["index", "--threads", "8", "--memory", "200"], 0);
    assert_eq!(util::summary_numbers(&out.stderr)[0], 1);
}

#[test]
fn rebuild_starts_over() {
    let env = TestEnv::with_seed();
    env.lede_ok(&["index"], 0);
    let out = env.lede_ok(&["index", "--rebuild"], 0);
    assert_eq!(
        counts(&out),
        "1 added, 0 updated, 0 unchanged, 0 removed, 0 skipped, 0 warnings"
    );
}

/// Makes the index at `dir` look written by schema version 0.
fn age_index(dir: &std::path::Path) {
    let meta_path = dir.join("meta.json");
    let mut meta: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&meta_path).unwrap()).unwrap();
    let current = format!("\"lede_schema\":{}", lede::index::schema::SCHEMA_VERSION);
    let payload = meta["payload"].as_str().unwrap();
    assert!(payload.contains(&current), "{payload}");
    let payload = payload.replace(&current, "\"lede_schema\":0");
    meta["payload"] = payload.into();
    std::fs::write(&meta_path, meta.to_string()).unwrap();
}

#[test]
fn an_index_of_another_schema_version_is_rebuilt_when_that_loses_nothing() {
    let env = TestEnv::with_seed();
    let index = env.path().join("index");
    env.lede_ok(&["index"], 0);

    // Built from ./corpus alone: searching rebuilds it from there, as does indexing ./corpus.
    age_index(&index);
    let out = env.lede_ok(&["search", "openai"], 0);
    assert!(
        out.stderr
            .contains("was written by another version of lede (schema 0")
            && out.stderr.contains("1 added"),
        "{}",
        out.stderr
    );
    age_index(&index);
    let out = env.lede_ok(&["index"], 0);
    assert!(out.stderr.contains("(schema 0"), "{}", out.stderr);
    assert_eq!(
        counts(&out),
        "1 added, 0 updated, 0 unchanged, 0 removed, 0 skipped, 0 warnings"
    );

    // With articles from elsewhere too, a run over ./corpus alone would lose them: refused.
    let elsewhere = env.path().join("elsewhere");
    std::fs::create_dir_all(&elsewhere).unwrap();
    std::fs::write(elsewhere.join("tin.txt"), "Tin\n\nTin prices rose.\n").unwrap();
    env.lede_ok(&["index", "corpus", "elsewhere"], 0);
    age_index(&index);
    for args in [&["search", "openai"][..], &["index"][..]] {
        let out = env.lede_ok(args, 2);
        assert!(
            out.stderr.contains("schema version 0") && out.stderr.contains("lede index --rebuild"),
            "{args:?}: {}",
            out.stderr
        );
    }
    env.lede_ok(&["index", "corpus", "elsewhere"], 0);
    env.lede_ok(&["search", "tin"], 0);
    env.lede_ok(&["search", "openai"], 0);
}

/// Makes the index at `dir` look analysed by a lede from before the analysis version was
/// recorded (a payload without it).
fn age_analysis(dir: &std::path::Path) {
    let meta_path = dir.join("meta.json");
    let mut meta: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&meta_path).unwrap()).unwrap();
    let mut payload: serde_json::Value =
        serde_json::from_str(meta["payload"].as_str().unwrap()).unwrap();
    assert_eq!(payload["analysis"], lede::analyze::ANALYSIS_VERSION);
    payload.as_object_mut().unwrap().remove("analysis");
    meta["payload"] = payload.to_string().into();
    std::fs::write(&meta_path, meta.to_string()).unwrap();
}

/// The analysis version the last commit of the index at `dir` recorded.
fn recorded_analysis(dir: &std::path::Path) -> u64 {
    let meta: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("meta.json")).unwrap()).unwrap();
    let payload: serde_json::Value =
        serde_json::from_str(meta["payload"].as_str().unwrap()).unwrap();
    payload["analysis"].as_u64().unwrap()
}

#[test]
fn an_index_analysed_by_an_earlier_lede_is_analysed_again() {
    let env = TestEnv::with_seed();
    env.write("tin.txt", "Tin\n\nTin prices rose in London.\n");
    let index = env.path().join("index");
    env.lede_ok(&["index"], 0);
    let current = u64::from(lede::analyze::ANALYSIS_VERSION);
    assert_eq!(recorded_analysis(&index), current);
    age_analysis(&index);
    let note = "analysed by an earlier lede";
    let stats = env.lede_ok(&["stats"], 0).stdout;
    assert!(
        stats.contains(&format!("analysis:     version 0 (lede's is {current}")),
        "{stats}"
    );

    // A run over part of the corpus analyses what it reads again, unchanged as it is, and leaves
    // the index marked as analysed before: the rest of it was not.
    let out = env.lede_ok(&["index", "corpus/tin.txt"], 0);
    assert!(out.stderr.contains(note), "{}", out.stderr);
    assert_eq!(
        counts(&out),
        "0 added, 1 updated, 0 unchanged, 0 removed, 0 skipped, 0 warnings"
    );
    assert_eq!(recorded_analysis(&index), 0);
    // The index stays searchable meanwhile.
    env.lede_ok(&["search", "openai"], 0);

    // A run over the whole corpus analyses every article again and records the version.
    let out = env.lede_ok(&["index"], 0);
    assert!(out.stderr.contains(note), "{}", out.stderr);
    assert_eq!(
        counts(&out),
        "0 added, 2 updated, 0 unchanged, 0 removed, 0 skipped, 0 warnings"
    );
    assert_eq!(recorded_analysis(&index), current);
    let out = env.lede_ok(&["index"], 0);
    assert!(!out.stderr.contains(note), "{}", out.stderr);
    assert_eq!(
        counts(&out),
        "0 added, 0 updated, 2 unchanged, 0 removed, 0 skipped, 0 warnings"
    );
}

#[test]
fn undated_articles_take_a_date_from_their_dateline_or_file_name() {
    let env = TestEnv::with_seed();
    env.write(
        "2026-11-25-budget.md",
        "# Budget passes\n\nThe council passed the budget.\n",
    );
    env.write(
        "wire.txt",
        "Grain exports rise\n\nCHICAGO, March 3, 1987 (Reuters) - Grain exports rose.\n",
    );
    env.lede_ok(&["index"], 0);
    let hits = env
        .lede_ok(&["search", "*", "--sort", "date", "--json"], 0)
        .json();
    let dated: Vec<(String, Value)> = hits["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["article_id"].as_str().unwrap().to_string(),
                h["published"].clone(),
            )
        })
        .collect();
    assert_eq!(
        dated,
        [
            (
                "2026-11-25-budget.md".to_string(),
                Value::from("2026-11-25T00:00:00Z")
            ),
            ("wire.txt".to_string(), Value::from("1987-03-03T00:00:00Z")),
            (util::SEED_NAME.to_string(), Value::Null),
        ]
    );
}

#[test]
fn a_grown_jsonl_file_analyses_only_its_new_lines() {
    let env = TestEnv::new();
    let line =
        |i: usize| format!("{{\"id\": \"s{i}\", \"body\": \"Story {i} about cocoa prices.\"}}\n");
    let mut text: String = (1..=3).map(line).collect();
    env.write("feed.jsonl", &text);
    let first = env.lede_ok(&["index"], 0);
    assert!(
        summary_line(&first.stderr).contains("3 added"),
        "{}",
        first.stderr
    );
    text.push_str(&line(4));
    env.write("feed.jsonl", &text);
    let grown = env.lede_ok(&["index"], 0);
    let summary = summary_line(&grown.stderr);
    assert!(summary.contains("1 added"), "{summary}");
    assert!(summary.contains("3 unchanged"), "{summary}");
    // Only the new story's one passage is written: the others are not analysed again.
    assert!(summary.contains("1 passage written"), "{summary}");
    let again = env.lede_ok(&["index"], 0);
    let summary = summary_line(&again.stderr);
    assert!(
        summary.contains("4 unchanged") && summary.contains("0 passages written"),
        "{summary}"
    );
    let results = env.lede_ok(&["search", "cocoa", "--json"], 0).json();
    assert_eq!(results["total_hits"], 4);
}

#[cfg(unix)]
#[test]
fn file_names_that_are_not_utf8_stay_distinct_files() {
    // Written lossily, both names were `caf�.txt`: one file was dropped as a duplicate id, and
    // deleting the indexed one left its article in the index.
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let env = TestEnv::new();
    env.write("plain.txt", "Harbour news\n\nShips docked at dawn.\n");
    let corpus = env.corpus();
    let e_acute = corpus.join(OsStr::from_bytes(b"caf\xE9.txt"));
    let e_grave = corpus.join(OsStr::from_bytes(b"caf\xE8.txt"));
    std::fs::write(&e_acute, "Copper one\n\nCopper prices rose.\n").unwrap();
    std::fs::write(&e_grave, "Copper two\n\nCopper prices fell.\n").unwrap();
    let out = env.lede_ok(&["index", "-v"], 0);
    assert_eq!(
        counts(&out),
        "3 added, 0 updated, 0 unchanged, 0 removed, 0 skipped, 0 warnings"
    );
    assert!(
        out.stderr.contains("file: caf\\xE9.txt: 1 added"),
        "{}",
        out.stderr
    );
    let hits = env.lede_ok(&["search", "copper", "--json"], 0).json();
    let mut ids = util::hit_ids(&hits);
    ids.sort();
    assert_eq!(ids, ["caf\\xE8.txt", "caf\\xE9.txt"]);

    std::fs::remove_file(&e_grave).unwrap();
    let out = env.lede_ok(&["index"], 0);
    assert_eq!(
        counts(&out),
        "0 added, 0 updated, 2 unchanged, 1 removed, 0 skipped, 0 warnings"
    );
    let hits = env.lede_ok(&["search", "copper", "--json"], 0).json();
    assert_eq!(util::hit_ids(&hits), ["caf\\xE9.txt"]);
    let shown = env.lede_ok(&["show", "caf\\xE9.txt", "--json"], 0).json();
    assert_eq!(shown["article"]["body"], "Copper prices rose.");
}

#[test]
fn small_segments_left_by_runs_are_merged_and_large_ones_left_alone() {
    // Each run that adds a few articles leaves a small segment; a search visits every segment
    // apart, so the small ones are merged with each other (not with the large ones).
    // One writer thread: with two, a loaded machine could give one of them so few of the
    // first run's articles that its segment was small too, and merged.
    let env = TestEnv::new();
    util::generated_corpus(&env, 3_000);
    let args = [
        "index",
        "--no-entities",
        "--no-dates",
        "-q",
        "--threads",
        "1",
    ];
    env.lede_ok(&args, 0);
    let segments = |env: &TestEnv| env.lede_ok(&["stats", "--json"], 0).json()["segments"].clone();
    let large = segments(&env).as_u64().unwrap();
    for run in 0..4 {
        env.write(
            &format!("late/story{run}.txt"),
            &format!("Late story {run}\n\nA late copper story, number {run}.\n"),
        );
        env.lede_ok(&args, 0);
    }
    // The large segments, and one small one (four runs without the merge left four); the
    // merged segments' files are gone.
    let count = segments(&env).as_u64().unwrap();
    assert_eq!(count, large + 1);
    let mut on_disk: Vec<String> = std::fs::read_dir(env.path().join("index"))
        .unwrap()
        .filter_map(|entry| {
            let name = entry.unwrap().file_name().into_string().unwrap();
            let stem = name.split('.').next().unwrap_or("").to_string();
            (stem.len() == 32 && stem.bytes().all(|b| b.is_ascii_hexdigit())).then_some(stem)
        })
        .collect();
    on_disk.sort();
    on_disk.dedup();
    assert_eq!(on_disk.len() as u64, count, "{on_disk:?}");
    let stats = env.lede_ok(&["stats", "--json"], 0).json();
    assert_eq!(stats["articles"], 3_004);
    let hits = env
        .lede_ok(&["search", "\"late copper story\"", "--json"], 0)
        .json();
    assert_eq!(hits["total_hits"], 4);
}
