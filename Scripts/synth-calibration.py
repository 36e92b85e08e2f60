#!/usr/bin/env python3
"""The permanence, leaving care and health figures of a synthetic council, measured from its JSON Lines with DuckDB.

Independent of the engine's metrics (which are written separately): each figure is worked out here from the events,
by the DfE's definitions as docs/metrics.md and the research note read them, for each year to 31 March in the log.

    journey synth --children 20000 --from 2020-04-01 --to 2025-03-31 --seed 7 --out council.jsonl
    python3 Scripts/synth-calibration.py council.jsonl --from 2021-04-01 --to 2025-03-31

Needs `duckdb` (pip install duckdb).
"""

import argparse
import datetime as dt

import duckdb

FIGURES = [
    ("adoptionsPerHundredLookedAfter", "adoptions in the year per 100 looked after at 31 March"),
    ("adoptionEntryToPlacementDays", "mean days, entry to care to placed for adoption, children adopted"),
    ("adoptionDecisionsReversedPercent", "decisions to place for adoption reversed, % of decisions"),
    ("careLeaversInTouchPercent", "care leavers 19-21 in touch (YES), % (DIED, RHOM left out)"),
    ("careLeaversSuitableAccommodationPercent", "care leavers 19-21 in suitable accommodation, %"),
    ("careLeaversEETPercent", "care leavers 19-21 in education, employment or training, %"),
    ("healthAssessmentsPercent", "looked after 12 months: health assessment in the year, %"),
    ("dentalChecksPercent", "looked after 12 months: dental check in the year, %"),
    ("immunisationsPercent", "looked after 12 months: immunisations up to date, %"),
    ("healthSurveillancePercent", "looked after 12 months, under 5: development checks up to date, %"),
    ("sdqMeanScore", "looked after 12 months, 5-16: mean SDQ score"),
    ("convictedPercent", "looked after 12 months, 10 or more: convicted in the year, %"),
    ("substanceMisusePercent", "looked after 12 months: substance misuse identified in the year, %"),
]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("log", help="a synthetic council's JSON Lines")
    parser.add_argument("--from", dest="start", default="2021-04-01", help="first day of the first year (1 April)")
    parser.add_argument("--to", dest="end", default="2025-03-31", help="last day of the last year (31 March)")
    args = parser.parse_args()

    db = duckdb.connect()
    db.execute(
        f"""
        create table e as
        select child, type, cast(occurred as date) as occurred, data
        from read_json('{args.log}', format = 'newline_delimited',
             columns = {{id: 'varchar', type: 'varchar', child: 'varchar', occurred: 'varchar', data: 'json'}},
             maximum_object_size = 1048576)
        where child like 'C%'
        """
    )
    start = dt.date.fromisoformat(args.start)
    end = dt.date.fromisoformat(args.end)
    years = [(dt.date(y, 4, 1), dt.date(y + 1, 3, 31)) for y in range(start.year, end.year)]

    db.execute(
        """
        create table born as
        select child, max(cast(data->>'birthDate' as date)) as born from e
        where type in ('child.registered', 'child.updated') and data->>'birthDate' is not null group by child;
        create table period_ends as
        select child, data->>'period' as period, max(occurred) as ended, max(data->>'reason') as reason
        from e where type = 'care.ended' group by all;
        create table periods as
        select s.child, s.data->>'period' as period, s.occurred as started, s.data->>'legalStatus' as first_status,
               x.ended, x.reason
        from e s left join period_ends x on x.child = s.child and x.period = s.data->>'period'
        where s.type = 'care.started';
        """
    )

    totals = {name: [0.0, 0.0] for name, _ in FIGURES}

    def add(name, numerator, denominator):
        totals[name][0] += numerator or 0
        totals[name][1] += denominator or 0

    for year_start, year_end in years:
        y = (year_start, year_end)
        looked_after = db.execute(
            """select count(distinct child) from periods where first_status not in ('V3', 'V4')
               and started <= ? and (ended is null or ended > ?)""",
            [year_end, year_end],
        ).fetchone()[0]
        adopted = db.execute(
            "select count(distinct child) from periods where reason in ('E11', 'E12') and ended between ? and ?", y
        ).fetchone()[0]
        add("adoptionsPerHundredLookedAfter", 100 * adopted, looked_after)
        # Entry to the placement with the family that adopted (the last A3-A6 start in the period).
        days = db.execute(
            """select sum(d), count(*) from (
                 select p.child, p.period, date_diff('day', p.started, max(pl.occurred)) as d
                 from periods p join e pl on pl.child = p.child and pl.type = 'placement.started'
                   and pl.data->>'period' = p.period and pl.data->>'placementType' in ('A3', 'A4', 'A5', 'A6')
                   and pl.occurred <= p.ended
                 where p.reason in ('E11', 'E12') and p.ended between ? and ?
                 group by p.child, p.period, p.started)""",
            y,
        ).fetchone()
        add("adoptionEntryToPlacementDays", days[0], days[1])
        decisions = db.execute(
            """select count(*), count(r.child) from e d
               left join e r on r.child = d.child and r.type = 'adoption.decision-reversed'
                 and r.data->>'adoption' = d.data->>'adoption'
               where d.type = 'adoption.decided' and d.occurred between ? and ?""",
            y,
        ).fetchone()
        add("adoptionDecisionsReversedPercent", 100 * decisions[1], decisions[0])

        # Care leavers whose 19th, 20th or 21st birthday is in the year, by their contact in the year.
        leavers = db.execute(
            """select count(*),
                 count(*) filter (where c.data->>'inTouch' = 'YES'),
                 count(*) filter (where right(c.data->>'accommodation', 1) = '1'),
                 count(*) filter (where substr(c.data->>'activity', 1, 1) in ('F', 'P'))
               from e c join born b using (child)
               where c.type = 'care-leaver.contacted' and c.occurred between ? and ?
                 and extract(year from age(c.occurred + 30, b.born)) between 19 and 21
                 and c.data->>'inTouch' not in ('DIED', 'RHOM')""",
            y,
        ).fetchone()
        add("careLeaversInTouchPercent", 100 * leavers[1], leavers[0])
        add("careLeaversSuitableAccommodationPercent", 100 * leavers[2], leavers[0])
        add("careLeaversEETPercent", 100 * leavers[3], leavers[0])

        # Looked after continuously for 12 months at 31 March (one period over the whole year, no short breaks).
        db.execute(
            """create or replace table cohort as
               select distinct p.child, extract(year from age(?::date, b.born)) as age
               from periods p join born b using (child)
               where p.first_status not in ('V3', 'V4') and p.started <= ? and (p.ended is null or p.ended > ?)""",
            [year_end, year_start, year_end],
        )
        db.execute(
            """create or replace table h as
               select c.child, c.age, e.type, e.data from cohort c join e using (child)
               where e.occurred between ? and ?""",
            y,
        )
        cohort = db.execute("select count(*) from cohort").fetchone()[0]

        def has(kind, where="true"):
            return db.execute(
                f"select count(distinct child) from h where type = '{kind}' and {where}"
            ).fetchone()[0]

        add("healthAssessmentsPercent", 100 * has("health-assessment.completed"), cohort)
        add("dentalChecksPercent", 100 * has("dental-check.completed"), cohort)
        add("immunisationsPercent", 100 * has("immunisations.recorded", "data->>'upToDate' = 'true'"), cohort)
        under5 = db.execute("select count(*) from cohort where age < 5").fetchone()[0]
        add(
            "healthSurveillancePercent",
            100 * has("health-surveillance.recorded", "age < 5 and data->>'upToDate' = 'true'"),
            under5,
        )
        sdq = db.execute(
            """select sum(cast(data->>'score' as int)), count(*) from h
               where type = 'sdq.recorded' and age between 5 and 16 and data->>'score' is not null"""
        ).fetchone()
        add("sdqMeanScore", sdq[0], sdq[1])
        ten = db.execute("select count(*) from cohort where age >= 10").fetchone()[0]
        add("convictedPercent", 100 * has("conviction.recorded", "age >= 10"), ten)
        add("substanceMisusePercent", 100 * has("substance-misuse.identified"), cohort)

    print(f"years {years[0][0]} to {years[-1][1]}")
    print("| parameter | measured | numerator / denominator (summed over the years) | what |")
    print("|---|---|---|---|")
    for name, what in FIGURES:
        n, d = totals[name]
        value = f"{n / d:.1f}" if d else "n/a"
        scale = 100 if "Percent" in name or name == "adoptionsPerHundredLookedAfter" else 1
        print(f"| `{name}` | {value} | {n / scale:,.0f} / {d:,.0f} | {what} |")


if __name__ == "__main__":
    main()
