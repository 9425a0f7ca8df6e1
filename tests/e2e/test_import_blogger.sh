#!/usr/bin/env bash
# Blogger beyond the sample: the older "Back up content" Atom file, a
# Takeout with two blogs, and one clear line naming the member and line
# for XML that is not well-formed or has a DOCTYPE, store unchanged.
. "$(dirname "$0")/lib.sh"
SAMPLE=$FIX/archives/blogger-sample.zip
FEED='Takeout/Blogger/Blogs/Tea and Hills/feed.atom'

# takeout NAME FEED-TEXT...: a Takeout zip in $T, one blog per FEED-TEXT.
takeout() {
    python3 - "$T/$1" "${@:2}" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.writestr("Takeout/archive_browser.html", "<html></html>")
    for i, feed in enumerate(sys.argv[2:]):
        z.writestr("Takeout/Blogger/Blogs/Blog %d/feed.atom" % i, feed)
PY
}
entry() { # ID TYPE STATUS PUBLISHED
    echo "<entry><id>tag:blogger.com,1999:blog-1.post-$1</id><blogger:type>$2</blogger:type><blogger:status>$3</blogger:status><title>T$1</title><content type='html'>&lt;p&gt;body $1&lt;/p&gt;</content><published>$4</published></entry>"
}
feed() { echo "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom' xmlns:blogger='http://schemas.google.com/blogger/2018'><id>tag:blogger.com,1999:blog-1</id>$*</feed>"; }

takeout two.zip "$(feed "$(entry 1 POST LIVE 2016-01-01T10:00:00Z)" "$(entry 2 COMMENT LIVE 2016-01-02T10:00:00Z)")" \
    "$(feed "$(entry 3 POST LIVE 2017-01-01T10:00:00Z)" "$(entry 4 POST SOFT_TRASHED 2017-01-02T10:00:00Z)")"
run 0 "Takeout with two blogs imports" "$MOSAIC" import "$T/two.zip"
grep -q "2 posts read, 2 new, 0 changed, [0-9]* passed over" "$T/out" \
    && ok "live posts of both blogs; comments and trash passed over" || not_ok "live posts of both blogs: $(cat "$T/out")"
"$MOSAIC" posts --jsonl | grep -q '"text":"T3\\n\\nbody 3"' && ok "title, blank line, body" || not_ok "title, blank line, body"

cat >"$T/blog-11-02-2024.xml" <<'XML'
<?xml version='1.0' encoding='UTF-8'?><?xml-stylesheet href="http://www.blogger.com/styles/atom.css" type="text/css"?><feed xmlns='http://www.w3.org/2005/Atom' xmlns:app='http://purl.org/atom/app#' xmlns:georss='http://www.georss.org/georss'><id>tag:blogger.com,1999:blog-77</id>
<entry><id>tag:blogger.com,1999:blog-77.post-1</id><published>2011-05-11T19:46:00.000+01:00</published><updated>2011-05-12T08:00:00.000+01:00</updated><category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#post'/><title type='text'>Old post</title><content type='html'>Hello &amp;amp; welcome</content><georss:featurename>Corbridge, UK</georss:featurename></entry>
<entry><id>tag:blogger.com,1999:blog-77.post-2</id><published>2011-06-01T10:00:00.000+01:00</published><category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#post'/><app:control><app:draft>yes</app:draft></app:control><title type='text'>Draft</title><content type='html'>not yet</content></entry>
<entry><id>tag:blogger.com,1999:blog-77.settings-1</id><published>2011-06-01T10:00:00.000+01:00</published><category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#settings'/><title>x</title><content>y</content></entry>
</feed>
XML
run 0 "old Atom backup imports" "$MOSAIC" import "$T/blog-11-02-2024.xml"
"$MOSAIC" posts --jsonl >"$T/posts"
grep -q '"native_id":"tag:blogger.com,1999:blog-77.post-1","created_at":"2011-05-11T18:46:00Z".*"text":"Old post\\n\\nHello & welcome","place":"Corbridge, UK","edited":true' "$T/posts" \
    && ok "old backup: kind category, UTC date, georss place, edited" || not_ok "old backup: $(grep blog-77 "$T/posts")"
grep -q "blog-77.post-2\|settings-1" "$T/posts" && not_ok "old backup: draft and settings left out" || ok "old backup: draft and settings left out"

# Bad input: exit 2, one line naming the member and line, store unchanged.
before=$(store_digest)
bad() { # DESCRIPTION PATTERN FILE
    run 2 "$1: exit 2" timeout 10 "$MOSAIC" import "$T/$3"
    one_line_error "$2" && ok "$1: one line naming it" || not_ok "$1: one line naming it: $(head -c 300 "$T/err")"
    [ "$(store_digest)" = "$before" ] && ok "$1: store unchanged" || not_ok "$1: store unchanged"
}
takeout broken.zip "$(feed "$(entry 1 POST LIVE 2016-01-01T10:00:00Z)")
<entry><title>unclosed</entry></feed>"
bad "feed.atom not well-formed" "broken.zip:Takeout/Blogger/Blogs/Blog 0/feed.atom:2: not well-formed XML" broken.zip
takeout doctype.zip "<?xml version='1.0'?>
<!DOCTYPE feed [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'>]>
$(feed "$(entry 1 POST LIVE '&b;')")"
bad "feed.atom with a DOCTYPE" "doctype.zip:Takeout/Blogger/Blogs/Blog 0/feed.atom:2: has a DOCTYPE" doctype.zip
takeout nodate.zip "$(feed "$(entry 9 POST LIVE 'someday')")"
bad "a live post without a readable date" "nodate.zip:Takeout/Blogger/Blogs/Blog 0/feed.atom: entry tag:blogger.com,1999:blog-1.post-9: no readable date" nodate.zip
takeout drafts.zip "$(feed "$(entry 5 POST DRAFT 2016-01-01T10:00:00Z)")"
bad "only drafts" "drafts.zip: no posts found" drafts.zip
finish
