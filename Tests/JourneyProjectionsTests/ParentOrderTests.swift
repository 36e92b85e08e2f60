import JourneyCore
import JourneyTestSupport
import Testing

@testable import JourneyProjections

/// An event about a referral, plan, period of care or placement counts whether it comes before or after the event
/// that records that thing in the log: a record is built from the child's events, not from their order.
@Suite("Replay: an event before its parent in the log")
struct ParentOrderTests {
    func record(_ log: EventBuilder, _ child: String) -> ChildRecord? {
        var found: ChildRecord?
        log.state.forEachRecord { if $0.id.rawValue == child { found = $0 } }
        return found
    }

    @Test func closuresReviewsAndEndsWrittenBeforeTheirParentStillCount() throws {
        var log = EventBuilder()
        // Each written before the event it names, as an import in date order did (a closure dated before its
        // referral, a review before its plan…).
        log.add("C1", "2024-05-09", .caseClosed(referral: "R1", reason: ClosureReason("RC7")!))
        log.add("C1", "2024-05-01", .cpPlanReviewed(plan: "CP1"))
        log.add("C1", "2024-05-02", .cpPlanCategoryChanged(plan: "CP1", category: AbuseCategory("EMO")!))
        log.add("C1", "2024-05-03", .cinPlanReviewed(plan: "P1"))
        log.add("C1", "2024-05-04", .legalStatusChanged(period: "L1", legalStatus: LegalStatus("C2")!))
        log.add("C1", "2024-05-05", .careReviewed(period: "L1", participation: nil))
        log.add("C1", "2024-05-06", .placementEnded(placement: "PL1", reason: nil))
        log.referral("C1", "2024-05-10")
        log.add(
            "C1", "2024-05-10",
            .cpPlanStarted(CPPlanStarted(plan: "CP1", referral: "R1", category: AbuseCategory("NEG")!)))
        log.add("C1", "2024-05-10", .cinPlanStarted(plan: "P1", referral: "R1"))
        log.add(
            "C1", "2024-04-01",
            .careStarted(CareStarted(period: "L1", legalStatus: LegalStatus("V2")!, needCode: CareNeed("N1")!)))
        log.add(
            "C1", "2024-04-01",
            .placementStarted(PlacementStarted(placement: "PL1", period: "L1", placementType: PlacementType("U1")!)))
        let r = try #require(record(log, "C1"))
        #expect(r.referrals.first?.closed == d("2024-05-09"))
        #expect(r.cpPlans.first?.reviews == [d("2024-05-01")])
        #expect(r.cpPlans.first?.latestCategory?.rawValue == "EMO")
        #expect(r.cinPlans.first?.reviews == [d("2024-05-03")])
        #expect(r.periodsOfCare.first?.legalStatuses.map(\.date) == [d("2024-04-01"), d("2024-05-04")])
        #expect(r.periodsOfCare.first?.reviews == [d("2024-05-05")])
        #expect(r.placements.first?.end == d("2024-05-06"))
    }

    @Test func anEnquiryStartedAfterItsCompletionWasWrittenBelongsToItsReferral() throws {
        var log = EventBuilder()
        log.referral("C1", "2025-05-03")
        // The start recorded late, after the completion (journey synth's late recording did this).
        log.add("C1", "2025-06-03", .s47Completed(s47: "S2", icpcRequired: true))
        log.add("C1", "2025-05-14", .s47Started(s47: "S2", referral: "R1", strategy: nil))
        let r = try #require(record(log, "C1"))
        let enquiry = try #require(r.s47Enquiries.first)
        // One enquiry, started 2025-05-14, completed 2025-06-03, on the child's one referral.
        #expect(r.s47Enquiries.count == 1)
        #expect(enquiry.started == d("2025-05-14"))
        #expect(enquiry.completed == d("2025-06-03"))
        #expect(enquiry.referral == r.referrals.first?.key)
        #expect(enquiry.referral != 0)
    }
}
