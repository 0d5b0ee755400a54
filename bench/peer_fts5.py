#!/usr/bin/env python3
"""SQLite FTS5 as a benchmark peer (python3's sqlite3 module, on-disk database).

    peer_fts5.py index DB CORPUS.jsonl
    peer_fts5.py search DB QUERIES.tsv RUN_OUT LATENCIES_OUT [DEPTH]

Index: one FTS5 table `docs(body)` with the `porter` tokenizer (Porter stemmer over unicode61),
rowid = the article's line number, and a plain table `ids(rowid, id)` for the article ids; all
articles inserted in one transaction; SQLite's defaults otherwise (automerge on, no 'optimize').

Search: each query's words (already escaped by the driver: letters and digits only, lower case)
are quoted and OR-ed, `"w1" OR "w2" …`, ranked by FTS5's built-in bm25 (`ORDER BY rank`), top
DEPTH (default 1000). Internal rowids become article ids through a list loaded at open (lede maps
its documents to ids through a column it caches too). Only the query is timed, per query.
"""

import json
import os
import sqlite3
import sys

import common


def index(db_path, corpus):
    if os.path.exists(db_path):
        # Only an earlier database is replaced: arguments given the other way round named
        # the corpus here, and removing it is not this script's to do.
        with open(db_path, "rb") as f:
            if f.read(16) != b"SQLite format 3\0":
                sys.exit(f"fts5: {db_path} exists and is not an SQLite database; not replacing it")
        os.remove(db_path)
    con = sqlite3.connect(db_path)
    con.execute("CREATE VIRTUAL TABLE docs USING fts5(body, tokenize='porter')")
    con.execute("CREATE TABLE ids(rowid INTEGER PRIMARY KEY, id TEXT NOT NULL)")
    n = 0

    def rows():
        nonlocal n
        with open(corpus, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                record = json.loads(line)
                n += 1
                yield n, record["id"], record.get("body", "")

    with con:
        for rowid, article_id, body in rows():
            con.execute("INSERT INTO docs(rowid, body) VALUES (?, ?)", (rowid, body))
            con.execute("INSERT INTO ids(rowid, id) VALUES (?, ?)", (rowid, article_id))
    con.close()
    print(f"fts5: {n} articles indexed into {db_path}", file=sys.stderr)


def search(db_path, queries_path, run_path, lat_path, depth=1000):
    con = sqlite3.connect(db_path)
    ids = {rowid: article_id for rowid, article_id in con.execute("SELECT rowid, id FROM ids")}
    sql = "SELECT rowid, rank FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT ?"

    def search_one(text):
        words = text.split()
        if not words:
            return []
        match = " OR ".join(f'"{w}"' for w in words)
        # FTS5's bm25 is negative, lower is better.
        return [(ids[rowid], -score) for rowid, score in con.execute(sql, (match, depth))]

    common.run_queries(queries_path, run_path, lat_path, "fts5", search_one)
    con.close()


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "index":
        index(sys.argv[2], sys.argv[3])
    elif len(sys.argv) in (6, 7) and sys.argv[1] == "search":
        search(*sys.argv[2:6], *(int(d) for d in sys.argv[6:]))
    else:
        sys.exit(__doc__)
