#!/usr/bin/env bash
# test_synth.sh -- mosaic-synth: reproducible bytes, valid archives, a
# truth whose spans point at the archive posts and whose k values are
# exact counts, and one-line errors with exit 2 for bad flags.
. "$(dirname "$0")/lib.sh"
SYNTH=${SYNTH:-$(dirname "$MOSAIC")/mosaic-synth}
if [ ! -x "$SYNTH" ]; then
    echo "1..0 # SKIP no mosaic-synth beside $MOSAIC"
    exit 0
fi
DATA=$T/data
mkdir -p "$DATA"
ln -s "$TOP/corpus/synth" "$DATA/synth"
ln -s "$TOP/tests/fixtures/synth/refdata" "$DATA/refdata"
gen() { "$SYNTH" --data "$DATA" "$@"; }

run 0 "generates a corpus" gen --posts 3000 --seed 7 --therapists 2 \
    --out "$T/a" --verify-counts
run 0 "same seed again" gen --posts 3000 --seed 7 --therapists 2 --out "$T/b"
run 0 "another seed" gen --posts 3000 --seed 8 --therapists 2 --out "$T/c"

same=yes
for f in $(cd "$T/a" && find . -type f | sort); do
    cmp -s "$T/a/$f" "$T/b/$f" || same=no
done
[ "$(cd "$T/a" && find . -type f | sort)" = "$(cd "$T/b" && find . -type f | sort)" ] || same=no
[ $same = yes ] && ok "same seed gives byte-identical files" ||
    not_ok "same seed gives byte-identical files"
cmp -s "$T/a/truth.json" "$T/c/truth.json" &&
    not_ok "a different seed gives a different corpus" ||
    ok "a different seed gives a different corpus"

listed=0
for z in "$T"/a/t*/*.zip "$T"/a/t*/*.tar.gz; do
    bsdtar -tf "$z" >"$T/list" 2>"$T/err" && listed=$((listed + 1))
done
[ $listed = 4 ] && ok "bsdtar lists all four archives" ||
    not_ok "bsdtar lists all four archives ($listed)"
bsdtar -tf "$T"/a/t0001/*.zip | grep -qx "data/tweets.js" &&
    ok "the X zip holds data/tweets.js" || not_ok "the X zip holds data/tweets.js"
[ "$(bsdtar -tf "$T"/a/t0001/*.tar.gz | tail -1)" = actor.json ] &&
    ok "the Mastodon tar.gz ends with actor.json" ||
    not_ok "the Mastodon tar.gz ends with actor.json"

run 0 "truth spans point at the archive posts" \
    python3 "$TOP/tests/e2e/synth_check.py" "$T/a"
grep -q " 0 problems" "$T/out" && ok "the checker found no problem" ||
    { sed 's/^/#   /' "$T/out" | head -5; not_ok "the checker found no problem"; }

run 0 "one format only" gen --posts 500 --seed 1 --formats mastodon \
    --out "$T/m"
[ -z "$(find "$T/m" -name '*.zip')" ] && ok "--formats mastodon writes no zip" ||
    not_ok "--formats mastodon writes no zip"

for bad in "--posts 0 --out $T/x" "--posts abc --out $T/x" \
           "--posts 10" "--posts 10 --out $T/x --formats x,myspace" \
           "--posts 10 --out $T/x --bogus" "--posts 10 --out $T/x --seed -1" \
           "--posts 10 --out $T/x extra"; do
    # shellcheck disable=SC2086
    run 2 "bad flags exit 2: ${bad//$T/DIR}" gen $bad
    [ "$(wc -l <"$T/err")" = 1 ] && grep -q "^mosaic-synth: " "$T/err" &&
        ok "one-line error: ${bad//$T/DIR}" || not_ok "one-line error: ${bad//$T/DIR}"
done
run 2 "an unknown region is an input error" gen --posts 10 --out "$T/x" \
    --region Atlantis
grep -q "Atlantis" "$T/err" && ok "the error names the region" ||
    not_ok "the error names the region"

echo "1..$n"
[ $failed = 0 ]
