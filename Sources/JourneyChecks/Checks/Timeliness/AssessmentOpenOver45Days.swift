import JourneyCore

/// An assessment still not authorised more than 45 working days after it started.
///
/// CIN 8670Q: "Assessment started more than 45 working days before the end of the census year. However, there is no
/// Assessment end date." Working Together: an assessment is completed within 45 working days. Judged on the as-of
/// date: `wd(started, asOf) > 45` (the 45th working day itself is still in time).
struct AssessmentOpenOver45Days: Check {
    var id: String { "assessment-open-over-45-days" }
    var severity: Severity { .warning }
    var rule: String? { "CIN 8670Q" }
    var summary: String { "An assessment is still not authorised more than 45 working days after it started." }
    var judges: RecordFacts { [.assessments] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for a in child.record.assessments {
            guard let started = a.started, started <= child.asOf, a.completed.map({ $0 > child.asOf }) ?? true else {
                continue
            }
            guard let days = child.workingDaysToAsOf(from: started, over: 45) else { continue }
            findings.append(
                finding(
                    child, on: started, events: [child.start(of: a)],
                    "Assessment started \(started) is not authorised after \(days) working days (the limit of 45 "
                        + "ended on \(child.adding(workingDays: 45, to: started))): authorise it, or record its "
                        + "authorisation if it is done."))
        }
    }
}
