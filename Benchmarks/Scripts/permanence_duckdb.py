#!/usr/bin/env python3
"""An independent implementation, in DuckDB SQL, of the permanence, leaving-care and health measures
(/work/research18/definitions.md, the draft for docs/metrics.md).

Written from the definitions and the event format (docs/events.md, docs/metrics.md) only, without reading the
engine's Swift code, so that the two can be checked against each other on the same events. It follows
shared/bench/duckdb_metrics.py: load the JSON Lines events into DuckDB, resolve "as known at", corrections,
retractions and merges, then compute each figure in SQL. Python only parses the arguments, loads, and writes JSON.

    python3 permanence_duckdb.py events.jsonl --from 2024-04-01 --to 2025-03-31 [--as-known-at 2025-05-01T00:00:00Z]

Prints one JSON object: {"period":…, "asKnownAt":…, "metrics":[{"id","numerator","denominator","value","details"}]}.
Covers: adoptions, sgo-cao-exits, adoption-entry-to-placement-days, adoption-order-to-match-days,
adoption-decision-reversed, care-leavers-in-touch, care-leavers-suitable-accommodation, care-leavers-eet,
cla-health-assessments, cla-dental-checks, cla-immunisations, cla-sdq, cla-convicted, cla-substance-misuse.
"""
import argparse
import json
import re
import sys
import time

import duckdb

TEMPORARY = "('T0','T1','T2','T3','T4')"
ADOPTIVE = "('A3','A4','A5','A6')"
FFA = "('U2','U5')"
SGO = ["E43", "E44", "E45", "E46", "E47", "E48"]
CAO = ["E41"]
EET = "('F1','F2','F3','F4','F5','P1','P2','P3','P4','P5')"
NEET = "('G4','G5','G6')"


def one_decimal(x):
    """%.1f: correctly rounded from the binary value, ties to even."""
    return None if x is None else float("%.1f" % x)


def share(mid, n, d, details=None):
    return {"id": mid, "numerator": n, "denominator": d, "value": one_decimal(100.0 * n / d) if d else None,
            "details": details or {}}


def count(mid, n, details=None):
    return {"id": mid, "numerator": n, "denominator": None, "value": None, "details": details or {}}


def average(mid, n, d, details):
    return {"id": mid, "numerator": n, "denominator": d, "value": one_decimal(n / d) if d else None,
            "details": details}


def q(con, sql, params=()):
    return con.execute(sql, params).fetchall()


def q1(con, sql, params=()):
    return con.execute(sql, params).fetchone()


# ---------------------------------------------------------------------------------------------------------------
# Loading: as known at, corrections and retractions, merges.


def known_condition(as_known_at):
    if as_known_at is None:
        return "TRUE"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", as_known_at):
        # A date stands for the end of that day in UTC.
        return f"(recorded IS NULL OR recorded < TIMESTAMPTZ '{as_known_at} 00:00:00+00' + INTERVAL 1 DAY)"
    if not re.fullmatch(r"[0-9T:.+\-Zz ]+", as_known_at):
        raise SystemExit("--as-known-at: not a date or an RFC 3339 time")
    return f"(recorded IS NULL OR recorded <= CAST(upper('{as_known_at}') AS TIMESTAMPTZ))"


