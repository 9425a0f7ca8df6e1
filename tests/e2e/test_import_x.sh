#!/usr/bin/env bash
# X archives beyond the sample: split parts, the 2019-2021 and classic
# layouts, and broken archives refused with one line naming the member
# and element, nothing stored.
. "$(dirname "$0")/lib.sh"
A=$T/x
mkdir -p "$A"
python3 "$TOP/tests/e2e/make_x_cases.py" "$A" "$TOP" || { not_ok "build X archives"; finish; exit 1; }

posts() { "$MOSAIC" posts --jsonl; }
field() { # field NATIVE_ID NAME: one field of one stored post
    posts | python3 -c "import json,sys
for l in sys.stdin:
    p = json.loads(l)
    if p['native_id'] == sys.argv[1]: print(p.get(sys.argv[2]))" "$1" "$2"
}

export MOSAIC_DB=$T/parts.db
run 0 "tweets.js and its parts import" "$MOSAIC" import "$A/parts.zip"
grep -q "x: 3 posts read" "$T/out" && ok "every part is read" || not_ok "every part is read: $(cat "$T/out")"

export MOSAIC_DB=$T/tweet_js.db
run 0 "2019-2021 tweet.js with bare tweets imports" "$MOSAIC" import "$A/tweet_js.zip"
[ "$(field 500 text)" = "bare & old" ] && ok "bare tweet: entities decoded" || not_ok "bare tweet text: $(field 500 text)"
[ "$(field 500 created_at)" = "2019-03-05T20:33:12Z" ] && ok "bare tweet: date" || not_ok "bare tweet date"

export MOSAIC_DB=$T/classic.db
run 0 "classic tweets.csv archive imports" "$MOSAIC" import "$A/classic.zip"
grep -q "x: 6 posts read.*profile read" "$T/out" && ok "classic: 6 posts and the profile" || not_ok "classic: $(cat "$T/out")"
[ "$(field 512345678901234567 text)" = 'Long day. A client who teaches at the village school & I talked about the "new normal".' ] \
    && ok "classic: entities and doubled quotes" || not_ok "classic text: $(field 512345678901234567 text)"
[ "$(field 502345678901234567 text)" = $'@othertherapist Agreed.\nTwo lines here.' ] \
    && ok "classic: newline inside a field" || not_ok "classic newline"
[ "$(field 502345678901234567 thread_root)" = 501111111111111111 ] && ok "classic: reply to another's post" || not_ok "classic reply root"
[ "$(field 492345678901234567 thread_root)" = 472345678901234567 ] && ok "classic: thread root through own replies" \
    || not_ok "classic thread root: $(field 492345678901234567 thread_root)"
[ "$(field 462345678901234567 kind)/$(field 462345678901234567 own)" = "repost/False" ] && ok "classic: retweet is not own words" \
    || not_ok "classic retweet: $(field 462345678901234567 kind)"
[ "$(field 472345678901234567 created_at)" = "2014-06-01T07:00:00Z" ] && ok "classic: timestamp" || not_ok "classic timestamp"
"$MOSAIC" profile --json | grep -q '"location": "Hebden Bridge"' && ok "classic: profile location" || not_ok "classic profile"

# The sample again with every size, offset and count in zip64 fields
# (what a multi-gigabyte archive has): the same posts.
python3 - "$FIX/archives/twitter-sample.zip" "$A/zip64.zip" <<'PY'
import sys, zipfile
zipfile.ZIP64_LIMIT = 100
zipfile.ZIP_FILECOUNT_LIMIT = 1
src = zipfile.ZipFile(sys.argv[1])
with zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED) as z:
    for i in src.infolist():
        z.writestr(i.filename, src.read(i.filename))
PY
export MOSAIC_DB=$T/plain.db
run 0 "the sample imports" "$MOSAIC" import "$FIX/archives/twitter-sample.zip"
plain=$(store_digest)
export MOSAIC_DB=$T/zip64.db
run 0 "the sample in zip64 form imports" "$MOSAIC" import "$A/zip64.zip"
[ "$(store_digest)" = "$plain" ] && ok "zip64: the same posts" || not_ok "zip64: the same posts"

# Refused, one line naming member and element, nothing stored.
export MOSAIC_DB=$T/history.db
"$MOSAIC" import "$FIX/generic/posts.jsonl" >/dev/null 2>&1
before=$(store_digest)
refused() {
    name=$1 pat=$2
    "$MOSAIC" import "$A/$name" >"$T/out" 2>"$T/err"
    got=$?
    [ "$got" = 2 ] && ok "$name: refused" || not_ok "$name: exit $got, want 2"
    one_line_error "$pat" && ok "$name: $pat" || not_ok "$name: $pat: $(head -c 300 "$T/err")"
    [ "$(store_digest)" = "$before" ] && ok "$name: nothing stored" || not_ok "$name: nothing stored"
}
refused no_part0.zip "data/tweets-part1.js is there but data/tweets.js is missing"
refused number_id.zip 'number_id.zip:data/tweets.js: element 2: "id_str" is not a string'
refused number_text.zip 'number_text.zip:data/tweets.js: element 1: "full_text" is not a string'
refused bad_date.zip "bad_date.zip:data/tweets.js: element 1: tweet 4: created_at 'yesterday' is not a date"
refused not_object.zip "not_object.zip:data/tweets.js: element 2: not a JSON object"
refused cut_element.zip "cut_element.zip:data/tweets.js: ends in the middle of element 2"
refused truncated.zip "truncated.zip: archive is truncated or corrupt"
refused not_ytd.zip "not_ytd.zip: not an export mosaic can read"
finish
