#!/usr/bin/env python3
"""Build exports whose syntax is valid but whose values have the wrong
type, one or more per platform, into DIR (for test_hostile_types.sh):

  <platform>-strings.<ext>  every string value a number (JSON platforms)
  <platform>-numbers.<ext>  every number a string (JSON platforms)
  <platform>-date.<ext>     a date that is a number (CSV and XML platforms)
  bluesky-text.car          a post whose text is a number (DAG-CBOR)
  bluesky-deep.car          a post with an array nested 100,000 deep

Each starts from the platform's sample in tests/fixtures/archives/.
"""
import hashlib
import io
import json
import os
import re
import sys
import tarfile
import zipfile

out = sys.argv[1]
ARCH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                    "tests", "fixtures", "archives")
KEEP = {"type", "@context", "$type"}  # what detection looks at


def retype(value, key, to):
    """Every string (to='number') or number (to='string') below value."""
    if isinstance(value, dict):
        return {k: retype(v, k, to) for k, v in value.items()}
    if isinstance(value, list):
        return [retype(v, key, to) for v in value]
    if key in KEEP:
        return value
    if to == "number" and isinstance(value, str):
        return 7
    if to == "string" and isinstance(value, (int, float)) \
            and not isinstance(value, bool):
        return str(value)
    return value


def json_members(members, to):
    done = []
    for name, data in members:
        if name.endswith(".json"):
            data = json.dumps(retype(json.loads(data), None, to)).encode()
        done.append((name, data))
    return done


def read_zip(name):
    with zipfile.ZipFile(os.path.join(ARCH, name)) as z:
        return [(i.filename, z.read(i.filename)) for i in z.infolist()]


def write_zip(name, members):
    with zipfile.ZipFile(os.path.join(out, name), "w", zipfile.ZIP_DEFLATED) as z:
        for member, data in members:
            z.writestr(member, data)


def write_tgz(name, members):
    with tarfile.open(os.path.join(out, name), "w:gz") as t:
        for member, data in members:
            info = tarfile.TarInfo(member)
            info.size = len(data)
            t.addfile(info, io.BytesIO(data))


def json_platforms():
    for platform in ("mastodon", "facebook", "instagram"):
        members = read_zip(platform + "-sample.zip")
        write_zip(platform + "-strings.zip", json_members(members, "number"))
        if platform != "mastodon":  # Meta's times are numbers
            write_zip(platform + "-numbers.zip", json_members(members, "string"))
    with tarfile.open(os.path.join(ARCH, "mastodon-sample.tar.gz")) as t:
        members = [(m.name, t.extractfile(m).read()) for m in t.getmembers()
                   if m.isfile()]
    write_tgz("mastodon-strings.tar.gz", json_members(members, "number"))


def csv_date(members, member, column):
    """The first record's `column` set to 42 (a number, not a date)."""
    done = []
    for name, data in members:
        if name == member:
            lines = data.decode().split("\n")
            header = lines[0].split(",")
            i = header.index(column)
            fields = lines[1].split(",")
            fields[i] = "42"
            lines[1] = ",".join(fields)
            data = "\n".join(lines).encode()
        done.append((name, data))
    return done


def csv_platforms():
    write_zip("reddit-date.zip", csv_date(read_zip("reddit-sample.zip"),
                                          "posts.csv", "date"))
    write_zip("substack-date.zip", csv_date(read_zip("substack-sample.zip"),
                                            "posts.csv", "post_date"))
    write_zip("linkedin-date.zip", csv_date(read_zip("linkedin-sample.zip"),
                                            "Shares.csv", "Date"))


def xml_platforms():
    wxr = open(os.path.join(ARCH, "wordpress-sample.xml")).read()
    wxr = re.sub(r"<wp:post_date_gmt><!\[CDATA\[[^]]*\]\]>",
                 "<wp:post_date_gmt><![CDATA[42]]>", wxr, count=1)
    wxr = re.sub(r"<wp:post_date><!\[CDATA\[[^]]*\]\]>",
                 "<wp:post_date><![CDATA[42]]>", wxr, count=1)
    wxr = wxr.replace("<pubDate>Tue, 09 Jan 2024 19:30:00 +0000</pubDate>",
                      "<pubDate>42</pubDate>")
    open(os.path.join(out, "wordpress-date.xml"), "w").write(wxr)
    members = []
    for name, data in read_zip("blogger-sample.zip"):
        if name.endswith(".atom"):
            data = re.sub(rb"<published>[^<]*</published>",
                          b"<published>42</published>", data, count=1)
        members.append((name, data))
    write_zip("blogger-date.zip", members)