def load(con, path, as_known_at):
    con.execute("SET TimeZone = 'UTC'")
    con.execute(
        """
        CREATE TABLE raw AS
        SELECT row_number() OVER () AS pos, id, type, child, CAST(occurred AS DATE) AS occurred,
               CAST(upper(recorded) AS TIMESTAMPTZ) AS recorded, data, corrects
        FROM read_json(?, format='newline_delimited',
             columns={'id':'VARCHAR','type':'VARCHAR','child':'VARCHAR','occurred':'VARCHAR',
                      'recorded':'VARCHAR','data':'JSON','corrects':'VARCHAR'})
        """,
        [path],
    )
    # An event sent twice with the same id is one event (the first copy).
    con.execute(
        f"""
        CREATE TABLE known AS
        SELECT * FROM raw WHERE {known_condition(as_known_at)}
        QUALIFY row_number() OVER (PARTITION BY id ORDER BY pos) = 1
        """
    )
    # Events that take others out: corrections (`corrects`) and retractions. They are resolved from the last in
    # the log to the first, and one that is itself taken out takes nothing out: a remover is live unless a live
    # remover later in the log names it. The fixed point is reached in (longest chain + 1) rounds.
    con.execute(
        """
        CREATE TABLE removers AS
        SELECT pos, id, corrects AS target, TRUE AS live FROM known WHERE corrects IS NOT NULL
        UNION ALL
        SELECT pos, id, data->>'event', TRUE FROM known WHERE type = 'event.retracted'
        """
    )
    for _ in range(1000):
        changed = con.execute(
            """
            WITH nxt AS (
              SELECT r.pos, r.id, r.target,
                     NOT EXISTS (SELECT 1 FROM removers o WHERE o.live AND o.target = r.id AND o.pos > r.pos) AS live
              FROM removers r)
            SELECT count(*) FROM nxt JOIN removers r USING (pos, target) WHERE nxt.live <> r.live
            """
        ).fetchone()[0]
        if changed == 0:
            break
        con.execute(
            """
            CREATE OR REPLACE TABLE removers AS
            SELECT r.pos, r.id, r.target,
                   NOT EXISTS (SELECT 1 FROM removers o WHERE o.live AND o.target = r.id AND o.pos > r.pos) AS live
            FROM removers r
            """
        )
    con.execute("CREATE TABLE dropped AS SELECT DISTINCT target AS id FROM removers WHERE live")
    con.execute("CREATE TABLE counting AS SELECT * FROM known WHERE id NOT IN (SELECT id FROM dropped WHERE id IS NOT NULL)")
    # Merges: A merged into B makes all of A's events B's, through chains; a loop is broken at the last child the
    # walk reaches before it would come round again. The event keeps its `origin` (the record it was written on),
    # so that the ids of the merged record stay apart from the other record's.
    con.execute(
        """
        CREATE TABLE merge1 AS
        SELECT child AS src, arg_max(data->>'into', pos) AS dst FROM counting
        WHERE type = 'child.merged' AND data->>'into' <> child GROUP BY 1
        """
    )
    con.execute(
        """
        CREATE TABLE merges AS
        WITH RECURSIVE walk(src, cur, path) AS (
          SELECT src, dst, [src, dst] FROM merge1
          UNION ALL
          SELECT w.src, m.dst, list_append(w.path, m.dst)
          FROM walk w JOIN merge1 m ON m.src = w.cur
          WHERE NOT list_contains(w.path, m.dst))
        SELECT src, arg_max(cur, len(path)) AS dst FROM walk GROUP BY src
        """
    )
    con.execute(
        """
        CREATE TABLE ev AS
        SELECT k.pos, k.id, k.type, coalesce(m.dst, k.child) AS child, k.child AS origin, k.occurred, k.data
        FROM counting k LEFT JOIN merges m ON m.src = k.child
        WHERE k.type NOT IN ('event.retracted', 'child.merged')
        """
    )
    build_records(con)


