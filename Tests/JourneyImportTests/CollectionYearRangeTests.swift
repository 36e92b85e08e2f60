import JourneyCore
import JourneyImport
import JourneyTestSupport
import Testing

/// A return's year sets the time its events are recorded at (the last second of its 31 March). A year beyond the
/// years a time can hold once overflowed that arithmetic and trapped; it is now refused, by `--year` and when told
/// from the return itself.
@Suite("Collection years within the years a time can hold")
struct CollectionYearRangeTests {
    @Test("--year reads years up to 2260-61, whose 31 March 2261 is the last a time can hold")
    func yearsRead() {
        #expect(CollectionYear("2260-61")?.end == CalendarDate("2261-03-31"))
        #expect(CollectionYear("2261-62") == nil)
        #expect(CollectionYear("9998-99") == nil)
    }

    @Test("A collection year starts from 1900 to 2260; its default recorded time is its 31 March, 23:59:59 UTC")
    func startYears() throws {
        let year = try #require(CollectionYear(startYear: 2024))
        #expect(SSDA903Importer.defaultRecorded(for: year).description == "2025-03-31T23:59:59Z")
        #expect(CollectionYear(startYear: 2300) == nil)
        #expect(CollectionYear(startYear: 1899) == nil)
        #expect(CollectionYear(containing: d("2261-03-31"))?.startYear == 2260)
        #expect(CollectionYear(containing: d("2261-04-01")) == nil)
        #expect(CollectionYear(containing: d("9999-12-31")) == nil)
    }

    @Test("A CIN census whose header says the year 9999 is refused with a reason, and nothing is appended")
    func censusOfYear9999() throws {
        let scratch = Scratch()
        let file = scratch.write(
            "cin.xml", cinReturn(referenceDate: "9999-03-31", dateTime: "9999-04-01T00:00:00", children: ""))
        #expect(throws: ImportError.self) { try scratch.importCINCensus(file) }
        #expect(try scratch.events().isEmpty)
    }
}
