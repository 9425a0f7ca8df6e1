#!/usr/bin/env bash
# LinkedIn, Reddit and Substack exports (zips of CSV files): the 2018
# LinkedIn shape (UTF-16LE, tabs), detection by content, drafts only on
# request, subscribers never read, and one clear line for bad CSV with
# the store unchanged.
. "$(dirname "$0")/lib.sh"
C=$FIX/csvplatforms
A=$FIX/archives

# mkzip OUT PYTHON_DICT: members {name: str or bytes}; u16(s) gives
# UTF-16LE with its BOM (lone surrogates allowed, to test bad input).
mkzip() {
    python3 - "$1" "$2" <<'PY'
import sys, zipfile
def u16(s):
    return b"\xff\xfe" + s.encode("utf-16-le", "surrogatepass")
members = eval(sys.argv[2])
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as zf:
    for name, data in members.items():
        zf.writestr(name, data.encode() if isinstance(data, str) else data)
PY
}

imported_format() { sed -n 's/^.*: \([a-z]*\): [0-9]* posts read.*$/\1/p' "$T/out"; }

# The 2018 LinkedIn export, matched against its expected file.
run 0 "linkedin 2018 (UTF-16LE, tabs) imports" "$MOSAIC" import "$C/linkedin-2018.zip"
"$MOSAIC" posts --jsonl >"$T/posts.jsonl" 2>"$T/err"
"$MOSAIC" profile --json >"$T/profile.json" 2>>"$T/err"
if python3 "$TOP/tests/e2e/fixture_compare.py" "$C/linkedin-2018.expected.json" \
    "$T/posts.jsonl" "$T/profile.json" >"$T/diff" 2>&1; then
    ok "linkedin 2018 matches its expected file"
else
    not_ok "linkedin 2018 matches its expected file"
    sed 's/^/#   /' "$T/diff" | head -10
fi
"$MOSAIC" forget --yes >/dev/null

# Detection is by content: names of the archives do not matter, members
# may sit under a folder, and a look-alike header is not taken.
L=$T/li.zip
mkzip "$L" "{'Basic_LinkedInDataExport_11-03-2024/Comments.csv':
  'Date,Link,Message\n2024-05-02 19:20:00,https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A1,Well said\n'}"
cp "$L" "$T/export.csv"
run 0 "linkedin: Comments.csv under a folder, archive named .csv" "$MOSAIC" import "$T/export.csv"
[ "$(imported_format)" = linkedin ] && ok "linkedin: detected by content" || not_ok "linkedin: detected by content: $(cat "$T/out")"
mkzip "$T/twocomments.zip" "{'Comments.csv':
  'Date,Link,Message\n2024-05-02 19:20:00,https://l.example/p/1,First\n2024-05-03 10:00:00,https://l.example/p/1,Second\n'}"
run 0 "linkedin: two comments on one post" "$MOSAIC" import "$T/twocomments.zip"
[ "$("$MOSAIC" posts --jsonl | grep -c 'l.example/p/1#comment')" = 2 ] \
    && ok "linkedin: two comments on one post stored apart" || not_ok "linkedin: two comments on one post stored apart"
mkzip "$T/sharesid.zip" "{'Shares_4711.csv': 'Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n2024-01-01 10:00:00,https://l.example/s/1,Hello from a Complete export,\"\",\"\",PUBLIC\n'}"
run 0 "linkedin: Shares_<memberid>.csv" "$MOSAIC" import "$T/sharesid.zip"
"$MOSAIC" posts --jsonl | grep -q '"native_id":"https://l.example/s/1".*"visibility":"public","text":"Hello from a Complete export"' \
    && ok "linkedin: Shares_<memberid>.csv read" || not_ok "linkedin: Shares_<memberid>.csv read"
