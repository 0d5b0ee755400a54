#!/usr/bin/env python3
"""How lede grows with the corpus: known-item-reuters ×1, ×10, ×50.

usage: bench/scale.py [--scale 10[,50]] [--queries 200] [--depth 1000] [--out DIR] [--repeat N]
                      [--shared DIR] [--seed N] [--chunk N] [--keep] [--no-build]

Generates the Reuters corpus multiplied (default ×10; ×50, about 1M articles and 0.9 GB, is
opt-in: `--scale 10,50`) under --out (default /tmp/lede-scale, outside the repository; kept and
reused between runs, the indexes are removed unless --keep). Copy 0 is the corpus as it is; copy k
of article `reuters-N` is `reuters-N~k` with the article's sentences shuffled (one
deterministic generator per article and copy, seeded from --seed), refilled into paragraphs of the
original sizes, so the copies share a vocabulary without being duplicates. Articles are written in
JSONL files of --chunk (1,000) articles, the way an archive is laid out, and ×1 is laid out the
same way for the baseline.

At each scale lede alone: `lede index DIR --index … --rebuild` under `/usr/bin/time -v` (wall
time, peak memory), the index size, per-query latency of a sample of --queries headline
queries (every tenth query of queries.tsv, escaped as in bench/run) through the
`bench_queries` example (top --depth ids, then the p50 of a page of ten with passages and of
`--passages`), and the wall time of `lede index` run again on the unchanged corpus. Prints
each figure and its growth relative to ×1; writes the figures to
bench/results/scale-<time>.json. ×1, the baseline, is the median of three runs; the larger
scales run once (--repeat N for more): at those sizes the noise is smaller than the growth.
"""

import argparse
import datetime
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402
from common import REPO, BENCH_DIR, log  # noqa: E402


# `bench_queries` modes timed on a page of ten at each scale, besides the top-`--depth` pass.
PAGE_MODES = ("page", "passages")


def shuffled(body, rng):
    """The body's sentences in a shuffled order, refilled into paragraphs of the same sizes."""
    paragraphs = [p for p in re.split(r"\n(?=[ \t])", body) if p.strip()]
    per_paragraph = [common.sentences(p) for p in paragraphs]
    pool = [s for ss in per_paragraph for s in ss]
    rng.shuffle(pool)
    out, i = [], 0
    for ss in per_paragraph:
        out.append(" ".join(pool[i:i + len(ss)]))
        i += len(ss)
    return "\n    ".join(out)


