import Testing

@testable import JourneyReports

@Suite("Red, amber, green and the direction of travel")
struct RAGStatusTests {
    // Assessments within 45 working days: England 86%, higher is better, amber within 2 points (84.0–85.9).
    @Test(arguments: [
        (90.0, RAGStatus.green), (86.0, .green), (85.9, .amber), (84.0, .amber), (83.9, .red), (0, .red),
    ])
    func higherIsBetter(value: Double, expected: RAGStatus) {
        let target = Target(value: 86, tolerance: 2, source: "England")
        #expect(RAGStatus.status(of: value, against: target, polarity: .higherIsBetter) == expected)
    }

    // Re-referrals: England 22.6%, lower is better, amber from 22.7 up to 24.6, red from 24.7.
    @Test(arguments: [
        (0.0, RAGStatus.green), (22.6, .green), (22.7, .amber), (24.6, .amber), (24.7, .red),
    ])
    func lowerIsBetter(value: Double, expected: RAGStatus) {
        let target = Target(value: 22.6, tolerance: 2, source: "England")
        #expect(RAGStatus.status(of: value, against: target, polarity: .lowerIsBetter) == expected)
    }

    @Test func noToleranceMeansRedAsSoonAsBelow() {
        let target = Target(value: 95, tolerance: 0, source: "local target")
        #expect(RAGStatus.status(of: 95, against: target, polarity: .higherIsBetter) == .green)
        #expect(RAGStatus.status(of: 94.9, against: target, polarity: .higherIsBetter) == .red)
    }

    @Test func aFigureJustBelowTheTargetByRoundingNoiseIsGreen() {
        // 0.1 + 0.2 + 85.7 is 85.99999999999999 in binary; printed as 86.0, it must be judged as 86.0.
        let target = Target(value: 86, tolerance: 2, source: "England")
        #expect(RAGStatus.status(of: 0.1 + 0.2 + 85.7, against: target, polarity: .higherIsBetter) == .green)
    }

    @Test func noTargetOrNoFigure() {
        let target = Target(value: 86, source: "England")
        #expect(RAGStatus.status(of: 50, against: nil, polarity: .higherIsBetter) == .noTarget)
        #expect(RAGStatus.status(of: nil, against: nil, polarity: .higherIsBetter) == .noTarget)
        #expect(RAGStatus.status(of: nil, against: target, polarity: .higherIsBetter) == .noData)
    }

    @Test func aChangeOfAPointOrLessIsSimilar() {
        // The band is 1 percentage point, on the figures as printed (tenths).
        // 86.4 − 86.3 = 0.1: similar, not improving.
        #expect(DirectionOfTravel.between(86.3, 86.4, polarity: .higherIsBetter) == .similar)
        // 81.0 − 80.0 = 1.0: on the band's edge, still similar; 81.1 − 80.0 = 1.1 is beyond it.
        #expect(DirectionOfTravel.between(80, 81, polarity: .higherIsBetter) == .similar)
        #expect(DirectionOfTravel.between(80, 81.1, polarity: .higherIsBetter) == .improving)
        #expect(DirectionOfTravel.between(80, 78.9, polarity: .higherIsBetter) == .worsening)
        // Lower is better: 22.4 after 24.0 is down 1.6, improving; 22.4 after 23.3 is down 0.9, similar.
        #expect(DirectionOfTravel.between(24.0, 22.4, polarity: .lowerIsBetter) == .improving)
        #expect(DirectionOfTravel.between(23.3, 22.4, polarity: .lowerIsBetter) == .similar)
        // 7.1% to 9.1% (1 of 14 to 2 of 22): up 2.0, worsening for a lower-is-better measure.
        #expect(DirectionOfTravel.between(7.14, 9.09, polarity: .lowerIsBetter) == .worsening)
        // Judged as printed: 80.04 and 81.04 print as 80.0 and 81.0, 1.0 apart, though 1.0000001 apart exactly.
        #expect(DirectionOfTravel.between(80.04, 81.0400001, polarity: .higherIsBetter) == .similar)
    }

    @Test func directionRespectsPolarity() {
        #expect(DirectionOfTravel.between(80, 81.5, polarity: .higherIsBetter) == .improving)
        #expect(DirectionOfTravel.between(80, 78.9, polarity: .higherIsBetter) == .worsening)
        #expect(DirectionOfTravel.between(20, 21.1, polarity: .lowerIsBetter) == .worsening)
        #expect(DirectionOfTravel.between(22, 20, polarity: .lowerIsBetter) == .improving)
        #expect(DirectionOfTravel.between(20, 20, polarity: .lowerIsBetter) == .similar)
        #expect(DirectionOfTravel.between(nil, 20, polarity: .lowerIsBetter) == .notComparable)
        #expect(DirectionOfTravel.between(20, nil, polarity: .higherIsBetter) == .notComparable)
    }

    @Test func polarityIsWrittenDownForEveryHeadlineMeasure() {
        let lower = Set(PackMeasure.all.filter { $0.polarity == .lowerIsBetter }.map(\.id))
        #expect(
            lower == [
                "re-referrals", "repeat-cp-plans", "cp-plan-duration", "placement-stability-short-term",
                "placed-over-20-miles",
            ])
        #expect(PackMeasure.all.count == 9)
    }
}
