#!/usr/bin/env bash
# bench/bench_check.sh [--sizes "1000 10000 100000"] [--runs R] -- the
# latency of `mosaic check` (a whole process: start, load the reference
# data, read the stored mentions, extract the draft, link, score) with a
# history of each size already scanned (mosaic-synth, seed 12, one
# therapist).  R drafts (default 60), half harmless, half client posts.
# Beside it, the floor: the same process running `mosaic --version`.
# Target: p99 under 20 ms at 100,000 posts.
# Writes bench/results/check.{md,json}.  MOSAIC names the program.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
MOSAIC=${MOSAIC:-$top/build/mosaic}
SYNTH=$(dirname "$MOSAIC")/mosaic-synth
sizes=${BENCH_CHECK_SIZES:-"1000 10000 100000"}
runs=60
while [ $# -gt 0 ]; do
    case $1 in
    --sizes) sizes=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    *) echo "usage: $0 [--sizes \"N ...\"] [--runs R]" >&2; exit 2 ;;
    esac
done
work=$top/bench/work
mkdir -p "$work" "$top/bench/results"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for n in $sizes; do
    dir=$work/check-$n
    if [ ! -s "$dir/truth.json" ] || [ "$dir/truth.json" -ot "$SYNTH" ]; then
        rm -rf "$dir"
        "$SYNTH" --posts "$n" --therapists 1 --seed 12 --out "$dir" >/dev/null || exit 1
    fi
    rm -f "$tmp/h-$n.db"*
    # shellcheck disable=SC2046
    MOSAIC_DB=$tmp/h-$n.db "$MOSAIC" scan --format json -o /dev/null $(ls "$dir"/t0001/*) 2>/dev/null
    [ $? -le 1 ] || exit 1
done
python3 - "$MOSAIC" "$tmp" "$runs" "$top/bench/results" $sizes <<'PY'
import json, os, statistics, subprocess, sys, time
mosaic, tmp, runs, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
sizes = [int(s) for s in sys.argv[5:]]
drafts = [
    "Lovely walk by the river before clinic this morning.",
    "A client of mine, a nurse in her forties from the village, is struggling since her divorce.",
    "Reading a brilliant book on attachment. Highly recommend!",
    "My 4pm today, a retired teacher, finally talked about her husband dying.",
]
def timed(args, stdin=b"", env=None):
    t = time.perf_counter()
    subprocess.run(args, input=stdin, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, env=env)
    return (time.perf_counter() - t) * 1000
def pct(v, q):
    v = sorted(v)
    return v[min(len(v) - 1, int(q * len(v)))]
floor = [timed([mosaic, "--version"]) for _ in range(runs)]
rows, res = [], []
for n in sizes:
    env = dict(os.environ, MOSAIC_DB=os.path.join(tmp, "h-%d.db" % n))
    ms = [timed([mosaic, "check", "-q"], drafts[i % len(drafts)].encode(), env)
          for i in range(runs)]
    r = {"history_posts": n, "p50_ms": round(pct(ms, 0.5), 2),
         "p99_ms": round(pct(ms, 0.99), 2), "runs": runs}
    res.append(r)
    rows.append("| %d | %.1f | %.1f | %.1f |" % (n, r["p50_ms"], r["p99_ms"],
                                                 pct(floor, 0.5)))
md = ["### mosaic check latency (whole process, %d drafts per size)" % runs, "",
      "| history posts | p50 ms | p99 ms | floor: `mosaic --version` p50 ms |",
      "|---|---|---|---|"] + rows
open(os.path.join(out, "check.md"), "w").write("\n".join(md) + "\n")
json.dump({"check": res, "floor_p50_ms": round(pct(floor, 0.5), 2)},
          open(os.path.join(out, "check.json"), "w"), indent=2)
PY
