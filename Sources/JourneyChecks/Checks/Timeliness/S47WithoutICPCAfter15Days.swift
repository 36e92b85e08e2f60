import JourneyCore

/// A section 47 enquiry with no initial conference more than 15 working days after it started.
///
/// CIN 8675Q: "S47 Enquiry started more than 15 working days before the end of the census year. However, there is
/// no date of Initial Child Protection Conference." Working Together: the ICPC is held within 15 working days of the
/// strategy discussion that started the enquiry. An enquiry completed with `icpcRequired: false` needs none.
/// Judged on the as-of date: `wd(started, asOf) > 15`.
struct S47WithoutICPCAfter15Days: Check {
    var id: String { "s47-without-icpc-after-15-days" }
    var severity: Severity { .warning }
    var rule: String? { "CIN 8675Q" }
    var summary: String { "A section 47 enquiry has no initial conference more than 15 working days after it started." }
    var judges: RecordFacts { [.s47Enquiries] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for s in child.record.s47Enquiries {
            guard let started = s.started, started <= child.asOf else { continue }
            if let conference = child.conference(of: s), conference.date <= child.asOf { continue }
            if s.icpcRequired == false, let completed = s.completed, completed <= child.asOf { continue }
            guard let days = child.workingDaysToAsOf(from: started, over: 15) else { continue }
            findings.append(
                finding(
                    child, on: started, events: [child.start(of: s), child.completion(of: s)],
                    "Section 47 enquiry started \(started) has no initial child protection conference after \(days) "
                        + "working days (the limit is 15): record the conference, or complete the enquiry with no "
                        + "conference required."))
        }
    }
}
