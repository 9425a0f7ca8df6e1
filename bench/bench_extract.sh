#!/usr/bin/env bash
# bench_extract.sh -- extraction speed: MB/s and posts/s over tweet-sized
# synthetic posts on one core, beside one PCRE2 JIT pass over the same
# text.  Target: >= 50 MB/s.  POSTS (default 200000) sets the size,
# RUNS (default 5) the runs of each; EVAL_DIR adds real tweets.
# Writes bench/results/extract.{md,json}.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$top/build}
posts=${POSTS:-200000}
out=$top/bench/results
mkdir -p "$out"
[ -d "$build/share/mosaic" ] || make -C "$top" -s all
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
speed=$build/bench/extract_speed # linked as the product is
make -C "$top" -s B="${build#"$top"/}" "${speed#"$top"/}"
synth=$top/bench/work/extract-synth
if [ ! -s "$synth/posts.bin" ]; then # a therapist's X history, text only
    rm -rf "$synth" && mkdir -p "$synth"
    "$build/mosaic-synth" --posts 60000 --seed 5 --therapists 1 \
        --formats x --out "$synth/corpus" >/dev/null
    python3 - "$synth" <<'PY'
import glob, json, sys, zipfile
z = zipfile.ZipFile(glob.glob(sys.argv[1] + "/corpus/t*/*.zip")[0])
js = z.read("data/tweets.js").decode()
with open(sys.argv[1] + "/posts.bin", "wb") as f:
    for t in json.loads(js[js.index("["):]):
        f.write(t["tweet"]["full_text"].encode() + b"\0")
PY
fi
# Real tweets when the annotated eval sets are present (BTC, WNUT-17):
# their texts, NUL-separated, taken in turn like the therapist history.
eval_dir=${EVAL_DIR:-}
for d in "$top/../shared/eval" "$top/../../shared/eval"; do
    [ -z "$eval_dir" ] && [ -d "$d" ] && eval_dir=$d
done
tweets=$bin/tweets.bin
if [ -n "$eval_dir" ] && [ -d "$eval_dir" ]; then
    find "$eval_dir" -name '*.jsonl' \( -iname 'btc*' -o -iname 'wnut*' \
        -o -iname '*broad*' \) | sort | python3 -c '
import json, sys
with open(sys.argv[1], "wb") as f:
    for path in sys.stdin.read().split():
        for line in open(path, encoding="utf-8"):
            try:
                t = json.loads(line).get("text", "")
            except ValueError:
                continue
            if t:
                f.write(t.encode().replace(b"\0", b" ") + b"\0")' "$tweets"
fi
# RUNS runs of each corpus, alternated (the machine is shared: the
# median of one session's runs, with the spread).
runs=${RUNS:-5}
data=${MOSAIC_DATA:-$build/share/mosaic}
: >"$bin/runs"
for _ in $(seq "$runs"); do
    echo "pieces $("$speed" "$data" "$posts")" >>"$bin/runs"
    echo "therapist $("$speed" "$data" "$posts" "$synth/posts.bin")" >>"$bin/runs"
    if [ -s "$tweets" ]; then
        echo "tweets $("$speed" "$data" "$posts" "$tweets")" >>"$bin/runs"
    fi
done
python3 - "$bin/runs" "$out/extract.json" >"$out/extract.md" <<'PY'
import json, statistics, sys
runs = {}
for line in open(sys.argv[1]):
    name, js = line.split(" ", 1)
    runs.setdefault(name, []).append(json.loads(js))
summary = {}
for name, rs in runs.items():
    med = lambda k: statistics.median(r[k] for r in rs)
    summary[name] = dict(rs[0], runs=len(rs),
                         extract_mb_s=med("extract_mb_s"),
                         extract_posts_s=med("extract_posts_s"),
                         pcre2_floor_mb_s=med("pcre2_floor_mb_s"),
                         extract_mb_s_min=min(r["extract_mb_s"] for r in rs),
                         extract_mb_s_max=max(r["extract_mb_s"] for r in rs))
json.dump(summary, open(sys.argv[2], "w"), indent=1)
print("| corpus | posts | bytes/post | spans/post | extract MB/s, median (min-max) | posts/s | PCRE2 JIT floor MB/s |")
print("|---|---|---|---|---|---|---|")
for name, what in (("pieces", "quasi-identifier pieces"),
                   ("therapist", "mosaic-synth history"),
                   ("tweets", "annotated tweets (eval sets)")):
    if name not in summary:
        continue
    c = summary[name]
    print(f"| {what} | {c['posts']} | {c['bytes_per_post']:.0f} | "
          f"{c['spans_per_post']:.2f} | {c['extract_mb_s']:.1f} "
          f"({c['extract_mb_s_min']:.1f}-{c['extract_mb_s_max']:.1f}) | "
          f"{c['extract_posts_s']:.0f} | {c['pcre2_floor_mb_s']:.1f} |")
print(f"\nmedian of {c['runs']} runs each, alternated; CPU time of one core")
PY
cat "$out/extract.md"
