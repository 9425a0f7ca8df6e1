#!/usr/bin/env python3
"""Compare what mosaic imported from a sample archive with its
.expected.json (see tests/fixtures/archives/SOURCE.md).

usage: fixture_compare.py EXPECTED.json POSTS.jsonl PROFILES.json [--drafts]

POSTS.jsonl is `mosaic posts --jsonl`, PROFILES.json `mosaic profile --json`.
Exits 0 when they agree, 1 with one line per difference otherwise.
"""
import json
import sys

# Posts with no id in the export: the importer derives its own stable key,
# so they are matched on what they say and when.
NO_ID_PLATFORMS = {"facebook", "instagram", "threads"}
REQUIRED = ["platform", "created_at", "own", "kind", "visibility", "text"]
OPTIONAL = ["reply_to", "thread_root", "content_warning", "alt_texts",
            "place", "boost_of", "quote_of", "edited", "deleted"]


def key(post):
    if post["platform"] in NO_ID_PLATFORMS:
        return (post["platform"], post["created_at"], post.get("text"),
                post.get("kind"))
    return (post["platform"], post["native_id"])


def opt_in_only(post):
    """Not imported by default: drafts, and unpublished blog posts."""
    if post["visibility"] == "draft":
        return True
    return post["platform"] in ("wordpress",) and \
        post["visibility"] == "private"


def compare_posts(expected, got, drafts, problems):
    got_by_key = {}
    for p in got:
        if key(p) in got_by_key:
            problems.append(f"duplicate post {key(p)}")
        got_by_key[key(p)] = p
    for want in expected:
        k = key(want)
        have = got_by_key.pop(k, None)
        if have is None:
            if not drafts and opt_in_only(want):
                continue
            problems.append(f"missing post {k}")
            continue
        for f in REQUIRED + OPTIONAL:
            w, h = want.get(f), have.get(f)
            if f in ("edited", "deleted"):
                w, h = bool(w), bool(h)
            if w != h:
                problems.append(f"post {k}: {f} is {h!r}, want {w!r}")
    for k, p in got_by_key.items():
        # --drafts may bring in drafts an expected file only mentions in
        # its note (substack); any other extra post is a fault.
        if drafts and p.get("visibility") == "draft":
            continue
        problems.append(f"unexpected post {k}")


def compare_profile(expected, profiles, problems):
    if not expected:
        return
    if not profiles:
        problems.append("no profile imported")
        return
    merged = {}
    for p in profiles:
        merged.update(p.get("extra") or {})
        merged.update({k: v for k, v in p.items() if k != "extra"})
    for f, w in expected.items():
        if merged.get(f) != w:
            problems.append(f"profile {f} is {merged.get(f)!r}, want {w!r}")


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    expected = json.load(open(sys.argv[1], encoding="utf-8"))
    got = [json.loads(line) for line in open(sys.argv[2], encoding="utf-8")
           if line.strip()]
    profiles = json.load(open(sys.argv[3], encoding="utf-8"))
    drafts = "--drafts" in sys.argv[4:]
    problems = []
    compare_posts(expected["posts"], got, drafts, problems)
    compare_profile(expected.get("profile"), profiles, problems)
    for p in problems:
        print(p)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
