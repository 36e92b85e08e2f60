import JourneyCore

/// A placement for adoption with the current foster carers (`A3`, `A5`) entered as a move to a new carer.
///
/// SSDA903 217: "Children who are placed for adoption with current foster carers (placement types A3 or A5) must have
/// a reason for new episode of S, T or U." (`PLACE` A3 or A5 from 1 April 2015 with `RNE` other than S, T or U.) The
/// carer is the same, so the row starts the period (S) or changes placement with the same carer (T, U). Here each
/// A3 or A5 placement starting on or after 1 April 2015 that neither starts its period of care nor is marked
/// `sameCarer` (the return's P or B). The validator also flags the later rows of such a placement (a legal status
/// change, L), which the rule's text does not.
struct FosterCarerAdoptionNotSameCarer: Check {
    var id: String { "foster-carer-adoption-not-same-carer" }
    var severity: Severity { .error }
    var rule: String? { "903 217" }
    var summary: String {
        "A placement for adoption with the current foster carers (A3, A5) is entered as a new carer."
    }
    var judges: RecordFacts { [.placements] }

    static let firstDay = CalendarDate(year: 2015, month: 4, day: 1)!

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for p in child.record.placements where p.start <= child.asOf && p.start >= Self.firstDay && !p.isSameCarer {
            let type = p.placementType.rawValue
            guard type == "A3" || type == "A5",
                let period = child.record.periodsOfCare.first(where: { $0.key == p.period }), period.start != p.start
            else { continue }
            findings.append(
                finding(
                    child, on: p.start, events: [child.start(of: p)],
                    "A placement for adoption with the current foster carers (\(type)) is entered as a move to a new "
                        + "carer: mark it sameCarer, or correct the placement type."))
        }
    }
}
