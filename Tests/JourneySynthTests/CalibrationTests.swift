import JourneyCore
import JourneySynth
import JourneyTestSupport
import Testing

/// A clean council measured as the metric definitions do, in the last year of a seven-year log, comes out near
/// England's figures. The council is small enough for a debug build, so the tolerances allow for its sampling
/// error; `journey metrics` on a large council (see the report in Sources/JourneySynth) comes within a point.
struct CalibrationTests {
    static let year = (from: d("2024-04-01"), to: d("2025-03-31"))
    static let measures: CalibrationMeasures = {
        let council = try! SyntheticCouncil(
            SynthParameters(children: 12_000, from: d("2018-04-01"), to: d("2025-03-31"), seed: 11, defectRate: 0))
        return CalibrationMeasures(council.events(), from: year.from, to: year.to)
    }()

    @Test func frontDoorSharesAreOnTarget() {
        let m = Self.measures
        #expect(abs(m.reReferrals.value - 0.226) < 0.03, "re-referrals \(m.reReferrals)")
        #expect(abs(m.referralNFA.value - 0.065) < 0.015, "NFA \(m.referralNFA)")
        #expect(abs(m.assessedNotInNeed.value - 0.31) < 0.03, "not in need \(m.assessedNotInNeed)")
        let total = Double(m.referralSources.values.reduce(0, +))
        func share(_ codes: [String]) -> Double {
            Double(codes.reduce(0) { $0 + (m.referralSources[ReferralSource($1)!] ?? 0) }) / total
        }
        #expect(abs(share(["6"]) - 0.29) < 0.025)
        #expect(abs(share(["2A"]) - 0.18) < 0.025)
        #expect(abs(share(["3A", "3B", "3C", "3D", "3E", "3F"]) - 0.15) < 0.025)
    }

    @Test func timescalesAreOnTarget() {
        let m = Self.measures
        #expect(abs(m.assessmentsWithin45.value - 0.86) < 0.02, "assessments \(m.assessmentsWithin45)")
        #expect(abs(m.assessmentMedian - 33) <= 1, "median \(m.assessmentMedian)")
        #expect(abs(m.icpcWithin15.value - 0.81) < 0.04, "ICPC \(m.icpcWithin15)")
    }

    @Test func plansAndPlacementsAreNearTarget() {
        let m = Self.measures
        #expect(abs(m.cpPlansTwoYearsOrMore.value - 0.04) < 0.025, "CP 2 years \(m.cpPlansTwoYearsOrMore)")
        #expect(abs(m.secondOrSubsequentCPPlans.value - 0.23) < 0.06, "repeat CP \(m.secondOrSubsequentCPPlans)")
        #expect(abs(m.threeOrMorePlacements.value - 0.10) < 0.05, "3+ placements \(m.threeOrMorePlacements)")
        #expect(abs(m.longTermStability.value - 0.69) < 0.2, "long-term \(m.longTermStability)")
        #expect(m.longTermStability.denominator >= 10)
    }

    @Test func changedTargetsMoveTheFigures() throws {
        var targets = CalibrationTargets()
        targets.referralNFAPercent = 15
        targets.assessmentsWithin45WorkingDaysPercent = 70
        targets.assessmentMedianWorkingDays = 40
        let council = try SyntheticCouncil(
            SynthParameters(
                children: 3_000, from: d("2022-04-01"), to: d("2025-03-31"), seed: 5, defectRate: 0, targets: targets))
        let m = CalibrationMeasures(council.events(), from: Self.year.from, to: Self.year.to)
        #expect(abs(m.referralNFA.value - 0.15) < 0.03, "NFA \(m.referralNFA)")
        #expect(abs(m.assessmentsWithin45.value - 0.70) < 0.04, "assessments \(m.assessmentsWithin45)")
        #expect(abs(m.assessmentMedian - 40) <= 2, "median \(m.assessmentMedian)")
    }
}
