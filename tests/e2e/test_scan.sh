#!/usr/bin/env bash
# mosaic scan: the planted mosaics of the sample archives are found, the
# harmless posts are not, every report format works, re-scanning changes
# nothing, bad input fails on one line.
. "$(dirname "$0")/lib.sh"
X=$FIX/archives/twitter-sample.zip

run 1 "scan of the X sample finds risks (exit 1)" "$MOSAIC" scan "$X"
head -1 "$T/out" | grep -q "^CONFIDENTIAL" && ok "report starts with CONFIDENTIAL" || not_ok "report starts with CONFIDENTIAL"
grep -q "HIGH" "$T/out" && ok "a HIGH finding" || not_ok "a HIGH finding"
grep -q "\[paramedic\]" "$T/out" && ok "the leaking words are marked" || not_ok "the leaking words are marked"
grep -q "within 25 km of Hexham" "$T/out" && ok "catchment from the profile location" || not_ok "catchment from the profile location"
grep -q "What to change" "$T/out" && ok "suggestions given" || not_ok "suggestions given"
grep -q $'\033\[' "$T/out" && not_ok "no colour when not a terminal" || ok "no colour when not a terminal"

run 1 "json report" "$MOSAIC" scan --format json
cp "$T/out" "$T/report.json"
if python3 - "$T/report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
fs = r["findings"]
assert fs, "no findings"
ids = set()
for f in fs:
    assert f["verdict"] in ("HIGH", "MEDIUM", "LOW")
    assert isinstance(f["k_public"], (int, float)) and isinstance(f["k_insider"], (int, float))
    for p in f["posts"]:
        assert p["platform"] == "x" and p["id"] and p["created_at"].endswith("Z")
        ids.add(p["id"])
    for a in f["attributes"]:
        assert a["category"] and a["text"] and a["post"] in [p["id"] for p in f["posts"]]
        assert 0 <= a["start"] < a["end"]
    assert isinstance(f["suggestions"], list)
# planted: the paramedic near Haydon Bridge, the retired headteacher, the
# midwife's thread
for want in ("1819449520157691904", "1602294698603515904", "1711498520294395904"):
    assert want in ids, "planted post %s not found" % want
# harmless: a walk by the Tyne, a self-care reminder, a training day
for safe in ("1565278309053435904", "1836309724656635904", "1801665918661627904"):
    assert safe not in ids, "harmless post %s flagged" % safe
PY
then ok "json: schema, planted mosaics found, harmless posts not"; else not_ok "json: schema, planted mosaics found, harmless posts not"; fi
python3 - "$T/report.json" <<'PY' && ok "json offsets are code points" || not_ok "json offsets are code points"
import json, sys
r = json.load(open(sys.argv[1]))
for f in r["findings"]:
    texts = {p["id"]: p["text"] for p in f["posts"]}
    for a in f["attributes"]:
        assert texts[a["post"]][a["start"]:a["end"]] == a["text"], a
PY

before=$(sqlite3 "$MOSAIC_DB" "SELECT count(*) FROM posts")
run 1 "re-scan of the same archive" "$MOSAIC" scan --format json "$X"
after=$(sqlite3 "$MOSAIC_DB" "SELECT count(*) FROM posts")
[ "$before" = "$after" ] && ok "re-scan stores no duplicate ($after posts)" || not_ok "re-scan stores no duplicate ($before -> $after)"
python3 -c "import json,sys; a=json.load(open('$T/report.json')); b=json.load(open('$T/out')); sys.exit(len(a['findings'])!=len(b['findings']))" \
    && ok "re-scan: same findings" || not_ok "re-scan: same findings"

# Other reference data (a new lexicon line): every stored post is
# analysed again, and the new finding shows.
data=$(dirname "$MOSAIC")/share/mosaic
if [ -d "$data/lexicon" ]; then
    cp -R "$data" "$T/data"
    printf 'hears the radio call\thears the radio call\n' >>"$T/data/lexicon/distinctive.txt"
    ids_before=$(sqlite3 "$MOSAIC_DB" "SELECT DISTINCT extractor FROM analysed")
    MOSAIC_DATA=$T/data run 1 "re-scan with other reference data" "$MOSAIC" scan --format json
    ids_after=$(sqlite3 "$MOSAIC_DB" "SELECT DISTINCT extractor FROM analysed")
    [ "$ids_before" != "$ids_after" ] && [ "$(echo "$ids_after" | wc -l)" = 1 ] \
        && ok "other data: every post analysed again ($ids_after)" \
        || not_ok "other data: every post analysed again ($ids_before -> $ids_after)"
    grep -q '"hears the radio call"' "$T/out" && ok "other data: the new detail is found" \
        || not_ok "other data: the new detail is found"
