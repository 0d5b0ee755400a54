#!/usr/bin/env python3
"""Xapian as a benchmark peer (Debian's python3-xapian: run it with /usr/bin/python3).

    peer_xapian.py check
    peer_xapian.py index DB CORPUS.jsonl
    peer_xapian.py search DB QUERIES.tsv RUN_OUT LATENCIES_OUT [DEPTH]

Index: a TermGenerator with the English (Snowball) stemmer and STEM_ALL (stemmed terms only, with
positions, as lede and FTS5 index them), no stopper; the article id as document data and as a
`Q` id term; one commit at the end, Xapian's defaults otherwise.

Search: each query's words (already escaped by the driver: letters and digits only, lower case)
go through a QueryParser with the same stemmer, STEM_ALL, default operator OR and no flags (so no
word is read as an operator), ranked by Xapian's default BM25Weight, top DEPTH (default 1000).
Xapian docids become article ids through a list loaded at open. Only the query is timed.
"""

import json
import sys

import common

import xapian


def index(db_path, corpus):
    db = xapian.WritableDatabase(db_path, xapian.DB_CREATE_OR_OVERWRITE)
    tg = xapian.TermGenerator()
    tg.set_stemmer(xapian.Stem("english"))
    tg.set_stemming_strategy(xapian.TermGenerator.STEM_ALL)
    n = 0
    with open(corpus, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            record = json.loads(line)
            doc = xapian.Document()
            tg.set_document(doc)
            tg.index_text(record.get("body", ""))
            doc.set_data(record["id"])
            doc.add_boolean_term("Q" + record["id"])
            db.add_document(doc)
            n += 1
    db.commit()
    db.close()
    print(f"xapian: {n} articles indexed into {db_path}", file=sys.stderr)


def search(db_path, queries_path, run_path, lat_path, depth=1000):
    db = xapian.Database(db_path)
    ids = {}
    for posting in db.postlist(""):
        ids[posting.docid] = db.get_document(posting.docid).get_data().decode("utf-8")
    enquire = xapian.Enquire(db)
    parser = xapian.QueryParser()
    parser.set_stemmer(xapian.Stem("english"))
    parser.set_stemming_strategy(xapian.QueryParser.STEM_ALL)
    parser.set_default_op(xapian.Query.OP_OR)
    parser.set_database(db)
    def search_one(text):
        enquire.set_query(parser.parse_query(text, 0))
        return [(ids[m.docid], m.weight) for m in enquire.get_mset(0, depth)]

    common.run_queries(queries_path, run_path, lat_path, "xapian", search_one)

if __name__ == "__main__":
    if sys.argv[1:2] == ["check"]:
        print(xapian.version_string())
    elif len(sys.argv) >= 4 and sys.argv[1] == "index":
        index(sys.argv[2], sys.argv[3])
    elif len(sys.argv) in (6, 7) and sys.argv[1] == "search":
        search(*sys.argv[2:6], *(int(d) for d in sys.argv[6:]))
    else:
        sys.exit(__doc__)
