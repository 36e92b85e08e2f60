import JourneyCore

/// Health surveillance (development checks) recorded for a child aged 5 or over.
///
/// The development checks of OC2 `HEALTH_CHECK` are for children under five. SSDA903 546: "Children aged 5 or over
/// at 31 March should not have health promotion information completed". Age is taken on the entry's own date. A
/// child with no birth date is not judged.
struct HealthSurveillanceAgedFiveOrOver: Check {
    var id: String { "health-surveillance-aged-5-or-over" }
    var severity: Severity { .error }
    var rule: String? { "903 546" }
    var summary: String { "Health surveillance (development checks) is recorded for a child aged 5 or over." }
    var judges: RecordFacts { [.healthSurveillance] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let record = child.record
        guard !record.healthSurveillance.isEmpty else { return }
        for h in record.healthSurveillance {
            guard let age = record.age(on: h.date), age >= 5 else { continue }
            findings.append(
                finding(
                    child, on: h.date,
                    events: [child.position(.healthSurveillanceRecorded, on: h.date), child.birthDateEvent],
                    "Health surveillance recorded \(h.date) for a child aged 5 or over: development checks are for "
                        + "children under 5; correct the date or the birth date, or retract the entry."))
        }
    }
}
