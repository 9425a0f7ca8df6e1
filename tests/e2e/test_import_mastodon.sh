#!/usr/bin/env bash
# Mastodon archives beyond the samples: the 2026 export's quotes and
# escaped HTML, and one clear line for every kind of bad outbox/actor,
# with the store unchanged.
. "$(dirname "$0")/lib.sh"

# masto NAME OUTBOX_ITEMS [ACTOR] [tgz]: an archive in $T whose outbox.json
# holds the raw JSON text OUTBOX_ITEMS as "orderedItems".
masto() {
    python3 - "$T/$1" "$2" "${3-}" "${4-}" <<'PY'
import io, sys, tarfile, zipfile
path, items, actor, kind = sys.argv[1:5]
outbox = ('{"@context":"https://www.w3.org/ns/activitystreams","id":"outbox.json",'
          '"type":"OrderedCollection","totalItems":1,"orderedItems":' + items + '}')
actor = actor or ('{"id":"https://h.example/users/ann","type":"Person",'
                  '"preferredUsername":"ann","name":"Ann","summary":"<p>Hi</p>"}')
members = {"outbox.json": outbox, "actor.json": actor}
if kind == "tgz":
    with tarfile.open(path, "w:gz") as t:
        for n, s in members.items():
            b = s.encode(); i = tarfile.TarInfo(n); i.size = len(b)
            t.addfile(i, io.BytesIO(b))
else:
    with zipfile.ZipFile(path, "w") as z:
        for n, s in members.items():
            z.writestr(n, s)
PY
}

PUB='"to":["https://www.w3.org/ns/activitystreams#Public"],"cc":[]'
note() { # ID CONTENT-JSON [EXTRA-OBJECT-FIELDS]
    echo "{\"type\":\"Create\",\"published\":\"2024-01-0${1}T10:00:00Z\",$PUB,\"object\":{\"id\":\"https://h.example/s/$1\",\"type\":\"Note\",$PUB,\"content\":$2${3:+,$3}}}"
}

# 2026 export: HTML escaped as \u003c, a quote post whose RE: line goes.
masto quote.zip "[$(note 1 '"\u003cp class=\"quote-inline\"\u003eRE: \u003ca href=\"https://o.example/s/9\"\u003ehttps://o.example/s/9\u003c/a\u003e\u003c/p\u003e\u003cp\u003eSo true \u0026amp; kind\u003c/p\u003e"' '"quote":"https://o.example/s/9"'),{\"type\":\"Like\",\"object\":\"x\"}]"
run 0 "2026 export with a quote imports" "$MOSAIC" import "$T/quote.zip"
"$MOSAIC" posts --jsonl >"$T/posts"
grep -q '"kind":"quote".*"text":"So true & kind".*"quote_of":"https://o.example/s/9"' "$T/posts" \
    && ok "quote: RE: line dropped, quote_of kept" || not_ok "quote: RE: line dropped, quote_of kept: $(cat "$T/posts")"
grep -q "1 posts read, 1 new, 0 changed, 1 passed over" "$T/out" \
    && ok "a Like is passed over and counted" || not_ok "a Like is passed over and counted: $(cat "$T/out")"
"$MOSAIC" profile --json | grep -q '"handle": *"ann@h.example"' \
    && ok "handle from preferredUsername and the actor's host" || not_ok "handle from preferredUsername and the actor's host"
masto old.tar.gz "[$(note 2 '"<p>tar</p>"')]" "" tgz
run 0 "tar.gz (<= 4.0) imports" "$MOSAIC" import "$T/old.tar.gz"

