#!/usr/bin/env bash
# mosaic check: a draft judged with the history, through a pipe; verdicts
# and exit statuses; every bad draft refused on one line.
. "$(dirname "$0")/lib.sh"

draft() { printf '%s' "$1" >"$T/draft"; }

# No history yet: the draft alone, and it says so.
draft "A lovely walk along the river this morning."
run_in 0 "harmless draft, no history: OK" "$T/draft" "$MOSAIC" check
grep -q "^OK" "$T/out" && grep -q "history is empty" "$T/out" && ok "says OK and that the history is empty" \
    || not_ok "says OK and that the history is empty"

"$MOSAIC" import -q "$FIX/archives/twitter-sample.zip"
run_in 0 "harmless draft with the history: OK" "$T/draft" "$MOSAIC" check

# Completes the midwife's mosaic (the 2023-10-09 thread).
draft "A client of mine, a midwife in her forties, is still struggling since her divorce."
run_in 1 "draft completing a planted mosaic: exit 1" "$T/draft" "$MOSAIC" check
grep -q "^STOP" "$T/out" && ok "verdict STOP" || not_ok "verdict STOP"
grep -q "2023-10-09" "$T/out" && ok "names the earlier post it combines with" || not_ok "names the earlier post it combines with"
run_in 1 "--json" "$T/draft" "$MOSAIC" check --json
python3 - "$T/out" <<'PY' && ok "json: STOP with the earlier post" || not_ok "json: STOP with the earlier post"
import json, sys
r = json.load(open(sys.argv[1]))
assert r["verdict"] == "STOP"
ids = {p["id"] for f in r["findings"] for p in f["posts"]}
assert "draft" in ids and "1711498520294395904" in ids, ids
PY
run_in 1 "--quiet prints nothing" "$T/draft" "$MOSAIC" check --quiet
[ -s "$T/out" ] && not_ok "--quiet output empty" || ok "--quiet output empty"
run_in 0 "--fail-on high with --k-min 1: passes" "$T/draft" "$MOSAIC" check --fail-on high --k-min 1 --caseload 1000
run 1 "--file" "$MOSAIC" check --file "$T/draft"

