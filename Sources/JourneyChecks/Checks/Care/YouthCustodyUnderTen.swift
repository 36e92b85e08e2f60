import JourneyCore

/// A placement in youth custody or prison (`R5`) for a child under 10.
///
/// SSDA903 372: "Child in youth custody or prison should be at least 10." (`PLACE` = `R5` and
/// `DECOM < DOB + 10 years`.) The rule is shared with the other placement ages: `PlacementMinimumAge`.
struct YouthCustodyUnderTen: PlacementMinimumAge {
    var id: String { "youth-custody-under-10" }
    var severity: Severity { .error }
    var rule: String? { "903 372" }
    var summary: String { "A placement in youth custody or prison (R5) starts before the child is 10." }
    var placementType: String { "R5" }
    var minimumAge: Int { 10 }
    var placementText: String { "A placement in youth custody or prison" }
}
