import JourneyCore

/// A missing or away episode starting on or before the child's birth date.
///
/// SSDA903 586: "Dates of missing periods are before child's date of birth." The validator flags `MIS_START` on or
/// before `DOB`, the birth day itself too. Each `missing.started` so dated; `dated-before-birth` leaves them to this
/// check (and keeps an end of a missing episode before the birth).
struct MissingBeforeBirth: Check {
    var id: String { "missing-before-birth" }
    var severity: Severity { .error }
    var rule: String? { "903 586" }
    var summary: String { "A missing or away episode starts on or before the child's birth date." }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        guard let birth = child.record.birthDate else { return }
        for e in child.record.recording.events where e.counts && e.type == .missingStarted && e.occurred <= birth {
            findings.append(
                finding(
                    child, on: e.occurred, events: [e.position, child.birthDateEvent],
                    "A missing or away episode starts on or before the child's recorded birth date: correct its date "
                        + "or the birth date, or check that it belongs to this child."))
        }
    }
}