# A duplicated key counts once, with its last value (as jansson read it);
# "\/" in an audience URI is the same URI.
masto dup.zip '[{"type":"Create","published":"2024-02-01T10:00:00Z","object":{"id":"https://h.example/s/old","content":"<p>old</p>"},"object":{"id":"https://h.example/s/new","type":"Note","to":"https:\/\/www.w3.org\/ns\/activitystreams#Public","content":"<p>kept</p>","content":"<p>new &amp; last</p>","attachment":[{"name":"a"}],"attachment":[{"name":"b","name":"c"},{"name":""},{"name":7}]}}]'
run 0 "duplicated keys: import" "$MOSAIC" import "$T/dup.zip"
"$MOSAIC" posts --jsonl >"$T/posts"
grep -q '"text":"new & last"' "$T/posts" && ! grep -q 's/old\|"kept"' "$T/posts" \
    && ok "duplicated keys: the last value counts" || not_ok "duplicated keys: the last value counts: $(cat "$T/posts")"
grep 's/new' "$T/posts" | grep -q '"visibility":"public"' \
    && ok "escaped slashes in \"to\": public" || not_ok "escaped slashes in \"to\": public: $(cat "$T/posts")"
grep 's/new' "$T/posts" | grep -q '"alt_texts":\["c"\]' \
    && ok "alt texts from the last \"attachment\", last \"name\"" || not_ok "alt texts from the last \"attachment\", last \"name\": $(cat "$T/posts")"

# Bad input: exit 2, one line naming the member and element, store unchanged.
before=$(store_digest)
bad() { # DESCRIPTION PATTERN ARCHIVE
    run 2 "$1: exit 2" "$MOSAIC" import "$T/$3"
    one_line_error "$2" && ok "$1: one line naming it" || not_ok "$1: one line naming it: $(cat "$T/err")"
    [ "$(store_digest)" = "$before" ] && ok "$1: store unchanged" || not_ok "$1: store unchanged"
}
masto parse.zip "[$(note 1 '"<p>a</p>"'),{\"type\":\"Create\",,}]"
bad "element that does not parse" "parse.zip:outbox.json: element 2 does not parse" parse.zip
masto truncated.zip "[$(note 1 '"<p>a</p>"'),{\"type\":"
bad "outbox cut short" "truncated.zip:outbox.json" truncated.zip
masto scalar.zip "[$(note 1 '"<p>a</p>"'),42]"
bad "an element that is not an object" "scalar.zip:outbox.json: element 2: not an activity" scalar.zip
masto content.zip "[$(note 1 '{"html":"x"}')]"
bad "content of the wrong type" 'content.zip:outbox.json: element 1: "content" is not a string' content.zip
masto object.zip '[{"type":"Create","published":"2024-01-01T00:00:00Z","object":"https://h.example/s/1"}]'
bad "a Create whose object is a string" 'object.zip:outbox.json: element 1: a Create whose "object" is not an object' object.zip
masto attach.zip "[$(note 1 '"<p>a</p>"' '"attachment":{"name":"x"}')]"
bad "attachment not an array" 'attach.zip:outbox.json: element 1: "attachment" is not an array' attach.zip
masto date.zip '[{"type":"Create","published":"yesterday","object":{"id":"https://h.example/s/1","content":"x"}}]'
bad "unreadable date" 'date.zip:outbox.json: element 1: "published"' date.zip
masto boost.zip '[{"type":"Announce","id":"https://h.example/s/1/activity","published":"2024-01-01T00:00:00Z","object":7}]'
bad "an Announce without the boosted post" "boost.zip:outbox.json: element 1: an Announce without" boost.zip
masto noid.zip '[{"type":"Create","published":"2024-01-01T00:00:00Z","object":{"content":"x"}}]'
bad "a post without an id" "noid.zip:outbox.json: element 1: a post without an id" noid.zip
masto actor.zip "[$(note 1 '"<p>a</p>"')]" '{"name": "Ann",'
bad "actor.json that does not parse" "actor.zip:actor.json: line 1: does not parse" actor.zip
masto badtar.tar.gz "[$(note 1 '"<p>a</p>"'),[1]]" "" tgz
bad "tar.gz: element of the wrong type" "badtar.tar.gz:outbox.json: element 2: not an activity" badtar.tar.gz
finish
