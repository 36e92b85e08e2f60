import JourneyCore
import JourneySynth
import JourneyTestSupport
import Testing

/// The same arguments give the same bytes; another seed gives another council.
struct DeterminismTests {
    @Test func theSameSeedGivesTheSameBytes() throws {
        let parameters = Councils.parameters(children: 250, defectRate: 0.1)
        let first = try Councils.jsonLines(parameters)
        let second = try Councils.jsonLines(parameters)
        #expect(first.bytes == second.bytes)
        #expect(first.summary == second.summary)
    }

    @Test func anotherSeedGivesAnotherCouncil() throws {
        let a = try Councils.jsonLines(Councils.parameters(children: 250, seed: 1)).bytes
        let b = try Councils.jsonLines(Councils.parameters(children: 250, seed: 2)).bytes
        #expect(a != b)
        #expect(!a.isEmpty && !b.isEmpty)
    }

    @Test func theCleanCouncilIsTheSameJourneysWithoutDefects() throws {
        // Defects are drawn after a child's journey, so switching them off changes no journey: the clean council's
        // child registrations are the defective council's, less the duplicate records.
        let clean = try Councils.events(Councils.parameters(children: 200, defectRate: 0))
        let defective = try Councils.events(Councils.parameters(children: 200, defectRate: 0.5))
        let registrations = { (events: [Event]) in
            events.filter { $0.type == .childRegistered && $0.child.rawValue.hasPrefix("C") }.map(\.canonicalJSONString)
        }
        #expect(registrations(clean) == registrations(defective))
    }

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
