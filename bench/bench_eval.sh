#!/usr/bin/env bash
# bench_eval.sh -- extraction quality on the human-annotated gold sets:
# every *.jsonl under the shared eval folder (EVAL_DIR, default
# ../shared/eval beside the checkout) is run through
# `mosaic extract --jsonl` and scored by shared/tools/span_eval.py
# (scheme by name: tab* -> tab with QUASI,DIRECT identifiers; btc* ->
# btc; wnut* -> wnut; anything else -> mosaic).  Skips cleanly when the
# folder is absent.  Writes bench/results/eval.md.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
mosaic=${MOSAIC:-$top/build/mosaic}
eval_dir=${EVAL_DIR:-}
for d in "$top/../shared/eval" "$top/../../shared/eval"; do
    [ -z "$eval_dir" ] && [ -d "$d" ] && eval_dir=$d
done
scorer=${SPAN_EVAL:-$(dirname "${eval_dir:-$top/../shared/eval}")/tools/span_eval.py}
out=$top/bench/results
mkdir -p "$out"
if [ -z "$eval_dir" ] || [ ! -d "$eval_dir" ]; then
    echo "bench_eval: no eval folder (set EVAL_DIR); skipped" | tee "$out/eval.md"
    exit 0
fi
if [ ! -f "$scorer" ]; then
    echo "bench_eval: $scorer not found; skipped" | tee "$out/eval.md"
    exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
: >"$out/eval.md"
while read -r gold; do
    name=${gold#"$eval_dir"/}
    case $(basename "$gold" | tr 'A-Z' 'a-z') in
    tab*) args="--scheme tab --identifiers QUASI,DIRECT" ;;
    btc*|*broad*) args="--scheme btc" ;;
    wnut*) args="--scheme wnut" ;;
    *) args="--scheme mosaic" ;;
    esac
    pred=$work/pred.jsonl
    if ! "$mosaic" extract --jsonl --skip-bad "$gold" >"$pred" 2>"$work/err"; then
        echo "bench_eval: $name: extract failed: $(head -1 "$work/err")" >&2
        status=1
        continue
    fi
    {
        echo "### $name ($args)"
        echo '```'
        # shellcheck disable=SC2086
        python3 "$scorer" "$gold" "$pred" $args
        echo '```'
    } | tee -a "$out/eval.md"
done < <(find "$eval_dir" -name '*.jsonl' -type f | sort)
exit $status
