#!/usr/bin/env bash
# Exports that parse but hold values of the wrong type (a number where a
# string or a date is expected, a string where a Unix time is): each
# platform's importer refuses them with one line naming the file and the
# field, in bounded time, storing nothing.
. "$(dirname "$0")/lib.sh"
W=$T/types
python3 "$TOP/tests/e2e/make_wrong_types.py" "$W" || { not_ok "build inputs"; finish; exit 1; }

# The hand-made Bluesky repository is valid as it is: its refusals below
# are about the types alone.
run 0 "bluesky-ok.car (the same writer, right types) imports" \
    timeout 60 "$MOSAIC" import "$W/bluesky-ok.car"
before=$(store_digest)

refused() { # NAME PATTERN
    timeout 60 "$MOSAIC" import "$W/$1" >"$T/out" 2>"$T/err" </dev/null
    got=$?
    [ "$got" = 2 ] && ok "$1: exit 2" || not_ok "$1: exit $got, want 2"
    one_line_error "$2" && ok "$1: one line: $2" || not_ok "$1: one line: $2: $(head -c 300 "$T/err")"
    [ "$(store_digest)" = "$before" ] && ok "$1: nothing stored" || not_ok "$1: nothing stored"
}

refused mastodon-strings.zip 'mastodon-strings.zip:outbox.json: element 1: "id" is not a string'
refused mastodon-strings.tar.gz 'mastodon-strings.tar.gz:outbox.json: element 1: "id" is not a string'
refused facebook-strings.zip 'facebook-strings.zip:.*"[a-z_]*" is not a string'
refused facebook-numbers.zip 'facebook-numbers.zip:.*"timestamp" is not a Unix time'
refused instagram-strings.zip 'instagram-strings.zip:.*"[a-z_]*" is not a string'
refused instagram-numbers.zip 'instagram-numbers.zip:.*"creation_timestamp" is not a Unix time'
refused bluesky-text.car 'bluesky-text.car: block at offset [0-9]* (app.bsky.feed.post/3kaaaaaaaaaa2): text is not text'
refused bluesky-date.car 'bluesky-date.car: block at offset [0-9]* (app.bsky.feed.post/3kaaaaaaaaaa1): createdAt is not text'
refused reddit-date.zip "reddit-date.zip:posts.csv:2: date '42' is not a date"
refused substack-date.zip "substack-date.zip:posts.csv:2: post_date '42' is not a date"
refused linkedin-date.zip "linkedin-date.zip:Shares.csv:2: date '42' is not a date"
refused blogger-date.zip "blogger-date.zip:.*feed.atom: entry .*post-7711: no readable date"
refused wordpress-date.xml "wordpress-date.xml: item 214: no readable date"
# And a DAG-CBOR record nested 100,000 deep (JSON, HTML and XML are in
# test_hostile_archives.sh).
refused bluesky-deep.car "bluesky-deep.car: block at offset [0-9]*: not DAG-CBOR (nested too deeply)"
finish
