#!/usr/bin/env bash
# Every sample archive imports exactly as its .expected.json says, twice
# without duplicates, by default and with --drafts.
. "$(dirname "$0")/lib.sh"

# FIXTURE=twitter limits the run to the archives whose name starts so.
for exp in "$FIX"/archives/${FIXTURE:-}*.expected.json; do
    name=$(basename "$exp" .expected.json)
    archive=$FIX/archives/$name
    [ -f "$archive" ] || archive=$(ls "$FIX"/archives/"$name".* | grep -v expected | head -1)
    for mode in default drafts; do
        export MOSAIC_DB=$T/$name.$mode.db
        flag=; [ $mode = drafts ] && flag=--drafts
        run 0 "$name: imports ($mode)" "$MOSAIC" import $flag "$archive"
        run 0 "$name: imports again ($mode)" "$MOSAIC" import $flag "$archive"
        grep -q ", 0 new, 0 changed" "$T/out" && ok "$name: re-import adds nothing ($mode)" \
            || not_ok "$name: re-import adds nothing ($mode): $(cat "$T/out")"
        "$MOSAIC" posts --jsonl >"$T/posts.jsonl" 2>"$T/err"
        "$MOSAIC" profile --json >"$T/profile.json" 2>>"$T/err"
        if python3 "$TOP/tests/e2e/fixture_compare.py" "$exp" "$T/posts.jsonl" \
            "$T/profile.json" $flag >"$T/diff" 2>&1; then
            ok "$name: matches .expected.json ($mode)"
        else
            not_ok "$name: matches .expected.json ($mode)"
            sed 's/^/#   /' "$T/diff" | head -20
        fi
    done
done
finish
