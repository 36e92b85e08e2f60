import JourneyCore

/// A closure, review, change or end that names a referral, plan, period of care, placement or deprivation of liberty
/// order the child's record does not hold; a placement for adoption naming a placement, or a permanence order naming
/// a period of care, that it does not hold.
///
/// Such an event has nothing to apply to, so no figure or other check sees it: a case closure with no referral, a CP
/// plan review with no plan. The replay applies an event whose parent is written later in the log (an import may
/// write them in date order), so only a parent never recorded, recorded after the as-known-at time, or retracted is
/// reported. A deprivation of liberty order's end makes an order with no start, reported here as an order not
/// recorded. An adoption's steps without its decision are the permanence checks' (`adoption-without-decision` and
/// the checks of the SSDA903 rules on each step). No DfE rule: in the returns, these records sit inside the one they
/// belong to.
struct ParentNotRecorded: Check {
    var id: String { "parent-not-recorded" }
    var severity: Severity { .error }
    var summary: String {
        "A closure, review, change or end (or a placement for adoption, a permanence order) names a referral, plan, "
            + "period of care, placement or order that is not recorded."
    }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let record = child.record
        var referrals = FactKeys()
        var cinPlans = FactKeys()
        var cpPlans = FactKeys()
        var periods = FactKeys()
        var placements = FactKeys()
        var dolOrders = FactKeys()
        for e in record.recording.events where e.counts {
            let (event, parent, fix): (String, String, String)
            let isKnown: Bool
            switch e.type {
            case .caseClosed:
                isKnown = referrals.contain(e.key, among: record.referrals) { $0.key }
                (event, parent, fix) = (
                    "Case closed", "a referral", "record the referral, or correct the referral the closure names"
                )
            case .cinPlanReviewed:
                isKnown = cinPlans.contain(e.key, among: record.cinPlans) { $0.key }
                (event, parent, fix) = (
                    "CIN plan review", "a CIN plan", "record the plan, or correct the plan the review names"
                )
            case .cpPlanReviewed, .cpPlanCategoryChanged:
                isKnown = cpPlans.contain(e.key, among: record.cpPlans) { $0.key }
                (event, parent, fix) =
                    e.type == .cpPlanReviewed
                    ? ("CP plan review", "a CP plan", "record the plan, or correct the plan the review names")
                    : ("CP plan category changed", "a CP plan", "record the plan, or correct the plan the change names")
            case .legalStatusChanged, .careReviewed:
                isKnown = periods.contain(e.key, among: record.periodsOfCare) { $0.key }
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
                isKnown = placements.contain(e.key, among: record.placements) { $0.key }
                (event, parent, fix) = (
                    "Placement ended", "a placement",
                    "record the placement's start, or correct the placement the end names"
                )
            case .adoptionPlaced:
                // Naming the placement is optional: an adoptive placement that names none has nothing to find.
                guard e.ref != 0 else { continue }
                isKnown = placements.contain(e.ref, among: record.placements) { $0.key }
                (event, parent, fix) = (
                    "Placed for adoption", "a placement",
                    "record the placement's start, or correct the placement the event names"
                )
            case .permanenceOrderGranted:
                guard e.key != 0 else { continue }
                isKnown = periods.contain(e.key, among: record.periodsOfCare) { $0.key }
                (event, parent, fix) = (
                    "Permanence order", "a period of care", "record the period, or correct the period the order names"
                )
            case .deprivationOfLibertyEnded:
                // An order's end makes an order with no start: not an order recorded.
                isKnown = dolOrders.contain(e.key, among: record.deprivationOfLibertyOrders) {
                    $0.start == nil ? nil : $0.key
                }
                (event, parent, fix) = (
                    "Deprivation of liberty order ended", "an order",
                    "record the order's start, or correct the order the end names"
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
