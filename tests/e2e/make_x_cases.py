#!/usr/bin/env python3
"""Build small X archives for tests/e2e/test_import_x.sh into DIR."""
import json
import os
import sys
import zipfile

out, top = sys.argv[1], sys.argv[2]


def tweet(tid, text, when="Mon Feb 20 18:25:31 +0000 2023", **extra):
    t = {"id_str": tid, "id": tid, "created_at": when, "full_text": text}
    t.update(extra)
    return t


def ytd(var, elements):
    return "window.YTD.%s = %s" % (var, json.dumps(elements, indent=2))


def archive(name, files):
    with zipfile.ZipFile(os.path.join(out, name), "w",
                         zipfile.ZIP_DEFLATED) as z:
        for member, text in files.items():
            z.writestr(member, text)


ACCOUNT = ytd("account.part0", [{"account": {
    "username": "t_user", "accountId": "42", "accountDisplayName": "T"}}])

# tweets.js and two parts: every part is read.
archive("parts.zip", {
    "data/account.js": ACCOUNT,
    "data/tweets.js": ytd("tweets.part0", [{"tweet": tweet("300", "three")}]),
    "data/tweets-part1.js": ytd("tweets.part1",
                                [{"tweet": tweet("200", "two")}]),
    "data/tweets-part2.js": ytd("tweets.part2",
                                [{"tweet": tweet("100", "one")}]),
})
# A part without the first file: an incomplete download.
archive("no_part0.zip", {
    "data/tweets-part1.js": ytd("tweets.part1",
                                [{"tweet": tweet("200", "two")}]),
})
# 2019-2021: singular tweet.js, bare tweet objects, a BOM, trailing ';'.
archive("tweet_js.zip", {
    "data/tweet.js": "\ufeff" + ytd("tweet.part0", [
        tweet("500", "bare &amp; old", "Tue Mar 05 20:33:12 +0000 2019")])
    + ";",
})
# Wrong types: a number where a string belongs.
archive("number_id.zip", {
    "data/tweets.js": ytd("tweets.part0", [
        {"tweet": tweet("1", "fine")},
        {"tweet": dict(tweet("2", "bad"), id_str=2)}]),
})
archive("number_text.zip", {
    "data/tweets.js": ytd("tweets.part0",
                          [{"tweet": dict(tweet("3", "x"), full_text=7)}]),
})
archive("bad_date.zip", {
    "data/tweets.js": ytd("tweets.part0",
                          [{"tweet": tweet("4", "x", "yesterday")}]),
})
archive("not_object.zip", {
    "data/tweets.js": ytd("tweets.part0", [{"tweet": tweet("5", "x")}, 17]),
})
# tweets.js cut off in the middle of its second element.
full = ytd("tweets.part0", [{"tweet": tweet("6", "a")},
                            {"tweet": tweet("7", "b")}])
archive("cut_element.zip", {"data/tweets.js": full[: len(full) - 30]})
# Not X: a data/tweets.js that is not a window.YTD file.
archive("not_ytd.zip", {"data/tweets.js": "hello"})

# The whole zip cut short.
with open(os.path.join(out, "parts.zip"), "rb") as f:
    raw = f.read()
with open(os.path.join(out, "truncated.zip"), "wb") as f:
    f.write(raw[: len(raw) // 2])

# The classic archive from tests/fixtures/x/classic.
src = os.path.join(top, "tests/fixtures/x/classic")
with zipfile.ZipFile(os.path.join(out, "classic.zip"), "w",
                     zipfile.ZIP_DEFLATED) as z:
    for member in ("tweets.csv", "data/js/user_details.js", "README.txt"):
        z.write(os.path.join(src, member), member)
