import JourneyCore

/// A missing or away episode still open though the row of care it began in has ended.
///
/// SSDA903 575: "If the placement from which the child goes missing/away from placement without authorisation ends,
/// the missing/away from placement without authorisation period in the missing module must also have an end date."
/// The validator flags a missing row with no `MIS_END` whose `MIS_START` falls within an episode with a `DEC`
/// (`DECOM ≤ MIS_START ≤ DEC`). Here the rows are read back from the periods (`CareEpisode`): a missing episode with
/// no end by the as-of date that began within a row ended by then. A missing episode starting on the day one row
/// ends and the next begins is within the ended one, as the validator has it.
struct MissingOpenAfterPlacementEnded: Check {
    var id: String { "missing-open-after-placement-ended" }
    var severity: Severity { .error }
    var rule: String? { "903 575" }
    var summary: String { "A missing or away episode has no end though the placement it began in has ended." }
    var judges: RecordFacts { [.missingEpisodes] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let open = child.record.missingEpisodes.filter { m in
            guard let start = m.start, start <= child.asOf else { return false }
            return m.end.map { $0 > child.asOf } ?? true
        }
        guard !open.isEmpty else { return }
        let ended = child.careEpisodes.filter { $0.end.map { $0 <= child.asOf } ?? false }
        for m in open {
            let start = m.start!
            guard let row = ended.first(where: { $0.start <= start && start <= $0.end! }) else { continue }
            findings.append(
                finding(
                    child, on: row.end!, events: [child.start(of: m), child.event(beginning: row)],
                    "A missing or away-from-placement episode has no end though the placement it began in has ended: "
                        + "record when the child returned."))
        }
    }
}