def build_records(con):
    """One thing, one record: the child's birth date, periods of care, legal statuses and placements."""
    # Each characteristic: the value of the latest-dated registered/updated event giving it (later in log on a tie).
    con.execute(
        """
        CREATE TABLE dob AS
        SELECT child, arg_max(CAST(data->>'birthDate' AS DATE), (occurred, pos)) AS dob FROM ev
        WHERE type IN ('child.registered', 'child.updated') AND data->>'birthDate' IS NOT NULL GROUP BY 1
        """
    )
    # Periods of care, keyed by the record they were written on (origin) and their id: the earliest start, the
    # latest end with its reason (the later in the log on a tie). An end with no start makes a period with no start.
    con.execute(
        """
        CREATE TABLE periods AS
        WITH s AS (SELECT child, origin, data->>'period' AS period, min(occurred) AS start,
                          arg_min(pos, (occurred, pos)) AS startpos
                   FROM ev WHERE type = 'care.started' GROUP BY 1, 2, 3),
             e AS (SELECT child, origin, data->>'period' AS period, max(occurred) AS ended,
                          arg_max(data->>'reason', (occurred, pos)) AS reason, max(pos) AS endpos
                   FROM ev WHERE type = 'care.ended' GROUP BY 1, 2, 3)
        SELECT coalesce(s.child, e.child) AS child, coalesce(s.origin, e.origin) AS origin,
               coalesce(s.period, e.period) AS period, s.start, s.startpos, e.ended, e.reason, e.endpos
        FROM s FULL JOIN e ON s.child = e.child AND s.origin = e.origin AND s.period = e.period
        """
    )
    # Legal statuses of each period: the status it started under, then each change (of a known period).
    con.execute(
        """
        CREATE TABLE ls AS
        SELECT e.pos, e.child, e.origin, e.data->>'period' AS period, e.occurred AS d, e.data->>'legalStatus' AS status
        FROM ev e
        WHERE e.type IN ('care.started', 'legal-status.changed')
          AND EXISTS (SELECT 1 FROM periods p WHERE p.child = e.child AND p.origin = e.origin
                        AND p.period = e.data->>'period' AND p.start IS NOT NULL)
        """
    )
    # Placements: the first recorded start of each counts.
    con.execute(
        """
        CREATE TABLE placements AS
        SELECT child, origin, data->>'placement' AS placement, data->>'period' AS period, occurred AS start, pos,
               data->>'placementType' AS ptype, coalesce(CAST(data->>'sameCarer' AS BOOLEAN), false) AS same
        FROM ev WHERE type = 'placement.started'
        QUALIFY row_number() OVER (PARTITION BY child, origin, data->>'placement' ORDER BY pos) = 1
        """
    )


# ---------------------------------------------------------------------------------------------------------------
# Adoption and special guardianship.


def last_end_with(con, name, reasons, f, t):
    """Table `name`: each child's period of care that ended in the period with one of `reasons` (the later end
    when two do, then the later in the log)."""
    inlist = ",".join(f"'{r}'" for r in reasons)
    con.execute(
        f"""
        CREATE OR REPLACE TABLE {name} AS
        SELECT * FROM periods
        WHERE reason IN ({inlist}) AND ended BETWEEN CAST(? AS DATE) AND CAST(? AS DATE)
        QUALIFY row_number() OVER (PARTITION BY child ORDER BY ended DESC, endpos DESC) = 1
        """,
        [f, t],
    )


def adoptions(con, f, t):
    last_end_with(con, "adopted", ["E11", "E12"], f, t)
    n, e11, e12 = q1(con, "SELECT count(*), count(*) FILTER (WHERE reason = 'E11'), count(*) FILTER (WHERE reason = 'E12') FROM adopted")
    return count("adoptions", n, {"E11": e11, "E12": e12})


def sgo_cao_exits(con, f, t):
    last_end_with(con, "sgo_cao", SGO + CAO, f, t)
    inl = ",".join(f"'{r}'" for r in SGO)
    n, sgo, cao = q1(con, f"SELECT count(*), count(*) FILTER (WHERE reason IN ({inl})), count(*) FILTER (WHERE reason = 'E41') FROM sgo_cao")
    details = {"sgo": sgo, "cao": cao}
    for reason, k in q(con, "SELECT reason, count(*) FROM sgo_cao GROUP BY 1 ORDER BY 1"):
        details[reason] = k
    return count("sgo-cao-exits", n, details)


def days_average(con, mid, table):
    """`table` has one row per child of the cohort and a column `days` (NULL when a date is missing)."""
    n, d, median, unknown = q1(
        con,
        f"""
        SELECT coalesce(sum(days), 0), count(days), median(days), count(*) FILTER (WHERE days IS NULL) FROM {table}
        """,
    )
    return average(mid, int(n), d, {"median": one_decimal(median), "unknown": unknown})


