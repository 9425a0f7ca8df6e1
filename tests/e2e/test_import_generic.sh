#!/usr/bin/env bash
# Generic JSON Lines, CSV and text import: idempotent, private files, and
# one clear line for every kind of bad input with the store unchanged.
. "$(dirname "$0")/lib.sh"
G=$FIX/generic

posts() { "$MOSAIC" posts --jsonl 2>/dev/null | wc -l; }

run 0 "jsonl imports" "$MOSAIC" import "$G/posts.jsonl"
grep -q "3 posts read, 3 new" "$T/out" && ok "jsonl: 3 new" || not_ok "jsonl: 3 new: $(cat "$T/out")"
run 0 "jsonl imports again" "$MOSAIC" import "$G/posts.jsonl"
[ "$(posts)" = 3 ] && ok "jsonl twice stores each post once" || not_ok "jsonl twice stores each post once"
"$MOSAIC" posts --jsonl | grep -q '"text":"Tea & cake at the café ☕\\nSecond line"' \
    && ok "jsonl text kept exactly" || not_ok "jsonl text kept exactly"
"$MOSAIC" posts --jsonl | grep -q '"native_id":"3".*"created_at":"2024-03-07T09:00:00Z".*"reply_to":"2"' \
    && ok "jsonl: integer id, epoch time, reply_to" || not_ok "jsonl: integer id, epoch time, reply_to"

run 0 "csv imports" "$MOSAIC" import "$G/posts.csv"
[ "$(posts)" = 5 ] && ok "csv adds its 2 posts" || not_ok "csv adds its 2 posts"
"$MOSAIC" posts --jsonl | grep -q '"text":"a post\\nover two lines, with \\"quotes\\""' \
    && ok "csv multi-line quoted field" || not_ok "csv multi-line quoted field"
run 0 "text imports" "$MOSAIC" import "$G/posts.txt"
[ "$(posts)" = 8 ] && ok "text: one post per block" || not_ok "text: one post per block ($(posts))"
run 0 "text imports again" "$MOSAIC" import "$G/posts.txt"
[ "$(posts)" = 8 ] && ok "text twice stores each block once" || not_ok "text twice stores each block once"
run_in 0 "stdin imports" "$G/stdin.jsonl" "$MOSAIC" import -
[ "$(posts)" = 9 ] && ok "stdin post stored" || not_ok "stdin post stored"
run 0 "--format forces a format" "$MOSAIC" import --format text "$G/posts.jsonl"
grep -q ": text:" "$T/out" && ok "--format text read as text" || not_ok "--format text read as text"
run 2 "--format unknown" "$MOSAIC" import --format myspace "$G/posts.jsonl"
"$MOSAIC" forget --yes >/dev/null

# File modes: 0600 store, 0700 folder, whatever the umask.
( umask 000; "$MOSAIC" import "$G/posts.jsonl" >/dev/null 2>&1 )
[ "$(stat -c %a "$MOSAIC_DB")" = 600 ] && ok "store is 0600 under umask 000" || not_ok "store is 0600 under umask 000"
( unset MOSAIC_DB; umask 000; "$MOSAIC" import "$G/posts.jsonl" >/dev/null 2>&1 )
[ "$(stat -c %a "$T/.local/share/mosaic/history.db")" = 600 ] && \
[ "$(stat -c %a "$T/.local/share/mosaic")" = 700 ] && ok "default store under ~/.local/share: 0600 in 0700" \
    || not_ok "default store under ~/.local/share: 0600 in 0700"
( unset MOSAIC_DB; XDG_DATA_HOME=$T/xdg "$MOSAIC" import "$G/posts.jsonl" >/dev/null 2>&1 )
[ -f "$T/xdg/mosaic/history.db" ] && ok "XDG_DATA_HOME respected" || not_ok "XDG_DATA_HOME respected"
run 0 "--db overrides" "$MOSAIC" import --db "$T/other.db" "$G/posts.jsonl"
[ -f "$T/other.db" ] && ok "--db file created" || not_ok "--db file created"

