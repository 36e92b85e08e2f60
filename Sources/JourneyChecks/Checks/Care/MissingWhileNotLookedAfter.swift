import JourneyCore

/// A missing or away-from-placement episode that starts while the child is not looked after.
///
/// SSDA903 581: "Child is missing but has not yet started to be looked after." The validator flags a missing row
/// whose `MIS_START` is within no episode of the child (`DECOM ≤ MIS_START ≤ DEC`, an open episode running on), so
/// a start after care ended too. SSDA903 578 ("The date that the child started to be missing is after the child
/// ceased to be looked after") flags the same rows: a `MIS_START` before the first `DECOM` or after the last `DEC` of
/// every period of care, and a period's episodes follow one another without a gap, so the two rules break together
/// and each finding names both. Here, within no period of care, both ends counted. The validator sees one year's
/// episodes; here the whole history.
///
/// **By design**: the validator compares a missing row with the child's episodes only, so a child with missing rows
/// and no episode at all is not flagged there; here, never looked after, it is.
struct MissingWhileNotLookedAfter: Check {
    var id: String { "missing-while-not-looked-after" }
    var severity: Severity { .error }
    var rule: String? { "903 581/578" }
    var summary: String { "A missing or away episode starts while the child is not looked after." }
    var judges: RecordFacts { [.missingEpisodes] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let periods = child.record.periodsOfCare
        for m in child.record.missingEpisodes {
            guard let start = m.start, start <= child.asOf else { continue }
            let inCare = periods.contains { p in
                guard let s = p.start, s <= start else { return false }
                return p.end.map { start <= $0 } ?? true
            }
            guard !inCare else { continue }
            findings.append(
                finding(
                    child, on: start, events: [child.start(of: m)],
                    "A missing or away-from-placement episode starts while the child is not looked after: the 903 "
                        + "records these for looked-after children; correct its date or the period of care."))
        }
    }
}
