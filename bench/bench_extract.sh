#!/usr/bin/env bash
# bench_extract.sh -- extraction speed: MB/s and posts/s over tweet-sized
# synthetic posts on one core, beside one PCRE2 JIT pass over the same
# text.  Target: >= 50 MB/s.  POSTS (default 200000) sets the size.
# Writes bench/results/extract.{md,json}.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$top/build}
posts=${POSTS:-200000}
out=$top/bench/results
mkdir -p "$out"
[ -f "$build/libmosaic.a" ] || make -C "$top" -s "$build/libmosaic.a"
[ -d "$build/share/mosaic" ] || make -C "$top" -s all
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
# shellcheck disable=SC2046
cc -O2 -g -std=c11 -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L \
    -I"$top/include" -o "$bin/extract_speed" "$top/bench/extract_speed.c" \
    "$build/libmosaic.a" $(pkg-config --libs libpcre2-8 libutf8proc) \
    -lstemmer -lm
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
pieces=$("$bin/extract_speed" "${MOSAIC_DATA:-$build/share/mosaic}" "$posts")
therapist=$("$bin/extract_speed" "${MOSAIC_DATA:-$build/share/mosaic}" \
    "$posts" "$synth/posts.bin")
echo "{\"pieces\": $pieces, \"therapist\": $therapist}" >"$out/extract.json"
python3 - "$out/extract.json" >"$out/extract.md" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print("| corpus | posts | bytes/post | spans/post | extract MB/s | posts/s | PCRE2 JIT floor MB/s |")
print("|---|---|---|---|---|---|---|")
for name, what in (("pieces", "quasi-identifier pieces"),
                   ("therapist", "mosaic-synth history")):
    c = r[name]
    print(f"| {what} | {c['posts']} | {c['bytes_per_post']:.0f} | "
          f"{c['spans_per_post']:.2f} | {c['extract_mb_s']:.1f} | "
          f"{c['extract_posts_s']:.0f} | {c['pcre2_floor_mb_s']:.1f} |")
PY
cat "$out/extract.md"