# A store from schema 4 (clusters without their values): migrated, its
# clusters forgotten until the next scan, and the mosaic still found.
cp "$MOSAIC_DB" "$T/v4.db"
sqlite3 "$T/v4.db" "DROP TABLE cluster_values; ALTER TABLE analysis_state DROP COLUMN posts; DELETE FROM schema_version WHERE version = 5; UPDATE analysed SET cluster = post_id WHERE client_cue"
run_in 1 "schema 4 store: the mosaic still stops" "$T/draft" "$MOSAIC" check --db "$T/v4.db"
grep -q "2023-10-09" "$T/out" && ok "schema 4 store: names the earlier post" || not_ok "schema 4 store: names the earlier post"
[ "$(sqlite3 "$T/v4.db" "SELECT max(version) FROM schema_version; SELECT count(*) FROM analysed WHERE cluster IS NOT NULL")" = "5
0" ] && ok "schema 4 store migrated, old clusters forgotten" || not_ok "schema 4 store migrated, old clusters forgotten"

# The therapist's own profession is not taken as the client's.
draft "As a counsellor and therapist, I was moved when a client of mine, a farrier from Bellingham in his fifties, said thank you."
run_in 1 "own profession beside a client's" "$T/draft" "$MOSAIC" check --json
python3 - "$T/out" <<'PY' && ok "only the client's occupation counts" || not_ok "only the client's occupation counts"
import json, sys
r = json.load(open(sys.argv[1]))
occ = {a["value"] for f in r["findings"] for a in f["attributes"] if a["category"] == "OCCUPATION"}
assert occ == {"farrier"}, occ
PY

# The summary says a slot and a date as a reader does.
draft "My 4pm is a retired midwife from Hexham who lost her husband on 3 March 2024."
run_in 1 "a slot and a date: STOP" "$T/draft" "$MOSAIC" check
grep -q "the 16:00 session" "$T/out" && grep -q "3 March 2024" "$T/out" &&
    ! grep -q "2024-03-03/" "$T/out" && ok "summary: 'the 16:00 session', '3 March 2024'" ||
    not_ok "summary: 'the 16:00 session', '3 March 2024'"

# A pseudonym is a client cue; a name said twice is to be removed once.
draft "Let's call him Dave. Dave is a plumber in Todmorden with a gambling problem."
run_in 1 "a pseudonym: STOP" "$T/draft" "$MOSAIC" check
[ "$(grep -o 'remove "Dave"' "$T/out" | wc -l)" = 1 ] && ok "remove \"Dave\" said once" ||
    not_ok "remove \"Dave\" said once"

# A named school holds one school's pupils, not 1% of the catchment
# (with no practice setting, the UK: k was 27 and the verdict CAUTION).
draft "My client is a Year 11 girl at Calder High whose dad died in March."
run_in 1 "a pupil of a named school: STOP" "$T/draft" "$MOSAIC" check
grep -q "^STOP" "$T/out" && ok "a named school: verdict STOP" || not_ok "a named school: verdict STOP"

# A date narrows a yearly event only: "abuse" is a share of people, so
# the session's "today" is left out (with it k was 2,000 times smaller).
draft "A client said the word abuse out loud today. She is in her fifties."
run_in 1 "abuse and today: CAUTION" "$T/draft" "$MOSAIC" check --json
python3 - "$T/out" <<'PY' && ok "a date does not narrow abuse" || not_ok "a date does not narrow abuse"
import json, sys
f = json.load(open(sys.argv[1]))["findings"][0]
assert f["k_public"] > 1000 and f["summary"] == "abuse, female, 50-59", f
PY

# A pipe, as a posting script uses it.
if printf 'Tough week. Self-care tonight.' | "$MOSAIC" check -q; then ok "pipe: harmless draft passes"; else not_ok "pipe: harmless draft passes"; fi
if printf 'My client, a farrier from Bellingham in his early fifties, called me Sarah.' | "$MOSAIC" check -q; then not_ok "pipe: risky draft stops"; else ok "pipe: risky draft stops"; fi

# --record adds a passing draft to the history, once.
before=$(sqlite3 "$MOSAIC_DB" "SELECT count(*) FROM posts")
draft "Spring is here and the garden is full of daffodils."
run_in 0 "--record a passing draft" "$T/draft" "$MOSAIC" check --record
run_in 0 "--record it again" "$T/draft" "$MOSAIC" check --record --at "$(sqlite3 "$MOSAIC_DB" "SELECT created_at FROM posts WHERE platform='recorded'")"
after=$(sqlite3 "$MOSAIC_DB" "SELECT count(*) FROM posts")
[ $((before + 1)) = "$after" ] && ok "recorded once" || not_ok "recorded once ($before -> $after)"

# The history's size: kept with the analysis, and counted again where a
# store from before schema 5 did not keep it.
history_posts() { "$MOSAIC" check --json <"$T/draft" | python3 -c 'import json,sys; print(json.load(sys.stdin)["history_posts"])'; }
stored=$(sqlite3 "$MOSAIC_DB" "SELECT count(*) FROM posts")
[ "$(history_posts)" = "$stored" ] && ok "history_posts: $stored" || not_ok "history_posts: $(history_posts) vs $stored"
sqlite3 "$MOSAIC_DB" "UPDATE analysis_state SET posts = NULL"
[ "$(history_posts)" = "$stored" ] && ok "history_posts without the kept count" || not_ok "history_posts without the kept count: $(history_posts) vs $stored"
"$MOSAIC" import -q "$FIX/archives/mastodon-sample.zip"
stored=$(sqlite3 "$MOSAIC_DB" "SELECT count(*) FROM posts")
[ "$(history_posts)" = "$stored" ] && ok "history_posts after another import: $stored" || not_ok "history_posts after another import: $(history_posts) vs $stored"

# Bad drafts: a clear line, exit 2 (empty: said, exit 0).
printf '  \n\n' >"$T/empty"
run_in 0 "empty draft: exit 0" "$T/empty" "$MOSAIC" check
grep -q "empty" "$T/out" && ok "empty draft: says so" || not_ok "empty draft: says so"
printf 'abc\0def' >"$T/bin"
run_in 2 "binary draft" "$T/bin" "$MOSAIC" check
one_line_error "NUL" && ok "binary draft: one line" || not_ok "binary draft: one line"
printf 'caf\xe9 au lait' >"$T/latin1"
run_in 2 "invalid UTF-8" "$T/latin1" "$MOSAIC" check
one_line_error "UTF-8" && ok "invalid UTF-8: one line" || not_ok "invalid UTF-8: one line"
head -c 10485760 /dev/zero | tr '\0' 'a' >"$T/big"
run_in 2 "10 MB draft" "$T/big" "$MOSAIC" check
one_line_error "larger than" && ok "10 MB draft: one line" || not_ok "10 MB draft: one line"
run 2 "missing --file" "$MOSAIC" check --file "$T/nope.txt"
one_line_error "nope.txt" && ok "missing file named" || not_ok "missing file named"
cp "$MOSAIC_DB" "$T/newer.db"
sqlite3 "$T/newer.db" "INSERT INTO schema_version VALUES (999, 'x')"
draft "hello"
run_in 2 "store from a newer mosaic" "$T/draft" "$MOSAIC" check --db "$T/newer.db"
one_line_error "newer" && ok "newer store: one line" || not_ok "newer store: one line"

# A check while a scan writes: never a busy error.
for i in $(seq 1 3000); do
    printf '{"id":"c%d","created_at":"2024-02-01T10:%02d:00Z","text":"A client told me about her week in Hexham, number %d."}\n' "$i" $((i % 60)) "$i"
done >"$T/many.jsonl"
"$MOSAIC" scan --format json "$T/many.jsonl" >/dev/null 2>"$T/scan.err" &
scan=$!
bad=0
for i in 1 2 3 4 5 6 7 8; do
    printf 'A quiet day of admin.' | "$MOSAIC" check -q 2>>"$T/err"
    [ $? = 2 ] && bad=$((bad + 1))
done
wait $scan
[ $bad = 0 ] && ok "check during a scan: no error" || not_ok "check during a scan: $bad errors"

# Opening a current store takes no write lock: a check of an analysed
# history does not wait while another process holds one.
printf 'A quiet day of admin.' | "$MOSAIC" check -q
python3 - "$MOSAIC_DB" "$MOSAIC" <<'PY' && ok "check while another writer holds the lock: no wait" || not_ok "check while another writer holds the lock: no wait"
import sqlite3, subprocess, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")
t = time.monotonic()
r = subprocess.run([sys.argv[2], "check", "-q"], input=b"A quiet day of admin.",
                   timeout=60)
took = time.monotonic() - t
db.execute("ROLLBACK")
assert r.returncode == 0 and took < 5, (r.returncode, took)
PY
finish
