import JourneyCore

/// A section 47 enquiry completed before it started.
///
/// An end before its start, as CIN 8608 says of assessments; the CIN census has no completion date for enquiries,
/// but the log does, and a reversed pair makes every duration measured from it wrong.
struct S47CompletedBeforeStart: Check {
    var id: String { "s47-completed-before-start" }
    var severity: Severity { .error }
    var summary: String { "A section 47 enquiry is completed before the date it started." }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for s in child.record.s47Enquiries {
            guard let started = s.started, let completed = s.completed, completed < started else { continue }
            findings.append(
                finding(
                    child, on: completed, events: [child.completion(of: s), child.start(of: s)],
                    "Section 47 enquiry completed \(completed), before it started on \(started): correct the start "
                        + "date or the completion date."))
        }
    }
}
