#!/usr/bin/env python3
"""Ad-hoc proxy for ranking changes: topic, person and detail queries over Reuters-21578.

The known-item test (`../shared/data/known-item-reuters`) asks for one article by its headline; a
ranking change tuned on it must not cost ordinary ad-hoc searches. There is no ad-hoc collection
with judgements in `../shared`, so this builds three proxies from the Reuters-21578 tags, over the
same corpus (`known-item-reuters/corpus.jsonl`, ids `reuters-NEWID`):

- topic: one query per TOPICS category with at least 10 articles, a short description written by
  hand below (not tuned on results); relevant = the articles tagged with that category.
- person: one query per PEOPLE tag with at least 8 articles, the name from the tag (`james-baker`
  -> `james baker`); relevant = the articles tagged with that person.
- detail: 500 long articles (at least 300 body words), one query each made of 6 content words of a
  sentence from the second half of the body (not the lead); relevant = that article. Seeded.

usage: adhoc.py build OUT_DIR        writes OUT_DIR/{topic,person,detail}.{tsv,qrels}
       adhoc.py score OUT_DIR INDEX [LEDE] [-- extra lede search args]
                                     runs each set with `lede search --batch --trec` and prints
                                     nDCG@10 (and MRR@10) per set with trec_score.py

Qrels and runs go to OUT_DIR (use /tmp); nothing here is to be committed but this script.
"""
import json
import os
import random
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.normpath(os.path.join(HERE, "..", "..", "shared"))
REUTERS = os.path.join(SHARED, "data", "reuters21578", "reuters21578.jsonl")
CORPUS = os.path.join(SHARED, "data", "known-item-reuters", "corpus.jsonl")
SCORER = os.path.join(SHARED, "eval", "trec_score.py")

TOPICS = {
    "earn": "quarterly earnings net profit results",
    "acq": "company acquisition merger takeover",
    "money-fx": "foreign exchange currency market intervention",
    "crude": "crude oil prices production",
    "grain": "grain harvest exports",
    "trade": "trade deficit tariffs",
    "interest": "interest rates cut",
    "wheat": "wheat exports",
    "ship": "shipping ports vessels",
    "corn": "corn maize crop",
    "dlr": "dollar exchange rate",
    "oilseed": "oilseed crop",
    "money-supply": "money supply growth",
    "sugar": "sugar production exports",
    "gnp": "gross national product economic growth",
    "coffee": "coffee quotas exports",
    "veg-oil": "vegetable oil",
    "gold": "gold mining production",
    "nat-gas": "natural gas",
    "soybean": "soybean crop",
    "bop": "balance of payments current account",
    "livestock": "livestock cattle hogs",
    "cpi": "consumer prices inflation",
    "reserves": "foreign currency reserves",
    "copper": "copper prices production",
    "cocoa": "cocoa crop prices",
    "jobs": "unemployment jobs",
    "carcass": "meat beef pork",
    "yen": "yen exchange rate",
    "rice": "rice exports",
    "iron-steel": "steel industry production",
    "ipi": "industrial production",
    "gas": "gasoline",
    "cotton": "cotton crop",
    "alum": "aluminium smelter",
    "barley": "barley",
    "meal-feed": "animal feed meal",
    "rubber": "natural rubber",
    "zinc": "zinc",
    "palm-oil": "palm oil",
    "pet-chem": "petrochemicals plant",
    "silver": "silver",
    "sorghum": "sorghum",
    "rapeseed": "rapeseed crop",
    "lead": "lead metal smelter",
    "tin": "tin council",
    "strategic-metal": "strategic metals",
    "wpi": "wholesale prices",
    "orange": "orange juice",
    "fuel": "fuel oil",
    "soy-meal": "soybean meal",
    "retail": "retail sales",
    "hog": "hog prices",
    "soy-oil": "soybean oil",
    "heat": "heating oil",
    "housing": "housing starts home sales",
    "stg": "sterling pound",
    "income": "personal income",
    "sunseed": "sunflower seed",
    "lei": "leading economic indicators",
    "lumber": "lumber timber",
    "tea": "tea",
    "dmk": "mark currency bundesbank",
    "oat": "oats",
    "platinum": "platinum",
    "nickel": "nickel",
    "groundnut": "groundnut peanuts",
}