def adoption_entry_to_placement_days(con, f, t):
    # The adopted children's periods (table `adopted`, from `adoptions`). Non-temporary placements of each such
    # period in order (start, then log order); `grp` counts the placement moves, so a placement and the
    # same-carer changes before it, back to the move that began them, share a `grp`.
    con.execute(
        f"""
        CREATE OR REPLACE TABLE adoption_days AS
        WITH pl AS (
               SELECT pl.*, a.ended AS period_end,
                      row_number() OVER w AS rk,
                      sum(CASE WHEN pl.same THEN 0 ELSE 1 END) OVER w AS grp
               FROM placements pl JOIN adopted a
                 ON a.child = pl.child AND a.origin = pl.origin AND a.period = pl.period
               WHERE pl.ptype NOT IN {TEMPORARY}
               WINDOW w AS (PARTITION BY pl.child, pl.origin, pl.period ORDER BY pl.start, pl.pos)),
             adoptive AS (
               SELECT * FROM pl WHERE ptype IN {ADOPTIVE} AND start <= period_end
               QUALIFY row_number() OVER (PARTITION BY child ORDER BY start DESC, pos DESC) = 1),
             moved_pl AS (
               SELECT a.child,
                      CASE WHEN a.same THEN
                        coalesce((SELECT min(c.start) FROM pl c
                                  WHERE c.child = a.child AND c.origin = a.origin AND c.period = a.period
                                    AND c.grp = a.grp AND c.rk < a.rk AND c.ptype IN {FFA}), a.start)
                      ELSE a.start END AS moved
               FROM adoptive a),
             placed AS (
               SELECT a.child, min(e.occurred) AS placed FROM adopted a JOIN ev e ON e.child = a.child
               WHERE e.type = 'adoption.placed' AND e.occurred <= a.ended GROUP BY 1)
        SELECT a.child, a.start AS entered, least(m.moved, p.placed) AS moved,
               CASE WHEN a.start IS NOT NULL AND least(m.moved, p.placed) IS NOT NULL
                    THEN greatest(0, date_diff('day', a.start, least(m.moved, p.placed))) END AS days
        FROM adopted a LEFT JOIN moved_pl m USING (child) LEFT JOIN placed p USING (child)
        """
    )
    return days_average(con, "adoption-entry-to-placement-days", "adoption_days")


def adoption_order_to_match_days(con, f, t):
    con.execute(
        """
        CREATE OR REPLACE TABLE match_days AS
        WITH matches AS (   -- each adoption's match: its latest adoption.matched (then the later in the log)
               SELECT child, origin, data->>'adoption' AS adoption, max(occurred) AS matched,
                      arg_max(pos, (occurred, pos)) AS pos
               FROM ev WHERE type = 'adoption.matched' GROUP BY 1, 2, 3),
             cohort AS (    -- each child once: the later match in the period
               SELECT * FROM matches WHERE matched BETWEEN CAST(? AS DATE) AND CAST(? AS DATE)
               QUALIFY row_number() OVER (PARTITION BY child ORDER BY matched DESC, pos DESC) = 1),
             po AS (
               SELECT child, origin, data->>'adoption' AS adoption, min(occurred) AS granted
               FROM ev WHERE type = 'placement-order.granted' GROUP BY 1, 2, 3),
             open_period AS ( -- the period of care open on the match date (the later started if two)
               SELECT c.child, p.origin, p.period FROM cohort c JOIN periods p
                 ON p.child = c.child AND p.start <= c.matched AND (p.ended IS NULL OR p.ended > c.matched)
               QUALIFY row_number() OVER (PARTITION BY c.child ORDER BY p.start DESC, p.startpos DESC) = 1),
             status_order AS ( -- the start of its first legal status E1 or D1
               SELECT o.child, min(ls.d) AS granted FROM open_period o JOIN ls
                 ON ls.child = o.child AND ls.origin = o.origin AND ls.period = o.period
               WHERE ls.status IN ('E1', 'D1') GROUP BY 1)
        SELECT c.child, c.matched, coalesce(po.granted, so.granted) AS ordered,
               CASE WHEN coalesce(po.granted, so.granted) IS NOT NULL   -- greatest() would skip a NULL
                    THEN greatest(0, date_diff('day', coalesce(po.granted, so.granted), c.matched)) END AS days
        FROM cohort c
        LEFT JOIN po ON po.child = c.child AND po.origin = c.origin AND po.adoption = c.adoption
        LEFT JOIN status_order so ON so.child = c.child
        """,
        [f, t],
    )
    return days_average(con, "adoption-order-to-match-days", "match_days")


