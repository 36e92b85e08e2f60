import Foundation
import JourneyCore
import JourneyTestSupport
import Testing

/// `docs/events.md` is the project's description of the interchange format: it must name every event type the
/// code reads, so that a type added to `EventType` without being documented fails here.
@Suite("The event format document")
struct EventFormatDocumentTests {
    @Test func namesEveryEventType() throws {
        let text = try ProjectDocument.text("events.md")
        let documented = ProjectDocument.entries(in: text)
        let missing = EventType.allCases.map(\.name).filter { !documented.contains($0) }
        #expect(missing.isEmpty, "docs/events.md has no heading or table entry for \(missing)")
    }

    /// The lines of the document's ```json blocks.
    static func exampleLines(in text: String) -> [String] {
        var lines: [String] = []
        var isInExample = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                isInExample = !isInExample && line == "```json"
            } else if isInExample && !line.isEmpty {
                lines.append(String(line))
            }
        }
        return lines
    }

    @Test func examplesAreEventsTheFormatAccepts() throws {
        let text = try ProjectDocument.text("events.md")
        let lines = Self.exampleLines(in: text)
        #expect(!lines.isEmpty)
        for line in lines {
            if case .failure(let invalid) = Event.parse(jsonLine: line) {
                Issue.record("docs/events.md example \(line.prefix(40))…: \(invalid.problems)")
            }
        }
    }

    @Test func findsNamesInHeadingsAndTableRowsOnly() {
        let text = """
            ### `care.started`
            | `placement.ended` | `placement` id |
            Prose that mentions `care.ended` does not document it.
            | field | `child.died` |
            """
        #expect(ProjectDocument.entries(in: text) == ["care.started", "placement.ended"])
    }
}
