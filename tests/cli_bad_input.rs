//! End to end: what `lede index` does with messy input. Each case is a file in one corpus: other
//! encodings, files and lines over the size limit, empty files, articles without a body, broken
//! JSON and front matter, symbolic link loops, unreadable files; and the summary, `--strict`,
//! `--quiet` and `-v` over them; and bad files spread over several of the batches that are read
//! and analysed in parallel.

mod util;

use util::TestEnv;

fn counts(out: &util::Output) -> &str {
    util::summary_counts(&out.stderr)
}

/// Asserts that standard error has a line containing every one of `parts`.
#[track_caller]
fn assert_line(stderr: &str, parts: &[&str]) {
    assert!(
        stderr
            .lines()
            .any(|line| parts.iter().all(|part| line.contains(part))),
        "no line with {parts:?} in:\n{stderr}"
    );
}

fn write_bytes(env: &TestEnv, name: &str, bytes: &[u8]) {
    std::fs::write(env.corpus().join(name), bytes).unwrap();
}

/// A corpus with one file per case; returns nothing, the files are described where asserted.
fn messy_corpus(env: &TestEnv) {
    env.write(
        "good.txt",
        "Harbour news\n\nShips docked at dawn in the harbour.\n",
    );
    let (latin1, _, _) = encoding_rs::WINDOWS_1252
        .encode("Genève talks\n\nDelegates met in Genève on “Monday” — café owners cheered.\n");
    write_bytes(env, "latin1.txt", &latin1);
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in "Zürich vote\n\nVoters in Zürich approved the plan.\n".encode_utf16() {
        utf16.extend(unit.to_le_bytes());
    }
    write_bytes(env, "utf16.txt", &utf16);
    env.write(
        "mojibake.txt",
        "Cafe story\n\nThe cafÃ© owner said itâ€™s a good year.\n",
    );
    let (sjis, _, _) =
        encoding_rs::SHIFT_JIS.encode("東京の天気\n\n今日は晴れです。明日は雨でしょう。\n");
    write_bytes(env, "sjis.txt", &sjis);
    let mut mixed = "Mixed bytes\n\nA naïve line, then Latin-1: "
        .as_bytes()
        .to_vec();
    mixed.extend(b"caf\xE9.\n");
    write_bytes(env, "mixed.txt", &mixed);
    env.write(
        "big.txt",
        &format!("Big story\n\n{}\n", "word ".repeat(400)),
    );
    env.write(
        "feed.jsonl",
        &format!(
            "{{\"body\": \"First copper story.\"}}\n{{\"body\": \"{}\"}}\n{{\"body\": \"Third copper story.\"}}\n",
            "copper ".repeat(200)
        ),
    );
    env.write("empty.txt", "");
    env.write("blank.md", "  \n\t\n");
    env.write(
        "nobody.json",
        "{\"title\": \"Headline only\", \"body\": \"  \"}",
    );
    env.write("frontonly.md", "---\ntitle: Front matter only\n---\n");
    env.write(
        "broken.json",
        "{\n  \"title\": \"Cut short\",\n  \"body\": \"The dump was trunc",
    );
    env.write(
        "badfront.md",
        "---\ntitle: ok\ndate: [unclosed\n---\nThe body survives a broken front matter.\n",
    );
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("loop.txt", env.corpus().join("loop.txt")).unwrap();
        std::os::unix::fs::symlink(".", env.corpus().join("dirloop")).unwrap();
    }
}