def adoption_decision_reversed(con, f, t):
    rows = q(
        con,
        """
        WITH rev AS (  -- each decision's reversal: the latest recorded (then the later in the log)
               SELECT child, origin, data->>'adoption' AS adoption, max(occurred) AS reversed,
                      arg_max(data->>'reason', (occurred, pos)) AS reason
               FROM ev WHERE type = 'adoption.decision-reversed' GROUP BY 1, 2, 3)
        SELECT reason, count(*) FROM rev WHERE reversed BETWEEN CAST(? AS DATE) AND CAST(? AS DATE) GROUP BY 1
        """,
        [f, t],
    )
    by = dict(rows)
    details = {r: by.get(r, 0) for r in ("RD1", "RD2", "RD3", "RD4")}
    return count("adoption-decision-reversed", sum(by.values()), details)


# ---------------------------------------------------------------------------------------------------------------
# Care leavers.


def care_leaver_cohort(con, f, t):
    con.execute(
        """
        CREATE OR REPLACE TABLE leavers AS
        WITH contact AS (  -- the latest contact dated in the period (then the later in the log)
               SELECT * FROM ev WHERE type = 'care-leaver.contacted'
                 AND occurred BETWEEN CAST(? AS DATE) AND CAST(? AS DATE)
               QUALIFY row_number() OVER (PARTITION BY child ORDER BY occurred DESC, pos DESC) = 1),
             bday AS (     -- the latest of the 17th to 21st birthdays that falls in the period
               SELECT d.child, max(n) AS age FROM dob d, range(17, 22) r(n)
               WHERE CAST(d.dob + to_years(CAST(n AS INTEGER)) AS DATE) BETWEEN CAST(? AS DATE) AND CAST(? AS DATE)
               GROUP BY 1)
        SELECT c.child, b.age, CASE WHEN b.age <= 18 THEN '17-18' ELSE '19-21' END AS grp,
               c.data->>'inTouch' AS in_touch, c.data->>'activity' AS activity,
               c.data->>'accommodation' AS accom,
               c.data->>'inTouch' NOT IN ('DIED', 'RHOM') AS counted
        FROM contact c JOIN bday b USING (child)
        """,
        [f, t, f, t],
    )


def leaver_share(con, mid, hit, extra):
    """Share of the care-leaver cohort (less DIED and RHOM) for which the SQL condition `hit` holds, with the
    two age groups and the named counts of `extra` (name -> SQL condition) in `details`."""
    extras = "".join(f", count(*) FILTER (WHERE counted AND ({cond}))" for cond in extra.values())
    n, d, *rest = q1(con, f"SELECT count(*) FILTER (WHERE counted AND ({hit})), count(*) FILTER (WHERE counted){extras} FROM leavers")
    details = {}
    for g in ("17-18", "19-21"):
        gn, gd = q1(con, f"SELECT count(*) FILTER (WHERE counted AND ({hit})), count(*) FILTER (WHERE counted) FROM leavers WHERE grp = ?", [g])
        details[g] = {"numerator": gn, "denominator": gd, "value": one_decimal(100.0 * gn / gd) if gd else None}
    details.update(zip(extra.keys(), rest))
    return share(mid, n, d, details)


