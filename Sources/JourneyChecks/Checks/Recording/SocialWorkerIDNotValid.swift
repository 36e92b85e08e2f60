import JourneyCore

/// A looked-after child's social worker allocation whose worker id does not begin `SW` or `XX`.
///
/// SSDA903 SW02STG1: "Social worker ID does not begin with the characters 'SW' or 'XX'." The validator also flags an
/// id shorter than four characters. The 903's `SW_ID` is the worker's id in the Children's Social Work Workforce
/// census (`SW` and a number; `XX` when the worker is not a registered social worker); the return writes the
/// allocation's worker as it is. The append takes any text. Judged for each allocation naming a worker, of a child
/// with a period of care started by the as-of date.
struct SocialWorkerIDNotValid: Check {
    var id: String { "social-worker-id-not-valid" }
    var severity: Severity { .error }
    var rule: String? { "903 SW02STG1" }
    var summary: String {
        "A looked-after child's social worker id does not begin SW or XX (or is under 4 characters)."
    }
    var judges: RecordFacts { [.periodsOfCare] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        guard child.firstPeriodOfCare != nil else { return }
        for a in child.record.allocations where a.date <= child.asOf {
            guard let worker = a.worker, !Self.isValid(worker) else { continue }
            findings.append(
                finding(
                    child, on: a.date, events: [a.position],
                    "A social worker id does not begin SW or XX, or is shorter than 4 characters: the 903 takes the "
                        + "worker's workforce census id; record it with worker.allocated."))
        }
    }

    /// `SW` or `XX` and at least two more characters.
    static func isValid(_ worker: String) -> Bool {
        (worker.hasPrefix("SW") || worker.hasPrefix("XX")) && worker.count >= 4
    }
}
