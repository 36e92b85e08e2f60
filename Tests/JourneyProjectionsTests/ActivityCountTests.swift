import Testing

@testable import JourneyProjections

struct ActivityCountTests {
    /// Each count names the id it counts, written out here from the list of activity ids (metrics.md, activity).
    @Test func eachCountNamesItsID() {
        let expected: [(Activity.Count, String)] = [
            (.contacts, "contacts"), (.referrals, "referrals"), (.assessmentsCompleted, "assessments-completed"),
            (.s47EnquiriesStarted, "s47-enquiries-started"), (.icpcsHeld, "icpcs-held"),
            (.cinPlansStarted, "cin-plans-started"), (.cinPlansEnded, "cin-plans-ended"),
            (.cpPlansStarted, "cp-plans-started"), (.cpPlansEnded, "cp-plans-ended"),
            (.periodsOfCareStarted, "periods-of-care-started"), (.periodsOfCareEnded, "periods-of-care-ended"),
            (.childrenInNeedOnDate, "children-in-need-on-date"),
            (.childrenOnCPPlansOnDate, "children-on-cp-plans-on-date"),
            (.childrenLookedAfterOnDate, "children-looked-after-on-date"), (.stepUps, "step-ups"),
            (.stepDowns, "step-downs"), (.contactsToReferrals, "contacts-to-referrals"),
            (.referralsToAssessments, "referrals-to-assessments"), (.s47sToICPCs, "s47s-to-icpcs"),
            (.icpcsToCPPlans, "icpcs-to-cp-plans"), (.missingEpisodesEnded, "missing-episodes-ended"),
        ]
        #expect(Activity.Count.allCases.count == expected.count)
        #expect(Activity.ids.count == expected.count)
        for (count, id) in expected { #expect(count.id == id) }
    }

    /// A counter read and written by its id is the one counted by its `Count`.
    @Test func countersByID() {
        var activity = Activity(MetricContext(period: ReportingPeriod(statutoryYear: "2024-25")!))
        activity.counts.byCount[Activity.Count.s47sToICPCs.rawValue].numerator = 3
        #expect(activity.counts["s47s-to-icpcs"]?.numerator == 3)
        activity.counts["step-downs"] = (5, 7, activity.counts["step-downs"]!.tally)
        #expect(activity.counts.byCount[Activity.Count.stepDowns.rawValue].denominator == 7)
        #expect(activity.counts["no-such-count"] == nil)
    }
}
