#!/usr/bin/env bash
# bench/bench_import.sh [--posts N] [--runs R] -- how fast `mosaic import`
# reads a large X archive, and how much memory it takes.
#
# Builds a synthetic archive of N tweets (default 1,000,000; env
# BENCH_IMPORT_POSTS) with bench/make_x_archive.py, cached in bench/work/,
# then R times (default 3) imports it into a fresh store and reports the
# median wall time, posts/s and peak RSS, next to the floor: the time to
# only decompress the tweets files (bsdtar -xO > /dev/null).
# Targets: >= 200,000 posts/s on one core, < 150 MB peak RSS at 1M posts.
# Writes bench/results/import.{md,json}.  MOSAIC names the program.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
MOSAIC=${MOSAIC:-$top/build/mosaic}
posts=${BENCH_IMPORT_POSTS:-1000000}
runs=3
while [ $# -gt 0 ]; do
    case $1 in
    --posts) posts=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    *) echo "usage: $0 [--posts N] [--runs R]" >&2; exit 2 ;;
    esac
done

work=$top/bench/work
mkdir -p "$work" "$top/bench/results"
archive=$work/x-$posts.zip
if [ ! -s "$archive" ] || [ "$archive" -ot "$top/bench/make_x_archive.py" ]; then
    echo "building $archive ($posts tweets)..." >&2
    python3 "$top/bench/make_x_archive.py" "$archive.tmp" "$posts" &&
        mv "$archive.tmp" "$archive" || exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# /usr/bin/time: elapsed seconds and peak RSS in KiB, one run per line.
for i in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o "$tmp/floor.$i" \
        bsdtar -xOf "$archive" 'data/tweets*.js' >/dev/null || exit 1
    rm -f "$tmp/store.db"*
    MOSAIC_DB=$tmp/store.db /usr/bin/time -f "%e %M %U %S" -o "$tmp/import.$i" \
        "$MOSAIC" import "$archive" >"$tmp/out.$i" 2>&1 ||
        { cat "$tmp/out.$i" >&2; exit 1; }
done
read_posts=$(sed -n 's/.*: x: \([0-9]*\) posts read.*/\1/p' "$tmp/out.1")
floor=$(cat "$tmp"/floor.* | awk '{ print $1 }' | median)
secs=$(cat "$tmp"/import.* | awk '{ print $1 }' | median)
rss_kib=$(cat "$tmp"/import.* | awk '{ print $2 }' | median)
cpu=$(cat "$tmp"/import.* | awk '{ print $3 + $4 }' | median)
cpu_rate=$(awk -v n="$read_posts" -v s="$cpu" 'BEGIN { printf "%d", (s > 0) ? n / s : 0 }')
rate=$(awk -v n="$read_posts" -v s="$secs" 'BEGIN { printf "%d", (s > 0) ? n / s : 0 }')
floor_rate=$(awk -v n="$read_posts" -v s="$floor" 'BEGIN { printf "%d", (s > 0) ? n / s : 0 }')
rss_mb=$(awk -v k="$rss_kib" 'BEGIN { printf "%.1f", k / 1024 }')
bytes=$(stat -c %s "$archive")

cat >"$top/bench/results/import.md" <<EOF
### mosaic import: X archive, $posts tweets ($((bytes / 1048576)) MiB zip), median of $runs

| what | seconds | posts/s | peak RSS |
|---|---|---|---|
| floor: decompress tweets files only | $floor | $floor_rate | |
| \`mosaic import\` into a fresh store | $secs | $rate | $rss_mb MB |
| the same, CPU time (user + system) | $cpu | $cpu_rate | |

Posts stored: $read_posts. Targets: >= 200000 posts/s, < 150 MB peak RSS.
Wall time includes waiting for the CPU and disk when the machine is shared;
CPU time is what one core spends.
EOF
cat >"$top/bench/results/import.json" <<EOF
{"bench": "import", "tweets": $posts, "posts": $read_posts, "runs": $runs,
 "floor_seconds": $floor, "import_seconds": $secs,
 "posts_per_second": $rate, "cpu_seconds": $cpu,
 "posts_per_cpu_second": $cpu_rate, "peak_rss_mb": $rss_mb}
EOF