def care_leavers(con, f, t):
    care_leaver_cohort(con, f, t)
    no_info = "coalesce({c}, '0') = '0'"
    return [
        leaver_share(con, "care-leavers-in-touch", "in_touch = 'YES'",
                     {c: f"in_touch = '{c}'" for c in ("YES", "NO", "REFU", "NREQ")}),
        leaver_share(con, "care-leavers-suitable-accommodation", "accom LIKE '%1'",
                     {"unsuitable": "accom LIKE '%2'", "noInformation": no_info.format(c="accom")}),
        leaver_share(con, "care-leavers-eet", f"activity IN {EET}",
                     {"neet": f"activity IN {NEET}", "noInformation": no_info.format(c="activity")}),
    ]


# ---------------------------------------------------------------------------------------------------------------
# Health of children looked after.


def health_cohort(con, t):
    """Table `cla12`: children looked after on t, continuously since t - 12 months, except short-break children,
    with their age on t (NULL without a birth date)."""
    con.execute(
        """
        CREATE OR REPLACE TABLE cla12 AS
        WITH bounds AS (SELECT CAST(? AS DATE) AS t, CAST(CAST(? AS DATE) - INTERVAL 12 MONTH AS DATE) AS since),
             open AS (     -- the period open on t (the later started if two)
               SELECT p.* FROM periods p, bounds
               WHERE p.start <= bounds.t AND (p.ended IS NULL OR p.ended > bounds.t)
               QUALIFY row_number() OVER (PARTITION BY p.child ORDER BY p.start DESC, p.startpos DESC) = 1),
             not_short AS (  -- a legal status up to t other than V3/V4
               SELECT DISTINCT o.child FROM open o JOIN ls
                 ON ls.child = o.child AND ls.origin = o.origin AND ls.period = o.period, bounds
               WHERE ls.d <= bounds.t AND ls.status NOT IN ('V3', 'V4')),
             rel AS (      -- the periods that touch [since, t], in order of start, with the furthest end before each
               SELECT p.child, p.start,
                      max(coalesce(p.ended, DATE '9999-12-31')) OVER (
                        PARTITION BY p.child ORDER BY p.start, coalesce(p.ended, DATE '9999-12-31')
                        ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS covered_before
               FROM periods p, bounds
               WHERE p.start IS NOT NULL AND p.start <= bounds.t AND (p.ended IS NULL OR p.ended >= bounds.since)),
             gaps AS (     -- a period starting after every day before it was covered leaves a gap
               SELECT DISTINCT rel.child FROM rel, bounds
               WHERE rel.start > coalesce(rel.covered_before, bounds.since))
        SELECT o.child,
               date_diff('year', d.dob, bounds.t)
                 - CASE WHEN CAST(d.dob + to_years(CAST(date_diff('year', d.dob, bounds.t) AS INTEGER)) AS DATE) > bounds.t
                        THEN 1 ELSE 0 END AS age
        FROM open o JOIN not_short USING (child) LEFT JOIN dob d USING (child), bounds
        WHERE o.child NOT IN (SELECT child FROM gaps)
        """,
        [t, t],
    )
    # The events that count: dated from the day after t - 12 months to t.
    con.execute(
        """
        CREATE OR REPLACE TABLE health_ev AS
        SELECT e.* FROM ev e JOIN cla12 USING (child)
        WHERE e.occurred > CAST(CAST(? AS DATE) - INTERVAL 12 MONTH AS DATE) AND e.occurred <= CAST(? AS DATE)
          AND e.type IN ('health-assessment.completed', 'dental-check.completed', 'immunisations.recorded',
                         'sdq.recorded', 'conviction.recorded', 'substance-misuse.identified')
        """,
        [t, t],
    )


def with_event(con, mid, etype, where="TRUE"):
    n, d = q1(
        con,
        f"""
        SELECT count(*) FILTER (WHERE EXISTS (SELECT 1 FROM health_ev e WHERE e.child = c.child AND e.type = '{etype}')),
               count(*)
        FROM cla12 c WHERE {where}
        """,
    )
    return share(mid, n, d)


