#!/usr/bin/env python3
"""Run the DfE's own validator on a return and list what it flags, a line per rule and child.

    dfe-validate.py cin-census FILE.xml --year 2024-25 [--ruleset cin2024_25] [--out FLAGS.csv]
    dfe-validate.py ssda903 DIR --year 2024-25 [--ruleset lac2024_25] [--la CODE] [--out FLAGS.csv]
    dfe-validate.py cin-census|ssda903 --ruleset NAME --list-rules

The validators are the DfE's packages from PyPI, `csc-validator-be-cin` (module `cin_validator`) and
`csc-validator-be-903` (module `lac_validator`), run through their Python interfaces with the rule set of the
collection year (`cin2024_25`, `lac2024_25`: the year the return is for) unless `--ruleset` names another. The
output is CSV with the columns `rule,child,kind`: `kind` is `error` or `query` (a code ending in Q is a query for the
CIN census; the 903 validator does not say, so every 903 rule is an `error`), or, with an empty `child`, `not-run`
for a 903 rule the validator could not judge on these tables (a table or a column missing). A rule about the whole
return rather than one child has an empty `child`. Tables whose file name holds `errors` (the DfE's fixtures' test
variants) are left out. A summary, the count of children flagged by each rule, goes to standard error.
`--list-rules` prints the rule set's codes, a line each, and runs nothing.

With `--expect-clean EXCLUDED.csv` the script exits 1 when any rule flags anything that the file does not list for
this return (its columns `return,rule,reason`, `return` being `cin-census` or `ssda903`): the check CI makes on a
clean synthetic council's returns. A CIN census query (a code ending in Q) asks the council to confirm an unusual
value, not to correct it: it does not fail the run, but it is still counted in the summary.
"""

import argparse
import csv
import glob
import importlib
import io
import logging
import os
import sys
import warnings


def ruleset(kind, year):
    start = int(year[:4])
    prefix = "cin" if kind == "cin-census" else "lac"
    return f"{prefix}{start}_{(start + 1) % 100:02d}"


def registry(kind, name):
    package = "cin_validator" if kind == "cin-census" else "lac_validator"
    return importlib.import_module(f"{package}.rules.{name}").registry


def cin_flags(path, rules):
    import xml.etree.ElementTree as ET

    from cin_validator import cin_validator

    root = ET.parse(path).getroot()
    data = cin_validator.process_data(cin_validator.convert_data(root))
    validator = cin_validator.CinValidator(data, rules, selected_rules=None)
    flags = set()
    for row in validator.full_issue_df.itertuples():
        child = "" if str(row.child_id) == "nan" else str(row.child_id)
        flags.add((str(row.rule_code), child))
    multichild = validator.multichild_issues
    if multichild is not None and len(multichild):
        for code in multichild["rule_code"]:
            flags.add((str(code), ""))
    return flags


def ssda903_flags(folder, year, la, rules):
    from lac_validator import lac_validator
    from lac_validator.report import Report
    from lac_validator.utils import process_uploaded_files

    files = sorted(f for f in glob.glob(os.path.join(folder, "*.csv")) if "errors" not in os.path.basename(f))
    if not files:
        sys.exit(f"dfe-validate: no CSV tables in {folder}")
    # The validator's collection year is the year the collection ends in: "2025" checks 1 April 2024 to 31 March 2025.
    metadata = {"collectionYear": str(int(year[:4]) + 1), "localAuthority": la}
    validator = lac_validator.LacValidator(
        metadata=metadata, files=process_uploaded_files({"This year": files}), registry=rules, selected_rules=None)
    report = Report(validator.ds_results, rules).report
    not_run = {str(code) for code in list(validator.fails) + list(validator.skips)}
    flags = set()
    for code in report.columns:
        if code in ("Table", "RowID", "CHILD", "Context", "Total Errors"):
            continue
        flagged = report[report[code].fillna(False).astype(bool)]
        rule = str(code).removeprefix("ERR_")
        for child in flagged["CHILD"]:
            flags.add((rule, "" if str(child) == "nan" else str(child)))
    return flags, not_run


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("kind", choices=["cin-census", "ssda903"])
    parser.add_argument("path", nargs="?", help="the CIN census XML file, or the folder of SSDA903 CSV tables")
    parser.add_argument("--year", help="the collection year, such as 2024-25")
    parser.add_argument("--ruleset", help="the validator's rule set (default: the collection year's)")
    parser.add_argument("--list-rules", action="store_true", help="print the rule set's codes and stop")
    parser.add_argument("--la", default="E09000027", help="the local authority's code, for the 903 validator")
    parser.add_argument("--out", help="where to write the CSV (default: standard output)")
    parser.add_argument("--expect-clean", metavar="EXCLUDED.csv",
                        help="exit 1 when a rule not listed in this file flags anything")
    args = parser.parse_args()
    if not args.ruleset and not args.year:
        parser.error("give --year, or --ruleset")
    if not args.list_rules and not (args.path and args.year):
        parser.error("give the return and its --year")
    name = args.ruleset or ruleset(args.kind, args.year)

    # The validators log every rule they run and warn about pandas' future: only their findings matter here.
    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")
    quiet = io.StringIO()
    stdout, sys.stdout = sys.stdout, quiet
    not_run = set()
    try:
        rules = registry(args.kind, name)
        if args.list_rules:
            codes = sorted(str(code) for code in rules)
        elif args.kind == "cin-census":
            flags = cin_flags(args.path, rules)
        else:
            flags, not_run = ssda903_flags(args.path, args.year, args.la, rules)
    finally:
        sys.stdout = stdout
    if args.list_rules:
        print("\n".join(codes))
        return

    rows = sorted(flags, key=lambda f: (f[0], f[1]))
    out = open(args.out, "w", newline="") if args.out else sys.stdout
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["rule", "child", "kind"])
    for code, child in rows:
        kind = "query" if args.kind == "cin-census" and code.endswith("Q") else "error"
        writer.writerow([code, child, kind])
    for code in sorted(not_run):
        writer.writerow([code, "", "not-run"])
    if args.out:
        out.close()

    counts = {}
    for code, _ in rows:
        counts[code] = counts.get(code, 0) + 1
    for code in sorted(counts):
        print(f"{args.kind} {code}: {counts[code]}", file=sys.stderr)
    if not_run:
        print(f"{args.kind}: not run on these tables: {', '.join(sorted(not_run))}", file=sys.stderr)

    if args.expect_clean:
        with open(args.expect_clean, newline="") as f:
            excluded = {row["rule"] for row in csv.DictReader(f) if row["return"] == args.kind}
        # A CIN census query asks for a value to be confirmed: listed above, never a failure.
        queries = sorted(code for code in counts if args.kind == "cin-census" and code.endswith("Q"))
        unexpected = sorted(code for code in counts if code not in excluded and code not in queries)
        if unexpected:
            print(f"dfe-validate: {args.kind} rules flagging a clean return: {', '.join(unexpected)}",
                  file=sys.stderr)
            sys.exit(1)
        queried = f" and {len(queries)} queries" if queries else ""
        print(f"dfe-validate: {args.kind}: no rule flags the return, other than the {len(excluded)} excluded"
              f"{queried}", file=sys.stderr)


if __name__ == "__main__":
    main()
