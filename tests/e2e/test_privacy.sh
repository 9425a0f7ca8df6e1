#!/usr/bin/env bash
# Privacy of mosaic itself: no network calls, no text left after forget,
# files private whatever the umask.
. "$(dirname "$0")/lib.sh"
SAMPLE=$FIX/generic/posts.jsonl
ARCHIVES=$(ls "$FIX"/archives/* | grep -v -e '\.expected\.json$' -e SOURCE.md)

if command -v strace >/dev/null 2>&1 && strace -f -qq -o /dev/null true 2>/dev/null; then
    strace -f -qq -e signal=none -e trace=socket,connect,sendto,sendmsg -o "$T/net.log" \
        "$MOSAIC" import $ARCHIVES "$SAMPLE" >/dev/null 2>&1
    strace -f -qq -e signal=none -e trace=socket,connect,sendto,sendmsg -o "$T/net2.log" \
        "$MOSAIC" posts --jsonl >/dev/null 2>&1
    cat "$T/net2.log" >>"$T/net.log"
    [ ! -s "$T/net.log" ] && ok "import and posts make no network calls (strace)" \
        || not_ok "network calls: $(head -3 "$T/net.log")"
else
    ok "# SKIP strace not available"
fi
if unshare -n true 2>/dev/null; then
    MOSAIC_DB=$T/offline.db unshare -n "$MOSAIC" import "$SAMPLE" >/dev/null 2>&1 \
        && ok "import works with no network at all (unshare -n)" \
        || not_ok "import works with no network at all (unshare -n)"
else
    ok "# SKIP unshare -n not permitted"
fi

"$MOSAIC" forget --yes >/dev/null
"$MOSAIC" import "$SAMPLE" >/dev/null
cat "$MOSAIC_DB"* 2>/dev/null | grep -qa "Tea & cake" \
    && ok "the text is in the store's bytes before forget" \
    || not_ok "the text is in the store's bytes before forget"
run 0 "forget --yes" "$MOSAIC" forget --yes
if cat "$MOSAIC_DB"* 2>/dev/null | grep -qa "Tea & cake"; then
    not_ok "forget leaves no post text in the store's bytes"
else
    ok "forget leaves no post text in the store's bytes"
fi
for f in "$MOSAIC_DB"*; do
    [ "$(stat -c %a "$f")" = 600 ] && ok "$(basename "$f") is 0600" || not_ok "$(basename "$f") is 0600"
done
finish
