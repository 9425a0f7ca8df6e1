#!/usr/bin/env python3
"""Write a synthetic X archive with N tweets for bench/bench_import.sh.

usage: make_x_archive.py OUT.zip [N]   (N defaults to 1,000,000)

The zip has the 2022+ layout: data/tweets.js (split into parts of
MAX_PART tweets, as X does for large archives), account.js, profile.js,
note-tweet.js, like.js.  Each tweet element is printed the way X's
printer does (one key per line, " : ", string ids and indices) with the
fields a real tweet carries.  The mix: plain posts, replies to others,
self-threads, retweets, quotes with a status link, HTML entities, edit
pairs and long posts.  Deterministic: the same N gives the same bytes.
"""
import random
import sys
import zipfile

ACCOUNT_ID = "1187302946614378496"
EPOCH_MS = 1288834974657
MAX_PART = 400000
WORDS = ("client session grief anxiety supervision walk Tyne clinic "
         "today week training trauma rest work tea kettle town bakery "
         "midwife paramedic teacher counselling room plants Monday "
         "endings therapy notice carrying home small steps body "
         "calendar &amp; &lt;3 café — ☕ 🌿").split()

TWEET = """  {
    "tweet" : {
      "edit_info" : {
%(edit)s
      },
      "retweeted" : false,
      "source" : "<a href=\\"https://mobile.twitter.com\\" rel=\\"nofollow\\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ %(urls)s ]
      },
      "display_text_range" : [
        "0",
        "%(len)d"
      ],
      "favorite_count" : "%(favs)d",
      %(reply)s"id_str" : "%(id)s",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "%(id)s",
      "created_at" : "%(when)s",
      "favorited" : false,
      "full_text" : "%(text)s",
      "lang" : "en"
    }
  }"""

EDIT_INITIAL = """        "initial" : {
          "editTweetIds" : [
            %(ids)s
          ],
          "editableUntil" : "2024-09-18T08:42:10.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : false
        }"""

EDIT_LATER = """        "edit" : {
          "initialTweetId" : "%(initial)s",
          "editControlInitial" : {
            "editTweetIds" : [
              %(ids)s
            ],
            "editableUntil" : "2024-09-18T08:42:10.000Z",
            "editsRemaining" : "4",
            "isEditEligible" : true
          }
        }"""

REPLY = ('"in_reply_to_status_id_str" : "%(to)s",\n'
         '      "in_reply_to_user_id" : "%(user)s",\n'
         '      "in_reply_to_status_id" : "%(to)s",\n'
         '      "in_reply_to_screen_name" : "%(name)s",\n'
         '      "in_reply_to_user_id_str" : "%(user)s",\n      ')

QUOTE_URL = """{
            "url" : "https://t.co/q%(n)d",
            "expanded_url" : "https://twitter.com/someone_ex/status/%(to)s",
            "display_url" : "twitter.com/someone_ex/…",
            "indices" : [
              "0",
              "23"
            ]
          }"""

DAYS = "Mon Tue Wed Thu Fri Sat Sun".split()
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def x_date(ms):
    import time
    t = time.gmtime(ms // 1000)
    return "%s %s %02d %02d:%02d:%02d +0000 %d" % (
        DAYS[t.tm_wday], MONTHS[t.tm_mon - 1], t.tm_mday, t.tm_hour,
        t.tm_min, t.tm_sec, t.tm_year)


def snowflake(ms, seq):
    return str(((ms - EPOCH_MS) << 22) | seq)


def tweets(n, rng):
    """Yield (element text, note) newest first."""
    older_ms = 1735689600000  # 2025-01-01
    i = 0
    while i < n:
        ms = older_ms
        older_ms = ms - rng.randint(20000, 4000000)  # the next one's time
        tid = snowflake(ms, i & 0xFFF)
        text = " ".join(rng.choices(WORDS, k=rng.randint(6, 40)))
        kind = rng.random()
        f = {"id": tid, "when": x_date(ms), "favs": rng.randint(0, 30),
             "urls": "", "reply": "",
             "edit": EDIT_INITIAL % {"ids": '"%s"' % tid}}
        note = None
        if kind < 0.10:
            text = "RT @someone_ex: " + text
        elif kind < 0.25:
            f["reply"] = REPLY % {"to": snowflake(ms - 5000, 7),
                                  "user": "1093847561029384756",
                                  "name": "someone_ex"}
            text = "@someone_ex " + text
        elif kind < 0.35:
            # a thread: this post answers the next, older one of the user's
            f["reply"] = REPLY % {"to": snowflake(older_ms, (i + 1) & 0xFFF),
                                  "user": ACCOUNT_ID, "name": "morwen_talks"}
        elif kind < 0.39:
            f["urls"] = QUOTE_URL % {"n": i, "to": snowflake(ms - 9000, 3)}
        elif kind < 0.40 and i + 1 < n:
            # an edit pair: the later version first, as archives list them
            first = snowflake(ms - 60000, 1)
            ids = '"%s",\n              "%s"' % (first, tid)
            f["edit"] = EDIT_LATER % {"initial": first, "ids": ids}
            f["text"] = text + " (edited)"
            f["len"] = len(f["text"])
            yield TWEET % f, None
            i += 1
            f = dict(f, id=first, when=x_date(ms - 60000),
                     edit=EDIT_INITIAL % {"ids": ids})
        elif kind < 0.401:
            note = (ms, text * 8)
            text = note[1][:270] + "…"
        f["text"] = text
        f["len"] = len(text)
        yield TWEET % f, note
        i += 1


def iso(ms):
    import time
    return time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(ms // 1000))


def js_file(z, name, var, elements):
    with z.open(name, "w", force_zip64=True) as f:
        f.write(b"window.YTD.%s = [\n" % var.encode())
        first = True
        for e in elements:
            f.write((e if first else ",\n" + e).encode())
            first = False
        f.write(b"\n]")


def main():
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 1000000
    rng = random.Random(20240501)
    notes = []
    gen = tweets(n, rng)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED,
                         compresslevel=6) as z:
        for part in range((n + MAX_PART - 1) // MAX_PART):
            name = "data/tweets.js" if part == 0 else \
                "data/tweets-part%d.js" % part
            chunk = []
            for elem, note in gen:
                chunk.append(elem)
                if note:
                    notes.append(note)
                if len(chunk) == MAX_PART:
                    break
            js_file(z, name, "tweets.part%d" % part, chunk)
        js_file(z, "data/account.js", "account.part0", [
            '  {\n    "account" : {\n      "username" : "morwen_talks",\n'
            '      "accountId" : "%s",\n      "accountDisplayName" : '
            '"Morwen Tallis"\n    }\n  }' % ACCOUNT_ID])
        js_file(z, "data/profile.js", "profile.part0", [
            '  {\n    "profile" : {\n      "description" : {\n        '
            '"bio" : "Integrative counsellor. Grief & anxiety.",\n        '
            '"location" : "Hexham, Northumberland"\n      }\n    }\n  }'])
        js_file(z, "data/note-tweet.js", "note_tweet.part0", (
            '  {\n    "noteTweet" : {\n      "noteTweetId" : "%d",\n'
            '      "createdAt" : "%s",\n      "core" : {\n        "text" : '
            '"%s"\n      }\n    }\n  }' % (ms, iso(ms), t)
            for ms, t in notes))
        js_file(z, "data/like.js", "like.part0", (
            '  {\n    "like" : {\n      "tweetId" : "%d",\n      '
            '"fullText" : "liked %d"\n    }\n  }' % (i, i)
            for i in range(n // 20)))


if __name__ == "__main__":
    main()