STOP = set(
    """a an and are as at be been but by for from had has have he her his i in is it its of on or
    said says that the their there they this to was were which will with would not also after
    than more mln billion dlrs pct year last new about into over under up down one two three""".split()
)


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def write_set(out, name, queries, qrels):
    with open(os.path.join(out, name + ".tsv"), "w", encoding="utf-8") as f:
        for qid, text in queries:
            f.write(f"{qid}\t{text}\n")
    with open(os.path.join(out, name + ".qrels"), "w", encoding="utf-8") as f:
        for qid, docs in qrels.items():
            for doc in sorted(docs):
                f.write(f"{qid} 0 {doc} 1\n")


def build(out):
    os.makedirs(out, exist_ok=True)
    in_corpus = {d["id"] for d in load(CORPUS)}
    articles = [a for a in load(REUTERS) if f"reuters-{a['newid']}" in in_corpus]
    by_topic, by_person = {}, {}
    for a in articles:
        doc = f"reuters-{a['newid']}"
        for t in a.get("topics") or []:
            by_topic.setdefault(t, set()).add(doc)
        for p in a.get("people") or []:
            by_person.setdefault(p, set()).add(doc)
    queries, qrels = [], {}
    for topic, text in TOPICS.items():
        if len(by_topic.get(topic, ())) >= 10:
            qid = f"t-{topic}"
            queries.append((qid, text))
            qrels[qid] = by_topic[topic]
    write_set(out, "topic", queries, qrels)
    queries, qrels = [], {}
    for person, docs in sorted(by_person.items()):
        if len(docs) >= 8:
            qid = f"p-{person}"
            queries.append((qid, person.replace("-", " ")))
            qrels[qid] = docs
    write_set(out, "person", queries, qrels)
    rng = random.Random(5)
    long = [a for a in articles if len((a.get("body") or "").split()) >= 300]
    rng.shuffle(long)
    queries, qrels = [], {}
    for a in long:
        body = a["body"]
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", body[len(body) // 2 :]) if s.strip()]
        rng.shuffle(sentences)
        for s in sentences:
            words = [w for w in re.findall(r"[A-Za-z]+", s) if w.lower() not in STOP and len(w) > 2]
            if len(words) >= 8:
                picked = sorted(rng.sample(range(len(words)), 6))
                qid = f"d-{a['newid']}"
                queries.append((qid, " ".join(words[i].lower() for i in picked)))
                qrels[qid] = {f"reuters-{a['newid']}"}
                break
        if len(queries) == 500:
            break
    write_set(out, "detail", queries, qrels)
    for name in ("topic", "person", "detail"):
        n = sum(1 for _ in open(os.path.join(out, name + ".tsv"), encoding="utf-8"))
        print(f"{name}: {n} queries")


def score(out, index, lede, extra):
    for name in ("topic", "person", "detail"):
        run = os.path.join(out, name + ".run")
        with open(run, "w", encoding="utf-8") as f:
            subprocess.run(
                [lede, "search", "--index", index, "--batch", os.path.join(out, name + ".tsv"), "--trec"]
                + extra,
                stdout=f,
                check=True,
            )
        result = subprocess.run(
            [sys.executable, SCORER, run, os.path.join(out, name + ".qrels")],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        figures = dict(line.split()[:2] for line in result.splitlines() if line.split()[:1] != ["queries"])
        print(f"{name:7s} nDCG@10 {figures['nDCG@10']}  MRR@10 {figures['MRR@10']}")


def main():
    args = sys.argv[1:]
    extra = []
    if "--" in args:
        extra = args[args.index("--") + 1 :]
        args = args[: args.index("--")]
    if len(args) == 2 and args[0] == "build":
        build(args[1])
    elif len(args) in (3, 4) and args[0] == "score":
        lede = args[3] if len(args) == 4 else os.path.join(HERE, "..", "target", "release", "lede")
        score(args[1], args[2], lede, extra)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
