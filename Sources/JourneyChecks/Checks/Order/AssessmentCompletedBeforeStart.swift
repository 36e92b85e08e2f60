import JourneyCore

/// An assessment authorised before it started.
///
/// CIN 8608: "Assessment Start Date cannot be later than its End Date" (the authorisation date may be the start
/// date). The timeliness metric reports these as `invalid`; this names them so they can be put right.
struct AssessmentCompletedBeforeStart: Check {
    var id: String { "assessment-completed-before-start" }
    var severity: Severity { .error }
    var rule: String? { "CIN 8608" }
    var summary: String { "An assessment is authorised before the date it started." }
    var judges: RecordFacts { [.assessments] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        findEndsBeforeStart(
            child, child.record.assessments, start: { $0.started }, end: { $0.completed },
            events: { [child.completion(of: $0), child.start(of: $0)] },
            spell: "Assessment", ended: "authorised", endDate: "authorisation date", into: &findings)
    }
}
