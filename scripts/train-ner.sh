#!/usr/bin/env bash
# Trains the entity recogniser's model (models/ner.bin) from CoNLL-2003 eng.train and
# unlabelled Reuters-21578 news, deterministically; reports F1 on eng.testa when present.
#
# usage: scripts/train-ner.sh [extra train-ner arguments]
#   SHARED=path/to/shared (default ../shared)
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${SHARED:-../shared}"
DATA="$SHARED/data"
args=(--train "$DATA/conll2003/eng.train" --out models/ner.bin)
if [[ -f "$DATA/conll2003/eng.testa" ]]; then
    args+=(--dev "$DATA/conll2003/eng.testa")
fi
if [[ -f "$DATA/reuters21578/reuters21578.jsonl" ]]; then
    args+=(--reuters "$DATA/reuters21578/reuters21578.jsonl")
fi
cargo build --release --features train --bin train-ner
exec target/release/train-ner "${args[@]}" "$@"
