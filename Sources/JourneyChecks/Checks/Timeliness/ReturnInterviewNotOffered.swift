import JourneyCore

/// A child back from a missing episode with no return interview offered.
///
/// Statutory guidance on children who run away or go missing: an independent return interview is offered within
/// 72 hours of the child's return. The offer is recorded on `missing.ended`; once the 3 days have passed
/// (`asOf > return + 3 days`) an offer that is not recorded as made is reported. "Away from placement" episodes are
/// left out: the guidance is for children missing.
struct ReturnInterviewNotOffered: Check {
    var id: String { "return-interview-not-offered" }
    var severity: Severity { .warning }
    var summary: String {
        "A child returned from a missing episode, and no return interview was offered within 3 days."
    }
    var judges: RecordFacts { [.missingEpisodes] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for m in child.record.missingEpisodes where m.kind.rawValue == "missing" {
            guard let end = m.end, end <= child.asOf, m.returnInterviewOffered != true else { continue }
            let due = end.adding(days: 3)
            guard child.asOf > due else { continue }
            let recorded =
                m.returnInterviewOffered == false ? "is recorded as not offered" : "is not recorded as offered"
            findings.append(
                finding(
                    child, on: end, events: [child.end(of: m), child.start(of: m)],
                    "Child returned from a missing episode on \(end); a return interview \(recorded) (due within 72 "
                        + "hours, by \(due)): offer the interview, or correct the record if it was offered."))
        }
    }
}
