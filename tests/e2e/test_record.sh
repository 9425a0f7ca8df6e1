#!/usr/bin/env bash
# `mosaic record`: a published post joins the history once; bad drafts
# are refused with one line naming the input and nothing stored.
. "$(dirname "$0")/lib.sh"
count() { "$MOSAIC" posts --jsonl 2>/dev/null | wc -l; }

printf 'Lovely walk by the river before clinic 🌿\n' >"$T/post.txt"
run_in 0 "record from stdin" "$T/post.txt" "$MOSAIC" record
run_in 0 "record the same post again" "$T/post.txt" "$MOSAIC" record
[ "$(count)" = 1 ] && ok "stored once" || not_ok "stored once ($(count))"
"$MOSAIC" posts --jsonl | grep -q '"platform":"recorded".*"text":"Lovely walk by the river before clinic 🌿"' \
    && ok "text kept, trailing newline dropped" || not_ok "text kept, trailing newline dropped"
run 0 "record --file --at" "$MOSAIC" record --file "$T/post.txt" --at 2024-05-01T10:00:00Z
"$MOSAIC" posts --jsonl | grep -q '"created_at":"2024-05-01T10:00:00Z"' && ok "--at sets the time" || not_ok "--at sets the time"

before=$(store_digest)
bad() { # DESCRIPTION FILE PATTERN
    run_in 2 "$1: exit 2" "$2" "$MOSAIC" record
    one_line_error "$3" && ok "$1: one line" || not_ok "$1: one line: $(cat "$T/err")"
    [ "$(store_digest)" = "$before" ] && ok "$1: nothing stored" || not_ok "$1: nothing stored"
}
: >"$T/empty"; bad "empty draft" "$T/empty" "<stdin>: the post is empty"
printf '\n  \n' >"$T/blank"; bad "blank draft" "$T/blank" "<stdin>: the post is empty"
printf 'caf\xe9 au lait' >"$T/latin1"; bad "invalid UTF-8" "$T/latin1" "<stdin>: the post is not valid UTF-8"
head -c 2000 /dev/urandom | tr -d '\n' >"$T/binary"; printf 'x\0y' >>"$T/binary"
bad "binary data" "$T/binary" "<stdin>: the post"
head -c $((10 * 1024 * 1024)) /dev/zero | tr '\0' 'a' >"$T/huge"; bad "a 10 MB draft" "$T/huge" "larger than"
run 2 "missing --file" "$MOSAIC" record --file "$T/nope.txt"
one_line_error "nope.txt: No such file" && ok "missing file named" || not_ok "missing file named"
run_in 2 "unreadable --at" "$T/post.txt" "$MOSAIC" record --at "next week"
finish
