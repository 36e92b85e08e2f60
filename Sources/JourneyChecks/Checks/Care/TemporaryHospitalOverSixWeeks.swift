import JourneyCore

/// `T1`, temporary periods in hospital: at most 6 weeks (SSDA903 rule 375, "Hospitalisation coded as a temporary
/// placement exceeds six weeks").
/// The rule itself is shared with the other limits: `TemporaryPlacementLimit`.
struct TemporaryHospitalOverSixWeeks: TemporaryPlacementLimit {
    var id: String { "t1-hospital-over-six-weeks" }
    var severity: Severity { .error }
    var rule: String? { "903 375" }
    var summary: String { "A temporary placement in hospital (T1) lasts more than 6 weeks." }
    var placementType: String { "T1" }
    var limitDays: Int { 42 }
    var limitText: String { "6 weeks" }
}
