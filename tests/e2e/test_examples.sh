#!/usr/bin/env bash
# tools/examples: the posting wrapper posts and records only what passes;
# the Vim command reports the verdict (skipped without vim).
. "$(dirname "$0")/lib.sh"
EX=$TOP/tools/examples
export MOSAIC
"$MOSAIC" import -q "$FIX/archives/twitter-sample.zip"

cat >"$T/fake-client" <<'SH'
#!/bin/sh
cat >>"$POSTED"
SH
chmod +x "$T/fake-client"
export POSTED=$T/posted

printf 'Lovely walk by the river this morning.' >"$T/calm"
run_in 0 "post-checked: a harmless draft is posted" "$T/calm" "$EX/post-checked" "$T/fake-client"
grep -q "Lovely walk" "$POSTED" && ok "the client received it" || not_ok "the client received it"
[ "$(sqlite3 "$MOSAIC_DB" "SELECT count(*) FROM posts WHERE platform='recorded'")" = 1 ] \
    && ok "and it was recorded" || not_ok "and it was recorded"

: >"$POSTED"
printf 'A client of mine, a midwife in her forties, is still struggling since her divorce.' >"$T/risky"
run_in 1 "post-checked: a risky draft is stopped" "$T/risky" "$EX/post-checked" "$T/fake-client"
[ -s "$POSTED" ] && not_ok "nothing posted" || ok "nothing posted"
grep -q "STOP" "$T/out" && ok "the verdict is shown" || not_ok "the verdict is shown"
run 2 "post-checked without a command" "$EX/post-checked"

if command -v vim >/dev/null; then
    cp "$T/risky" "$T/post.draft"
    vim -Nu NONE -i NONE -es -S "$EX/mosaic.vim" \
        -c "let g:mosaic_program = '$MOSAIC'" \
        -c 'redir! > '"$T/vim.out" -c MosaicCheck -c 'redir END' \
        -c 'call writefile([string(g:mosaic_status)], "'"$T/vim.status"'")' \
        -c 'qa!' "$T/post.draft" </dev/null >/dev/null 2>&1
    [ "$(cat "$T/vim.status" 2>/dev/null)" = 1 ] && grep -q STOP "$T/vim.out" \
        && ok "vim :MosaicCheck reports STOP" || not_ok "vim :MosaicCheck reports STOP"
else
    ok "# SKIP vim not installed"
fi
finish
