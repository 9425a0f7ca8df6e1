#!/usr/bin/env bash
# `mosaic score`: a combination given by hand, scored on the real
# reference data; unknown values reported; bad input refused in one line.
. "$(dirname "$0")/lib.sh"

run 1 "Hebden Bridge farrier woman in her fifties: a risk" \
    "$MOSAIC" score --location Halifax place="Hebden Bridge" occupation=farrier gender=female age=50-59
grep -q "^verdict: HIGH" "$T/out" && ok "verdict HIGH" || not_ok "verdict HIGH"
grep -q "within 25 km of Halifax" "$T/out" && ok "catchment around Halifax" || not_ok "catchment around Halifax"
grep -q "^suggest: " "$T/out" && ok "suggests an edit" || not_ok "suggests an edit"

run 1 "--json" "$MOSAIC" score --json --location Halifax place="Hebden Bridge" occupation=farrier
python3 - "$T/out" <<'PY' && ok "json has the fields" || not_ok "json has the fields"
import json, sys
d = json.load(open(sys.argv[1]))
for k in ("k_public", "p_unique", "k_insider", "verdict", "attributes", "suggestions"):
    assert k in d, k
for a in d["attributes"]:
    assert {"category", "value", "p", "source"} <= set(a), a
assert d["verdict"] == "HIGH" and d["k_public"] < 10
PY

run 0 "a common combination is LOW" "$MOSAIC" score gender=female religion=christian
grep -q "^verdict: LOW" "$T/out" && ok "verdict LOW" || not_ok "verdict LOW"

run 1 "an unknown value is reported" "$MOSAIC" score --caseload 1 place=Atlantis occupation=farrier
grep -q "Atlantis.*unknown" "$T/out" && ok "Atlantis unknown" || not_ok "Atlantis unknown"

run 1 "a name is a direct identifier" "$MOSAIC" score name=Jo
grep -q "direct identifier" "$T/out" && ok "direct" || not_ok "direct"

run 2 "unknown category" "$MOSAIC" score hobby=fishing
one_line_error "unknown category 'HOBBY'" && ok "unknown category named" || not_ok "unknown category named: $(cat "$T/err")"
run 2 "malformed CATEGORY=VALUE" "$MOSAIC" score farrier
one_line_error "'farrier' is not CATEGORY=VALUE" && ok "malformed named" || not_ok "malformed named"
run 2 "empty value" "$MOSAIC" score place=
one_line_error "not CATEGORY=VALUE" && ok "empty value named" || not_ok "empty value named"
run 2 "unknown --location" "$MOSAIC" score --location Atlantis gender=female
one_line_error "Atlantis' is not a place" && ok "unknown location named" || not_ok "unknown location named"
run 2 "bad --radius" "$MOSAIC" score --radius -3 gender=female
one_line_error "radius wants a positive number" && ok "bad radius named" || not_ok "bad radius named"
run 2 "no operands" "$MOSAIC" score
finish
