#!/usr/bin/env python3
"""Build hostile inputs for tests/e2e/test_hostile_archives.sh into DIR.

Made at test time (not committed) so the repository holds no bombs.
"""
import io
import os
import sys
import tarfile
import zipfile

out = sys.argv[1]
TWEETS_HEAD = b'window.YTD.tweets.part0 = [ {\n  "tweet" : {\n'


def path(name):
    return os.path.join(out, name)


def zip_bomb():
    # 1 GiB of zeros deflates to about 1 MiB: a 1000:1 expansion.
    with zipfile.ZipFile(path("bomb.zip"), "w", zipfile.ZIP_DEFLATED) as z:
        with z.open("data/tweets.js", "w", force_zip64=True) as f:
            f.write(TWEETS_HEAD)
            chunk = b" " * (1 << 20)
            for _ in range(1024):
                f.write(chunk)


def named(archive, member):
    with zipfile.ZipFile(path(archive), "w") as z:
        z.writestr(member, "x")
        z.writestr("posts.jsonl", '{"id":"1","text":"hi"}\n')


def symlink_tar():
    with tarfile.open(path("symlink.tar.gz"), "w:gz") as t:
        info = tarfile.TarInfo("outbox.json")
        info.type = tarfile.SYMTYPE
        info.linkname = "/etc/passwd"
        t.addfile(info)


def truncated():
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as t:
        data = os.urandom(200000)
        info = tarfile.TarInfo("outbox.json")
        info.size = len(data)
        t.addfile(info, io.BytesIO(data))
    raw = buf.getvalue()
    open(path("truncated.tar.gz"), "wb").write(raw[: len(raw) // 2])
    zbuf = io.BytesIO()
    with zipfile.ZipFile(zbuf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("a.txt", os.urandom(100000))
        z.writestr("b.txt", os.urandom(100000))
    raw = zbuf.getvalue()
    open(path("truncated.zip"), "wb").write(raw[: len(raw) * 2 // 3])
    corrupt = bytearray(raw)
    for i in range(200, 5000):
        corrupt[i] ^= 0x5A
    open(path("corrupt.zip"), "wb").write(bytes(corrupt))


def big_post():
    text = "word " * (10 * (1 << 20) // 5)
    with open(path("big_post.jsonl"), "w") as f:
        f.write('{"id":"big","created_at":"2024-01-01T00:00:00Z","text":"%s"}\n'
                % text)


def nul_and_bad_utf8():
    with open(path("nul.jsonl"), "wb") as f:
        f.write(b'{"id":"n","text":"a\\u0000b"}\n')
    with open(path("bad_utf8_field.jsonl"), "wb") as f:
        f.write(b'{"id":"u","text":"caf\xe9"}\n')


def deep():
    with open(path("deep.jsonl"), "w") as f:
        f.write('{"id":"d","text":"x","extra":' + "[" * 100000 + "]" * 100000
                + "}\n")


def many_members():
    with zipfile.ZipFile(path("many.zip"), "w", zipfile.ZIP_STORED) as z:
        for i in range(200001):
            z.writestr(f"m/{i}", b"")


zip_bomb()
named("traversal.zip", "../../etc/evil.txt")
named("absolute.zip", "/etc/evil.txt")
symlink_tar()
truncated()
big_post()
nul_and_bad_utf8()
deep()
if "--many" in sys.argv:
    many_members()
