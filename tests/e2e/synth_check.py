#!/usr/bin/env python3
"""synth_check.py DIR -- check a mosaic-synth corpus against its truth.json.

Reads every archive the truth names (X zip, Mastodon tar.gz) the way an
importer would (strip the window.YTD prefix, decode HTML entities; turn
Mastodon's HTML into text), then checks that every leak and hard negative
span points at its text, that post counts agree, and that each verdict
follows from k_true, k_insider and the cues as DESIGN.md says.
Prints one line per problem and exits 1 if there is any.
"""
import html
import html.parser
import json
import os
import sys
import tarfile
import zipfile


class MastodonText(html.parser.HTMLParser):
    """Mastodon HTML to plain text: paragraphs blank-line separated."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.paras = [], 0

    def handle_starttag(self, tag, attrs):
        if tag == "p" and self.paras:
            self.out.append("\n\n")
        if tag == "p":
            self.paras += 1
        if tag == "br":
            self.out.append("\n")

    def handle_data(self, data):
        self.out.append(data)


def read_x(path):
    posts = {}
    with zipfile.ZipFile(path) as z:
        raw = z.read("data/tweets.js").decode("utf-8")
        assert raw.startswith("window.YTD.tweets.part0 = ["), "tweets.js prefix"
        for item in json.loads(raw[raw.index("["):]):
            t = item["tweet"]
            posts[t["id_str"]] = html.unescape(t["full_text"])
        prof = z.read("data/profile.js").decode("utf-8")
        json.loads(prof[prof.index("["):])
        acct = z.read("data/account.js").decode("utf-8")
        json.loads(acct[acct.index("["):])
    return posts


def read_mastodon(path):
    posts = {}
    with tarfile.open(path, "r:gz") as t:
        names = t.getnames()
        assert names[-1] == "actor.json", "actor.json must come last"
        outbox = json.load(t.extractfile("outbox.json"))
        json.load(t.extractfile("actor.json"))
    assert outbox["totalItems"] == len(outbox["orderedItems"])
    for act in outbox["orderedItems"]:
        obj = act["object"]
        p = MastodonText()
        p.feed(obj["content"])
        posts[obj["id"].rsplit("/", 1)[1]] = "".join(p.out)
    return posts


def check_spans(problems, where, text, spans):
    for s in spans:
        got = text[s["start"]:s["end"]]
        if got != s["text"] or s["end"] <= s["start"]:
            problems.append(f"{where}: span {s['start']}-{s['end']} is "
                            f"{got!r}, truth says {s['text']!r}")


def verdict(c, k_min):
    if c["k_true"] < k_min or c["direct_identifier"]:
        return "HIGH"
    if c["k_insider"] < 2 or c["self_recognition"]:
        return "MEDIUM"
    return "LOW"


def main(top):
    truth = json.load(open(os.path.join(top, "truth.json"), encoding="utf-8"))
    problems, nspans, nposts = [], 0, 0
    for th in truth["therapists"]:
        texts = {}
        for plat, arc in th["archives"].items():
            reader = read_x if plat == "x" else read_mastodon
            posts = reader(os.path.join(top, arc["path"]))
            if len(posts) != arc["posts"]:
                problems.append(f"{arc['path']}: {len(posts)} posts, truth "
                                f"says {arc['posts']}")
            nposts += len(posts)
            texts[plat] = posts
        for c in th["clients"]:
            for p in c["posts"]:
                where = f"{c['id']} {p['platform']}:{p['native_id']}"
                text = texts.get(p["platform"], {}).get(p["native_id"])
                if text is None:
                    problems.append(f"{where}: post not in the archive")
                    continue
                check_spans(problems, where, text, p["leaks"])
                nspans += len(p["leaks"])
            if c["k_true"] < 1:
                problems.append(f"{c['id']}: k_true {c['k_true']} < 1")
            if verdict(c, truth["k_min"]) != c["verdict"]:
                problems.append(f"{c['id']}: verdict {c['verdict']} does not "
                                f"follow from its k and cues")
        for p in th["negatives"]:
            where = f"{th['id']} negative {p['platform']}:{p['native_id']}"
            text = texts.get(p["platform"], {}).get(p["native_id"])
            if text is None:
                problems.append(f"{where}: post not in the archive")
                continue
            check_spans(problems, where, text, p["negatives"])
            nspans += len(p["negatives"])
    if nposts != truth["posts"]:
        problems.append(f"archives hold {nposts} posts, truth says "
                        f"{truth['posts']}")
    for line in problems[:20]:
        print(line)
    print(f"# {nposts} posts, {nspans} spans, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
