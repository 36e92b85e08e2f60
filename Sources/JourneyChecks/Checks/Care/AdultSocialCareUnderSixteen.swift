import JourneyCore

/// Care ended with a transfer to adult social care services (`E7`) before the child was 16.
///
/// SSDA903 389: "Reason episode ceased is that child transferred to care of adult social care services, but child is
/// aged under 16." (`REC` `E7` and `DEC < DOB + 16 years`.) The rule is shared with the other end-reason ages:
/// `CareEndReasonAge`.
struct AdultSocialCareUnderSixteen: CareEndReasonAge {
    var id: String { "adult-social-care-under-16" }
    var severity: Severity { .error }
    var rule: String? { "903 389" }
    var summary: String { "Care ends with a transfer to adult social care (E7) before the child is 16." }
    var reasons: Set<String> { ["E7"] }
    var age: Int { 16 }
    var bound: EndAgeBound { .onOrAfter }
    var reasonText: String { "Care ending with a transfer to adult social care (E7)" }
}
