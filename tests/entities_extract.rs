//! `lede extract` on the seed article finds its people, organisations and products, with
//! byte spans that point at the text and canonical names that resolve short mentions.

use std::process::Command;

use lede::analyze::entities::{Entity, EntityKind};

const ARTICLE: &str = "corpus/000_feb3187bc183f0b1.txt";

fn extract(path: &str) -> Vec<Entity> {
    let out = Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(["extract", path])
        .output()
        .expect("lede runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    serde_json::from_value(json["entities"].clone()).expect("entities")
}

fn has(entities: &[Entity], kinds: &[EntityKind], text: &str) -> bool {
    entities
        .iter()
        .any(|e| kinds.contains(&e.kind) && e.text == text)
}

#[test]
fn seed_article_entities() {
    let text = std::fs::read_to_string(ARTICLE).expect("seed article");
    let entities = extract(ARTICLE);
    use EntityKind::*;
    for name in ["Sam Altman", "Donald Trump"] {
        assert!(
            has(&entities, &[Person], name),
            "{name} (PER) missing: {entities:#?}"
        );
    }
    for name in ["OpenAI", "Anthropic", "Bloomberg", "Amazon", "NVIDIA"] {
        assert!(
            has(&entities, &[Organization], name),
            "{name} (ORG) missing: {entities:#?}"
        );
    }
    assert!(
        entities
            .iter()
            .any(|e| e.text == "Pentagon" || e.text.contains("defence department")),
        "neither the Pentagon nor the defence department: {entities:#?}"
    );
    for name in ["ChatGPT", "Codex"] {
        assert!(
            has(&entities, &[Misc, Organization], name),
            "{name} missing: {entities:#?}"
        );
    }
    for e in &entities {
        assert_eq!(&text[e.start..e.end], e.text, "span of {e:?}");
    }
    // "Altman" alone resolves to the full name.
    let altman: Vec<&Entity> = entities.iter().filter(|e| e.text == "Altman").collect();
    assert!(!altman.is_empty());
    assert!(
        altman.iter().all(|e| e.canonical == "Sam Altman"),
        "{altman:?}"
    );
    // Possessives stay outside the entity: "OpenAI’s models".
    assert!(
        !entities
            .iter()
            .any(|e| e.text.ends_with('s') && e.text.contains('’'))
    );
}

#[test]
fn headline_dateline_and_possessive_in_json() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("article.txt");
    let text = "NVIDIA SHARES JUMP AFTER OPENAI DEAL\n\nWASHINGTON - Jensen Huang’s company said on Monday that J.P. Morgan analysts expect demand from Microsoft's cloud unit to grow. Huang spoke in Washington.\n";
    std::fs::write(&path, text).expect("write");
    let entities = extract(path.to_str().expect("utf-8 path"));
    for e in &entities {
        assert_eq!(&text[e.start..e.end], e.text);
    }
    assert!(
        has(&entities, &[EntityKind::Location], "WASHINGTON"),
        "{entities:#?}"
    );
    assert!(
        has(&entities, &[EntityKind::Person], "Jensen Huang"),
        "{entities:#?}"
    );
    assert!(
        has(&entities, &[EntityKind::Organization], "Microsoft"),
        "{entities:#?}"
    );
    let huang = entities
        .iter()
        .find(|e| e.text == "Huang")
        .expect("Huang found");
    assert_eq!(huang.canonical, "Jensen Huang");
}

#[test]
fn empty_input_is_no_result_not_an_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("empty.txt");
    std::fs::write(&path, "").expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(["extract", path.to_str().expect("utf-8 path")])
        .output()
        .expect("lede runs");
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    assert_eq!(json["entities"], serde_json::json!([]));
}

#[test]
fn a_file_of_a_format_gives_each_article_read_as_index_reads_it() {
    let run = |path: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_lede"))
            .args(["extract", path])
            .output()
            .expect("lede runs");
        assert_eq!(out.status.code(), Some(0));
        let values: Vec<serde_json::Value> = serde_json::Deserializer::from_slice(&out.stdout)
            .into_iter()
            .collect::<Result<_, _>>()
            .expect("JSON values");
        (values, String::from_utf8_lossy(&out.stderr).into_owned())
    };
    // A web page: its article's text, not its markup; "Wednesday" after its publication date.
    let (pages, _) = run("tests/fixtures/news_page.html");
    let [page] = pages.as_slice() else {
        panic!("{pages:#?}")
    };
    let text = page["text"].as_str().expect("text");
    assert!(text.starts_with("Storm floods harbour town as river bursts its banks\n\nHundreds"));
    assert!(!text.contains('<'), "{text}");
    let entities: Vec<Entity> = serde_json::from_value(page["entities"].clone()).unwrap();
    for e in &entities {
        assert_eq!(&text[e.start..e.end], e.text);
    }
    assert!(
        has(&entities, &[EntityKind::Person], "Maria Santos"),
        "{entities:#?}"
    );
    let wednesday = page["dates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["text"] == "Wednesday")
        .expect("Wednesday found");
    assert_eq!(wednesday["value"], "2026-03-04");
    // A feed: one result per item, by id; the item without text named by its line.
    let (items, stderr) = run("tests/fixtures/wire.rss");
    let ids: Vec<&str> = items.iter().map(|i| i["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "wire-2026-0302-001",
            "https://wire.example.com/2026/03/02/tin-zinc"
        ]
    );
    assert!(
        stderr.contains("wire.rss:26: article has no body"),
        "{stderr}"
    );
}
