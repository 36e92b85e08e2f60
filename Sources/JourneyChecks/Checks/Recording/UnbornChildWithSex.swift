import JourneyCore

/// An unborn child recorded as male or female.
///
/// CIN 8750: "Sex must equal U for an unborn child" (an `ExpectedPersonBirthDate` with no `PersonBirthDate`: `Sex`
/// must be `U`; before 2024-25, `GenderCurrent` 0). A sex is recorded once the child is born. Here a sex that is not
/// recorded at all passes: the rule of this census year asks for `U`, earlier years for "not recorded", and the
/// stream holds returns of both; a missing sex is a rule of its own (CIN 4180). Judged on the record as known at the
/// time asked: a child born since has a birth date and is not unborn.
struct UnbornChildWithSex: Check {
    var id: String { "unborn-child-with-sex" }
    var severity: Severity { .error }
    var rule: String? { "CIN 8750" }
    var summary: String { "An unborn child (no date of birth, an expected one) is recorded as male or female." }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let record = child.record
        guard record.birthDate == nil, let expected = record.expectedBirthDate, let sex = record.sex,
            sex.rawValue != "U"
        else { return }
        let registration = record.recording.events.first { $0.counts && $0.type == .childRegistered }
        findings.append(
            finding(
                child, on: registration?.occurred ?? expected, events: [registration?.position],
                "Unborn child is recorded with sex \(sex): record the sex as U (unknown) until the child is born, or "
                    + "record the date of birth if the child has been born."))
    }
}