def generate(corpus, folder, scale, seed, chunk):
    """Writes the corpus ×scale into `folder` (reused when a previous run completed it)."""
    stamp = os.path.join(folder, ".complete")
    wanted = json.dumps({"scale": scale, "seed": seed, "chunk": chunk,
                         "corpus_bytes": os.path.getsize(corpus)})
    if os.path.isfile(stamp) and open(stamp).read() == wanted:
        log(f"scale: reusing {folder}")
        return
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    with open(corpus, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    log(f"scale: writing {len(records) * scale:,} articles to {folder}")
    part, count, out = 0, 0, None
    for copy in range(scale):
        for record in records:
            if count % chunk == 0:
                if out:
                    out.close()
                out = open(os.path.join(folder, f"part-{part:05d}.jsonl"), "w", encoding="utf-8")
                part += 1
            if copy:
                rng = random.Random(f"{seed}:{copy}:{record['id']}")
                record = dict(record, id=f"{record['id']}~{copy}",
                              body=shuffled(record.get("body", ""), rng))
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    out.close()
    with open(stamp, "w") as f:
        f.write(wanted)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", default="10", help="comma-separated factors besides ×1 (10)")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--depth", type=int, default=1000)
    parser.add_argument("--out", default="/tmp/lede-scale")
    parser.add_argument("--shared", default=os.path.join(os.path.dirname(REPO), "shared"))
    parser.add_argument("--seed", type=int, default=1987)
    parser.add_argument("--chunk", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=1,
                        help="runs per scale above ×1 (1; ×1 always runs at least 3 times)")
    parser.add_argument("--keep", action="store_true", help="keep the indexes")
    parser.add_argument("--no-build", action="store_true")
    args = parser.parse_args()
    scales = [1] + sorted({int(s) for s in args.scale.split(",") if s.strip() and int(s) > 1})

    data = os.path.join(args.shared, "data", "known-item-reuters")
    corpus = os.path.join(data, "corpus.jsonl")
    if not os.path.isfile(corpus):
        sys.exit(f"scale: {corpus} not found (pass --shared DIR)")
    target = os.environ.get("CARGO_TARGET_DIR") or os.path.join(REPO, "target")
    if not args.no_build:
        log("scale: cargo build --release --bin lede --example bench_queries")
        subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "lede",
                        "--example", "bench_queries"], cwd=REPO, check=True)
    lede = os.path.join(target, "release", "lede")
    example = os.path.join(target, "release", "examples", "bench_queries")

    os.makedirs(args.out, exist_ok=True)
    queries = common.read_queries(os.path.join(data, "queries.tsv"))
    step = max(1, len(queries) // max(1, args.queries))
    sample = [(q, " ".join(common.plain_words(t))) for q, t in queries[step - 1::step]]
    sample = [(q, t) for q, t in sample if t][:args.queries]
    queries_path = os.path.join(args.out, "queries.sample.tsv")
    with open(queries_path, "w", encoding="utf-8") as f:
        f.writelines(f"{q}\t{t}\n" for q, t in sample)

    with open(corpus, encoding="utf-8") as f:
        base_articles = sum(1 for line in f if line.strip())
    rows = []
    for scale in scales:
        folder = os.path.join(args.out, f"x{scale}")
        generate(corpus, folder, scale, args.seed, args.chunk)
        corpus_bytes = common.tree_bytes(folder)
        index = os.path.join(args.out, f"index-x{scale}")
        # The baseline is cheap and every growth figure divides by it: three runs, the median.
        repeat = max(3, args.repeat) if scale == 1 else args.repeat
        runs, passes = [], []
        for r in range(repeat):
            log(f"scale: lede index ×{scale} ({r + 1}/{repeat})")
            figures = common.timed([lede, "index", folder, "--index", index, "--rebuild"],
                                   os.path.join(args.out, f"index-x{scale}.log"))
            figures["index_bytes"] = common.tree_bytes(index)
            runs.append(figures)
            log(f"scale: {len(sample)} queries ×{scale} ({r + 1}/{repeat})")
            run = os.path.join(args.out, f"x{scale}.run")
            lat = os.path.join(args.out, f"x{scale}.lat")
            subprocess.run([example, index, queries_path, run, lat, str(args.depth)], check=True)
            summary = common.latency_summary(common.read_latencies(lat))
            # What a person waits for: a page of ten with passages, and passages ranked alone.
            for mode in PAGE_MODES:
                subprocess.run([example, index, queries_path, run, lat, "10", mode], check=True,
                               stdout=subprocess.DEVNULL)
                summary[f"{mode}_p50_ms"] = common.latency_summary(
                    common.read_latencies(lat))["p50_ms"]
            passes.append(summary)
        # A re-run over the unchanged corpus: what keeping an archive's index up to date costs
        # when nothing changed (it reads the index's state and every file's stamp).
        log(f"scale: lede index ×{scale} again, nothing changed")
        rerun = common.timed([lede, "index", folder, "--index", index],
                             os.path.join(args.out, f"rerun-x{scale}.log"))
        if not args.keep:
            shutil.rmtree(index, ignore_errors=True)
        rows.append({
            "scale": scale,
            "articles": base_articles * scale,
            "corpus_mb": corpus_bytes / 1e6,
            "repeat": repeat,
            "index_wall_s": statistics.median(f["wall_s"] for f in runs),
            "index_cpu_s": statistics.median(f["cpu_s"] for f in runs),
            "peak_rss_mb": statistics.median(f["peak_rss_mb"] for f in runs),
            "index_mb": statistics.median(f["index_bytes"] for f in runs) / 1e6,
            "p50_ms": statistics.median(p["p50_ms"] for p in passes),
            "p99_ms": statistics.median(p["p99_ms"] for p in passes),
            **{f"{mode}_p50_ms": statistics.median(p[f"{mode}_p50_ms"] for p in passes)
               for mode in PAGE_MODES},
            "rerun_wall_s": rerun["wall_s"],
            "runs": runs,
            "passes": passes,
        })
        print_table(rows, sys.stderr)  # progress: a ×50 run takes a while

    print_table(rows, sys.stdout)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    out_dir = os.path.join(BENCH_DIR, "results")
    os.makedirs(out_dir, exist_ok=True)
    out_path = os.path.join(out_dir, f"scale-{stamp}.json")
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump({"time": stamp, "cpus": os.cpu_count(), "loadavg": os.getloadavg(),
                   "queries": len(sample), "depth": args.depth, "seed": args.seed,
                   "rows": rows}, f, indent=2)
    print(f"\nfigures: {os.path.relpath(out_path, os.getcwd())}")


def print_table(rows, out):
    base = rows[0]
    cols = [("index wall s", "index_wall_s", 1), ("index CPU s", "index_cpu_s", 1),
            ("peak MB", "peak_rss_mb", 0), ("index MB", "index_mb", 0),
            ("p50 ms", "p50_ms", 2), ("p99 ms", "p99_ms", 1),
            ("page p50 ms", "page_p50_ms", 2), ("--passages p50 ms", "passages_p50_ms", 1),
            ("no-op re-run s", "rerun_wall_s", 2)]
    headers = " | ".join(h for h, _, _ in cols)
    print(f"\n| scale | articles | corpus MB | {headers} |", file=out)
    print("| ---: | ---: | ---: | " + " | ".join("---:" for _ in cols) + " |", file=out)
    for row in rows:
        cells = []
        for _, key, digits in cols:
            value = row[key]
            growth = value / base[key] if base[key] else float("nan")
            cells.append(f"{value:,.{digits}f} (×{growth:.1f})")
        print(f"| ×{row['scale']} | {row['articles']:,} | {row['corpus_mb']:,.0f} | "
              + " | ".join(cells) + " |", file=out)
    out.flush()


if __name__ == "__main__":
    main()
