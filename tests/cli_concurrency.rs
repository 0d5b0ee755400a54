//! End to end, while `lede index` runs: Ctrl-C stops it cleanly (committing what it wrote), a
//! search sees the last commit and never errors, and a second `lede index` gets an immediate error
//! naming the lock.

#![cfg(unix)]

mod util;

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use util::TestEnv;

const ARTICLES: usize = 3_000;

/// Starts `lede index` (entities on: slow enough to be caught running) and waits until it is
/// working: its run marker is in the index folder.
fn start_indexing(env: &TestEnv) -> Child {
    let child = Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(["index", "--commit-every", "50"])
        .current_dir(env.path())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let marker = env.path().join("index/.lede-indexing");
    let started = Instant::now();
    while !marker.exists() {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "indexing never started"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    child
}

fn counts(stderr: &str) -> Vec<usize> {
    util::summary_numbers(stderr)
}

fn articles(env: &TestEnv) -> usize {
    env.lede_ok(&["stats", "--json"], 0).json()["articles"]
        .as_u64()
        .unwrap() as usize
}

#[test]
fn ctrl_c_commits_what_is_done_and_says_so() {
    let env = TestEnv::new();
    util::generated_corpus(&env, ARTICLES);
    let child = start_indexing(&env);
    std::thread::sleep(Duration::from_millis(100));
    let status = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    if output.status.code() == Some(0) {
        // The run finished before the signal came (a very fast machine): nothing to stop.
        eprintln!("SKIPPED ctrl_c: the run finished before Ctrl-C arrived");
        return;
    }
    assert_eq!(output.status.code(), Some(130), "{stderr}");
    assert!(
        stderr.contains("lede: interrupted: finishing the current batch"),
        "{stderr}"
    );
    assert!(
        stderr.contains("lede: interrupted: committed the "),
        "{stderr}"
    );
    assert!(stderr.contains("nothing was removed"), "{stderr}");
    let kept = articles(&env);
    assert!(kept < ARTICLES, "{stderr}");
    // What the stopped run reported as added is what the index holds.
    assert_eq!(counts(&stderr)[0], kept, "{stderr}");
    // The run after it finishes the work, with exact counts, and says nothing about a killed run.
    let resumed = env.lede_ok(&["index"], 0);
    assert_eq!(
        counts(&resumed.stderr),
        [ARTICLES - kept, 0, kept, 0, 0, 0],
        "{}",
        resumed.stderr
    );
    assert!(!resumed.stderr.contains("did not finish"));
    assert_eq!(articles(&env), ARTICLES);
}

#[test]
fn search_during_indexing_sees_commits_and_a_second_indexer_is_refused() {
    let env = TestEnv::new();
    util::generated_corpus(&env, ARTICLES);
    let mut child = start_indexing(&env);

    // A second writer: an immediate, clear error naming the lock.
    let started = Instant::now();
    let second = env.lede_ok(&["index"], 2);
    assert!(started.elapsed() < Duration::from_secs(10));
    assert!(
        second
            .stderr
            .contains("is locked by another running `lede index`"),
        "{}",
        second.stderr
    );
    assert!(
        second.stderr.contains("index/.tantivy-writer.lock"),
        "{}",
        second.stderr
    );

    // Searches while it runs: never an error, and the hit counts never go down.
    let (mut searches, mut last, mut seen_partial) = (0, 0, false);
    while child.try_wait().unwrap().is_none() {
        let out = env.lede(&["search", "officials", "--json", "-n", "1"]);
        assert!(
            out.code == 0 || out.code == 1,
            "search while indexing: {out:#?}"
        );
        let total = if out.code == 0 {
            out.json()["total_hits"].as_u64().unwrap() as usize
        } else {
            0
        };
        assert!(total >= last, "hits went from {last} to {total}");
        seen_partial |= total > 0 && total < ARTICLES;
        last = total;
        searches += 1;
    }
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
    eprintln!("{searches} searches while indexing; saw a partial index: {seen_partial}");
    assert!(searches > 0);
    let out = env.lede_ok(&["search", "officials", "--json", "-n", "1"], 0);
    assert_eq!(out.json()["total_hits"], ARTICLES);
    assert!(Path::new(&env.path().join("index/meta.json")).is_file());
}
