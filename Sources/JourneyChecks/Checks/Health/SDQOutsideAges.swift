import JourneyCore

/// A Strengths and Difficulties Questionnaire that does not fit the child's age: a score for a child under 4 or over
/// 16, or the reason `SDQ1` (under 4 or over 16) for a child aged 4 to 16.
///
/// The SDQ is collected for children aged 4 to 16 (SSDA903 OC2). SSDA903 157: a child aged 4 to 16 with `SDQ1` as
/// the reason for no score; the check also finds the other side of it, a score outside those ages, which would put
/// a child into the SDQ figures who does not belong there. Age is taken on the SDQ's own date, where the 903 uses
/// the collection year's start and end. A child with no birth date is not judged.
struct SDQOutsideAges: Check {
    var id: String { "sdq-outside-ages-4-to-16" }
    var severity: Severity { .error }
    var rule: String? { "903 157" }
    var summary: String {
        "An SDQ score is recorded for a child under 4 or over 16, or the reason SDQ1 for a child aged 4 to 16."
    }
    var judges: RecordFacts { [.sdqs] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let record = child.record
        guard !record.sdqs.isEmpty, record.birthDate != nil else { return }
        for s in record.sdqs {
            guard let age = record.age(on: s.date) else { continue }
            let isInRange = (4...16).contains(age)
            let message: String
            if s.score != nil && !isInRange {
                message =
                    "SDQ score recorded \(s.date) for a child \(age < 4 ? "under 4" : "over 16"): the SDQ is for "
                    + "children aged 4 to 16; correct the date or the birth date, or record the reason SDQ1 in place "
                    + "of the score."
            } else if s.reasonNotTaken?.rawValue == "SDQ1" && isInRange {
                message =
                    "SDQ recorded \(s.date) with the reason SDQ1 (under 4 or over 16) for a child aged 4 to 16: record "
                    + "the score, or the reason it was not taken."
            } else {
                continue
            }
            findings.append(
                finding(
                    child, on: s.date, events: [child.position(.sdqRecorded, on: s.date), child.birthDateEvent],
                    message))
        }
    }
}
