#!/usr/bin/env python3
"""Load on `lede serve`: concurrent clients on loopback against /api/search (a benchmark, not a test).

usage: bench/serve_load.py [--clients 100] [--seconds 30] [--index DIR] [--lede PATH]
                           [--shared DIR] [--url URL]

Starts `lede serve --addr 127.0.0.1:0 --index DIR` (the known-item Reuters index, built from
../shared/data/known-item-reuters/corpus.jsonl when DIR holds none; default /tmp/lede-serve-load),
or uses a running server given by --url. Then --clients threads, each with its own keep-alive
connection, send GET /api/search for --seconds: the known-item headline queries in turn (each
thread starting at its own place), one request in four with a date range, one in five sorted by
date, one in six asking for the second page. Prints requests per second, latency percentiles
(p50, p90, p99, max) and errors: any answer but a 200 with a JSON body, or a broken connection.
Exits 1 if there was any error. Everything stays on 127.0.0.1, and the run stops by itself.
"""

import argparse
import http.client
import json
import os
import subprocess
import sys
import threading
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--clients", type=int, default=100)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--index", default="/tmp/lede-serve-load")
    ap.add_argument("--lede", default=os.path.join(ROOT, "target/release/lede"))
    ap.add_argument("--shared", default=os.path.join(ROOT, "../shared"))
    ap.add_argument("--url", help="a running server (http://127.0.0.1:PORT); no server is started")
    args = ap.parse_args()

    data = os.path.join(args.shared, "data/known-item-reuters")
    with open(os.path.join(data, "queries.tsv"), encoding="utf-8") as f:
        queries = [line.rstrip("\n").split("\t", 1)[1] for line in f if "\t" in line]
    paths = []
    for i, q in enumerate(queries):
        params = [("q", q), ("limit", "10")]
        if i % 4 == 1:
            params += [("since", "1987-03"), ("until", "1987-06")]
        if i % 5 == 2:
            params.append(("sort", "date"))
        if i % 6 == 3:
            params.append(("offset", "10"))
        paths.append("/api/search?" + urllib.parse.urlencode(params))

    server = None
    url = args.url
    if url is None:
        # Built when missing or of another schema version (`lede stats` fails on those).
        readable = os.path.exists(os.path.join(args.index, "meta.json")) and subprocess.run(
            [args.lede, "stats", "--index", args.index], capture_output=True).returncode == 0
        if not readable:
            print(f"building the index at {args.index}", file=sys.stderr)
            subprocess.run([args.lede, "index", os.path.join(data, "corpus.jsonl"),
                            "--index", args.index, "--rebuild", "-q"], check=True)
        server = subprocess.Popen([args.lede, "serve", "--addr", "127.0.0.1:0", "--index", args.index],
                                  stdout=subprocess.PIPE, text=True)
        line = server.stdout.readline()
        url = next((w for w in line.split() if w.startswith("http://")), None)
        if url is None:
            server.kill()
            sys.exit(f"lede serve printed no URL: {line!r}")
    parsed = urllib.parse.urlsplit(url)
    if parsed.hostname not in ("127.0.0.1", "localhost", "::1"):
        sys.exit("refusing to load anything but a loopback address")

    try:
        result = run(parsed.hostname, parsed.port, paths, args.clients, args.seconds)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
    report(result, args)
    sys.exit(1 if result["errors"] else 0)


def run(host, port, paths, clients, seconds):
    latencies = [[] for _ in range(clients)]
    errors = [0] * clients
    first_error = []
    start = threading.Barrier(clients + 1)
    stop_at = [0.0]

    def client(n):
        conn = http.client.HTTPConnection(host, port, timeout=60)
        i = n * len(paths) // clients
        start.wait()
        while time.perf_counter() < stop_at[0]:
            path = paths[i % len(paths)]
            i += 1
            t0 = time.perf_counter()
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                body = response.read()
                ok = response.status == 200 and "hits" in json.loads(body)
                if not ok and not first_error:
                    first_error.append(f"{response.status} {body[:200]!r} for {path}")
            except Exception as e:  # a broken connection counts, and the client reconnects
                ok = False
                if not first_error:
                    first_error.append(f"{e!r} for {path}")
                conn.close()
                conn = http.client.HTTPConnection(host, port, timeout=60)
            latencies[n].append(time.perf_counter() - t0)
            if not ok:
                errors[n] += 1
        conn.close()

    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(clients)]
    for t in threads:
        t.start()
    began = time.perf_counter()
    stop_at[0] = began + seconds
    start.wait()
    for t in threads:
        t.join(timeout=seconds + 120)
    elapsed = time.perf_counter() - began
    return {
        "latencies": sorted(x for per in latencies for x in per),
        "errors": sum(errors),
        "first_error": first_error[0] if first_error else None,
        "elapsed": elapsed,
    }


def report(result, args):
    lat = result["latencies"]
    n = len(lat)

    def pct(p):
        return lat[min(n - 1, int(p / 100 * n))] * 1000 if n else float("nan")

    print(f"{args.clients} clients for {args.seconds:g} s on loopback against /api/search")
    print(f"requests   {n}")
    print(f"req/s      {n / result['elapsed']:.1f}")
    print(f"p50        {pct(50):.1f} ms")
    print(f"p90        {pct(90):.1f} ms")
    print(f"p99        {pct(99):.1f} ms")
    print(f"max        {lat[-1] * 1000 if n else float('nan'):.1f} ms")
    print(f"errors     {result['errors']}")
    if result["first_error"]:
        print(f"first error: {result['first_error']}")


if __name__ == "__main__":
    main()
