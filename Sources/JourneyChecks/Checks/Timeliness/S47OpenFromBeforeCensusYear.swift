import JourneyCore

/// A section 47 enquiry started before the census year with no initial conference by its end, and one required.
///
/// CIN 8740: "For a Section 47 Enquiry that has not held the Initial Child Protection Conference by the end of the
/// census year, the start date must fall within the census year" (a `Section47` with no `DateOfInitialCPC` and
/// `ICPCnotRequired` false, started outside the year). The conference is the one that followed the enquiry (named,
/// or its episode's next), as `closed-episode-with-open-s47` (CIN 8868) reads it; one held after the as-of date is
/// not held on it. Judged for an enquiry of an episode the year's return holds. The census year is the year ending
/// on the as-of date.
struct S47OpenFromBeforeCensusYear: Check {
    var id: String { "s47-open-from-before-census-year" }
    var severity: Severity { .error }
    var rule: String? { "CIN 8740" }
    var summary: String { "A section 47 enquiry started before the census year has no conference by its end." }
    var judges: RecordFacts { [.s47Enquiries] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        // What stays so on every later as-of day is asked first (`AsOfDate`): an enquiry with its conference held by
        // the as-of date is never judged, so neither the census year nor the returned episodes are read for it.
        let open = child.record.s47Enquiries.filter { s in
            s.started != nil && s.icpcRequired != false
                && (child.conference(of: s).map { $0.date > child.asOf } ?? true)
        }
        guard !open.isEmpty else { return }
        let start = child.censusYearStart
        let returned = child.returnedReferralKeys
        for s in open {
            guard let started = s.started, started < start, returned.contains(s.referral) else { continue }
            findings.append(
                finding(
                    child, on: started, events: [child.start(of: s)],
                    "Section 47 enquiry started \(started), before the census year starting \(start), has no initial "
                        + "conference by \(child.asOf): record the conference, or the enquiry's completion with no "
                        + "conference required."))
        }
    }
}
