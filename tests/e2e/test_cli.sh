#!/usr/bin/env bash
# The command line: help, version, exit statuses, usage errors.
. "$(dirname "$0")/lib.sh"

run 0 "--version" "$MOSAIC" --version
grep -q "^mosaic [0-9]" "$T/out" && ok "--version prints the version" || not_ok "--version prints the version"
run 0 "--help" "$MOSAIC" --help
grep -q "exit status" "$T/out" && ok "--help documents exit statuses" || not_ok "--help documents exit statuses"
run 2 "no command: usage, exit 2" "$MOSAIC"
grep -q "^usage:" "$T/err" && ok "usage goes to stderr" || not_ok "usage goes to stderr"
run 2 "unknown command" "$MOSAIC" frobnicate
grep -q "'frobnicate' is not a command" "$T/err" && ok "unknown command named" || not_ok "unknown command named"
run 2 "unknown program option" "$MOSAIC" --frob
run 2 "unknown command option" "$MOSAIC" import --frob x
grep -q "unknown option '--frob'" "$T/err" && ok "unknown option named" || not_ok "unknown option named"
run 2 "option missing its value" "$MOSAIC" import --db

for cmd in scan check record import posts profile extract score forget help; do
    run 0 "$cmd --help" "$MOSAIC" $cmd --help
    grep -q "^usage: mosaic" "$T/out" && ok "$cmd --help prints usage" || not_ok "$cmd --help prints usage"
    run 0 "help $cmd" "$MOSAIC" help $cmd
done

# `mosaic profile` lists what was imported, and only says "none" when
# there is none.
run 0 "profile of an empty store" "$MOSAIC" profile
grep -q "no profile imported yet" "$T/out" && ok "empty store: says no profile" \
    || not_ok "empty store: says no profile"
"$MOSAIC" import -q "$FIX/archives/mastodon-sample.zip" 2>"$T/err"
run 0 "profile after an import" "$MOSAIC" profile
grep -q "Hexham" "$T/out" && ! grep -q "no profile imported" "$T/out" \
    && ok "profile shown, without a 'none' line" \
    || not_ok "profile shown, without a 'none' line"
finish
