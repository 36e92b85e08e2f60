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

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let enquiries = child.record.s47Enquiries.filter { $0.started != nil && $0.referral != 0 }
            .sorted { ($0.started!, $0.position) < ($1.started!, $1.position) }
        // The enquiries of each episode in start order: the first earlier one still ongoing, to and including the
        // day of its conference or completion, when the later one starts.
        forEachOpenEarlier(
            count: enquiries.count, start: { enquiries[$0].started! },
            end: { OpenItems.end(child.end(of: enquiries[$0])) }, group: { enquiries[$0].referral },
            endDayIncluded: true
        ) { l, e in
            let (later, earlier) = (enquiries[l], enquiries[e])
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
