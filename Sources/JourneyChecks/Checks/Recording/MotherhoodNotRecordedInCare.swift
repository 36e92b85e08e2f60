import JourneyCore

/// A girl looked after, not on short breaks alone, whose motherhood is not recorded.
///
/// SSDA903 393: "Child is looked after but mother field is not completed." and 607: "Child ceased to be looked after
/// in the year, but mother field has not been completed." (`SEX` F, an episode not under V3 or V4, `MOTHER` blank.)
/// The return writes MOTHER from `motherhood.recorded`, which is optional: a girl with none has it blank. Judged for
/// a girl with a period of care started by the as-of date that is not a series of short breaks, and no
/// `motherhood.recorded` dated on or before it.
struct MotherhoodNotRecordedInCare: Check {
    var id: String { "motherhood-not-recorded-in-care" }
    var severity: Severity { .error }
    var rule: String? { "903 393/607" }
    var summary: String { "A girl looked after (not on short breaks alone) has no motherhood recorded." }
    var judges: RecordFacts { [.periodsOfCare] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        guard child.record.sex?.rawValue == "F",
            child.onAsOf(changingOn: child.record.motherhood.lazy.map(\.date), { child.record.motherhood(on: $0) })
                == nil
        else { return }
        let periods = child.record.periodsOfCare.filter { p in
            guard let start = p.start, start <= child.asOf else { return false }
            return !child.isShortBreakOnAsOf(p)
        }
        guard let period = periods.min(by: { ($0.start!, $0.position) < ($1.start!, $1.position) }) else { return }
        findings.append(
            finding(
                child, on: period.start!, events: [child.start(of: period)],
                "A girl looked after has no motherhood recorded: the 903 asks whether she is a mother (MOTHER) and "
                    + "her first child's date of birth; record it with motherhood.recorded."))
    }
}
