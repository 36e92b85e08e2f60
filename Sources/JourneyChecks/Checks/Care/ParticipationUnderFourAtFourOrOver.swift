import JourneyCore

/// A looked-after review with participation `PN0` (child under 4) held after the child's 4th birthday.
///
/// SSDA903 440: "Participation method indicates child was under 4 years old at the time of the review, but date of
/// birth and review date indicates the child was 4 years old or over." (`REVIEW_CODE` PN0 and `REVIEW` after
/// `DOB + 4 years`: a review on the birthday is kept.)
struct ParticipationUnderFourAtFourOrOver: Check {
    var id: String { "participation-pn0-at-4-or-over" }
    var severity: Severity { .error }
    var rule: String? { "903 440" }
    var summary: String { "A review's participation is PN0 (under 4) but the child was 4 or over." }
    var judges: RecordFacts { [.periodsOfCare] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        guard !child.careReviews.isEmpty, let born = child.record.birthDate else { return }
        let birthday = born.adding(years: 4)
        for r in child.careReviews where r.participation?.rawValue == "PN0" && r.date > birthday {
            findings.append(
                finding(
                    child, on: r.date, events: [r.position, child.birthDateEvent],
                    "A review's participation is PN0 (child under 4) but the child was 4 or over: record how the "
                        + "child took part (PN1-PN7), or correct the birth date."))
        }
    }
}
