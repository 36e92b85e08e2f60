import JourneyCore

/// A looked-after child whose sex is recorded as unknown (`U`).
///
/// SSDA903 232: "Sex of the child/young person has been reported as unknown." (`SEX` U, a code from 2024-25.)
/// Judged for a child with a period of care started by the as-of date.
struct SexUnknownInCare: Check {
    var id: String { "sex-unknown-in-care" }
    var severity: Severity { .query }
    var rule: String? { "903 232" }
    var summary: String { "A looked-after child's sex is recorded as unknown (U)." }
    var judges: RecordFacts { [.periodsOfCare] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        guard child.record.sex?.rawValue == "U", let period = child.firstPeriodOfCare, let start = period.start
        else { return }
        findings.append(
            finding(
                child, on: start, events: [child.detailsEvent?.position, child.start(of: period)],
                "A looked-after child's sex is recorded as unknown (U): check whether it is now known, and record it "
                    + "with child.updated."))
    }
}
