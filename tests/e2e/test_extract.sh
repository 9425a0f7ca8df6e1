#!/usr/bin/env bash
# test_extract.sh -- `mosaic extract`: readable and JSON Lines output,
# code-point offsets, bad JSONL lines (FILE:LINE, exit 2, --skip-bad).
. "$(dirname "$0")/lib.sh"

data=$T/data
mkdir -p "$data/refdata"
ln -s "$TOP/corpus/lexicon" "$data/lexicon"
cp "$FIX/gazetteer/places.tsv" "$data/refdata/places.tsv"

printf 'Saw a client today from Hebden Bridge, a farrier.\n' >"$T/post.txt"
run 0 "extract reads text from a file" "$MOSAIC" extract --data "$data" \
    --date 2024-03-14 --file "$T/post.txt"
check "readable output names the place" grep -q 'PLACE .*"Hebden Bridge"' "$T/out"
check "readable output says there is a client cue" grep -q '^client cue: yes' "$T/out"

cat >"$T/in.jsonl" <<'J'
{"id": "a", "text": "My 4pm, a 15-year-old from Leeds \ud83d\ude00", "created_at": "2024-03-14T10:00:00Z"}
{"id": 7, "text": "\ud83d\ude00 in Leeds"}

{"id": "c", "text": "Imagine a client who is a nurse"}
J
run_in 0 "extract --jsonl" "$T/in.jsonl" "$MOSAIC" extract --data "$data" --jsonl
check "one output line per input post" test "$(wc -l <"$T/out")" -eq 3
check "output lines are JSON with the fields" python3 -c '
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert rows[0]["id"] == "a" and rows[0]["client_cue"] is True
assert rows[1]["id"] == 7
assert rows[2]["client_cue"] is False
for r in rows:
    for s in r["spans"]:
        assert set(s) == {"start", "end", "category", "text", "value", "about"}
' "$T/out"
check "offsets are code points, end exclusive" python3 -c '
import json, sys
r = [json.loads(l) for l in open(sys.argv[1])][1]
s = [s for s in r["spans"] if s["category"] == "PLACE"][0]
assert (s["start"], s["end"]) == (5, 10), s
' "$T/out"

printf '{"id": "a", "text": "fine"}\nnot json\n{"id": "b"}\n{"id": "c", "text": "in Leeds"}\n' >"$T/bad.jsonl"
run 2 "a bad JSONL line stops with exit 2" "$MOSAIC" extract --data "$data" --jsonl "$T/bad.jsonl"
check "the error names FILE:LINE" one_line_error "bad.jsonl:2: not JSON"
run 0 "--skip-bad passes over bad lines" "$MOSAIC" extract --data "$data" --jsonl --skip-bad "$T/bad.jsonl"
check "the good lines are extracted" test "$(wc -l <"$T/out")" -eq 2
check "the skipped lines are counted" grep -q '2 bad lines skipped' "$T/err"

printf 'in Leeds \377\000 from Halifax' >"$T/bin.txt"
run 0 "invalid UTF-8 and NUL bytes are read" "$MOSAIC" extract --data "$data" "$T/bin.txt"
check "and the places either side found" grep -q Halifax "$T/out"

# Peak memory does not grow with the length of a --jsonl stream: three
# times the posts (each with new words: the word memo fills and is
# cleared) in about the same memory.  Not under ASan or valgrind, whose
# own bookkeeping grows with what is freed.
if grep -q __asan_init "$MOSAIC" 2>/dev/null || [ "${MOSAIC##*/}" != mosaic ]; then
    ok "peak memory of a long stream # SKIP sanitizer or valgrind build"
else
    small=$(python3 "$TOP/tests/e2e/stream_rss.py" 100000 "$MOSAIC" extract --data "$data" --jsonl)
    large=$(python3 "$TOP/tests/e2e/stream_rss.py" 300000 "$MOSAIC" extract --data "$data" --jsonl)
    check "peak memory of a stream 3x as long: ${small:-?} -> ${large:-?} KiB" \
        test "${large:-1}" -le $(( ${small:-0} * 11 / 10 + 2048 ))
fi

run 2 "a missing data folder is a usage error" "$MOSAIC" extract --data "$T/none" "$T/post.txt"
check "the error names the folder" one_line_error "none"
run 2 "a missing file is an error" "$MOSAIC" extract --data "$data" "$T/nope.txt"
finish
