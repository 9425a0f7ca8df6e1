#!/usr/bin/env bash
# WordPress WXR beyond the sample: zipped exports, skipped item types,
# and one clear line naming the file and line for every bad file --
# XML that is not well-formed, a DOCTYPE (entity bombs, external
# entities) refused at once -- with the store unchanged.
. "$(dirname "$0")/lib.sh"
WXR=$FIX/archives/wordpress-sample.xml

# wxr NAME ITEMS: a minimal WXR 1.2 file in $T with ITEMS inside <channel>.
wxr() {
    cat >"$T/$1" <<XML
<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Site</title>
<wp:author><wp:author_id>3</wp:author_id><wp:author_login>ann</wp:author_login></wp:author>
$2
</channel>
</rss>
XML
}
item() { # ID TYPE STATUS DATE_GMT CONTENT
    echo "<item><title>T$1</title><wp:post_id>$1</wp:post_id><wp:post_type>$2</wp:post_type><wp:status>$3</wp:status><wp:post_date_gmt>$4</wp:post_date_gmt><content:encoded><![CDATA[$5]]></content:encoded></item>"
}

wxr types.xml "$(item 1 post publish '2024-01-01 10:00:00' 'one')
$(item 2 nav_menu_item publish '2024-01-01 10:00:00' '')
$(item 3 attachment inherit '2024-01-01 10:00:00' '')
$(item 4 post trash '2024-01-01 10:00:00' 'gone')
$(item 5 post pending '2024-01-01 10:00:00' 'waiting')
$(item 6 post publish '2024-01-01 10:00:00' 'split ]]]]><![CDATA[> cdata')"
run 0 "menus, attachments, trash, pending: imports" "$MOSAIC" import "$T/types.xml"
grep -q "2 posts read, 2 new, 0 changed, 4 passed over" "$T/out" \
    && ok "only the published posts by default" || not_ok "only the published posts by default: $(cat "$T/out")"
"$MOSAIC" posts --jsonl | grep -q '"text":"T6\\n\\nsplit ]]> cdata"' \
    && ok "CDATA split around ]]> joined back" || not_ok "CDATA split around ]]> joined back"
run 0 "--drafts adds the pending post" "$MOSAIC" import --drafts "$T/types.xml"
"$MOSAIC" posts --jsonl | grep -q '"native_id":"5".*"visibility":"draft"' \
    && ok "pending is a draft" || not_ok "pending is a draft"

python3 -c "import sys, zipfile; zipfile.ZipFile(sys.argv[1], 'w').write(sys.argv[2], 'site.wordpress.2024-11-02.xml')" "$T/wp.zip" "$WXR"
run 0 "zipped WXR (WordPress.com) imports" "$MOSAIC" import "$T/wp.zip"
grep -q ": wordpress: 4 posts read" "$T/out" && ok "zipped WXR read as wordpress" || not_ok "zipped WXR read as wordpress: $(cat "$T/out")"

# Bad input: exit 2, one line naming the file (and line), store unchanged.
before=$(store_digest)
bad() { # DESCRIPTION PATTERN FILE
    # Bounded time, and memory (ASan reserves terabytes of address space).
    ( case $MOSAIC in *asan*) ;; *) ulimit -v 2000000 ;; esac
      timeout 10 "$MOSAIC" import "$T/$3" ) >"$T/out" 2>"$T/err"
    got=$?
    [ "$got" = 2 ] && ok "$1: exit 2" || not_ok "$1: exit $got, want 2"
    one_line_error "$2" && ok "$1: one line naming it" || not_ok "$1: one line naming it: $(head -c 300 "$T/err")"
    [ "$(store_digest)" = "$before" ] && ok "$1: store unchanged" || not_ok "$1: store unchanged"
}
sed 's|<wp:post_id>198</wp:post_id>|<wp:post_id>198</wp:post_i>|' "$WXR" >"$T/mismatch.xml"
bad "tag mismatch" "mismatch.xml:120: not well-formed XML" mismatch.xml
head -c 5000 "$WXR" >"$T/cut.xml"
bad "file cut short" "cut.xml:[0-9]*: not well-formed XML" cut.xml
python3 - "$T" "$WXR" <<'PY'
import sys
t, w = sys.argv[1], open(sys.argv[2], encoding="utf-8").read()
title = "<title>Morwen Tallis Counselling</title>"
def put(name, text):
    open(t + "/" + name, "w", encoding="utf-8").write(text)
# An undeclared entity outside CDATA: not well-formed.
put("entity.xml", w.replace(title, "<title>Morwen &nbsp; Tallis</title>", 1))
lol = "".join('<!ENTITY lol%d "%s">\n' % (i, ("&lol%d;" % (i - 1)) * 10 if i else "lol")
              for i in range(10))
put("bomb.xml", w.replace("<rss version", "<!DOCTYPE rss [\n" + lol + "]>\n<rss version", 1)
    .replace(title, "<title>&lol9;</title>", 1))
put("xxe.xml", w.replace("<rss version", '<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<rss version', 1)
    .replace(title, "<title>&x;</title>", 1))
PY
bad "undeclared entity" "entity.xml:17: not well-formed XML: Entity 'nbsp' not defined" entity.xml
bad "billion laughs (DOCTYPE)" "bomb.xml:8: has a DOCTYPE" bomb.xml
bad "external entity (DOCTYPE)" "xxe.xml:8: has a DOCTYPE" xxe.xml
wxr noid.xml "$(item '' post publish '2024-01-01 10:00:00' 'x')"
bad "item without wp:post_id" "noid.xml: an item without wp:post_id" noid.xml
wxr nodate.xml "$(item 7 post publish 'soon' 'x')"
bad "item without a readable date" "nodate.xml: item 7: no readable date" nodate.xml
printf '\xff\xfe<rss xmlns:wp="http://wordpress.org/export/1.2/">' >"$T/binary.xml"
bad "binary junk named as WXR" "binary.xml" binary.xml
# Memory stays bounded by one item, not the file: 40 MB of posts in well
# under 64 MB (ASan and valgrind use far more for themselves: skipped there).
case $MOSAIC in *asan* | *valgrind*) ;; *)
python3 - "$T/big.xml" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write('<?xml version="1.0"?>\n<rss xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Big</title>\n')
    body = "<p>" + "A long paragraph about nothing in particular. " * 100 + "</p>"
    for i in range(8000):
        f.write("<item><title>Post %d</title><wp:post_id>%d</wp:post_id><wp:post_type>post</wp:post_type>"
                "<wp:status>publish</wp:status><wp:post_date_gmt>2020-01-01 00:00:00</wp:post_date_gmt>"
                "<content:encoded><![CDATA[%s]]></content:encoded></item>\n" % (i, i + 1, body))
    f.write("</channel></rss>\n")
PY
kb=$(MOSAIC_DB=$T/big.db python3 -c 'import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' "$MOSAIC" import "$T/big.xml")
[ "$(MOSAIC_DB=$T/big.db "$MOSAIC" posts --jsonl | wc -l)" = 8000 ] && ok "40 MB WXR: all 8000 posts" || not_ok "40 MB WXR: all 8000 posts"
[ "$kb" -lt 65536 ] && ok "40 MB WXR read in $kb KB of memory" || not_ok "40 MB WXR read in $kb KB of memory (want < 64 MB)"
;; esac
finish
