import JourneyCore
import JourneySynth
import JourneyTestSupport
import Testing

/// A clean council of 20,000 children over five years (with the default history before it), measured as the
/// metric definitions do in its last year, comes out near England's figures. The tolerances allow for the
/// sampling error of a council this size (about ±4 points on long-term stability's hundred or so children).
/// The table of figures against targets is printed: `swift test --disable-xctest --filter CalibrationTests`.
struct CalibrationTests {
    static let year = (from: d("2024-04-01"), to: d("2025-03-31"))
    static let measures: CalibrationMeasures = {
        let council = try! SyntheticCouncil(
            SynthParameters(children: 20_000, from: d("2020-04-01"), to: d("2025-03-31"), seed: 7, defectRate: 0))
        let measures = CalibrationMeasures(council.events(), from: year.from, to: year.to)
        print(measures.table(against: .england))
        return measures
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
        #expect(abs(m.cpPlansTwoYearsOrMore.value - 0.04) < 0.02, "CP 2 years \(m.cpPlansTwoYearsOrMore)")
        #expect(abs(m.secondOrSubsequentCPPlans.value - 0.23) < 0.04, "repeat CP \(m.secondOrSubsequentCPPlans)")
        #expect(abs(m.threeOrMorePlacements.value - 0.10) < 0.03, "3+ placements \(m.threeOrMorePlacements)")
        #expect(abs(m.longTermStability.value - 0.69) < 0.08, "long-term \(m.longTermStability)")
        // The history before the log gives the measure a real population: children in care for 2½ years or more
        // in a log of five years (without it, about 30 here).
        #expect(m.longTermStability.denominator >= 80)
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
