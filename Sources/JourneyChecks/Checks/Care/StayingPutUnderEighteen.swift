import JourneyCore

/// Care ended with the young person staying put with their carers at 18 (`E17`) before they were 18.
///
/// SSDA903 460: "Reason episode ceased is that child stayed with current carers at age 18 (or above), but child is
/// aged under 18." (`REC` `E17` and `DEC < DOB + 18 years`.) The rule is shared with the other end-reason ages:
/// `CareEndReasonAge`.
struct StayingPutUnderEighteen: CareEndReasonAge {
    var id: String { "staying-put-under-18" }
    var severity: Severity { .error }
    var rule: String? { "903 460" }
    var summary: String { "Care ends with staying put with the carers at 18 (E17) before the child is 18." }
    var reasons: Set<String> { ["E17"] }
    var age: Int { 18 }
    var bound: EndAgeBound { .onOrAfter }
    var reasonText: String { "Care ending with the young person staying with their carers at 18 (E17)" }
}
