import JourneyCore
import JourneySynth
import JourneyTestSupport
import Testing

/// Parameters are checked before a council is made, targets can be changed, written out and read back.
struct ParametersTests {
    @Test func parametersThatCannotMakeACouncilAreRefused() {
        #expect(throws: SynthParametersError.self) {
            try SyntheticCouncil(Councils.parameters(children: 0))
        }
        #expect(throws: SynthParametersError.self) {
            try SyntheticCouncil(Councils.parameters(from: "2025-04-01", to: "2024-03-31"))
        }
        var targets = CalibrationTargets()
        targets.assessmentsWithin45WorkingDaysPercent = 40
        #expect(throws: SynthParametersError.self) {
            try SyntheticCouncil(
                SynthParameters(children: 10, from: d("2024-04-01"), to: d("2025-03-31"), targets: targets))
        }
    }

    @Test(arguments: [0.0, 0.01, 0.5, 0.89])
    func targetsAtTheirLimitsStillMakeACouncil(share: Double) throws {
        var targets = CalibrationTargets()
        targets.reReferralPercent = share * 100
        targets.referralNFAPercent = share * 100
        targets.assessedNotInNeedPercent = share * 100
        targets.icpcWithin15WorkingDaysPercent = share * 100
        targets.cpPlansLasting2YearsOrMorePercent = share * 100
        targets.secondOrSubsequentCPPlansPercent = share * 100
        targets.assessmentsWithin45WorkingDaysPercent = 50.5 + share * 49
        targets.assessmentMedianWorkingDays = 5 + share * 39
        targets.longTermPlacementStabilityPercent = 30 + share * 60
        targets.threeOrMorePlacementsPercent = 2 + share * 28
        let council = try SyntheticCouncil(
            SynthParameters(children: 150, from: d("2022-04-01"), to: d("2025-03-31"), seed: 3, targets: targets))
        #expect(council.events().count > 500)
    }

    @Test func targetsRoundTripThroughJSON() throws {
        var targets = CalibrationTargets()
        targets.reReferralPercent = 18.5
        targets.referralSourcePercent = [ReferralSource("6")!: 50, ReferralSource("2A")!: 50]
        let json = try JSONParser.parse(targets.jsonText)
        #expect(try CalibrationTargets(json: json) == targets)
        // Fields left out keep England's figures; unknown ones are refused.
        #expect(try CalibrationTargets(json: JSONParser.parse("{}")) == CalibrationTargets.england)
        #expect(throws: SynthParametersError.self) {
            try CalibrationTargets(json: JSONParser.parse("{\"reReferalPercent\": 20}"))
        }
    }
}
