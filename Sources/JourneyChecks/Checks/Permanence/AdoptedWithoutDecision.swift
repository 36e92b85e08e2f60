import JourneyCore

/// A period of care ended as adopted (`E11`, `E12`) with no decision to place for adoption recorded before it.
///
/// A child adopted from care was the subject of a decision that they should be placed for adoption (the SSDA903's
/// AD1 `DATE_INT`). No 903 rule judges its absence: `journey return` writes the AD1 row from the decision, so a child
/// without one has no row, and 601 (AD1 items blank, `adopted-without-match`) compares only the rows there are. A
/// warning: the adoption may be right and only its decision missing from the log, which starts part-way through some
/// children's histories.
struct AdoptedWithoutDecision: Check {
    var id: String { "adopted-without-decision" }
    var severity: Severity { .warning }
    var summary: String {
        "A period of care ended as adopted (E11, E12) with no decision to place for adoption recorded before it."
    }
    var judges: RecordFacts { [.periodsOfCare] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for (p, end, reason) in child.adoptedPeriods where child.latestAdoptionDecided(onOrBefore: end) == nil {
            findings.append(
                finding(
                    child, on: end, events: [child.end(of: p)],
                    "Period of care ended \(end) with reason \(reason) (adopted), but no decision to place for "
                        + "adoption is recorded on or before it: record the decision (adoption.decided, the 903's "
                        + "AD1), or correct the reason care ended."))
        }
    }
}
