import Foundation
import JourneyProjections
import Testing

/// `docs/metrics.md` is the project's statement of what each figure means: it must define every metric id the
/// catalogue evaluates, so that a metric added to the code without a definition fails here.
@Suite("The metric definitions document")
struct MetricDocumentTests {
    static let document = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/metrics.md")

    /// The ids the document gives as a heading (`### \`re-referrals\``) or as the first cell of a table row
    /// (`| \`contacts\` | …`).
    static func documentedIDs(in text: String) -> Set<String> {
        var ids: Set<String> = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            let entry: Substring
            if trimmed.hasPrefix("#") {
                entry = trimmed.drop { $0 == "#" }
            } else if trimmed.hasPrefix("|") {
                entry = trimmed.dropFirst().prefix { $0 != "|" }
            } else {
                continue
            }
            let words = entry.trimmingCharacters(in: .whitespaces)
            guard words.hasPrefix("`"), let end = words.dropFirst().firstIndex(of: "`") else { continue }
            ids.insert(String(words[words.index(after: words.startIndex)..<end]))
        }
        return ids
    }

    @Test func definesEveryMetricID() throws {
        let text = try String(contentsOf: Self.document, encoding: .utf8)
        let documented = Self.documentedIDs(in: text)
        let missing = MetricCatalogue.ids.filter { !documented.contains($0) }
        #expect(missing.isEmpty, "docs/metrics.md has no heading or table entry for \(missing)")
    }

    @Test func findsIDsInHeadingsAndTableRowsOnly() {
        let text = """
            ### `re-referrals` (CIN census)
            | `contacts` | contacts received |
            Prose that mentions `step-ups` does not define it.
            """
        #expect(Self.documentedIDs(in: text) == ["re-referrals", "contacts"])
    }
}
