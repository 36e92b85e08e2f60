import JourneyCore

/// A looked-after review with a participation code of a child of 4 or over (`PN1`-`PN7`) held before the child's
/// 4th birthday.
///
/// SSDA903 441: "Participation method indicates child was 4 years old or over at the time of the review, but the
/// date of birth and review date indicates the child was under 4 years old." (`REVIEW_CODE` PN1-PN7 and `REVIEW`
/// before `DOB + 4 years`.)
struct ParticipationCodeUnderFour: Check {
    var id: String { "participation-code-under-4" }
    var severity: Severity { .error }
    var rule: String? { "903 441" }
    var summary: String { "A review's participation is PN1-PN7 but the child was under 4." }
    var judges: RecordFacts { [.periodsOfCare] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        guard !child.careReviews.isEmpty, let born = child.record.birthDate else { return }
        let birthday = born.adding(years: 4)
        for r in child.careReviews where r.date < birthday {
            guard let code = r.participation?.rawValue, code != "PN0" else { continue }
            findings.append(
                finding(
                    child, on: r.date, events: [r.position, child.birthDateEvent],
                    "A review's participation is one of a child of 4 or over (PN1-PN7) but the child was under 4: "
                        + "record PN0, or correct the birth date."))
        }
    }
}
