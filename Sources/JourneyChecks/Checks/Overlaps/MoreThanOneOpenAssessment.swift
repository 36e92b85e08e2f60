import JourneyCore

/// An episode of need with two or more assessments not authorised.
///
/// CIN 8896: "Within one CINDetails group there are 2 or more open Assessments groups" (within one `CINdetails`,
/// only one `Assessments` may have no `AssessmentAuthorisationDate`). One finding per episode, naming every open
/// assessment; an assessment starting while another is open is also `overlapping-assessments`'s (CIN 8863Q).
struct MoreThanOneOpenAssessment: Check {
    var id: String { "more-than-one-open-assessment" }
    var severity: Severity { .error }
    var rule: String? { "CIN 8896" }
    var summary: String { "An episode of need has two or more assessments that are not authorised." }
    var judges: RecordFacts { [.assessments] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let record = child.record
        let open = record.assessments.filter { a in a.started != nil && a.completed == nil }
        for (r, open) in record.episodesWithMoreThanOneOpen(open) {
            findings.append(
                finding(
                    child, on: open[1].started!, events: open.map { child.start(of: $0) } + [r.position],
                    "\(open.count) assessments of the episode referred \(r.date) are not authorised (started "
                        + open.startDates
                        + "): record each finished assessment's authorisation date, or retract the one recorded "
                        + "twice."))
        }
    }
}
