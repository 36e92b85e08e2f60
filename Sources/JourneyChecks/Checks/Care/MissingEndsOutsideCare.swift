import JourneyCore

/// A missing or away-from-placement episode that no period of care holds: it ends outside every period, or is still
/// open when care has ended.
///
/// SSDA903 577: "Child ceased to be looked after but there is a missing/away from placement without authorisation
/// period without an end date." The validator flags a missing row that is out of every period of care of the child:
/// one with no `MIS_END` when the period has ended or began after it started, one whose `MIS_END` is after the
/// period's last `DEC` or before its first `DECOM`. So an episode is held by a period when its end falls within the
/// period, or, still open, the period is still open and began on or before it; its start is 581's. Here the same
/// over the whole history, ends after the as-of date read as not yet known. A child with no period of care at all is
/// not judged (the validator sees no episode to compare with; `missing-while-not-looked-after` finds them).
struct MissingEndsOutsideCare: Check {
    var id: String { "missing-ends-outside-care" }
    var severity: Severity { .error }
    var rule: String? { "903 577" }
    var summary: String { "A missing or away episode ends outside care, or is still open after care ended." }
    var judges: RecordFacts { [.missingEpisodes] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let periods = child.periodsOfCareKnownByAsOf
        guard !periods.isEmpty else { return }
        for m in child.record.missingEpisodes {
            guard let start = m.start, start <= child.asOf else { continue }
            let end = m.end.flatMap { $0 <= child.asOf ? $0 : nil }
            guard !ChildJourney.isHeldByCare(start: start, end: end, in: periods) else { continue }
            findings.append(
                finding(
                    child, on: end ?? start, events: [child.start(of: m), child.end(of: m)],
                    end == nil
                        ? "A missing or away-from-placement episode is still open after care ended: record when the "
                            + "child returned, at the latest when care ended."
                        : "A missing or away-from-placement episode ends outside the child's periods of care: correct "
                            + "its dates or the period of care."))
        }
    }
}
