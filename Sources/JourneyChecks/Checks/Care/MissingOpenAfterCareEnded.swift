import JourneyCore

/// A period of care that ended while a missing or away episode begun in it is still open.
///
/// SSDA903 577: "Child ceased to be looked after but there is a missing/away from placement without authorisation
/// period without an end date." The validator flags a missing row with no `MIS_END` that starts within a period of
/// care that has ended (its last `DEC`). Here a missing episode with no end by the as-of date that started within a
/// period of care ended by then.
struct MissingOpenAfterCareEnded: Check {
    var id: String { "missing-open-after-care-ended" }
    var severity: Severity { .error }
    var rule: String? { "903 577" }
    var summary: String { "Care ended while a missing or away episode begun in it has no end." }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for m in child.record.missingEpisodes {
            guard let start = m.start, start <= child.asOf, m.end.map({ $0 > child.asOf }) ?? true else { continue }
            guard
                let period = child.record.periodsOfCare.first(where: { p in
                    guard let s = p.start, let e = p.end, e <= child.asOf else { return false }
                    return s <= start && start <= e
                })
            else { continue }
            findings.append(
                finding(
                    child, on: period.end!, events: [child.start(of: m), child.end(of: period)],
                    "Care ended while a missing or away-from-placement episode begun in it has no end: record when "
                        + "the child returned, at the latest when care ended."))
        }
    }
}
