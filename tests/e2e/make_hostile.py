#!/usr/bin/env python3
"""Build hostile inputs for the hostile-input end-to-end tests into DIR.

    make_hostile.py DIR [--many] [NAME...]

With no NAME, every small input is made; the 100 MB ones (big100_*) are
made only when named, one at a time, so a test can remove each after use.
Made at test time (not committed) so the repository holds no bombs.
"""
import io
import json
import os
import sys
import tarfile
import zipfile

out = sys.argv[1]
TOP = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
ARCH = os.path.join(TOP, "tests", "fixtures", "archives")
TWEETS_HEAD = b'window.YTD.tweets.part0 = [ {\n  "tweet" : {\n'
OUTBOX_HEAD = (b'{"@context":"https://www.w3.org/ns/activitystreams",'
               b'"id":"outbox.json","type":"OrderedCollection",'
               b'"orderedItems":[')
MB100 = 100 << 20
DEEP = 100000


def path(name):
    return os.path.join(out, name)


def write(name, data):
    with open(path(name), "wb") as f:
        f.write(data.encode() if isinstance(data, str) else data)


def zip_of(name, members, method=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path(name), "w", method) as z:
        for member, data in members:
            z.writestr(member, data)


def note(id_, text, published="2024-01-01T00:00:00Z"):
    """One Mastodon outbox item (a Create of a Note)."""
    return {"id": id_ + "/activity", "type": "Create", "published": published,
            "to": ["https://www.w3.org/ns/activitystreams#Public"],
            "object": {"id": id_, "type": "Note", "published": published,
                       "content": text, "attachment": [], "tag": [],
                       "to": ["https://www.w3.org/ns/activitystreams#Public"]}}


def outbox(items):
    return json.dumps({"@context": "https://www.w3.org/ns/activitystreams",
                       "id": "outbox.json", "type": "OrderedCollection",
                       "totalItems": len(items), "orderedItems": items})


def mastodon_zip(name, items_json):
    zip_of(name, [("outbox.json", items_json),
                  ("actor.json", '{"type":"Person","preferredUsername":"m"}')])


def fixture_members(archive):
    with zipfile.ZipFile(os.path.join(ARCH, archive)) as z:
        return [(i.filename, z.read(i.filename)) for i in z.infolist()]


# ---- archives: bombs, names, links, truncation ----

def zip_bomb():
    # 1 GiB of spaces deflates to about 1 MiB: a 1000:1 expansion.
    def bomb(name, member, head):
        with zipfile.ZipFile(path(name), "w", zipfile.ZIP_DEFLATED) as z:
            with z.open(member, "w", force_zip64=True) as f:
                f.write(head)
                chunk = b" " * (1 << 20)
                for _ in range(1024):
                    f.write(chunk)
    bomb("bomb.zip", "data/tweets.js", TWEETS_HEAD)       # an X archive
    bomb("bomb_outbox.zip", "outbox.json", OUTBOX_HEAD)  # a Mastodon one


def named(archive, member):
    with zipfile.ZipFile(path(archive), "w") as z:
        z.writestr(member, "x")
        z.writestr("posts.jsonl", '{"id":"1","text":"hi"}\n')


def tar_named(archive, member, mode):
    with tarfile.open(path(archive), mode) as t:
        for name in ("posts.jsonl", member):
            data = b'{"id":"1","text":"hi"}\n'
            info = tarfile.TarInfo(name)
            info.size = len(data)
            t.addfile(info, io.BytesIO(data))


def links():
    with tarfile.open(path("symlink.tar.gz"), "w:gz") as t:
        info = tarfile.TarInfo("outbox.json")
        info.type = tarfile.SYMTYPE
        info.linkname = "/etc/passwd"
        t.addfile(info)
    # A Mastodon export whose outbox is a link to a file outside it.
    for name, kind in (("symlink_outbox.tar", tarfile.SYMTYPE),
                       ("hardlink_outbox.tar", tarfile.LNKTYPE)):
        with tarfile.open(path(name), "w") as t:
            data = b'{"type":"Person","preferredUsername":"m"}'
            info = tarfile.TarInfo("actor.json")
            info.size = len(data)
            t.addfile(info, io.BytesIO(data))
            info = tarfile.TarInfo("outbox.json")
            info.type = kind
            info.linkname = "/etc/passwd"
            t.addfile(info)
    # A zip whose outbox.json is a Unix symlink (mode 0120777).
    with zipfile.ZipFile(path("symlink.zip"), "w") as z:
        info = zipfile.ZipInfo("outbox.json")
        info.create_system = 3
        info.external_attr = 0o120777 << 16
        z.writestr(info, "/etc/passwd")
        z.writestr("actor.json", '{"type":"Person"}')


