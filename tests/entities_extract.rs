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