#[test]
fn every_bad_input_is_reported_and_the_rest_indexed() {
    let env = TestEnv::new();
    messy_corpus(&env);
    let out = env.lede_ok(&["index", "-v", "--max-size", "0.001"], 0);
    let err = &out.stderr;
    // Other encodings: decoded and said (in verbose mode), or refused with a reason.
    assert_line(
        err,
        &[
            "warning: latin1.txt: not valid UTF-8 (line 1, byte 3)",
            "decoded as Windows-1252",
        ],
    );
    assert_line(err, &["warning: utf16.txt: decoded from UTF-16LE"]);
    assert_line(
        err,
        &["warning: mojibake.txt: looks double-encoded (mojibake such as \"Ã©\")"],
    );
    assert_line(
        err,
        &["skipped: sjis.txt: not valid UTF-8 (line 1, byte 0) and not Windows-1252 either"],
    );
    assert_line(
        err,
        &["skipped: mixed.txt: not valid UTF-8 (line 3", "mixes UTF-8"],
    );
    // Size limit: a whole file, or one line of a .jsonl file.
    assert_line(
        err,
        &["skipped: big.txt: file is 2012 bytes, over the 1048 bytes limit (--max-size)"],
    );
    assert_line(
        err,
        &["skipped: feed.jsonl:2: line is over the 1048 bytes limit"],
    );
    // Empty files, articles without a body.
    assert_line(err, &["skipped: empty.txt: empty file"]);
    assert_line(err, &["skipped: blank.md: empty file (only whitespace)"]);
    assert_line(err, &["skipped: nobody.json: article has no body"]);
    assert_line(err, &["skipped: frontonly.md: article has no body"]);
    // Broken JSON and front matter, with their positions.
    assert_line(err, &["skipped: broken.json:3: invalid JSON at column 29"]);
    assert_line(
        err,
        &[
            "warning: badfront.md:4: invalid YAML front matter",
            "metadata ignored",
        ],
    );
    // Symbolic links (a loop among them) are not followed, and said.
    assert_line(
        err,
        &[
            "loop.txt: broken symbolic link not followed",
            "symbolic links",
        ],
    );
    assert_line(err, &["dirloop: symbolic link not followed"]);
    // -v lists every file.
    assert_line(err, &["file: good.txt: 1 added"]);
    assert_line(err, &["file: feed.jsonl: 2 added, 1 skipped"]);
    assert_line(err, &["file: sjis.txt: 1 skipped"]);
    assert_eq!(
        counts(&out),
        "7 added, 0 updated, 0 unchanged, 0 removed, 9 skipped, 6 warnings"
    );
    assert_line(
        err,
        &["skipped by reason: 2 encoding, 2 empty, 2 no body, 2 too large, 1 invalid JSON"],
    );

    // What was decoded is searchable as text, not mojibake.
    let hits = env.lede_ok(&["search", "Genève", "--json"], 0).json();
    assert_eq!(hits["hits"][0]["article_id"], "latin1.txt");
    assert_eq!(hits["hits"][0]["title"], "Genève talks");
    let hits = env.lede_ok(&["search", "Zürich", "--json"], 0).json();
    assert_eq!(hits["hits"][0]["article_id"], "utf16.txt");
    let hits = env.lede_ok(&["search", "copper", "--json"], 0).json();
    assert_eq!(hits["total_hits"], 2);
}

#[test]
fn normal_output_shows_skips_not_warnings_and_quiet_shows_nothing() {
    let env = TestEnv::new();
    messy_corpus(&env);
    let out = env.lede_ok(&["index", "--max-size", "0.001"], 0);
    assert!(out.stderr.contains("skipped: sjis.txt"), "{}", out.stderr);
    assert!(!out.stderr.contains("warning:"), "{}", out.stderr);
    assert!(!out.stderr.contains("file: "), "{}", out.stderr);
    assert!(out.stderr.contains("skipped by reason: "), "{}", out.stderr);

    std::fs::remove_dir_all(env.path().join("index")).unwrap();
    let quiet = env.lede_ok(&["index", "-q", "--max-size", "0.001"], 0);
    assert_eq!(quiet.stderr, "");
    // The default limit (10 MB) takes the big file; files that yielded nothing are read again
    // (and skipped again), files indexed before are not re-read (so feed.jsonl's long line waits
    // for the file to change).
    let again = env.lede_ok(&["index"], 0);
    assert_eq!(
        counts(&again),
        "1 added, 0 updated, 7 unchanged, 0 removed, 7 skipped, 2 warnings"
    );
}

#[test]
fn strict_makes_a_skipped_file_an_error_after_committing_the_rest() {
    let env = TestEnv::new();
    env.write("good.txt", "Harbour news\n\nShips docked at dawn.\n");
    env.write("empty.txt", "");
    let out = env.lede_ok(&["index", "--strict", "-q"], 2);
    assert_line(
        &out.stderr,
        &[
            "error: --strict: 1 files or records were skipped",
            "empty.txt: empty file",
        ],
    );
    env.lede_ok(&["search", "ships"], 0);
    std::fs::remove_file(env.corpus().join("empty.txt")).unwrap();
    env.lede_ok(&["index", "--strict"], 0);
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_skipped_and_the_run_goes_on() {
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::new();
    env.write("good.txt", "Harbour news\n\nShips docked at dawn.\n");
    env.write("secret.txt", "Secret news\n\nNobody may read this.\n");
    let secret = env.corpus().join("secret.txt");
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&secret).is_ok() {
        // Root reads whatever the mode says: nothing to test here.
        eprintln!(
            "SKIPPED an_unreadable_file_is_skipped: running as root, chmod 000 does not stop reads"
        );
        return;
    }
    let out = env.lede_ok(&["index"], 0);
    assert_line(
        &out.stderr,
        &["skipped: secret.txt: cannot read", "ermission denied"],
    );
    assert_eq!(
        counts(&out),
        "1 added, 0 updated, 0 unchanged, 0 removed, 1 skipped, 0 warnings"
    );
}