mkzip "$T/yt.zip" "{'comments.csv': 'Comment ID,Channel ID,Comment Create Timestamp,Comment Text\n1,c,2024-01-01,hi\n'}"
run 2 "a YouTube-like comments.csv is not Reddit" "$MOSAIC" import "$T/yt.zip"
mkzip "$T/sub.zip" "{'x/posts.csv': 'post_id,post_date,is_published,type,audience,title,subtitle\n1.a,2024-01-01T00:00:00Z,true,newsletter,everyone,Hello,\n'}"
run 0 "posts.csv with Substack's header" "$MOSAIC" import "$T/sub.zip"
[ "$(imported_format)" = substack ] && ok "substack posts.csv not taken for Reddit's" || not_ok "substack posts.csv not taken for Reddit's: $(cat "$T/out")"
"$MOSAIC" forget --yes >/dev/null

# Substack: the draft only with --drafts; subscribers never read.
run 0 "substack default" "$MOSAIC" import "$A/substack-sample.zip"
grep -q "1 passed over" "$T/out" && ok "substack: the draft passed over" || not_ok "substack: the draft passed over: $(cat "$T/out")"
run 0 "substack --drafts" "$MOSAIC" import --drafts "$A/substack-sample.zip"
"$MOSAIC" posts --jsonl | grep -q '"native_id":"150000001","created_at":null,"own":true,"kind":"post","visibility":"draft","text":"Endings\\n\\nDraft. Do not send."' \
    && ok "substack --drafts: the draft, marked draft" || not_ok "substack --drafts: the draft, marked draft"
mkzip "$T/subs.zip" "{'posts.csv': 'post_id,post_date,is_published,type,audience,title,subtitle\n7.a,2024-01-01T00:00:00Z,true,newsletter,everyone,Hello,\n',
  'email_list.pub.csv': 'email,active_subscription,expiry,plan,email_disabled,created_at\nreader.one@example.net,true,,free,false,2024-01-01\n',
  'posts/7.a.opens.csv': 'email,timestamp\nreader.two@example.net,2024-01-02\n'}"
run 0 "substack with subscribers" "$MOSAIC" import "$T/subs.zip"
sqlite3 "$MOSAIC_DB" .dump >"$T/dump"
if grep -q "Hello" "$T/dump" && ! grep -q "reader\.\(one\|two\)@example" "$T/dump"; then
    ok "substack: no subscriber address in the store"
else
    not_ok "substack: no subscriber address in the store"
fi

# Substack's subscribe boxes and buttons are not the writer's words;
# an image caption is.
mkzip "$T/widgets.zip" "{'posts.csv': 'post_id,post_date,is_published,type,audience,title,subtitle\n9.w,2024-02-01T00:00:00Z,true,newsletter,everyone,Walls,\n',
  'posts/9.w.html': '<p>Before &amp; after.</p><div class=\"captioned-image-container\"><figure><img src=\"x.jpg\"><figcaption class=\"image-caption\">The room in Hexham</figcaption></figure></div><div class=\"subscription-widget-wrap\"><div class=\"subscription-widget show-subscribe\"><p>Thanks for reading! Subscribe for free</p></div></div><p class=\"button-wrapper\"><a class=\"button primary\"><span>Subscribe now</span></a></p><p>After.</p>'}"
run 0 "substack with widgets" "$MOSAIC" import "$T/widgets.zip"
"$MOSAIC" posts --jsonl | grep -q '"native_id":"9".*"text":"Walls\\n\\nBefore & after.\\n\\nThe room in Hexham\\n\\nAfter."' \
    && ok "substack: widgets dropped, caption kept" || not_ok "substack: widgets dropped, caption kept: $("$MOSAIC" posts --jsonl | grep '"9"')"

