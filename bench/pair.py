#!/usr/bin/env python3
"""Paired indexing timings of two lede builds: is a change faster, on a noisy machine?

    bench/pair.py A B [--rounds N] [--modes full,bare] [--corpus PATH] [--files] [--work DIR]
    bench/pair.py A B --latency INDEX [--rounds N] [--mode MODE] [--depth N] [--queries FILE]

A and B are each a lede binary (a path to a file) or a git revision of this repository
(anything `git rev-parse` knows: a commit, a branch, `HEAD~1`), which is built in release mode
in a worktree under --work (one shared target folder, so the second build compiles lede alone).
Both index the same corpus (default: known-item Reuters from ../shared) into fresh folders,
interleaved A, B, B, A, … for --rounds rounds (default 5) per mode: `full` is the default
pipeline, `bare` is `--no-entities --no-dates`. One Markdown table comes out: per mode, the
median wall and CPU seconds of each build and B's ratio to A, with every run's figures.
--corpus may be a folder too; --files turns a `.jsonl` corpus into a folder of one Markdown file
an article (front matter with its date, in 50 subfolders; written once under --work), the way
most users point lede at their articles.

With --latency INDEX, query latency instead: A and B are `bench_queries` binaries (the example
of `examples/bench_queries.rs`) or git revisions (whose example is built), each run in turn on
INDEX with the same queries (default: the first 500 known-item headlines, escaped as `bench/run`
escapes them), --depth hits (default 1000) in --mode (`ids`, what `lede search --batch --trec`
does; `page`, `passages`, `mentions`, `entity`: a page as a person sees it). The table gives
each build's median p50, p99 and mean over the rounds, B's ratio to A, and whether both builds
returned the same hits.

Interleaving is what makes the ratio mean something here: the machines are shared, and a
slow minute hits both builds alike. Differences under about 3% are within the noise of 5 rounds.
"""

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import (REPO, latency_summary, log, plain_words, read_latencies,  # noqa: E402
                    read_queries, timed)

DEFAULT_CORPUS = os.path.join(REPO, "..", "shared", "data", "known-item-reuters", "corpus.jsonl")

MODES = {
    "full": [],
    "bare": ["--no-entities", "--no-dates"],
}


def binary_for(spec, work, target, example=None):
    """The lede binary for `spec`: the file itself, or a release build of the git revision (of
    the example named `example` instead, when given)."""
    if os.path.isfile(spec):
        return os.path.abspath(spec)
    rev = subprocess.run(
        ["git", "rev-parse", "--verify", "--short", f"{spec}^{{commit}}"],
        cwd=REPO, capture_output=True, text=True,
    )
    if rev.returncode != 0:
        sys.exit(f"pair: {spec!r} is neither a file nor a git revision")
    sha = rev.stdout.strip()
    out = os.path.join(work, f"{example or 'lede'}-{sha}")
    if os.path.isfile(out):
        return out
    tree = os.path.join(work, f"tree-{sha}")
    if not os.path.isdir(tree):
        subprocess.run(["git", "worktree", "add", "--detach", "--force", tree, sha],
                       cwd=REPO, check=True, capture_output=True)
    log(f"pair: building {spec} ({sha})")
    env = dict(os.environ, CARGO_TARGET_DIR=target)
    # Cargo decides whether lede is stale from its sources' modification times, and two
    # checkouts of lede share one package name in the shared target folder: a checkout whose
    # files are older than the other's artifacts would silently reuse them. Cleaning lede
    # alone forces its build and keeps the dependencies.
    subprocess.run(["cargo", "clean", "--quiet", "--release", "-p", "lede"],
                   cwd=tree, env=env, check=False)
    what = ["--example", example] if example else ["--bin", "lede"]
    subprocess.run(["cargo", "build", "--release", "--quiet"] + what,
                   cwd=tree, env=env, check=True)
    built = ["examples", example] if example else ["lede"]
    shutil.copy2(os.path.join(target, "release", *built), out)
    subprocess.run(["git", "worktree", "remove", "--force", tree], cwd=REPO, check=False,
                   capture_output=True)
    return out


def in_turn(bins, round_no):
    """The builds in the order they run in round `round_no`: A first in odd rounds, B first in
    even ones, so that whatever the first run of a pair pays (a cold cache, a clock still
    ramping up) falls on both alike. With A always first, one build timed against itself came
    out 0.95× over 4 rounds."""
    sides = list(bins.items())
    return sides if round_no % 2 else sides[::-1]


def median(values):
    return statistics.median(values) if values else float("nan")


def as_files(corpus, work):
    """A folder under `work` with one Markdown file per article of the JSON Lines `corpus` (its
    `date` as front matter, its `body` as text), in 50 subfolders; written once and reused."""
    folder = os.path.join(work, "files-" + os.path.splitext(os.path.basename(corpus))[0])
    done = os.path.join(folder, ".complete")
    if os.path.exists(done):
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    with open(corpus, encoding="utf-8") as lines:
        for n, line in enumerate(lines):
            record = json.loads(line)
            sub = os.path.join(folder, f"{n % 50:02d}")
            os.makedirs(sub, exist_ok=True)
            name = re.sub(r"[^A-Za-z0-9._-]", "_", str(record.get("id", n)))
            with open(os.path.join(sub, name + ".md"), "w", encoding="utf-8") as out:
                if record.get("date"):
                    out.write(f"---\ndate: {record['date']}\n---\n")
                out.write(record.get("body", "") + "\n")
    open(done, "w").close()
    return folder


