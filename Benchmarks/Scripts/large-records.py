#!/usr/bin/env python3
"""Writes JSON Lines logs of records at the edges, for timing the replay and the checks on them.

  merges.jsonl      16,001 children, each merged into the next: a chain of 16,000 merges
  referrals.jsonl   one child with 32,000 open referrals
  mix-N.jsonl       one child with N events of eight kinds (assessments, placements, CP plans and reviews, visits,
                    missing episodes, S47 enquiries and conferences), for N = 8,000, 16,000 and 32,000

Usage: python3 Benchmarks/Scripts/large-records.py OUT_DIR
"""
import datetime
import json
import os
import sys


def event(out, n, type, day, data, child="C1"):
    out.write(json.dumps({"id": f"e-{n}", "type": type, "child": child, "occurred": day.isoformat(),
                          "recorded": day.isoformat() + "T09:00:00Z", "data": data}) + "\n")


def main(folder):
    os.makedirs(folder, exist_ok=True)
    start = datetime.date(2000, 1, 1)
    with open(os.path.join(folder, "merges.jsonl"), "w") as out:
        for i in range(16_001):
            event(out, i, "referral.received", start, {"referral": f"R{i}", "source": "2A"}, child=f"C{i}")
        for i in range(16_000):
            event(out, 16_001 + i, "child.merged", start + datetime.timedelta(days=30), {"into": f"C{i + 1}"},
                  child=f"C{i}")
    with open(os.path.join(folder, "referrals.jsonl"), "w") as out:
        for i in range(32_000):
            event(out, i, "referral.received", start + datetime.timedelta(days=i // 4),
                  {"referral": f"R{i}", "source": "2A"})
    for size in (8_000, 16_000, 32_000):
        with open(os.path.join(folder, f"mix-{size}.jsonl"), "w") as out:
            n = 0

            def add(type, day, data):
                nonlocal n
                event(out, n, type, day, data)
                n += 1

            add("child.registered", start, {"birthDate": "1999-06-01", "sex": "M"})
            add("referral.received", start, {"referral": "R0", "source": "2A"})
            add("care.started", start, {"period": "P0", "legalStatus": "C2", "needCode": "N1"})
            for i in range(size // 8):
                day = start + datetime.timedelta(days=i)
                add("assessment.started", day, {"assessment": f"A{i}", "referral": "R0"})
                add("placement.started", day, {"placement": f"PL{i}", "period": "P0", "placementType": "U1"})
                add("cp-plan.started", day, {"plan": f"CP{i}", "referral": "R0", "category": "NEG"})
                add("cp-plan.reviewed", day, {"plan": f"CP{i}"})
                add("visit.made", day, {"kind": "cp", "seen": True})
                add("missing.started", day, {"episode": f"M{i}", "kind": "missing"})
                add("s47.started", day, {"s47": f"S{i}", "referral": "R0"})
                add("icpc.held", day, {"s47": f"S{i}", "referral": "R0", "outcome": "plan"})


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
