import JourneyCore

/// A closed episode of need with a section 47 enquiry that never reached a conference nor was found not to need one.
///
/// CIN 8868: "CIN episode is shown as closed, however Section 47 enquiry is not shown as completed by ICPC date or
/// ICPC not required flag".
struct ClosedEpisodeWithOpenS47: Check {
    var id: String { "closed-episode-with-open-s47" }
    var severity: Severity { .error }
    var rule: String? { "CIN 8868" }
    var summary: String {
        "A case is closed while one of its section 47 enquiries has neither a conference nor `icpcRequired: false`."
    }
    var judges: RecordFacts { [.referrals] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for r in child.record.referrals {
            guard let closed = r.closed else { continue }
            for s in child.record.s47Enquiries where s.referral == r.key && s.started != nil {
                guard child.conference(of: s) == nil && s.icpcRequired != false else { continue }
                findings.append(
                    findingOnClosedEpisode(
                        child, referral: r, closed: closed, "section 47 enquiry", started: s.started!,
                        event: child.start(of: s),
                        "has no conference and is not completed with no conference required: record the conference "
                            + "or the enquiry's outcome"))
            }
        }
    }
}
