import JourneyCore

/// A looked-after child whose sex is not recorded.
///
/// SSDA903 101: "The child or young person's reported sex is not valid." (`SEX` not M, F or U.) The append refuses a
/// code off the list, but sex is optional: the 903 header of a child with none has `SEX` blank, which the rule
/// refuses. Judged for a child with a period of care started by the as-of date.
struct SexNotRecordedInCare: Check {
    var id: String { "sex-not-recorded-in-care" }
    var severity: Severity { .error }
    var rule: String? { "903 101" }
    var summary: String { "A looked-after child has no sex recorded." }
    var judges: RecordFacts { [.periodsOfCare] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        guard child.record.sex == nil, let period = child.firstPeriodOfCare, let start = period.start else { return }
        findings.append(
            finding(
                child, on: start, events: [child.start(of: period), child.detailsEvent?.position],
                "A looked-after child has no sex recorded: the 903 needs M, F or U; record it with child.updated."))
    }
}
