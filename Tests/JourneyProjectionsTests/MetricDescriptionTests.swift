import Testing

@testable import JourneyProjections

/// `journey metrics --list` explains every metric the engine computes: none may be left without a description.
@Suite("Metric descriptions")
struct MetricDescriptionTests {
    @Test("Every metric id of the catalogue has a description, in the catalogue's order, and nothing else does")
    func everyIDDescribed() {
        #expect(MetricCatalogue.descriptions.map(\.id) == MetricCatalogue.ids)
        #expect(Set(MetricCatalogue.described.map(\.id)) == Set(MetricCatalogue.ids))
        #expect(MetricCatalogue.described.count == MetricCatalogue.ids.count)
    }

    @Test("Each description has a one-line definition and a source")
    func oneLine() {
        for d in MetricCatalogue.descriptions {
            #expect(!d.definition.isEmpty && !d.definition.contains("\n"), "\(d.id)")
            #expect(!d.source.isEmpty, "\(d.id)")
        }
    }

    @Test("The statutory measures are percentages sourced to the CIN census or SSDA903")
    func headlines() {
        for id in MetricCatalogue.headlineIDs {
            let d = MetricCatalogue.description(of: id)
            #expect(d?.unit == .percentage, "\(id)")
            #expect(d?.source.hasPrefix("CIN census") == true || d?.source.hasPrefix("SSDA903") == true, "\(id)")
        }
        #expect(MetricCatalogue.description(of: "contacts")?.unit == .count)
        #expect(MetricCatalogue.description(of: "contacts-to-referrals")?.unit == .percentage)
    }
}
