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

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for a in child.record.assessments {
            guard let started = a.started, let completed = a.completed, completed < started else { continue }
            findings.append(
                finding(
                    child, on: completed, events: [child.completion(of: a), child.start(of: a)],
                    "Assessment authorised \(completed), before it started on \(started): correct the start date or "
                        + "the authorisation date."))
        }
    }
}