# Bad input: exit 2, one line naming the member (and line), store unchanged.
before=$(store_digest)
bad() { # DESCRIPTION PATTERN ZIP
    what=$1 pat=$2 zip=$3
    run 2 "$what: exit 2" "$MOSAIC" import "$zip"
    one_line_error "$pat" && ok "$what: one line naming it" || not_ok "$what: one line naming it: $(cat "$T/err")"
    [ "$(store_digest)" = "$before" ] && ok "$what: store unchanged" || not_ok "$what: store unchanged"
}
SH='Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n'
mkzip "$T/b1.zip" "{'Shares.csv': '${SH}2024-01-01 10:00:00,https://l.example/1,ok,\"\",\"\",PUBLIC\n2024-01-02 10:00:00,https://l.example/2,\"never closed\nstill going\n'}"
bad "linkedin: unterminated quote" "Shares.csv:3: a quoted field never ends" "$T/b1.zip"
mkzip "$T/b2.zip" "{'Shares.csv': 'Date,ShareCommentary,Visibility\n2024-01-01 10:00:00,hello,PUBLIC\n'}"
bad "linkedin: no ShareLink column" "Shares.csv: no 'ShareLink' column" "$T/b2.zip"
mkzip "$T/b3.zip" "{'Shares.csv': '${SH}last Tuesday,https://l.example/1,hi,\"\",\"\",PUBLIC\n'}"
bad "linkedin: unreadable date" "Shares.csv:2: date 'last Tuesday'" "$T/b3.zip"
mkzip "$T/b4.zip" "{'Shares.csv': u16('\"Date\"\t\"Share Link\"\t\"Share Commentary\"\r\n\"2017/06/08 08:15:44 UTC\"\t\"https://l.example/1\"\t\"a \ud83d b\"\r\n')}"
bad "linkedin: unpaired UTF-16 surrogate" "Shares.csv: invalid UTF-16: unpaired surrogate at byte" "$T/b4.zip"
mkzip "$T/b5.zip" "{'Shares.csv': u16('\"Date\"\t\"Share Link\"\t\"Share Commentary\"\r\n\"2017/06/08 08:15:44 UTC\"\t\"https://l.example/1\"\t\"hi\"\r\n') + b'\x41'}"
bad "linkedin: UTF-16 cut mid-character" "Shares.csv: invalid UTF-16: ends in the middle" "$T/b5.zip"
mkzip "$T/b6.zip" "{'Comments.csv': b'Date,Link,Message\n2024-01-01 10:00:00,https://l.example/1,caf\xe9\n'}"
bad "linkedin: invalid UTF-8" "Comments.csv:2: field 3 is not valid UTF-8" "$T/b6.zip"
RP='id,permalink,date,ip,subreddit,gildings,title,url,body\r\n'
mkzip "$T/b7.zip" "{'posts.csv': 'id,permalink,ip,subreddit,gildings,title,url,body\r\nabc,https://www.reddit.com/r/x/comments/abc/t/,,x,0,T,,B\r\n'}"
bad "reddit: no date column" "posts.csv: no 'date' column" "$T/b7.zip"
mkzip "$T/b8.zip" "{'posts.csv': '${RP}abc,https://www.reddit.com/r/x/comments/abc/t/,2024-13-45 99:00:00 UTC,,x,0,T,,B\r\n'}"
bad "reddit: impossible date" "posts.csv:2: date '2024-13-45" "$T/b8.zip"
mkzip "$T/b9.zip" "{'posts.csv': '${RP}abc,https://www.reddit.com/r/x/comments/abc/t/,2024-01-01 00:00:00 UTC,,x,0,T,,\"open\r\n'}"
bad "reddit: unterminated quote" "posts.csv:2: a quoted field never ends" "$T/b9.zip"
SP='post_id,post_date,is_published,email_sent_at,inbox_sent_at,type,audience,title,subtitle,podcast_url\n'
mkzip "$T/b10.zip" "{'posts.csv': b'${SP}1.a,2024-01-01T00:00:00.000Z,true,,,newsletter,everyone,Caf\xc3,,\n'}"
bad "substack: invalid UTF-8" "posts.csv:2: field 8 is not valid UTF-8" "$T/b10.zip"
mkzip "$T/b11.zip" "{'posts.csv': '${SP}1.a,soon,true,,,newsletter,everyone,T,,\n'}"
bad "substack: unreadable date" "posts.csv:2: post_date 'soon'" "$T/b11.zip"
mkzip "$T/b12.zip" "{'posts.csv': '${SP}1.a,2024-01-01T00:00:00.000Z,true,,,newsletter,everyone,T,,\n', 'posts/1.a.html': b'<p>caf\xe9</p>'}"
bad "substack: body not UTF-8" "posts/1.a.html: not valid UTF-8" "$T/b12.zip"
mkzip "$T/b13.zip" "{'posts.csv': 'post_id,is_published,title\n1.a,true,T\n'}"
bad "substack: no post_date column" "posts.csv: no 'post_date' column" "$T/b13.zip"
finish
