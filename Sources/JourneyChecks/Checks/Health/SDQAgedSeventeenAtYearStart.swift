import JourneyCore

/// An SDQ, a score or a reason for none, recorded for a young person already 17 at the start of its collection year.
///
/// SSDA903 189: "Child is aged 17 years or over at the beginning of the year, but an Strengths and Difficulties (SDQ)
/// score or a reason for no Strengths and Difficulties (SDQ) score has been completed." (`DOB + 17 years` before
/// 1 April, with `SDQ_SCORE` or `SDQ_REASON` given.) Here each `sdq.recorded` against the 1 April that starts its own
/// collection year. A child with no birth date is not judged.
struct SDQAgedSeventeenAtYearStart: Check {
    var id: String { "sdq-aged-17-at-year-start" }
    var severity: Severity { .error }
    var rule: String? { "903 189" }
    var summary: String { "An SDQ score or reason is recorded for a young person 17 or over at the start of the year." }
    var judges: RecordFacts { [.sdqs] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        guard !child.record.sdqs.isEmpty, let born = child.record.birthDate else { return }
        let birthday = born.adding(years: 17)
        for s in child.record.sdqs where s.date <= child.asOf {
            let yearStart = collectionYearStart(s.date)
            guard birthday < yearStart else { continue }
            findings.append(
                finding(
                    child, on: s.date, events: [child.position(.sdqRecorded, on: s.date), child.birthDateEvent],
                    "An SDQ score or reason is recorded for a young person 17 or over at the start of the year: leave "
                        + "the SDQ out for them, or correct the birth date."))
        }
    }
}
