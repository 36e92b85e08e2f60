import JourneyCore

/// A looked-after review of a child looked after only under short breaks (`V3`, `V4`).
///
/// SSDA903 399: "Mother field, review field or participation field are completed but child is looked after under
/// legal statuses V3 or V4." (Every episode of the child under V3 or V4, with `MOTHER`, `REVIEW` or `REVIEW_CODE`
/// given.) The return never writes `MOTHER`; here each `care.reviewed` of a child every 903 row of whose periods of
/// care started by the as-of date is under V3 or V4.
struct ReviewOfShortBreaksOnly: Check {
    var id: String { "review-of-short-breaks-only" }
    var severity: Severity { .error }
    var rule: String? { "903 399" }
    var summary: String {
        "A looked-after review is recorded for a child looked after only under short breaks (V3, V4)."
    }
    var judges: RecordFacts { [.periodsOfCare] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let reviews = child.careReviews
        guard !reviews.isEmpty else { return }
        let episodes = child.careEpisodes
        guard !episodes.isEmpty, episodes.allSatisfy({ $0.legalStatus?.isShortBreak == true }) else { return }
        for r in reviews {
            findings.append(
                finding(
                    child, on: r.date, events: [r.position],
                    "A looked-after review is recorded for a child looked after only under short breaks (V3, V4): "
                        + "the 903 takes no reviews of short breaks; check the legal status, or retract the review."))
        }
    }
}
