import JourneyCore

/// An episode of need with two or more section 47 enquiries still open.
///
/// CIN 8839: "Within one CINDetails group there are 2 or more open S47 Assessments" (within one `CINdetails`, only
/// one `Section47` may have neither a `DateOfInitialCPC` nor `ICPCnotRequired` true). An enquiry is open here as
/// `closed-episode-with-open-s47` (CIN 8868) and `overlapping-s47s` (CIN 8890) read it: until its conference (the
/// one naming it, or its episode's next one) or its completion with no conference required. So an enquiry whose
/// conference is recorded only at episode level (`CINdetails/DateOfInitialCPC`) is closed by it here, where the
/// validator still counts it as open. One finding per episode, naming every open enquiry.
struct MoreThanOneOpenS47: Check {
    var id: String { "more-than-one-open-s47" }
    var severity: Severity { .error }
    var rule: String? { "CIN 8839" }
    var summary: String { "An episode of need has two or more section 47 enquiries with no conference or outcome." }
    var judges: RecordFacts { [.s47Enquiries] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let record = child.record
        let open = record.s47Enquiries.filter { s in s.started != nil && child.end(of: s) == nil }
        for (r, open) in record.episodesWithMoreThanOneOpen(open) {
            findings.append(
                finding(
                    child, on: open[1].started!, events: open.map { child.start(of: $0) } + [r.position],
                    "\(open.count) section 47 enquiries of the episode referred \(r.date) are open (started "
                        + open.startDates
                        + "): record each finished enquiry's conference or completion, or retract the one recorded "
                        + "twice."))
        }
    }
}