# Bad input: exit 2, one line naming the file, store unchanged.
before=$(store_digest)
bad() { # STATUS DESCRIPTION PATTERN ARGS...
    want=$1 desc=$2 pat=$3; shift 3
    run "$want" "$desc: exit $want" "$MOSAIC" "$@"
    one_line_error "$pat" && ok "$desc: one line naming it" || not_ok "$desc: one line naming it: $(cat "$T/err")"
    [ "$(store_digest)" = "$before" ] && ok "$desc: store unchanged" || not_ok "$desc: store unchanged"
}
bad 2 "missing file" "$T/nope.jsonl" import "$T/nope.jsonl"
bad 2 "invalid UTF-8" "bad_utf8.txt:3" import "$G/bad_utf8.txt"
bad 2 "JSON line that does not parse" "bad_line.jsonl:2" import "$G/bad_line.jsonl"
bad 2 "JSON line without an id" "no_id.jsonl:1" import "$G/no_id.jsonl"
bad 2 "unreadable date" "bad_date.csv:2" import "$G/bad_date.csv"
: >"$T/empty.txt"
bad 2 "empty input" "empty.txt: no posts" import "$T/empty.txt"
bad 2 "binary file" "pixel.png" import "$G/pixel.png"
bad 2 "a folder" "is a folder" import "$G"
bad 2 "second file bad: first stays, second not stored" "bad_line.jsonl:2" import "$G/posts.jsonl" "$G/bad_line.jsonl"

# Bad stores.
run 2 "store in a missing folder" "$MOSAIC" import --db "$T/no/such/dir/h.db" "$G/posts.jsonl"
one_line_error "folder does not exist" && ok "missing folder named" || not_ok "missing folder named"
printf 'not a database at all, just some text to fill the header.....\n%.0s' 1 2 3 >"$T/notdb.db"
sum=$(sha256sum <"$T/notdb.db")
run 2 "store that is not SQLite" "$MOSAIC" import --db "$T/notdb.db" "$G/posts.jsonl"
one_line_error "notdb.db" && ok "not-SQLite store named" || not_ok "not-SQLite store named"
[ "$(sha256sum <"$T/notdb.db")" = "$sum" ] && ok "not-SQLite file untouched" || not_ok "not-SQLite file untouched"
sqlite3 "$T/newer.db" "CREATE TABLE schema_version (version INTEGER, migrated_at TEXT); INSERT INTO schema_version VALUES (99, 'x');"
run 2 "store from a newer mosaic" "$MOSAIC" import --db "$T/newer.db" "$G/posts.jsonl"
grep -q "newer mosaic" "$T/err" && ok "newer schema explained" || not_ok "newer schema explained"

# Permission checks need an unprivileged user; root ignores modes.
as_user() { if [ "$(id -u)" = 0 ]; then setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; else "$@"; fi; }
chmod 755 "$T"; mkdir -p "$T/ro" "$T/rw"; cp "$G/posts.jsonl" "$T/rw/"; cp "$G/posts.jsonl" "$T/rw/secret.jsonl"
chmod 555 "$T/ro"; chmod 777 "$T/rw"; chmod 000 "$T/rw/secret.jsonl"
run 2 "store in a read-only folder" as_user "$MOSAIC" import --db "$T/ro/h.db" "$T/rw/posts.jsonl"
one_line_error "ro/h.db" && ok "read-only folder named" || not_ok "read-only folder named"
run 2 "unreadable file" as_user "$MOSAIC" import --db "$T/rw/h.db" "$T/rw/secret.jsonl"
one_line_error "secret.jsonl: Permission denied" && ok "unreadable file named" || not_ok "unreadable file named"

run 2 "forget without --yes" "$MOSAIC" forget
run 0 "forget --yes" "$MOSAIC" forget --yes
[ "$(posts)" = 0 ] && ok "forget leaves no posts" || not_ok "forget leaves no posts"
finish
