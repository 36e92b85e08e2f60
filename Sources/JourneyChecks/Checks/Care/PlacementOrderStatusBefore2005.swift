import JourneyCore

/// Legal status `E1` (placement order) on a 903 row starting before December 2005.
///
/// SSDA903 446: "E1 is not a valid code for episodes starting before December 2005." Placement orders came in with
/// the Adoption and Children Act 2002 on 30 December 2005; the validator takes 1 December 2005. Here each 903 row
/// (`CareEpisode`) under `E1` starting before it.
struct PlacementOrderStatusBefore2005: Check {
    var id: String { "placement-order-status-before-2005" }
    var severity: Severity { .error }
    var rule: String? { "903 446" }
    var summary: String { "Legal status E1 (placement order) is in force before December 2005." }
    var judges: RecordFacts { [.periodsOfCare] }

    static let firstDay = CalendarDate(year: 2005, month: 12, day: 1)!

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for e in child.careEpisodes where e.start < Self.firstDay && e.legalStatus?.rawValue == "E1" {
            findings.append(
                finding(
                    child, on: e.start, events: [child.event(beginning: e)],
                    "Legal status E1 (placement order) is in force before December 2005, when there were none: "
                        + "correct the legal status or the date."))
        }
    }
}
