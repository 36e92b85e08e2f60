import JourneyCore

/// A decision that the child should be placed for adoption dated before the child's birth.
///
/// SSDA903 184: "Date of decision that a child should be placed for adoption is before the child was born."
/// (`DATE_PLACED` before `DOB`.) Each `adoption.decided` before the birth date; `dated-before-birth` leaves them to
/// this check.
struct AdoptionDecisionBeforeBirth: Check {
    var id: String { "adoption-decision-before-birth" }
    var severity: Severity { .error }
    var rule: String? { "903 184" }
    var summary: String { "A decision to place the child for adoption is dated before the child's birth." }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        guard let birth = child.record.birthDate else { return }
        for e in child.record.recording.events where e.counts && e.type == .adoptionDecided && e.occurred < birth {
            findings.append(
                finding(
                    child, on: e.occurred, events: [e.position, child.birthDateEvent],
                    "A decision to place the child for adoption is dated before the child's recorded birth date: "
                        + "correct the decision's date or the birth date, or check that it belongs to this child."))
        }
    }
}
