import JourneyCore

/// An other placement recorded `Z1` and in force on or after 1 April 2025, when the SSDA903 takes `Z11`-`Z14` in its
/// place.
///
/// SSDA903 146: "Placement type code is not a valid code." lac2025_26's list has Z11-Z14 and not Z1, which the rule
/// sets before it take. The event format takes both, as a log holds placements of every year: a Z1 placement that
/// ended before 1 April 2025 is as the 903 asked then; one in force from that day needs its 2025-26 code, which only
/// the council can choose (the return writes it as recorded, and a finding). Judged from 1 April 2025 only. The check
/// follows 146 for Z1 alone: H5 and P2, which lac2025_26 refuses too, are not judged here, their 2025-26 code (K3)
/// not being one the event format takes yet.
struct OtherPlacementCodedZ1From2025: Check {
    var id: String { "other-placement-z1-from-2025" }
    var severity: Severity { .error }
    var rule: String? { "903 146" }
    var summary: String { "An other placement in force from 1 April 2025 is recorded Z1, not one of Z11-Z14." }
    var judges: RecordFacts { [.placements] }

    /// The first day of the collection year 2025-26.
    static let split = CalendarDate(year: 2025, month: 4, day: 1)!

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        // A child with no Z1 placement is never judged, so the day of the split is not noted for it (`AsOfDate`).
        guard child.record.placements.contains(where: { $0.placementType.rawValue == "Z1" }), child.asOf >= Self.split
        else { return }
        for p in child.record.placements
        where p.placementType.rawValue == "Z1" && p.start <= child.asOf && (p.end.map { $0 >= Self.split } ?? true) {
            findings.append(
                finding(
                    child, on: max(p.start, Self.split), events: [child.start(of: p)],
                    "An other placement in force from 1 April 2025 is recorded Z1: the 903 takes Z11-Z14 from "
                        + "2025-26; correct the placement's type to the one of them that fits."))
        }
    }
}
