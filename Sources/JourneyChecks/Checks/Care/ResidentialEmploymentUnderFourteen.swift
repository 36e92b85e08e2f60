import JourneyCore

/// A placement in residential employment (`P3`) for a child under 14.
///
/// SSDA903 374: "Child in residential employment should be at least 14 years old." (`PLACE` = `P3` and
/// `DECOM < DOB + 14 years`.) The rule is shared with the other placement ages: `PlacementMinimumAge`.
struct ResidentialEmploymentUnderFourteen: PlacementMinimumAge {
    var id: String { "residential-employment-under-14" }
    var severity: Severity { .error }
    var rule: String? { "903 374" }
    var summary: String { "A placement in residential employment (P3) starts before the child is 14." }
    var placementType: String { "P3" }
    var minimumAge: Int { 14 }
    var placementText: String { "A placement in residential employment" }
}
