#!/usr/bin/env python3
"""Runs permanence_duckdb.py on each log in permanence_fixtures/ and compares every figure with the one worked
out by hand (the arithmetic is in permanence_fixtures/README.md).

    /tmp/v903/bin/python Benchmarks/Scripts/test_permanence_duckdb.py      # any Python with duckdb
"""
import copy
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT = os.path.join(HERE, "permanence_duckdb.py")
FIXTURES = os.path.join(HERE, "permanence_fixtures")
FROM, TO = "2024-04-01", "2025-03-31"


def cnt(n, **details):
    return {"numerator": n, "denominator": None, "value": None, "details": details}


def fig(n, d, v, **details):
    return {"numerator": n, "denominator": d, "value": v, "details": details}


def grp(n, d, v):
    return {"numerator": n, "denominator": d, "value": v}


G0 = grp(0, 0, None)

# The figures of a log in which nothing counts; each case below overrides those its log is about.
EMPTY = {
    "adoptions": cnt(0, E11=0, E12=0),
    "sgo-cao-exits": cnt(0, sgo=0, cao=0),
    "adoption-entry-to-placement-days": fig(0, 0, None, median=None, unknown=0),
    "adoption-order-to-match-days": fig(0, 0, None, median=None, unknown=0),
    "adoption-decision-reversed": cnt(0, RD1=0, RD2=0, RD3=0, RD4=0),
    "care-leavers-in-touch": fig(0, 0, None, **{"17-18": G0, "19-21": G0}, YES=0, NO=0, REFU=0, NREQ=0),
    "care-leavers-suitable-accommodation": fig(0, 0, None, **{"17-18": G0, "19-21": G0}, unsuitable=0, noInformation=0),
    "care-leavers-eet": fig(0, 0, None, **{"17-18": G0, "19-21": G0}, neet=0, noInformation=0),
    "cla-health-assessments": fig(0, 0, None),
    "cla-dental-checks": fig(0, 0, None),
    "cla-immunisations": fig(0, 0, None),
    "cla-sdq": fig(0, 0, None, median=None, normal=0, borderline=0, concern=0, noScore=0, coverage=None),
    "cla-convicted": fig(0, 0, None),
    "cla-substance-misuse": fig(0, 0, None, interventionReceived=0, interventionOffered=0),
}
IDS = list(EMPTY)


def health_without_events(n):
    """The health figures for a cohort of n children with no health events and no age."""
    return {
        "cla-health-assessments": fig(0, n, 0.0),
        "cla-dental-checks": fig(0, n, 0.0),
        "cla-immunisations": fig(0, n, 0.0),
        "cla-substance-misuse": fig(0, n, 0.0, interventionReceived=0, interventionOffered=0),
    }


CASES = [
    ("adoption.jsonl", None, {
        "adoptions": cnt(4, E11=2, E12=2),
        "sgo-cao-exits": cnt(2, sgo=1, cao=1, E41=1, E45=1),
        "adoption-entry-to-placement-days": fig(186, 2, 93.0, median=93.0, unknown=2),
        "adoption-order-to-match-days": fig(471, 3, 157.0, median=96.0, unknown=1),
        "adoption-decision-reversed": cnt(2, RD1=1, RD2=0, RD3=1, RD4=0),
        **health_without_events(1),
    }),
    ("leavers.jsonl", None, {
        "care-leavers-in-touch": fig(4, 7, 57.1, **{"17-18": grp(3, 4, 75.0), "19-21": grp(1, 3, 33.3)},
                                     YES=4, NO=1, REFU=1, NREQ=1),
        "care-leavers-suitable-accommodation": fig(4, 7, 57.1, **{"17-18": grp(4, 4, 100.0), "19-21": grp(0, 3, 0.0)},
                                                   unsuitable=1, noInformation=2),
        "care-leavers-eet": fig(3, 7, 42.9, **{"17-18": grp(3, 4, 75.0), "19-21": grp(0, 3, 0.0)},
                                neet=1, noInformation=2),
    }),
    ("health.jsonl", None, {
        "cla-health-assessments": fig(4, 7, 57.1),
        "cla-dental-checks": fig(2, 7, 28.6),
        "cla-immunisations": fig(2, 7, 28.6),
        "cla-sdq": fig(66, 4, 16.5, median=16.5, normal=1, borderline=1, concern=2, noScore=1, coverage=80.0),
        "cla-convicted": fig(2, 4, 50.0),
        "cla-substance-misuse": fig(2, 7, 28.6, interventionReceived=1, interventionOffered=2),
    }),
    ("corrections.jsonl", None, {
        "adoptions": cnt(1, E11=1, E12=0),
        "sgo-cao-exits": cnt(2, sgo=1, cao=1, E41=1, E45=1),
        "adoption-entry-to-placement-days": fig(121, 1, 121.0, median=121.0, unknown=0),
        **health_without_events(1),
    }),
    ("corrections.jsonl", "2024-06-30", {
        "adoptions": cnt(2, E11=1, E12=1),
        "sgo-cao-exits": cnt(1, sgo=0, cao=1, E41=1),
        "adoption-entry-to-placement-days": fig(435, 2, 217.5, median=217.5, unknown=0),
        **health_without_events(2),
    }),
    ("corrections.jsonl", "2024-05-15T00:00:00Z", {
        "adoptions": cnt(2, E11=1, E12=1),
        "sgo-cao-exits": cnt(0, sgo=0, cao=0),
        "adoption-entry-to-placement-days": fig(223, 1, 223.0, median=223.0, unknown=1),
        **health_without_events(3),
    }),
]


def run(log, as_known_at):
    cmd = [sys.executable, SCRIPT, os.path.join(FIXTURES, log), "--from", FROM, "--to", TO]
    if as_known_at:
        cmd += ["--as-known-at", as_known_at]
    return json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)


def main():
    failures = 0
    for log, as_known_at, overrides in CASES:
        expected = copy.deepcopy(EMPTY)
        expected.update(overrides)
        out = run(log, as_known_at)
        label = f"{log}" + (f" as known at {as_known_at}" if as_known_at else "")
        assert out["period"] == {"from": FROM, "to": TO}, label
        assert out["asKnownAt"] == as_known_at, label
        assert [m["id"] for m in out["metrics"]] == IDS, label
        before = failures
        for m in out["metrics"]:
            got = {k: m[k] for k in ("numerator", "denominator", "value", "details")}
            if got != expected[m["id"]]:
                failures += 1
                print(f"FAIL {label} {m['id']}\n  expected {expected[m['id']]}\n  got      {got}")
        print(f"{'ok  ' if failures == before else 'FAIL'} {label}")
    assert failures == 0, f"{failures} figures differ"
    print(f"all {len(CASES)} runs agree with the hand-worked figures")


if __name__ == "__main__":
    main()
