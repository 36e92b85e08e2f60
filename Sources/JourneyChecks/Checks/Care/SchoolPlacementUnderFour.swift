import JourneyCore

/// A placement in a residential school (`S1`) for a child under 4.
///
/// SSDA903 373: "Child placed in a school should be at least 4 years old." (`PLACE` = `S1` and
/// `DECOM < DOB + 4 years`.) The rule is shared with the other placement ages: `PlacementMinimumAge`.
struct SchoolPlacementUnderFour: PlacementMinimumAge {
    var id: String { "school-placement-under-4" }
    var severity: Severity { .error }
    var rule: String? { "903 373" }
    var summary: String { "A placement in a residential school (S1) starts before the child is 4." }
    var placementType: String { "S1" }
    var minimumAge: Int { 4 }
    var placementText: String { "A placement in a residential school" }
}
