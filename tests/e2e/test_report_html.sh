#!/usr/bin/env bash
# The HTML report renders in a real browser (headless Chromium, no
# network): a screenshot is taken and the rendered page holds the
# findings.  Skipped cleanly when Chromium is not installed.
. "$(dirname "$0")/lib.sh"
chrome=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)

run 1 "scan writes an HTML report" "$MOSAIC" scan --format html -o "$T/report.html" "$FIX/archives/twitter-sample.zip"
if [ -z "$chrome" ]; then
    ok "# SKIP chromium not installed"
    finish
    exit $?
fi
# No network for the page: every host resolves nowhere, any proxy is dead.
flags=(--headless --no-sandbox --disable-gpu --disable-dev-shm-usage
       --no-first-run "--user-data-dir=$T/chrome" --proxy-server=127.0.0.1:9
       "--host-resolver-rules=MAP * ~NOTFOUND")
timeout 60 "$chrome" "${flags[@]}" --window-size=1200,2000 --screenshot="$T/shot.png" \
    "file://$T/report.html" >"$T/chrome.log" 2>&1
[ -s "$T/shot.png" ] && [ "$(head -c 8 "$T/shot.png" | od -An -c | tr -d ' ')" = '211PNG\r\n032\n' ] \
    && ok "screenshot taken (PNG)" || not_ok "screenshot taken (PNG)"
timeout 60 "$chrome" "${flags[@]}" --dump-dom "file://$T/report.html" >"$T/dom.html" 2>>"$T/chrome.log"
python3 - "$T/dom.html" <<'PY' && ok "rendered page holds the findings" || not_ok "rendered page holds the findings"
import sys, re
dom = open(sys.argv[1], encoding="utf-8").read()
assert dom.count('class="finding HIGH"') >= 2, "HIGH findings"
assert "<mark" in dom and "paramedic" in dom
assert 'aria-label="k gauge"' in dom and 'aria-label="timeline"' in dom
assert "CONFIDENTIAL" in dom
PY
finish
