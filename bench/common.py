"""Helpers shared by the benchmark driver (`bench/run`), the peers and the scale step.

Only the standard library: the peers run under whichever python3 has their module (Debian's
/usr/bin/python3 for xapian), so nothing here may need a package.
"""

import json
import math
import os
import re
import statistics
import subprocess
import sys
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(BENCH_DIR)


def plain_words(query):
    """The words of a query, the same for every tool: every character that is not a letter or a
    digit becomes a space (as lede's `--plain` / batch mode does), then lower-cased and split.
    Nothing that any of the tools could read as syntax survives (no quotes, parentheses, colons,
    stars, minus signs, carets), and lower case keeps AND/OR/NOT/NEAR plain words."""
    return "".join(c if c.isalnum() else " " for c in query).lower().split()


def read_queries(path):
    """`qid<TAB>text` lines → [(qid, text)]."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                continue
            qid, _, text = line.partition("\t")
            out.append((qid.strip(), text))
    return out


def run_queries(queries_path, run_path, lat_path, tag, search):
    """Runs every `qid<TAB>text` line of `queries_path` through `search(text)`, which returns
    `(article_id, score)` pairs best first, timing each call: the TREC run goes to `run_path`
    (`qid Q0 id rank score tag`), one latency in milliseconds per query to `lat_path`."""
    with open(queries_path, encoding="utf-8") as f, \
            open(run_path, "w", encoding="utf-8") as run, \
            open(lat_path, "w", encoding="utf-8") as lat:
        for line in f:
            qid, _, text = line.rstrip("\n").partition("\t")
            started = time.perf_counter()
            hits = search(text)
            elapsed = time.perf_counter() - started
            lat.write(f"{elapsed * 1000:.6f}\n")
            for rank, (article_id, score) in enumerate(hits, 1):
                run.write(f"{qid} Q0 {article_id} {rank} {score:.6f} {tag}\n")


def read_latencies(path):
    with open(path, encoding="utf-8") as f:
        return [float(x) for x in f if x.strip()]


def percentile(values, p):
    """Nearest-rank percentile (p in 0..100) of a non-empty list."""
    ordered = sorted(values)
    k = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[k - 1]


def latency_summary(ms):
    return {
        "queries": len(ms),
        "p50_ms": statistics.median(ms),
        "p99_ms": percentile(ms, 99),
        "mean_ms": statistics.fmean(ms),
        "total_s": sum(ms) / 1000,
    }


def tree_bytes(path):
    """Apparent size of a file, or of every file under a folder."""
    if os.path.isfile(path):
        return os.path.getsize(path)
    total = 0
    for root, _dirs, files in os.walk(path):
        for name in files:
            try:
                total += os.path.getsize(os.path.join(root, name))
            except OSError:
                pass
    return total


def parse_time_v(path):
    """Peak memory and CPU seconds from a `/usr/bin/time -v -o FILE` report."""
    out = {}
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            key, _, value = line.strip().rpartition(": ")
            if key == "Maximum resident set size (kbytes)":
                out["peak_rss_mb"] = int(value) / 1024
            elif key == "User time (seconds)":
                out["user_s"] = float(value)
            elif key == "System time (seconds)":
                out["sys_s"] = float(value)
            elif key == "Exit status":
                out["exit"] = int(value)
    out["cpu_s"] = out.get("user_s", 0.0) + out.get("sys_s", 0.0)
    return out


def timed(cmd, log_path, env=None, cwd=None):
    """Runs `cmd` under `/usr/bin/time -v`, output to `log_path`; returns wall seconds, peak RSS
    and CPU seconds. Raises on failure with the log's tail."""
    time_path = log_path + ".time"
    full = ["/usr/bin/time", "-v", "-o", time_path] + [str(c) for c in cmd]
    started = time.perf_counter()
    with open(log_path, "w", encoding="utf-8") as log:
        proc = subprocess.run(full, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=cwd)
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        with open(log_path, encoding="utf-8", errors="replace") as f:
            tail = f.read()[-2000:]
        raise RuntimeError(f"{' '.join(full)} failed ({proc.returncode}):\n{tail}")
    figures = parse_time_v(time_path)
    figures["wall_s"] = wall
    return figures


def trec_score(scorer, run_path, qrels_path):
    """nDCG@10, MRR@10, Recall@100, … of a run, from `trec_score.py --json`."""
    proc = subprocess.run(
        [sys.executable, scorer, run_path, qrels_path, "--json"],
        capture_output=True, text=True, check=True,
    )
    # The scorer prints one JSON object with --json; be lenient about anything around it.
    text = proc.stdout
    start, end = text.find("{"), text.rfind("}")
    return json.loads(text[start:end + 1])


def log(message):
    print(message, file=sys.stderr, flush=True)


def sentences(text):
    """A rough sentence split for the scale generator: after . ! or ? followed by white space and
    an upper-case letter, digit or quote."""
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z0-9\"'])", text.strip()) if s]
