//! End to end: indexes on small or read-only disks (a tmpfs mounted for the test; mounting one
//! needs root: without it each test says it is skipped and passes).

mod util;

use std::path::{Path, PathBuf};
use std::process::Command;
use util::TestEnv;

/// A small tmpfs mounted on a folder, unmounted when dropped.
struct SmallDisk {
    dir: PathBuf,
}

impl SmallDisk {
    fn mount(dir: &Path, size: &str) -> Option<SmallDisk> {
        std::fs::create_dir_all(dir).unwrap();
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir)
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|status| status.success());
        mounted.then(|| SmallDisk {
            dir: dir.to_path_buf(),
        })
    }

    /// Mounts the disk again, read-only or read-write.
    fn remount(&self, read_only: bool) {
        let mode = if read_only {
            "remount,ro"
        } else {
            "remount,rw"
        };
        let status = Command::new("mount")
            .args(["-o", mode])
            .arg(&self.dir)
            .status()
            .unwrap();
        assert!(status.success());
    }

    /// Bytes in the files of a folder on the disk.
    fn used(&self, folder: &str) -> u64 {
        std::fs::read_dir(self.dir.join(folder))
            .unwrap()
            .map(|entry| entry.unwrap().metadata().unwrap().len())
            .sum()
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.dir).status();
    }
}

/// Text of `words` words drawn from a large vocabulary, so that it compresses and indexes poorly.
fn noise(seed: u64, words: usize) -> String {
    let mut state = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut text = String::new();
    for i in 0..words {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let word = state >> 40;
        text.push_str(&format!("w{word:x}"));
        text.push_str(if i % 15 == 14 { ". " } else { " " });
    }
    text
}

/// The seed article indexed into `index` on a tmpfs of `size`; `None` (the test is skipped, and
/// says so) when no tmpfs can be mounted.
fn seed_index_on_small_disk(test: &str, size: &str) -> Option<(TestEnv, SmallDisk, String)> {
    let env = TestEnv::with_seed();
    let Some(disk) = SmallDisk::mount(&env.path().join("disk"), size) else {
        eprintln!("SKIPPED {test}: cannot mount a tmpfs (needs root)");
        return None;
    };
    let index = disk.dir.join("index").to_str().unwrap().to_string();
    env.lede_ok(&["index", "--index", &index], 0);
    Some((env, disk, index))
}

#[test]
fn a_full_disk_fails_clearly_keeps_the_last_commit_and_gives_the_space_back() {
    let test = "a_full_disk_fails_clearly_keeps_the_last_commit_and_gives_the_space_back";
    let Some((env, disk, index)) = seed_index_on_small_disk(test, "2m") else {
        return;
    };
    let index = index.as_str();
    let committed = disk.used("index");

    // About 6 MB of text the index cannot hold in 2 MiB.
    let mut lines = String::new();
    for i in 0..600 {
        let body = noise(i, 1_500);
        lines.push_str(&format!("{{\"id\": \"n{i}\", \"body\": \"{body}\"}}\n"));
    }
    env.write("big/noise.jsonl", &lines);
    let args = ["index", "--index", index, "--no-entities", "--no-dates"];
    let full = env.lede_ok(&args, 2);
    assert!(
        full.stderr.contains("No space left on device")
            && full.stderr.contains("the index keeps its last commit"),
        "{}",
        full.stderr
    );
    assert!(!full.stderr.contains("panicked"), "{}", full.stderr);
    // The files of the failed run are deleted at once, not left to fill the disk.
    assert!(
        disk.used("index") < committed + 64 * 1024,
        "{} bytes after the failure, {committed} before",
        disk.used("index")
    );
    // The last commit is still searchable.
    let hits = env
        .lede_ok(&["search", "altman", "--index", index, "--json"], 0)
        .json();
    assert_eq!(hits["total_hits"], 1);
    assert_eq!(hits["hits"][0]["article_id"], util::SEED_NAME);

    // With the big file gone, the next run succeeds.
    std::fs::remove_dir_all(env.corpus().join("big")).unwrap();
    let again = env.lede_ok(&["index", "--index", index], 0);
    assert!(again.stderr.contains("did not finish"), "{}", again.stderr);
}

#[test]
fn an_index_on_a_read_only_disk_is_searched_and_writing_it_fails_clearly() {
    let test = "an_index_on_a_read_only_disk_is_searched_and_writing_it_fails_clearly";
    let Some((env, disk, index)) = seed_index_on_small_disk(test, "4m") else {
        return;
    };
    let index = index.as_str();
    disk.remount(true);
    let hits = env
        .lede_ok(&["search", "altman", "--index", index, "--json"], 0)
        .json();
    assert_eq!(hits["total_hits"], 1);
    env.lede_ok(&["stats", "--index", index], 0);
    env.lede_ok(&["entities", "--index", index], 0);
    env.lede_ok(&["show", util::SEED_NAME, "--index", index], 0);
    // Not "locked by another running `lede index`": the folder cannot be written.
    let refused = env.lede_ok(&["index", "--index", index], 2);
    assert!(
        refused.stderr.contains("Read-only file system") && !refused.stderr.contains("locked"),
        "{}",
        refused.stderr
    );
    disk.remount(false);
}
