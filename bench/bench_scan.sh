#!/usr/bin/env bash
# bench/bench_scan.sh [--sizes "10000 100000 1000000"] -- `mosaic scan`
# end to end (import, extract, link, score, JSON report) on one
# therapist's synthetic history of each size (mosaic-synth, seed 11: an X
# zip and a Mastodon tar.gz), into a fresh store; then a re-scan of the
# same archives (only re-analyses).  Beside it, the floor: the time to
# only decompress and read the archives (bsdtar -xO > /dev/null).
# Reports wall seconds, posts/s, peak RSS and, on the synthetic truth,
# client-level precision / recall of HIGH findings, k calibration, and
# (on the first size) span precision / recall per category.
# Target: 100,000 posts in under 3 s; near-linear growth.
# Writes bench/results/scan.{md,json}.  MOSAIC names the program.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
MOSAIC=${MOSAIC:-$top/build/mosaic}
SYNTH=$(dirname "$MOSAIC")/mosaic-synth
sizes=${BENCH_SCAN_SIZES:-"10000 100000 1000000"}
while [ $# -gt 0 ]; do
    case $1 in
    --sizes) sizes=$2; shift 2 ;;
    *) echo "usage: $0 [--sizes \"N ...\"]" >&2; exit 2 ;;
    esac
done
work=$top/bench/work
mkdir -p "$work" "$top/bench/results"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rows= json=
for n in $sizes; do
    dir=$work/scan-$n
    if [ ! -s "$dir/truth.json" ] || [ "$dir/truth.json" -ot "$SYNTH" ]; then
        rm -rf "$dir"
        "$SYNTH" --posts "$n" --therapists 1 --seed 11 --out "$dir" >/dev/null || exit 1
    fi
    archives=$(ls "$dir"/t0001/* | tr "\n" " ")
    /usr/bin/time -f "%e" -o "$tmp/floor" sh -c \
        "for a in $archives; do bsdtar -xOf \"\$a\" >/dev/null; done" || exit 1
    rm -f "$tmp"/store.db*
    mkdir -p "$tmp/rep"
    # shellcheck disable=SC2086
    MOSAIC_DB=$tmp/store.db /usr/bin/time -f "%e %M %U %S" -o "$tmp/scan" \
        "$MOSAIC" scan --format json -o "$tmp/rep/t0001.json" $archives \
        2>"$tmp/err"
    [ $? -le 1 ] || { cat "$tmp/err" >&2; exit 1; }
    # shellcheck disable=SC2086
    MOSAIC_DB=$tmp/store.db /usr/bin/time -f "%e" -o "$tmp/rescan" \
        "$MOSAIC" scan --format json -o "$tmp/rescan.json" $archives 2>/dev/null
    # time(1) puts "Command exited with non-zero status 1" first when the
    # scan found risks: the figures are on the last line
    read -r secs rss user sys < <(tail -1 "$tmp/scan")
    floor=$(tail -1 "$tmp/floor")
    rescan=$(tail -1 "$tmp/rescan")
    q=$(python3 "$top/bench/synth_quality.py" "$dir/truth.json" "$tmp/rep")
    prec=$(echo "$q" | python3 -c 'import json,sys; v=json.load(sys.stdin)["precision"]; print("%.2f" % v if v is not None else "-")')
    rec=$(echo "$q" | python3 -c 'import json,sys; v=json.load(sys.stdin)["recall"]; print("%.2f" % v if v is not None else "-")')
    kmed=$(echo "$q" | python3 -c 'import json,sys; v=json.load(sys.stdin)["k_log10_error_median"]; print("%.2f" % v if v is not None else "-")')
    k90=$(echo "$q" | python3 -c 'import json,sys; v=json.load(sys.stdin)["k_log10_error_p90"]; print("%.2f" % v if v is not None else "-")')
    if [ ! -s "$top/bench/results/spans.md.new" ]; then # span quality, once
        MOSAIC_DB=$tmp/store.db "$MOSAIC" posts --jsonl >"$tmp/posts.jsonl"
        { echo "### Extraction on mosaic-synth client posts ($n-post history): span precision / recall per category"
          echo
          python3 "$top/bench/synth_spans.py" "$MOSAIC" "$dir/truth.json" "$tmp/posts.jsonl" \
              --json "$top/bench/results/spans.json"; } >"$top/bench/results/spans.md.new"
    fi
    rate=$(awk -v n="$n" -v s="$secs" 'BEGIN { printf "%d", (s > 0) ? n / s : 0 }')
    ratio=$(awk -v a="$secs" -v b="$floor" 'BEGIN { printf "%.1f", (b > 0) ? a / b : 0 }')
    rows="$rows| $n | $secs | $rate | $floor | ${ratio}x | $rescan | $((rss / 1024)) | $prec | $rec | $kmed / $k90 |
"
    json="$json{\"posts\": $n, \"seconds\": $secs, \"posts_per_s\": $rate, \"floor_seconds\": $floor, \"rescan_seconds\": $rescan, \"peak_rss_mb\": $((rss / 1024)), \"quality\": $q},"
done
cat >"$top/bench/results/scan.md" <<MD
### mosaic scan end to end (one therapist, mosaic-synth seed 11; X zip + Mastodon tar.gz)

| posts | seconds | posts/s | floor (read archives) s | × floor | re-scan s | peak RSS MB | HIGH precision | HIGH recall | \|log10 k error\| median / p90 |
|---|---|---|---|---|---|---|---|---|---|
$rows
MD
echo "{\"scan\": [${json%,}]}" >"$top/bench/results/scan.json"
mv "$top/bench/results/spans.md.new" "$top/bench/results/spans.md"
cat "$top/bench/results/spans.md" >>"$top/bench/results/scan.md"
