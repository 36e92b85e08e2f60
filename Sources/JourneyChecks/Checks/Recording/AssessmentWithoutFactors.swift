import JourneyCore

/// An assessment authorised in the census year with no factors identified at assessment.
///
/// CIN 8897Q: "Parental or child factors at assessment information is missing from a completed assessment" (an
/// `AssessmentAuthorisationDate` on or after the census year's start with no `AssessmentFactors`). Factors are
/// optional at append; 21 says that none were identified. The census year is the year ending on the as-of date.
struct AssessmentWithoutFactors: Check {
    var id: String { "assessment-without-factors" }
    var severity: Severity { .query }
    var rule: String? { "CIN 8897Q" }
    var summary: String { "An assessment authorised in the census year has no factors identified at assessment." }
    var judges: RecordFacts { [.assessments] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        // The factors are asked first: an assessment with them is never judged, so the census year, which moves
        // with the as-of date, is read only for one without (`AsOfDate`).
        let start = child.censusYearStart
        for a in child.record.assessments {
            guard a.factors?.isEmpty ?? true, let completed = a.completed, completed <= child.asOf, completed >= start
            else { continue }
            findings.append(
                finding(
                    child, on: completed, events: [child.completion(of: a), a.position],
                    "Assessment authorised \(completed) has no factors identified at assessment: record the factors "
                        + "with the authorisation, or 21 if none were identified."))
        }
    }
}
