#!/usr/bin/env python3
"""Score `mosaic scan --format json` reports against mosaic-synth's truth.

usage: synth_quality.py TRUTH.json REPORTS_DIR [--json OUT]

REPORTS_DIR holds one report per therapist, named <therapist id>.json.
Client-level: a true client is HIGH in the truth; a HIGH finding is
counted for the client most of its posts belong to.
  recall    = true HIGH clients with a HIGH finding / true HIGH clients
  precision = HIGH findings whose main client is truly HIGH / HIGH findings
k calibration over findings matched to a client, leaving out those with
a name or contact detail (k is 1 by design): median and 90th percentile
of |log10(k_est / k_true)|.
"""
import json
import math
import os
import sys

from synth_ids import post_key


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    truth = json.load(open(sys.argv[1], encoding="utf-8"))
    reports = sys.argv[2]
    tp_findings = findings = 0
    found_clients = set()
    true_high = set()
    errors = []
    merged = []
    for th in truth["therapists"]:
        path = os.path.join(reports, th["id"] + ".json")
        if not os.path.exists(path):
            continue
        owner = {}
        for c in th["clients"]:
            if c["verdict"] == "HIGH":
                true_high.add(c["id"])
            for p in c["posts"]:
                owner[post_key(p["platform"], p["native_id"])] = c
        report = json.load(open(path, encoding="utf-8"))
        for f in report["findings"]:
            if f["verdict"] != "HIGH":
                continue
            findings += 1
            votes = {}
            for p in f["posts"]:
                c = owner.get(post_key(p["platform"], p["id"]))
                if c:
                    votes[c["id"]] = votes.get(c["id"], 0) + 1
            merged.append(len(votes))
            if not votes:
                continue
            cid = max(votes, key=votes.get)
            client = next(c for c in th["clients"] if c["id"] == cid)
            if client["verdict"] == "HIGH":
                tp_findings += 1
                found_clients.add(cid)
            # a name or contact forces k = 1 by design: not a calibration
            if f.get("k_public") and client.get("k_true") and \
                    not f.get("direct") and not client.get("direct_identifier"):
                errors.append(abs(math.log10(max(f["k_public"], 1) /
                                             max(client["k_true"], 1))))
    errors.sort()
    pick = lambda q: errors[min(len(errors) - 1, int(q * len(errors)))] if errors else None
    merged.sort()
    out = {
        "true_high_clients": len(true_high),
        "high_findings": findings,
        "precision": tp_findings / findings if findings else None,
        "recall": len(found_clients & true_high) / len(true_high) if true_high else None,
        "k_log10_error_median": pick(0.5),
        "k_log10_error_p90": pick(0.9),
        "clients_per_finding_median": merged[len(merged) // 2] if merged else None,
    }
    if "--json" in sys.argv:
        json.dump(out, open(sys.argv[sys.argv.index("--json") + 1], "w"), indent=2)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
