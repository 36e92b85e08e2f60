import JourneyCore

/// An emergency protection order (`L2`) held for more than 21 days.
///
/// SSDA903 362: "Emergency protection order (EPO) lasted longer than 21 days" (Children Act 1989, section 45: 8 days,
/// extendable once by 7; the rule allows 21). The rule is shared with the other legal-status limits:
/// `LegalStatusLimit`.
struct EmergencyProtectionOver21Days: LegalStatusLimit {
    var id: String { "emergency-protection-over-21-days" }
    var severity: Severity { .error }
    var rule: String? { "903 362" }
    var summary: String { "Legal status L2 (emergency protection order) lasts more than 21 days." }
    var status: String { "L2" }
    var limitDays: Int { 21 }
    var statusText: String { "An emergency protection order (L2)" }
    var limitText: String { "21 days" }
}
