import JourneyCore

/// A conviction recorded for a child under 10.
///
/// In England no child under 10 can be convicted of an offence (the age of criminal responsibility). SSDA903 542:
/// "A child aged under 10 at 31 March should not have conviction information completed". Age is taken on the
/// conviction's own date. A child with no birth date is not judged.
struct ConvictionUnderTen: Check {
    var id: String { "conviction-under-10" }
    var severity: Severity { .error }
    var rule: String? { "903 542" }
    var summary: String { "A conviction is recorded for a child under 10, the age of criminal responsibility." }
    var judges: RecordFacts { [.convictions] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let record = child.record
        guard !record.convictions.isEmpty else { return }
        for date in record.convictions {
            guard let age = record.age(on: date), age < 10 else { continue }
            findings.append(
                finding(
                    child, on: date, events: [child.position(.convictionRecorded, on: date), child.birthDateEvent],
                    "Conviction recorded \(date) for a child under 10, the age of criminal responsibility: correct "
                        + "the date or the birth date, or check that it belongs to this child."))
        }
    }
}
