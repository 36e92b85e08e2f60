import Testing

@testable import JourneyReports

@Test func theModuleIsThere() {
    #expect(String(describing: JourneyReports.self) == "JourneyReports")
}
