import JourneyCore

/// Care ended with adoption (`E11`, `E12`) once the child was 18.
///
/// SSDA903 386: "Reason episode ceased is adopted but child has reached age 18." (`REC` `E11` or `E12` and
/// `DEC >= DOB + 18 years`.) The rule is shared with the other end-reason ages: `CareEndReasonAge`.
struct AdoptedAgedEighteenOrOver: CareEndReasonAge {
    var id: String { "adopted-aged-18-or-over" }
    var severity: Severity { .error }
    var rule: String? { "903 386" }
    var summary: String { "Care ends with adoption (E11, E12) on or after the child's 18th birthday." }
    var reasons: Set<String> { ["E11", "E12"] }
    var age: Int { 18 }
    var bound: EndAgeBound { .before }
    var reasonText: String { "Care ending with adoption (E11, E12)" }
}
