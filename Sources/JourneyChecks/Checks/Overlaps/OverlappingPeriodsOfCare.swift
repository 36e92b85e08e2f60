import JourneyCore

/// Two periods of care open at once.
///
/// A child is looked after once at a time; a period may end on the day the next starts (SSDA903 `X1`, a new episode
/// the same day). Overlaps make every figure taken on a date count the child twice.
///
/// SSDA903 501 and 142, for the episodes that open and close periods of care: a period starting before the previous
/// one's end (501) or while it has none (142).
struct OverlappingPeriodsOfCare: Check {
    var id: String { "overlapping-periods-of-care" }
    var severity: Severity { .error }
    var rule: String? { "903 501/142" }
    var summary: String { "A period of care starts while another period of care is still open." }
    var judges: RecordFacts { [.periodsOfCare] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        findOverlappingSpells(
            child, child.record.periodsOfCare, dates: { p in p.start.map { DateRange(start: $0, end: p.end) } },
            order: \.position,
            events: { later, earlier in [child.start(of: later), child.start(of: earlier), child.end(of: earlier)] },
            spell: "Period of care", earlierSpell: "period",
            fix: { started in "end the earlier period on or before \(started), or correct the dates" }, into: &findings)
    }
}