#[cfg(unix)]
#[test]
fn a_path_that_is_a_symlink_loop_is_reported_and_the_others_indexed() {
    let env = TestEnv::with_seed();
    std::os::unix::fs::symlink("a", env.path().join("b")).unwrap();
    std::os::unix::fs::symlink("b", env.path().join("a")).unwrap();
    let out = env.lede_ok(&["index", "a", "corpus"], 0);
    assert_line(&out.stderr, &["skipped: a: cannot open", "symbolic links"]);
    assert_eq!(
        counts(&out),
        "1 added, 0 updated, 0 unchanged, 0 removed, 1 skipped, 0 warnings"
    );
}

#[test]
fn bad_files_across_read_batches_are_reported_in_order_and_the_rest_indexed() {
    // More files than one parallel read batch holds (256), with bad ones in different batches.
    let env = TestEnv::new();
    let bad = [5usize, 300, 301, 650];
    for i in 0..700 {
        let name = format!("f{i:04}.txt");
        match i {
            5 | 650 => env.write(&name, ""),
            300 => write_bytes(&env, &name, b"\x00\x01\x02binary\x00\xff"),
            301 => write_bytes(&env, &name, &[0xE9u8; 64].repeat(4)),
            _ => env.write(
                &name,
                &format!("Story {i}\n\nThe note names word{i} once.\n"),
            ),
        }
    }
    let out = env.lede_ok(&["index"], 0);
    assert_eq!(
        counts(&out),
        "696 added, 0 updated, 0 unchanged, 0 removed, 4 skipped, 0 warnings",
        "{}",
        out.stderr
    );
    // One line a bad file, in the walk's order.
    let skipped: Vec<&str> = out
        .stderr
        .lines()
        .filter_map(|line| line.strip_prefix("lede: skipped: "))
        .map(|rest| &rest[.."f0000.txt".len()])
        .collect();
    let expected: Vec<String> = bad.iter().map(|i| format!("f{i:04}.txt")).collect();
    assert_eq!(skipped, expected, "{}", out.stderr);
    // Articles from the first, a middle and the last batch are all there, each under its file.
    for i in [0usize, 255, 256, 511, 512, 699] {
        let hits = env
            .lede_ok(&["search", &format!("word{i}"), "--json"], 0)
            .json();
        assert_eq!(hits["total_hits"], 1, "word{i}");
        assert_eq!(hits["hits"][0]["article_id"], format!("f{i:04}.txt"));
    }
}

