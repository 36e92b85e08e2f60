import JourneyCore

/// A section 47 enquiry that starts while another enquiry of the same episode is ongoing.
///
/// CIN 8890: "A Section 47 enquiry is shown as starting when there is another Section 47 Enquiry ongoing": within one
/// episode, an enquiry's start may not fall on or between another's start and its conference, or after its start
/// while it has no conference and a conference has not been found unnecessary.
struct OverlappingS47s: Check {
    var id: String { "overlapping-s47s" }
    var severity: Severity { .error }
    var rule: String? { "CIN 8890" }
    var summary: String { "A section 47 enquiry starts while another enquiry of the same episode is ongoing." }
    var judges: RecordFacts { [.s47Enquiries] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        // An enquiry is ongoing until its conference, or its completion with no conference required.
        for (earlier, later) in startedWhileOngoing(
            child.record.s47Enquiries, started: \.started, end: { child.end(of: $0) }, referral: \.referral,
            position: \.position)
        {
            let started = later.started!
            let end = child.end(of: earlier)
            findings.append(
                finding(
                    child, on: started, events: [child.start(of: later), child.start(of: earlier)],
                    "Section 47 enquiry started \(started) while the enquiry of the same episode started "
                        + "\(earlier.started!) was \(end.map { "ongoing until \($0)" } ?? "still open"): record the "
                        + "earlier enquiry's conference or completion, or retract the one recorded twice."))
        }
    }
}
