import JourneyCore
import JourneyProjections

/// The collection year of an OC2 row: from 1 April to the 31 March at whose end the child was looked after
/// continuously for 12 months.
struct OC2Year {
    var from: CalendarDate
    var to: CalendarDate

    func contains(_ date: CalendarDate) -> Bool { from <= date && date <= to }
}

extension ChildJourney {
    /// The collection year ending on the latest 31 March on or before the as-of date, when the child is in its OC2
    /// cohort: looked after continuously for at least 12 months at that 31 March. The cohort is the one the return
    /// writes an OC2 row for (SSDA903Return.oc2): a period of care open on 31 March that began on or before 1 April,
    /// short breaks (V3, V4 alone) aside. `nil` when the child is not in it, or the year has not ended.
    var oc2Year: OC2Year? {
        // A child never looked after is in no year's cohort: the year is not read (`AsOfDate`).
        guard !record.periodsOfCare.isEmpty else { return nil }
        // The latest 31 March on or before the as-of date: the same until the next 31 March.
        let day = asOf.value
        let endYear = day >= CalendarDate.civil(year: day.year, month: 3, day: 31) ? day.year : day.year - 1
        _ = CalendarDate.civil(year: endYear + 1, month: 3, day: 31) <= asOf
        let year = OC2Year(
            from: CalendarDate.civil(year: endYear - 1, month: 4, day: 1),
            to: CalendarDate.civil(year: endYear, month: 3, day: 31))
        let inCohort = record.periodsOfCare.contains { p in
            guard let start = p.start else { return false }
            return start <= year.from && p.isOpen(on: year.to) && !p.isShortBreak(upTo: year.to)
        }
        return inCohort ? year : nil
    }

    /// Whether an `immunisations.recorded` falls in `year`: the OC2's `IMMUNISATIONS`, blank when none.
    func hasImmunisations(in year: OC2Year) -> Bool {
        record.immunisations.contains { year.contains($0.date) }
    }
}