def truncated():
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as t:
        data = os.urandom(200000)
        info = tarfile.TarInfo("outbox.json")
        info.size = len(data)
        t.addfile(info, io.BytesIO(data))
    raw = buf.getvalue()
    write("truncated.tar.gz", raw[: len(raw) // 2])
    zbuf = io.BytesIO()
    with zipfile.ZipFile(zbuf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("a.txt", os.urandom(100000))
        z.writestr("b.txt", os.urandom(100000))
    raw = zbuf.getvalue()
    write("truncated.zip", raw[: len(raw) * 2 // 3])
    corrupt = bytearray(raw)
    for i in range(200, 5000):
        corrupt[i] ^= 0x5A
    write("corrupt.zip", bytes(corrupt))
    # A real Mastodon export whose gzip stream stops inside the outbox.
    items = [note("https://m.example/n/%d" % i, "post %d %s" % (i, os.urandom(40).hex()))
             for i in range(2000)]
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as t:
        for name, data in (("outbox.json", outbox(items).encode()),
                           ("actor.json", b'{"type":"Person"}')):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            t.addfile(info, io.BytesIO(data))
    raw = buf.getvalue()
    write("truncated_mastodon.tar.gz", raw[: len(raw) // 2])


def bad_crc():
    """The X sample whose account.js parses but fails its CRC-32 (the
    error comes after the profile's first element was read)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in fixture_members("twitter-sample.zip"):
            z.writestr(name, data)
    raw = bytearray(buf.getvalue())
    name = b"data/account.js"
    for sig, crc_at in ((b"PK\x03\x04", 14), (b"PK\x01\x02", 16)):
        name_at = 30 if sig == b"PK\x03\x04" else 46
        i = raw.find(sig)
        while i >= 0:
            if raw[i + name_at:i + name_at + len(name)] == name:
                raw[i + crc_at] ^= 0xFF
            i = raw.find(sig, i + 4)
    write("bad_crc.zip", bytes(raw))


# ---- one post far too big (made on request) ----

def big100(name):
    word = "word "
    text = word * (MB100 // len(word))
    if name == "big100_post.jsonl":
        write(name, '{"id":"big","created_at":"2024-01-01T00:00:00Z","text":"%s"}\n' % text)
    elif name == "big100_post.csv":
        write(name, 'id,created_at,text\nbig,2024-01-01T00:00:00Z,"%s"\n' % text)
    elif name == "big100_post.txt":
        write(name, text)
    elif name == "big100_outbox.zip":   # stored: 100 MB on disk, no bomb
        with zipfile.ZipFile(path(name), "w", zipfile.ZIP_STORED) as z:
            z.writestr("outbox.json", outbox([note("https://m.example/n/1", text)]))
            z.writestr("actor.json", '{"type":"Person"}')
    elif name == "big100_wordpress.xml":
        write(name, wxr("<item><title>t</title><wp:post_id>1</wp:post_id>"
                        "<wp:post_type>post</wp:post_type><wp:status>publish</wp:status>"
                        "<wp:post_date_gmt>2020-01-01 00:00:00</wp:post_date_gmt>"
                        "<content:encoded><![CDATA[%s]]></content:encoded></item>" % text))
    else:
        sys.exit("make_hostile: no input named " + name)


def wxr(items):
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:wp="http://wordpress.org/export/1.2/"><channel>'
            '<title>b</title><wp:wxr_version>1.2</wp:wxr_version>%s'
            '</channel></rss>\n' % items)


def big_post():
    text = "word " * (10 * (1 << 20) // 5)
    write("big_post.jsonl",
          '{"id":"big","created_at":"2024-01-01T00:00:00Z","text":"%s"}\n' % text)


# ---- nesting, NUL bytes, bad UTF-8 ----

def deep():
    nest = "[" * DEEP + "]" * DEEP
    write("deep.jsonl", '{"id":"d","text":"x","extra":' + nest + "}\n")
    mastodon_zip("deep_outbox.zip", OUTBOX_HEAD.decode() + nest + "]}")
    mastodon_zip("deep_html.zip", outbox([note("https://m.example/n/1",
                                                "<div>" * DEEP + "x" + "</div>" * DEEP)]))
    members = [(n, nest.encode() if "your_posts" in n else d)
               for n, d in fixture_members("facebook-sample.zip")]
    zip_of("deep_facebook.zip", members)
    write("deep_wordpress.xml", wxr("<item>" + "<x>" * DEEP + "</x>" * DEEP + "</item>"))


def nul_and_bad_utf8():
    write("nul.jsonl", b'{"id":"n","text":"a\\u0000b"}\n')
    write("raw_nul.jsonl", b'{"id":"n","text":"a\x00b"}\n')
    write("nul.csv", b'id,created_at,text\n1,2024-01-01T00:00:00Z,a\x00b\n')
    write("nul.txt", b'first post\n\nsecond \x00 post\n')
    mastodon_zip("nul_outbox.zip", outbox([note("https://m.example/n/1", "a\u0000b")]))
    write("nul_wordpress.xml", wxr("<item><title>a&#0;b</title></item>"))
    write("bad_utf8_field.jsonl", b'{"id":"u","text":"caf\xe9"}\n')
    write("overlong.jsonl", b'{"id":"o","text":"a\xc0\xafb"}\n')
    write("surrogate.jsonl", b'{"id":"s","text":"a\xed\xa0\x80b"}\n')
    write("escaped_surrogate.jsonl", b'{"id":"s","text":"a\\ud800b"}\n')
    write("overlong.csv", b'id,created_at,text\n1,2024-01-01T00:00:00Z,a\xe0\x80\xafb\n')
    write("overlong_id.csv", b'id,created_at,text\n\xc0\xaf,2024-01-01T00:00:00Z,ok\n')
    write("overlong.txt", b'first post\n\nsecond \xf0\x80\x80\xaf post\n')
    mastodon_zip("overlong_outbox.zip",
                 OUTBOX_HEAD + json.dumps(note("https://m.example/n/1", "x")).encode()
                 .replace(b'"x"', b'"a\xc0\xafb"') + b"]}")
    write("overlong_wordpress.xml",
          wxr("<item><title>aOVERLONGb</title></item>").encode()
          .replace(b"OVERLONG", b"\xc0\xaf"))


def late_failure():
    """5,000 good posts, then a bad one: the good ones are not kept."""
    good = "".join('{"id":"g%d","created_at":"2024-01-01T00:00:00Z","text":"good %d"}\n'
                   % (i, i) for i in range(5000))
    write("late_bad.jsonl", good.encode() + b'{"id":"bad","text":"a\xc0\xafb"}\n')
    items = [note("https://m.example/n/%d" % i, "good %d" % i) for i in range(5000)]
    text = outbox(items)
    mastodon_zip("late_deep_outbox.zip",
                 text[:-2] + ',' + "[" * DEEP + "]" * DEEP + "]}")


def many_members():
    with zipfile.ZipFile(path("many.zip"), "w", zipfile.ZIP_STORED) as z:
        for i in range(200001):
            z.writestr(f"m/{i}", b"")


def small():
    zip_bomb()
    named("traversal.zip", "../../etc/evil.txt")
    named("absolute.zip", "/etc/evil.txt")
    named("backslash.zip", "..\\..\\evil.txt")
    tar_named("traversal.tar.gz", "export/../../evil.txt", "w:gz")
    tar_named("absolute.tar", "/etc/evil.txt", "w")
    links()
    truncated()
    bad_crc()
    big_post()
    nul_and_bad_utf8()
    deep()
    late_failure()


os.makedirs(out, exist_ok=True)
names = [a for a in sys.argv[2:] if not a.startswith("--")]
if names:
    for n in names:
        big100(n)
else:
    small()
if "--many" in sys.argv:
    many_members()
