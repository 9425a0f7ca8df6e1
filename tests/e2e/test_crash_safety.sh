#!/usr/bin/env bash
# Crash safety: `mosaic import` killed with SIGKILL at random points
# leaves a store that passes integrity_check and holds all of an import
# or none of it; the re-run stores every post exactly once.  A reader
# running during an import never fails and never sees half of it.
. "$(dirname "$0")/lib.sh"
N=${CRASH_POSTS:-100000}
python3 - "$T/big.jsonl" "$N" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    for i in range(int(sys.argv[2])):
        f.write(json.dumps({"id": str(i), "created_at": "2024-01-01T00:00:00Z",
                            "text": "post %d: a day of supervision, CPD and tea." % i}) + "\n")
PY
count() { sqlite3 "$MOSAIC_DB" "SELECT count(*) FROM posts" 2>/dev/null; }
integrity() { [ "$(sqlite3 "$MOSAIC_DB" "PRAGMA integrity_check")" = ok ]; }

# How long a whole import takes here (sanitizer builds are slower).
start=$(date +%s%N)
MOSAIC_DB=$T/timing.db "$MOSAIC" import -q "$T/big.jsonl" >/dev/null 2>&1
ms=$(( ($(date +%s%N) - start) / 1000000 ))
[ "$ms" -gt 0 ] || ms=1000

killed_mid_way=0
for round in 1 2 3 4 5; do
    export MOSAIC_DB=$T/kill$round.db
    "$MOSAIC" import -q "$T/big.jsonl" >/dev/null 2>&1 &
    pid=$!
    sleep "$(awk -v ms="$ms" -v s="$RANDOM" 'BEGIN { srand(s); printf "%.3f", ms * (0.1 + 0.8 * rand()) / 1000 }')"
    kill -9 $pid 2>/dev/null
    wait $pid 2>/dev/null
    c=$(count)
    integrity && ok "kill $round: integrity_check ok" || not_ok "kill $round: integrity_check ok"
    { [ "$c" = 0 ] || [ "$c" = "$N" ]; } && ok "kill $round: all or nothing ($c posts)" \
        || not_ok "kill $round: all or nothing ($c posts)"
    [ "$c" = 0 ] && killed_mid_way=$((killed_mid_way + 1))
    run 0 "kill $round: re-run" "$MOSAIC" import "$T/big.jsonl"
    [ "$(count)" = "$N" ] && ok "kill $round: every post exactly once" \
        || not_ok "kill $round: every post exactly once ($(count))"
done
[ "$killed_mid_way" -gt 0 ] && ok "$killed_mid_way of 5 kills landed mid-import" \
    || not_ok "no kill landed mid-import: the test did not test"
export MOSAIC_DB=$T/history.db
run 0 "re-run after the kills" "$MOSAIC" import "$T/big.jsonl"
[ "$(count)" = "$N" ] && ok "every post exactly once" || not_ok "every post exactly once ($(count))"
integrity && ok "integrity_check after the re-run" || not_ok "integrity_check after the re-run"

# A reader during a write: never an error, never half an import.
"$MOSAIC" forget --yes >/dev/null
"$MOSAIC" import -q "$T/big.jsonl" >/dev/null 2>"$T/writer.err" &
pid=$!
bad=0 reads=0
while kill -0 $pid 2>/dev/null; do
    lines=$("$MOSAIC" posts --jsonl 2>>"$T/reader.err" | wc -l)
    reads=$((reads + 1))
    [ "$lines" = 0 ] || [ "$lines" = "$N" ] || bad=$((bad + 1))
done
wait $pid
writer=$?
[ "$writer" = 0 ] && ok "writer finished while read" || not_ok "writer finished while read"
[ ! -s "$T/reader.err" ] && ok "readers never failed ($reads reads)" || not_ok "readers never failed: $(head -1 "$T/reader.err")"
[ "$bad" = 0 ] && ok "readers never saw half an import" || not_ok "readers saw half an import $bad times"
finish