# ---- a minimal DAG-CBOR and CAR v1 writer, for a Bluesky repository ----

def cbor_head(major, n):
    if n < 24:
        return bytes([major << 5 | n])
    for size, info in ((1, 24), (2, 25), (4, 26), (8, 27)):
        if n < 1 << (8 * size):
            return bytes([major << 5 | info]) + n.to_bytes(size, "big")
    raise ValueError(n)


class Link:
    def __init__(self, cid):
        self.cid = cid


class Raw:
    """Bytes already encoded (too deep for this recursive writer)."""
    def __init__(self, data):
        self.data = data


def cbor(v):
    if v is None:
        return b"\xf6"
    if isinstance(v, bool):
        return b"\xf5" if v else b"\xf4"
    if isinstance(v, int):
        return cbor_head(0, v) if v >= 0 else cbor_head(1, -1 - v)
    if isinstance(v, bytes):
        return cbor_head(2, len(v)) + v
    if isinstance(v, str):
        b = v.encode()
        return cbor_head(3, len(b)) + b
    if isinstance(v, list):
        return cbor_head(4, len(v)) + b"".join(cbor(x) for x in v)
    if isinstance(v, dict):  # DAG-CBOR key order: length, then bytes
        keys = sorted(v, key=lambda k: (len(k.encode()), k.encode()))
        return cbor_head(5, len(v)) + b"".join(cbor(k) + cbor(v[k]) for k in keys)
    if isinstance(v, Link):
        return b"\xd8\x2a" + cbor(b"\x00" + v.cid)
    if isinstance(v, Raw):
        return v.data
    raise TypeError(v)


def varint(n):
    b = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        b.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(b)


def block(value):
    data = cbor(value)
    cid = b"\x01\x71\x12\x20" + hashlib.sha256(data).digest()
    return cid, data


def car(path, records):
    """A repository holding `records` ({key: record}), written to path."""
    blocks = []
    entries = []
    prev = b""
    for key in sorted(records):
        cid, data = block(records[key])
        blocks.append((cid, data))
        k = key.encode()
        p = 0
        while p < min(len(k), len(prev)) and k[p] == prev[p]:
            p += 1
        entries.append({"k": k[p:], "p": p, "t": None, "v": Link(cid)})
        prev = k
    node_cid, node = block({"e": entries, "l": None})
    commit_cid, commit = block({"did": "did:plc:wrongtypes", "version": 3,
                                "data": Link(node_cid), "rev": "3l000000000",
                                "prev": None, "sig": b"\x00" * 64})
    header = cbor({"roots": [Link(commit_cid)], "version": 1})
    with open(path, "wb") as f:
        f.write(varint(len(header)) + header)
        for cid, data in [(commit_cid, commit), (node_cid, node)] + blocks:
            f.write(varint(len(cid) + len(data)) + cid + data)


def bluesky():
    post = {"$type": "app.bsky.feed.post", "text": "fine",
            "createdAt": "2024-11-02T10:00:00.000Z"}
    car(os.path.join(out, "bluesky-ok.car"),
        {"app.bsky.feed.post/3kaaaaaaaaaa1": post})
    car(os.path.join(out, "bluesky-text.car"),
        {"app.bsky.feed.post/3kaaaaaaaaaa1": post,
         "app.bsky.feed.post/3kaaaaaaaaaa2": dict(post, text=42)})
    car(os.path.join(out, "bluesky-date.car"),
        {"app.bsky.feed.post/3kaaaaaaaaaa1": dict(post, createdAt=42)})
    # Not a type but a shape: an array nested 100,000 deep in a post.
    car(os.path.join(out, "bluesky-deep.car"),
        {"app.bsky.feed.post/3kaaaaaaaaaa1":
         dict(post, facets=Raw(b"\x81" * 100000 + b"\xf6"))})


os.makedirs(out, exist_ok=True)
json_platforms()
csv_platforms()
xml_platforms()
bluesky()
