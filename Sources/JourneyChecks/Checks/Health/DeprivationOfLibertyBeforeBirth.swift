import JourneyCore

/// A deprivation of liberty order starting on or before the child's birth date.
///
/// SSDA903 708 (DoLO, from 2026-27): "Dates of DoLOs are before child's date of birth." The validator flags
/// `DOLO_START` on or before `DOB`, the birth day itself too, as 586 does for missing episodes. Each
/// `deprivation-of-liberty.started` so dated; `dated-before-birth` leaves them to this check (and keeps an order's
/// end before the birth).
struct DeprivationOfLibertyBeforeBirth: Check {
    var id: String { "deprivation-of-liberty-before-birth" }
    var severity: Severity { .error }
    var rule: String? { "903 708" }
    var summary: String { "A deprivation of liberty order starts on or before the child's birth date." }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        guard let birth = child.record.birthDate else { return }
        for e in child.record.recording.events
        where e.counts && e.type == .deprivationOfLibertyStarted && e.occurred <= birth {
            findings.append(
                finding(
                    child, on: e.occurred, events: [e.position, child.birthDateEvent],
                    "A deprivation of liberty order starts on or before the child's recorded birth date: correct its "
                        + "date or the birth date, or check that it belongs to this child."))
        }
    }
}
