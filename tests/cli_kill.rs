//! `kill -9` at random moments of `lede index`: the index must always open and search (a commit
//! is atomic), and a re-run must finish with exact counts: no article lost, none duplicated.
//!
//! Rounds start from an empty index; in each, `lede index` is killed at random moments and resumed
//! until a run completes, then the counts are checked. Rounds go on until at least 10 runs were
//! killed while still working, within a time bound. The seed is printed so a failure can be
//! replayed (`LEDE_KILL_SEED=...`).

mod util;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use util::TestEnv;

/// Articles in the generated corpus.
const ARTICLES: usize = 3_000;
/// Runs that must be killed while still working.
const MIN_KILLS: usize = 10;
/// No new round starts after this.
const TIME_BOUND: Duration = Duration::from_secs(20);
/// Kill moments are drawn below this many milliseconds: a debug build needs longer to reach its
/// first commit.
const MAX_DELAY_MS: u64 = if cfg!(debug_assertions) { 1_000 } else { 400 };

/// A small xorshift generator: random enough for kill moments, and replayable from its seed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// The counts of a summary line: (added, updated, unchanged, removed, skipped).
fn counts(stderr: &str) -> [usize; 5] {
    let numbers = util::summary_numbers(stderr);
    [numbers[0], numbers[1], numbers[2], numbers[3], numbers[4]]
}

const INDEX_ARGS: [&str; 5] = [
    "index",
    "--no-entities",
    "--no-dates",
    "--commit-every",
    "50",
];

/// Checks that the index opens and searches, and returns its article count. A run killed before
/// it created the index leaves none (0 articles; the monotonic check catches a lost one).
fn check_index(env: &TestEnv) -> u64 {
    let stats = env.lede(&["stats", "--json"]);
    if stats.code == 2 && stats.stderr.contains("no lede index at index") {
        return 0;
    }
    assert_eq!(stats.code, 0, "stats after a kill: {stats:#?}");
    let stats = stats.json();
    let search = env.lede(&["search", "copper figures", "--json"]);
    assert!(
        search.code == 0 || search.code == 1,
        "search after a kill: {search:#?}"
    );
    let articles = stats["articles"].as_u64().unwrap();
    assert_eq!(stats["passages"].as_u64().unwrap(), articles);
    articles
}

/// Waits until `child` is past opening the index and walking: its run marker names it (or it ended).
fn wait_until_indexing(env: &TestEnv, child: &mut std::process::Child) {
    let marker = env.path().join("index/.lede-indexing");
    let me = format!("process {},", child.id());
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() && started.elapsed() < Duration::from_secs(10) {
        if std::fs::read_to_string(&marker).is_ok_and(|m| m.starts_with(&me)) {
            return;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

#[test]
fn kill_9_at_random_moments_loses_and_duplicates_nothing() {
    let env = TestEnv::new();
    util::generated_corpus(&env, ARTICLES);
    let seed = std::env::var("LEDE_KILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
                | 1
        });
    let mut rng = Rng(seed);
    let started = Instant::now();
    let (mut kills, mut attempts, mut rounds, mut notes) = (0, 0, 0, 0);
    let mut committed_after_kills = Vec::new();
    while kills < MIN_KILLS {
        assert!(
            started.elapsed() < TIME_BOUND,
            "only {kills} kills landed mid-run in {TIME_BOUND:?} (seed {seed})"
        );
        rounds += 1;
        let _ = std::fs::remove_dir_all(env.path().join("index"));
        let mut committed = 0;
        // Kill and resume until a run completes; once enough kills landed, or time is up, the
        // last run is left to finish (a slow build may make no progress between kills).
        loop {
            attempts += 1;
            // A run that finds the marker of one killed while indexing says so; nothing touches the
            // index between here and the run's start.
            let marker_left = env.path().join("index/.lede-indexing").exists();
            let mut child = Command::new(env!("CARGO_BIN_EXE_lede"))
                .args(INDEX_ARGS)
                .current_dir(env.path())
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            let finish = kills >= MIN_KILLS || started.elapsed() >= TIME_BOUND;
            if !finish {
                // Half the kills count from the start (opening, creating, walking), half from the
                // moment the run is indexing (its marker names it): a slow build still gets
                // killed mid-work.
                // The very first kill lands as soon as the run is indexing, so that every test
                // has a run that finds a killed run's marker.
                if attempts == 1 {
                    wait_until_indexing(&env, &mut child);
                } else {
                    if rng.below(2) == 0 {
                        wait_until_indexing(&env, &mut child);
                    }
                    std::thread::sleep(Duration::from_millis(rng.below(MAX_DELAY_MS)));
                }
            }
            if !finish && child.try_wait().unwrap().is_none() {
                child.kill().unwrap();
                child.wait().unwrap();
                kills += 1;
                let articles = check_index(&env);
                assert!(articles >= committed, "seed {seed}: a commit was lost");
                committed = articles;
                committed_after_kills.push(articles);
                continue;
            }
            let output = child.wait_with_output().unwrap();
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert!(output.status.success(), "seed {seed}: {stderr}");
            let noticed = stderr.contains("did not finish");
            assert_eq!(
                noticed, marker_left,
                "seed {seed}: a killed run's marker was left ({marker_left}), noticed: {stderr}"
            );
            notes += noticed as usize;
            // The resuming run counts every article exactly once: what the killed runs
            // committed is unchanged, the rest is added.
            let [added, updated, unchanged, removed, skipped] = counts(&stderr);
            assert_eq!(unchanged as u64, committed, "seed {seed}: {stderr}");
            assert_eq!(added + unchanged, ARTICLES, "seed {seed}: {stderr}");
            assert_eq!((updated, removed, skipped), (0, 0, 0), "seed {seed}");
            break;
        }
        // Nothing lost or duplicated, and a run after it changes nothing.
        assert_eq!(check_index(&env), ARTICLES as u64, "seed {seed}");
        let again = env.lede_ok(&INDEX_ARGS, 0);
        assert_eq!(counts(&again.stderr), [0, 0, ARTICLES, 0, 0], "seed {seed}");
    }
    eprintln!(
        "kill test (seed {seed}): {kills} runs killed mid-run in {attempts} runs over {rounds} rounds \
         ({:.1}s), {ARTICLES} articles; articles committed at the kills: {committed_after_kills:?}; \
         runs that noticed a killed run: {notes}; lost or duplicated: 0",
        started.elapsed().as_secs_f64()
    );
}
