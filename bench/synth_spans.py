#!/usr/bin/env python3
"""Span-level precision / recall per category of `mosaic extract` on the
client posts of a mosaic-synth corpus.

usage: synth_spans.py MOSAIC TRUTH.json POSTS.jsonl [--json OUT]

POSTS.jsonl is `mosaic posts --jsonl` of a store holding the corpus (the
texts as imported).  Gold: every leak of every client post (truth.json).
A predicted span counts when it is attributed to the client (about
"client", or "unknown" in a post with a client cue) and overlaps a gold
span of the same category; precision over the predicted client spans of
the client posts and the hard-negative posts, recall over the gold spans.
"""
import json
import subprocess
import sys

from synth_ids import post_key


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    mosaic, truth_path, posts_path = sys.argv[1:4]
    truth = json.load(open(truth_path, encoding="utf-8"))
    texts = {}
    for line in open(posts_path, encoding="utf-8"):
        p = json.loads(line)
        texts[post_key(p["platform"], p["native_id"])] = p
    gold, items = {}, []
    for th in truth["therapists"]:
        for c in th["clients"]:
            for p in c["posts"]:
                key = post_key(p["platform"], p["native_id"])
                gold[key] = p["leaks"]
                items.append(key)
        for p in th.get("negatives", []):
            key = post_key(p["platform"], p["native_id"])
            gold.setdefault(key, [])
            items.append(key)
    lines = []
    for i, key in enumerate(items):
        p = texts.get(key)
        if p and p.get("text"):
            lines.append(json.dumps({"id": str(i), "text": p["text"],
                                     "created_at": p["created_at"]}))
    out = subprocess.run([mosaic, "extract", "--jsonl"],
                         input="\n".join(lines) + "\n", capture_output=True,
                         text=True, check=True).stdout
    stats = {}

    def s(cat):
        return stats.setdefault(cat, {"tp": 0, "fp": 0, "fn": 0})
    for line in out.splitlines():
        r = json.loads(line)
        want = list(gold[items[int(r["id"])]])
        found = [False] * len(want)
        for sp in r["spans"]:
            if sp["about"] != "client" and not (sp["about"] == "unknown" and r["client_cue"]):
                continue
            hit = False
            for j, g in enumerate(want):
                if g["category"] == sp["category"] and sp["start"] < g["end"] and g["start"] < sp["end"]:
                    found[j] = hit = True
            s(sp["category"])["tp" if hit else "fp"] += 1
        for j, g in enumerate(want):
            if not found[j]:
                s(g["category"])["fn"] += 1
    table = {}
    for cat, v in sorted(stats.items()):
        p = v["tp"] / (v["tp"] + v["fp"]) if v["tp"] + v["fp"] else None
        r = v["tp"] / (v["tp"] + v["fn"]) if v["tp"] + v["fn"] else None
        table[cat] = {"precision": p, "recall": r, **v}
    if "--json" in sys.argv:
        json.dump(table, open(sys.argv[sys.argv.index("--json") + 1], "w"), indent=2)
    print("| category | precision | recall | gold spans |")
    print("|---|---|---|---|")
    for cat, v in table.items():
        f = lambda x: "%.2f" % x if x is not None else "-"
        print("| %s | %s | %s | %d |" % (cat, f(v["precision"]), f(v["recall"]), v["tp"] + v["fn"]))


if __name__ == "__main__":
    main()
