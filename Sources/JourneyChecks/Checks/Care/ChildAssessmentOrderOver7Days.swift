import JourneyCore

/// A child assessment order (`L3`) held for more than 7 days.
///
/// SSDA903 363: "Child assessment order (CAO) lasted longer than 7 days allowed in the Children Act 1989" (section
/// 43(5)). The validator sums the lengths of consecutive `L3` rows; here the stretch from the day it took effect to
/// the next other status. The rule is shared with the other legal-status limits: `LegalStatusLimit`.
struct ChildAssessmentOrderOver7Days: LegalStatusLimit {
    var id: String { "child-assessment-order-over-7-days" }
    var severity: Severity { .error }
    var rule: String? { "903 363" }
    var summary: String { "Legal status L3 (child assessment order) lasts more than 7 days." }
    var status: String { "L3" }
    var limitDays: Int { 7 }
    var statusText: String { "A child assessment order (L3)" }
    var limitText: String { "7 days" }
}
