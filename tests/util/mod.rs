//! A small harness for end-to-end tests: a temporary folder with a corpus and an index, and a way
//! to run the real `lede` binary in it.

#![allow(dead_code)]

pub mod http;

use std::path::{Path, PathBuf};
use std::process::Command;

/// The seed article bundled in `corpus/`.
pub const SEED_NAME: &str = "000_feb3187bc183f0b1.txt";

/// A temporary working folder for one test.
pub struct TestEnv {
    pub dir: tempfile::TempDir,
}

/// What a run of the binary gave.
#[derive(Debug)]
pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Output {
    /// Parses standard output as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }
}

impl TestEnv {
    /// An empty folder with an empty `corpus/`.
    pub fn new() -> TestEnv {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(dir.path().join("corpus")).unwrap();
        TestEnv { dir }
    }

    /// A folder whose `corpus/` holds the seed article.
    pub fn with_seed() -> TestEnv {
        let env = TestEnv::new();
        let seed = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("corpus")
            .join(SEED_NAME);
        std::fs::copy(seed, env.corpus().join(SEED_NAME)).unwrap();
        env
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn corpus(&self) -> PathBuf {
        self.path().join("corpus")
    }

    /// Writes a file under `corpus/`.
    pub fn write(&self, name: &str, contents: &str) {
        let path = self.corpus().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, contents).unwrap();
    }

    /// Runs `lede ARGS` in the folder.
    pub fn lede(&self, args: &[&str]) -> Output {
        let out = Command::new(env!("CARGO_BIN_EXE_lede"))
            .args(args)
            .current_dir(self.path())
            .env_remove("NO_COLOR")
            .output()
            .expect("run lede");
        Output {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// Runs `lede ARGS` and asserts it exited with `code`.
    pub fn lede_ok(&self, args: &[&str], code: i32) -> Output {
        let out = self.lede(args);
        assert_eq!(out.code, code, "lede {args:?}: {out:#?}");
        out
    }
}

/// The shared data folder (`../shared/data`), when it is there; when it is not, says that
/// `test` is skipped (tests on shared data pass without it, visibly).
pub fn shared_data(test: &str) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    if !dir.is_dir() {
        eprintln!("SKIPPED {test}: ../shared/data is absent");
        return None;
    }
    Some(dir)
}

/// The counts line of `lede index`'s summary.
pub fn summary_line(stderr: &str) -> &str {
    stderr
        .lines()
        .rev()
        .find(|l| l.contains(" added, "))
        .unwrap_or_else(|| panic!("no summary in:\n{stderr}"))
}

/// The counts of the last summary line, as printed: "N added, N updated, N unchanged, …".
#[allow(dead_code)]
pub fn summary_counts(stderr: &str) -> &str {
    // "lede: N files: <counts>; …"
    let rest = summary_line(stderr).splitn(3, ": ").nth(2).unwrap();
    &rest[..rest.find(';').unwrap()]
}

/// The numbers of [`summary_counts`]: added, updated, unchanged, removed, skipped, warnings.
#[allow(dead_code)]
pub fn summary_numbers(stderr: &str) -> Vec<usize> {
    summary_counts(stderr)
        .split(", ")
        .map(|part| part.split(' ').next().unwrap().parse().unwrap())
        .collect()
}

/// Writes a generated corpus of `n` small articles under `corpus/`: half as `.txt` files, half as
/// lines of `.jsonl` files of 1,500 lines each (streamed in batches of 1,000, so a run can stop
/// inside one), each article one short passage with a word of its own (`uniqN`). Returns the
/// number of articles.
pub fn generated_corpus(env: &TestEnv, n: usize) -> usize {
    let topics = [
        "copper",
        "harbour",
        "election",
        "rainfall",
        "tariffs",
        "orchestra",
    ];
    let body = |i: usize| {
        format!(
            "Officials said on Monday that {} figures for district {} rose again, uniq{i} reported.",
            topics[i % topics.len()],
            i % 97
        )
    };
    let files = n / 2;
    for i in 0..files {
        env.write(
            &format!("txt/{:03}/story{i:05}.txt", i / 200),
            &format!("Story {i}\n\n{}\n", body(i)),
        );
    }
    let mut lines = String::new();
    for i in files..n {
        lines.push_str(&format!(
            "{{\"id\": \"rec{i}\", \"title\": \"Record {i}\", \"body\": \"{}\"}}\n",
            body(i)
        ));
        if (i - files + 1).is_multiple_of(1500) || i + 1 == n {
            env.write(&format!("feeds/feed{:03}.jsonl", i / 1500), &lines);
            lines.clear();
        }
    }
    n
}

/// Writes four dated stories about a few people, places and companies under `corpus/` (one in a
/// subfolder, one with multi-byte characters before its last words).
pub fn write_news(env: &TestEnv) {
    env.write(
        "2026-01-15-summit.md",
        "---\ntitle: Merkel and Macron meet in Berlin\ndate: 2026-01-15\nsource: Test Wire\n---\n\
         German Chancellor Angela Merkel met French President Emmanuel Macron in Berlin on \
         Thursday to discuss the European budget.\n\n\
         Merkel said the talks with Macron were constructive. The European Commission will \
         present its budget proposal in March 2026.\n",
    );
    env.write(
        "2026-01-20-trade.md",
        "---\ntitle: Trade talks stall\ndate: 2026-01-20\n---\n\
         Angela Merkel warned on Tuesday that trade talks with China could stall. Siemens and \
         Volkswagen urged Berlin to keep talking about the budget.\n",
    );
    env.write(
        "world/2026-03-02-resign.md",
        "---\ntitle: Minister resigns over the budget\ndate: 2026-03-02\n---\n\
         The Italian finance minister resigned on Saturday after a budget dispute with Prime \
         Minister Giorgia Meloni in Rome. Zürich’s bankers — and Milan’s — welcomed the choice.\n",
    );
    env.write(
        "2025-12-10-history.md",
        "---\ntitle: Looking back at the crash\ndate: 2025-12-10\n---\n\
         In March 1987 the dollar fell sharply, and by October 1987 stock markets in New York \
         and London had crashed. Paul Volcker warned about the budget deficit in 1986.\n",
    );
}

/// The article ids of a JSON search result's hits, in rank order.
pub fn ranked_ids(results: &serde_json::Value) -> Vec<String> {
    results["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| h["article_id"].as_str().expect("an id").to_string())
        .collect()
}

/// The article ids of a JSON search result's hits, sorted.
pub fn hit_ids(results: &serde_json::Value) -> Vec<String> {
    let mut ids: Vec<String> = results["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| h["article_id"].as_str().expect("an id").to_string())
        .collect();
    ids.sort();
    ids
}
