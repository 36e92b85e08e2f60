import JourneyCore

/// A placement that ends because a child under 10 was admitted to custody.
///
/// SSDA903 234: "A child aged under 10 can not change placement due to being admitted to custody" (`REASON_PLACE_
/// CHANGE` CUSTOD and `DOB + 10 years` after the row's `DECOM`). The age of criminal responsibility is 10. The
/// validator takes the child's age on the day the ending placement's row began; the rule's text, followed here, the
/// age on the day of the change (the placement's end).
struct CustodyMoveUnderTen: Check {
    var id: String { "custody-move-under-10" }
    var severity: Severity { .error }
    var rule: String? { "903 234" }
    var summary: String { "A placement ends with the child moved to custody (CUSTOD) before the child is 10." }
    var judges: RecordFacts { [.placements] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        guard let born = child.record.birthDate else { return }
        for p in child.record.placements where p.endReason?.rawValue == "CUSTOD" {
            guard let end = p.ownEnd, end <= child.asOf, end < born.adding(years: 10) else { continue }
            findings.append(
                finding(
                    child, on: end, events: [child.end(of: p), child.birthDateEvent],
                    "A placement ends with the child moved to custody before the child is 10, the age of criminal "
                        + "responsibility: correct the reason for the change or the birth date."))
        }
    }
}
