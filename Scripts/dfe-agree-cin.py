#!/usr/bin/env python3
"""journey's CIN census checks against the DfE's CIN validator, child by child, on one CIN census XML file.

    /work/dfe-venv/bin/python Scripts/dfe-agree-cin.py FILE.xml [--journey .build/debug/journey]
        [--ruleset cin2025_26] [--as-of YYYY-MM-DD] [--work DIR]

Imports FILE into a fresh log (`journey import cin-census --skip-invalid`), runs `journey check --format csv` on the
file's reference date, runs the validator (package `cin_validator`, through Scripts/dfe-validate.py, so the python
running this script must have it) on the same file, and prints, for each rule code that journey ports, the children
flagged by both, by journey only and by the validator only (children by the file's LAchildID). A rule is ported by
the checks whose `rule` names it (`journey check --list`, "CIN 4016/4017" naming two); marked "(narrower)", the
checks listed in COVERED below follow a narrower rule whose breaks the validator also counts under this one, and
their findings count for it too; a finding of the checks in NARROWED counts for the rule they name when its message
shows it is a case of it. Rules the validator judges for the whole return (la_level, as 2883) have no children and
are left out. Children whose LAchildID the event format cannot hold are not imported, and listed. Exit 0. """ import
argparse import csv import io import os import re import subprocess import sys import tempfile import
xml.etree.ElementTree as ET

# Rules whose breaks include those of a narrower rule that a check of its own follows: rule -> (check id, pattern
# its message must match). The validator flags two open CIN plans under 4014 and 4004, journey once, under 4004
# (`overlapping-cin-plans` leaves the pair to `more-than-one-open-cin-plan`): for the comparison with the
# validator's 4014, the narrower check's findings count too, marked "(narrower)".
COVERED = {
    "4014": [("more-than-one-open-cin-plan", None)],  # two CIN plans of one episode both open (4004)
    "4016/4017": [("cin-plan-and-cp-plan-open", None)],  # a CIN and a CP plan of one episode both open (4001)
    "8940": [("more-than-one-open-cp-plan", None)],  # two CP plans both open (8935)
}
# Checks that name a rule but judge more than it: rule -> pattern a finding's message must match to be a case of it.
NARROWED = {
    "8555Q": r"^referral\.received",  # dated-after-death finds any new work after the death
}


def run(args, **kw):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kw).stdout


def reference_date(path):
    """The header's ReferenceDate, else 31 March of its Year."""
    year = None
    for _, node in ET.iterparse(path):
        tag = node.tag.rsplit("}", 1)[-1]
        if tag == "ReferenceDate" and node.text:
            return node.text.strip()[:10]
        if tag == "Year" and node.text and node.text.strip().isdigit():
            year = year or f"{node.text.strip()}-03-31"
        if tag == "Header":
            break
    if year:
        return year
    sys.exit(f"{path}: no ReferenceDate or Year in the header")


def journey_rules(journey):
    """check id -> the CIN rule codes it names, from `journey check --list` (a table aligned on its heading)."""
    lines = run([journey, "check", "--list"]).splitlines()
    head = lines[0]
    rule_at, text_at = head.index("rule"), head.index("description")
    out = {}
    for line in lines[1:]:
        rule = line[rule_at:text_at].strip()
        if rule.startswith("CIN "):
            out[line.split()[0]] = rule[4:].split("/")
    return out


def journey_findings(journey, xml, work, as_of):
    log = os.path.join(work, "log")
    subprocess.run(
        [journey, "import", "cin-census", xml, "--log", log, "--skip-invalid", "--rejected",
         os.path.join(work, "rejected.csv")],
        check=True, capture_output=True, text=True)
    text = run([journey, "check", "--log", log, "--as-of", as_of, "--format", "csv", "--fail-on", "never",
                "--allow-uncovered"])
    found = {}
    for row in csv.DictReader(io.StringIO(text)):
        found.setdefault(row["check"], []).append((row["child"], row["message"]))
    return found


def validator_findings(xml, ruleset, as_of, work):
    """Children flagged by each rule, and the rule set's codes, through the project's one way of running the
    validator (Scripts/dfe-validate.py)."""
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "dfe-validate.py")
    start = int(as_of[:4]) - (1 if as_of[5:7] < "04" else 0)
    year = f"{start}-{(start + 1) % 100:02d}"
    flags = os.path.join(work, "validator.csv")
    subprocess.run([sys.executable, script, "cin-census", xml, "--year", year, "--ruleset", ruleset, "--out", flags],
                   check=True, capture_output=True)
    found = {}
    with open(flags, newline="") as f:
        for row in csv.DictReader(f):
            if row["child"]:
                found.setdefault(row["rule"], set()).add(row["child"])
    known = run([sys.executable, script, "cin-census", "--ruleset", ruleset, "--list-rules"]).split()
    return found, set(known)


def main():
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("xml")
    p.add_argument("--journey", default=os.path.join(here, ".build", "debug", "journey"))
    p.add_argument("--ruleset", default="cin2025_26")
    p.add_argument("--as-of", help="the date journey judges on (default: the file's ReferenceDate)")
    p.add_argument("--work", help="a folder for the log (default: a new temporary one)")
    a = p.parse_args()
    as_of = a.as_of or reference_date(a.xml)
    work = a.work or tempfile.mkdtemp(prefix="dfe-agree-cin-")
    os.makedirs(work, exist_ok=True)

    rules = journey_rules(a.journey)
    # A check naming several rules ("4016/4017") finds a break of either once: it is compared with the union.
    ported = {}
    for check, codes in rules.items():
        ported.setdefault(tuple(codes), []).append((check, NARROWED.get(codes[0]) if len(codes) == 1 else None))
    for code, checks in COVERED.items():
        for check, pattern in checks:
            ported.setdefault(tuple(code.split("/")), []).append((check, pattern))

    mine = journey_findings(a.journey, a.xml, work, as_of)
    # Children whose LAchildID the event format cannot hold are not imported (the importer's report says why).
    rejected = {
        node.text.strip()
        for _, node in ET.iterparse(a.xml)
        if node.tag.rsplit("}", 1)[-1] == "LAchildID" and node.text
        and not re.fullmatch(r"[A-Za-z0-9_-]{1,20}", node.text.strip())
    }
    theirs, known = validator_findings(a.xml, a.ruleset, as_of, work)

    print(f"{os.path.basename(a.xml)}: journey as of {as_of}, validator ruleset {a.ruleset}")
    print(f"{'rule':<11} {'checks':<44} {'both':>5} {'journey':>8} {'validator':>10}  differences")
    key = lambda codes: (int(re.sub(r"\D", "", codes[0])), codes)
    for codes in sorted(ported, key=key):
        if not any(c in known for c in codes):
            continue
        checks = ported[codes]
        j = {
            child
            for check, pattern in checks
            for child, message in mine.get(check, [])
            if pattern is None or re.search(pattern, message)
        }
        v = set().union(*(theirs.get(c, set()) for c in codes))
        covered = COVERED.get("/".join(codes), [])
        label = ", ".join(c + (" (narrower)" if (c, pattern) in covered else "") for c, pattern in checks)
        diff = []
        if j - v:
            diff.append("journey only: " + " ".join(sorted(j - v)))
        if v - j:
            diff.append("validator only: " + " ".join(sorted(v - j)))
        print(f"{'/'.join(codes):<11} {label:<44} {len(j & v):>5} {len(j - v):>8} {len(v - j):>10}  {'; '.join(diff)}")
    if rejected:
        print("not imported (the event format cannot hold their LAchildID): " + " ".join(sorted(rejected)))

if __name__ == "__main__":
    main()
