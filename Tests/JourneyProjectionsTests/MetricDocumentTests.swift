import Foundation
import JourneyProjections
import JourneyTestSupport
import Testing

/// `docs/metrics.md` is the project's statement of what each figure means: it must define every metric id the
/// catalogue evaluates, so that a metric added to the code without a definition fails here.
@Suite("The metric definitions document")
struct MetricDocumentTests {
    @Test func definesEveryMetricID() throws {
        let text = try ProjectDocument.text("metrics.md")
        let documented = ProjectDocument.entries(in: text)
        let missing = MetricCatalogue.ids.filter { !documented.contains($0) }
        #expect(missing.isEmpty, "docs/metrics.md has no heading or table entry for \(missing)")
    }

    @Test func findsIDsInHeadingsAndTableRowsOnly() {
        let text = """
            ### `re-referrals` (CIN census)
            | `contacts` | contacts received |
            Prose that mentions `step-ups` does not define it.
            """
        #expect(ProjectDocument.entries(in: text) == ["re-referrals", "contacts"])
    }
}
