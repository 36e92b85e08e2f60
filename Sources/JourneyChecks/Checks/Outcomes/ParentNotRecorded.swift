import JourneyCore

/// A closure, review, change or end that names a referral, plan, period of care or placement the child's record does
/// not hold.
///
/// Such an event has nothing to apply to, so no figure or other check sees it: a case closure with no referral, a CP
/// plan review with no plan. The replay applies an event whose parent is written later in the log (an import may
/// write them in date order), so only a parent never recorded, recorded after the as-known-at time, or retracted is
/// reported. No DfE rule: in the returns, these records sit inside the one they belong to.
struct ParentNotRecorded: Check {
    var id: String { "parent-not-recorded" }
    var severity: Severity { .error }
    var summary: String {
        "A closure, review, change or end names a referral, plan, period of care or placement that is not recorded."
    }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let record = child.record
        var referrals: Set<UInt64>?
        var cinPlans: Set<UInt64>?
        var cpPlans: Set<UInt64>?
        var periods: Set<UInt64>?
        var placements: Set<UInt64>?
        for e in record.recording.events where e.counts {
            let (event, parent, fix): (String, String, String)
            let isKnown: Bool
            switch e.type {
            case .caseClosed:
                if referrals == nil { referrals = Set(record.referrals.map(\.key)) }
                isKnown = referrals!.contains(e.key)
                (event, parent, fix) = (
                    "Case closed", "a referral", "record the referral, or correct the referral the closure names"
                )
            case .cinPlanReviewed:
                if cinPlans == nil { cinPlans = Set(record.cinPlans.map(\.key)) }
                isKnown = cinPlans!.contains(e.key)
                (event, parent, fix) = (
                    "CIN plan review", "a CIN plan", "record the plan, or correct the plan the review names"
                )
            case .cpPlanReviewed, .cpPlanCategoryChanged:
                if cpPlans == nil { cpPlans = Set(record.cpPlans.map(\.key)) }
                isKnown = cpPlans!.contains(e.key)
                (event, parent, fix) =
                    e.type == .cpPlanReviewed
                    ? ("CP plan review", "a CP plan", "record the plan, or correct the plan the review names")
                    : ("CP plan category changed", "a CP plan", "record the plan, or correct the plan the change names")
            case .legalStatusChanged, .careReviewed:
                if periods == nil { periods = Set(record.periodsOfCare.map(\.key)) }
                isKnown = periods!.contains(e.key)
                (event, parent, fix) =
                    e.type == .careReviewed
                    ? (
                        "Looked-after review", "a period of care",
                        "record the period, or correct the period the review names"
                    )
                    : (
                        "Legal status changed", "a period of care",
                        "record the period, or correct the period the change names"
                    )
            case .placementEnded:
                if placements == nil { placements = Set(record.placements.map(\.key)) }
                isKnown = placements!.contains(e.key)
                (event, parent, fix) = (
                    "Placement ended", "a placement",
                    "record the placement's start, or correct the placement the end names"
                )
            default:
                continue
            }
            guard !isKnown else { continue }
            findings.append(
                finding(
                    child, on: e.occurred, events: [e.position],
                    "\(event) \(e.occurred) names \(parent) that is not recorded for this child: \(fix)."))
        }
    }
}
