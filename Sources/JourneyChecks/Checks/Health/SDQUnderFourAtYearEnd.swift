import JourneyCore

/// An SDQ, a score or a reason for none, recorded for a child still under 4 at the end of its collection year.
///
/// SSDA903 188: "Child is aged under 4 years at the end of the year, but a Strengths and Difficulties (SDQ) score or
/// a reason for no SDQ score has been completed." (`DOB + 4 years` after 31 March, with `SDQ_SCORE` or `SDQ_REASON`
/// given.) Here each `sdq.recorded` against the 31 March that ends its own collection year. Unlike
/// `sdq-outside-ages-4-to-16` (157), a reason (`SDQ1`) breaks it too: the return leaves both blank for these children.
/// A child with no birth date is not judged.
struct SDQUnderFourAtYearEnd: Check {
    var id: String { "sdq-under-4-at-year-end" }
    var severity: Severity { .error }
    var rule: String? { "903 188" }
    var summary: String { "An SDQ score or reason is recorded for a child under 4 at the end of the year." }
    var judges: RecordFacts { [.sdqs] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        guard !child.record.sdqs.isEmpty, let born = child.record.birthDate else { return }
        let birthday = born.adding(years: 4)
        for s in child.record.sdqs where s.date <= child.asOf {
            let yearEnd = collectionYearEnd(s.date)
            guard birthday > yearEnd else { continue }
            findings.append(
                finding(
                    child, on: s.date, events: [child.position(.sdqRecorded, on: s.date), child.birthDateEvent],
                    "An SDQ score or reason is recorded for a child under 4 at the end of the year: leave the SDQ out "
                        + "for these children, or correct the birth date."))
        }
    }
}
