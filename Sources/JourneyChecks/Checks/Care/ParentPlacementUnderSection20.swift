import JourneyCore

/// A placement with parents (`P1`) while the child is accommodated under section 20 (`V2`).
///
/// SSDA903 378: "A child who is placed with parent(s) cannot be looked after under a single period of accommodation
/// under Section 20 of the Children Act 1989." (`PLACE` P1 and `LS` V2 on one episode.) Here each 903 row of the
/// child's periods of care (`CareEpisode`) with both.
struct ParentPlacementUnderSection20: Check {
    var id: String { "parent-placement-under-section-20" }
    var severity: Severity { .error }
    var rule: String? { "903 378" }
    var summary: String { "A child is placed with parents (P1) while accommodated under section 20 (V2)." }
    var judges: RecordFacts { [.periodsOfCare] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for e in child.careEpisodes {
            guard e.placement?.placementType.rawValue == "P1", e.legalStatus?.rawValue == "V2" else { continue }
            findings.append(
                finding(
                    child, on: e.start, events: [child.event(beginning: e), e.placement?.position],
                    "A child accommodated under section 20 (V2) is placed with parents (P1): a placement with parents "
                        + "needs a care order; correct the legal status or the placement type."))
        }
    }
}
