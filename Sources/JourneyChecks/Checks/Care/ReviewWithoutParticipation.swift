import JourneyCore

/// A looked-after review recorded without the child's participation.
///
/// SSDA903 167: "Data entry for participation is invalid or blank." (`REVIEW` given and `REVIEW_CODE` not PN0-PN7.)
/// The append takes only codes of the list, but participation is optional: the return leaves it blank.
struct ReviewWithoutParticipation: Check {
    var id: String { "review-without-participation" }
    var severity: Severity { .error }
    var rule: String? { "903 167" }
    var summary: String { "A looked-after review is recorded without the child's participation (PN0-PN7)." }
    var judges: RecordFacts { [.periodsOfCare] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for r in child.careReviews where r.participation == nil {
            findings.append(
                finding(
                    child, on: r.date, events: [r.position],
                    "A looked-after review has no participation code: record how the child took part (PN0-PN7) "
                        + "with care.reviewed."))
        }
    }
}