#[test]
fn an_id_too_long_to_look_up_is_refused_with_its_line_and_never_piles_up() {
    // tantivy drops a term over 65,530 bytes: an article with such an id could never be found
    // by its id to be replaced, and each run would add it again.
    let env = TestEnv::new();
    let huge = "y".repeat(70_000);
    let longest = "u".repeat(lede::article::MAX_ID_BYTES);
    let lines = [
        format!(r#"{{"id": "{huge}", "title": "Huge id", "body": "Oil prices rose in London."}}"#),
        format!(
            r#"{{"id": "{longest}", "title": "Longest id", "body": "Gold prices fell in Zurich."}}"#
        ),
        r#"{"id": "short", "title": "Short id", "body": "Copper prices held in Santiago."}"#
            .to_string(),
    ];
    env.write("feed.jsonl", &(lines.join("\n") + "\n"));
    let out = env.lede_ok(&["index"], 0);
    assert_line(
        &out.stderr,
        &[
            "skipped: feed.jsonl:1: article id \"yyyyyyyyyy",
            "… is 70000 bytes long, more than the 4096 an id may have",
        ],
    );
    // The message quotes the id's start, not 70,000 bytes of it.
    assert!(out.stderr.len() < 2_000, "{}", out.stderr);
    assert_eq!(
        counts(&out),
        "2 added, 0 updated, 0 unchanged, 0 removed, 1 skipped, 0 warnings"
    );
    // Run again with the file touched: the longest id allowed is replaced, not added twice.
    let text = std::fs::read_to_string(env.corpus().join("feed.jsonl")).unwrap();
    env.write(
        "feed.jsonl",
        &text.replace("Gold prices fell", "Gold prices rose"),
    );
    let again = env.lede_ok(&["index"], 0);
    assert_eq!(
        counts(&again),
        "0 added, 1 updated, 1 unchanged, 0 removed, 1 skipped, 0 warnings",
        "{}",
        again.stderr
    );
    let hits = env.lede_ok(&["search", "prices", "--json"], 0).json();
    assert_eq!(hits["total_hits"], 2);
    let stats = env.lede_ok(&["stats", "--json"], 0).json();
    assert_eq!(stats["articles"], 2);
}

#[test]
fn dates_the_index_cannot_hold_are_dropped_not_wrapped_and_far_bounds_still_filter() {
    // tantivy keeps dates as nanoseconds in an i64 (1677 to 2262): 1500 was indexed as 2084.
    let env = TestEnv::new();
    let lines = [
        r#"{"id": "old", "title": "Old", "body": "The harbour froze over.", "date": "1500-01-01"}"#,
        r#"{"id": "far", "title": "Far", "body": "The harbour froze again.", "date": "2500-06-01"}"#,
        r#"{"id": "early", "title": "Early", "body": "The harbour froze long ago.", "date": "1700-03-03"}"#,
        r#"{"id": "wire", "title": "Wire", "body": "The harbour froze once more.", "date": "1987-03-03"}"#,
    ];
    env.write("feed.jsonl", &(lines.join("\n") + "\n"));
    let out = env.lede_ok(&["index", "-v"], 0);
    assert_line(
        &out.stderr,
        &[
            "warning: feed.jsonl:1: publication date 1500-01-01T00:00:00Z is outside the dates",
            "ignored",
        ],
    );
    assert_line(
        &out.stderr,
        &["warning: feed.jsonl:2: publication date 2500-06-01"],
    );
    let dates = |args: &[&str]| -> Vec<(String, serde_json::Value)> {
        let mut all = vec!["search", "harbour", "--json", "--sort", "date"];
        all.extend_from_slice(args);
        let out = env.lede(&all);
        assert!(out.code == 0 || out.code == 1, "{args:?}: {}", out.stderr);
        if out.code == 1 {
            return Vec::new();
        }
        let hits = out.json()["hits"].as_array().unwrap().clone();
        hits.iter()
            .map(|h| {
                (
                    h["article_id"].as_str().unwrap().to_string(),
                    h["published"].clone(),
                )
            })
            .collect()
    };
    let all = dates(&[]);
    assert_eq!(all.len(), 4);
    assert_eq!(all[0], ("wire".to_string(), "1987-03-03T00:00:00Z".into()));
    assert_eq!(all[1], ("early".to_string(), "1700-03-03T00:00:00Z".into()));
    assert!(all[2..].iter().all(|(_, date)| date.is_null()), "{all:?}");
    // Oldest first: 1700 before 1987, the undated last.
    let oldest = env
        .lede_ok(&["search", "harbour", "--json", "--sort", "oldest"], 0)
        .json();
    assert_eq!(util::ranked_ids(&oldest)[..2], ["early", "wire"]);
    // Bounds past the span the index holds still filter (undated articles out), never wrap.
    let ids =
        |args: &[&str]| -> Vec<String> { dates(args).into_iter().map(|(id, _)| id).collect() };
    assert_eq!(ids(&["--since", "1500"]), ["wire", "early"]);
    assert_eq!(ids(&["--until", "9999"]), ["wire", "early"]);
    assert_eq!(
        ids(&["--since", "0001", "--until", "2300"]),
        ["wire", "early"]
    );
    assert_eq!(ids(&["--until", "1800"]), ["early"]);
    assert!(ids(&["--since", "2300"]).is_empty());
    assert!(ids(&["--until", "1600"]).is_empty());
}

#[test]
fn extract_reads_files_as_index_does_latin_1_decoded_binary_refused() {
    let env = TestEnv::new();
    write_bytes(
        &env,
        "latin1.txt",
        b"Caf\xe9 owners met in Paris on March 3, 1987.\n",
    );
    write_bytes(&env, "blob.bin", b"abc\0def");
    for args in [&["extract"][..], &["extract", "--dates"][..]] {
        let mut args = args.to_vec();
        args.push("corpus/latin1.txt");
        let out = env.lede_ok(&args, 0);
        assert!(
            out.stderr
                .contains("latin1.txt: not valid UTF-8 (line 1, byte 3): decoded as Windows-1252"),
            "{}",
            out.stderr
        );
        assert!(out.stdout.contains("1987-03-03"), "{}", out.stdout);
        args.pop();
        args.push("corpus/blob.bin");
        let out = env.lede_ok(&args, 2);
        assert!(
            out.stderr.contains("blob.bin: binary file"),
            "{}",
            out.stderr
        );
    }
    let entities = env.lede_ok(&["extract", "corpus/latin1.txt"], 0).json();
    assert_eq!(entities["entities"][0]["text"], "Paris");
}

/// With `--follow`, a linked folder's and a linked file's articles are indexed through the
/// link (a link loop reported and skipped, an index reached through a link left alone, a folder
/// reached through two links indexed once), and removed once the link is.
#[cfg(unix)]
#[test]
fn follow_indexes_through_links_and_removes_what_a_removed_link_held() {
    let env = TestEnv::new();
    env.write("own.txt", "Wheat prices rose in Chicago on Monday.\n");
    let archive = env.path().join("archive");
    std::fs::create_dir_all(&archive).unwrap();
    std::fs::write(
        archive.join("old.txt"),
        "Copper prices fell in London on Tuesday.\n",
    )
    .unwrap();
    std::fs::write(
        env.path().join("single.txt"),
        "Gold prices held in Zurich on Wednesday.\n",
    )
    .unwrap();
    let link = |target: &std::path::Path, name: &str| {
        std::os::unix::fs::symlink(target, env.corpus().join(name)).unwrap();
    };
    link(&archive, "archive");
    link(&archive, "mirror");
    link(&env.path().join("single.txt"), "single.txt");
    link(std::path::Path::new("."), "loop");
    link(&env.path().join("index"), "index");
    // Without --follow the links are left out, each with a warning.
    let out = env.lede_ok(&["index"], 0);
    assert_eq!(
        counts(&out),
        "1 added, 0 updated, 0 unchanged, 0 removed, 0 skipped, 5 warnings"
    );
    let out = env.lede_ok(&["index", "-v"], 0);
    assert_line(
        &out.stderr,
        &["archive: symbolic link not followed", "--follow"],
    );
    // With it, both articles are found through their links; the loop is reported.
    // The mirror of the archive is left out, once, with a warning naming the link walked first.
    let out = env.lede_ok(&["index", "--follow", "-v"], 0);
    assert_line(&out.stderr, &["skipped: ", "loop", "File system loop"]);
    assert_line(
        &out.stderr,
        &[
            "warning: ",
            "mirror: the same folder as ",
            "archive, left out",
        ],
    );
    assert_eq!(
        counts(&out),
        "2 added, 0 updated, 1 unchanged, 0 removed, 1 skipped, 1 warnings"
    );
    let found = env.lede_ok(&["search", "prices", "--json"], 0).json();
    let mut paths: Vec<&str> = found["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|hit| hit["path"].as_str().unwrap())
        .collect();
    paths.sort_unstable();
    assert_eq!(paths, ["archive/old.txt", "own.txt", "single.txt"]);
    // Once the folder's first link is gone, its articles are indexed through the other; once
    // that is gone too, so are they.
    std::fs::remove_file(env.corpus().join("archive")).unwrap();
    let out = env.lede_ok(&["index", "--follow"], 0);
    assert!(
        counts(&out).starts_with("1 added, 0 updated, 2 unchanged, 1 removed"),
        "{}",
        out.stderr
    );
    let found = env.lede_ok(&["search", "copper", "--json"], 0).json();
    assert_eq!(found["hits"][0]["path"], "mirror/old.txt");
    std::fs::remove_file(env.corpus().join("mirror")).unwrap();
    let out = env.lede_ok(&["index", "--follow"], 0);
    assert!(
        counts(&out).starts_with("0 added, 0 updated, 2 unchanged, 1 removed"),
        "{}",
        out.stderr
    );
}
