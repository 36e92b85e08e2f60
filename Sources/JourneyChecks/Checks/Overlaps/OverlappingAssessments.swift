import JourneyCore

/// An assessment that starts while another assessment of the same episode is ongoing.
///
/// CIN 8863Q: "An Assessment is shown as starting when there is another Assessment ongoing": within one episode, an
/// assessment's start may not fall on or between another's start and authorisation (or after its start, while it
/// is not authorised).
struct OverlappingAssessments: Check {
    var id: String { "overlapping-assessments" }
    var severity: Severity { .error }
    var rule: String? { "CIN 8863Q" }
    var summary: String { "An assessment starts while another assessment of the same episode is ongoing." }
    var judges: RecordFacts { [.assessments] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        // An assessment is ongoing until it is authorised.
        for (earlier, later) in startedWhileOngoing(
            child.record.assessments, started: \.started, end: \.completed, referral: \.referral, position: \.position)
        {
            let started = later.started!
            findings.append(
                finding(
                    child, on: started,
                    events: [child.start(of: later), child.start(of: earlier), child.completion(of: earlier)],
                    "Assessment started \(started) while the assessment of the same episode started "
                        + "\(earlier.started!) was \(earlier.completed.map { "ongoing until \($0)" } ?? "not yet authorised"): "
                        + "authorise or correct the earlier assessment, or retract the one recorded twice."))
        }
    }
}