def latest(etype):
    return f"""(SELECT * FROM health_ev WHERE type = '{etype}'
                QUALIFY row_number() OVER (PARTITION BY child ORDER BY occurred DESC, pos DESC) = 1)"""


def cla_immunisations(con):
    n, d = q1(
        con,
        f"""
        SELECT count(*) FILTER (WHERE coalesce(CAST(i.data->>'upToDate' AS BOOLEAN), false)), count(*)
        FROM cla12 c LEFT JOIN {latest('immunisations.recorded')} i USING (child)
        """,
    )
    return share("cla-immunisations", n, d)


def cla_sdq(con):
    n, d, median, normal, borderline, concern, no_score, pop = q1(
        con,
        f"""
        WITH s AS (SELECT c.child, CAST(s.data->>'score' AS INTEGER) AS score
                   FROM cla12 c LEFT JOIN {latest('sdq.recorded')} s USING (child)
                   WHERE c.age BETWEEN 5 AND 16)
        SELECT coalesce(sum(score), 0), count(score), median(score),
               count(*) FILTER (WHERE score BETWEEN 0 AND 13), count(*) FILTER (WHERE score BETWEEN 14 AND 16),
               count(*) FILTER (WHERE score BETWEEN 17 AND 40), count(*) FILTER (WHERE score IS NULL), count(*)
        FROM s
        """,
    )
    return average("cla-sdq", int(n), d, {
        "median": one_decimal(median), "normal": normal, "borderline": borderline, "concern": concern,
        "noScore": no_score, "coverage": one_decimal(100.0 * d / pop) if pop else None})


def cla_substance_misuse(con):
    n, d, received, offered = q1(
        con,
        f"""
        SELECT count(s.child), count(*),
               count(*) FILTER (WHERE coalesce(CAST(s.data->>'interventionReceived' AS BOOLEAN), false)),
               count(*) FILTER (WHERE coalesce(CAST(s.data->>'interventionOffered' AS BOOLEAN), false))
        FROM cla12 c LEFT JOIN {latest('substance-misuse.identified')} s USING (child)
        """,
    )
    return share("cla-substance-misuse", n, d, {"interventionReceived": received, "interventionOffered": offered})


def health(con, t):
    health_cohort(con, t)
    return [
        with_event(con, "cla-health-assessments", "health-assessment.completed"),
        with_event(con, "cla-dental-checks", "dental-check.completed"),
        cla_immunisations(con),
        cla_sdq(con),
        with_event(con, "cla-convicted", "conviction.recorded", "age >= 10"),
        cla_substance_misuse(con),
    ]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("events")
    ap.add_argument("--from", dest="frm", required=True)
    ap.add_argument("--to", required=True)
    ap.add_argument("--as-known-at")
    ap.add_argument("--threads", type=int, default=None)
    ap.add_argument("--timing", action="store_true", help="print load and compute seconds to stderr")
    a = ap.parse_args()
    con = duckdb.connect()
    if a.threads:
        con.execute(f"SET threads TO {a.threads}")
    t0 = time.perf_counter()
    load(con, a.events, a.as_known_at)
    t1 = time.perf_counter()
    f, t = a.frm, a.to
    ms = [adoptions(con, f, t), sgo_cao_exits(con, f, t), adoption_entry_to_placement_days(con, f, t),
          adoption_order_to_match_days(con, f, t), adoption_decision_reversed(con, f, t)]
    ms += care_leavers(con, f, t)
    ms += health(con, t)
    t2 = time.perf_counter()
    if a.timing:
        print(f"load {t1 - t0:.2f}s compute {t2 - t1:.2f}s", file=sys.stderr)
    out = {"period": {"from": f, "to": t}, "asKnownAt": a.as_known_at, "metrics": ms}
    json.dump(out, sys.stdout, indent=1, default=str)
    print()


if __name__ == "__main__":
    main()
