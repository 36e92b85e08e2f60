import JourneyCore

/// A section 47 enquiry completed before it started.
///
/// An end before its start, as CIN 8608 says of assessments; the CIN census has no completion date for enquiries,
/// but the log does, and a reversed pair makes every duration measured from it wrong.
struct S47CompletedBeforeStart: Check {
    var id: String { "s47-completed-before-start" }
    var severity: Severity { .error }
    var summary: String { "A section 47 enquiry is completed before the date it started." }
    var judges: RecordFacts { [.s47Enquiries] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        findEndsBeforeStart(
            child, child.record.s47Enquiries, start: { $0.started }, end: { $0.completed },
            events: { [child.completion(of: $0), child.start(of: $0)] },
            spell: "Section 47 enquiry", ended: "completed", endDate: "completion date", into: &findings)
    }
}
