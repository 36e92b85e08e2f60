import JourneyCore

/// A young person still looked after at a year's end after their 18th birthday, other than under section 20(5) in
/// a community home (`V2` in `K2`).
///
/// SSDA903 359: "Child being looked after following 18th birthday must be accommodated under section 20(5) of the
/// Children Act 1989 in a community home." The validator flags a row with no `DEC` (open at the year's end) of a
/// child whose 18th birthday is before 31 March, unless its `LS` is `V2` and its `PLACE` `K2`. Here a row read back
/// from a period (`CareEpisode`) that is open on a 31 March after the 18th birthday, or on the as-of date after it;
/// one finding for each such 31 March (or the as-of date). A child with no birth date is not judged.
struct LookedAfterPastEighteen: Check {
    var id: String { "looked-after-past-18" }
    var severity: Severity { .error }
    var rule: String? { "903 359" }
    var summary: String { "A young person over 18 is looked after other than under V2 in a children's home (K2)." }
    var judges: RecordFacts { [.periodsOfCare] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        guard !child.careEpisodes.isEmpty, let born = child.record.birthDate else { return }
        let birthday = born.adding(years: 18)
        // Only a row not ended by the birthday can be open after it, on any as-of day; for a child with none, the
        // birthday is not noted as a day its findings change (`AsOfDate`).
        let rows = child.careEpisodes.filter { e in
            !(e.legalStatus?.rawValue == "V2" && e.placement?.placementType.rawValue == "K2")
                && (e.end.map { $0 > birthday } ?? true)
        }
        guard !rows.isEmpty, birthday < child.asOf else { return }
        for e in rows {
            // The 31 Marches the row is open on (started on or before, not ended on or before), and the as-of date.
            var dates: [CalendarDate] = []
            var year = collectionYear(max(e.start, birthday))
            while let march = CalendarDate(year: year + 1, month: 3, day: 31), march < child.asOf {
                dates.append(march)
                year += 1
            }
            // The as-of date (after the birthday) when the row is open on it. Asked here, with what each comparison
            // notes (`AsOfDate`), rather than in the loop below: a row ended by the as-of date is not open on it on
            // any later day either.
            if e.start <= child.asOf, e.end.map({ $0 > child.asOf }) ?? true { dates.append(child.asOf.day) }
            for d in dates where d > birthday && e.start <= d && (e.end.map { $0 > d } ?? true) {
                findings.append(
                    finding(
                        child, on: d, events: [child.event(beginning: e)],
                        "A young person over 18 is looked after other than under section 20(5) in a children's "
                            + "home (V2 in K2): record when care ended, or correct the legal status or placement."))
            }
        }
    }
}
