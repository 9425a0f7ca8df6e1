#!/usr/bin/env python3
"""What the evidence rule for place names that are common words buys.

usage: evidence_fp.py MOSAIC DATA NO_RULE_DATA WORDS NAME GOLD [NAME GOLD...]

Runs `mosaic extract --jsonl` over each GOLD set twice: with the data as
shipped (DATA) and with the word list WORDS emptied (NO_RULE_DATA), so
that Reading, Bath, Sale, March... are place names like any other.  Of
the PLACE spans whose words are on that list, a span is right when it
overlaps a gold location and wrong otherwise.  Prints a Markdown row per
set: the spans with and without the rule, the false positives the rule
avoids and the true places it costs.

GOLD is span_eval's format: {"id", "text", "spans": [{"start", "end",
"type"}]} per line; a location is typed LOC, location, geo-loc or GPE.
"""
import json
import os
import subprocess
import sys

LOCATION = {"LOC", "LOCATION", "GEO-LOC", "GPE"}


def common_words(path):
    with open(path, encoding="utf-8") as f:
        return {w.strip().lower() for w in f
                if w.strip() and not w.startswith("#")}


def extract(mosaic, data, gold_path):
    env = dict(os.environ, MOSAIC_DATA=data)
    out = subprocess.run([mosaic, "extract", "--jsonl", "--skip-bad",
                          gold_path], env=env, capture_output=True,
                         text=True, check=True).stdout
    return {r["id"]: r["spans"] for r in map(json.loads, out.splitlines())}


def count(pred, gold, words):
    """(spans on the words, wrong ones)."""
    n = wrong = 0
    for doc in gold:
        locs = [s for s in doc.get("spans", []) if s["type"].upper() in LOCATION]
        for s in pred.get(doc["id"], []):
            if s["category"] != "PLACE" or \
                    s["text"].lstrip("#").lower() not in words:
                continue
            n += 1
            wrong += not any(s["start"] < g["end"] and g["start"] < s["end"]
                             for g in locs)
    return n, wrong


def main():
    if len(sys.argv) < 7 or len(sys.argv) % 2 == 0:
        sys.exit(__doc__)
    mosaic, data, no_rule, words_path = sys.argv[1:5]
    words = common_words(words_path)
    print("| set | place spans on common words, with the rule (wrong) "
          "| without it (wrong) | false positives avoided "
          "| true places lost |")
    print("|---|---|---|---|---|")
    for name, path in zip(sys.argv[5::2], sys.argv[6::2]):
        with open(path, encoding="utf-8") as f:
            gold = [json.loads(line) for line in f if line.strip()]
        if not any("spans" in doc for doc in gold):
            print("| %s | (no gold spans) | | | |" % name)
            continue
        n1, w1 = count(extract(mosaic, data, path), gold, words)
        n0, w0 = count(extract(mosaic, no_rule, path), gold, words)
        print("| %s | %d (%d) | %d (%d) | %d | %d |" %
              (name, n1, w1, n0, w0, w0 - w1, (n0 - w0) - (n1 - w1)))


if __name__ == "__main__":
    main()
