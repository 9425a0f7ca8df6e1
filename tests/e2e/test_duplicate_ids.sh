#!/usr/bin/env bash
# The same post many times -- repeated inside one export, and the same
# exports imported again and again -- is stored once.
. "$(dirname "$0")/lib.sh"
D=$T/dup
mkdir -p "$D"
count() { "$MOSAIC" posts --jsonl | wc -l; }

python3 - "$D" "$FIX/archives/mastodon-sample.zip" <<'PY'
import json, sys, zipfile
d, sample = sys.argv[1], sys.argv[2]
with open(d + "/same.jsonl", "w") as f:          # one id, 10,000 times
    for i in range(10000):
        f.write(json.dumps({"id": "same", "created_at": "2024-01-01T00:00:00Z",
                            "text": "the same words"}) + "\n")
with open(d + "/changing.jsonl", "w") as f:      # one id, 10,000 versions
    for i in range(10000):
        f.write(json.dumps({"id": "changing", "created_at": "2024-01-01T00:00:00Z",
                            "text": "version %d" % i}) + "\n")
with open(d + "/distinct.jsonl", "w") as f:      # 10,000 ids
    for i in range(10000):
        f.write(json.dumps({"id": "p%d" % i, "created_at": "2024-01-01T00:00:00Z",
                            "text": "post number %d" % i}) + "\n")
with zipfile.ZipFile(sample) as z:               # every toot 1,000 times
    members = {n: z.read(n) for n in z.namelist()}
outbox = json.loads(members["outbox.json"])
outbox["orderedItems"] = outbox["orderedItems"] * 1000
members["outbox.json"] = json.dumps(outbox)
with zipfile.ZipFile(d + "/repeated.zip", "w", zipfile.ZIP_DEFLATED) as z:
    for n, data in members.items():
        z.writestr(n, data)
PY

run 0 "one id 10,000 times imports" timeout 120 "$MOSAIC" import "$D/same.jsonl"
[ "$(count)" = 1 ] && ok "one id 10,000 times: stored once" || not_ok "one id 10,000 times: $(count) stored"
run 0 "one id in 10,000 versions imports" timeout 120 "$MOSAIC" import "$D/changing.jsonl"
[ "$(count)" = 2 ] && ok "10,000 versions: stored once" || not_ok "10,000 versions: $(count) posts stored, want 2"
"$MOSAIC" posts --jsonl | grep -q '"version 9999"' && ok "10,000 versions: the last one kept" || not_ok "10,000 versions: the last one kept"

run 0 "mastodon sample imports" timeout 120 "$MOSAIC" import "$FIX/archives/mastodon-sample.zip"
once=$(count)
run 0 "every toot 1,000 times in one outbox imports" timeout 120 "$MOSAIC" import "$D/repeated.zip"
[ "$(count)" = "$once" ] && ok "repeated toots: nothing new ($once posts)" || not_ok "repeated toots: $(count) posts, want $once"

run 0 "10,000 distinct posts import" timeout 120 "$MOSAIC" import "$D/distinct.jsonl"
total=$(count)
[ "$total" = $((once + 10000)) ] && ok "10,000 distinct posts stored" || not_ok "10,000 distinct posts: $total, want $((once + 10000))"

# The same exports again and again: nothing new, nothing doubled.
again=0
for i in 1 2 3 4 5 6 7 8 9 10; do
    for f in "$D/distinct.jsonl" "$D/same.jsonl" "$FIX/archives/mastodon-sample.zip" \
        "$FIX/archives/mastodon-sample.tar.gz" "$D/repeated.zip"; do
        timeout 120 "$MOSAIC" import "$f" >"$T/out" 2>"$T/err" || again=1
        grep -q " 0 new" "$T/out" || again=1
    done
done
[ $again = 0 ] && ok "50 re-imports: each reads 0 new" || not_ok "50 re-imports: each reads 0 new: $(cat "$T/out")"
[ "$(count)" = "$total" ] && ok "after 50 re-imports: still $total posts" || not_ok "after 50 re-imports: $(count) posts, want $total"
n_rows=$(sqlite3 "$MOSAIC_DB" "SELECT count(*) FROM posts")
n_keys=$(sqlite3 "$MOSAIC_DB" "SELECT count(DISTINCT platform || char(0) || native_id) FROM posts")
[ "$n_rows" = "$n_keys" ] && ok "no (platform, id) stored twice ($n_rows rows)" || not_ok "rows $n_rows, distinct ids $n_keys"
finish
