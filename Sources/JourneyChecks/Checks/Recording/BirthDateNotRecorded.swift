import JourneyCore

/// A registered child with neither a date of birth nor an expected date of birth.
///
/// CIN 8525Q: "Either Date of Birth or Expected Date of Birth must be provided (but not both)". Without either, the
/// child's age is unknown and every age breakdown puts them in "unknown". The rule's second half (not both) is not a
/// rule of the stream: an unborn child's record keeps its expected date of birth once the birth is recorded, as
/// its history, so a child later born has both; a census return that gives both for one child is found by the
/// validator, not here. A child never registered is `unknown-child`'s.
struct BirthDateNotRecorded: Check {
    var id: String { "birth-date-not-recorded" }
    var severity: Severity { .query }
    var rule: String? { "CIN 8525Q" }
    var summary: String { "A registered child has neither a date of birth nor an expected date of birth." }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let record = child.record
        guard record.birthDate == nil && record.expectedBirthDate == nil,
            let registration = record.recording.events.first(where: { $0.counts && $0.type == .childRegistered })
        else { return }
        findings.append(
            finding(
                child, on: registration.occurred, events: [registration.position],
                "Child has neither a date of birth nor an expected date of birth: record the date of birth with "
                    + "child.updated, or the expected date of birth for an unborn child."))
    }
}
