import JourneyCore

/// `T4`, temporary accommodation of seven days or less: at most 7 days (SSDA903 rule 379, "Temporary placements for
/// unspecified reason (placement code T4) cannot exceed seven days"). The rule itself is shared with the other
/// limits: `TemporaryPlacementLimit`.
struct TemporaryOtherOverSevenDays: TemporaryPlacementLimit {
    var id: String { "t4-temporary-over-seven-days" }
    var severity: Severity { .error }
    var rule: String? { "903 379" }
    var summary: String { "A temporary placement of seven days or less (T4) lasts more than 7 days." }
    var placementType: String { "T4" }
    var limitDays: Int { 7 }
    var limitText: String { "7 days" }
}
