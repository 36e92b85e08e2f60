import JourneyCore

/// Care ended with a move to independent living (`E5`, `E6`) before the child was 14.
///
/// SSDA903 387: "Reason episode ceased is child moved into independent living arrangement, but the child is aged under
/// 14." (`REC` `E5` or `E6` and `DEC < DOB + 14 years`.) The rule is shared with the other end-reason ages:
/// `CareEndReasonAge`.
struct IndependentLivingUnderFourteen: CareEndReasonAge {
    var id: String { "independent-living-under-14" }
    var severity: Severity { .error }
    var rule: String? { "903 387" }
    var summary: String { "Care ends with a move to independent living (E5, E6) before the child is 14." }
    var reasons: Set<String> { ["E5", "E6"] }
    var age: Int { 14 }
    var bound: EndAgeBound { .onOrAfter }
    var reasonText: String { "Care ending with a move to independent living (E5, E6)" }
}
