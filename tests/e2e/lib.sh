# lib.sh -- the end-to-end tests' harness: a sandbox folder removed on
# exit, TAP lines, and checks of exit status and output.
# Sourced by tests/e2e/test_*.sh; MOSAIC names the program under test.
set -u
MOSAIC=${MOSAIC:?set MOSAIC to the mosaic program}
case $MOSAIC in /*) ;; *) MOSAIC=$PWD/$MOSAIC ;; esac
TOP=$(cd "$(dirname "$0")/../.." && pwd)
FIX=$TOP/tests/fixtures
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export MOSAIC_DB=$T/history.db HOME=$T XDG_DATA_HOME=
n=0 failed=0

ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() {
    n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"
    [ -s "$T/err" ] && sed 's/^/#   stderr: /' "$T/err" | head -5
    return 0
}

# run WANT_STATUS DESCRIPTION COMMAND...: stdout in $T/out, stderr in $T/err
run() {
    want=$1 desc=$2; shift 2
    "$@" >"$T/out" 2>"$T/err" </dev/null
    got=$?
    if [ "$got" = "$want" ]; then ok "$desc"; else not_ok "$desc (exit $got, want $want)"; fi
}

# Like run, with standard input from a file.
run_in() {
    want=$1 desc=$2 input=$3; shift 3
    "$@" >"$T/out" 2>"$T/err" <"$input"
    got=$?
    if [ "$got" = "$want" ]; then ok "$desc"; else not_ok "$desc (exit $got, want $want)"; fi
}

# check DESCRIPTION COMMAND...: passes when COMMAND succeeds.
check() {
    desc=$1; shift
    if "$@" >/dev/null 2>&1; then ok "$desc"; else not_ok "$desc"; fi
}

# The last error line is one line naming the file.
one_line_error() { [ "$(wc -l <"$T/err")" -eq 1 ] && grep -q "^mosaic: .*$1" "$T/err"; }

# SHA-256 of the store's rows, to show a failed command changed nothing.
store_digest() {
    sqlite3 "$MOSAIC_DB" "SELECT platform, native_id, text FROM posts ORDER BY 1, 2" 2>/dev/null | sha256sum
}

finish() { echo "1..$n"; [ "$failed" -eq 0 ]; }
