//! Reuters-21578 as its distribution ships it (`reut2-000.sgm` … `reut2-021.sgm`), read story by
//! story and checked against the same stories as JSON Lines (`reuters21578.jsonl`), when
//! `../shared/data` is present (skipped with a message otherwise).

use std::collections::HashMap;
use std::path::Path;

use lede::article::Article;
use lede::ingest::{Format, read_bytes};

#[test]
fn the_sgml_distribution_gives_the_stories_of_the_json_lines() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/reuters21578");
    let Ok(jsonl) = std::fs::read_to_string(dir.join("reuters21578.jsonl")) else {
        eprintln!(
            "skipping the_sgml_distribution_gives_the_stories_of_the_json_lines: {} is absent",
            dir.display()
        );
        return;
    };
    let mut articles: HashMap<String, Article> = HashMap::new();
    let mut skipped = Vec::new();
    // The distribution in one file too, as a bundle over the size limit.
    let mut bundle = Vec::new();
    let mut no_body_line = 0;
    for n in 0..=21 {
        let name = format!("reut2-{n:03}.sgm");
        let bytes = std::fs::read(dir.join(&name)).expect("the distribution's files");
        if n == 12 {
            no_body_line = 1 + bundle.iter().filter(|&&b| b == b'\n').count();
        }
        bundle.extend_from_slice(&bytes);
        let file = read_bytes(&bytes, &name, Format::Sgml);
        skipped.extend(
            file.problems
                .iter()
                .filter(|p| p.severity == lede::ingest::Severity::Skipped)
                .map(|p| p.to_string()),
        );
        for article in file.articles {
            assert_eq!(article.path, name);
            let id = article.id.clone();
            assert!(articles.insert(id.clone(), article).is_none(), "{id} twice");
        }
    }
    // The one story with no text at all (its JSON line has no body either).
    assert_eq!(skipped, ["reut2-012.sgm:25983: article has no body"]);
    assert_eq!(articles.len(), 21_577);
    the_bundle_streams_the_same_stories(&bundle, no_body_line + 25_982, &articles);

    let (mut stories, mut flashes, mut tables) = (0, 0, 0);
    for line in jsonl.lines() {
        let story: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
        let id = format!("reuters-{}", story["newid"]);
        let text = |key: &str| story[key].as_str().unwrap_or_default().to_string();
        // Headlines, datelines and bylines are read with their spaces' runs as one.
        let words = |key: &str| text(key).split_whitespace().collect::<Vec<_>>().join(" ");
        if text("body").is_empty() {
            assert!(!articles.contains_key(&id), "{id} has no body");
            continue;
        }
        let article = &articles[&id];
        assert_eq!(
            article.title,
            words("title").trim_start_matches('*'),
            "{id}"
        );
        let published = article.published.expect("every story is dated");
        if text("date").is_empty() {
            // A time that is none (`31-MAR-1987 605:12:19.12`): the day is still read.
            let day = published.strftime("%-d-%b-%Y").to_string().to_uppercase();
            assert_eq!(
                text("date_raw").split_whitespace().next(),
                Some(day.as_str())
            );
        } else {
            assert_eq!(
                published.strftime("%Y-%m-%dT%H:%M:%S").to_string(),
                text("date"),
                "{id}"
            );
        }
        let tags: Vec<String> = ["topics", "places", "people", "orgs", "exchanges"]
            .iter()
            .flat_map(|key| story[key].as_array().cloned().unwrap_or_default())
            .map(|tag| tag.as_str().unwrap_or_default().to_string())
            .fold(Vec::new(), |mut tags, tag| {
                if !tags.contains(&tag) {
                    tags.push(tag);
                }
                tags
            });
        assert_eq!(article.tags, tags, "{id}");
        assert_eq!(article.source.as_deref(), Some("Reuters"));
        match text("text_type").as_str() {
            // A flash is its headline; its JSON line gives the wire's filler as its body.
            "BRIEF" => {
                flashes += 1;
                assert_eq!(article.body, article.title, "{id}");
            }
            // A table or notice without a headline or paragraphs: its text as it is.
            "UNPROC" => {
                tables += 1;
                assert_eq!(article.body, unsigned(&text("body")), "{id}");
            }
            _ => {
                stories += 1;
                let dateline = words("dateline");
                let body = if dateline.is_empty() {
                    text("body")
                } else {
                    format!("{dateline} {}", text("body"))
                };
                assert_eq!(article.body, unsigned(&body), "{id}");
                if story["author"].is_string() {
                    let author = words("author");
                    let author = author.as_str();
                    let without_by = author.get(3..).filter(|_| {
                        author
                            .get(..3)
                            .is_some_and(|by| by.eq_ignore_ascii_case("by "))
                    });
                    assert_eq!(
                        article.author.as_deref(),
                        Some(without_by.unwrap_or(author).trim()),
                        "{id}"
                    );
                }
            }
        }
    }
    eprintln!("{stories} stories, {flashes} flashes, {tables} tables or notices compared");
    assert!(stories > 19_000 && flashes > 1_700 && tables > 700);
}

/// The distribution's files in one (27 MB, over the default 10 MB limit) stream record by record
/// and give the stories they give read one by one; the story without text is skipped at its line.
fn the_bundle_streams_the_same_stories(
    bundle: &[u8],
    no_body_line: usize,
    articles: &HashMap<String, Article>,
) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("bundle.sgm");
    std::fs::write(&path, bundle).expect("the bundle written");
    let file = lede::ingest::walk(&[path]).files.remove(0);
    let options = lede::ingest::ReadOptions::default();
    assert!(lede::ingest::is_streamed(&file, &options));
    let (mut streamed, mut skipped) = (0, Vec::new());
    for part in lede::ingest::stream_records(&file, &options, 1_000) {
        assert!(part.articles.len() < 2_000, "a part holds about a batch");
        for problem in &part.problems {
            if problem.severity == lede::ingest::Severity::Skipped {
                skipped.push(problem.to_string());
            } else {
                // One file of the distribution holds a byte that is not UTF-8.
                assert!(problem.message.contains("Windows-1252"), "{problem}");
            }
        }
        for article in part.articles {
            let read = &articles[&article.id];
            assert_eq!(
                (
                    &article.title,
                    &article.body,
                    article.published,
                    &article.tags
                ),
                (&read.title, &read.body, read.published, &read.tags),
                "{}",
                article.id
            );
            streamed += 1;
        }
    }
    assert_eq!(streamed, articles.len());
    assert_eq!(
        skipped,
        [format!("bundle.sgm:{no_body_line}: article has no body")]
    );
}

/// A story without the wire's closing `Reuter` (now and then twice), which the JSON lines keep
/// when it is written `reuter`, or twice, and in tables.
fn unsigned(body: &str) -> &str {
    let mut body = body.trim_end();
    loop {
        let cut = body.len().saturating_sub("reuter".len());
        if !(body[cut..].eq_ignore_ascii_case("reuter")
            && body[..cut].ends_with(char::is_whitespace))
        {
            return body;
        }
        body = body[..cut].trim_end();
    }
}
