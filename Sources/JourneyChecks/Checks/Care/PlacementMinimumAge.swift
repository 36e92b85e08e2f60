import JourneyCore

/// What the placement-age checks share: a placement of one type for a child younger than its minimum age.
///
/// SSDA903 rules 372, 373 and 374 judge each row with that `PLACE` on its `DECOM`, against the child's birthday:
/// `DECOM < DOB + n years`. A placement here starts on its first row's `DECOM`, the earliest and youngest of its rows,
/// so judging its start judges them all. The validator leaves out rows with no `DEC` (still open at the year's end);
/// journey judges open placements too. A child with no birth date is not judged.
protocol PlacementMinimumAge: Check {
    var placementType: String { get }
    var minimumAge: Int { get }
    /// What the placement is, for the message: "A placement in youth custody or prison".
    var placementText: String { get }
}

extension PlacementMinimumAge {
    var judges: RecordFacts { [.placements] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        guard !child.record.placements.isEmpty, let born = child.record.birthDate else { return }
        let birthday = born.adding(years: minimumAge)
        for p in child.record.placements
        where p.placementType.rawValue == placementType && p.start <= child.asOf && p.start < birthday {
            findings.append(
                finding(
                    child, on: p.start, events: [p.position, child.birthDateEvent],
                    "\(placementText) (\(placementType)) starts before the child's \(ordinal(minimumAge)) birthday: "
                        + "correct the placement type, its start date or the birth date."))
        }
    }
}

/// `4th`, `10th`, `14th`, `16th`, `18th`.
func ordinal(_ n: Int) -> String {
    let suffix =
        switch (n % 10, n % 100) {
        case (_, 11...13): "th"
        case (1, _): "st"
        case (2, _): "nd"
        case (3, _): "rd"
        default: "th"
        }
    return "\(n)\(suffix)"
}
