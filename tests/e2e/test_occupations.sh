#!/usr/bin/env bash
# Every job title the extractor knows (corpus/lexicon/occupations.txt,
# surface forms and canonical values) has a price in the reference data:
# none is "unknown: left out" (that would over-state k: the unsafe side).
. "$(dirname "$0")/lib.sh"

lexicon=$TOP/corpus/refdata/../lexicon/occupations.txt
grep -v '^#' "$lexicon" | tr '\t' '\n' | sed 's/^ *//; s/ *$//' | grep . | sort -u >"$T/titles"
# one python for all titles: its start-up would dominate
read -r total unpriced < <(python3 - "$MOSAIC" "$T/titles" <<'PY'
import json, subprocess, sys
titles = [t for t in open(sys.argv[2]).read().split("\n") if t]
bad = 0
# thirty titles per process (a combination may hold 32): each is priced
# on its own, whatever the others
for i in range(0, len(titles), 30):
    batch = titles[i:i + 30]
    out = subprocess.run([sys.argv[1], "score", "--json"] +
                         ["occupation=" + t for t in batch],
                         capture_output=True, text=True,
                         stdin=subprocess.DEVNULL).stdout
    try:
        attrs = json.loads(out)["attributes"]
    except Exception:
        attrs = []
    for j, t in enumerate(batch):
        a = attrs[j] if j < len(attrs) else None
        if not (a and a["known"] and a["p"] > 0 and a["source"]):
            bad += 1
            print("# unpriced: " + t, file=sys.stderr)
print(len(titles), bad)
PY
)
[ "$total" -gt 600 ] && ok "read $total titles" || not_ok "read $total titles (want > 600)"
[ "$unpriced" -eq 0 ] && ok "every title prices" || not_ok "$unpriced of $total titles do not price"

run 1 "a headteacher in Corbridge counts towards k" \
    "$MOSAIC" score --json --location Hexham occupation=headteacher place=Corbridge gender=female
python3 - "$T/out" <<'PY' && ok "headteacher priced from a count" || not_ok "headteacher priced from a count"
import json, sys
d = json.load(open(sys.argv[1]))
occ = [a for a in d["attributes"] if a["category"] == "OCCUPATION"][0]
assert occ["known"] and 0 < occ["p"] < 0.01 and "2321" in occ["source"], occ
PY
run 1 "a unit-group default says so" "$MOSAIC" score occupation="school cook"
grep -q "5435 Cooks; default: major group / unit groups" "$T/out" && ok "default named" || not_ok "default named"

if command -v node >/dev/null; then
    check "occupations.tsv is what the tools build" node "$TOP/corpus/refdata/tools/occupations_from_soc.js" --check
else
    ok "# SKIP node not installed"
fi
finish
