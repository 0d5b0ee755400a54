//! End-to-end tests of `lede extract --dates`: the real binary on a small
//! hand-written fixture, and on the TempEval-3 training documents when
//! `../shared/data` is present (skipped with a message otherwise).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

fn lede() -> Command {
    Command::new(env!("CARGO_BIN_EXE_lede"))
}

fn run_jsonl(input: &Path) -> Vec<Value> {
    let out = lede()
        .args(["extract", "--dates", "--jsonl"])
        .arg(input)
        .stderr(Stdio::inherit())
        .output()
        .expect("running lede");
    assert!(out.status.code() == Some(0), "exit status {:?}", out.status);
    String::from_utf8(out.stdout)
        .expect("UTF-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

/// `(text, value, type)` of each date of one output line.
fn dates(doc: &Value) -> Vec<(String, String, String)> {
    doc["dates"]
        .as_array()
        .expect("dates array")
        .iter()
        .map(|d| {
            let s = |k: &str| d[k].as_str().expect(k).to_string();
            (s("text"), s("value"), s("type"))
        })
        .collect()
}

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/dates_fixture.jsonl")
}

#[test]
fn fixture_dates_are_resolved_against_the_dct() {
    let docs = run_jsonl(&fixture());
    assert_eq!(docs.len(), 4);
    let d = |t: &str, v: &str, k: &str| (t.to_string(), v.to_string(), k.to_string());

    assert_eq!(docs[0]["doc"], "monday-resignation");
    assert_eq!(
        dates(&docs[0]),
        [
            d("Saturday", "2026-02-28", "DATE"),
            d("two days", "P2D", "DURATION"),
            d("Feb. 26", "2026-02-26", "DATE"),
            d("Thursday", "2026-03-05", "DATE")
        ]
    );
    assert_eq!(
        dates(&docs[1]),
        [
            d("December", "2025-12", "DATE"),
            d("the third quarter of 2025", "2025-Q3", "DATE"),
            d("today", "2026-01-12", "DATE"),
            d("A year ago", "2024-Q3", "DATE"),
            d("the 1990s", "199", "DATE"),
        ]
    );
    assert!(dates(&docs[2]).is_empty());
    assert_eq!(
        dates(&docs[3]),
        [
            d("yesterday", "2024-02-29", "DATE"),
            d("Feb. 29", "2024-02-29", "DATE")
        ]
    );
}

#[test]
fn offsets_are_characters_of_the_text() {
    let input = std::fs::read_to_string(fixture()).unwrap();
    for (line, doc) in input.lines().zip(run_jsonl(&fixture())) {
        let text: Vec<char> = serde_json::from_str::<Value>(line).unwrap()["text"]
            .as_str()
            .unwrap()
            .chars()
            .collect();
        for d in doc["dates"].as_array().unwrap() {
            let (s, e) = (
                d["start"].as_u64().unwrap() as usize,
                d["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                text[s..e].iter().collect::<String>(),
                d["text"].as_str().unwrap()
            );
        }
    }
}

#[test]
fn bad_lines_are_reported_with_their_numbers_and_the_others_read() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.jsonl");
    let mut bytes = b"{\"doc\": \"x\", \"dct\": \"not a date\", \"text\": \"Friday\"}\n".to_vec();
    bytes.extend(b"not json\n\xff\xfe\n\n");
    bytes.extend(b"{\"doc\": \"y\", \"dct\": \"1987-03-03\", \"text\": \"It rose on Monday.\"}\n");
    std::fs::write(&bad, bytes).unwrap();
    let out = lede()
        .args(["extract", "--dates", "--jsonl"])
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let name = bad.display();
    for expected in [
        format!("lede: skipped: {name}:1: bad dct \"not a date\""),
        format!("lede: skipped: {name}:2: not a {{doc, dct, text}} object"),
        format!("lede: skipped: {name}:3: not UTF-8"),
        "lede: 3 lines skipped; the others were read".to_string(),
    ] {
        assert!(stderr.contains(&expected), "{expected:?} not in:\n{stderr}");
    }
    let stdout = String::from_utf8(out.stdout).unwrap();
    let docs: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["doc"], "y");
    assert_eq!(docs[0]["dates"][0]["value"], "1987-03-02");
}

