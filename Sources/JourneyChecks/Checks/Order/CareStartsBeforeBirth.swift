import JourneyCore
import JourneyProjections

/// The child's first period of care starting before the child's birth.
///
/// SSDA903 302: "First episode starts before child was born." (The earliest `DECOM` before `DOB`.) The start of the
/// earliest period of care; a later period starting before the birth is `dated-before-birth`'s, as are the other
/// events of care.
struct CareStartsBeforeBirth: Check {
    var id: String { "care-starts-before-birth" }
    var severity: Severity { .error }
    var rule: String? { "903 302" }
    var summary: String { "The child's first period of care starts before the child's birth." }
    var judges: RecordFacts { [.periodsOfCare] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        guard let birth = child.record.birthDate, let first = Self.firstPeriod(of: child.record),
            let start = first.start, start < birth
        else { return }
        findings.append(
            finding(
                child, on: start, events: [child.start(of: first), child.birthDateEvent],
                "The child's first period of care starts before the child's recorded birth date: correct the start "
                    + "date or the birth date, or check that the period belongs to this child."))
    }

    /// The earliest period of care with a start (the first in the log, of two on one day).
    static func firstPeriod(of record: ChildRecord) -> ChildRecord.PeriodOfCare? {
        record.periodsOfCare.lazy.filter { $0.start != nil }.min { ($0.start!, $0.position) < ($1.start!, $1.position) }
    }
}
