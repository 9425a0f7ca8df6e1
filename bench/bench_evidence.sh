#!/usr/bin/env bash
# bench_evidence.sh -- the false positives that the evidence rule for
# place names that are common words (Reading, Bath, Sale, March, Hope,
# Street, Wells, Bury...: corpus/lexicon/common_words.txt) avoids, and
# the true places it costs: PLACE spans on those words with the rule and
# without it (the same data with the list emptied), each checked against
# gold locations.  Sets: the client posts of a mosaic-synth history
# (seed 11, 10,000 posts; its truth is the gold) and every gold set of
# the shared eval folder when present (EVAL_DIR).
# Writes bench/results/evidence.md.  MOSAIC names the program.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
MOSAIC=${MOSAIC:-$top/build/mosaic}
SYNTH=$(dirname "$MOSAIC")/mosaic-synth
data=${MOSAIC_DATA:-$(dirname "$MOSAIC")/share/mosaic}
out=$top/bench/results
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"

# The data without the rule: the common words are plain place names.
cp -R "$data" "$tmp/no-rule"
rm -f "$tmp/no-rule/reference.img"
grep '^#' "$data/lexicon/common_words.txt" >"$tmp/no-rule/lexicon/common_words.txt"

# The synthetic history's client posts, as imported, with their truth.
dir=$top/bench/work/scan-10000
if [ ! -s "$dir/truth.json" ] || [ "$dir/truth.json" -ot "$SYNTH" ]; then
    rm -rf "$dir"
    "$SYNTH" --posts 10000 --therapists 1 --seed 11 --out "$dir" >/dev/null
fi
MOSAIC_DB=$tmp/store.db "$MOSAIC" import "$dir"/t0001/* >/dev/null
MOSAIC_DB=$tmp/store.db "$MOSAIC" posts --jsonl >"$tmp/posts.jsonl"
python3 - "$dir/truth.json" "$tmp/posts.jsonl" >"$tmp/synth.jsonl" <<'PY'
import json, sys
truth = json.load(open(sys.argv[1], encoding="utf-8"))
def key(platform, native_id):  # as bench/synth_ids.py
    return platform, native_id.rstrip("/").rsplit("/", 1)[-1]
texts = {}
for line in open(sys.argv[2], encoding="utf-8"):
    p = json.loads(line)
    texts[key(p["platform"], p["native_id"])] = p
for th in truth["therapists"]:
    posts = [(p, p["leaks"]) for c in th["clients"] for p in c["posts"]]
    posts += [(p, []) for p in th.get("negatives", [])]
    for p, leaks in posts:
        t = texts.get(key(p["platform"], p["native_id"]))
        if t and t.get("text"):
            print(json.dumps({"id": p["native_id"], "text": t["text"],
                              "created_at": t["created_at"],
                              "spans": [dict(l, type="LOC") for l in leaks
                                        if l["category"] == "PLACE"]}))
PY
sets=("mosaic-synth client posts" "$tmp/synth.jsonl")

eval_dir=${EVAL_DIR:-}
for d in "$top/../shared/eval" "$top/../../shared/eval"; do
    [ -z "$eval_dir" ] && [ -d "$d" ] && eval_dir=$d
done
if [ -n "$eval_dir" ] && [ -d "$eval_dir" ]; then
    while read -r gold; do
        sets+=("${gold#"$eval_dir"/}" "$gold")
    done < <(find "$eval_dir" -name '*.jsonl' -type f | sort)
fi

{
    echo "### The evidence rule for common-word place names"
    echo
    python3 "$top/bench/evidence_fp.py" "$MOSAIC" "$data" "$tmp/no-rule" \
        "$data/lexicon/common_words.txt" "${sets[@]}"
    [ -n "$eval_dir" ] && [ -d "$eval_dir" ] || echo "
(no eval folder: the real sets were not measured; set EVAL_DIR)"
} | tee "$out/evidence.md"