def latency_pairs(args):
    """Interleaved query latency of two `bench_queries` builds on one index (see --latency)."""
    work = args.work
    if not os.path.isdir(args.latency):
        sys.exit(f"pair: no index at {args.latency}")
    target = os.path.join(work, "target")
    bins = {side: binary_for(spec, work, target, example="bench_queries")
            for side, spec in (("A", args.a), ("B", args.b))}
    queries = os.path.join(work, "latency-queries.tsv")
    if args.queries:
        shutil.copyfile(args.queries, queries)
    else:
        known = os.path.join(os.path.dirname(DEFAULT_CORPUS), "queries.tsv")
        if not os.path.isfile(known):
            sys.exit(f"pair: no queries at {known} (pass --queries FILE)")
        plain = [(q, " ".join(plain_words(t))) for q, t in read_queries(known)]
        with open(queries, "w", encoding="utf-8") as f:
            f.writelines([f"{q}\t{t}\n" for q, t in plain if t][:500])
    summaries = {side: [] for side in bins}
    runs = {}
    for round_no in range(1, args.rounds + 1):
        for side, binary in in_turn(bins, round_no):
            run = os.path.join(work, f"latency-run-{side}")
            lat = os.path.join(work, f"latency-ms-{side}")
            subprocess.run([binary, args.latency, queries, run, lat, str(args.depth), args.mode],
                           check=True, stdout=subprocess.DEVNULL)
            summaries[side].append(latency_summary(read_latencies(lat)))
            with open(run, encoding="utf-8") as f:
                runs[side] = f.read()
        log(f"pair: round {round_no}/{args.rounds} done")
    print(f"A = {args.a}, B = {args.b}; {args.latency}; mode {args.mode}, depth {args.depth}; "
          f"{args.rounds} interleaved rounds; medians, B/A ratio; "
          f"same hits: {'yes' if runs['A'] == runs['B'] else 'NO'}\n")
    print("| figure | A ms | B ms | B/A | rounds (A / B) |")
    print("| --- | ---: | ---: | ---: | --- |")
    for key, name in (("p50_ms", "p50"), ("p99_ms", "p99"), ("mean_ms", "mean")):
        a = [x[key] for x in summaries["A"]]
        b = [x[key] for x in summaries["B"]]
        rounds = " ".join(f"{x:.2f}/{y:.2f}" for x, y in zip(a, b))
        print(f"| {name} | {median(a):.3f} | {median(b):.3f} | {median(b) / median(a):.3f} | "
              f"{rounds} |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("a", help="baseline: a lede binary or a git revision")
    parser.add_argument("b", help="candidate: a lede binary or a git revision")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--modes", default="full,bare",
                        help="comma-separated: " + ", ".join(MODES))
    parser.add_argument("--corpus", default=DEFAULT_CORPUS, help="a file or a folder")
    parser.add_argument("--files", action="store_true",
                        help="index a .jsonl corpus as a folder of one file an article")
    parser.add_argument("--work", default="/tmp/lede-pair")
    parser.add_argument("--latency", metavar="INDEX",
                        help="time queries on INDEX instead of indexing (see above)")
    parser.add_argument("--mode", default="ids",
                        help="with --latency: ids, page, passages, mentions or entity")
    parser.add_argument("--depth", type=int, default=1000, help="with --latency: hits a query")
    parser.add_argument("--queries", help="with --latency: a qid<TAB>query file")
    args = parser.parse_args()

    os.makedirs(args.work, exist_ok=True)
    if args.rounds < 1:
        sys.exit("pair: --rounds must be at least 1")
    if args.latency:
        latency_pairs(args)
        return
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    unknown = [m for m in modes if m not in MODES]
    if unknown or not modes:
        sys.exit(f"pair: unknown mode(s) {unknown}; known: {', '.join(MODES)}")
    if args.rounds < 1:
        sys.exit("pair: --rounds must be at least 1")
    if not os.path.exists(args.corpus):
        sys.exit(f"pair: no corpus at {args.corpus}")
    if args.files:
        args.corpus = as_files(args.corpus, args.work)
    if not os.path.exists("/usr/bin/time"):
        sys.exit("pair: needs /usr/bin/time (apt-get install -y time)")
    target = os.path.join(args.work, "target")
    bins = {"A": binary_for(args.a, args.work, target), "B": binary_for(args.b, args.work, target)}

    figures = {(mode, side): [] for mode in modes for side in bins}
    for round_no in range(1, args.rounds + 1):
        for mode in modes:
            for side, binary in in_turn(bins, round_no):
                index = os.path.join(args.work, f"index-{side}")
                shutil.rmtree(index, ignore_errors=True)
                cmd = [binary, "index", args.corpus, "--index", index, "--quiet"] + MODES[mode]
                run = timed(cmd, os.path.join(args.work, f"log-{side}"))
                figures[(mode, side)].append(run)
        log(f"pair: round {round_no}/{args.rounds} done")

    print(f"A = {args.a}, B = {args.b}; {os.path.basename(args.corpus)}; "
          f"{args.rounds} interleaved rounds; medians, B/A ratio\n")
    print("| mode | A wall s | B wall s | B/A wall | A CPU s | B CPU s | B/A CPU | runs (wall s, A / B) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for mode in modes:
        a, b = figures[(mode, "A")], figures[(mode, "B")]
        aw, bw = median([r["wall_s"] for r in a]), median([r["wall_s"] for r in b])
        ac, bc = median([r["cpu_s"] for r in a]), median([r["cpu_s"] for r in b])
        runs = " ".join(f"{x['wall_s']:.2f}/{y['wall_s']:.2f}" for x, y in zip(a, b))
        print(f"| {mode} | {aw:.2f} | {bw:.2f} | {bw / aw:.3f} | {ac:.2f} | {bc:.2f} | "
              f"{bc / ac:.3f} | {runs} |")
    for side in bins:
        shutil.rmtree(os.path.join(args.work, f"index-{side}"), ignore_errors=True)


if __name__ == "__main__":
    main()