#[test]
fn plain_text_finds_the_publication_date_in_the_dateline() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("story.txt");
    std::fs::write(
        &article,
        "WASHINGTON, March 3, 1987 (Reuters) - The Treasury said on Monday it would sell bills.\n",
    )
    .unwrap();
    let out = lede()
        .args(["extract", "--dates"])
        .arg(&article)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("# published 1987-03-03 (from Dateline)"),
        "{stdout}"
    );
    assert!(stdout.contains("1987-03-02\tDATE\tMonday"), "{stdout}");
}

#[test]
fn a_file_of_a_format_is_read_as_lede_index_reads_it() {
    let dir = tempfile::tempdir().unwrap();
    // Front matter is metadata, not text: its date anchors "yesterday", and is no mention.
    let story = dir.path().join("story.md");
    std::fs::write(
        &story,
        "---\ndate: 1987-04-09\n---\nThe rebate granted at\nyesterday's tender was unchanged.\n",
    )
    .unwrap();
    let run = |path: &Path| {
        let out = lede()
            .args(["extract", "--dates"])
            .arg(path)
            .output()
            .unwrap();
        (out.status.code(), String::from_utf8(out.stdout).unwrap())
    };
    let (code, stdout) = run(&story);
    assert_eq!(code, Some(0));
    let name = story.display();
    assert_eq!(
        stdout,
        format!("# {name}: published 1987-04-09 (from metadata)\n1987-04-08\tDATE\tyesterday\n")
    );
    // Each article of a JSON Lines file, under its id.
    let lines = dir.path().join("wire.jsonl");
    std::fs::write(
        &lines,
        "{\"id\":\"a\",\"title\":\"Sales\",\"date\":\"1987-04-09\",\"body\":\"Sales fell yesterday.\"}\n\
         {\"id\":\"b\",\"title\":\"Prices\",\"body\":\"Prices rose in March 1986.\"}\n",
    )
    .unwrap();
    let (code, stdout) = run(&lines);
    assert_eq!(code, Some(0));
    assert_eq!(
        stdout,
        "# a: published 1987-04-09 (from metadata)\n1987-04-08\tDATE\tyesterday\n\
         # b: publication date unknown: relative dates left out\n1986-03\tDATE\tMarch 1986\n"
    );
}

#[test]
fn tempeval3_training_documents() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let docs = shared.join("data/tempeval3/train_docs.jsonl");
    if !docs.exists() {
        eprintln!(
            "skipping tempeval3_training_documents: {} is absent",
            docs.display()
        );
        return;
    }
    let out = run_jsonl(&docs);
    assert_eq!(out.len(), 256);
    let input = std::fs::read_to_string(&docs).unwrap();
    for (line, doc) in input.lines().zip(&out) {
        let text: Vec<char> = serde_json::from_str::<Value>(line).unwrap()["text"]
            .as_str()
            .unwrap()
            .chars()
            .collect();
        for d in doc["dates"].as_array().unwrap() {
            let (s, e) = (
                d["start"].as_u64().unwrap() as usize,
                d["end"].as_u64().unwrap() as usize,
            );
            assert!(s < e && e <= text.len());
            assert_eq!(
                text[s..e].iter().collect::<String>(),
                d["text"].as_str().unwrap()
            );
        }
    }
    // Score with the shared scorer when Python is there: a guard against regressions.
    let dir = tempfile::tempdir().unwrap();
    let pred = dir.path().join("pred.jsonl");
    let lines: Vec<String> = out.iter().map(|v| v.to_string()).collect();
    std::fs::write(&pred, lines.join("\n")).unwrap();
    let report = dir.path().join("score.json");
    let gold = format!(
        "{},{}",
        shared.join("data/tempeval3/TimeBank").display(),
        shared.join("data/tempeval3/AQUAINT").display()
    );
    let scored = Command::new("python3")
        .arg(shared.join("eval/dates_score.py"))
        .arg(gold)
        .arg(&pred)
        .arg("--json")
        .arg(&report)
        .output();
    match scored {
        Ok(o) if o.status.success() => {
            let r: Value =
                serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
            let relaxed = r["relaxed"]["F1"].as_f64().unwrap();
            let value = r["value"]["F1"].as_f64().unwrap();
            eprintln!("TempEval-3 train DATE: relaxed F1 {relaxed:.4}, value F1 {value:.4}");
            assert!(relaxed >= 0.90, "relaxed extraction F1 fell to {relaxed}");
            assert!(value >= 0.75, "value F1 fell to {value}");
        }
        _ => eprintln!("skipping the TempEval-3 score: python3 or the scorer is unavailable"),
    }
}
