import JourneyCore

/// An assessment started before the census year and not authorised by its end.
///
/// CIN 8736: "For an Assessment that has not been completed, the start date must fall within the census year" (an
/// `Assessments` with no `AssessmentAuthorisationDate` and an `AssessmentActualStartDate` outside the year). Judged
/// for an assessment of an episode the year's return holds; an assessment authorised after the as-of date is not
/// authorised on it. The census year is the year ending on the as-of date.
struct AssessmentOpenFromBeforeCensusYear: Check {
    var id: String { "assessment-open-from-before-census-year" }
    var severity: Severity { .error }
    var rule: String? { "CIN 8736" }
    var summary: String { "An assessment started before the census year is not authorised by its end." }
    var judges: RecordFacts { [.assessments] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        // What stays so on every later as-of day is asked first (`AsOfDate`): an assessment authorised by the as-of
        // date is never judged, so neither the census year nor the returned episodes are read for it, and the record
        // is not judged again as they move on.
        let open = child.record.assessments.filter { a in
            a.started != nil && (a.completed.map { $0 > child.asOf } ?? true)
        }
        guard !open.isEmpty else { return }
        let start = child.censusYearStart
        let returned = child.returnedReferralKeys
        for a in open {
            guard let started = a.started, started < start, returned.contains(a.referral) else { continue }
            findings.append(
                finding(
                    child, on: started, events: [child.start(of: a)],
                    "Assessment started \(started), before the census year starting \(start), is not authorised by "
                        + "\(child.asOf): record its authorisation date, or correct its start."))
        }
    }
}