fi

run 1 "html report" "$MOSAIC" scan --format html -o "$T/report.html"
[ "$(stat -c %a "$T/report.html")" = 600 ] && ok "report file is 0600" || not_ok "report file is 0600"
grep -q "<mark" "$T/report.html" && grep -q "CONFIDENTIAL" "$T/report.html" && ok "html marks the leaking words" || not_ok "html marks the leaking words"
grep -Eiq "(src|href)=\"?(https?:)?//" "$T/report.html" && not_ok "html has no external assets" || ok "html has no external assets"
(umask 000; "$MOSAIC" scan --format json -o "$T/open.json" >/dev/null 2>&1)
[ "$(stat -c %a "$T/open.json")" = 600 ] && ok "report 0600 whatever the umask" || not_ok "report 0600 whatever the umask"

run 1 "--fail-on high: HIGH findings fail" "$MOSAIC" scan --fail-on high

# The practice setting stored with `profile set` is used, and can be
# overridden per scan.
run 0 "profile set --location --radius" "$MOSAIC" profile set --location "Hebden Bridge" --radius 10
run 1 "scan with the stored setting" "$MOSAIC" scan
grep -q "within 10 km of Hebden Bridge" "$T/out" && ok "stored location and radius used" || not_ok "stored location and radius used"
run 1 "--location overrides it" "$MOSAIC" scan --location Hexham
grep -q "within 10 km of Hexham" "$T/out" && ok "--location wins over the stored one" || not_ok "--location wins over the stored one"
run 0 "profile shows the setting" "$MOSAIC" profile
grep -q "location *Hebden Bridge" "$T/out" && ok "setting listed" || not_ok "setting listed"
run 2 "profile set: unknown place" "$MOSAIC" profile set --location Atlantis
one_line_error "Atlantis" && ok "unknown place named" || not_ok "unknown place named"
run 2 "profile set: bad caseload" "$MOSAIC" profile set --caseload lots
run 2 "profile set: nothing to set" "$MOSAIC" profile set
"$MOSAIC" profile set --location Hexham --radius 25 >/dev/null

# A history with nothing about clients: exit 0.
export MOSAIC_DB=$T/calm.db
printf '%s\n' '{"id":"1","created_at":"2024-01-02T10:00:00Z","text":"Lovely walk by the river this morning."}' \
    '{"id":"2","created_at":"2024-01-03T10:00:00Z","text":"Reading a great book on attachment theory."}' >"$T/calm.jsonl"
run 0 "harmless history: exit 0" "$MOSAIC" scan "$T/calm.jsonl"
grep -q "No combination" "$T/out" && ok "says nothing was found" || not_ok "says nothing was found"
run 0 "empty store, no archive: exit 0" "$MOSAIC" scan --db "$T/empty.db"
grep -q "Scanned 0 posts" "$T/out" && ok "empty store: 0 posts" || not_ok "empty store: 0 posts"

# The README's first command: the demo scans the sample and succeeds.
run 0 "tools/demo: report printed, exit 0" "$TOP/tools/demo" "$MOSAIC"
grep -q "HIGH" "$T/out" && ok "demo shows the findings" || not_ok "demo shows the findings"

# Bad input: one line, exit 2.
run 2 "unknown --format" "$MOSAIC" scan --format pdf
one_line_error "format" && ok "unknown --format named" || not_ok "unknown --format named"
run 2 "missing archive" "$MOSAIC" scan "$T/nope.zip"
one_line_error "nope.zip" && ok "missing archive named" || not_ok "missing archive named"
run 2 "unknown practice location" "$MOSAIC" scan --location Atlantis
one_line_error "Atlantis" && ok "unknown location named" || not_ok "unknown location named"
run 2 "bad --radius" "$MOSAIC" scan --radius -3
run 2 "bad --fail-on" "$MOSAIC" scan --fail-on maybe
run 2 "unwritable -o" "$MOSAIC" scan -o /nonexistent/dir/r.txt
one_line_error "r.txt" && ok "unwritable output named" || not_ok "unwritable output named"
finish
