#!/usr/bin/env bash
# Hostile inputs: each is refused with one line naming the file, in
# bounded time and memory, with nothing stored.
. "$(dirname "$0")/lib.sh"
H=$T/hostile
mkdir -p "$H"
python3 "$TOP/tests/e2e/make_hostile.py" "$H" || { not_ok "build hostile inputs"; finish; exit 1; }

"$MOSAIC" import "$FIX/generic/posts.jsonl" >/dev/null 2>&1
before=$(store_digest)

# An AddressSanitizer build reserves terabytes of address space up front,
# so `ulimit -v` makes it fail at start: bound its resident memory instead.
if grep -qa __asan_init "$MOSAIC"; then
    export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}hard_rss_limit_mb=1024
    limit_memory() { :; }
else
    limit_memory() { ulimit -v 4000000; }
fi

# refused STATUS NAME PATTERN: import within 60 s and bounded memory.
refused() {
    want=$1 name=$2 pat=$3
    ( limit_memory; timeout 60 "$MOSAIC" import "$H/$name" ) >"$T/out" 2>"$T/err"
    got=$?
    [ "$got" = "$want" ] && ok "$name: exit $want" || not_ok "$name: exit $got, want $want"
    one_line_error "$pat" && ok "$name: one line: $pat" || not_ok "$name: one line: $pat: $(head -c 300 "$T/err")"
    [ "$(store_digest)" = "$before" ] && ok "$name: nothing stored" || not_ok "$name: nothing stored"
}

refused 2 bomb.zip "bomb.zip:data/tweets.js: member expands more than 200 times"
refused 2 traversal.zip "traversal.zip: member '../../etc/evil.txt' has an unsafe path"
refused 2 absolute.zip "absolute.zip: member '/etc/evil.txt' has an unsafe path"
refused 2 truncated.tar.gz "truncated.tar.gz: archive is truncated or corrupt"
refused 2 truncated.zip "truncated.zip"
refused 2 corrupt.zip "corrupt.zip"
refused 2 big_post.jsonl "big_post.jsonl:1: line longer than"
refused 2 nul.jsonl "nul.jsonl:1: does not parse"
refused 2 bad_utf8_field.jsonl "bad_utf8_field.jsonl:1: does not parse"
refused 2 deep.jsonl "deep.jsonl:1: does not parse"
refused 2 symlink.tar.gz "symlink.tar.gz: not an export mosaic can read"
grep -q "etc/passwd\|root:" "$T/out" "$T/err" && not_ok "symlink target never read" || ok "symlink target never read"

# Error lines never carry post text.
printf '{"id":"secret-1","text":"the farrier from Hebden Bridge","created_at":"soon"}\n' >"$H/leaky.jsonl"
"$MOSAIC" import "$H/leaky.jsonl" >"$T/out" 2>"$T/err"
grep -q "farrier" "$T/err" && not_ok "no post text in errors" || ok "no post text in errors"
finish
