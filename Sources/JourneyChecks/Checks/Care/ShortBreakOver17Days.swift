import JourneyCore

/// One short break (`V3`) longer than 17 days.
///
/// SSDA903 365: "Any individual short- term respite placement must not exceed 17 days." (`LS` `V3` and
/// `DEC > DECOM + 17 days`, an open row to 31 March.) Here each row read back from the period (`CareEpisode`), an open
/// one to the as-of date.
///
/// **By design**: rows of one child that overlap (a row `S` while an earlier one is open, which 501 flags) are read
/// by the import as a new period of care, the earlier one left open, with the rows after sorted by `DECOM`; so a
/// stretch can end sooner here than the overlapping row's own `DEC` says.
struct ShortBreakOver17Days: Check {
    var id: String { "short-break-over-17-days" }
    var severity: Severity { .error }
    var rule: String? { "903 365" }
    var summary: String { "A single short break (V3) lasts more than 17 days." }
    var judges: RecordFacts { [.periodsOfCare] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for e in child.careEpisodes where e.legalStatus?.rawValue == "V3" {
            let end = child.endOrAsOf(e.end)
            guard e.start.days(to: end) > 17 else { continue }
            findings.append(
                finding(
                    child, on: e.start, events: [child.event(beginning: e)],
                    "A short break (V3) lasts more than 17 days, the most one break may: record when it ended, or "
                        + "the legal status that followed it."))
        }
    }
}
