import JourneyCore

/// Care ended with a special guardianship order (`E45`–`E48`) after the child's 18th birthday.
///
/// SSDA903 407: "Reason episode ceased is Special Guardianship Order, but child has reached age 18." (`REC` `E45`,
/// `E46`, `E47` or `E48` and `DEC > DOB + 18 years`: the birthday itself passes, as the validator has it.) The rule is
/// shared with the other end-reason ages: `CareEndReasonAge`.
struct SpecialGuardianshipOverEighteen: CareEndReasonAge {
    var id: String { "special-guardianship-over-18" }
    var severity: Severity { .error }
    var rule: String? { "903 407" }
    var summary: String { "Care ends with a special guardianship order (E45–E48) after the child's 18th birthday." }
    var reasons: Set<String> { ["E45", "E46", "E47", "E48"] }
    var age: Int { 18 }
    var bound: EndAgeBound { .onOrBefore }
    var reasonText: String { "Care ending with a special guardianship order (E45–E48)" }
}
