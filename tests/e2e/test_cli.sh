#!/usr/bin/env bash
# The command line: help, version, exit statuses, and commands that are
# not built yet saying so.
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

# Commands whose stages are not built yet say so and fail; never fake output.
for cmd in $("$MOSAIC" --help | awk '/^  [a-z]/ {print $1}'); do
    case $cmd in import|posts|profile|forget|help) continue ;; esac
    "$MOSAIC" $cmd >"$T/out" 2>"$T/err" </dev/null
    rc=$?
    if grep -q "not implemented yet" "$T/err"; then
        [ $rc = 3 ] && [ ! -s "$T/out" ] && ok "$cmd: not implemented, exit 3, no output" \
            || not_ok "$cmd: not implemented, exit 3, no output"
    fi
done
finish
