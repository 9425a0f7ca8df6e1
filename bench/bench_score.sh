#!/usr/bin/env bash
# bench_score.sh -- microseconds per scored combination (mosaic_assess on
# the real reference data: a HIGH one with its suggestion search, and a
# LOW one) and the reference-table load time.  ROUNDS (default 100000).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$top/build}
rounds=${ROUNDS:-100000}
bin=$build/bench/bench_score_driver
mkdir -p "$top/bench/results"
make -C "$top" -s B="${build#"$top"/}" "${bin#"$top"/}" # linked as the product is
# the driver runs from the build folder so the data beside it is found
json=$(MOSAIC_DATA=$build/share/mosaic "$bin" "$rounds")
echo "$json" >"$top/bench/results/score.json"
python3 - "$json" >"$top/bench/results/score.md" <<'PY'
import json, sys
d = json.loads(sys.argv[1])
print("| measure | value |\n|---|---|")
print(f"| load reference tables | {d['load_ms']:.1f} ms |")
print(f"| score a HIGH combination (4 attributes, with suggestions) | {d['risky_us']:.2f} µs |")
print(f"| score a LOW combination (2 attributes) | {d['low_us']:.2f} µs |")
print(f"| rounds | {d['rounds']} |")
PY
