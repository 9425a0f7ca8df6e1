#!/usr/bin/env bash
# Hostile inputs: each is refused with one line naming the file, in
# bounded time and memory, with nothing stored.
. "$(dirname "$0")/lib.sh"
H=$T/hostile
mkdir -p "$H"
python3 "$TOP/tests/e2e/make_hostile.py" "$H" || { not_ok "build hostile inputs"; finish; exit 1; }

"$MOSAIC" import "$FIX/generic/posts.jsonl" >/dev/null 2>&1
before=$(store_digest)
posts_before=$("$MOSAIC" posts --jsonl | wc -l)

# AddressSanitizer reserves terabytes of address space and cannot start
# under ulimit -v, and its shadow memory inflates the peak: the memory
# bound is checked on the plain build only.
asan=0
nm -an "$MOSAIC" 2>/dev/null | grep -q __asan_init && asan=1
MEM_KB=262144 # the most an import of a hostile file may use (plain build)

# refused STATUS NAME PATTERN: import within 60 s (and, plain build,
# 1 GiB of address space and MEM_KB of peak memory).
refused() {
    want=$1 name=$2 pat=$3
    ( [ $asan = 1 ] || ulimit -v 1048576
      exec python3 -c 'import resource, subprocess, sys
r = subprocess.run(sys.argv[2:])
open(sys.argv[1], "w").write("%d\n" % resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.exit(r.returncode)' "$T/peak" timeout 60 "$MOSAIC" import "$H/$name" ) >"$T/out" 2>"$T/err"
    got=$?
    [ "$got" = "$want" ] && ok "$name: exit $want" || not_ok "$name: exit $got, want $want"
    one_line_error "$pat" && ok "$name: one line: $pat" || not_ok "$name: one line: $pat: $(head -c 300 "$T/err")"
    [ "$(store_digest)" = "$before" ] && ok "$name: nothing stored" || not_ok "$name: nothing stored"
    if [ $asan = 0 ]; then
        kb=$(cat "$T/peak" 2>/dev/null || echo 0)
        [ "$kb" -gt 0 ] && [ "$kb" -lt $MEM_KB ] && ok "$name: $kb KB peak" ||
            not_ok "$name: $kb KB peak, want < $MEM_KB"
    fi
}

# Archives: bombs, unsafe member names, links, truncation.
refused 2 bomb.zip "bomb.zip:data/tweets.js: member expands more than 200 times"
refused 2 bomb_outbox.zip "bomb_outbox.zip:outbox.json: member expands more than 200 times"
refused 2 traversal.zip "traversal.zip: member '../../etc/evil.txt' has an unsafe path"
refused 2 traversal.tar.gz "traversal.tar.gz: member 'export/../../evil.txt' has an unsafe path"
refused 2 backslash.zip "backslash.zip: member '../../evil.txt' has an unsafe path"
refused 2 absolute.zip "absolute.zip: member '/etc/evil.txt' has an unsafe path"
refused 2 absolute.tar "absolute.tar: member '/etc/evil.txt' has an unsafe path"
refused 2 truncated.tar.gz "truncated.tar.gz: archive is truncated or corrupt"
refused 2 truncated_mastodon.tar.gz "truncated_mastodon.tar.gz: archive is truncated or corrupt"
refused 2 truncated.zip "truncated.zip"
refused 2 bad_crc.zip "bad_crc.zip:data/account.js: cannot read: CRC-32 mismatch"
refused 2 corrupt.zip "corrupt.zip"
for link in symlink.tar.gz symlink.zip symlink_outbox.tar hardlink_outbox.tar; do
    refused 2 $link "$link: not an export mosaic can read"
    grep -q "root:" "$T/out" "$T/err" && not_ok "$link: link target never read" || ok "$link: link target never read"
done

# One post far too big: 10 MB, and 100 MB in each kind of file (made
# one at a time, removed after).
refused 2 big_post.jsonl "big_post.jsonl:1: line longer than"
for big in "big100_post.jsonl:1: line longer than" \
    "big100_post.csv:2: record longer than" \
    "big100_post.txt:1: line longer than" \
    "big100_outbox.zip:outbox.json: element 1 is larger than" \
    "big100_wordpress.xml:2: a text longer than the XML parser's limit"; do
    name=${big%%:*}
    python3 "$TOP/tests/e2e/make_hostile.py" "$H" "$name" || not_ok "make $name"
    refused 2 "$name" "$big"
    rm -f "$H/$name"
done

# Nesting 100,000 deep: JSON, JSON in an archive, HTML in a post, XML.
refused 2 deep.jsonl "deep.jsonl:1: does not parse: maximum parsing depth"
refused 2 deep_outbox.zip "deep_outbox.zip:outbox.json: element 1 does not parse: nested too deeply"
refused 2 deep_facebook.zip "deep_facebook.zip:your_facebook_activity/posts/[a-z_0-9]*.json: element 1 does not parse: maximum parsing depth"
refused 2 deep_html.zip "deep_html.zip:outbox.json: element 1: HTML nested deeper than 256 elements"
refused 2 deep_wordpress.xml "deep_wordpress.xml:2: not well-formed XML: Excessive depth"

# NUL bytes, escaped and raw.
refused 2 nul.jsonl "nul.jsonl:1: does not parse"
refused 2 raw_nul.jsonl "raw_nul.jsonl:1: does not parse: control character"
refused 2 nul.csv "nul.csv:2: a NUL byte"
refused 2 nul.txt "nul.txt: not an export mosaic can read"
refused 2 nul_outbox.zip "nul_outbox.zip:outbox.json: element 1 does not parse"
refused 2 nul_wordpress.xml "nul_wordpress.xml:2: not well-formed XML"

# Invalid UTF-8: a Latin-1 byte, overlong forms, surrogates.
refused 2 bad_utf8_field.jsonl "bad_utf8_field.jsonl:1: does not parse"
refused 2 overlong.jsonl "overlong.jsonl:1: does not parse"
refused 2 surrogate.jsonl "surrogate.jsonl:1: does not parse"
refused 2 escaped_surrogate.jsonl "escaped_surrogate.jsonl:1: does not parse"
refused 2 overlong.csv "overlong.csv:2: post 1: text is not valid UTF-8"
refused 2 overlong_id.csv "overlong_id.csv:2: a post's id is not valid UTF-8"
refused 2 overlong.txt "overlong.txt:3: not valid UTF-8"
refused 2 overlong_outbox.zip "overlong_outbox.zip:outbox.json: element 1 does not parse"
refused 2 overlong_wordpress.xml "overlong_wordpress.xml:2: not well-formed XML"

# A bad post after 5,000 good ones: the import is all or nothing.
refused 2 late_bad.jsonl "late_bad.jsonl:5001: does not parse"
refused 2 late_deep_outbox.zip "late_deep_outbox.zip:outbox.json: element 5001 does not parse: nested too deeply"

[ "$("$MOSAIC" posts --jsonl | wc -l)" = "$posts_before" ] && ok "post count unchanged ($posts_before)" || not_ok "post count unchanged"

# Error lines never carry post text.
printf '{"id":"secret-1","text":"the farrier from Hebden Bridge","created_at":"soon"}\n' >"$H/leaky.jsonl"
"$MOSAIC" import "$H/leaky.jsonl" >"$T/out" 2>"$T/err"
grep -q "farrier" "$T/err" && not_ok "no post text in errors" || ok "no post text in errors"
finish
