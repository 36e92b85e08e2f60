import JourneyCore
import JourneyProjections
import JourneyTestSupport
import Testing

@testable import JourneyReports

/// The returns drawn on all cores from a state (`CINCensusReturn(schema:state:asKnownAt:)`,
/// `SSDA903Return(startYear:state:asKnownAt:)`, what the commands write) are the returns of every record added in
/// turn: on a council with corrections, retractions and merged duplicate records, for two years, as the log stands
/// and as known at an earlier time.
struct ReturnsOnAllCoresTests {
    static let state = try! councilWithDefects(children: 800, from: "2021-04-01", seed: 13)

    static let times: [Timestamp?] = [nil, t("2024-12-31T00:00:00Z")]

    @Test(arguments: ["2023-24", "2024-25"])
    func cinCensus(year: String) throws {
        let schema = try #require(CollectionYear(year).flatMap(CINCensusSchema.init(year:)))
        for time in Self.times {
            let inTurn = CINCensusReturn(schema: schema) { add in
                Self.state.forEachRecord(asKnownAt: time) { add($0) }
            }
            let onAllCores = CINCensusReturn(schema: schema, state: Self.state, asKnownAt: time)
            #expect(onAllCores.children == inTurn.children, "\(year) as known at \(String(describing: time))")
            #expect(onAllCores.findings == inTurn.findings)
            #expect(inTurn.children.count > 50 && !inTurn.findings.isEmpty)
        }
    }

    @Test(arguments: [2023, 2024])
    func ssda903(startYear: Int) {
        for time in Self.times {
            var inTurn = SSDA903Return(startYear: startYear)
            Self.state.forEachRecord(asKnownAt: time) { inTurn.add($0) }
            inTurn.finish()
            let onAllCores = SSDA903Return(startYear: startYear, state: Self.state, asKnownAt: time)
            #expect(onAllCores.rows == inTurn.rows, "\(startYear) as known at \(String(describing: time))")
            #expect(onAllCores.blanks == inTurn.blanks)
            #expect(inTurn.childCount > 10)
        }
    }
}
