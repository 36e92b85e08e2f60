import JourneyCore

/// A decision that adoption is in the child's best interests dated before the child's latest period of care began.
///
/// SSDA903 334: "Date child started to be looked after in latest period of care must be on or prior to the date
/// should be placed for adoption." (AD1 `DATE_INT` before the `DECOM` of the child's latest row with `RNE` S.) The
/// AD1 row is about the latest period of care. Here each `adoption.decided` not reversed (a reversed decision is
/// not the AD1's) before the start of the latest period of care started by the as-of date; one before any care is
/// also `adoption-step-outside-care`'s (903 1003).
struct AdoptionDecisionBeforeLatestCare: Check {
    var id: String { "adoption-decision-before-latest-care" }
    var severity: Severity { .error }
    var rule: String? { "903 334" }
    var summary: String { "An adoption decision is dated before the child's latest period of care began." }
    var judges: RecordFacts { [.periodsOfCare, .adoptions] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        guard
            let latest = child.record.periodsOfCare.filter({ p in p.start.map { $0 <= child.asOf } ?? false })
                .max(by: { ($0.start!, $0.position) < ($1.start!, $1.position) }), let start = latest.start
        else { return }
        for a in child.record.adoptions {
            guard let decided = a.decided, decided.date < start, a.reversed == nil else { continue }
            findings.append(
                finding(
                    child, on: decided.date, events: [decided.position, child.start(of: latest)],
                    "An adoption decision is dated before the child's latest period of care began: a decision belongs "
                        + "to the period it was made in; correct its date, or record it again in this period."))
        }
    }
}
