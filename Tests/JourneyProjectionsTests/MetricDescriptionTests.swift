import JourneyTestSupport
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

    @Test("The statutory measures are sourced to the CIN census or SSDA903, each in the unit of its kind of figure")
    func headlines() {
        for id in MetricCatalogue.headlineIDs {
            let d = MetricCatalogue.description(of: id)
            #expect(d?.source.hasPrefix("CIN census") == true || d?.source.hasPrefix("SSDA903") == true, "\(id)")
        }
        // The rates of the pack are percentages; the permanence figures are counts of children or decisions, and
        // averages of days or of scores.
        let units: [String: MetricDescription.Unit] = [
            "re-referrals": .percentage, "placed-over-20-miles": .percentage, "adoptions": .count,
            "sgo-cao-exits": .count, "adoption-decision-reversed": .count, "adoption-entry-to-placement-days": .days,
            "adoption-order-to-match-days": .days, "cla-sdq": .score, "care-leavers-eet": .percentage,
            "cla-convicted": .percentage, "contacts": .count, "contacts-to-referrals": .percentage,
        ]
        for (id, unit) in units { #expect(MetricCatalogue.description(of: id)?.unit == unit, "\(id)") }
    }

    @Test("Each metric's figures are of the kind its unit says")
    func kinds() {
        let report = JourneyState().metrics(MetricContext(period: year2024))
        for m in report.metrics {
            #expect(MetricCatalogue.description(of: m.id)?.unit.kind == m.kind, "\(m.id)")
            #expect((m.kind == .count) == (m.denominator == nil), "\(m.id)")
        }
    }
}
