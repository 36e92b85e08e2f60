import JourneyCore

/// Care that ended with adoption on the day the child was matched with the adopters.
///
/// SSDA903 582 (a query): "Child is showing as ceasing to be looked after due to adoption, but the date of adoption
/// is the same as the date reported for being matched with adopters. In most circumstances we expect the date the
/// child is matched with adopters to be before the date of adoption." The validator compares the `DEC` of a row with
/// `REC` `E11` or `E12` with the AD1 `DATE_MATCH` of the child. Here the end of a period of care with `E11` or `E12`
/// against every adoption's match date.
struct AdoptedOnDayMatched: Check {
    var id: String { "adopted-on-day-matched" }
    var severity: Severity { .query }
    var rule: String? { "903 582" }
    var summary: String { "Care ends with adoption (E11, E12) on the day the child was matched with the adopters." }
    var judges: RecordFacts { [.periodsOfCare, .adoptions] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for p in child.record.periodsOfCare {
            guard let end = p.end, end <= child.asOf, let reason = p.endReason?.rawValue,
                reason == "E11" || reason == "E12",
                let match = child.record.adoptions.compactMap(\.matched).first(where: { $0.date == end })
            else { continue }
            findings.append(
                finding(
                    child, on: end, events: [child.end(of: p), match.position],
                    "Care ends with adoption on the day the child was matched with the adopters: a match usually comes "
                        + "before the adoption; check both dates."))
        }
    }
}
