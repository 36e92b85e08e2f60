#!/usr/bin/env python3
"""Regenerates Sources/JourneyCore/Calendar/WorkingDayCalendar+EnglandAndWales.swift from a bank-holiday list.

    python3 Scripts/update-bank-holidays.py ../shared/calendar/england-and-wales-bank-holidays.json

The list is the GOV.UK format: {"events": [{"date": "YYYY-MM-DD", "title": ...}, ...]}.
"""
import json
import os
import sys

events = json.load(open(sys.argv[1]))["events"]
dates = sorted(e["date"] for e in events)
rows = ["        " + ", ".join(f'"{d}"' for d in dates[i:i + 8]) + "," for i in range(0, len(dates), 8)]
here = os.path.dirname(os.path.abspath(__file__))
target = os.path.join(here, "..", "Sources", "JourneyCore", "Calendar", "WorkingDayCalendar+EnglandAndWales.swift")
with open(target, "w") as out:
    out.write(f"""// Bank holidays in England and Wales, {dates[0][:4]}–{dates[-1][:4]}, with substitute (observed) and one-off days.
// Source: shared/calendar/england-and-wales-bank-holidays.json (the GOV.UK list, extended). Regenerate this file
// from a newer list with Scripts/update-bank-holidays.py; a council can instead pass its own file with --calendar.
extension WorkingDayCalendar {{
    /// The dates of every bank holiday in England and Wales from {dates[0][:4]} to {dates[-1][:4]}, weekend dates included.
    static let englandAndWalesBankHolidays: [String] = [
{chr(10).join(rows)}
    ]
}}
""")
print(f"{len(dates)} dates written to {os.path.relpath(target)}")
